// SPDX-License-Identifier: EUPL-1.2
// The pattern matcher: per template a tree of single-fact tests ending in alpha memories. Equality with
// a constant is dispatched per slot (value -> child, AlphaDispatch), so a fact descends only into
// the branches its values select, however many rules test that slot. Other tests are plain nodes.
// Equal test paths are shared, and so is the memory at their end.
#pragma once

#include <memory>
#include <vector>

#include "engine/alpha_dispatch.hpp"
#include "engine/indexed_memory.hpp"
#include "engine/pool.hpp"
#include "engine/working_memory.hpp"

namespace ww {

struct BetaNode;
struct AlphaMemory;

// `slot OP constant` on one fact.
struct AlphaTest {
    int slot = 0;
    Op cmp = Op::eq;
    bool negate = false;
    Value rhs;
    friend bool operator==(const AlphaTest& a, const AlphaTest& b) {
        return a.slot == b.slot && a.cmp == b.cmp && a.negate == b.negate && a.rhs.kind() == b.rhs.kind() &&
               a.rhs == b.rhs;
    }
    bool passes(const Fact& f) const;
};

struct AlphaItem {
    FactRec* fact = nullptr;
    AlphaMemory* memory = nullptr;
    ListLink<AlphaItem> list;
    IndexLink<AlphaItem> idx[kMaxIndexes];
};

// The join key of a fact: the hash of the values in `slots`.
inline std::size_t fact_key(const Fact& f, const std::vector<int>& slots) {
    std::size_t h = 0;
    for (int s : slots) h = hash_combine(h, f.slots[static_cast<std::size_t>(s)].hash());
    return h;
}

struct AlphaTraits {
    using Spec = std::vector<int>;  // slots
    static ListLink<AlphaItem>& list(AlphaItem* i) { return i->list; }
    static IndexLink<AlphaItem>& link(AlphaItem* i, int k) { return i->idx[k]; }
    static std::size_t key(const AlphaItem* i, const Spec& slots) { return fact_key(i->fact->fact, slots); }
};

struct AlphaMemory {
    TemplateId tmpl = 0;
    std::vector<AlphaTest> path;  // every test between the template's root and this memory
    IndexedMemory<AlphaItem, AlphaTraits> items;
    // Beta nodes fed by this memory, oldest first; visited newest first, so descendants before
    // ancestors: a fact that enters several memories of one rule then yields each combination once
    // (Doorenbos 2.4.1). (Appending keeps building linear when many nodes share one memory.)
    std::vector<BetaNode*> successors;
    // The not/exists/aggregate nodes among them: only those care when a fact leaves (a join's tokens
    // with the fact are found through the fact itself).
    std::vector<BetaNode*> group_successors;
    // The aggregates among those, in the same order: a fact that leaves and blocks nothing (most
    // do not) changes only these.
    std::vector<BetaNode*> aggregate_successors;
    std::size_t moved_successors = 0;  // joins of a volatile pattern joined last (BetaNode::moved_prefix)
    // The successors in the order a new fact visits them (BetaNetwork::visit_order), rebuilt after
    // a successor is added.
    std::vector<BetaNode*> visit_order;
    // Per successor in that order, the size of the memory it joins a new fact with (its parent's
    // output for a join, its own tokens for a not/exists/aggregate): most are empty (a later
    // phase's rules), and a fact skips those without loading the node.
    std::vector<const std::size_t*> visit_sizes;
    bool visit_order_stale = true;
    // More hash indexes over the same facts. A memory holds kMaxIndexes indexes (the links sit in
    // every item); a memory shared by many joins with different keys (CLIPS's sudoku: one pattern
    // `possible` in 79 rules) gets further ones here, each an index-only copy with no successors,
    // always holding exactly the facts of its primary, in the same order.
    AlphaMemory* overflow = nullptr;
};

struct AlphaNode {
    AlphaTest test;  // unused at a template's root
    std::vector<std::pair<int, AlphaDispatch<AlphaNode>>> dispatch;
    std::vector<AlphaNode*> tests;
    AlphaMemory* memory = nullptr;
};

class AlphaNetwork {
public:
    // The memory at the end of the path `eq_tests` (constant equalities) then `other_tests`; built and
    // filled with matching live facts when new. Sorts the two lists in place (taken by reference: a
    // cold start calls this for every pattern, and moving both lists in and destroying them again
    // cost more than the rest of a call that finds its path).
    AlphaMemory* memory_for(TemplateId tmpl, std::vector<AlphaTest>& eq_tests, std::vector<AlphaTest>& other_tests,
                            const WorkingMemory& wm);
    // The memories a fact belongs in, in a fixed order.
    void memories_of(const Fact& f, std::vector<AlphaMemory*>& out) const;

    // Into m and m's overflow copies. Inline: every fact enters a couple of memories (BetaNetwork::
    // add_fact), and as a call it spent a sixth of its instructions saving and restoring registers.
    [[gnu::always_inline]] AlphaItem* add_item(AlphaMemory* m, FactRec* f) {
        AlphaItem* first = nullptr;
        for (; m; m = m->overflow) {
            AlphaItem* item = items_.make();
            item->fact = f;
            item->memory = m;
            f->items.push_back(item);
            m->items.insert(item);
            if (!first) first = item;
        }
        return first;
    }
    // The memory among m and its overflow copies that indexes on `slots` (its index number in
    // `index`), made when none does yet; -1 and m when slots is empty.
    AlphaMemory* index_memory(AlphaMemory* m, const std::vector<int>& slots, int& index);
    void free_item(AlphaItem* i) { items_.destroy(i); }

    std::size_t node_count() const { return nodes_.size(); }
    std::size_t memory_count() const { return memories_.size(); }
    const std::vector<std::unique_ptr<AlphaMemory>>& memories() const { return memories_; }

private:
    AlphaNode* root(TemplateId tmpl);
    void collect(const AlphaNode* n, const Fact& f, std::vector<AlphaMemory*>& out) const;

    std::vector<AlphaNode*> roots_;
    std::vector<std::unique_ptr<AlphaNode>> nodes_;
    std::vector<std::unique_ptr<AlphaMemory>> memories_;
    Pool<AlphaItem> items_;
};

}  // namespace ww
