#include "advies/ordening.hpp"

#include <algorithm>
#include <cstdint>

namespace ww::advies {

int huidige_stap(const std::array<StapStand, 5>& stappen) {
    for (const auto& s : stappen)
        if (s.status != Status::afgerond) return s.stap;
    return 5;
}

void orden(const std::vector<Ordesleutel>& sleutels, int huidige, std::vector<std::uint32_t>& volgorde) {
    const std::size_t n = sleutels.size();
    volgorde.resize(n);
    for (std::size_t i = 0; i < n; ++i) volgorde[i] = static_cast<std::uint32_t>(i);
    // The position as the last key makes an unstable sort stable without stable_sort's buffer; the
    // numbers are compared before the texts, which decide only between otherwise equal advice.
    std::sort(volgorde.begin(), volgorde.end(), [&](std::uint32_t i, std::uint32_t j) {
        const Ordesleutel& a = sleutels[i];
        const Ordesleutel& b = sleutels[j];
        if (a.prioriteit != b.prioriteit) return a.prioriteit < b.prioriteit;
        const bool a_elders = a.stap != huidige;
        const bool b_elders = b.stap != huidige;
        if (a_elders != b_elders) return a_elders < b_elders;
        if (a.stap != b.stap) return a.stap < b.stap;
        if (a.soort != b.soort) return static_cast<int>(a.soort) < static_cast<int>(b.soort);
        if (const int c = a.id.compare(b.id)) return c < 0;
        if (const int c = a.tekst.compare(b.tekst)) return c < 0;
        return i < j;
    });
    auto is_actie = [&](std::uint32_t i) { return sleutels[i].soort == Soort::actie; };
    const auto eerste = std::find_if(volgorde.begin(), volgorde.end(), is_actie);
    if (eerste == volgorde.end() || sleutels[*eerste].stap == huidige) return;
    const auto juiste = std::find_if(eerste, volgorde.end(), [&](std::uint32_t i) { return is_actie(i) && sleutels[i].stap == huidige; });
    if (juiste != volgorde.end()) std::rotate(eerste, juiste, juiste + 1);
}

void orden(std::vector<AdviesItem>& adviezen, int huidige) {
    std::vector<Ordesleutel> sleutels;
    sleutels.reserve(adviezen.size());
    for (const AdviesItem& a : adviezen) sleutels.push_back({a.prioriteit, a.stap, a.soort, a.id, a.tekst});
    std::vector<std::uint32_t> volgorde;
    orden(sleutels, huidige, volgorde);
    // In place, cycle by cycle, each item moved once (an AdviesItem is a dozen strings and vectors):
    // position i takes the item from volgorde[i]; a done position points at itself.
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
}

}  // namespace ww::advies
