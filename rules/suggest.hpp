// SPDX-License-Identifier: EUPL-1.2
// "bedoelde je ...?" for misspelt names: the nearest candidate by edit distance, if near enough.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ww {

// Edit distance: insertions, deletions, substitutions and swaps of two neighbours (optimal string
// alignment), each one edit. With `fold`, capitals and '-' against '_' are the same letter, for names
// a person types (the profile's ids, the program's commands).
std::size_t edit_distance(std::string_view a, std::string_view b, bool fold = false);
// " (bedoelde je 'x'?)" or "" when no candidate is close; ties go to the alphabetically first.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates,
                         std::string_view prefix = "");

}  // namespace ww
