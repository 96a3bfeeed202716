// SPDX-License-Identifier: EUPL-1.2
#include "engine/text_space.hpp"

namespace ww {

namespace {

unsigned char byte(std::string_view t, std::size_t i) { return static_cast<unsigned char>(t[i]); }

// The white space characters of more than one byte, as the bytes after the lead byte.
bool two_byte_space(unsigned char b1) { return b1 == 0x85 || b1 == 0xA0; }  // after C2
bool three_byte_space(unsigned char b0, unsigned char b1, unsigned char b2) {
    if (b0 == 0xE1) return b1 == 0x9A && b2 == 0x80;                         // U+1680
    // U+2000-U+200A, U+2028, U+2029, U+202F (b2 is a continuation byte, so at least 0x80)
    if (b0 == 0xE2 && b1 == 0x80) return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF;
    if (b0 == 0xE2 && b1 == 0x81) return b2 == 0x9F;                         // U+205F
    if (b0 == 0xE3) return b1 == 0x80 && b2 == 0x80;                         // U+3000
    return false;
}
}  // namespace

std::size_t white_space_at(std::string_view t, std::size_t i) {
    if (i >= t.size()) return 0;
    const unsigned char c = byte(t, i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c == 0xC2 && i + 1 < t.size() && two_byte_space(byte(t, i + 1))) return 2;
    if ((c == 0xE1 || c == 0xE2 || c == 0xE3) && i + 2 < t.size() &&
        (byte(t, i + 2) & 0xC0) == 0x80 && three_byte_space(c, byte(t, i + 1), byte(t, i + 2)))
        return 3;
    return 0;
}

std::size_t white_space_before(std::string_view t, std::size_t end) {
    if (end == 0 || end > t.size()) return 0;
    if (white_space_at(t, end - 1) == 1) return 1;
    if (end >= 2 && white_space_at(t, end - 2) == 2) return 2;
    if (end >= 3 && white_space_at(t, end - 3) == 3) return 3;
    return 0;
}

std::string_view trimmed(std::string_view t) {
    std::size_t b = 0, e = t.size();
    while (b < e) {
        const std::size_t n = white_space_at(t, b);
        if (n == 0) break;
        b += n;
    }
    while (e > b) {
        const std::size_t n = white_space_before(t, e);
        if (n == 0) break;
        e -= n;
    }
    return t.substr(b, e - b);
}

std::string squeezed(std::string_view t) {
    const std::string_view s = trimmed(t);
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t n = white_space_at(s, i)) {
            space = true;
            i += n;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += s[i++];
    }
    return out;
}

}  // namespace ww
