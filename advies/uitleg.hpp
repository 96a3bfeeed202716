// SPDX-License-Identifier: EUPL-1.2
// The engine's derivation tree as the advice layer shows it.
#pragma once

#include <cstdint>
#include <string_view>

#include "advies/advies.hpp"
#include "engine/explanation.hpp"

namespace ww::advies {

// Written over `uitleg`: its strings and lists, and those of its premises, keep their capacity. An
// HTML report explains every advice; the advice of the last consultation leaves a tree to write
// over, as the engine does with the derivation (Engine::how_record into a Derivation).
// `standaard`: the consultation's standaard_sjablonen (advies/invoer.hpp).
void uitleg_in(const Derivation& afleiding, Uitleg& uitleg, std::uint32_t standaard);

// What uitleg_in makes of one node, for a writer that reads the Derivation itself (the HTML report):
// who made the fact, and the rule (empty for a given fact, and for a firing the log no longer holds).
Uitleg::Herkomst herkomst_van(const Derivation& afleiding, std::uint32_t standaard);
inline std::string_view regel_van(const Derivation& afleiding) {
    return afleiding.firing ? std::string_view(afleiding.rule_id) : std::string_view();
}
// A binding uitleg_in keeps: a fact address says nothing to a reader (the fact itself is among the
// premises).
inline bool getoonde_binding(const Value& waarde) { return waarde.kind() != ValueKind::fact; }

}  // namespace ww::advies
