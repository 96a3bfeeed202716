// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace ww {

// Whether the jumps among a rule's actions are such that a firing always ends: branch and jump go
// forward; each/again enclose a body like brackets (an again goes back to the each whose end it is),
// nothing in a body binds the list or position variables of a loop around it, and no jump enters a
// body from outside (one may leave it forward: a while whose condition is false). Empty when they are; otherwise what is wrong. Both
// Engine::add_rule and the image reader ask it, so that no rule base can make a firing loop forever.
std::string action_flow_problem(const std::vector<Action>& actions, std::size_t variables);

}  // namespace ww
