#include "advies/ordening.hpp"

#include <algorithm>
#include <cstdint>
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
    // Sorting positions, then moving each item once: an AdviesItem is a dozen strings and vectors,
    // and a merge sort moves every item several times. The position as the last key makes an
    // unstable sort stable without stable_sort's buffer.
    std::vector<std::uint32_t> volgorde(adviezen.size());
    for (std::size_t i = 0; i < volgorde.size(); ++i) volgorde[i] = static_cast<std::uint32_t>(i);
    std::sort(volgorde.begin(), volgorde.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tuple(sleutel(adviezen[a]), a) < std::tuple(sleutel(adviezen[b]), b);
    });
    // In place, cycle by cycle: position i takes the item from volgorde[i]; a done position points at itself.
    for (std::uint32_t begin = 0; begin < volgorde.size(); ++begin) {
        if (volgorde[begin] == begin) continue;
        AdviesItem eerste = std::move(adviezen[begin]);
        std::uint32_t i = begin;
        while (volgorde[i] != begin) {
            const std::uint32_t van = volgorde[i];
            adviezen[i] = std::move(adviezen[van]);
            volgorde[i] = i;
            i = van;
        }
        adviezen[i] = std::move(eerste);
        volgorde[i] = i;
    }
    auto is_actie = [](const AdviesItem& a) { return a.soort == Soort::actie; };
    auto eerste = std::find_if(adviezen.begin(), adviezen.end(), is_actie);
    if (eerste == adviezen.end() || eerste->stap == huidige) return;
    auto juiste = std::find_if(eerste, adviezen.end(), [&](const AdviesItem& a) { return is_actie(a) && a.stap == huidige; });
    if (juiste != adviezen.end()) std::rotate(eerste, juiste, juiste + 1);
}

}  // namespace ww::advies
