// SPDX-License-Identifier: EUPL-1.2
#include "rules/scalar_position.hpp"

#include <string>

namespace ww {

std::size_t mark_file_offset(const SourceFile& file, const YAML::Mark& mark) {
    if (mark.line < 0 || mark.column < 0) return 0;
    return file.offset_of(static_cast<std::size_t>(mark.line), static_cast<std::size_t>(mark.column));
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::size_t scalar_file_offset(const SourceFile& file, const YAML::Mark& mark, std::string_view value,
                               std::size_t offset) {
    const std::string_view raw = file.text();
    const std::size_t start = mark_file_offset(file, mark);
    if (start >= raw.size()) return start;
    std::size_t p = start;
    const char style = raw[p];
    const bool double_quoted = style == '"';
    const bool single_quoted = style == '\'';
    if (double_quoted || single_quoted) {
        ++p;
    }
    // Block scalars keep indentation beyond the block's own; flow scalars drop all of it.
    std::size_t block_indent = std::string::npos;
    if (style == '|' || style == '>') {
        // The content starts on the line after the header; its indentation is that of the first
        // non-empty line.
        while (p < raw.size() && raw[p] != '\n') ++p;
        if (p < raw.size()) ++p;
        for (std::size_t q = p; q < raw.size();) {
            std::size_t indent = 0;
            while (q + indent < raw.size() && raw[q + indent] == ' ') ++indent;
            if (q + indent < raw.size() && raw[q + indent] != '\n') {
                block_indent = indent;
                break;
            }
            q += indent + 1;
        }
    }
    // Walk value and raw text together. A value character is found either literally, or as an
    // escape, or (for white space) as any run of white space that folding turned into it.
    for (std::size_t i = 0; i < value.size() && p < raw.size(); ++i) {
        const char c = value[i];
        while (p < raw.size()) {
            if (raw[p] == c && !(double_quoted && c == '\\') && !(single_quoted && c == '\'')) break;
            if (double_quoted && raw[p] == '\\') break;
            if (single_quoted && raw[p] == '\'' && c == '\'') break;
            if (is_space(c) && is_space(raw[p])) break;
            if (!is_space(raw[p])) return start;  // lost track; the scalar's start is the best we know
            ++p;
        }
        if (p >= raw.size()) return start;
        if (i == offset) return p;
        if (double_quoted && raw[p] == '\\') {
            char e = p + 1 < raw.size() ? raw[p + 1] : '\0';
            p += e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
            // A \u escape can stand for several UTF-8 bytes; they all sit at the escape.
            while (i + 1 < value.size() && (static_cast<unsigned char>(value[i + 1]) & 0xC0) == 0x80 &&
                   (e == 'u' || e == 'U' || e == 'x')) {
                if (++i == offset) return p;
            }
        } else if (single_quoted && raw[p] == '\'') {
            p += 2;
        } else if (is_space(c) && raw[p] == '\n') {
            // A line break: skip the next line's indentation too.
            ++p;
            std::size_t skipped = 0;
            while (p < raw.size() && (raw[p] == ' ' || raw[p] == '\t') && skipped < block_indent) ++p, ++skipped;
        } else {
            ++p;
        }
    }
    if (offset >= value.size()) return p;  // just past the end, for "tekst houdt op"
    return start;
}

}  // namespace ww
