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

// The candidate `naam` means when the candidates have names a person may write instead (a factor's
// name, an indicator's short name, a source's description: `namen[i]` is that of `kandidaten[i]`, ""
// for none), as its place in `kandidaten`: the candidate it is with capitals, spaces, '-' and '_'
// aside; else the one whose name it is, capitals and short or joining words ('de', 'het', 'van',
// 'door') aside ('Fysieke verloedering', 'het vermijdingsgedrag'); else the one dichtstbij finds;
// else the one whose id and name hold more of its words than any other candidate's do ('overlast
// van jongeren': 'signaalcriminaliteit', named 'signaalcriminaliteit en signaaloverlast'). A word of
// five letters or more also counts inside a longer word and around a shorter one ('enquête' in
// 'bewonersenquête'). Nothing when two candidates hold as many: a guess between two is no help.
std::optional<std::size_t> bedoeld_benoemd(std::string_view naam, std::span<const std::string> kandidaten,
                                           std::span<const std::string> namen);

// "; bedoelde je 'x'?" or "" when nothing is near.
std::string bedoelde_je(std::string_view naam, std::span<const std::string> kandidaten);

}  // namespace ww::advies
