// SPDX-License-Identifier: EUPL-1.2
// Where each measurement stands in its series (the rows with the same indicator, gebied and groep):
// the profile's data put in order once, so that the knowledge base judges the current, previous and
// first figure by their place instead of searching the series with a `not` per row.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "advies/invoer.hpp"

namespace ww::advies {

struct ReeksPlaats {
    std::int64_t nr = 0;                   // the measurement's `nr`
    std::int64_t reeks = 0;                // its series, numbered from 1 in order of first appearance
    std::optional<std::int64_t> positie;   // 1 = the latest year, 2 = the year before, ...; a row
                                           // without a year is 1 in a series without years, and has
                                           // no place in a series with years
    std::int64_t jaren = 0;                // how many rows of the series have a year
};

// For every `meting` fact, in the order of the facts.
std::vector<ReeksPlaats> plaats_in_reeksen(std::span<const InvoerFeit> feiten);

}  // namespace ww::advies
