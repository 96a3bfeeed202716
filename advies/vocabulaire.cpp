// SPDX-License-Identifier: EUPL-1.2
#include "advies/vocabulaire.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/engine.hpp"
#include "rules/rule_base.hpp"

namespace ww::advies {

namespace {
bool bevat(const std::vector<std::string>& lijst, std::string_view id) {
    return std::find(lijst.begin(), lijst.end(), id) != lijst.end();
}
}  // namespace

bool Vocabulaire::is_factor(std::string_view id) const { return bevat(factoren, id); }
bool Vocabulaire::is_bron(std::string_view id) const { return bevat(bronnen, id); }
bool Vocabulaire::is_indicator(std::string_view id) const { return bevat(indicatoren, id); }

namespace {

// The vocabulary from the facts that per_feit(template, doe) calls doe for, each fact's slots read as
// text by kb_tekst(fact, slot) ("" when absent or no text).
template <typename PerFeit, typename Tekst>
Vocabulaire lees(PerFeit&& per_feit, Tekst&& kb_tekst) {
    Vocabulaire v;
    per_feit("factor", [&](const Fact& f) {
        auto id = kb_tekst(f, "id");
        if (id.empty() || v.is_factor(id)) return;
        v.factor_naam[id] = kb_tekst(f, "naam");
        v.factoren.push_back(std::move(id));
    });
    per_feit("bronsoort", [&](const Fact& f) {
        auto id = kb_tekst(f, "id");
        if (id.empty() || v.is_bron(id)) return;
        v.bron_soort[id] = kb_tekst(f, "soort");
        v.bron_omschrijving[id] = kb_tekst(f, "omschrijving");
        v.bronnen.push_back(std::move(id));
    });
    per_feit("indicator", [&](const Fact& f) {
        auto id = kb_tekst(f, "id");
        if (id.empty() || v.is_indicator(id)) return;
        v.indicator_naam[id] = kb_tekst(f, "betekenis");
        v.indicatoren.push_back(std::move(id));
    });
    // The short names replace the meanings where the knowledge base gives them.
    per_feit("indicator_naam", [&](const Fact& f) {
        auto naam = kb_tekst(f, "naam");
        if (auto it = v.indicator_naam.find(kb_tekst(f, "indicator")); it != v.indicator_naam.end() && !naam.empty())
            it->second = std::move(naam);
    });
    per_feit("factor_signaal", [&](const Fact& f) {
        auto indicator = kb_tekst(f, "indicator");
        auto factor = kb_tekst(f, "factor");
        if (!indicator.empty() && !factor.empty()) v.signalen.emplace_back(std::move(indicator), std::move(factor));
    });
    return v;
}

}  // namespace

Vocabulaire lees_vocabulaire(const RuleBase& regels) {
    // The initial facts as the engine holds them after install: every slot, a default where the
    // fact gives none, and of equal facts only the first (the engine keeps one).
    const auto& sjablonen = regels.templates();
    return lees(
        [&](std::string_view sjabloon, auto&& doe) {
            const auto id = regels.template_id(sjabloon);
            if (!id) return;
            const TemplateDef& def = sjablonen[*id];
            std::vector<Fact> feiten;
            // Equal facts found by hash, not by comparing with every fact kept: a knowledge base of one's own
            // may hold many thousands of facts of one template.
            std::unordered_map<std::size_t, std::vector<std::size_t>> per_hash;
            for (const FactSpec& spec : regels.facts()) {
                if (spec.tmpl != *id) continue;
                Fact f;
                f.tmpl = *id;
                f.slots.reserve(def.slots.size());
                for (const SlotDef& slot : def.slots) {
                    const auto it = std::find_if(spec.slots.begin(), spec.slots.end(),
                                                 [&](const auto& s) { return s.first == slot.name; });
                    f.slots.push_back(it != spec.slots.end() ? it->second
                                      : slot.default_value ? *slot.default_value
                                                           : zero_of(slot.type));
                }
                std::size_t h = 0;
                for (const Value& w : f.slots) h = h * 1000003u ^ w.hash();
                auto& gelijk = per_hash[h];
                if (std::none_of(gelijk.begin(), gelijk.end(), [&](std::size_t k) { return feiten[k].slots == f.slots; })) {
                    gelijk.push_back(feiten.size());
                    feiten.push_back(std::move(f));
                }
            }
            for (const Fact& f : feiten) doe(f);
        },
        [&](const Fact& f, std::string_view naam) -> std::string {
            const int i = sjablonen[f.tmpl].slot_index(naam);
            if (i < 0) return {};
            const Value& v = f.slots[static_cast<std::size_t>(i)];
            if (v.kind() != ValueKind::symbol && v.kind() != ValueKind::string) return {};
            return std::string(v.as_text());
        });
}

}  // namespace ww::advies
