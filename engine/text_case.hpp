// SPDX-License-Identifier: EUPL-1.2
// Upper and lower case of UTF-8 text, for the letters texts in and around Dutch use: ASCII, Latin-1
// Supplement, Latin Extended-A (U+0100-U+017F, with the digraph ĳ/Ĳ), basic Greek (U+0386-U+03CE)
// and basic Cyrillic (U+0400-U+045F). Every other character, and every byte that is not part of a
// well-formed UTF-8 sequence, is copied unchanged: the result is valid UTF-8 wherever the input was.
// A fixed table rather than the C library's locale: the same text on every machine, whatever the
// locale, and none of the libraries the project links maps case.
#pragma once

#include <string>
#include <string_view>

namespace ww {

// Simple (one-to-one) case mapping of each character, except ß, which becomes "SS" in upper case.
void append_upper(std::string_view text, std::string& out);
void append_lower(std::string_view text, std::string& out);

// The text with its first character in upper case ("ß" becomes "Ss") and the rest as it is; a text
// that begins with the Dutch digraph "ij" (or "Ij") begins with "IJ": "ijsselstein" -> "IJsselstein".
void append_capitalized(std::string_view text, std::string& out);

// The simple case mappings of one code point (for the tests); a code point outside the table maps to
// itself.
char32_t upper_of(char32_t c);
char32_t lower_of(char32_t c);

}  // namespace ww
