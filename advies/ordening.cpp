#include "advies/ordening.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace ww::advies {

int huidige_stap(const std::array<StapStand, 5>& stappen) {
    for (const auto& s : stappen)
        if (s.status != Status::afgerond) return s.stap;
    return 5;
}

void orden(std::vector<AdviesItem>& adviezen, int huidige) {
    // Sorting positions, then moving each item once: an AdviesItem is a dozen strings and vectors,
    // and a merge sort (or the rotation below) would move items several times. The positions of an
    // advice list of the usual size live on the stack.
    const std::size_t n = adviezen.size();
    std::array<std::uint32_t, 64> op_stapel;
    std::vector<std::uint32_t> op_heap;
    if (n > op_stapel.size()) op_heap.resize(n);
    std::uint32_t* const volgorde = n > op_stapel.size() ? op_heap.data() : op_stapel.data();
    for (std::size_t i = 0; i < n; ++i) volgorde[i] = static_cast<std::uint32_t>(i);
    // The position as the last key makes an unstable sort stable without stable_sort's buffer; the
    // numbers are compared before the texts, which decide only between otherwise equal items.
    std::sort(volgorde, volgorde + n, [&](std::uint32_t i, std::uint32_t j) {
        const AdviesItem& a = adviezen[i];
        const AdviesItem& b = adviezen[j];
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
    // The first `actie` for the current step takes the place of the first `actie`, in positions.
    auto is_actie = [&](std::uint32_t i) { return adviezen[i].soort == Soort::actie; };
    auto* const einde = volgorde + n;
    auto* const eerste = std::find_if(volgorde, einde, is_actie);
    if (eerste != einde && adviezen[*eerste].stap != huidige) {
        auto* const juiste = std::find_if(eerste, einde, [&](std::uint32_t i) { return is_actie(i) && adviezen[i].stap == huidige; });
        if (juiste != einde) std::rotate(eerste, juiste, juiste + 1);
    }
    // In place, cycle by cycle: position i takes the item from volgorde[i]; a done position points at itself.
    for (std::uint32_t begin = 0; begin < n; ++begin) {
        if (volgorde[begin] == begin) continue;
        AdviesItem eerste_item = std::move(adviezen[begin]);
        std::uint32_t i = begin;
        while (volgorde[i] != begin) {
            const std::uint32_t van = volgorde[i];
            adviezen[i] = std::move(adviezen[van]);
            volgorde[i] = i;
            i = van;
        }
        adviezen[i] = std::move(eerste_item);
        volgorde[i] = i;
    }
}

}  // namespace ww::advies
