// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitleg.hpp"

#include "advies/raadpleging.hpp"
#include "engine/reused_slot.hpp"

namespace ww::advies {

namespace {

Uitleg::Herkomst herkomst_van(const Derivation& d) {
    if (d.firing) return Uitleg::Herkomst::regel;
    // A given fact comes from the profile when its template is one the reader fills; else it is one
    // of the knowledge base's initial facts.
    const std::string_view tmpl = std::string_view(d.text).substr(0, d.text.find('('));
    for (const auto& [naam, slots] : invoer_sjablonen())
        if (naam == tmpl) return Uitleg::Herkomst::profiel;
    return Uitleg::Herkomst::kennisbank;
}

void bindingen_van(const Derivation& d, Uitleg& u) {
    std::size_t n = 0;
    for (const auto& [naam, waarde] : d.bindings) {
        // A fact address says nothing to a reader; the fact itself is among the premises.
        if (waarde.kind() == ValueKind::fact) continue;
        auto& [uit_naam, uit_waarde] = reused_slot(u.bindingen, n++);
        uit_naam.assign(naam);
        uit_waarde.clear();
        waarde.append_repr(uit_waarde);
    }
    u.bindingen.resize(n);
}

}  // namespace

void uitleg_in(const Derivation& d, Uitleg& u) {
    u.herkomst = herkomst_van(d);
    if (d.firing) u.regel.assign(d.rule_id);
    else u.regel.clear();
    u.feit.assign(d.text);
    bindingen_van(d, u);
    const std::size_t n = d.premises.size();
    for (std::size_t i = 0; i < n; ++i) uitleg_in(d.premises[i], reused_slot(u.premissen, i));
    u.premissen.resize(n);
}

}  // namespace ww::advies
