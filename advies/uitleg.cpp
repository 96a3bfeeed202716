// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitleg.hpp"

#include "advies/raadpleging.hpp"

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
    u.bindingen.reserve(d.bindings.size());
    for (const auto& [naam, waarde] : d.bindings) {
        // A fact address says nothing to a reader; the fact itself is among the premises.
        if (waarde.kind() == ValueKind::fact) continue;
        u.bindingen.emplace_back(naam, waarde.repr());
    }
}

}  // namespace

Uitleg uitleg_uit(Derivation&& d) {
    Uitleg u;
    u.herkomst = herkomst_van(d);
    if (d.firing) u.regel = std::move(d.rule_id);
    u.feit = std::move(d.text);
    bindingen_van(d, u);
    u.premissen.reserve(d.premises.size());
    for (auto& p : d.premises) u.premissen.push_back(uitleg_uit(std::move(p)));
    return u;
}

}  // namespace ww::advies
