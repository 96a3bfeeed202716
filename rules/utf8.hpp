// SPDX-License-Identifier: EUPL-1.2
// What the project takes for UTF-8 (RFC 3629), one function for every reader and writer that checks
// it: the readers of the knowledge base and of a profile (rules/input_limits, advies/json_boom,
// advies/yaml_boom) and the JSON and HTML output (advies/opmaak_json, advies/html_tekst). Inline: the
// report escapes each non-ASCII character of a profile through it, a few dozen per request.
#pragma once

#include <cstddef>
#include <string_view>

namespace ww {

// The length of the well-formed UTF-8 sequence at s[i] (1 for ASCII), 0 when there is none: overlong
// forms, surrogates and code points past U+10FFFF count as none (RFC 3629). i < s.size().
inline std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    const std::size_t left = s.size() - i;
    const unsigned char c = byte(0);
    if (c < 0x80) return 1;
    // The sequences of Dutch text (é, ë, ’, —) first: two bytes, and three bytes whose second byte may
    // be any continuation byte (all leads but E0 and ED).
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && continuation(byte(1)) ? 2 : 0;
    if (c >= 0xE1 && c <= 0xEF && c != 0xED) return left >= 3 && continuation(byte(1)) && continuation(byte(2)) ? 3 : 0;
    // The rest narrow the second byte's range: E0 (no overlong form), ED (no surrogate), F0 (no
    // overlong form), F4 (nothing past U+10FFFF).
    std::size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0 || c == 0xED) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        else hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;  // a continuation byte, C0, C1 (overlong), F5 and beyond
    }
    if (left < n || byte(1) < lo || byte(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (!continuation(byte(k))) return 0;
    return n;
}

// Whether the well-formed sequence of n bytes at `p` (n from utf8_length) is a C1 control (U+0080 to
// U+009F): valid UTF-8, yet no text a reader or a browser takes as it is (yaml-cpp refuses it, HTML
// counts it a parse error). Each reader and writer adds what its own format refuses besides.
inline bool utf8_c1_control(const char* p, std::size_t n) {
    return n == 2 && static_cast<unsigned char>(p[0]) == 0xC2 && static_cast<unsigned char>(p[1]) <= 0x9F;
}

}  // namespace ww
