// SPDX-License-Identifier: EUPL-1.2
// The advice of the human formats in its three groups, "Nu doen", "Waarschuwingen" and "Verder" (the
// list is in that order already, ordening.hpp), each item with its number: its place in the list
// (from 1), so that "advies 3" means the same advice in every format.
#pragma once

#include <string_view>
#include <vector>

#include "advies/advies.hpp"

namespace ww::advies {

struct Genummerd {
    int nr = 0;
    const AdviesItem* item = nullptr;
};

struct Groep {
    std::string_view kop;  // "Nu doen", "Waarschuwingen", "Verder"
    std::vector<Genummerd> items;
};

// The three groups, in that order; a group without items is still there, empty.
std::vector<Groep> indeling(const Advies& advies);

}  // namespace ww::advies
