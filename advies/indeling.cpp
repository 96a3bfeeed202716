// SPDX-License-Identifier: EUPL-1.2
#include "advies/indeling.hpp"

#include "advies/adviesgroep.hpp"
#include "advies/ordening.hpp"

namespace ww::advies {

Indeling indeling(const Advies& advies) {
    const Groepen g = groepen(advies);
    const std::span<const AdviesItem> lijst(advies.adviezen);
    // groepen gives 0 <= nu_doen <= waarschuwingen <= the list's size.
    const std::size_t nu = g.nu_doen;
    const std::size_t tot_verder = g.waarschuwingen;
    return {Groep{kop_van(Adviesgroep::nu_doen), {lijst.subspan(0, nu), 1}},
            Groep{kop_van(Adviesgroep::waarschuwingen), {lijst.subspan(nu, tot_verder - nu), static_cast<int>(nu) + 1}},
            Groep{kop_van(Adviesgroep::verder), {lijst.subspan(tot_verder), static_cast<int>(tot_verder) + 1}}};
}

}  // namespace ww::advies
