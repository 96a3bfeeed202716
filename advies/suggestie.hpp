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

// A word a person writes for one of a fixed list's words, which is no typo of it: 'afgerond' for the
// status `uitgevoerd`, 'true' for `ja`.
struct Bedoeld {
    std::string_view woord;
    std::string_view bedoeld;
};

// The candidate `naam` plainly means: the one it is with capitals, spaces, '-', '_' and a closing '?'
// aside ('In uitvoering?'), else the `bedoeld` of the word of `bedoelde` it is so, else dichtstbij.
std::optional<std::string> bedoeld_woord(std::string_view naam, std::span<const std::string> kandidaten,
                                         std::span<const Bedoeld> bedoelde);

// "; bedoelde je 'x'?" or "" when nothing is near.
std::string bedoelde_je(std::string_view naam, std::span<const std::string> kandidaten);

}  // namespace ww::advies
