// SPDX-License-Identifier: EUPL-1.2
// White space in UTF-8 text: the one definition that trim() and the profile reader share.
#include <gtest/gtest.h>

#include "engine/text_space.hpp"

using namespace ww;

TEST(TextSpace, TrimsAsciiAndUnicodeWhiteSpace) {
    EXPECT_EQ(trimmed(" \t Noord \r\n"), "Noord");
    EXPECT_EQ(trimmed("\u00a0Noord\u00a0"), "Noord");                  // no-break space
    EXPECT_EQ(trimmed("\u202fNoord\u2009\u3000"), "Noord");            // narrow no-break, thin, ideographic
    EXPECT_EQ(trimmed("\u2000\u200a\u2028\u2029\u205f\u1680\u0085x"), "x");
    EXPECT_EQ(trimmed("\u00a0 \u00a0"), "");
    EXPECT_EQ(trimmed(""), "");
}

TEST(TextSpace, LeavesOtherCharactersAlone) {
    // Zero-width space and BOM are not White_Space; é (C3 A9), ĳ (C4 B3) and € (E2 82 AC) are letters.
    EXPECT_EQ(trimmed("\u200bNoord\ufeff"), "\u200bNoord\ufeff");
    EXPECT_EQ(trimmed(" é\u0133€ "), "é\u0133€");
    EXPECT_EQ(trimmed("\u2010x\u2030"), "\u2010x\u2030");  // a hyphen and a per-mille sign share the lead bytes E2 80
    // A lead byte without its continuation at the end, and a lone continuation byte, are not white space.
    EXPECT_EQ(trimmed("x\xC2"), "x\xC2");
    EXPECT_EQ(trimmed("\xA0x\xA0"), "\xA0x\xA0");
    EXPECT_EQ(trimmed("x\xE2\x80"), "x\xE2\x80");
}

TEST(TextSpace, SqueezesRunsInside) {
    EXPECT_EQ(squeezed("  Jeugd \u00a0 overlast\u00a0"), "Jeugd overlast");
    EXPECT_EQ(squeezed("Oud\u202fWest"), "Oud West");
    EXPECT_EQ(squeezed("\u00a0"), "");
    EXPECT_TRUE(only_white_space(" \u00a0\t"));
    EXPECT_FALSE(only_white_space(" a "));
}
