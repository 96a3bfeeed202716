// The order of the advice list: most urgent first, and the first `actie` answers "what next" for
// the step the gemeente is in.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "advies/advies.hpp"

namespace ww::advies {

// The first step that is not `afgerond`; 5 when all are.
int huidige_stap(const std::array<StapStand, 5>& stappen);

// Sorts by (prioriteit, stap != huidige, stap, soort [actie, waarschuwing, info], id, tekst): so the
// output does not depend on the order rules fired in. Then, if the first `actie` is not for
// `huidige`, the first `actie` that is moves up to take its place (the rest keeps its order).
void orden(std::vector<AdviesItem>& adviezen, int huidige);

// What orden sorts an advice on, so that advice can be put in order before it is built (the views
// must outlive the call).
struct Ordesleutel {
    long long prioriteit = 0;
    int stap = 1;
    Soort soort = Soort::info;
    std::string_view id;
    std::string_view tekst;
};

// The order of orden as positions: afterwards volgorde[k] is the position in `sleutels` of the
// advice that comes k-th. `volgorde` is the caller's, to keep its capacity.
void orden(const std::vector<Ordesleutel>& sleutels, int huidige, std::vector<std::uint32_t>& volgorde);

}  // namespace ww::advies
