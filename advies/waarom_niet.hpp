// SPDX-License-Identifier: EUPL-1.2
// "Why did rule X not fire for this profile?", in Dutch, from the engine's why_not.
#pragma once

#include <string>

#include "engine/engine.hpp"

namespace ww::advies {

// The engine must hold the profile's facts after a run. The rule must exist (check with find_rule).
std::string waarom_niet_tekst(const Engine& engine, const WhyNot& antwoord);

}  // namespace ww::advies
