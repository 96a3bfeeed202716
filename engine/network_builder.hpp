// SPDX-License-Identifier: EUPL-1.2
// Compiles a rule alternative into the network: each condition becomes one beta node (join, not,
// exists, aggregate, test) over an alpha memory, variables become token positions, and a node equal to
// one already under the same parent is reused. Because variables are positions by then, two rules
// that name their variables differently still share their common prefix.
#pragma once

#include <vector>

#include "engine/alpha_network.hpp"
#include "engine/beta_network.hpp"

namespace ww {

// Conditions in one alternative: matches propagate one recursion per condition, so a rule of 60,000
// conditions overflowed the stack. Far more than any real rule needs.
inline constexpr std::size_t kMaxConditions = 1000;

// The lists one pattern is sorted into, kept by the engine from one pattern to the next (a builder
// is made per rule): a cold start builds some 1,700 patterns, and each made and freed them anew.
struct NetworkBuilderScratch {
    std::vector<VarId> local;
    std::vector<AlphaTest> eq_tests, other_tests;
};

class NetworkBuilder {
public:
    NetworkBuilder(AlphaNetwork& alpha, BetaNetwork& beta, const std::vector<TemplateDef>& templates,
                   const WorkingMemory& wm, NetworkBuilderScratch& scratch)
        : alpha_(alpha), beta_(beta), templates_(templates), wm_(wm), scratch_(scratch) {}

    // Checks the whole alternative first (throws std::invalid_argument, Dutch), then installs it.
    // `volatile_templates[t]`: facts of template t are modified or retracted by some rule.
    // `module`, `auto_focus`: the engine's number for the rule's module, and whether it takes the
    // focus (set before the terminal meets the facts already there).
    Terminal* build(const RuleDef& rule, std::size_t alternative, const std::vector<bool>& volatile_templates,
                    std::size_t& shared_nodes, std::uint32_t module = 0, bool auto_focus = false);

    // The order in which the conditions of an alternative are joined (indexes into it). Written order,
    // except that a volatile pattern sharing no variable with any other condition goes last: it does
    // not change which matches exist, only which part of the network a change to it invalidates, and
    // at the end that part is small. (In Manners the `context` fact changes every cycle; joined first
    // it throws away every partial seating each time, joined last only the final level.)
    static std::vector<std::size_t> join_order(const RuleDef& rule, std::size_t alternative,
                                               const std::vector<bool>& volatile_templates);

private:
    // One condition's nodes: the node itself and, for an aggregate over a conjunction, the chain of
    // its terms (installed first, under the same parent).
    struct Step {
        std::vector<std::unique_ptr<BetaNode>> terms;
        std::unique_ptr<BetaNode> node;
    };
    Step conjunction_step(const RuleDef& rule, const Condition& c, std::uint16_t depth, std::vector<VarLoc>& locs);
    // `kind` stands for `c.kind`: the first term of an aggregate over a conjunction is its pattern
    // read as a plain pattern.
    std::unique_ptr<BetaNode> pattern_node(const RuleDef& rule, const Condition& c, Condition::Kind kind,
                                           std::uint16_t depth, std::vector<VarLoc>& locs);

    AlphaNetwork& alpha_;
    BetaNetwork& beta_;
    const std::vector<TemplateDef>& templates_;
    const WorkingMemory& wm_;
    NetworkBuilderScratch& scratch_;
};

}  // namespace ww
