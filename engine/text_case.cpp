// SPDX-License-Identifier: EUPL-1.2
#include "engine/text_case.hpp"

namespace ww {

// In Latin Extended-A the letters come in pairs: in some runs the capital has the even code point,
// in others the odd one.
namespace {
bool even_capital_run(char32_t c) { return (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177); }
bool odd_capital_run(char32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E); }
}  // namespace

char32_t upper_of(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c < 0x80) return c;
    if (c == 0xB5) return 0x39C;  // micro sign: Greek capital mu
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c == 0x131) return 'I';   // dotless i
    if (c == 0x17F) return 'S';   // long s
    if (even_capital_run(c)) return (c & 1) ? c - 1 : c;
    if (odd_capital_run(c)) return (c & 1) ? c : c - 1;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 37;
    if (c == 0x3C2) return 0x3A3;  // final sigma
    if (c >= 0x3B1 && c <= 0x3CB) return c - 32;
    if (c == 0x3CC) return 0x38C;
    if (c == 0x3CD || c == 0x3CE) return c - 63;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

char32_t lower_of(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0x80) return c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c == 0x130) return 'i';    // capital I with dot
    if (c == 0x178) return 0xFF;
    if (even_capital_run(c)) return (c & 1) ? c : c + 1;
    if (odd_capital_run(c)) return (c & 1) ? c + 1 : c;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    return c;
}

namespace {

// Every code point the table maps, and every one it maps to, is below U+0800: one or two bytes.
void append_code_point(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The length of the character at the start of `s` that the table may map (ASCII or a well-formed
// two-byte sequence), with its code point; 0 for anything else, which is copied byte by byte.
std::size_t mappable(std::string_view s, char32_t& c) {
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) {
        c = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && s.size() > 1) {
        const auto b1 = static_cast<unsigned char>(s[1]);
        if ((b1 & 0xC0) == 0x80) {
            c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
            return 2;
        }
    }
    return 0;
}

template <class Map>
void map_text(std::string_view s, std::string& out, Map map) {
    out.reserve(out.size() + s.size());
    while (!s.empty()) {
        char32_t c = 0;
        std::size_t n = mappable(s, c);
        if (n == 0) {
            out += s[0];
            n = 1;
        } else {
            map(c, out);
        }
        s.remove_prefix(n);
    }
}

constexpr char32_t sharp_s = 0xDF;

}  // namespace

void append_upper(std::string_view text, std::string& out) {
    map_text(text, out, [](char32_t c, std::string& o) {
        if (c == sharp_s) o += "SS";
        else append_code_point(upper_of(c), o);
    });
}

void append_lower(std::string_view text, std::string& out) {
    map_text(text, out, [](char32_t c, std::string& o) { append_code_point(lower_of(c), o); });
}

void append_capitalized(std::string_view text, std::string& out) {
    if (text.starts_with("ij") || text.starts_with("Ij")) {
        out += "IJ";
        out += text.substr(2);
        return;
    }
    if (text.empty()) return;
    char32_t c = 0;
    std::size_t n = mappable(text, c);
    if (n == 0) {
        out += text;
        return;
    }
    if (c == sharp_s) out += "Ss";
    else append_code_point(upper_of(c), out);
    out += text.substr(n);
}

}  // namespace ww
