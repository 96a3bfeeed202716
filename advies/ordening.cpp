#include "advies/ordening.hpp"

#include <algorithm>
#include <tuple>

namespace ww::advies {

int huidige_stap(const std::array<StapStand, 5>& stappen) {
    for (const auto& s : stappen)
        if (s.status != Status::afgerond) return s.stap;
    return 5;
}

void orden(std::vector<AdviesItem>& adviezen, int huidige) {
    auto sleutel = [huidige](const AdviesItem& a) {
        return std::tuple(a.prioriteit, a.stap != huidige, a.stap, static_cast<int>(a.soort), std::string_view(a.id),
                          std::string_view(a.tekst));
    };
    std::stable_sort(adviezen.begin(), adviezen.end(), [&](const AdviesItem& a, const AdviesItem& b) {
        return sleutel(a) < sleutel(b);
    });
    auto is_actie = [](const AdviesItem& a) { return a.soort == Soort::actie; };
    auto eerste = std::find_if(adviezen.begin(), adviezen.end(), is_actie);
    if (eerste == adviezen.end() || eerste->stap == huidige) return;
    auto juiste = std::find_if(eerste, adviezen.end(), [&](const AdviesItem& a) { return is_actie(a) && a.stap == huidige; });
    if (juiste != adviezen.end()) std::rotate(eerste, juiste, juiste + 1);
}

}  // namespace ww::advies
