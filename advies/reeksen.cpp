// SPDX-License-Identifier: EUPL-1.2
#include "advies/reeksen.hpp"

#include <algorithm>
#include <tuple>

namespace ww::advies {

namespace {

constexpr std::size_t plaats_van(std::string_view slot) {
    const auto& slots = invoer_slots::meting;
    return static_cast<std::size_t>(std::find(slots.begin(), slots.end(), slot) - slots.begin());
}

constexpr std::size_t slot_nr = plaats_van("nr");
constexpr std::size_t slot_indicator = plaats_van("indicator");
constexpr std::size_t slot_gebied = plaats_van("gebied");
constexpr std::size_t slot_groep = plaats_van("groep");
constexpr std::size_t slot_jaar = plaats_van("jaar");
static_assert(slot_jaar < invoer_slots::meting.size(), "invoer.hpp: meting zonder jaar");

}  // namespace

std::vector<ReeksPlaats> plaats_in_reeksen(std::span<const InvoerFeit> feiten) {
    struct Rij {
        std::size_t uit;  // index in the result
        const InvoerFeit* feit;
    };
    std::vector<ReeksPlaats> uit;
    // Profiles hold tens of rows: a linear search for the series is cheaper than a map.
    std::vector<std::vector<Rij>> reeksen;
    for (const InvoerFeit& f : feiten) {
        if (f.sjabloon != InvoerSjabloon::meting) continue;
        const auto zelfde = [&](const std::vector<Rij>& r) {
            const auto& w = r.front().feit->waarden;
            return w[slot_indicator] == f.waarden[slot_indicator] && w[slot_gebied] == f.waarden[slot_gebied] &&
                   w[slot_groep] == f.waarden[slot_groep];
        };
        auto reeks = std::find_if(reeksen.begin(), reeksen.end(), zelfde);
        if (reeks == reeksen.end()) reeks = reeksen.emplace(reeksen.end());
        uit.push_back({f.waarden[slot_nr].as_int(), static_cast<std::int64_t>(reeks - reeksen.begin()) + 1, {}, 0});
        reeks->push_back({uit.size() - 1, &f});
    }
    for (auto& reeks : reeksen) {
        std::vector<Rij> met_jaar;
        for (const Rij& r : reeks)
            if (!r.feit->waarden[slot_jaar].is_nil()) met_jaar.push_back(r);
        // Newest first; the reader has refused two rows of one series in the same year.
        std::stable_sort(met_jaar.begin(), met_jaar.end(), [](const Rij& a, const Rij& b) {
            return a.feit->waarden[slot_jaar].as_int() > b.feit->waarden[slot_jaar].as_int();
        });
        const auto jaren = static_cast<std::int64_t>(met_jaar.size());
        for (std::size_t i = 0; i < met_jaar.size(); ++i) uit[met_jaar[i].uit].positie = static_cast<std::int64_t>(i) + 1;
        for (const Rij& r : reeks) {
            uit[r.uit].jaren = jaren;
            if (jaren == 0) uit[r.uit].positie = 1;
        }
    }
    return uit;
}

}  // namespace ww::advies
