// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitleg.hpp"

#include <array>
#include <cstdint>

#include "advies/invoer.hpp"
#include "engine/reused_slot.hpp"

namespace ww::advies {

namespace {

// The templates the profile reader fills by the length of their names (at most a few of one length),
// as positions in invoer_vormen plus one: asked for every given fact of every derivation of a report,
// a comparison or two where a walk over all 21 names took some 140 instructions.
constexpr std::size_t langste_naam = 32;
constexpr std::size_t per_lengte = 4;
constexpr auto vormen_per_lengte = [] {
    std::array<std::array<std::uint8_t, per_lengte>, langste_naam + 1> t{};
    for (std::size_t i = 0; i < invoer_vormen.size(); ++i) {
        const std::size_t n = invoer_vormen[i].naam.size();
        if (n > langste_naam) throw "een naam in invoer_vormen is langer dan langste_naam";
        std::size_t k = 0;
        while (k < per_lengte && t[n][k] != 0) ++k;
        if (k == per_lengte) throw "meer namen van één lengte in invoer_vormen dan per_lengte";
        t[n][k] = static_cast<std::uint8_t>(i + 1);
    }
    return t;
}();

bool profielsjabloon(std::string_view naam) {
    if (naam.size() > langste_naam) return false;
    for (const std::uint8_t i : vormen_per_lengte[naam.size()]) {
        if (i == 0) return false;
        if (invoer_vormen[i - 1u].naam == naam) return true;
    }
    return false;
}

}  // namespace

Uitleg::Herkomst herkomst_van(const Derivation& d) {
    if (d.firing) return Uitleg::Herkomst::regel;
    // A given fact comes from the profile when its template is one the reader fills; else it is one
    // of the knowledge base's initial facts.
    return profielsjabloon(std::string_view(d.text).substr(0, d.text.find('('))) ? Uitleg::Herkomst::profiel
                                                                                   : Uitleg::Herkomst::kennisbank;
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
