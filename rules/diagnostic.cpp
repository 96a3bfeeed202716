#include "rules/diagnostic.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

namespace ww {

std::string format(const Diagnostic& d) {
    std::string out;
    if (d.line > 0) out = fmt::format("{}:{}:{}: fout: {}\n", d.file, d.line, d.col, d.message);
    else out = fmt::format("{}: fout: {}\n", d.file, d.message);
    if (d.line > 0 && !d.source_line.empty()) {
        out += d.source_line;
        out += '\n';
        // The caret goes under character `col`; tabs are copied so it lines up in a terminal.
        int chars = 0;
        for (char c : d.source_line) {
            if (chars >= d.col - 1) break;
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
            out += c == '\t' ? '\t' : ' ';
            ++chars;
        }
        for (; chars < d.col - 1; ++chars) out += ' ';
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
