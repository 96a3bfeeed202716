// SPDX-License-Identifier: EUPL-1.2
#include "rules/suggest.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace ww {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates, std::string_view prefix) {
    // One edit per three characters: short names have too many near neighbours to guess.
    const std::size_t limit = name.size() / 3;
    const std::string* best = nullptr;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(name, c);
        if (d < best_distance || (d == best_distance && best && c < *best)) {
            best = &c;
            best_distance = d;
        }
    }
    if (!best || best_distance > limit || limit == 0) return "";
    return fmt::format(" (bedoelde je '{}{}'?)", prefix, *best);
}

}  // namespace ww
