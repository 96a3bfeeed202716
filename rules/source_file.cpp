// SPDX-License-Identifier: EUPL-1.2
#include "rules/source_file.hpp"

#include <algorithm>
#include <cstring>

#include "rules/input_limits.hpp"

namespace ww {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), lines_(std::make_shared<Lines>()) {
    auto owner = std::make_shared<const std::string>(std::move(text));
    text_ = *owner;
    owner_ = std::move(owner);
}

SourceFile::SourceFile(std::string path, InputBytes bytes) : path_(std::move(path)), lines_(std::make_shared<Lines>()) {
    std::shared_ptr<const char[]> owner(std::move(bytes.data));
    text_ = std::string_view(owner.get(), bytes.size);
    owner_ = std::move(owner);
}

const std::vector<std::size_t>& SourceFile::line_starts() const {
    std::call_once(lines_->once, [this] {
        // memchr scans many bytes per instruction.
        auto& starts = lines_->starts;
        starts.push_back(0);
        const char* const begin = text_.data();
        const char* const end = begin + text_.size();
        for (const char* p = begin; p < end; ++p) {
            p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            if (p == nullptr) break;
            starts.push_back(static_cast<std::size_t>(p - begin) + 1);
        }
    });
    return lines_->starts;
}

SourceFile SourceFile::read(const std::string& path) { return SourceFile(path, read_input_bytes(path)); }

std::string_view SourceFile::line(std::size_t line) const {
    const auto& starts = line_starts();
    if (line >= starts.size()) return {};
    std::size_t begin = starts[line];
    std::size_t end = line + 1 < starts.size() ? starts[line + 1] - 1 : text_.size();
    if (end > begin && text_[end - 1] == '\r') --end;
    return text_.substr(begin, end - begin);
}

std::size_t SourceFile::offset_of(std::size_t line, std::size_t column) const {
    const auto& starts = line_starts();
    if (line >= starts.size()) return text_.size();
    std::size_t pos = starts[line];
    for (std::size_t chars = 0; pos < text_.size() && text_[pos] != '\n'; ++pos) {
        if ((static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) continue;
        if (chars++ == column) break;
    }
    return pos;
}

std::size_t SourceFile::line_of(std::size_t offset) const {
    const auto& starts = line_starts();
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    return static_cast<std::size_t>(it - starts.begin()) - 1;
}

Diagnostic SourceFile::at(std::size_t offset, std::string message) const {
    offset = std::min(offset, text_.size());
    std::size_t line = line_of(offset);
    int col = 1;
    for (std::size_t i = line_starts()[line]; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    Diagnostic d{path_, static_cast<int>(line) + 1, col, std::move(message), {}};
    d.source_line = excerpt(this->line(line), col, d.source_col);
    return d;
}

}  // namespace ww
