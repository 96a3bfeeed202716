// SPDX-License-Identifier: EUPL-1.2
// The engine's derivation tree as the advice layer shows it.
#pragma once

#include "advies/advies.hpp"
#include "engine/explanation.hpp"

namespace ww::advies {

// Written over `uitleg`: its strings and lists, and those of its premises, keep their capacity. An
// HTML report explains every advice; the advice of the last consultation leaves a tree to write
// over, as the engine does with the derivation (Engine::how_record into a Derivation).
void uitleg_in(const Derivation& afleiding, Uitleg& uitleg);

}  // namespace ww::advies
