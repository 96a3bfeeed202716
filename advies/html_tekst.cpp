// SPDX-License-Identifier: EUPL-1.2
#include "advies/html_tekst.hpp"

#include <array>

#include "advies/zestien_bytes.hpp"
#include "rules/input_limits.hpp"

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

// Of sixteen bytes, the first that is not printable ASCII HTML takes as it is (16 for none; tab and
// newline, also taken, are left to the table). Sixteen SSE2 instructions where a comparison per kind of
// byte took 26: one more than a control (0x00-0x1F), than DEL (0x7F) and than a byte from 0x80 on
// is, as a signed byte, below 0x21 (0x7F and 0xFF wrap), and one more than any other byte is not; '<'
// and '>' are 0x3C and 0x3E, '&' and '\'' 0x26 and 0x27, each pair equal but for one bit.
unsigned eerste_bijzondere(const char* p) {
    const Bytes16 x = laad16(p);
    const auto een_meer = reinterpret_cast<Bytes16>(reinterpret_cast<UBytes16>(x) + 1);  // wraps, as unsigned
    return eerste((een_meer < 0x21) | ((x & ~0x02) == 0x3C) | ((x & ~0x01) == 0x26) | (x == '"'));
}

// The length of the well-formed UTF-8 sequence starting at s[i] (2..4), or 0 when there is none.
// `toegestaan` is false for a character that may not stand in the report: C1 controls, and
// U+FFFE/U+FFFF (no characters at all).
std::size_t utf8_lengte(std::string_view s, std::size_t i, bool& toegestaan) {
    const std::size_t n = utf8_length(s, i);
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    toegestaan = n < 2 || (!(b(0) == 0xC2 && b(1) <= 0x9F) && !(n == 3 && b(0) == 0xEF && b(1) == 0xBF && b(2) >= 0xBE));
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
        i = na_gewone(s, i, eerste_bijzondere);
        if (i == s.size()) break;
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
