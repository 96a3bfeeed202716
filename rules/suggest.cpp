// SPDX-License-Identifier: EUPL-1.2
#include "rules/suggest.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace ww {

std::size_t edit_distance(std::string_view a, std::string_view b, bool fold) {
    const auto letter = [fold](char c) {
        if (!fold) return c;
        if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
        return c == '-' ? '_' : c;
    };
    // Three rows suffice: a swap looks two rows back.
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> two_back(m + 1), previous(m + 1), current(m + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const bool same = letter(a[i - 1]) == letter(b[j - 1]);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
            if (i > 1 && j > 1 && letter(a[i - 1]) == letter(b[j - 2]) && letter(a[i - 2]) == letter(b[j - 1]))
                current[j] = std::min(current[j], two_back[j - 2] + 1);
        }
        std::swap(two_back, previous);
        std::swap(previous, current);
    }
    return previous[m];
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
