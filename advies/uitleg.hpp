// SPDX-License-Identifier: EUPL-1.2
// The engine's derivation tree as the advice layer shows it.
#pragma once

#include "advies/advies.hpp"
#include "engine/explanation.hpp"

namespace ww::advies {

Uitleg uitleg_uit(const Derivation& afleiding);

}  // namespace ww::advies
