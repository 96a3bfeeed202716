// SPDX-License-Identifier: EUPL-1.2
#include "advies/suggestie.hpp"

#include <algorithm>

#include "rules/suggest.hpp"

namespace ww::advies {

namespace {

// Whether `kandidaat` starts with `begin`, capitals and '-'/'_' aside.
bool begint_met(std::string_view kandidaat, std::string_view begin) {
    return kandidaat.size() > begin.size() && edit_distance(kandidaat.substr(0, begin.size()), begin, true) == 0;
}

// A word as it is compared with the words meant: lower case, without spaces, '-', '_' or a closing '?'.
std::string gewoon(std::string_view w) {
    while (!w.empty() && (w.back() == '?' || w.back() == ' ')) w.remove_suffix(1);
    std::string uit;
    for (const char c : w) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
        uit += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return uit;
}

}  // namespace

std::optional<std::string> dichtstbij(std::string_view naam, std::span<const std::string> kandidaten) {
    const std::size_t grens = std::max<std::size_t>(2, naam.size() / 3);
    std::optional<std::string> beste;
    std::size_t beste_afstand = grens + 1;
    for (const auto& k : kandidaten) {
        const std::size_t d = edit_distance(naam, k, true);
        if (d < beste_afstand) {
            beste_afstand = d;
            beste = k;
        }
    }
    if (beste) return beste;
    // A name cut short ('vermijding' for 'vermijdingsgedrag') is no typo but as plain a slip; only when
    // one name starts so, and not for a few letters that start many.
    if (naam.size() < 4) return std::nullopt;
    for (const auto& k : kandidaten) {
        if (!begint_met(k, naam)) continue;
        if (beste) return std::nullopt;
        beste = k;
    }
    return beste;
}

std::optional<std::string> bedoeld_woord(std::string_view naam, std::span<const std::string> kandidaten,
                                         std::string_view bedoelde) {
    const std::string w = gewoon(naam);
    if (!w.empty()) {
        for (const auto& k : kandidaten)
            if (gewoon(k) == w) return k;
        while (!bedoelde.empty()) {
            const std::size_t eind = std::min(bedoelde.find(';'), bedoelde.size());
            const std::string_view paar = bedoelde.substr(0, eind);
            bedoelde.remove_prefix(std::min(eind + 1, bedoelde.size()));
            const std::size_t is = paar.find('=');
            if (is != std::string_view::npos && gewoon(paar.substr(0, is)) == w) return std::string(paar.substr(is + 1));
        }
    }
    return dichtstbij(naam, kandidaten);
}

std::string bedoelde_je(std::string_view naam, std::span<const std::string> kandidaten) {
    if (auto b = dichtstbij(naam, kandidaten)) return "; bedoelde je '" + *b + "'?";
    return {};
}

}  // namespace ww::advies
