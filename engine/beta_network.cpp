// SPDX-License-Identifier: EUPL-1.2
#include "engine/beta_network.hpp"
#include "engine/int_eval.hpp"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <memory>
#include <type_traits>

namespace ww {


BetaNetwork::BetaNetwork(AlphaNetwork& alpha, const EvalEnv& world, BetaListener& listener)
    : alpha_(alpha), world_(world), listener_(&listener) {
    nodes_.push_back(std::make_unique<BetaNode>());
    root_ = nodes_.back().get();
    tokens_.share_heap_count(&token_heap_bytes_);
    group_tokens_.share_heap_count(&token_heap_bytes_);
    aggregate_tokens_.share_heap_count(&token_heap_bytes_);
    inline_not_tokens_.share_heap_count(&token_heap_bytes_);
    root_->out_links = kMaxIndexes;
    root_->made = 1;
    root_token_ = tokens_.make(root_->out_links);
    root_token_->node = root_;
    root_->out.insert(root_token_);
    root_token_->in_out = true;
}

namespace {
template <class DestroyToken, class DestroyActivation>
void destroy_tree(TokenHead* h, DestroyToken& dt, DestroyActivation& da) {
    if (h->kind == TokenKind::blocked) {
        dt(h);
        return;
    }
    Token* t = as_token(h);
    while (TokenHead* c = t->first_child) {
        t->first_child = c->next_sibling;
        destroy_tree(c, dt, da);
    }
    while (Activation* a = t->activations) {
        t->activations = a->token_next;
        da(a);
    }
    dt(t);
}
}  // namespace

BetaNetwork::~BetaNetwork() {
    auto dt = [&](TokenHead* t) { free_token(t); };
    auto da = [&](Activation* a) { activations_.destroy(a); };
    destroy_tree(root_token_, dt, da);
}

bool BetaNetwork::condition_holds(const BetaNode* n, const JoinTest& t, const Token* parent, const FactRec* f) const {
    // Integer tests read the positions directly, the entering fact's own slots included; anything
    // else takes eval_test_general, as a test node does.
    Value scratch;
    auto read = [&](std::uint32_t ref) -> const Value& {
        const VarLoc loc = VarLoc::decode(ref);
        if (loc.depth == n->depth && loc.slot >= 0) return f->fact.slots[static_cast<std::size_t>(loc.slot)];
        if (loc.depth == n->depth) return scratch = Value(FactRef{f->fact.id});
        return value_at(parent, loc, scratch);
    };
    bool ok = false;
    if (int_test(t.expr, read, ok)) return ok;
    try {
        TokenEnv env(world_, parent, f, n->depth);
        return eval_test_general(t.expr, env, scratch);
    } catch (const EvalError&) {
        return false;
    }
}

bool BetaNetwork::join_reaches(const BetaNode* n, std::size_t conditions) const {
    if (!n->amem) return false;
    for (const Token* p = n->parent->out.head(); p; p = n->parent->out.next(const_cast<Token*>(p)))
        for (const AlphaItem* i = n->amem->items.head(); i; i = n->amem->items.next(const_cast<AlphaItem*>(i))) {
            bool ok = true;
            for (const JoinTest& t : n->tests) {
                if (t.folded > conditions) continue;
                if (!test_passes(n, t, p, i->fact)) {
                    ok = false;
                    break;
                }
            }
            if (ok) return true;
        }
    return false;
}

bool BetaNetwork::join_passes(const BetaNode* n, const Token* parent, const FactRec* f) const {
    // The fact being added is in the memory already, but not yet for a node it has still to enter
    // (see add_fact): a match through that node comes when it does, once.
    if (awaiting(n, f)) return false;
    for (const JoinTest& t : n->tests)
        if (!test_passes(n, t, parent, f)) return false;
    return true;
}

bool BetaNetwork::test_passes(const BetaNode* n, const JoinTest& t, const Token* parent, const FactRec* f) const {
    if (t.condition) return condition_holds(n, t, parent, f);
    const Value& lhs = f->fact.slots[static_cast<std::size_t>(t.slot)];
    bool ok;
    if (t.rhs_is_loc && t.loc.slot >= 0 && (t.cmp == Op::eq || t.cmp == Op::ne)) {
        // The common case, a slot of this fact or of an earlier level: no scratch value.
        const FactRec* holder = t.loc.depth == n->depth ? f : ancestor(parent, t.loc.depth)->fact;
        ok = (lhs == holder->fact.slots[static_cast<std::size_t>(t.loc.slot)]) == (t.cmp == Op::eq);
    } else if (t.rhs_is_loc) {
        Value scratch;
        const Value* rhs;
        if (t.loc.depth == n->depth) {
            if (t.loc.slot >= 0) rhs = &f->fact.slots[static_cast<std::size_t>(t.loc.slot)];
            else {
                scratch = Value(FactRef{f->fact.id});
                rhs = &scratch;
            }
        } else {
            rhs = &value_at(parent, t.loc, scratch);
        }
        if (!compare_settled(t.cmp, lhs, *rhs, ok)) {
            try {
                ok = compare_values(t.cmp, lhs, *rhs, 0);
            } catch (const EvalError&) {
                ok = false;
            }
        }
    } else if (t.cmp == Op::in && t.simple_list) {
        // `slot in [?a, ?b, c]`: each element compared where it is, no list built per fact.
        TokenEnv env(world_, parent, f, n->depth);
        ok = false;
        for (const CExpr& e : t.expr.args) {
            Value scratch;
            if ((e.op == Op::constant ? e.value : env.var_ref(e.ref, scratch)) == lhs) {
                ok = true;
                break;
            }
        }
    } else {
        try {
            TokenEnv env(world_, parent, f, n->depth);
            ok = compare_values(t.cmp, lhs, eval(t.expr, env), 0);
        } catch (const EvalError&) {
            // A join whose test cannot be evaluated for this pair does not match; the network
            // must stay consistent, so no exception may leave half a propagation behind.
            ok = false;
        }
    }
    return ok != t.negate;
}

namespace {
const Value kNilValue{};  // clang requires the braces for a const object of this type

// A comparison other than ==/!= between a fact's slot and a value; integers (the common case: `id <
// ?id`) without a call.
bool compare_ordered(Op cmp, const Value& lhs, const Value& rhs) {
    if (bool settled; compare_settled(cmp, lhs, rhs, settled)) return settled;
    try {
        return compare_values(cmp, lhs, rhs, 0);
    } catch (const EvalError&) {
        return false;
    }
}
}  // namespace

// The token side of n's join tests, read once for a parent token: a token looking for facts (a new
// token in a join, a not/exists token looking for a blocker, an aggregate filling itself) tests many
// facts against the same values. passes(f) gives what join_passes(n, parent, f) gives.
class BetaNetwork::JoinProbe {
public:
    JoinProbe(const BetaNetwork& net, const BetaNode* n, const Token* parent) : net_(net), n_(n), parent_(parent) {}

    bool passes(const FactRec* f) const {
        if (net_.awaiting(n_, f)) return false;
        std::size_t k = 0;
        for (const JoinTest& t : n_->tests) {
            if (t.condition) {
                if (!net_.condition_holds(n_, t, parent_, f)) return false;
                continue;
            }
            const Value& lhs = f->fact.slots[static_cast<std::size_t>(t.slot)];
            bool ok;
            if (t.rhs_is_loc) {
                const Value* rhs = k < kMax ? token_side(k, t.loc) : nullptr;
                ++k;
                if (!rhs) return net_.join_passes(n_, parent_, f);  // rare: the fact itself, or many tests
                if (t.cmp == Op::eq) ok = lhs == *rhs;
                else if (t.cmp == Op::ne) ok = !(lhs == *rhs);
                else ok = compare_ordered(t.cmp, lhs, *rhs);
            } else if (t.cmp == Op::in && t.simple_list) {
                ok = false;
                const std::size_t base = k;
                k += t.expr.args.size();
                for (std::size_t j = 0; j < t.expr.args.size(); ++j) {
                    const CExpr& e = t.expr.args[j];
                    const Value* v = e.op == Op::constant ? &e.value
                                     : base + j < kMax ? token_side(base + j, VarLoc::decode(e.ref))
                                                       : nullptr;
                    if (!v) return net_.join_passes(n_, parent_, f);
                    if (*v == lhs) {
                        ok = true;
                        break;
                    }
                }
            } else {
                if (t.simple_list) k += t.expr.args.size();
                try {
                    TokenEnv env(net_.world_, parent_, f, n_->depth);
                    ok = compare_values(t.cmp, lhs, eval(t.expr, env), 0);
                } catch (const EvalError&) {
                    ok = false;
                }
            }
            if (ok == t.negate) return false;
        }
        return true;
    }

private:
    static constexpr std::size_t kMax = 64;
    // The value of test position k on the parent's side, looked up the first time a fact needs it;
    // null when it is the entering fact's own (its slot or the fact itself: join_passes reads those).
    const Value* token_side(std::size_t k, VarLoc loc) const {
        const std::uint64_t bit = std::uint64_t{1} << k;
        if (known_ & bit) return rhs_[k];
        const Value* v = nullptr;
        if (loc.depth != n_->depth) {
            const Token* t = ancestor(parent_, loc.depth);
            if (loc.slot >= 0) v = &t->fact->fact.slots[static_cast<std::size_t>(loc.slot)];
            else if (loc.slot == VarLoc::aggregate) v = aggregate_result(t) ? aggregate_result(t) : &kNilValue;
        }
        rhs_[k] = v;
        known_ |= bit;
        return v;
    }

    const BetaNetwork& net_;
    const BetaNode* n_;
    const Token* parent_;
    mutable std::uint64_t known_ = 0;
    mutable const Value* rhs_[kMax];
};

namespace {
bool grouped(const BetaNode* n) {
    return n->kind == NodeKind::negation || n->kind == NodeKind::exists || n->kind == NodeKind::aggregate;
}

// The blocker of a not/exists level: a blocked `not` is a BlockedLevel, an `exists` keeps it in its
// GroupToken.
[[gnu::always_inline]] inline FactRec*& blocker_of(TokenHead* g) {
    return g->kind == TokenKind::blocked ? as_blocked(g)->blocker : static_cast<GroupToken*>(as_token(g))->blocker;
}
[[gnu::always_inline]] inline std::uint64_t made_of(const TokenHead* g) {
    return g->kind == TokenKind::blocked ? as_blocked(g)->made : static_cast<const GroupToken*>(as_token(g))->made;
}

// g's blocker becomes f (null: none), and g moves into f's list of blocked tokens (linked through
// fact_next/fact_prev: a not/exists level holds no fact).
[[gnu::always_inline]] inline void unblock(TokenHead* g) {
    FactRec*& b = blocker_of(g);
    if (!b) return;
    if (g->fact_prev) g->fact_prev->fact_next = g->fact_next;
    else b->blocks = g->fact_next;
    if (g->fact_next) g->fact_next->fact_prev = g->fact_prev;
    g->fact_prev = g->fact_next = nullptr;
    b = nullptr;
}
void block(TokenHead* g, FactRec* f) {
    unblock(g);
    if (!f) return;
    blocker_of(g) = f;
    g->fact_next = f->blocks;
    if (g->fact_next) g->fact_next->fact_prev = g;
    f->blocks = g;
}

[[gnu::always_inline]] inline std::size_t left_key(const BetaNode* n, const Token* parent) {
    std::size_t h = token_key(parent, n->key_locs);
    return n->key_exprs.empty() ? h : expr_key(parent, n->key_exprs, h);
}

// The direction IndexedMemory keeps a bucket in (oldest first: an item goes in at its tail). A
// keyed `in` merges its buckets in that direction, so that its join gives its matches in the order
// one bucket of the other keys (or the scan of a node without keys) would.
constexpr bool kBucketsNewestFirst = false;

// How for_alpha_candidates visits the facts. by_age: oldest first, the buckets of an `in` merged
// (a join's matches become activations, whose order shows). by_bucket: oldest first bucket by
// bucket (an aggregate needs only the set, but sums in a fixed order). newest_first: bucket by
// bucket, newest first (a search for a blocker: any blocker gives the same outcome).
enum class Visit : std::uint8_t { by_age, by_bucket, newest_first };

// Visits the facts of n's alpha memory that may join with token `parent`, until `f` returns true:
// the bucket of its key when hashed, with a keyed `in` one bucket per distinct element (equal
// elements, or elements whose keys collide, would otherwise give a fact twice), else every fact.
// No allocation.
template <class F>
void for_alpha_candidates(const BetaNode* n, const Token* parent, Visit visit, F&& f) {
    // An empty memory has no candidates: no key to compute from the token. A warm consultation's
    // `not` and `exists` levels mostly search a memory no fact has entered yet.
    if (n->amem->items.size() == 0) return;
    const bool in_order = visit == Visit::by_age;
    if (n->amem_index < 0) {
        auto& all = n->amem->items;
        if (visit == Visit::newest_first) {
            for (AlphaItem* i = all.tail(); i; i = all.prev(i))
                if (f(i->fact)) return;
            return;
        }
        for (AlphaItem* i = all.head(); i; i = all.next(i))
            if (f(i->fact)) return;
        return;
    }
    auto& items = n->imem->items;
    const int k = n->amem_index;
    std::size_t key = left_key(n, parent);
    if (n->in_slot < 0) {
        if (visit == Visit::newest_first) {
            for (AlphaItem* i = items.bucket_tail(k, key); i; i = items.bucket_prev(i, k))
                if (f(i->fact)) return;
            return;
        }
        for (AlphaItem* i = items.bucket_head(k, key); i; i = items.bucket_next(i, k))
            if (f(i->fact)) return;
        return;
    }
    std::size_t seen[kMaxInKeys];
    AlphaItem* cursor[kMaxInKeys];
    std::size_t m = 0;
    Value scratch;
    for (const CExpr& e : n->in_elems) {
        const Value& v = e.op == Op::constant ? e.value : value_at(parent, VarLoc::decode(e.ref), scratch);
        std::size_t ek = hash_combine(key, v.hash());
        if (std::find(seen, seen + m, ek) != seen + m) continue;
        seen[m] = ek;
        AlphaItem* head = items.bucket_head(k, ek);
        if (visit == Visit::by_bucket) {
            for (AlphaItem* i = head; i; i = items.bucket_next(i, k))
                if (f(i->fact)) return;
        } else if (visit == Visit::newest_first) {
            for (AlphaItem* i = items.bucket_tail(k, ek); i; i = items.bucket_prev(i, k))
                if (f(i->fact)) return;
        }
        cursor[m++] = head;
    }
    if (!in_order) return;
    for (;;) {
        std::size_t best = m;
        for (std::size_t c = 0; c < m; ++c) {
            if (!cursor[c]) continue;
            if (best == m) {
                best = c;
                continue;
            }
            FactId id = cursor[c]->fact->fact.id, best_id = cursor[best]->fact->fact.id;
            if (kBucketsNewestFirst ? id > best_id : id < best_id) best = c;
        }
        if (best == m) return;
        AlphaItem* i = cursor[best];
        cursor[best] = items.bucket_next(i, k);
        if (f(i->fact)) return;
    }
}
}  // namespace

namespace {
// A token out of its parent's children and its fact's tokens: the last step before it is freed
// (delete_token, and begin_rollback's in-place deletion of a join token with nothing below it).
[[gnu::always_inline]] inline void unlink_sibling(TokenHead* t) {
    if (t->prev_sibling) t->prev_sibling->next_sibling = t->next_sibling;
    else t->parent->first_child = t->next_sibling;
    if (t->next_sibling) t->next_sibling->prev_sibling = t->prev_sibling;
}
[[gnu::always_inline]] inline void unlink_token(Token* t) {
    unlink_sibling(t);
    if (t->fact) {
        if (t->fact_prev) t->fact_prev->fact_next = t->fact_next;
        else t->fact->tokens = as_token(t->fact_next);
        if (t->fact_next) t->fact_next->fact_prev = t->fact_prev;
    }
}
}  // namespace

inline void BetaNetwork::free_token(TokenHead* h) {
    // A blocked level carries no index links and does not count in made/freed (see count_token).
    if (h->kind == TokenKind::blocked) {
        if (inline_blocked(h)) {
            as_blocked(h)->~BlockedLevel();
            --inline_blocked_;
        } else {
            blocked_.destroy(as_blocked(h));
        }
        return;
    }
    Token* t = as_token(h);
    BetaNode* n = t->node;
    ++n->freed;
    switch (t->kind) {
        case TokenKind::plain:
            if (n->inline_not) inline_not_tokens_.destroy(t, n->out_links);
            else tokens_.destroy(t, n->out_links);
            return;
        case TokenKind::group: group_tokens_.destroy(static_cast<GroupToken*>(t), n->out_links); return;
        case TokenKind::aggregate: aggregate_tokens_.destroy(agg_of(t), n->out_links); return;
        case TokenKind::blocked: return;
    }
}

inline void BetaNetwork::count_token(BetaNode* n) {
    if (n->made++ == n->freed && n->links_stale) {
        n->links_stale = false;
        n->out_links = static_cast<std::uint8_t>(n->outputs.empty() ? kMaxIndexes : n->out.index_count());
        n->inline_not = (n->kind == NodeKind::join || n->kind == NodeKind::test) && n->outputs.size() == 1 &&
                                n->outputs[0].first && n->outputs[0].first->kind == NodeKind::negation
                            ? n->outputs[0].first
                            : nullptr;
    }
}

BlockedLevel* BetaNetwork::make_blocked(BetaNode* n, Token* parent) {
    BlockedLevel* t;
    if (parent->node->inline_not == n) {
        // Free: the parent has one level of n at a time, and this one replaces none in the room.
        t = ::new (inline_level(parent, parent->node->out_links)) BlockedLevel{};
        ++inline_blocked_;
    } else {
        t = blocked_.make();
    }
    t->kind = TokenKind::blocked;
    return t;
}

// A new token or blocked level of `n` becomes the newest child of `parent`, with the next serial and a
// place on the trail.
inline void BetaNetwork::adopt(TokenHead* t, BetaNode* n, Token* parent) {
    t->parent = parent;
    t->node = n;
    t->depth = static_cast<std::uint16_t>(n->depth);
    t->serial = next_serial_++;
    if (marked_) record(t);
    t->next_sibling = parent->first_child;
    if (parent->first_child) parent->first_child->prev_sibling = t;
    parent->first_child = t;
}

Token* BetaNetwork::new_token(BetaNode* n, Token* parent, FactRec* f) {
    count_token(n);
    Token* t;
    if (n->kind == NodeKind::aggregate) {
        t = aggregate_tokens_.make(n->out_links);
        t->kind = TokenKind::aggregate;
    } else if (grouped(n)) {
        t = group_tokens_.make(n->out_links);
        t->kind = TokenKind::group;
    } else if (n->inline_not) {
        t = inline_not_tokens_.make(n->out_links);
    } else {
        t = tokens_.make(n->out_links);
    }
    t->fact = f;
    adopt(t, n, parent);
    if (f) {
        t->fact_next = f->tokens;
        if (f->tokens) f->tokens->fact_prev = t;
        f->tokens = t;
    }
    return t;
}

void BetaNetwork::new_blocked(BetaNode* n, Token* parent, std::uint64_t made, FactRec* blocker) {
    BlockedLevel* t = make_blocked(n, parent);  // no links, not in_out
    t->made = made;
    adopt(t, n, parent);
    block(t, blocker);
}

// `to` takes `from`'s place: its parent, its serial and its place among its siblings and on the
// trail. `from` is in no memory, block list or fact list, and has no children or activations.
void BetaNetwork::replace_token(TokenHead* from, TokenHead* to) {
    to->parent = from->parent;
    to->node = from->node;
    to->depth = from->depth;
    to->serial = from->serial;
    to->next_sibling = from->next_sibling;
    to->prev_sibling = from->prev_sibling;
    if (to->prev_sibling) to->prev_sibling->next_sibling = to;
    else to->parent->first_child = to;
    if (to->next_sibling) to->next_sibling->prev_sibling = to;
    if (marked_ && fresh(from)) trail_[from->serial - mark_serial_] = to;
}

BlockedLevel* BetaNetwork::to_blocked(Token* g, FactRec* blocker) {
    g->node->all.erase(g);
    BlockedLevel* t = make_blocked(g->node, g->parent);
    t->made = static_cast<GroupToken*>(g)->made;
    replace_token(g, t);
    free_token(g);
    block(t, blocker);
    return t;
}

Token* BetaNetwork::to_group(BlockedLevel* t) {
    BetaNode* n = t->node;
    count_token(n);
    GroupToken* g = group_tokens_.make(n->out_links);
    g->kind = TokenKind::group;
    g->made = t->made;
    replace_token(t, g);
    free_token(t);
    n->all.insert(g);
    return g;
}

void BetaNetwork::emit(Token* t) {
    BetaNode* n = t->node;
    // A token of the mark that was not visible then (a blocked `not`, an unmet `exists`) becomes
    // visible now: from here on it counts as new, and leaving again restores the marked state.
    if (marked_ && t->serial < mark_serial_) renew_serial(t);
    n->out.insert(t);
    t->in_out = true;
    for (BetaNode* a : n->term_of) term_enter(a, t);
    for (auto o = n->outputs.rbegin(); o != n->outputs.rend(); ++o) {
        if (o->first) left_activate(o->first, t);
        else activate(o->second, t);
    }
}

// A `not` over several patterns (a count over a conjunction whose one output is the test
// `count == 0`) whose chain is its own: its place among its parent's outputs is swapped with that of
// the chain's head (added right before it), so that emit, newest first, sends a new token down the
// chain before the count is made, which then finds its terms and passes nothing on when one is
// there. Nothing but the count sees the chain's tokens, and with a term the test stops every match
// below, so swapping the two changes no other memory's order and no activation's place. Without
// the swap the count passed 0 on first: the rule's matches behind the open `not` were built, and
// withdrawn when the terms arrived a moment later (or, deferring, at the next publication).
void BetaNetwork::settle_terms_first() {
    terms_first_stale_ = false;
    auto place = [](BetaNode* c) {
        auto& outs = c->parent->outputs;
        return static_cast<std::size_t>(std::find(outs.begin(), outs.end(), std::pair<BetaNode*, Terminal*>{c, nullptr}) - outs.begin());
    };
    for (BetaNode* c : conjunction_aggregates_) {  // back to the order they were added in
        if (!c->terms_first) continue;
        const std::size_t k = place(c);
        std::swap(c->parent->outputs[k], c->parent->outputs[k + 1]);
        c->terms_first = false;
    }
    for (BetaNode* c : conjunction_aggregates_) {
        if (c->aggregate != AggregateKind::count || c->outputs.size() != 1 || !c->outputs[0].first) continue;
        const BetaNode* below = c->outputs[0].first;
        const CExpr& e = below->expr;
        if (below->kind != NodeKind::test || e.op != Op::eq || e.args.size() != 2 || e.args[0].op != Op::var ||
            VarLoc::decode(e.args[0].ref) != VarLoc{static_cast<std::uint16_t>(c->depth), VarLoc::aggregate} ||
            e.args[1].op != Op::constant || !e.args[1].args.empty() || e.args[1].value.kind() != ValueKind::integer ||
            e.args[1].value.as_int() != 0)
            continue;
        auto& outs = c->parent->outputs;
        const std::size_t k = place(c);
        if (k == 0 || k == outs.size() || outs[k - 1].first != c->term_chain.front()) continue;
        bool own = true;
        for (std::size_t i = 0; i < c->term_chain.size() && own; ++i) {
            const BetaNode* n = c->term_chain[i];
            const bool last = i + 1 == c->term_chain.size();
            own = n->terminals.empty() && n->outputs.size() == (last ? 0u : 1u) &&
                  (last ? n->term_of.size() == 1 && n->term_of[0] == c
                        : n->term_of.empty() && n->outputs[0].first == c->term_chain[i + 1]);
        }
        if (!own) continue;
        std::swap(outs[k - 1], outs[k]);
        c->terms_first = true;
    }
}

void BetaNetwork::activate(Terminal* term, Token* t) {
    Activation* a = activations_.make();
    a->terminal = term;
    a->token = t;
    a->seq = next_seq_++;
    a->salience = term->rule->salience;
    a->token_next = t->activations;
    if (t->activations) t->activations->token_prev = a;
    t->activations = a;
    listener_->activation_created(a);
}

void BetaNetwork::withdraw(Token* t) {
    if (t->in_out) {
        // A term of an aggregate leaving is seen by nothing but its aggregate, unless the chain goes on
        // below it: the levels below go with it, and a rollback makes them again, at the end of their
        // memories, where a fact entering a node below meets them in another order (an `exists` visits
        // its levels in the order of its memory), and so the aggregates change, and their matches
        // fire, in another order (seed 1108 of ConjProperty.RollbackEqualsReset).
        if (marked_ && t->serial < mark_serial_ && !t->node->term_last) disturbed_ = true;
        t->node->out.erase(t);
        t->in_out = false;
        for (BetaNode* a : t->node->term_of) term_leave(a, t);
    }
    // The aggregates over a conjunction below t go first: otherwise each of their terms, deleted
    // before them, would update and publish a result that is about to go anyway.
    if (t->node->owns_terms)
        for (TokenHead* c = t->first_child; c;) {
            TokenHead* next = c->next_sibling;
            if (c->node->terms) delete_token(c);
            c = next;
        }
    while (t->first_child) delete_token(t->first_child);
    drop_activations(t);
}

void BetaNetwork::drop_activations_of(Token* t) {
    while (Activation* a = t->activations) {
        t->activations = a->token_next;
        if (a->token_next) a->token_next->token_prev = nullptr;
        listener_->activation_deleted(a);
        activations_.destroy(a);
    }
}

// Withdrawing and emitting x again would rebuild everything below it; with several aggregates in
// one rule every fact would then recompute the later aggregates from scratch (quadratic). Only
// the nodes that read the changed result (of the aggregate level `depth`) are rebuilt; below the
// others the tokens stay, moved to the end of their memories and with their activations renewed,
// as a rebuild would leave them: each is a new match.
bool BetaNetwork::refresh_disturbs(const Token* x) const {
    if (x->node->out.tail() != x) return true;
    for (const Activation* a = x->activations; a; a = a->token_next)
        if (a->seq < mark_seq_) return true;
    return false;
}

void BetaNetwork::refresh(Token* x, std::uint32_t depth) {
    if (!x->in_out) return;  // nothing below it, no activations
    if (marked_ && x->serial < mark_serial_ && refresh_disturbs(x)) {
        disturbed_ = true;
        renew_serial(x);
    }
    x->node->out.erase(x);
    x->node->out.insert(x);
    drop_activations(x);
    for (BetaNode* c : x->node->children) {
        bool reads = std::find(c->reads_aggregates.begin(), c->reads_aggregates.end(), depth) != c->reads_aggregates.end();
        // The terms of a later aggregate of the rule, which does not read this result: their order
        // and age are seen by nothing (an aggregate's result depends only on the set of its terms, see
        // term_only), so they stay where they are, without a walk through each chain below.
        if (!reads && c->term_only) continue;
        for (TokenHead* k = x->first_child; k;) {
            TokenHead* next = k->next_sibling;
            if (k->node == c) {
                if (reads) delete_token(k);
                else if (k->in_out) refresh(as_token(k), depth);  // a blocked level never is
            }
            k = next;
        }
        if (reads) left_activate(c, x);
    }
    for (Terminal* term : x->node->terminals) activate(term, x);
}

void BetaNetwork::delete_token(TokenHead* h) {
    // The tokens that go next (a sibling, the first child, the fact's next token) are fetched while
    // this one goes: a deletion reaches them by pointer, and their first touch, a cache miss, was
    // most of its time (60 % of delete_token's samples in the stress mode of CLIPS's sudoku).
    __builtin_prefetch(h->next_sibling);
    __builtin_prefetch(h->fact_next);
    if (marked_ && h->serial >= mark_serial_) {
        const std::size_t i = h->serial - mark_serial_;
        if (i < trail_.size() && trail_[i] == h) trail_[i] = nullptr;
    }
    if (h->kind == TokenKind::blocked) {
        // No fact, output, children or activations, in no memory of its node.
        unblock(h);
        unlink_sibling(h);
        free_token(h);
        return;
    }
    Token* t = as_token(h);
    __builtin_prefetch(t->first_child);
    if (t->kind == TokenKind::aggregate && agg_of(t)->deferred) undefer(t);
    if (t->kind == TokenKind::group) unblock(t);
    withdraw(t);
    if (t->kind != TokenKind::plain) {
        t->node->all.erase(t);
        if (t->node->terms) t->node->owner.erase(BetaNode::owner_key(t->parent));
    }
    unlink_token(t);
    free_token(t);
}

// Newest first: any blocker gives the same outcome, and in the stress mode of CLIPS's sudoku, whose
// facts mostly go oldest first, the newest lasts longer: 148,000 searches for another blocker
// instead of 330,000.
FactRec* BetaNetwork::find_blocker(BetaNode* n, const Token* parent) {
    const JoinProbe probe(*this, n, parent);
    FactRec* found = nullptr;
    for_alpha_candidates(n, parent, Visit::newest_first, [&](FactRec* f) {
        if (probe.passes(f)) found = f;
        return found != nullptr;
    });
    return found;
}

bool BetaNetwork::aggregate_term(const BetaNode* n, const Token* t, const FactRec* f, Value& v) const {
    if (n->aggregate == AggregateKind::count) return true;
    try {
        TokenEnv env(world_, t->parent, f, n->depth);
        v = eval(n->expr, env);
    } catch (const EvalError&) {
        return false;  // a term that cannot be evaluated does not take part
    }
    return aggregate_accepts(n->aggregate, v);
}

void BetaNetwork::aggregate_fill(BetaNode* n, Token* t) {
    agg_of(t)->count = 0;
    if (n->aggregate != AggregateKind::count) state_of(t) = AggregateState{};
    if (n->terms) {
        fill_terms(n, t, t->parent, 0);
        return;
    }
    const JoinProbe probe(*this, n, t->parent);
    for_alpha_candidates(n, t->parent, Visit::by_bucket, [&](FactRec* f) {
        if (probe.passes(f)) aggregate_enter(n, t, f);
        return false;
    });
}

// The caller has checked join_passes.
void BetaNetwork::aggregate_enter(BetaNode* n, Token* t, FactRec* f) {
    Value v;
    if (!aggregate_term(n, t, f, v)) return;
    ++agg_of(t)->count;
    if (n->aggregate != AggregateKind::count) aggregate_add(n->aggregate, state_of(t), v);
}

// The caller has checked join_passes; f is already out of the alpha memory.
void BetaNetwork::aggregate_leave(BetaNode* n, Token* t, FactRec* f) {
    Value v;
    if (!aggregate_term(n, t, f, v)) return;
    --agg_of(t)->count;
    if (n->aggregate != AggregateKind::count && !aggregate_take(n->aggregate, state_of(t), v))
        aggregate_fill(n, t);  // the extreme left: find the next one among the facts still there
}

// The terms below `at`, a token of term_chain[level - 1] (level 0: the owner's parent), found by
// following the chain down the token tree: only the owner's own matches are there.
void BetaNetwork::fill_terms(BetaNode* n, Token* owner, const Token* at, std::size_t level) {
    const BetaNode* next = n->term_chain[level];
    const bool last = level + 1 == n->term_chain.size();
    for (const TokenHead* h = at->first_child; h; h = h->next_sibling) {
        if (h->node != next || !h->in_out) continue;  // a blocked level never is in_out
        const Token* k = as_token(h);
        if (!last) {
            fill_terms(n, owner, k, level + 1);
            continue;
        }
        Value v;
        if (!term_value(n, k, v)) continue;
        ++agg_of(owner)->count;
        if (n->aggregate != AggregateKind::count) aggregate_add(n->aggregate, state_of(owner), v);
    }
}

bool BetaNetwork::term_value(const BetaNode* n, const Token* term, Value& v) const {
    if (n->aggregate == AggregateKind::count) return true;
    try {
        // Depth 0 is no level: every variable is read from the term's own chain of tokens.
        TokenEnv env(world_, term, nullptr, 0);
        v = eval(n->expr, env);
    } catch (const EvalError&) {
        return false;
    }
    return aggregate_accepts(n->aggregate, v);
}

void BetaNetwork::term_enter(BetaNode* n, Token* term) {
    Token* t = n->owner.find(BetaNode::owner_key(ancestor(term, n->depth - 1)));
    if (!t) return;  // the owner is made later and fills itself
    if (going(t)) return;
    if (n->incremental) {
        Value v;
        if (!term_value(n, term, v)) return;
        ++agg_of(t)->count;
        if (n->aggregate != AggregateKind::count) aggregate_add(n->aggregate, state_of(t), v);
    } else {
        aggregate_fill(n, t);
    }
    if (deferring_) defer(t);
    else publish_aggregate(n, t);
}

// The term is already out of its node's memory, so a refill does not count it.
void BetaNetwork::term_leave(BetaNode* n, Token* term) {
    Token* t = n->owner.find(BetaNode::owner_key(ancestor(term, n->depth - 1)));
    if (!t) return;
    if (going(t)) return;
    if (n->incremental) {
        Value v;
        if (!term_value(n, term, v)) return;
        --agg_of(t)->count;
        if (n->aggregate != AggregateKind::count && !aggregate_take(n->aggregate, state_of(t), v)) aggregate_fill(n, t);
    } else {
        aggregate_fill(n, t);
    }
    if (deferring_) defer(t);
    else publish_aggregate(n, t);
}

void BetaNetwork::publish_aggregate(BetaNode* n, Token* t) {
    Value result;
    bool valid = aggregate_result(n->aggregate, state_of(t), agg_of(t)->count, result);
    // An unchanged result is the same match: keep it (and its refraction) rather than fire again.
    Value& agg = agg_of(t)->result;
    if (t->in_out && valid && agg.kind() == result.kind() && agg == result) return;
    if (t->in_out && valid) {
        agg = std::move(result);
        refresh(t, t->depth);
        return;
    }
    if (t->in_out) withdraw(t);
    agg = std::move(result);
    if (valid) emit(t);
}

void BetaNetwork::left_activate(BetaNode* n, Token* parent) {
    switch (n->kind) {
        case NodeKind::root: return;
        case NodeKind::join: {
            // Nothing to join with: no probe, no key (for_alpha_candidates checks the same).
            if (n->amem->items.size() == 0) return;
            const JoinProbe probe(*this, n, parent);
            if (n->amem_index >= 0 && n->in_slot < 0) {
                std::size_t key = left_key(n, parent);
                for (AlphaItem* i = n->imem->items.bucket_head(n->amem_index, key); i;
                     i = n->imem->items.bucket_next(i, n->amem_index))
                    if (probe.passes(i->fact)) emit(new_token(n, parent, i->fact));
            } else {
                for_alpha_candidates(n, parent, Visit::by_age, [&](FactRec* f) {
                    if (probe.passes(f)) emit(new_token(n, parent, f));
                    return false;
                });
            }
            return;
        }
        case NodeKind::negation: {
            const std::uint64_t made = next_made_++;
            if (FactRec* blocker = find_blocker(n, parent)) {
                new_blocked(n, parent, made, blocker);
                return;
            }
            Token* t = new_token(n, parent, nullptr);
            static_cast<GroupToken*>(t)->made = made;
            n->all.insert(t);
            emit(t);
            return;
        }
        case NodeKind::exists: {
            Token* t = new_token(n, parent, nullptr);
            n->all.insert(t);
            static_cast<GroupToken*>(t)->made = next_made_++;
            FactRec* blocker = find_blocker(n, parent);
            block(t, blocker);
            if (blocker) emit(t);
            return;
        }
        case NodeKind::aggregate: {
            Token* t = new_token(n, parent, nullptr);
            n->all.insert(t);
            if (n->terms) n->owner.head(BetaNode::owner_key(parent)) = t;
            aggregate_fill(n, t);
            // Over a conjunction the chain gets this parent's token only after this node (emit visits the
            // newest output first), so the fill found no terms yet. Passing that empty result on would build
            // the rest of the rule and tear it down again when the terms arrive a moment later. When results
            // wait for their publication anyway (a run, a batch of asserts, the rollback), the first one
            // waits too, and goes out once with its terms counted, before any rule below it can fire.
            if (deferring_ && n->terms && !n->terms_first) {
                defer(t);
                return;
            }
            publish_aggregate(n, t);
            return;
        }
        case NodeKind::test: {
            bool ok = false;
            // Integer tests read the token's positions directly; anything else takes eval_test.
            Value scratch;
            auto read = [&](std::uint32_t ref) -> const Value& { return value_at(parent, VarLoc::decode(ref), scratch); };
            if (!int_test(n->expr, read, ok)) {
                try {
                    TokenEnv env(world_, parent, nullptr, n->depth);
                    ok = eval_test_general(n->expr, env, scratch);
                } catch (const EvalError&) {
                    ok = false;
                }
            }
            if (ok) emit(new_token(n, parent, nullptr));
            return;
        }
    }
}

namespace {
// Visits the tokens of an `all` or `out` memory that may join with fact f: its bucket when indexed,
// newest first. A join's parent memory is visited newest first also when not indexed: each new token
// makes an activation, and so the match with the oldest token fires first, as in CLIPS 6.30. An
// `all` memory without index is visited oldest first.
template <class Memory, class F>
void for_candidates(Memory& m, int index, std::size_t key, bool newest_first, F&& f) {
    if (index >= 0) {
        for (Token* t = m.bucket_tail(index, key); t;) {
            Token* prev = m.bucket_prev(t, index);
            f(t);
            t = prev;
        }
    } else if (newest_first) {
        for (Token* t = m.tail(); t;) {
            Token* prev = m.prev(t);
            f(t);
            t = prev;
        }
    } else {
        for (Token* t = m.head(); t;) {
            Token* next = m.next(t);
            f(t);
            t = next;
        }
    }
}
}  // namespace

void BetaNetwork::right_activate_some(BetaNode* n, FactRec* f) {
    std::size_t key = fact_key(f->fact, n->key_slots);
    switch (n->kind) {
        case NodeKind::join: {
            for_candidates(n->parent->out, n->parent_index, key, true, [&](Token* t) {
                if (join_passes(n, t, f)) emit(new_token(n, t, f));
            });
            return;
        }
        case NodeKind::negation: {
            // `all` holds the unblocked tokens only, and one that lost its blocker came back at its
            // end: they are taken in the order of the tokens' creation, as if each had kept its place
            // (a bucket newest first, a memory without index oldest first, as for_candidates).
            std::vector<Token*>& hits = scratch_hits_;
            const std::size_t base = hits.size();
            for_candidates(n->all, n->all_index, key, false, [&](Token* t) {
                if (join_passes(n, t->parent, f)) hits.push_back(t);
            });
            auto first = hits.begin() + static_cast<std::ptrdiff_t>(base);
            auto in_order = [newest_first = n->all_index >= 0](const Token* a, const Token* b) {
                const std::uint64_t ma = static_cast<const GroupToken*>(a)->made, mb = static_cast<const GroupToken*>(b)->made;
                return newest_first ? ma > mb : ma < mb;
            };
            if (!std::is_sorted(first, hits.end(), in_order)) std::sort(first, hits.end(), in_order);
            for (std::size_t i = base; i < hits.size(); ++i) {
                Token* t = hits[i];
                withdraw(t);
                to_blocked(t, f);
            }
            hits.resize(base);
            return;
        }
        case NodeKind::exists: {
            for_candidates(n->all, n->all_index, key, false, [&](Token* t) {
                auto* g = static_cast<GroupToken*>(t);
                if (g->blocker || !join_passes(n, t->parent, f)) return;  // blocked already: no change
                block(g, f);
                emit(t);
            });
            return;
        }
        case NodeKind::aggregate: {
            for_candidates(n->all, n->all_index, key, false, [&](Token* t) {
                if (!join_passes(n, t->parent, f)) return;
                if (n->incremental) aggregate_enter(n, t, f);
                else aggregate_fill(n, t);
                if (deferring_) defer(t);
                else publish_aggregate(n, t);
            });
            return;
        }
        default: return;
    }
}

// Every defer and undefer asks for the list: the node remembers where it was, so the walk over the
// saliences happens once per node and not per token (the salience is checked too: adding a rule can
// raise a node's max_salience).
BetaNetwork::DeferredList& BetaNetwork::deferred_list(BetaNode* n) {
    const int salience = n->max_salience;
    if (n->deferred_epoch == deferred_epoch_ && deferred_[n->deferred_slot].first == salience)
        return deferred_[n->deferred_slot].second;
    auto it = deferred_.begin();
    while (it != deferred_.end() && it->first > salience) ++it;
    if (it == deferred_.end() || it->first != salience) {
        it = deferred_.insert(it, {salience, DeferredList{}});
        ++deferred_epoch_;
    }
    n->deferred_slot = static_cast<std::uint32_t>(it - deferred_.begin());
    n->deferred_epoch = deferred_epoch_;
    return it->second;
}

void BetaNetwork::defer(Token* t) {
    auto* g = agg_of(t);
    if (g->deferred) return;
    DeferredList& l = deferred_list(t->node);
    g->deferred = true;
    ++deferred_count_;
    g->deferred_prev = l.tail;
    g->deferred_next = nullptr;
    if (l.tail) l.tail->deferred_next = g;
    else l.head = g;
    l.tail = g;
}

void BetaNetwork::undefer(Token* t) {
    auto* g = agg_of(t);
    DeferredList& l = deferred_list(t->node);
    if (g->deferred_prev) g->deferred_prev->deferred_next = g->deferred_next;
    else l.head = g->deferred_next;
    if (g->deferred_next) g->deferred_next->deferred_prev = g->deferred_prev;
    else l.tail = g->deferred_prev;
    g->deferred_prev = g->deferred_next = nullptr;
    g->deferred = false;
    --deferred_count_;
}

bool BetaNetwork::publish_deferred(int min_salience) {
    if (deferred_count_ == 0) return false;
    if (terms_first_stale_) [[unlikely]] settle_terms_first();
    bool any = false;
    // A publish may delete tokens still waiting (its own descendants), which delete_token takes
    // out of their list; it defers none (only facts coming and going do).
    for (auto& [salience, l] : deferred_) {
        if (salience < min_salience) break;
        while (Token* t = l.head) {
            undefer(t);
            publish_aggregate(t->node, t);
            any = true;
        }
    }
    return any;
}

void BetaNetwork::mark() {
    mark_seq_ = next_seq_;
    mark_serial_ = next_serial_;
    marked_ = true;
    trail_.clear();
    trail_lost_ = false;
    disturbed_ = false;
    // Children come after their parents in nodes_: one backward pass settles every node.
    for (auto& n : nodes_) n->term_only = false;
    for (auto& n : nodes_)
        for (BetaNode* c : n->term_chain) c->term_only = true;  // candidates: the chain nodes
    for (auto it = nodes_.rbegin(); it != nodes_.rend(); ++it) {
        BetaNode* n = it->get();
        if (!n->term_only) continue;
        bool only_terms = n->terminals.empty();
        for (BetaNode* c : n->children) only_terms = only_terms && c->term_only;
        n->term_only = only_terms;
    }
    for (auto& n : nodes_) n->term_last = n->term_only && n->children.empty();
}

void BetaNetwork::begin_rollback() {
    deferring_ = true;
    rolling_back_ = true;
    // Newest first: a token's descendants are all newer than it, so each goes with nothing below it
    // left to visit, and its memories lose their newest item (the tail of a list or a bucket).
    for (std::size_t i = trail_.size(); i-- > 0;) {
        TokenHead* h = trail_[i];
        if (!h) continue;
        // What delete_token does, in place, for a token with nothing below it left: no call, no
        // trail slot to clear (the trail is emptied below), no children to visit.
        if (h->kind == TokenKind::blocked) {
            unblock(h);
            unlink_sibling(h);
            free_token(h);
            continue;
        }
        Token* t = as_token(h);
        if (t->first_child) [[unlikely]] {
            delete_token(h);
            continue;
        }
        BetaNode* n = t->node;
        if (t->kind != TokenKind::plain) {
            if (t->kind == TokenKind::aggregate) {
                if (agg_of(t)->deferred) undefer(t);
            } else {
                unblock(t);
            }
        }
        if (t->in_out) {
            // Made since the mark: its leaving disturbs nothing of the mark's order.
            n->out.erase(t);
            t->in_out = false;
            for (BetaNode* a : n->term_of) term_leave(a, t);
        }
        while (Activation* a = t->activations) {
            t->activations = a->token_next;
            listener_->activation_deleted(a);
            activations_.destroy(a);
        }
        if (t->kind != TokenKind::plain) {
            n->all.erase(t);
            if (n->terms) n->owner.erase(BetaNode::owner_key(t->parent));
        }
        unlink_token(t);
        free_token(t);
    }
    // Emptied, not left full of nulls: a token the rest of the rollback makes (an aggregate's
    // result published again rebuilds the matches that read it) belongs to the restored state,
    // and going() must not take it for one of the sweep.
    trail_.clear();
}

void BetaNetwork::end_rollback() {
    deferring_ = false;
    rolling_back_ = false;
    publish_deferred();
}

// Sorts the tokens f blocks (f is leaving) into the order right_remove takes them in: by node, in
// the order remove_fact visits the nodes, and within a node in the order of its memory (of its bucket
// when indexed), so that activations come in that order. Each node then takes its tokens from the
// front of the list, instead of every node walking the whole list for its own.
void BetaNetwork::order_blocked(FactRec* f) {
    std::uint32_t rank = 0;
    for (AlphaItem* i : f->items)
        for (auto s = i->memory->group_successors.rbegin(); s != i->memory->group_successors.rend(); ++s)
            (*s)->remove_rank = rank++;
    std::vector<BlockedToken>& v = scratch_blocked_;
    v.clear();
    for (TokenHead* g = f->blocks; g; g = g->fact_next) {
        // The order for_candidates visits a memory in: a bucket newest first, a memory without index
        // oldest first.
        v.push_back(BlockedToken{g->node->remove_rank, g->node->all_index >= 0 ? ~made_of(g) : made_of(g), g});
    }
    // By node first, keeping the list's order within a node (a counting pass: ranks are few), then
    // each node's run by order. A run is mostly in order or in reverse already: block() puts a
    // token at the front, and a node blocks its tokens in the order it makes them. Those cost a
    // pass, not a sort (a full sort of the mixed list was 7 % of the instructions in the stress
    // mode of CLIPS's sudoku). Keys are distinct (made is), so the result is a full sort's.
    auto before = [](const BlockedToken& a, const BlockedToken& b) { return a.order < b.order; };
    if (v.size() > 1) {
        std::vector<std::uint32_t>& start = scratch_rank_start_;
        start.assign(rank + 1, 0);
        for (const BlockedToken& b : v) {
            assert(b.rank < rank);
            ++start[b.rank + 1];
        }
        for (std::uint32_t r = 0; r < rank; ++r) start[r + 1] += start[r];
        std::vector<BlockedToken>& by_rank = scratch_blocked_by_rank_;
        by_rank.resize(v.size());
        for (const BlockedToken& b : v) by_rank[start[b.rank]++] = b;  // start[r] ends at r's end
        std::swap(v, by_rank);
        for (std::size_t begin = 0; begin < v.size();) {
            std::size_t end = begin + 1;
            while (end < v.size() && v[end].rank == v[begin].rank) ++end;
            auto first = v.begin() + static_cast<std::ptrdiff_t>(begin), last = v.begin() + static_cast<std::ptrdiff_t>(end);
            if (!std::is_sorted(first, last, before)) {
                if (std::is_sorted(std::make_reverse_iterator(last), std::make_reverse_iterator(first), before))
                    std::reverse(first, last);
                else
                    std::sort(first, last, before);
            }
            begin = end;
        }
    }
    TokenHead* prev = nullptr;
    for (const BlockedToken& b : v) {
        b.token->fact_prev = prev;
        if (prev) prev->fact_next = b.token;
        else f->blocks = b.token;
        prev = b.token;
    }
    prev->fact_next = nullptr;
    v.clear();
}

void BetaNetwork::right_remove(BetaNode* n, FactRec* f) {
    if (n->kind != NodeKind::aggregate) {
        // Only the tokens f blocked can change: each looks for another blocker among the facts still
        // there (f has left the alpha memory). order_blocked has put n's at the front of f's list. A
        // withdraw below may delete other tokens f blocks (of lower nodes, later in the list), never
        // one of n's, and no token can take f as its blocker any more.
        while (f->blocks && f->blocks->node == n) {
            TokenHead* g = f->blocks;
            unblock(g);
            if (going(g)) continue;  // goes later in this rollback
            if (FactRec* b = find_blocker(n, g->parent)) {
                block(g, b);
                continue;
            }
            // Blocked, a `not` level is a BlockedLevel; an `exists` level is always a GroupToken.
            if (n->kind == NodeKind::negation) emit(to_group(as_blocked(g)));
            else withdraw(as_token(g));
        }
        return;
    }
    std::size_t key = fact_key(f->fact, n->key_slots);
    for_candidates(n->all, n->all_index, key, false, [&](Token* t) {
        if (going(t)) return;
        if (!join_passes(n, t->parent, f)) return;
        if (n->incremental) aggregate_leave(n, t, f);
        else aggregate_fill(n, t);
        if (deferring_) defer(t);
        else publish_aggregate(n, t);
    });
}

void BetaNetwork::add_fact(FactRec* f) {
    if (terms_first_stale_) [[unlikely]] settle_terms_first();
    // A member, not a local: every assert passes here, and propagation never asserts, so the vector
    // is not in use twice. One allocation for the fact's item list instead of one per doubling.
    std::vector<AlphaMemory*>& memories = scratch_memories_;
    memories.clear();
    alpha_.memories_of(f->fact, memories);
    f->items.reserve(memories.size());
    for (AlphaMemory* m : memories) {
        alpha_.add_item(m, f);
        // The successors are not visited newest first (descendants before ancestors, Doorenbos
        // 2.4.1) but in CLIPS's order, where a node may come after one above it. As in CLIPS, whose
        // pattern nodes each have their own memory, the fact counts for a node only once it has
        // entered it; before that, a match made above does not see it there.
        const std::vector<BetaNode*>& order = visit_order(m);
        const std::size_t* const* sizes = m->visit_sizes.data();
        const auto n = static_cast<std::uint32_t>(order.size());
        entering_ = f;
        entering_memory_ = m;
        if (m->moved_successors == 0) {
            // Unrolled: a profile fact passes ~7 successors per memory (a `meting` 82), of which one
            // in fifteen has something on its left; the test and the loop's own step were the cost.
#pragma GCC unroll 4
            for (std::uint32_t i = 0; i < n; ++i) {
                // Nothing on the left to join with: the node itself is not even loaded.
                if (*sizes[i] == 0) continue;
                entering_pos_ = i;
                right_activate_some(order[i], f);
            }
            entering_ = nullptr;
            continue;
        }
        // CLIPS has one join for such a pattern where the oldest of these joins stands among the
        // memory's successors: the gathered matches are emitted there.
        std::size_t left = m->moved_successors;
        for (std::uint32_t i = 0; i < n; ++i) {
            BetaNode* s = order[i];
            entering_pos_ = i;
            if (s->moved_prefix < 0) {
                right_activate(s, f);
                continue;
            }
            collect_moved(s, f);
            if (--left == 0) emit_moved(f);
        }
        entering_ = nullptr;
    }
}

// CLIPS 6.30 gives patterns that hash their alpha memory on different slots (those compared with
// earlier variables) different pattern nodes, siblings in its pattern network, the newest visited
// first, and links the joins of one node newest first. Here those patterns share one memory: its
// successors are visited in that order, by key slots, the group made last first.
const std::vector<BetaNode*>& BetaNetwork::order_visits(AlphaMemory* m) {
    // A successor's group is the lowest index among the successors with the same key slots (as a
    // set). Found once per successor, not per comparison: the sort compared signatures built anew
    // in every call, an eighth of the instructions of a small sudoku (grid2x2-p1). Compared as
    // sets in place (a handful of slots at most), without a sorted copy per successor: a cold
    // start orders some 65 memories with 650 successors.
    const auto same_set = [](const std::vector<int>& a, const std::vector<int>& b) {
        return a.size() == b.size() && std::is_permutation(a.begin(), a.end(), b.begin());
    };
    std::vector<std::pair<const BetaNode*, std::uint32_t>> groups;  // a node with the group's key slots, its first node
    std::vector<std::size_t> group_at(m->successors.size());
    for (std::size_t i = 0; i < m->successors.size(); ++i) {
        const BetaNode* n = m->successors[i];
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& x) { return same_set(x.first->key_slots, n->key_slots); });
        if (g == groups.end()) {
            group_at[i] = groups.size();
            groups.emplace_back(n, n->index);
        } else {
            group_at[i] = static_cast<std::size_t>(g - groups.begin());
            g->second = std::min(g->second, n->index);
        }
    }
    std::vector<std::pair<std::uint32_t, BetaNode*>> by_group(m->successors.size());
    for (std::size_t i = 0; i < m->successors.size(); ++i) by_group[i] = {groups[group_at[i]].second, m->successors[i]};
    // No two successors share an index, so no two keys are equal: std::sort gives the one order a
    // stable sort would, without the buffer std::stable_sort allocates.
    std::sort(by_group.begin(), by_group.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return a.second->index > b.second->index;
    });
    m->visit_order.clear();
    m->visit_order.reserve(by_group.size());
    for (const auto& [group, n] : by_group) m->visit_order.push_back(n);
    m->visit_sizes.clear();
    m->visit_sizes.reserve(by_group.size());
    for (std::uint32_t i = 0; i < m->visit_order.size(); ++i) {
        BetaNode* n = m->visit_order[i];
        n->visit_pos = i;
        m->visit_sizes.push_back(n->kind == NodeKind::join ? n->parent->out.size_at() : n->all.size_at());
    }
    m->visit_order_stale = false;
    return m->visit_order;
}

namespace {
// Of two distinct tokens of one chain of nodes (a moved pattern's parent memory), whether a comes
// before b in CLIPS's walk: at the level where they part, the older fact first; when they part at
// or above the prefix CLIPS joins before the pattern (depth `top`), the newer token there first
// (CLIPS walks that join's left memory newest first). A level has one token per parent, so tokens
// that part below the prefix part at a fact.
bool moved_before(const Token* a, const Token* b, std::uint32_t top) {
    for (;;) {
        if (a->depth == top) return a->serial > b->serial;
        if (a->parent == b->parent) {
            if (a->fact && b->fact) return a->fact->fact.id < b->fact->fact.id;
            return a->serial < b->serial;
        }
        a = a->parent;
        b = b->parent;
    }
}

// Sorts v (distinct keys) by merging its ascending and descending runs: linear when v is one run,
// n log(runs) comparisons otherwise.
template <class T, class Less>
void sort_runs(std::vector<T>& v, std::vector<T>& scratch, std::vector<std::size_t>& ends, Less less) {
    const std::size_t n = v.size();
    ends.clear();
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        if (j < n && less(v[j], v[i])) {
            while (j + 1 < n && less(v[j + 1], v[j])) ++j;
            ++j;
            std::reverse(v.begin() + static_cast<std::ptrdiff_t>(i), v.begin() + static_cast<std::ptrdiff_t>(j));
        } else {
            while (j < n && !less(v[j], v[j - 1])) ++j;
        }
        ends.push_back(j);
        i = j;
    }
    while (ends.size() > 1) {
        scratch.resize(n);
        std::size_t begin = 0, out = 0;
        for (std::size_t r = 0; r < ends.size(); r += 2) {
            std::size_t mid = ends[r];
            std::size_t stop = r + 1 < ends.size() ? ends[r + 1] : mid;
            std::merge(v.begin() + static_cast<std::ptrdiff_t>(begin), v.begin() + static_cast<std::ptrdiff_t>(mid),
                       v.begin() + static_cast<std::ptrdiff_t>(mid), v.begin() + static_cast<std::ptrdiff_t>(stop),
                       scratch.begin() + static_cast<std::ptrdiff_t>(begin), less);
            ends[out++] = stop;
            begin = stop;
        }
        ends.resize(out);
        v.swap(scratch);
    }
}
}  // namespace

void BetaNetwork::collect_moved(BetaNode* n, FactRec* f) {
    if (n->parent->out.size() == 0) return;
    std::size_t key = fact_key(f->fact, n->key_slots);
    // Oldest first: tokens are mostly made in the order sought, so the sort below finds them sorted.
    for_candidates(n->parent->out, n->parent_index, key, false, [&](Token* t) {
        if (join_passes(n, t, f)) moved_.push_back(MovedMatch{n, t, 0, 0});
    });
}

// The match's place in CLIPS's depth-first walk from the new fact, as a sequence compared element by
// element: per level below the pattern's written place, the join (of two joins under one node the
// newer first: CLIPS links new joins at the front) and the fact (its alpha memory is walked oldest
// first, and fact ids grow with age). When CLIPS has earlier conditions above the pattern, the walk
// starts in that join's left memory, newest token first. Negations and aggregates have no fact (0).
void BetaNetwork::emit_moved(FactRec* f) {
    if (moved_.size() > 1) {
        bool one_node = std::all_of(moved_.begin(), moved_.end(), [&](const MovedMatch& m) { return m.node == moved_[0].node; });
        if (one_node) {
            // All matches come down one chain of nodes: two of them are ordered where their tokens
            // part, found by walking up from both (siblings: one step). The memory they come from
            // is mostly a few sorted or reversed runs (a join visits its parent memory newest
            // first), so the runs are merged rather than the whole sorted.
            const auto top = static_cast<std::uint32_t>(moved_[0].node->moved_prefix);
            sort_runs(moved_, moved_scratch_, run_ends_, [top](const MovedMatch& x, const MovedMatch& y) {
                return moved_before(x.parent, y.parent, top);
            });
            BetaNode* n = moved_[0].node;
            for (const MovedMatch& m : moved_) emit(new_token(n, m.parent, f));
            moved_.clear();
            return;
        }
        for (MovedMatch& m : moved_) {
            m.key_begin = static_cast<std::uint32_t>(moved_keys_.size());
            auto top = static_cast<std::uint32_t>(m.node->moved_prefix);
            for (const Token* x = m.parent; x && x->depth > top; x = x->parent) {
                std::uint64_t fact = x->fact ? static_cast<std::uint32_t>(x->fact->fact.id) : 0;
                moved_keys_.push_back((std::uint64_t(~x->node->index) << 32) | fact);
            }
            if (top > 0) {
                const Token* x = m.parent;
                while (x->depth > top) x = x->parent;
                moved_keys_.push_back((std::uint64_t(~x->node->index) << 32) | std::uint32_t(~x->serial));
            }
            std::reverse(moved_keys_.begin() + m.key_begin, moved_keys_.end());
            moved_keys_.push_back(std::uint64_t(~m.node->index) << 32);
            m.key_end = static_cast<std::uint32_t>(moved_keys_.size());
        }
        const std::uint64_t* keys = moved_keys_.data();
        auto before = [keys](const MovedMatch& a, const MovedMatch& b) {
            return std::lexicographical_compare(keys + a.key_begin, keys + a.key_end, keys + b.key_begin,
                                                keys + b.key_end);
        };
        if (!std::is_sorted(moved_.begin(), moved_.end(), before)) std::stable_sort(moved_.begin(), moved_.end(), before);
    }
    for (const MovedMatch& m : moved_) emit(new_token(m.node, m.parent, f));
    moved_.clear();
    moved_keys_.clear();
}


void BetaNetwork::remove_fact(FactRec* f) {
    if (terms_first_stale_) [[unlikely]] settle_terms_first();
    while (f->tokens) delete_token(f->tokens);
    for (AlphaItem* i : f->items) i->memory->items.erase(i);
    if (f->blocks) order_blocked(f);
    // A not/exists token changes only when f blocked it, and most facts block none: then only the
    // aggregates can change.
    // An aggregate with no level (its rule's phase not reached, or its tokens gone with a rollback's
    // trail) has nothing f could leave: no call. A not/exists node may still hold tokens f blocks,
    // which are not in its `all` memory.
    if (f->blocks) {
        for (AlphaItem* i : f->items) {
            const std::vector<BetaNode*>& s = i->memory->group_successors;
            for (auto n = s.rbegin(); n != s.rend(); ++n) {
                // A not/exists node has work only when the front of f's list is one of its tokens
                // (order_blocked): right_remove would test just that. Of the ~8 such nodes a
                // blocking fact passes, one or two have.
                if ((*n)->kind == NodeKind::aggregate ? (*n)->all.size() == 0 : !f->blocks || f->blocks->node != *n)
                    continue;
                right_remove(*n, f);
            }
        }
    } else {
        // The common case: only aggregates, most of them without a level.
        for (AlphaItem* i : f->items) {
            const std::vector<BetaNode*>& s = i->memory->aggregate_successors;
            for (auto n = s.rbegin(); n != s.rend(); ++n)
                if ((*n)->all.size() != 0) right_remove(*n, f);
        }
    }
    assert(!f->blocks);  // every node took its tokens from the front (order_blocked)
    for (AlphaItem* i : f->items) alpha_.free_item(i);
    f->items.clear();
}

namespace {
bool same_node(const BetaNode& a, const BetaNode& b) {
    return a.kind == b.kind && a.moved_prefix == b.moved_prefix && a.amem == b.amem && a.terms == b.terms &&
           a.tests == b.tests && a.key_slots == b.key_slots && a.key_locs == b.key_locs && a.key_exprs == b.key_exprs &&
           a.in_slot == b.in_slot && a.in_elems == b.in_elems && a.aggregate == b.aggregate && a.expr == b.expr;
}

// A hash consistent with same_node (and CExpr's ==: equal values of one kind hash alike). Only the
// root and its operands' operations: the shape table is searched per node of a cold start (some
// 1,500), the parent is part of the key, and same_node decides; walking whole trees of conditions
// for it cost 0.5 M instructions of a cold start's 11.5 M.
[[gnu::noinline]] std::size_t expr_hash_of_tree(const CExpr& e) {
    std::size_t h = hash_combine(static_cast<std::size_t>(e.op), e.value.hash());
    h = hash_combine(h, static_cast<std::size_t>(e.value.kind()));
    h = hash_combine(h, e.ref);
    h = hash_combine(h, std::hash<const void*>{}(e.fn));
    h = hash_combine(h, e.name.id);
    for (const CExpr& a : e.args) h = hash_combine(h, static_cast<std::size_t>(a.op) * 0x10001u + a.ref);
    return h;
}

// Inline for the empty expression (a node's `expr` when it is not an aggregate over a value: most
// nodes), which a call cost more than the test.
inline std::size_t expr_hash(const CExpr& e) {
    if (e.op == Op::constant && e.value.kind() == ValueKind::nil && e.args.empty() && !e.fn && e.ref == 0 && e.name.id == 0)
        return 0x6e696c;
    return expr_hash_of_tree(e);
}

// Consistent with same_node without all of it: the key slots, locations and expressions are left
// out (pattern_node derives them from the tests and the level, which the parent fixes), and the small
// fields of the node and of each test go in one word. A combination less per field was ~60
// instructions per node of a cold start; same_node still decides.
std::size_t shape_hash(const BetaNode& n) {
    std::size_t h = hash_combine(std::hash<const void*>{}(n.parent), std::hash<const void*>{}(n.amem));
    h = hash_combine(h, reinterpret_cast<std::uintptr_t>(n.terms) << 8 | static_cast<std::size_t>(n.kind) << 4 |
                            static_cast<std::size_t>(n.aggregate));
    for (const JoinTest& t : n.tests) {
        const std::size_t small = static_cast<std::size_t>(static_cast<std::uint16_t>(t.slot)) << 40 |
                                  (static_cast<std::size_t>(t.cmp) * 2 + t.negate) << 56;
        h = hash_combine(h, (t.rhs_is_loc ? t.loc.encode() : expr_hash(t.expr)) ^ small);
    }
    return hash_combine(h, expr_hash(n.expr));
}

void collect_aggregate_reads_of_tree(const CExpr& e, std::vector<std::uint32_t>& out) {
    if (e.op == Op::var) {
        VarLoc loc = VarLoc::decode(e.ref);
        if (loc.slot == VarLoc::aggregate) out.push_back(loc.depth);
    }
    for (const CExpr& a : e.args) collect_aggregate_reads_of_tree(a, out);
}

// Most expressions asked (a node's empty `expr`) are a leaf that is no variable: no call for those.
inline void collect_aggregate_reads(const CExpr& e, std::vector<std::uint32_t>& out) {
    if (e.op == Op::var || !e.args.empty()) collect_aggregate_reads_of_tree(e, out);
}

bool reads_other_facts(const CExpr& e) {
    if (e.op == Op::slot) return true;
    for (const CExpr& a : e.args)
        if (reads_other_facts(a)) return true;
    return false;
}
}  // namespace

namespace {
std::size_t shape_home(std::size_t shape, std::size_t mask) { return (shape * 0x9E3779B97F4A7C15ULL >> 17) & mask; }
}  // namespace

void BetaNetwork::add_shape(std::size_t shape, BetaNode* n) {
    if (!shapes_have_room()) {
        // A knowledge base of some 300 rules makes some 1,400 nodes: room for 3,072 at the start, so
        // that a cold start never rehashes.
        std::vector<ShapeSlot> old(std::max<std::size_t>(4096, shapes_.size() * 2));
        old.swap(shapes_);
        shapes_used_ = 0;
        for (const ShapeSlot& s : old)
            if (s.node) add_shape(s.shape, s.node);
    }
    const std::size_t mask = shapes_.size() - 1;
    std::size_t i = shape_home(shape, mask);
    while (shapes_[i].node) i = (i + 1) & mask;
    shapes_[i] = ShapeSlot{shape, n};
    ++shapes_used_;
}

// Destroyed and made again in place: that must not throw halfway, or the unique_ptr would own a
// destroyed node.
static_assert(std::is_nothrow_default_constructible_v<BetaNode>);

std::unique_ptr<BetaNode> BetaNetwork::reuse_spare_node() {
    std::unique_ptr<BetaNode> n = std::move(spare_nodes_.back());
    spare_nodes_.pop_back();
    std::destroy_at(n.get());
    ::new (static_cast<void*>(n.get())) BetaNode;  // as new_node makes one: no clearing first
    return n;
}

BetaNode* BetaNetwork::add_node(std::unique_ptr<BetaNode> proto, bool& shared) {
    BetaNode* parent = proto->parent;
    const std::size_t shape = shape_hash(*proto);
    // The search ends at the free place where a new shape goes: it goes there, without a second
    // search, unless the table must grow first.
    std::size_t free_place = 0;
    bool have_free_place = false;
    if (!shapes_.empty()) {
        const std::size_t mask = shapes_.size() - 1;
        std::size_t i = shape_home(shape, mask);
        for (; shapes_[i].node; i = (i + 1) & mask) {
            BetaNode* c = shapes_[i].node;
            if (shapes_[i].shape == shape && c->parent == parent && same_node(*c, *proto)) {
                shared = true;
                ++c->users;
                spare_nodes_.push_back(std::move(proto));
                return c;
            }
        }
        free_place = i;
        have_free_place = shapes_have_room();
    }
    shared = false;
    BetaNode* n = proto.get();
    nodes_.push_back(std::move(proto));
    if (have_free_place) {
        shapes_[free_place] = ShapeSlot{shape, n};
        ++shapes_used_;
    } else {
        add_shape(shape, n);
    }
    n->depth = parent->depth + 1;
    n->users = 1;
    for (JoinTest& t : n->tests) {
        t.simple_list = !t.condition && !t.rhs_is_loc && t.expr.op == Op::list &&
                        std::all_of(t.expr.args.begin(), t.expr.args.end(),
                                    [](const CExpr& e) { return e.op == Op::constant || e.op == Op::var; });
    }
    n->below_aggregate = parent->below_aggregate || parent->kind == NodeKind::aggregate;
    if (n->below_aggregate) {
        for (const JoinTest& t : n->tests) {
            if (!t.rhs_is_loc) collect_aggregate_reads(t.expr, n->reads_aggregates);
            else if (t.loc.slot == VarLoc::aggregate) n->reads_aggregates.push_back(t.loc.depth);
        }
        for (VarLoc l : n->key_locs)
            if (l.slot == VarLoc::aggregate) n->reads_aggregates.push_back(l.depth);
        for (const CExpr& e : n->key_exprs) collect_aggregate_reads(e, n->reads_aggregates);
        for (const CExpr& e : n->in_elems) collect_aggregate_reads(e, n->reads_aggregates);
        collect_aggregate_reads(n->expr, n->reads_aggregates);
    }
    if (n->kind == NodeKind::aggregate) {
        n->incremental = !reads_other_facts(n->expr);
        for (const JoinTest& t : n->tests)
            if (!t.rhs_is_loc && reads_other_facts(t.expr)) n->incremental = false;
    }
    if (n->in_slot >= 0 && n->amem) {
        std::vector<int> slots = n->key_slots;
        slots.push_back(n->in_slot);
        n->imem = alpha_.index_memory(n->amem, slots, n->amem_index);
    } else if (!n->key_slots.empty() && n->amem) {
        n->imem = alpha_.index_memory(n->amem, n->key_slots, n->amem_index);
    }
    if (!n->key_slots.empty() && n->amem) {
        TokenKeySpec spec{n->key_locs, n->key_exprs.empty() ? nullptr : &n->key_exprs};
        if (n->kind == NodeKind::join) {
            // The parent's tokens carry room for out_links indexes: one more only while it has none.
            int k = parent->out.find_index(spec);
            if (k < 0 && (!parent->has_tokens() || parent->out.index_count() < parent->out_links)) {
                k = parent->out.add_index(std::move(spec));
                parent->links_stale = true;
            }
            n->parent_index = k;
        } else {
            n->all_index = n->all.add_index(std::move(spec));
        }
    }
    n->index = static_cast<std::uint32_t>(nodes_.size() - 1);
    parent->children.push_back(n);
    parent->outputs.emplace_back(n, nullptr);
    parent->links_stale = true;
    terms_first_stale_ = true;
    if (n->amem) {
        n->amem->successors.push_back(n);
        n->amem->visit_order_stale = true;
        if (n->moved_prefix >= 0) ++n->amem->moved_successors;
        if (n->kind != NodeKind::join) n->amem->group_successors.push_back(n);
        if (n->kind == NodeKind::aggregate) n->amem->aggregate_successors.push_back(n);
    }
    if (n->terms) {
        conjunction_aggregates_.push_back(n);
        n->terms->term_of.push_back(n);
        parent->owns_terms = true;
    }
    fill_from_parent(n);
    return n;
}

std::size_t BetaNetwork::hashed_node_count() const {
    std::size_t k = 0;
    for (const auto& n : nodes_) k += n->amem_index >= 0;
    return k;
}

Terminal* BetaNetwork::add_terminal(std::unique_ptr<Terminal> term) {
    Terminal* t = term.get();
    terminals_.push_back(std::move(term));
    t->parent->terminals.push_back(t);
    t->parent->outputs.emplace_back(nullptr, t);
    t->parent->links_stale = true;
    terms_first_stale_ = true;
    // Nothing waits to be published while rules are added (the engine defers only inside run,
    // assert_facts and rollback), so no deferred token sits under a key that changes here.
    for (BetaNode* n = t->parent; n; n = n->parent) n->max_salience = std::max(n->max_salience, t->rule->salience);
    for (Token* tok = t->parent->out.head(); tok; tok = t->parent->out.next(tok)) activate(t, tok);
    return t;
}

}  // namespace ww
