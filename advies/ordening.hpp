// The order of the advice list: most urgent first, and the first `actie` answers "what next" for
// the step the gemeente is in.
#pragma once

#include <array>
#include <vector>

#include "advies/advies.hpp"

namespace ww::advies {

// The first step that is not `afgerond`; 5 when all are.
int huidige_stap(const std::array<StapStand, 5>& stappen);

// Sorts by (prioriteit, stap != huidige, stap, soort [actie, waarschuwing, info], id, tekst): so the
// output does not depend on the order rules fired in. Then, if the first `actie` is not for
// `huidige`, the first `actie` that is moves up to take its place (the rest keeps its order).
void orden(std::vector<AdviesItem>& adviezen, int huidige);

}  // namespace ww::advies
