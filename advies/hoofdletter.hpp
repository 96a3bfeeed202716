// SPDX-License-Identifier: EUPL-1.2
// A name or word that starts a sentence, a heading or a title, with a capital ("onveiligheidsgevoel in
// de buurt" -> "Onveiligheidsgevoel in de buurt"), in every format alike. Only a lower-case ASCII letter
// changes: a knowledge base's names start with one, and a name that starts otherwise (a digit, an 'é',
// a quote, an escape) stays as written rather than be guessed at.
#pragma once

#include <string>
#include <string_view>

namespace ww::advies {

// `c` as a capital when it is a lower-case ASCII letter, else `c` itself.
constexpr char hoofdletter_van(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// `s` with its first letter a capital.
inline std::string hoofdletter(std::string_view s) {
    std::string uit(s);
    if (!uit.empty()) uit[0] = hoofdletter_van(uit[0]);
    return uit;
}

}  // namespace ww::advies
