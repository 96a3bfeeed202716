// SPDX-License-Identifier: EUPL-1.2
#include "advies/vocabulaire.hpp"

#include <algorithm>

#include "advies/kennisbank_feiten.hpp"
#include "engine/engine.hpp"

namespace ww::advies {

namespace {
bool bevat(const std::vector<std::string>& lijst, std::string_view id) {
    return std::find(lijst.begin(), lijst.end(), id) != lijst.end();
}
}  // namespace

bool Vocabulaire::is_factor(std::string_view id) const { return bevat(factoren, id); }
bool Vocabulaire::is_bron(std::string_view id) const { return bevat(bronnen, id); }
bool Vocabulaire::is_indicator(std::string_view id) const { return bevat(indicatoren, id); }

Vocabulaire lees_vocabulaire(const Engine& engine) {
    Vocabulaire v;
    per_feit(engine, "factor", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        if (id.empty() || v.is_factor(id)) return;
        v.factor_naam[id] = kb_tekst(engine, f, "naam");
        v.factoren.push_back(std::move(id));
    });
    per_feit(engine, "bronsoort", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        if (id.empty() || v.is_bron(id)) return;
        v.bron_soort[id] = kb_tekst(engine, f, "soort");
        v.bron_omschrijving[id] = kb_tekst(engine, f, "omschrijving");
        v.bronnen.push_back(std::move(id));
    });
    per_feit(engine, "indicator", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        if (id.empty() || v.is_indicator(id)) return;
        v.indicator_naam[id] = kb_tekst(engine, f, "betekenis");
        v.indicatoren.push_back(std::move(id));
    });
    // The short names replace the meanings where the knowledge base gives them.
    per_feit(engine, "indicator_naam", [&](const Fact& f) {
        auto naam = kb_tekst(engine, f, "naam");
        if (auto it = v.indicator_naam.find(kb_tekst(engine, f, "indicator")); it != v.indicator_naam.end() && !naam.empty())
            it->second = std::move(naam);
    });
    per_feit(engine, "factor_signaal", [&](const Fact& f) {
        auto indicator = kb_tekst(engine, f, "indicator");
        auto factor = kb_tekst(engine, f, "factor");
        if (!indicator.empty() && !factor.empty()) v.signalen.emplace_back(std::move(indicator), std::move(factor));
    });
    return v;
}

}  // namespace ww::advies
