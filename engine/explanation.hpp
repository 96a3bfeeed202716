// SPDX-License-Identifier: EUPL-1.2
// What the engine remembers of a run to answer "how" and "why not".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/value.hpp"

namespace ww {

// One firing: the rule, the facts its match consisted of (one per positive pattern, in condition
// order), and the variable bindings (VarId -> value; nil where a variable had no binding).
struct FiringInfo {
    std::uint64_t index = 0;  // position in the log, from 0
    const struct RuleDef* rule = nullptr;
    std::size_t alternative = 0;
    std::vector<FactId> facts;
    std::vector<Value> bindings;
};

// A derivation tree. For a fact asserted from outside, `firing` is empty and `premises` too.
struct Derivation {
    // What is explained: a fact (`fact` set, `text` its source form) or a record (`text` its form).
    std::optional<FactId> fact;
    std::string text;
    std::optional<std::uint64_t> firing;  // index into the firing log
    std::string rule_id;
    std::vector<std::pair<std::string, Value>> bindings;  // name as written -> value
    std::vector<Derivation> premises;                     // one per fact the firing matched
};

struct WhyNotAlternative {
    std::size_t alternative = 0;
    // Index of the first condition that fails; nullopt when the rule is fully matched (it has an
    // activation, or it fired and refraction keeps it from firing again).
    std::optional<std::size_t> failing_condition;
    std::string condition_text;  // the failing condition as written
    // Why it fails, in Dutch: "er is geen feit 'meting'", "geen 'meting' met indicator == ...".
    std::string reason;
    // The closest partial match: facts and bindings satisfying every condition before the failing one.
    std::vector<FactId> partial_facts;
    std::vector<std::pair<std::string, Value>> partial_bindings;
    bool fired = false;  // the rule fired on a match that still holds
};

struct WhyNot {
    std::string rule_id;
    bool found = false;  // false: no such rule
    std::vector<WhyNotAlternative> alternatives;
};

struct NetworkStats {
    std::size_t alpha_nodes = 0;
    std::size_t alpha_memories = 0;
    std::size_t beta_nodes = 0;
    std::size_t shared_beta_nodes = 0;  // nodes reused by a later rule instead of built anew
    // Join, not, exists and aggregate nodes that find a token's facts through a hash bucket (on
    // variables, expressions or an `in` list) instead of scanning their alpha memory.
    std::size_t hashed_beta_nodes = 0;
    std::size_t tokens = 0;
    std::size_t facts = 0;
    std::size_t activations = 0;
};

}  // namespace ww
