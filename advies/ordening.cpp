// SPDX-License-Identifier: EUPL-1.2
#include "advies/ordening.hpp"

#include <algorithm>
#include <cstdint>

namespace ww::advies {

namespace {

// Among the rest, advice of a step after the current one waits for that step: the stappenplan works
// step by step (the analysis of stap 3 starts once stap 2 has gathered the information), so a
// priority-1 analysis action is not more urgent for a gemeente at stap 1 than the stap-2 work before
// it. Such advice is ordered by its step first and only then by urgency; advice of the current and
// earlier steps (context, leftovers) keeps its urgency and comes before it. Warnings keep theirs:
// something wrong now is wrong at any step. One number per advice, so the comparison stays a strict
// weak order.
int wacht_op_stap(Adviesgroep groep, int stap, int huidige) {
    if (groep != Adviesgroep::verder || huidige == alle_stappen || stap <= huidige) return 0;
    return stap;
}

}  // namespace

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
    // numbers are compared before the texts, which decide only between advice of one rule that gives
    // no volgorde of its own (or the same one).
    std::sort(volgorde.begin(), volgorde.end(), [&](std::uint32_t i, std::uint32_t j) {
        const Ordesleutel& a = sleutels[i];
        const Ordesleutel& b = sleutels[j];
        const Adviesgroep ga = adviesgroep(a.soort, a.stap, huidige), gb = adviesgroep(b.soort, b.stap, huidige);
        if (ga != gb) return ga < gb;
        const int wa = wacht_op_stap(ga, a.stap, huidige), wb = wacht_op_stap(gb, b.stap, huidige);
        if (wa != wb) return wa < wb;
        if (a.prioriteit != b.prioriteit) return a.prioriteit < b.prioriteit;
        const bool a_elders = huidige != alle_stappen && a.stap != huidige;
        const bool b_elders = huidige != alle_stappen && b.stap != huidige;
        if (a_elders != b_elders) return a_elders < b_elders;
        if (a.stap != b.stap) return a.stap < b.stap;
        if (a.positie != b.positie) return a.positie < b.positie;
        if (a.volgorde != b.volgorde) return a.volgorde < b.volgorde;
        if (const int c = a.tekst.compare(b.tekst)) return c < 0;
        return i < j;
    });
}

void orden(std::vector<AdviesItem>& adviezen, int huidige) {
    std::vector<Ordesleutel> sleutels;
    sleutels.reserve(adviezen.size());
    for (std::size_t i = 0; i < adviezen.size(); ++i) {
        const AdviesItem& a = adviezen[i];
        sleutels.push_back({a.prioriteit, a.stap, a.soort, static_cast<std::uint32_t>(i), a.tekst});
    }
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

Groepen groepen(const Advies& advies) {
    const auto& a = advies.adviezen;
    Groepen g;
    const int nu_doen = nu_doen_stap(advies);
    while (g.nu_doen < a.size() && adviesgroep(a[g.nu_doen], nu_doen) == Adviesgroep::nu_doen) ++g.nu_doen;
    g.waarschuwingen = g.nu_doen;
    while (g.waarschuwingen < a.size() && adviesgroep(a[g.waarschuwingen], nu_doen) == Adviesgroep::waarschuwingen)
        ++g.waarschuwingen;
    return g;
}

}  // namespace ww::advies
