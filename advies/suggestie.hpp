// SPDX-License-Identifier: EUPL-1.2
// "bedoelde je ...?": the nearest known name to a misspelt one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ww::advies {

// The candidate nearest to `naam` if it is near enough to be a plausible typo (at most a third of
// the length, at least 2 edits allowed; capitals and '-'/'_' do not count, ww::edit_distance); ties go
// to the earliest candidate so output is stable. Else the one candidate that starts with `naam` (of
// four letters or more), if only one does.
std::optional<std::string> dichtstbij(std::string_view naam, std::span<const std::string> kandidaten);

// The candidate `naam` plainly means: the one it is with capitals, spaces, '-', '_' and a closing '?'
// aside ('In uitvoering?'), else the word meant by the word of `bedoelde` it is so, else dichtstbij.
// `bedoelde`: words a person writes for one of the candidates, which are no typos of it, each with the
// candidate it means, as "woord=bedoeld;woord=bedoeld" ("afgerond=uitgevoerd;true=ja"). One text, not
// a table of pairs: a table of texts costs a relocation per text at every start of the program.
std::optional<std::string> bedoeld_woord(std::string_view naam, std::span<const std::string> kandidaten,
                                         std::string_view bedoelde);

// "; bedoelde je 'x'?" or "" when nothing is near.
std::string bedoelde_je(std::string_view naam, std::span<const std::string> kandidaten);

}  // namespace ww::advies
