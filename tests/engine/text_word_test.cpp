// SPDX-License-Identifier: EUPL-1.2
// Whole words in any case: what the rule language's contains_word() tests (engine/text_word.hpp).
#include <gtest/gtest.h>

#include "engine/text_word.hpp"

using namespace ww;

namespace {
std::string folded(std::string_view t) {
    std::string out;
    append_folded(t, out);
    return out;
}
}  // namespace

TEST(TextWord, FindsAWholeWordBetweenAnythingThatIsNoLetterOrDigit) {
    EXPECT_TRUE(contains_word("Cameratoezicht Centrum", "Centrum"));
    EXPECT_TRUE(contains_word("Buurtpreventie (Centrum)", "centrum"));
    EXPECT_TRUE(contains_word("Schouw Oost, fase 2", "Oost"));
    EXPECT_TRUE(contains_word("Oost: schouw", "Oost"));
    EXPECT_TRUE(contains_word("Noord/Oost", "oost"));
    EXPECT_TRUE(contains_word("«Oost»", "Oost"));
    EXPECT_TRUE(contains_word("Oost\u00a0schoon", "Oost"));      // no-break space
    EXPECT_TRUE(contains_word("Schouw \u201cOost\u201d", "Oost"));  // typographic quotes
    EXPECT_TRUE(contains_word("Oost", "Oost"));
    EXPECT_TRUE(contains_word("Vaste wijkagent op Kanaaleiland", "Kanaaleiland"));
    EXPECT_TRUE(contains_word("Wijkaanpak Achter de Kerk", "achter de kerk"));
}

TEST(TextWord, NotInsideOrAtTheStartOfAnotherWord) {
    EXPECT_FALSE(contains_word("Oosterpark schoon", "Oost"));
    EXPECT_FALSE(contains_word("Wijkcentrum De Brug", "Centrum"));
    EXPECT_FALSE(contains_word("Schouw Zuidoost", "Oost"));
    EXPECT_FALSE(contains_word("Fase 12", "1"));           // digits are word characters
    EXPECT_FALSE(contains_word("Oostë", "Oost"));          // ë is a letter
    EXPECT_FALSE(contains_word("Oost\u0301", "Oost"));     // a combining accent belongs to the word
    EXPECT_FALSE(contains_word("Schouw Oostende", "Oost"));
    // The first place is inside a word, the second is whole.
    EXPECT_TRUE(contains_word("Oosterpark en Oost", "Oost"));
}

TEST(TextWord, AHyphenOrApostropheBetweenLettersJoinsThem) {
    EXPECT_FALSE(contains_word("Schouw Oud-Zuid", "Zuid"));
    EXPECT_FALSE(contains_word("Schouw Noord\u2011Oost", "Oost"));  // non-breaking hyphen
    EXPECT_FALSE(contains_word("oma's koffie", "oma"));
    EXPECT_FALSE(contains_word("oma\u2019s koffie", "oma"));
    EXPECT_TRUE(contains_word("Schouw Oud-Zuid", "Oud-Zuid"));
    EXPECT_TRUE(contains_word("Oost - Noord", "Oost"));   // a dash between spaces separates
    EXPECT_TRUE(contains_word("Oost-", "Oost"));
    EXPECT_TRUE(contains_word("Buurtgesprekken 't Zand", "'t Zand"));
    EXPECT_TRUE(contains_word("Buurtgesprekken 't Zand", "Zand"));
}

TEST(TextWord, FoldsCaseUnicodeAware) {
    EXPECT_TRUE(contains_word("ÉÉN WIJK", "één"));
    EXPECT_TRUE(contains_word("Schouw Ĳsselmonde", "ĳsselmonde"));
    EXPECT_TRUE(contains_word("STRASSE", "Straße"));
    EXPECT_TRUE(contains_word("Straße", "STRASSE"));
    EXPECT_TRUE(contains_word("ΟΔΟΣ", "οδος"));  // final sigma folds as sigma
    EXPECT_TRUE(contains_word("СЕВЕР", "север"));
    EXPECT_EQ(folded("ÉÉN Straße ſ µ ς ẞ"), "één strasse s μ σ ss");
}

TEST(TextWord, EdgeCases) {
    EXPECT_FALSE(contains_word("Oost", ""));
    EXPECT_FALSE(contains_word("", "Oost"));
    EXPECT_FALSE(contains_word("Oos", "Oost"));
    // Bytes that are not UTF-8 are no word characters, and are copied unchanged by the folding.
    EXPECT_TRUE(contains_word("\xFFOost\xC3", "oost"));
    EXPECT_EQ(folded("A\xFF\xC3"), "a\xFF\xC3");
    EXPECT_FALSE(contains_word("Oost", "\xFF"));
}

TEST(TextWord, ClassifiesCharacters) {
    for (char32_t c : {U'a', U'Z', U'0', U'é', U'ĳ', U'ß', U'ª', U'µ', U'Ω', U'ж', U'\u0301', U'中', U'ǆ'})
        EXPECT_TRUE(is_word_character(c)) << static_cast<std::uint32_t>(c);
    for (char32_t c : {U' ', U'-', U'(', U'\u00a0', U'«', U'×', U'÷', U'¿', U'\u2019', U'\u2013', U'€', U'\u3001',
                       U'\u200b', U'\ufeff', U'\U0001F600', U'\u037e', U'\u02dc'})
        EXPECT_FALSE(is_word_character(c)) << static_cast<std::uint32_t>(c);
}
