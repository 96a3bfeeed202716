// SPDX-License-Identifier: EUPL-1.2
// Whether a text names a word: the rule language's contains_word(). A rule that asks whether the name
// of an action names a wijk ('Schouw Oost, fase 2' names Oost, 'Oosterpark schoon' does not) needs a
// whole word in any case, and the names are free Dutch text with accents, brackets and commas.
//
// - Case: both texts are case-folded first: the simple lower case of engine/text_case.hpp, and what
//   Unicode's full case folding adds for the letters in that table: ß and ẞ are "ss", ſ is "s", µ is μ,
//   final ς is σ. So "STRASSE" names "Straße", and "ÉÉN" names "één".
// - Word characters: letters, digits and combining marks. For ASCII, Latin-1, Latin Extended-A/B,
//   IPA, Greek and Cyrillic as Unicode classifies them; in other scripts every character outside the
//   blocks of punctuation, symbols, spaces and emoji counts as a letter. A byte that is not part of
//   well-formed UTF-8 is no word character.
// - A whole word: the folded word stands in the folded text with no word character directly before or
//   after it. A hyphen or an apostrophe between two word characters belongs to the word, as Dutch writes
//   compounds and plurals ('Noord-Oost', 'Oud-Zuid', "oma's"): 'Oud-Zuid' does not name Zuid.
// - An empty word is named by no text.
#pragma once

#include <string>
#include <string_view>

namespace ww {

bool contains_word(std::string_view text, std::string_view word);

// The case-folded text, appended to out (for the tests, and for whoever compares more words against one
// text: fold the text once).
void append_folded(std::string_view text, std::string& out);

// Whether the text, folded already, names the word, folded already.
bool folded_contains_word(std::string_view folded_text, std::string_view folded_word);

// Whether a code point counts as part of a word (letter, digit or combining mark).
bool is_word_character(char32_t c);

}  // namespace ww
