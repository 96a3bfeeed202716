// SPDX-License-Identifier: EUPL-1.2
// A style sheet without the white space a browser does not need, made by the compiler: the source keeps
// its layout for people, and every HTML report, which carries its style sheet inline (a third of the
// report of a young profile), is that much shorter to write, send and read.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace ww::advies {

// Writes `css` compacted at `uit` (nullptr: only counts) and returns its length. A run of white space
// becomes one space, or nothing where it cannot matter: at either end, after { } ; : , and before { } ; ,
// (a space before ':' is kept: in a selector it means something else than no space). A ';' just before
// '}' goes. Text between double quotes stays as it is. For a sheet without comments.
constexpr std::size_t compacte_stijl_in(std::string_view css, char* uit) {
    const auto wit = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
    const auto niets_na = [](char c) { return c == '{' || c == '}' || c == ';' || c == ':' || c == ','; };
    const auto niets_voor = [](char c) { return c == '{' || c == '}' || c == ';' || c == ','; };
    std::size_t n = 0;
    bool aanhaling = false, spatie = false;
    char vorige = '{';  // as if the sheet began after a '{': no space at its start
    const auto schrijf = [&](char c) {
        if (uit != nullptr) uit[n] = c;
        ++n;
        vorige = c;
    };
    for (const char c : css) {
        if (!aanhaling) {
            if (wit(c)) {
                spatie = true;
                continue;
            }
            if (spatie && !niets_na(vorige) && !niets_voor(c)) schrijf(' ');
            if (c == '}' && vorige == ';') --n;  // outside quotes: the ';' was too
        }
        spatie = false;
        if (c == '"') aanhaling = !aanhaling;
        schrijf(c);
    }
    return n;
}

// `css` compacted, as an array the size of the result (`css` must be a constant expression).
template <std::size_t N>
constexpr std::array<char, N> compacte_stijl(std::string_view css) {
    std::array<char, N> uit{};
    compacte_stijl_in(css, uit.data());
    return uit;
}

}  // namespace ww::advies
