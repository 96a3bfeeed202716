// SPDX-License-Identifier: EUPL-1.2
// The order of the advice list, the same in every format: first "Nu doen" (the acties of the current
// step), then the warnings, then the rest; within each group most urgent first and, at equal
// urgency, the stappenplan's working order (the order of the rules in the knowledge base); in the rest,
// advice of a later step after that of the current one, step by step.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "advies/advies.hpp"
#include "advies/adviesgroep.hpp"

namespace ww::advies {

// The first step that is not `afgerond`; 5 when all are.
int huidige_stap(const std::array<StapStand, 5>& stappen);

// What an advice is put in order by (the views must outlive the call).
struct Ordesleutel {
    long long prioriteit = 0;
    int stap = 1;
    Soort soort = Soort::info;
    std::uint32_t positie = 0;  // of the rule in the knowledge base: files by name, rules as written
    std::string_view tekst;
    // The record's own place among the advice of its rule (its optional field `volgorde`): the message
    // number of a contradiction, the Tafel van 12's order of a factor. 0 when the record has none.
    long long volgorde = 0;
};

// The groups first (adviesgroep.hpp, with `huidige` as the "Nu doen" step: nu_doen_stap). Within a group by
// (wacht, prioriteit, stap != huidige, stap, positie, volgorde, tekst), where wacht is the step of an advice
// of the rest that belongs to a step after `huidige` and 0 otherwise: the rest gives what the gemeente can
// do now (the current and earlier steps) by urgency, then each later step in turn, by urgency within it.
// So the output does not depend on the order rules fired in. An actie of another step never moves in front: when `huidige` has none (a finished
// stappenplan without a stap-5 actie), there is nothing to do "now". Afterwards volgorde[k] is the position in `sleutels` of the advice that comes k-th;
// `volgorde` is the caller's, to keep its capacity.
void orden(const std::vector<Ordesleutel>& sleutels, int huidige, std::vector<std::uint32_t>& volgorde);

// The same for items already built, taking their order in `adviezen` as the working order.
void orden(std::vector<AdviesItem>& adviezen, int huidige);

// The groups of a list in the order of orden (with nu_doen_stap), as positions: [0, nu_doen) is "Nu doen",
// [nu_doen, waarschuwingen) "Waarschuwingen", the rest "Verder". The formats number the advice by its
// position in the list, so the numbers are the same in each.
struct Groepen {
    std::size_t nu_doen = 0;
    std::size_t waarschuwingen = 0;
};
Groepen groepen(const Advies& advies);

}  // namespace ww::advies
