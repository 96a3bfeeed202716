// SPDX-License-Identifier: EUPL-1.2
#include "engine/text_word.hpp"

#include "engine/text_case.hpp"

namespace ww {

namespace {

unsigned char byte(std::string_view t, std::size_t i) { return static_cast<unsigned char>(t[i]); }
bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 character that starts at t[i], with its code point; 0 if the
// bytes there are not one (an overlong form, a surrogate, a code point above U+10FFFF, a cut sequence).
std::size_t decode_at(std::string_view t, std::size_t i, char32_t& c) {
    const std::size_t left = t.size() - i;
    const unsigned char b0 = byte(t, i);
    if (b0 < 0x80) {
        c = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2 && continuation(byte(t, i + 1))) {
        c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (byte(t, i + 1) & 0x3F);
        return 2;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3 && continuation(byte(t, i + 1)) && continuation(byte(t, i + 2))) {
        c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(byte(t, i + 1) & 0x3F) << 6) |
            (byte(t, i + 2) & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && left >= 4 && continuation(byte(t, i + 1)) && continuation(byte(t, i + 2)) &&
        continuation(byte(t, i + 3))) {
        c = (static_cast<char32_t>(b0 & 0x07) << 18) | (static_cast<char32_t>(byte(t, i + 1) & 0x3F) << 12) |
            (static_cast<char32_t>(byte(t, i + 2) & 0x3F) << 6) | (byte(t, i + 3) & 0x3F);
        if (c < 0x10000 || c > 0x10FFFF) return 0;
        return 4;
    }
    return 0;
}

// The well-formed character that ends just before t[end], as decode_at; 0 if none.
std::size_t decode_before(std::string_view t, std::size_t end, char32_t& c) {
    for (std::size_t n = 1; n <= 4 && n <= end; ++n) {
        if (decode_at(t, end - n, c) == n) return n;
        if (!continuation(byte(t, end - n))) return 0;  // a lead byte that does not end here
    }
    return 0;
}

// A hyphen or an apostrophe: part of a word between two word characters ('Noord-Oost', "oma's").
bool joins_words(char32_t c) { return c == '-' || c == '\'' || c == 0x2010 || c == 0x2011 || c == 0x2019; }

bool word_at(std::string_view t, std::size_t i) {
    char32_t c = 0;
    return i < t.size() && decode_at(t, i, c) > 0 && is_word_character(c);
}

bool word_before(std::string_view t, std::size_t end) {
    char32_t c = 0;
    return end > 0 && decode_before(t, end, c) > 0 && is_word_character(c);
}

// Whether t[s, e) has no word character directly before or after it (a joiner between two word characters
// counts as one).
bool bounded(std::string_view t, std::size_t s, std::size_t e) {
    char32_t c = 0;
    if (const std::size_t n = s > 0 ? decode_before(t, s, c) : 0) {
        if (is_word_character(c)) return false;
        if (joins_words(c) && word_at(t, s) && word_before(t, s - n)) return false;
    }
    if (const std::size_t n = e < t.size() ? decode_at(t, e, c) : 0) {
        if (is_word_character(c)) return false;
        if (joins_words(c) && word_before(t, e) && word_at(t, e + n)) return false;
    }
    return true;
}

// Every code point the case table maps, and every one it maps to, is below U+0800: one or two bytes.
void append_small(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

bool is_word_character(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    // Latin-1: ª, the superscript digits, µ, º and the fractions; the rest up to U+00BF is punctuation,
    // symbols and the no-break space; × and ÷ are symbols among the letters.
    if (c < 0xC0)
        return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA || (c >= 0xBC && c <= 0xBE);
    if (c == 0xD7 || c == 0xF7) return false;
    if (c < 0x2B0) return true;  // Latin Extended-A and -B, IPA
    if (c < 0x370) {
        // Spacing modifier letters, among which modifier symbols (˘ ˙ ˚ ˛ ˜ ˝ ...); then the combining marks.
        if ((c >= 0x2C2 && c <= 0x2C5) || (c >= 0x2D2 && c <= 0x2DF) || (c >= 0x2E5 && c <= 0x2EB) || c == 0x2ED ||
            (c >= 0x2EF && c <= 0x2FF))
            return false;
        return true;
    }
    // Greek and Cyrillic punctuation and symbols.
    if (c == 0x375 || c == 0x37E || c == 0x384 || c == 0x385 || c == 0x387 || c == 0x3F6 || c == 0x482) return false;
    if (c < 0x2000) return true;
    // General Punctuation (the typographic spaces, dashes, quotes, zero-width characters) to the Supplemental
    // Punctuation, except the combining marks for symbols (U+20D0-U+20FF).
    if (c <= 0x2E7F) return c >= 0x20D0 && c <= 0x20FF;
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK symbols and punctuation, the ideographic space
    if ((c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F)) return false;  // vertical, small forms
    if (c == 0xFEFF) return false;                                                   // zero-width no-break space
    if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
        (c >= 0xFF5B && c <= 0xFF65))
        return false;  // full-width punctuation and symbols
    if (c >= 0xFFF0 && c <= 0xFFFF) return false;    // specials
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji, playing cards, pictographs
    return true;
}

void append_folded(std::string_view text, std::string& out) {
    out.reserve(out.size() + text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t n = decode_at(text, i, c);
        if (n == 0) {
            out += text[i++];
            continue;
        }
        if (c == 0xDF || c == 0x1E9E) out += "ss";
        else if (c < 0x800) append_small(lower_of(upper_of(c)), out);  // ſ -> S -> s, µ -> Μ -> μ, ς -> Σ -> σ
        else out.append(text.substr(i, n));
        i += n;
    }
}

bool folded_contains_word(std::string_view folded_text, std::string_view folded_word) {
    if (folded_word.empty()) return false;
    for (std::size_t at = folded_text.find(folded_word); at != std::string_view::npos;
         at = folded_text.find(folded_word, at + 1))
        if (bounded(folded_text, at, at + folded_word.size())) return true;
    return false;
}

bool contains_word(std::string_view text, std::string_view word) {
    std::string t, w;
    append_folded(text, t);
    append_folded(word, w);
    return folded_contains_word(t, w);
}

}  // namespace ww
