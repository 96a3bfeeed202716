#include "advies/indeling.hpp"

namespace ww::advies {

std::vector<Groep> indeling(const Advies& advies) {
    std::vector<Groep> groepen{{"Nu doen", {}}, {"Waarschuwingen", {}}, {"Verder", {}}};
    const auto& lijst = advies.adviezen;
    std::vector<bool> nu(lijst.size());
    bool een_nu = false;
    for (std::size_t i = 0; i < lijst.size(); ++i)
        if (lijst[i].soort == Soort::actie && lijst[i].stap == advies.huidige_stap) nu[i] = een_nu = true;
    if (!een_nu)
        for (std::size_t i = 0; i < lijst.size(); ++i)
            if (lijst[i].soort == Soort::actie) {
                nu[i] = true;
                break;
            }
    for (std::size_t i = 0; i < lijst.size(); ++i) {
        const std::size_t g = nu[i] ? 0 : lijst[i].soort == Soort::waarschuwing ? 1 : 2;
        groepen[g].items.push_back({static_cast<int>(i + 1), &lijst[i]});
    }
    return groepen;
}

}  // namespace ww::advies
