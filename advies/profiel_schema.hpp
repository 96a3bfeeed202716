// SPDX-License-Identifier: EUPL-1.2
// The JSON Schema (draft 2020-12) of the gemeenteprofiel, generated from the definition the profile
// reader checks against (advies/profiel_definitie.hpp), with the vocabulary of the knowledge base in
// use: its ids as enums, their human names as titles. Served by the API and printed by
// `wegwijzer schema`.
//
// The schema accepts every profile the reader accepts: an empty value counts as absent (null is
// allowed wherever a key is optional), free text may be written as a number or true/false, and
// facts that contradict each other are the advice's to point out. What it cannot say (a key twice
// in a map, the same measurement twice) the reader still reports.
#pragma once

#include <string>

#include "advies/vocabulaire.hpp"

namespace ww::advies {

// Pretty-printed (two spaces), keys in the contract's order, ending in a newline; the same text for
// the same vocabulary, run after run.
std::string profiel_schema(const Vocabulaire& vocabulaire);

}  // namespace ww::advies
