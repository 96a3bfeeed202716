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

// The place in invoer_vormen plus one of the template named `naam`; 0 for none.
std::size_t profielsjabloon(std::string_view naam) {
    if (naam.size() > langste_naam) return 0;
    for (const std::uint8_t i : vormen_per_lengte[naam.size()]) {
        if (i == 0) return 0;
        if (invoer_vormen[i - 1u].naam == naam) return i;
    }
    return 0;
}

}  // namespace

Uitleg::Herkomst herkomst_van(const Derivation& d, std::uint32_t standaard) {
    if (d.firing) return Uitleg::Herkomst::regel;
    // A given fact comes from the profile when its template is one the reader fills (a default when
    // the profile lacks its section); else it is one of the knowledge base's initial facts.
    const std::size_t i = profielsjabloon(std::string_view(d.text).substr(0, d.text.find('(')));
    if (i == 0) return Uitleg::Herkomst::kennisbank;
    return (standaard >> (i - 1) & 1) != 0 ? Uitleg::Herkomst::standaard : Uitleg::Herkomst::profiel;
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

void uitleg_in(const Derivation& d, Uitleg& u, std::uint32_t standaard) {
    u.herkomst = herkomst_van(d, standaard);
    u.regel.assign(regel_van(d));
    u.feit.assign(d.text);
    bindingen_van(d, u);
    const std::size_t n = d.premises.size();
    for (std::size_t i = 0; i < n; ++i) uitleg_in(d.premises[i], reused_slot(u.premissen, i), standaard);
    u.premissen.resize(n);
}

}  // namespace ww::advies
