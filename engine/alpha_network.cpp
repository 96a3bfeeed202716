// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>

#include "engine/alpha_network.hpp"
#include "engine/expr_eval.hpp"

namespace ww {

namespace {
// The general comparison, out of line: its try block and call stay off the common paths below.
[[gnu::noinline]] bool compares(const AlphaTest& t, const Value& v) {
    try {
        return compare_values(t.cmp, v, t.rhs, 0) != t.negate;
    } catch (const EvalError&) {
        // A value that cannot be compared (a text against a number) simply does not match.
        return false;
    }
}

// Inline in collect: a fact meets about one test on its way to its memories, nearly always one that
// compare_settled answers (`!=` against nil or a text, `in` over a list of symbols).
[[gnu::always_inline]] inline bool test_passes(const AlphaTest& t, const Fact& f) {
    const Value& v = f.slots[static_cast<std::size_t>(t.slot)];
    if (bool settled; compare_settled(t.cmp, v, t.rhs, settled)) return settled != t.negate;
    return compares(t, v);
}
}  // namespace

bool AlphaTest::passes(const Fact& f) const { return test_passes(*this, f); }

AlphaNode* AlphaNetwork::root(TemplateId tmpl) {
    if (roots_.size() <= tmpl) roots_.resize(tmpl + 1, nullptr);
    if (!roots_[tmpl]) {
        nodes_.push_back(std::make_unique<AlphaNode>());
        roots_[tmpl] = nodes_.back().get();
    }
    return roots_[tmpl];
}

AlphaMemory* AlphaNetwork::index_memory(AlphaMemory* m, const std::vector<int>& slots, int& index) {
    index = -1;
    if (slots.empty()) return m;
    AlphaMemory* last = m;
    for (AlphaMemory* o = m; o; o = o->overflow) {
        index = o->items.find_index(slots);
        if (index >= 0) return o;
        last = o;
    }
    for (AlphaMemory* o = m; o; o = o->overflow) {
        index = o->items.add_index(slots);
        if (index >= 0) return o;
    }
    memories_.push_back(std::make_unique<AlphaMemory>());
    AlphaMemory* copy = memories_.back().get();
    copy->tmpl = m->tmpl;
    copy->path = m->path;
    index = copy->items.add_index(slots);
    // Filled in m's order; from here on add_item keeps it equal to m.
    for (AlphaItem* i = m->items.head(); i; i = m->items.next(i)) {
        AlphaItem* item = items_.make();
        item->fact = i->fact;
        item->memory = copy;
        i->fact->items.push_back(item);
        copy->items.insert(item);
    }
    last->overflow = copy;
    return copy;
}

AlphaMemory* AlphaNetwork::memory_for(TemplateId tmpl, std::vector<AlphaTest>& eq_tests,
                                      std::vector<AlphaTest>& other_tests, const WorkingMemory& wm) {
    // A canonical order makes equal sets of tests equal paths, whatever order a rule wrote them in.
    auto by_slot = [](const AlphaTest& a, const AlphaTest& b) {
        if (a.slot != b.slot) return a.slot < b.slot;
        if (a.cmp != b.cmp) return a.cmp < b.cmp;
        return compare(a.rhs, b.rhs) < 0;
    };
    // Only when out of order: std::stable_sort allocates its buffer and merges even for a sorted list
    // (one test, or tests written in slot order: most patterns), and leaves such a list as it was.
    if (!std::is_sorted(eq_tests.begin(), eq_tests.end(), by_slot))
        std::stable_sort(eq_tests.begin(), eq_tests.end(), by_slot);
    if (!std::is_sorted(other_tests.begin(), other_tests.end(), by_slot))
        std::stable_sort(other_tests.begin(), other_tests.end(), by_slot);

    // The template's root without a call once it exists (every pattern of a cold start asks).
    AlphaNode* n = tmpl < roots_.size() && roots_[tmpl] ? roots_[tmpl] : root(tmpl);
    for (const AlphaTest& t : eq_tests) {
        auto d = std::find_if(n->dispatch.begin(), n->dispatch.end(), [&](auto& p) { return p.first == t.slot; });
        if (d == n->dispatch.end()) {
            n->dispatch.emplace_back(t.slot, AlphaDispatch<AlphaNode>{});
            d = n->dispatch.end() - 1;
        }
        AlphaNode* found = d->second.find(t.rhs);
        if (!found) {
            nodes_.push_back(std::make_unique<AlphaNode>());
            nodes_.back()->test = t;
            found = nodes_.back().get();
            d->second.add(t.rhs, found);
        }
        n = found;
    }
    for (const AlphaTest& t : other_tests) {
        auto c = std::find_if(n->tests.begin(), n->tests.end(), [&](AlphaNode* x) { return x->test == t; });
        if (c == n->tests.end()) {
            nodes_.push_back(std::make_unique<AlphaNode>());
            nodes_.back()->test = t;
            n->tests.push_back(nodes_.back().get());
            c = n->tests.end() - 1;
        }
        n = *c;
    }
    if (!n->memory) {
        memories_.push_back(std::make_unique<AlphaMemory>());
        AlphaMemory* m = memories_.back().get();
        m->tmpl = tmpl;
        m->path = eq_tests;
        m->path.insert(m->path.end(), other_tests.begin(), other_tests.end());
        n->memory = m;
        wm.for_each([&](FactRec* f) {
            if (f->fact.tmpl != tmpl) return;
            for (const AlphaTest& t : m->path)
                if (!t.passes(f->fact)) return;
            add_item(m, f);
        });
    }
    return n->memory;
}

void AlphaNetwork::collect(const AlphaNode* n, const Fact& f, std::vector<AlphaMemory*>& out) const {
    if (n->memory) out.push_back(n->memory);
    for (const auto& [slot, children] : n->dispatch) {
        const AlphaNode* c = children.find(f.slots[static_cast<std::size_t>(slot)]);
        if (!c) continue;
        // Most children end a path: their memory, without a call.
        if (c->dispatch.empty() && c->tests.empty()) out.push_back(c->memory);
        else collect(c, f, out);
    }
    for (const AlphaNode* c : n->tests)
        if (test_passes(c->test, f)) collect(c, f, out);
}

void AlphaNetwork::memories_of(const Fact& f, std::vector<AlphaMemory*>& out) const {
    if (f.tmpl < roots_.size() && roots_[f.tmpl]) collect(roots_[f.tmpl], f, out);
}

}  // namespace ww
