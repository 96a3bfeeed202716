// SPDX-License-Identifier: EUPL-1.2
// The rule cost profile (CLIPS's profile-info, Drools' rule metrics): per rule, what the network and
// its firings did while profiling was on (Engine::set_profiling). It tells which rules' conditions
// make the tokens of a run, and which actions the facts and the time.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/rule.hpp"

namespace ww {

struct RuleCost {
    const RuleDef* rule = nullptr;
    // Tokens made at the rule's nodes (its joins, not/exists levels, aggregates and tests, those of
    // an aggregate's conjunction included). A node that k rule alternatives share counts 1/k for each,
    // so that the tokens of all rules add up to those of the network.
    double tokens = 0;
    // The same per condition as written (alternatives added up): where the tokens are made.
    std::vector<double> condition_tokens;
    std::uint64_t activations = 0;    // matches put on the agenda (a logical prefix's included)
    std::uint64_t firings = 0;
    std::uint64_t facts = 0;          // new facts its actions asserted (a modify counts, a duplicate not)
    std::uint64_t action_tokens = 0;  // tokens made anywhere in the network while its actions ran
    std::uint64_t action_ns = 0;      // wall time of its firings, what their facts did in the network included
};

}  // namespace ww
