// SPDX-License-Identifier: EUPL-1.2
#include "rules/input_limits.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

#include "rules/diagnostic.hpp"
#include "rules/utf8.hpp"

namespace ww {
namespace {

[[noreturn]] void refuse(const std::string& path, std::string message) {
    Diagnostics d;
    d.add({path, 0, 0, std::move(message), ""});
    throw LoadError(std::move(d));
}

// In the Dutch notation of the messages around it: 9,5 MiB.
std::string size_text(std::uintmax_t bytes) {
    if (bytes >= (1u << 20)) {
        std::string text = fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1u << 20));
        std::replace(text.begin(), text.end(), '.', ',');
        return text;
    }
    return fmt::format("{} bytes", bytes);
}

std::string too_large(std::uintmax_t bytes) {
    return fmt::format("het bestand is te groot ({}; hoogstens {})", size_text(bytes), size_text(limits::max_file_bytes));
}

// Reads at most max_file_bytes + 1 bytes, so that a file growing while it is read, or a device,
// cannot make us read without end.
std::string read_bounded(std::istream& in, const std::string& name) {
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > limits::max_file_bytes)
            refuse(name, fmt::format("het bestand is te groot (meer dan {})", size_text(limits::max_file_bytes)));
    }
    if (in.bad()) refuse(name, "kan het bestand niet lezen");
    return text;
}

// A regular file with open and read into a buffer of its size, not through an ifstream and a string
// that grows: every cold start reads the 19 files of the knowledge base (for the image's key). The
// buffer is not zeroed first, as a std::string of that size would be (C++20 has no
// resize_and_overwrite): 330 kB of stores before read() overwrites them. Read until the end all the
// same, bounded like read_bounded, should the file grow meanwhile.
InputBytes read_regular(const std::string& path, std::uintmax_t size) {
    struct Descriptor {
        int fd;
        ~Descriptor() { ::close(fd); }
    };
    const Descriptor d{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY)};
    if (d.fd < 0) refuse(path, fmt::format("kan het bestand niet openen ({})", std::strerror(errno)));
    std::size_t room = static_cast<std::size_t>(size) + 1;  // the byte more shows a file that grew
    InputBytes bytes{std::make_unique_for_overwrite<char[]>(room), 0};
    for (;;) {
        if (bytes.size == room) {
            if (bytes.size > limits::max_file_bytes)
                refuse(path, fmt::format("het bestand is te groot (meer dan {})", size_text(limits::max_file_bytes)));
            room = std::min<std::size_t>(2 * bytes.size, limits::max_file_bytes + 1);
            auto larger = std::make_unique_for_overwrite<char[]>(room);
            std::memcpy(larger.get(), bytes.data.get(), bytes.size);
            bytes.data = std::move(larger);
        }
        const ssize_t n = ::read(d.fd, bytes.data.get() + bytes.size, room - bytes.size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) refuse(path, "kan het bestand niet lezen");
        if (n == 0) break;
        bytes.size += static_cast<std::size_t>(n);
    }
    return bytes;
}

// yaml-cpp's marks: 0-based line, 0-based column in bytes, byte offset.
YAML::Mark mark_at(std::string_view text, std::size_t offset) {
    int line = 0;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    YAML::Mark mark;
    mark.pos = static_cast<int>(offset);
    mark.line = line;
    mark.column = static_cast<int>(offset - line_start);
    return mark;
}

// yaml-cpp would read UTF-16 and UTF-32 (by their byte order mark) and pass other bytes through;
// positions in messages assume UTF-8, and binary garbage deserves a plain answer.
void check_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            throw YAML::ParserException(
                mark_at(text, i), fmt::format("ongeldig teken U+{:04X}; is dit wel een tekstbestand (UTF-8)?", c));
        if (c == 0x7F)
            throw YAML::ParserException(mark_at(text, i), "ongeldig teken U+007F; is dit wel een tekstbestand (UTF-8)?");
        const std::size_t n = utf8_length(text, i);
        if (n == 0)
            throw YAML::ParserException(
                mark_at(text, i), fmt::format("ongeldige UTF-8 (byte 0x{:02X}); sla het bestand op als UTF-8", c));
        i += n;
    }
}

// Visits every node as a reader would, aliases expanded, without recursion, and stops at the limit:
// an alias may even refer to the node that contains it, making the graph cyclic.
void check_expansion(const YAML::Node& root, std::size_t text_size) {
    const std::size_t limit = limits::max_nodes_per_byte * text_size + 64;
    std::size_t visited = 0;
    std::uint64_t bytes = 0;
    std::vector<YAML::Node> todo{root};
    while (!todo.empty()) {
        YAML::Node node = std::move(todo.back());
        todo.pop_back();
        if (++visited > limit)
            throw YAML::ParserException(
                node.Mark(), fmt::format("aliassen (*naam) vouwen uit tot meer dan {} knopen, of verwijzen naar "
                                         "zichzelf; schrijf de waarden uit",
                                         limit));
        // yaml-cpp reports a tag but converts nothing (`n: !!str 5` stays the number 5): refused.
        const std::string& tag = node.Tag();
        if (!tag.empty() && tag != "?" && tag != "!") {
            constexpr std::string_view standaard = "tag:yaml.org,2002:";
            const std::string getoond = tag.rfind(standaard, 0) == 0 ? "!!" + tag.substr(standaard.size()) : tag;
            throw YAML::ParserException(node.Mark(),
                                        fmt::format("YAML-tags ({}) worden niet ondersteund; laat de tag weg", getoond));
        }
        if (node.IsScalar()) {
            // An alias of one long text, used thousands of times: few nodes, but every use is read
            // (and parsed, for a fact) again. No more text than a file without aliases could hold.
            bytes += node.Scalar().size();
            if (bytes > limits::max_file_bytes)
                throw YAML::ParserException(node.Mark(), fmt::format("aliassen (*naam) vouwen uit tot meer dan {} MiB "
                                                                     "tekst; schrijf de waarden uit",
                                                                     limits::max_file_bytes >> 20));
        }
        if (node.IsSequence()) {
            for (const auto& item : node) todo.push_back(item);
        } else if (node.IsMap()) {
            for (const auto& entry : node) {
                todo.push_back(entry.first);
                todo.push_back(entry.second);
            }
        }
    }
}

// yaml-cpp 0.7's parser never ends on some malformed texts (a lone ',' is enough): it keeps yielding
// empty documents without moving on. A stream cannot hold more documents than lines that start a
// document marker or directive, plus one; the tree builder stops there.
std::size_t max_documents(std::string_view text) {
    std::size_t markers = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, "---") == 0 || text.compare(i, 3, "...") == 0 || text[i] == '%') ++markers;
        const std::size_t eol = text.find('\n', i);
        i = eol == std::string_view::npos ? text.size() : eol + 1;
    }
    return markers + 1;
}

// yaml-cpp's DepthGuard in its parser: the nesting it allows.
constexpr int yaml_max_depth = 500;

// Where flow brackets ([ and {) first nest deeper than yaml-cpp allows, outside quotes and comments;
// yaml-cpp reports a deep flow structure only where it ends.
std::optional<std::size_t> flow_too_deep(std::string_view text) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == '[' || c == '{') {
            if (++depth >= yaml_max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

template <typename Parse>
auto guarded(std::string_view text, Parse&& parse) {
    check_text(text);
    try {
        return parse();
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp says only "bad file" here.
        const auto at = flow_too_deep(text);
        throw YAML::ParserException(at ? mark_at(text, *at) : e.mark,
                                    fmt::format("te diep genest (yaml-cpp staat hoogstens {} niveaus toe)", yaml_max_depth));
    }
}

}  // namespace

InputBytes read_input_bytes(const std::string& path) {
    // One stat, as std::filesystem's status and file_size do (a link followed), without their two
    // calls and two paths split into components: a cold start reads some 35 files.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) refuse(path, "bestand bestaat niet");
    if (S_ISDIR(st.st_mode)) refuse(path, "dit is een map, geen bestand");
    if (S_ISREG(st.st_mode)) {
        const auto size = static_cast<std::uintmax_t>(st.st_size);
        if (size > limits::max_file_bytes) refuse(path, too_large(size));
        return read_regular(path, size);
    }
    // Not regular (a pipe, /dev/stdin): read it, bounded.
    std::ifstream in(path, std::ios::binary);
    if (!in) refuse(path, fmt::format("kan het bestand niet openen ({})", std::strerror(errno)));
    const std::string text = read_bounded(in, path);
    InputBytes bytes{std::make_unique_for_overwrite<char[]>(text.size()), text.size()};
    std::memcpy(bytes.data.get(), text.data(), text.size());
    return bytes;
}

std::string read_input_file(const std::string& path) {
    const InputBytes bytes = read_input_bytes(path);
    return std::string(bytes.view());
}

std::string read_input_stream(std::istream& in, const std::string& name) { return read_bounded(in, name); }

YAML::Node load_yaml(std::string_view text) {
    return guarded(text, [&] {
        YAML::Node root = YAML::Load(std::string(text));
        check_expansion(root, text.size());
        return root;
    });
}

YamlDocuments load_yaml_documents(std::string_view text) {
    return guarded(text, [&] {
        return parse_yaml_documents(text, max_documents(text), limits::max_nodes_per_byte * text.size() + 64);
    });
}

}  // namespace ww
