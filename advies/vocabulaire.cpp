// SPDX-License-Identifier: EUPL-1.2
#include "advies/vocabulaire.hpp"

#include <algorithm>
#include <optional>
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

// The value slot `slot` of `def` has in the fact `spec` as the engine holds it after install: the
// value the fact gives, else the slot's default, else its type's zero (null here: a zero is never a
// text but the empty one).
const Value* waarde_van(const FactSpec& spec, const SlotDef& slot) {
    const auto it = std::find_if(spec.slots.begin(), spec.slots.end(), [&](const auto& s) { return s.first == slot.name; });
    if (it != spec.slots.end()) return &it->second;
    return slot.default_value ? &*slot.default_value : nullptr;
}

// The slot `naam` of `def`; null when it has none (its text is then "").
const SlotDef* sleuf(const TemplateDef& def, std::string_view naam) {
    const int i = def.slot_index(naam);
    return i < 0 ? nullptr : &def.slots[static_cast<std::size_t>(i)];
}

// The text of `slot` in `spec` ("" when the template has no such slot or its value is no text).
std::string tekst_van(const FactSpec& spec, const SlotDef* slot) {
    if (!slot) return {};
    const Value* v = waarde_van(spec, *slot);
    if (!v || (v->kind() != ValueKind::symbol && v->kind() != ValueKind::string)) return {};
    return std::string(v->as_text());
}

// The facts of one template that the engine keeps of the initial facts: of equal facts only the first.
// Equal facts found by hash, not by comparing with every fact kept: a knowledge base of one's own may
// hold many thousands of facts of one template.
class GelijkeFeiten {
public:
    explicit GelijkeFeiten(const TemplateDef& def) : def_(def) {}
    // Whether `spec` (of this template) is no copy of a fact kept before; kept if so.
    bool nieuw(const FactSpec& spec) {
        Fact f;
        f.tmpl = spec.tmpl;
        f.slots.reserve(def_.slots.size());
        for (const SlotDef& slot : def_.slots) {
            const Value* v = waarde_van(spec, slot);
            f.slots.push_back(v ? *v : zero_of(slot.type));
        }
        std::size_t h = 0;
        for (const Value& w : f.slots) h = h * 1000003u ^ w.hash();
        auto& gelijk = per_hash_[h];
        if (std::any_of(gelijk.begin(), gelijk.end(), [&](std::size_t k) { return feiten_[k].slots == f.slots; }))
            return false;
        gelijk.push_back(feiten_.size());
        feiten_.push_back(std::move(f));
        return true;
    }

private:
    const TemplateDef& def_;
    std::vector<Fact> feiten_;
    std::unordered_map<std::size_t, std::vector<std::size_t>> per_hash_;
};

}  // namespace

Vocabulaire lees_vocabulaire(const RuleBase& regels) {
    // The initial facts as the engine holds them after install (every slot, a default where the fact
    // gives none, and of equal facts only the first), read in one pass over them, not one per template.
    const auto& sjablonen = regels.templates();
    constexpr TemplateId geen = ~TemplateId{0};  // a template the knowledge base lacks: no fact has it
    const auto id_van = [&](std::string_view naam) { return regels.template_id(naam).value_or(geen); };
    const TemplateId factor = id_van("factor"), bronsoort = id_van("bronsoort"), indicator = id_van("indicator"),
                     indicator_naam = id_van("indicator_naam"), factor_signaal = id_van("factor_signaal");

    // The slots read, each looked up once (a template without one gives "" for it).
    const auto sleuf_van = [&](TemplateId t, std::string_view naam) { return t == geen ? nullptr : sleuf(sjablonen[t], naam); };
    const SlotDef *const factor_id = sleuf_van(factor, "id"), *const factor_naam = sleuf_van(factor, "naam");
    const SlotDef *const bron_id = sleuf_van(bronsoort, "id"), *const bron_soort = sleuf_van(bronsoort, "soort"),
                  *const bron_omschrijving = sleuf_van(bronsoort, "omschrijving");
    const SlotDef *const indicator_id = sleuf_van(indicator, "id"), *const betekenis = sleuf_van(indicator, "betekenis");
    const SlotDef *const naam_indicator = sleuf_van(indicator_naam, "indicator"), *const naam_naam = sleuf_van(indicator_naam, "naam");
    const SlotDef *const signaal_indicator = sleuf_van(factor_signaal, "indicator"),
                  *const signaal_factor = sleuf_van(factor_signaal, "factor");

    Vocabulaire v;
    // A copy of an earlier fact of factor, bronsoort or indicator has the same id, which is then known
    // already: those need no search for equal facts. The names of indicator_naam replace the meanings
    // of the indicators, so they are read after all of those, in their order.
    std::optional<GelijkeFeiten> namen, signalen;
    std::vector<const FactSpec*> naam_feiten;
    if (indicator_naam != geen) namen.emplace(sjablonen[indicator_naam]);
    if (factor_signaal != geen) signalen.emplace(sjablonen[factor_signaal]);
    for (const FactSpec& spec : regels.facts()) {
        if (spec.tmpl == factor) {
            auto id = tekst_van(spec, factor_id);
            if (id.empty() || v.is_factor(id)) continue;
            v.factor_naam[id] = tekst_van(spec, factor_naam);
            v.factoren.push_back(std::move(id));
        } else if (spec.tmpl == bronsoort) {
            auto id = tekst_van(spec, bron_id);
            if (id.empty() || v.is_bron(id)) continue;
            v.bron_soort[id] = tekst_van(spec, bron_soort);
            v.bron_omschrijving[id] = tekst_van(spec, bron_omschrijving);
            v.bronnen.push_back(std::move(id));
        } else if (spec.tmpl == indicator) {
            auto id = tekst_van(spec, indicator_id);
            if (id.empty() || v.is_indicator(id)) continue;
            v.indicator_naam[id] = tekst_van(spec, betekenis);
            v.indicatoren.push_back(std::move(id));
        } else if (spec.tmpl == indicator_naam) {
            if (namen->nieuw(spec)) naam_feiten.push_back(&spec);
        } else if (spec.tmpl == factor_signaal) {
            if (!signalen->nieuw(spec)) continue;
            auto ind = tekst_van(spec, signaal_indicator);
            auto fac = tekst_van(spec, signaal_factor);
            if (!ind.empty() && !fac.empty()) v.signalen.emplace_back(std::move(ind), std::move(fac));
        }
    }
    // The short names replace the meanings where the knowledge base gives them.
    for (const FactSpec* spec : naam_feiten) {
        auto naam = tekst_van(*spec, naam_naam);
        if (auto it = v.indicator_naam.find(tekst_van(*spec, naam_indicator)); it != v.indicator_naam.end() && !naam.empty())
            it->second = std::move(naam);
    }
    return v;
}

}  // namespace ww::advies
