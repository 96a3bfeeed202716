// SPDX-License-Identifier: EUPL-1.2
// Case mapping of UTF-8 text: the covered letters, the pairs they form, and bytes left alone.
#include <gtest/gtest.h>

#include "engine/text_case.hpp"

using namespace ww;

namespace {

std::string upper(std::string_view s) {
    std::string out;
    append_upper(s, out);
    return out;
}
std::string lower(std::string_view s) {
    std::string out;
    append_lower(s, out);
    return out;
}
std::string capitalized(std::string_view s) {
    std::string out;
    append_capitalized(s, out);
    return out;
}

}  // namespace

TEST(TextCase, DutchAndNeighbours) {
    EXPECT_EQ(upper("één"), "ÉÉN");
    EXPECT_EQ(lower("ÉÉN"), "één");
    EXPECT_EQ(upper("coördinatie en reünie"), "COÖRDINATIE EN REÜNIE");
    EXPECT_EQ(upper("ĳsselstein"), "ĲSSELSTEIN");
    EXPECT_EQ(upper("Straße"), "STRASSE");
    EXPECT_EQ(lower("ÇA VA, ÅRHUS, ŁÓDŹ, ŒUVRE, ŸSER"), "ça va, århus, łódź, œuvre, ÿser");
    EXPECT_EQ(upper("ça va, århus, łódź, œuvre, ÿser"), "ÇA VA, ÅRHUS, ŁÓDŹ, ŒUVRE, ŸSER");
    EXPECT_EQ(upper("αθήνα"), "ΑΘΉΝΑ");
    EXPECT_EQ(upper("σοφός"), "ΣΟΦΌΣ");  // final sigma
    EXPECT_EQ(lower("МОСКВА ЁЛКА"), "москва ёлка");
    EXPECT_EQ(upper("київ"), "КИЇВ");
    EXPECT_EQ(upper("x × y ÷ 2"), "X × Y ÷ 2");  // signs are not letters
}

TEST(TextCase, CapitalizedFirstCharacterOnly) {
    EXPECT_EQ(capitalized("ïjs"), "Ïjs");
    EXPECT_EQ(capitalized("ijsselstein"), "IJsselstein");
    EXPECT_EQ(capitalized("Ijmuiden"), "IJmuiden");
    EXPECT_EQ(capitalized("ij"), "IJ");
    EXPECT_EQ(capitalized("i"), "I");
    EXPECT_EQ(capitalized("ĳs"), "Ĳs");
    EXPECT_EQ(capitalized("éénmalig ÉN"), "Éénmalig ÉN");
    EXPECT_EQ(capitalized("ßa"), "Ssa");
    EXPECT_EQ(capitalized("€ 5"), "€ 5");
    EXPECT_EQ(capitalized(""), "");
}

// Every mapped code point of the table maps back, except the letters that have no partner of their
// own (final sigma, long s, dotless i, the micro sign, capital I with dot).
TEST(TextCase, TableIsConsistent) {
    int pairs = 0;
    for (char32_t c = 0; c < 0x800; ++c) {
        const char32_t u = upper_of(c), l = lower_of(c);
        EXPECT_FALSE(u != c && l != c) << std::hex << static_cast<unsigned>(c);
        if (u != c && c != 0x3C2 && c != 0x17F && c != 0x131 && c != 0xB5) {
            EXPECT_EQ(lower_of(u), c) << std::hex << static_cast<unsigned>(c);
            ++pairs;
        }
        if (l != c && c != 0x130) {
            EXPECT_EQ(upper_of(l), c) << std::hex << static_cast<unsigned>(c);
        }
    }
    // Lower-case letters with a partner: ASCII 26, Latin-1 31 (ÿ's capital is Ÿ in Extended-A),
    // Latin Extended-A 61, Greek 33, Cyrillic 48.
    EXPECT_EQ(pairs, 26 + 31 + 61 + 33 + 48);
}

// Bytes outside well-formed sequences stay as they are; nothing is read past the end.
TEST(TextCase, InvalidUtf8IsLeftAlone) {
    EXPECT_EQ(upper("a\xC3"), "A\xC3");                   // truncated sequence at the end
    EXPECT_EQ(upper("\xC3(é"), "\xC3(É");                 // lead byte without continuation
    EXPECT_EQ(upper("\xA9\xA9é"), "\xA9\xA9É");           // stray continuation bytes
    EXPECT_EQ(upper("\xC0\xA1"), "\xC0\xA1");             // overlong form of '!'
    EXPECT_EQ(lower("\xFF\xFE\xE2\x82\xAC"), "\xFF\xFE\xE2\x82\xAC");
    EXPECT_EQ(capitalized("\xE9t\xE9"), "\xE9t\xE9");     // Latin-1, not UTF-8
    EXPECT_EQ(capitalized("\xC3"), "\xC3");
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    EXPECT_EQ(upper(all).size(), all.size());  // only ASCII letters among these change, one byte each
}
