// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitleg.hpp"

#include "advies/invoer.hpp"
#include "engine/reused_slot.hpp"

namespace ww::advies {

Uitleg::Herkomst herkomst_van(const Derivation& d) {
    if (d.firing) return Uitleg::Herkomst::regel;
    // A given fact comes from the profile when its template is one the reader fills; else it is one
    // of the knowledge base's initial facts.
    const std::string_view tmpl = std::string_view(d.text).substr(0, d.text.find('('));
    for (const InvoerVorm& vorm : invoer_vormen)
        if (vorm.naam == tmpl) return Uitleg::Herkomst::profiel;
    return Uitleg::Herkomst::kennisbank;
}

namespace {

void bindingen_van(const Derivation& d, Uitleg& u) {
    std::size_t n = 0;
    for (const auto& [naam, waarde] : d.bindings) {
        if (!getoonde_binding(waarde)) continue;
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
    u.regel.assign(regel_van(d));
    u.feit.assign(d.text);
    bindingen_van(d, u);
    const std::size_t n = d.premises.size();
    for (std::size_t i = 0; i < n; ++i) uitleg_in(d.premises[i], reused_slot(u.premissen, i));
    u.premissen.resize(n);
}

}  // namespace ww::advies
