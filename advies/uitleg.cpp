// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitleg.hpp"

#include "advies/raadpleging.hpp"

namespace ww::advies {

Uitleg uitleg_uit(const Derivation& d) {
    Uitleg u;
    u.regel = d.firing ? d.rule_id : std::string();
    u.feit = d.text;
    if (!d.firing) {
        // A given fact comes from the profile when its template is one the reader fills; else it is
        // one of the knowledge base's initial facts.
        const std::string_view tmpl = std::string_view(d.text).substr(0, d.text.find('('));
        u.herkomst = Uitleg::Herkomst::kennisbank;
        for (const auto& [naam, slots] : invoer_sjablonen())
            if (naam == tmpl) u.herkomst = Uitleg::Herkomst::profiel;
    }
    u.bindingen.reserve(d.bindings.size());
    for (const auto& [naam, waarde] : d.bindings) {
        // A fact address says nothing to a reader; the fact itself is among the premises.
        if (waarde.kind() == ValueKind::fact) continue;
        u.bindingen.emplace_back(naam, waarde.repr());
    }
    u.premissen.reserve(d.premises.size());
    for (const auto& p : d.premises) u.premissen.push_back(uitleg_uit(p));
    return u;
}

}  // namespace ww::advies
