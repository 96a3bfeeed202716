// SPDX-License-Identifier: EUPL-1.2
// The engine's derivation tree as the advice layer shows it.
#pragma once

#include "advies/advies.hpp"
#include "engine/explanation.hpp"

namespace ww::advies {

// Takes the derivation's strings instead of copying them: an HTML report explains every advice, and
// how_record hands over a tree nobody keeps.
Uitleg uitleg_uit(Derivation&& afleiding);

}  // namespace ww::advies
