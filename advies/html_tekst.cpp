// SPDX-License-Identifier: EUPL-1.2
#include "advies/html_tekst.hpp"

#include <array>

namespace ww::advies {

namespace {

constexpr std::string_view vervanging = "\xEF\xBF\xBD";  // U+FFFD

// Printable ASCII that HTML takes as it is, and tab and newline: a table, one load per byte of the
// texts that make up most of a report.
constexpr std::array<bool, 256> gewoon = [] {
    std::array<bool, 256> t{};
    for (unsigned c = 0x20; c < 0x7F; ++c) t[c] = c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    t['\t'] = t['\n'] = true;
    return t;
}();

// The length of the well-formed UTF-8 sequence starting at s[i] (2..4), or 0 when there is none
// (overlong forms, surrogates and code points past U+10FFFF count as none). `toegestaan` is false for
// a character that may not stand in the report: C1 controls, and U+FFFE/U+FFFF (no characters at all).
std::size_t utf8_lengte(std::string_view s, std::size_t i, bool& toegestaan) {
    toegestaan = true;
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    std::size_t n = 0;
    unsigned char laag = 0x80, hoog = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) laag = 0xA0;
        if (c == 0xED) hoog = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) laag = 0x90;
        if (c == 0xF4) hoog = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (b(1) < laag || b(1) > hoog) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(k) < 0x80 || b(k) > 0xBF) return 0;
    toegestaan = !(c == 0xC2 && b(1) <= 0x9F) && !(c == 0xEF && b(1) == 0xBF && b(2) >= 0xBE);
    return n;
}

}  // namespace

void html_tekst(std::string& uit, std::string_view s) {
    uit.reserve(uit.size() + s.size());
    // A run of characters that stay as they are (well-formed UTF-8 among them) goes in with one
    // append: advice texts are mostly such runs, and the report escapes some 40 of them per advice.
    std::size_t run = 0;
    const auto sluit_run = [&](std::size_t tot) {
        if (tot > run) uit.append(s.data() + run, tot - run);
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (gewoon[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            bool toegestaan = true;
            const std::size_t n = utf8_lengte(s, i, toegestaan);
            if (n != 0 && toegestaan) {
                i += n;
                continue;
            }
            sluit_run(i);
            uit += vervanging;  // one per stray byte, as a browser decodes it
            i += n == 0 ? 1 : n;
            run = i;
            continue;
        }
        sluit_run(i);
        switch (c) {
            case '&': uit += "&amp;"; break;
            case '<': uit += "&lt;"; break;
            case '>': uit += "&gt;"; break;
            case '"': uit += "&quot;"; break;
            case '\'': uit += "&#39;"; break;
            default: uit += vervanging;  // the other controls and DEL
        }
        ++i;
        run = i;
    }
    sluit_run(i);
}

std::string html_tekst(std::string_view tekst) {
    std::string uit;
    html_tekst(uit, tekst);
    return uit;
}

}  // namespace ww::advies
