// SPDX-License-Identifier: EUPL-1.2
#include "advies/indeling.hpp"

#include "advies/ordening.hpp"

namespace ww::advies {

std::vector<Groep> indeling(const Advies& advies) {
    std::vector<Groep> groepen_{{"Nu doen", {}}, {"Waarschuwingen", {}}, {"Verder", {}}};
    const Groepen g = groepen(advies);
    const auto& lijst = advies.adviezen;
    for (std::size_t i = 0; i < lijst.size(); ++i) {
        const std::size_t groep = i < g.nu_doen ? 0 : i < g.waarschuwingen ? 1 : 2;
        groepen_[groep].items.push_back({static_cast<int>(i + 1), &lijst[i]});
    }
    return groepen_;
}

}  // namespace ww::advies
