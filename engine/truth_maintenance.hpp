// SPDX-License-Identifier: EUPL-1.2
// Truth maintenance for `logical` rules: a fact such a rule asserts rests on the activation (the
// token) that fired. When the token goes, its supports go; a fact left with no support and never
// asserted unconditionally is retracted, which may pull away the support of further facts (chains).
// Retractions are queued, not done at once: support disappears in the middle of a network update,
// and the network must finish that update before it takes the next fact out.
#pragma once

#include <vector>

#include "engine/token.hpp"
#include "engine/working_memory.hpp"

namespace ww {

class TruthMaintenance {
public:
    explicit TruthMaintenance(WorkingMemory& wm) : wm_(wm) {}

    void add_support(Activation* a, FactRec* f);
    // The activation's token is gone: its facts lose this support.
    void support_lost(Activation* a);
    // Facts that have lost their last support since the last call.
    std::vector<FactId> take_unsupported();
    // The same into `out` (emptied first); false when there was nothing.
    bool take_unsupported(std::vector<FactId>& out);
    bool pending() const { return !pending_.empty(); }

private:
    WorkingMemory& wm_;
    std::vector<FactId> pending_;
};

}  // namespace ww
