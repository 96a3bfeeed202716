// SPDX-License-Identifier: EUPL-1.2
#include "advies/reeksen.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

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

// Indicator, gebied and groep: what makes rows one series.
struct ReeksSleutel {
    Value indicator, gebied, groep;
    friend bool operator==(const ReeksSleutel&, const ReeksSleutel&) = default;
};

struct ReeksSleutelHash {
    std::size_t operator()(const ReeksSleutel& s) const {
        const ValueHash h;
        return (h(s.indicator) * 31 + h(s.gebied)) * 31 + h(s.groep);
    }
};

}  // namespace

std::vector<ReeksPlaats> plaats_in_reeksen(std::span<const InvoerFeit> feiten) {
    struct Rij {
        std::size_t uit;  // index in the result
        const InvoerFeit* feit;
    };
    std::vector<ReeksPlaats> uit;
    // A series is numbered in the order its first row appears. Hashed: a profile with thousands of
    // wijken has thousands of series, and a search through them per row would be quadratic.
    std::vector<std::vector<Rij>> reeksen;
    std::unordered_map<ReeksSleutel, std::size_t, ReeksSleutelHash> nummer;
    for (const InvoerFeit& f : feiten) {
        if (f.sjabloon != InvoerSjabloon::meting) continue;
        const std::vector<Value>& waarden = f.waarden();
        const ReeksSleutel sleutel{waarden[slot_indicator], waarden[slot_gebied], waarden[slot_groep]};
        const auto [plek, nieuw] = nummer.try_emplace(sleutel, reeksen.size());
        if (nieuw) reeksen.emplace_back();
        uit.push_back({waarden[slot_nr].as_int(), static_cast<std::int64_t>(plek->second) + 1, {}, 0});
        reeksen[plek->second].push_back({uit.size() - 1, &f});
    }
    for (auto& reeks : reeksen) {
        std::vector<Rij> met_jaar;
        for (const Rij& r : reeks)
            if (!r.feit->waarden()[slot_jaar].is_nil()) met_jaar.push_back(r);
        // Newest first; the reader has refused two rows of one series in the same year.
        std::stable_sort(met_jaar.begin(), met_jaar.end(), [](const Rij& a, const Rij& b) {
            return a.feit->waarden()[slot_jaar].as_int() > b.feit->waarden()[slot_jaar].as_int();
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
