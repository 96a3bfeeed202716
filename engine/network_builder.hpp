// Compiles a rule alternative into the network: each condition becomes one beta node (join, not,
// exists, aggregate, test) over an alpha memory, variables become token positions, and a node equal to
// one already under the same parent is reused. Because variables are positions by then, two rules
// that name their variables differently still share their common prefix.
#pragma once

#include <vector>

#include "engine/alpha_network.hpp"
#include "engine/beta_network.hpp"

namespace ww {

class NetworkBuilder {
public:
    NetworkBuilder(AlphaNetwork& alpha, BetaNetwork& beta, const std::vector<TemplateDef>& templates,
                   const WorkingMemory& wm)
        : alpha_(alpha), beta_(beta), templates_(templates), wm_(wm) {}

    // Checks the whole alternative first (throws std::invalid_argument, Dutch), then installs it.
    Terminal* build(const RuleDef& rule, std::size_t alternative, std::size_t& shared_nodes);

private:
    std::unique_ptr<BetaNode> pattern_node(const RuleDef& rule, const Condition& c, std::uint16_t depth,
                                           std::vector<VarLoc>& locs);

    AlphaNetwork& alpha_;
    BetaNetwork& beta_;
    const std::vector<TemplateDef>& templates_;
    const WorkingMemory& wm_;
};

}  // namespace ww
