// SPDX-License-Identifier: EUPL-1.2
// "bedoelde je ...?" for misspelt names: the nearest candidate by edit distance, if near enough.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ww {

std::size_t edit_distance(std::string_view a, std::string_view b);
// " (bedoelde je 'x'?)" or "" when no candidate is close; ties go to the alphabetically first.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates,
                         std::string_view prefix = "");

}  // namespace ww
