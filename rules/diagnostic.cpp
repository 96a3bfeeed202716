// SPDX-License-Identifier: EUPL-1.2
#include "rules/diagnostic.hpp"

#include <algorithm>
#include <iterator>
#include <ostream>
#include <tuple>
#include <vector>

#include <fmt/format.h>

namespace ww {
std::string excerpt(std::string_view source, int col, int& caret) {
    constexpr int before = 60, width = 100;
    const auto starts_char = [&](std::size_t i) { return (static_cast<unsigned char>(source[i]) & 0xC0) != 0x80; };
    // Byte offset of the character `k` characters after byte `from` (the end when there are fewer).
    const auto skip = [&](std::size_t from, int k) {
        std::size_t i = from;
        for (int n = 0; i < source.size(); ++i)
            if (starts_char(i) && n++ == k) break;
        return i;
    };
    // Short lines whole; of a long one (the test by bytes is enough) a window from `before`
    // characters ahead of the column. Walking the line costs as much as finding the column did.
    std::size_t begin = 0, end = source.size();
    int first = 0;
    if (source.size() > static_cast<std::size_t>(width + 20)) {
        first = std::max(0, col - 1 - before);
        begin = skip(0, first);
        end = skip(begin, width);
    }
    std::string out = first > 0 ? "..." : "";
    for (std::size_t i = begin; i < end; ++i) {
        const auto c = static_cast<unsigned char>(source[i]);
        out += (c < 0x20 && c != '\t') || c == 0x7F ? '?' : source[i];
    }
    if (end < source.size()) out += "...";
    caret = first > 0 ? col - first + 3 : col;
    return out;
}

std::string format(const Diagnostic& d) {
    std::string out;
    const char* kind = d.warning ? "waarschuwing" : "fout";
    if (d.line > 0) out = fmt::format("{}:{}:{}: {}: {}\n", d.file, d.line, d.col, kind, d.message);
    else out = fmt::format("{}: {}: {}\n", d.file, kind, d.message);
    if (d.line > 0 && !d.source_line.empty()) {
        const int col = d.source_col > 0 ? d.source_col : d.col;
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

Diagnostics Diagnostics::take_warnings() {
    Diagnostics out;
    auto errors = std::stable_partition(items_.begin(), items_.end(), [](const Diagnostic& d) { return !d.warning; });
    out.items_.assign(std::make_move_iterator(errors), std::make_move_iterator(items_.end()));
    items_.erase(errors, items_.end());
    return out;
}

void Diagnostics::print(std::ostream& out) const {
    for (const auto& d : items_) out << format(d);
}

}  // namespace ww
