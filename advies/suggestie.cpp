// SPDX-License-Identifier: EUPL-1.2
#include "advies/suggestie.hpp"

#include <algorithm>
#include <vector>

namespace ww::advies {

namespace {
char normaal(char c) {
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if (c == '-') return '_';
    return c;
}
}  // namespace

std::size_t afstand(std::string_view a, std::string_view b) {
    // Damerau-Levenshtein (optimal string alignment); three rows suffice.
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> vorige2(m + 1), vorige(m + 1), huidig(m + 1);
    for (std::size_t j = 0; j <= m; ++j) vorige[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        huidig[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const bool gelijk = normaal(a[i - 1]) == normaal(b[j - 1]);
            huidig[j] = std::min({vorige[j] + 1, huidig[j - 1] + 1, vorige[j - 1] + (gelijk ? 0 : 1)});
            if (i > 1 && j > 1 && normaal(a[i - 1]) == normaal(b[j - 2]) && normaal(a[i - 2]) == normaal(b[j - 1]))
                huidig[j] = std::min(huidig[j], vorige2[j - 2] + 1);
        }
        std::swap(vorige2, vorige);
        std::swap(vorige, huidig);
    }
    return vorige[m];
}

std::optional<std::string> dichtstbij(std::string_view naam, std::span<const std::string> kandidaten) {
    const std::size_t grens = std::max<std::size_t>(2, naam.size() / 3);
    std::optional<std::string> beste;
    std::size_t beste_afstand = grens + 1;
    for (const auto& k : kandidaten) {
        const std::size_t d = afstand(naam, k);
        if (d < beste_afstand) {
            beste_afstand = d;
            beste = k;
        }
    }
    return beste;
}

std::string bedoelde_je(std::string_view naam, std::span<const std::string> kandidaten) {
    if (auto b = dichtstbij(naam, kandidaten)) return "; bedoelde je '" + *b + "'?";
    return {};
}

}  // namespace ww::advies
