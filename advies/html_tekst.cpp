// SPDX-License-Identifier: EUPL-1.2
#include "advies/html_tekst.hpp"

#include "advies/zestien_bytes.hpp"
#include "rules/utf8.hpp"

namespace ww::advies {

namespace {

constexpr std::string_view vervanging = "\xEF\xBF\xBD";  // U+FFFD

// Of sixteen bytes, the first that is not printable ASCII HTML takes as it is (16 for none; tab and
// newline, also taken, are left to the path byte by byte). Sixteen SSE2 instructions where a comparison
// per kind of byte took 26: one more than a control (0x00-0x1F), than DEL (0x7F) and than a byte from
// 0x80 on is, as a signed byte, below 0x21 (0x7F and 0xFF wrap), and one more than any other byte is
// not; '<' and '>' are 0x3C and 0x3E, '&' and '\'' 0x26 and 0x27, each pair equal but for one bit.
inline unsigned eerste_bijzondere(Bytes16 x) {
    const auto een_meer = reinterpret_cast<Bytes16>(reinterpret_cast<UBytes16>(x) + 1);  // wraps, as unsigned
    return eerste((een_meer < 0x21) | ((x & ~0x02) == 0x3C) | ((x & ~0x01) == 0x26) | (x == '"'));
}

inline void schrijf16(char* p, Bytes16 x) { std::memcpy(p, &x, sizeof x); }

// The last 1 to 15 bytes of a text as a block of sixteen, padded with a letter, in two overlapping
// copies of a fixed size (as memcpy does for a short length): most texts of a report are short (a
// binding's name, a rule, a fact), and a memcpy of unknown length was a call through the PLT.
inline Bytes16 laad_kort(const char* p, std::size_t n) {
    char blok[16];
    std::memset(blok, 'a', sizeof blok);
    if (n >= 8) {
        std::memcpy(blok, p, 8);
        std::memcpy(blok + n - 8, p + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(blok, p, 4);
        std::memcpy(blok + n - 4, p + n - 4, 4);
    } else {
        blok[0] = p[0];
        blok[n / 2] = p[n / 2];
        blok[n - 1] = p[n - 1];
    }
    return laad16(blok);
}

inline char* kopieer(char* uit, std::string_view s) {
    std::memcpy(uit, s.data(), s.size());
    return uit + s.size();
}

// Whether the well-formed sequence of n bytes at `p` may stand in the report: not a C1 control
// (utf8_c1_control), and not U+FFFE or U+FFFF (no characters at all); HTML counts both parse errors.
// Not the YAML scanner's set (yaml_boom.cpp, gewone_tekens), which also sends a byte order mark and
// U+2028/U+2029 to yaml-cpp: in a report those are text like any other.
inline bool toegestaan(const char* p, std::size_t n) {
    if (utf8_c1_control(p, n)) return false;
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(p[k]); };
    return !(n == 3 && b(0) == 0xEF && b(1) == 0xBF && b(2) >= 0xBE);
}

}  // namespace

char* html_tekst_in(char* uit, std::string_view tekst) {
    const char* p = tekst.data();
    const char* const eind = p + tekst.size();
    for (;;) {
        // Sixteen bytes copied before they are looked at (the room allows it): a run of characters that
        // stay as they are costs a load, a store and the test per sixteen bytes.
        unsigned k = 16;
        while (eind - p >= 16) {
            const Bytes16 x = laad16(p);
            schrijf16(uit, x);
            k = eerste_bijzondere(x);
            p += k;
            uit += k;
            if (k < 16) break;
        }
        if (k == 16) {
            // Fewer than sixteen left: padded with a letter to a block of its own.
            const auto rest = static_cast<std::size_t>(eind - p);
            if (rest == 0) return uit;
            const Bytes16 x = laad_kort(p, rest);
            schrijf16(uit, x);
            k = eerste_bijzondere(x);
            if (k >= rest) return uit + rest;
            p += k;
            uit += k;
        }
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x80) {
            const std::size_t n = utf8_length(std::string_view(p, static_cast<std::size_t>(eind - p)), 0);
            if (n != 0 && toegestaan(p, n)) {
                uit = kopieer(uit, std::string_view(p, n));
            } else {
                uit = kopieer(uit, vervanging);  // one per stray byte, as a browser decodes it
            }
            p += n == 0 ? 1 : n;
            continue;
        }
        switch (c) {
            case '\t':
            case '\n': *uit++ = static_cast<char>(c); break;
            case '&': uit = kopieer(uit, "&amp;"); break;
            case '<': uit = kopieer(uit, "&lt;"); break;
            case '>': uit = kopieer(uit, "&gt;"); break;
            case '"': uit = kopieer(uit, "&quot;"); break;
            case '\'': uit = kopieer(uit, "&#39;"); break;
            default: uit = kopieer(uit, vervanging);  // the other controls and DEL
        }
        ++p;
    }
}

void html_tekst(std::string& uit, std::string_view s) {
    const std::size_t begin = uit.size();
    uit.resize(begin + html_tekst_ruimte(s.size()));
    char* const eind = html_tekst_in(uit.data() + begin, s);
    uit.resize(static_cast<std::size_t>(eind - uit.data()));
}

std::string html_tekst(std::string_view tekst) {
    std::string uit;
    html_tekst(uit, tekst);
    return uit;
}

}  // namespace ww::advies
