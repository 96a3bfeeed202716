#include "rules/diagnostic.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>
#include <vector>

#include <fmt/format.h>

namespace ww {
std::string excerpt(std::string_view source, int& col) {
    constexpr int before = 60, width = 100;
    std::vector<std::size_t> starts;  // byte offset of each character
    for (std::size_t i = 0; i < source.size(); ++i)
        if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) starts.push_back(i);
    const int chars = static_cast<int>(starts.size());
    int first = 0, last = chars;
    if (chars > width + 20) {
        first = std::clamp(col - 1 - before, 0, chars - width);
        last = first + width;
    }
    std::string out = first > 0 ? "..." : "";
    const std::size_t begin = starts.empty() ? 0 : starts[static_cast<std::size_t>(first)];
    const std::size_t end = last < chars ? starts[static_cast<std::size_t>(last)] : source.size();
    for (std::size_t i = begin; i < end; ++i) {
        const auto c = static_cast<unsigned char>(source[i]);
        out += (c < 0x20 && c != '\t') || c == 0x7F ? '?' : source[i];
    }
    if (last < chars) out += "...";
    if (first > 0) col = col - first + 3;
    return out;
}

std::string format(const Diagnostic& d) {
    std::string out;
    if (d.line > 0) out = fmt::format("{}:{}:{}: fout: {}\n", d.file, d.line, d.col, d.message);
    else out = fmt::format("{}: fout: {}\n", d.file, d.message);
    if (d.line > 0 && !d.source_line.empty()) {
        const int col = d.col;
        const std::string& line = d.source_line;
        out += line;
        out += '\n';
        // The caret goes under character `col`; tabs are copied so it lines up in a terminal.
        int chars = 0;
        for (char c : line) {
            if (chars >= col - 1) break;
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
            out += c == '\t' ? '\t' : ' ';
            ++chars;
        }
        for (; chars < col - 1; ++chars) out += ' ';
        out += "^\n";
    }
    return out;
}

void Diagnostics::sort_unique() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
    });
    // A text shared by several alternatives of a rule is checked once per alternative.
    items_.erase(std::unique(items_.begin(), items_.end(),
                             [](const Diagnostic& a, const Diagnostic& b) {
                                 return std::tie(a.file, a.line, a.col, a.message) == std::tie(b.file, b.line, b.col, b.message);
                             }),
                 items_.end());
}

void Diagnostics::print(std::ostream& out) const {
    for (const auto& d : items_) out << format(d);
}

}  // namespace ww
