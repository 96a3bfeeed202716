// SPDX-License-Identifier: EUPL-1.2
// utf8_length against UTF-8 decoded by its definition (RFC 3629): the lead byte's bit pattern gives
// the length, the code point must need that length, and be neither a surrogate nor past U+10FFFF.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "rules/utf8.hpp"

namespace {

std::size_t volgens_definitie(std::string_view s) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    std::size_t n;
    char32_t cp;
    if (b(0) < 0x80) return 1;
    if ((b(0) & 0xE0) == 0xC0) n = 2, cp = b(0) & 0x1F;
    else if ((b(0) & 0xF0) == 0xE0) n = 3, cp = b(0) & 0x0F;
    else if ((b(0) & 0xF8) == 0xF0) n = 4, cp = b(0) & 0x07;
    else return 0;
    if (s.size() < n) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    static constexpr char32_t kleinste[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kleinste[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return n;
}

// Every string of one to three bytes (each prefix of a longer one is a cut-off sequence too), and
// each at an offset behind ASCII, as the readers call it.
TEST(Utf8, ElkeReeksTotDrieBytes) {
    std::string s;
    for (unsigned a = 0; a < 256; ++a)
        for (unsigned b = 0; b < 256; ++b)
            for (unsigned c = 0; c < 256; ++c) {
                s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
                ASSERT_EQ(ww::utf8_length(s, 0), volgens_definitie(s)) << a << ' ' << b << ' ' << c;
                if (c == 0) {
                    for (std::size_t lengte = 1; lengte <= 2; ++lengte) {
                        const std::string kort = "x" + s.substr(0, lengte);
                        ASSERT_EQ(ww::utf8_length(kort, 1), volgens_definitie(std::string_view(kort).substr(1))) << a << ' ' << b;
                    }
                }
            }
}

// Four-byte leads (and what is no lead) with every second byte, and the third and fourth from the
// edges of the continuation range and just outside it; then random strings of four bytes.
TEST(Utf8, VierBytes) {
    const unsigned randen[] = {0x00, 0x7F, 0x80, 0x81, 0xBE, 0xBF, 0xC0, 0xFF};
    std::string s;
    for (unsigned a = 0xE0; a < 256; ++a)
        for (unsigned b = 0; b < 256; ++b)
            for (unsigned c : randen)
                for (unsigned d : randen) {
                    s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
                    ASSERT_EQ(ww::utf8_length(s, 0), volgens_definitie(s)) << a << ' ' << b << ' ' << c << ' ' << d;
                }
    std::mt19937 gen(20);
    for (int i = 0; i < 1'000'000; ++i) {
        const std::uint32_t r = gen();
        s.assign({static_cast<char>(0xF0 | (r & 0x0F)), static_cast<char>(r >> 8), static_cast<char>(r >> 16), static_cast<char>(r >> 24)});
        ASSERT_EQ(ww::utf8_length(s, 0), volgens_definitie(s)) << std::hex << r;
    }
}

}  // namespace
