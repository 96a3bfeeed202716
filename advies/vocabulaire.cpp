// SPDX-License-Identifier: EUPL-1.2
#include "advies/vocabulaire.hpp"

#include <algorithm>

#include "engine/engine.hpp"

namespace ww::advies {

namespace {
bool bevat(const std::vector<std::string>& lijst, std::string_view id) {
    return std::find(lijst.begin(), lijst.end(), id) != lijst.end();
}

// Slot `naam` of fact `f` as text, or "" when the template lacks it or it is not text.
std::string tekst_van(const Engine& engine, const Fact& f, std::string_view naam) {
    const auto& def = engine.template_def(f.tmpl);
    const int i = def.slot_index(naam);
    if (i < 0) return {};
    const Value& v = f.slots[static_cast<std::size_t>(i)];
    if (v.kind() != ValueKind::symbol && v.kind() != ValueKind::string) return {};
    return std::string(v.as_text());
}
}  // namespace

bool Vocabulaire::is_factor(std::string_view id) const { return bevat(factoren, id); }
bool Vocabulaire::is_bron(std::string_view id) const { return bevat(bronnen, id); }
bool Vocabulaire::is_indicator(std::string_view id) const { return bevat(indicatoren, id); }

Vocabulaire lees_vocabulaire(const Engine& engine) {
    Vocabulaire v;
    auto lees = [&](std::string_view tmpl, auto&& per_feit) {
        auto id = engine.find_template(tmpl);
        if (!id) return;
        for (const Fact* f : engine.facts_of(*id)) per_feit(*f);
    };
    lees("factor", [&](const Fact& f) {
        auto id = tekst_van(engine, f, "id");
        if (id.empty() || v.is_factor(id)) return;
        v.factor_naam[id] = tekst_van(engine, f, "naam");
        v.factoren.push_back(std::move(id));
    });
    lees("bronsoort", [&](const Fact& f) {
        auto id = tekst_van(engine, f, "id");
        if (id.empty() || v.is_bron(id)) return;
        v.bron_soort[id] = tekst_van(engine, f, "soort");
        v.bron_omschrijving[id] = tekst_van(engine, f, "omschrijving");
        v.bronnen.push_back(std::move(id));
    });
    lees("indicator", [&](const Fact& f) {
        auto id = tekst_van(engine, f, "id");
        if (id.empty() || v.is_indicator(id)) return;
        v.indicator_naam[id] = tekst_van(engine, f, "betekenis");
        v.indicatoren.push_back(std::move(id));
    });
    // The short names replace the meanings where the knowledge base gives them.
    lees("indicator_naam", [&](const Fact& f) {
        auto naam = tekst_van(engine, f, "naam");
        if (auto it = v.indicator_naam.find(tekst_van(engine, f, "indicator")); it != v.indicator_naam.end() && !naam.empty())
            it->second = std::move(naam);
    });
    lees("factor_signaal", [&](const Fact& f) {
        auto indicator = tekst_van(engine, f, "indicator");
        auto factor = tekst_van(engine, f, "factor");
        if (!indicator.empty() && !factor.empty()) v.signalen.emplace_back(std::move(indicator), std::move(factor));
    });
    return v;
}

}  // namespace ww::advies
