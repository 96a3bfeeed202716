// SPDX-License-Identifier: EUPL-1.2
// Truth maintenance for `logical` rules: a fact such a rule asserts rests on the activation (the
// token) that fired. When the token goes, its supports go; a fact left with no support and never
// asserted unconditionally is retracted, which may pull away the support of further facts (chains).
// Retractions are queued, not done at once: support disappears in the middle of a network update,
// and the network must finish that update before it takes the next fact out.
//
// A rule whose facts rest on its first conditions only (RuleDef::logical_prefix) has a second
// terminal at the end of those conditions, whose activations never fire: each stands for one match
// of the prefix, and the facts rest on it. A firing finds it by the facts of its match's prefix.
#pragma once

#include <map>
#include <unordered_map>
#include <utility>
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
    // Forgets those facts (a rollback retracts them anyway), keeping the buffer for the next ones.
    void drop_unsupported() { pending_.clear(); }

    // A match of a logical prefix (an activation of its terminal) came or went.
    void prefix_matched(Activation* a);
    void prefix_lost(Activation* a);
    // The match of `prefix` (a prefix terminal) whose facts are those of `t` at `depths` (the token
    // levels of the prefix's patterns); null when there is none.
    Activation* prefix_of(const Terminal* prefix, const Token* t, const std::vector<std::uint32_t>& depths) const;
    // Rollback: facts from `first` on are gone and their ids will be given again; no prefix match
    // may keep them as supported.
    void forget_supports_from(FactId first);

private:
    using PrefixKey = std::pair<const Terminal*, std::vector<FactId>>;
    WorkingMemory& wm_;
    std::vector<FactId> pending_;
    std::map<PrefixKey, Activation*> prefixes_;
    std::unordered_map<const Activation*, std::map<PrefixKey, Activation*>::iterator> prefix_keys_;
};

}  // namespace ww
