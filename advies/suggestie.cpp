// SPDX-License-Identifier: EUPL-1.2
#include "advies/suggestie.hpp"

#include <algorithm>
#include <vector>

#include "engine/text_case.hpp"
#include "rules/suggest.hpp"

namespace ww::advies {

namespace {

// Whether `kandidaat` starts with `begin`, capitals and '-'/'_' aside.
bool begint_met(std::string_view kandidaat, std::string_view begin) {
    return kandidaat.size() > begin.size() && edit_distance(kandidaat.substr(0, begin.size()), begin, true) == 0;
}

// A word as it is compared with the words meant: lower case (also 'É' and 'Ï', as the rule language's
// `lower`), without spaces, '-', '_' or a closing '?'.
std::string gewoon(std::string_view w) {
    while (!w.empty() && (w.back() == '?' || w.back() == ' ')) w.remove_suffix(1);
    std::string klein;
    append_lower(w, klein);
    std::string uit;
    for (const char c : klein)
        if (c != ' ' && c != '-' && c != '_' && c != '\t') uit += c;
    return uit;
}

// Words that only join others; with the words of fewer than four letters ('de', 'het', 'een', 'van',
// 'en') they say nothing about which name is meant ('toezicht door politie' is no 'communicatie door
// instituties').
bool is_bindwoord(std::string_view w) {
    for (const std::string_view b : {"voor", "door", "over", "naar", "zich", "niet", "maar", "onder", "tussen"})
        if (w == b) return true;
    return false;
}

// The words of a name as compared, in order: lower case, split at everything but letters and digits
// (a letter outside ASCII is a letter), without the words that say nothing (is_bindwoord).
std::vector<std::string> woorden(std::string_view tekst) {
    std::string klein;
    append_lower(tekst, klein);
    std::vector<std::string> uit;
    std::string w;
    const auto sluit = [&] {
        if (w.size() >= 4 && !is_bindwoord(w)) uit.push_back(std::move(w));
        w.clear();
    };
    for (const char c : klein) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80) w += c;
        else sluit();
    }
    sluit();
    return uit;
}

// Whether word `w` of what a person wrote is word `k` of a name: the same, or, from five letters, one
// inside the other (a compound: 'overlast' in 'signaaloverlast').
bool past(const std::string& w, const std::string& k) {
    if (w == k) return true;
    return w.size() >= 5 && k.size() >= 5 && (k.find(w) != std::string::npos || w.find(k) != std::string::npos);
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

std::optional<std::size_t> bedoeld_benoemd(std::string_view naam, std::span<const std::string> kandidaten,
                                           std::span<const std::string> namen) {
    const auto plaats = [&](const std::string& k) {
        return static_cast<std::size_t>(std::find(kandidaten.begin(), kandidaten.end(), k) - kandidaten.begin());
    };
    const std::string w = gewoon(naam);
    if (w.empty()) return std::nullopt;
    for (std::size_t i = 0; i < kandidaten.size(); ++i)
        if (gewoon(kandidaten[i]) == w) return i;
    const std::vector<std::string> gezocht = woorden(naam);
    if (!gezocht.empty())
        for (std::size_t i = 0; i < kandidaten.size() && i < namen.size(); ++i)
            if (woorden(namen[i]) == gezocht) return i;
    if (auto k = dichtstbij(naam, kandidaten)) return plaats(*k);
    std::optional<std::size_t> beste;
    std::size_t beste_telling = 0;
    bool gelijk = false;
    for (std::size_t i = 0; i < kandidaten.size(); ++i) {
        std::vector<std::string> eigen = woorden(kandidaten[i]);
        if (i < namen.size())
            for (auto& n : woorden(namen[i])) eigen.push_back(std::move(n));
        std::size_t telling = 0;
        for (const auto& g : gezocht)
            telling += std::any_of(eigen.begin(), eigen.end(), [&](const std::string& e) { return past(g, e); });
        if (telling > beste_telling) {
            beste = i;
            beste_telling = telling;
            gelijk = false;
        } else if (telling == beste_telling && telling > 0) {
            gelijk = true;
        }
    }
    return gelijk ? std::nullopt : beste;
}

std::string bedoelde_je(std::string_view naam, std::span<const std::string> kandidaten) {
    if (auto b = dichtstbij(naam, kandidaten)) return "; bedoelde je '" + *b + "'?";
    return {};
}

}  // namespace ww::advies
