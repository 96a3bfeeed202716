// SPDX-License-Identifier: EUPL-1.2
// The join network (Doorenbos 1995, ch. 2): join, negation, exists, aggregate and test nodes, each
// holding its output tokens in an indexed memory its children join against. Equality joins look up a
// hash bucket on the other side instead of scanning: the alpha memory by slot value on a new token,
// the parent's memory by variable value on a new fact.
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/aggregate_state.hpp"
#include "engine/alpha_network.hpp"
#include "engine/expr_eval.hpp"
#include "engine/pool.hpp"
#include "engine/rule.hpp"
#include "engine/token.hpp"

namespace ww {

// One test between the fact entering at a node and the token it joins: `slot OP rhs`, where rhs is a
// variable position (the fast, common case) or an expression over positions.
struct JoinTest {
    int slot = 0;
    Op cmp = Op::eq;
    bool negate = false;
    bool rhs_is_loc = false;
    VarLoc loc;
    CExpr expr;
    // expr is a list literal of constants and variables only (set by add_node): `in` then needs no
    // list built, and no element can fail.
    bool simple_list = false;
    // A `test` condition written after this node's pattern, tested in the join (as CLIPS 6.30 does)
    // instead of at a level of its own: `expr` is the condition, over the token and the fact
    // entering here; slot, cmp, negate and loc are unused. Without it a rule written with
    // `test ?c2 != ?c1` after each pattern kept a token level per test: the stress mode of CLIPS's
    // sudoku written so took 191 MB instead of 119 and half again the time.
    bool condition = false;
    // Which of the test conditions tested in this join it comes from (1 for the first; 0: the
    // pattern's own), for why-not. A conjunct comparing a slot of the entering fact with a variable
    // becomes an ordinary test (`column != ?c1`), the rest stays a condition.
    std::uint8_t folded = 0;
    friend bool operator==(const JoinTest&, const JoinTest&) = default;
};

// More elements than this in a `slot in [...]` list: the node does not hash on it.
inline constexpr std::size_t kMaxInKeys = 16;

enum class NodeKind : std::uint8_t { root, join, negation, exists, aggregate, test };

struct BetaNode {
    NodeKind kind = NodeKind::root;
    BetaNode* parent = nullptr;
    std::uint32_t depth = 0;
    std::vector<BetaNode*> children;
    std::vector<Terminal*> terminals;
    // Children and terminals together, in the order they were added: a new token goes to them
    // newest first, as CLIPS 6.30 links its joins, so that of rules sharing this node the first
    // written fires first.
    std::vector<std::pair<BetaNode*, Terminal*>> outputs;
    TokenMemory out;  // tokens the children see
    // Index links each token of this node carries (TokenStorage), fixed while it has tokens: the
    // out memory's index count when the first token is made, or kMaxIndexes when nothing is below
    // the node yet (add_node filling a new node from its parent's tokens: its children come after).
    // A child that would need another index while tokens live scans instead (add_node).
    std::uint8_t out_links = 0;
    // A join or test node whose only output is this `not` node, fixed as out_links is: its tokens
    // carry room for that node's blocked level (InlineNotStorage).
    BetaNode* inline_not = nullptr;
    // out_links and inline_not may be out of date: set by whatever changes what they are computed
    // from (an output, an index of `out`), cleared when count_token computes them. In a warm
    // consultation many nodes go from no tokens to one and back; they need not recompute each time.
    bool links_stale = true;
    // Tokens made in and freed from its output, ever: the difference is those alive. Two counters
    // instead of one live count cost nothing more per token, and `made` is what the rule cost
    // profile reads (Engine::set_profiling).
    std::uint64_t made = 0;
    std::uint64_t freed = 0;
    bool has_tokens() const { return made != freed; }
    std::uint32_t index = 0;  // creation number: of two children of one node, the newer is visited first
    // A volatile pattern joined last (NetworkBuilder::join_order) instead of where the rule wrote it:
    // the number of the rule's conditions before it that are joined in written order (the depth of
    // the tokens CLIPS's join for it would see on its left); -1 when joined where written.
    std::int32_t moved_prefix = -1;
    std::uint32_t visit_pos = 0;  // its place in amem->visit_order
    std::uint32_t remove_rank = 0;  // not/exists: its place in the order a leaving fact visits them (order_blocked)

    AlphaMemory* amem = nullptr;  // join, negation, exists, aggregate
    std::vector<JoinTest> tests;
    // Hashed equality join over every `slot == earlier variable` test of the node, then every
    // `slot == expression over earlier variables` (`n(i: ?i + 1)`), in key_slots' order: key_locs
    // gives the token side of the first ones, key_exprs of the rest. The tests are still run on
    // the bucket's items, which settles hash collisions.
    std::vector<int> key_slots;
    std::vector<VarLoc> key_locs;
    std::vector<CExpr> key_exprs;
    // One `slot in [?a, ?b, c]` (no `not in`) whose elements are constants and earlier variables:
    // the alpha index hashes on key_slots plus in_slot, and a token looks up one bucket per
    // distinct element. A fact arriving finds its tokens through key_slots only.
    int in_slot = -1;
    std::vector<CExpr> in_elems;
    int amem_index = -1;    // index of imem->items on key_slots (and in_slot)
    AlphaMemory* imem = nullptr;  // amem or one of its overflow copies: the one with that index
    int parent_index = -1;  // index of parent->out on key_locs and key_exprs (join)
    AllMemory all;          // negation, exists, aggregate: a token per parent token
    int all_index = -1;     // index of `all` on key_locs and key_exprs

    AggregateKind aggregate = AggregateKind::count;
    CExpr expr;  // aggregate value (sum/min/max) or test condition
    std::size_t users = 0;  // rule alternatives going through this node
    // The highest salience of the rules below: a change here can lead to no activation above it.
    int max_salience = std::numeric_limits<int>::min();
    // Aggregate: where its list of waiting tokens is in BetaNetwork::deferred_, valid while
    // deferred_epoch is the network's (a new list shifts the ones after it).
    std::uint32_t deferred_slot = 0;
    std::uint32_t deferred_epoch = 0;
    // Aggregate: updated per fact that comes or goes, instead of recomputed over all matching facts.
    // Not when an expression reads other facts (`?f.slot`): their value may change between a fact's
    // arrival and its departure, so what it added could not be taken away again.
    bool incremental = false;
    // The aggregate levels (token depths) whose result this node's tests, keys or expression read:
    // when such a result changes, this node's tokens are rebuilt, the others kept (see refresh).
    std::vector<std::uint32_t> reads_aggregates;
    // Some ancestor is an aggregate. Only below one can a test, key or expression read an aggregate's
    // result (its level is bound there): elsewhere reads_aggregates stays empty without walking the
    // node's expressions, which a cold start did for every node it added.
    bool below_aggregate = false;
    // Aggregate over a conjunction: its terms are the matches of a chain of nodes under this node's
    // parent (`term_chain`, ending in `terms`), not the facts of an alpha memory. `owner` finds this
    // node's token for the parent token a term descends from.
    BetaNode* terms = nullptr;
    std::vector<BetaNode*> term_chain;
    BucketTable<Token> owner;  // keyed by owner_key(parent token): no allocation per owner
    static std::size_t owner_key(const Token* parent) { return reinterpret_cast<std::uintptr_t>(parent); }
    // The aggregates over a conjunction whose terms are this node's matches.
    std::vector<BetaNode*> term_of;
    bool owns_terms = false;  // some child is an aggregate over a conjunction
    // Only terms of aggregates below (set by BetaNetwork::mark): no terminal, no child but further
    // such nodes. An aggregate's result depends only on the set of its terms, so the last node of
    // a chain can leave its tokens in any order. A node with the chain going on below it cannot: a
    // fact entering a node below visits that node's levels in the order of its memory, and so
    // decides in which order the aggregates change and pass on their results.
    bool term_only = false;
    // term_only with no child: the last level of a chain (set by BetaNetwork::mark).
    bool term_last = false;
    // A `not` over several patterns (a count over a conjunction, its one output the test
    // `count == 0`) whose chain is its own (a path of nodes that feed only it, its head the output
    // of `parent` added right before it): the two swap places in parent->outputs, so that a token of
    // the parent goes down the chain first and the count is made with its terms already there
    // (Doorenbos 1995, 2.8: the NCC partner before the NCC node). Set by settle_terms_first.
    bool terms_first = false;
};

// The end of one rule alternative: turns complete matches into activations.
struct Terminal {
    const RuleDef* rule = nullptr;
    std::size_t rule_index = 0;  // the engine's number for the rule
    std::size_t alternative = 0;
    std::uint32_t module = 0;    // the engine's number for the rule's module (0: MAIN)
    bool auto_focus = false;
    BetaNode* parent = nullptr;
    std::vector<VarLoc> var_locs;             // per VarId; depth 0: not bound by a condition
    std::vector<std::uint32_t> fact_depths;   // token levels of the positive patterns, in written order
    std::vector<BetaNode*> chain;             // the nodes of this alternative, in join order
    std::vector<std::size_t> chain_condition; // per chain node: index of its condition as written
    // Per chain node: the test conditions tested in its join (JoinTest::condition), written right
    // after chain_condition's in join order; they have no chain node of their own.
    std::vector<std::uint32_t> folded_tests;
};

// What the network tells its owner: activations to schedule or drop (agenda, truth maintenance).
class BetaListener {
public:
    virtual ~BetaListener() = default;
    virtual void activation_created(Activation* a) = 0;
    virtual void activation_deleted(Activation* a) = 0;
};

class BetaNetwork {
public:
    BetaNetwork(AlphaNetwork& alpha, const EvalEnv& world, BetaListener& listener);
    ~BetaNetwork();
    BetaNetwork(const BetaNetwork&) = delete;
    BetaNetwork& operator=(const BetaNetwork&) = delete;

    BetaNode* root() { return root_; }

    // Building: a node equal to `proto` under `parent` is reused; otherwise `proto` is installed and
    // filled from the parent's tokens. `shared` tells which happened.
    BetaNode* add_node(std::unique_ptr<BetaNode> proto, bool& shared);
    // A fresh node for a proto: the memory of a proto that add_node found shared, made new in place,
    // or a new one. The program's operator new does not reuse what is freed (cli/procesgeheugen.cpp),
    // and a cold start builds every rule: some 300 of its 1,700 protos are shared, 180 kB.
    std::unique_ptr<BetaNode> new_node() {
        // `new BetaNode`, not make_unique's `new BetaNode()`: every member has its initialiser, and
        // value-initialising first cleared all ~600 bytes of each of a cold start's ~1,500 nodes.
        return spare_nodes_.empty() ? std::unique_ptr<BetaNode>(new BetaNode) : reuse_spare_node();
    }
    Terminal* add_terminal(std::unique_ptr<Terminal> t);

    // Facts entering and leaving.
    void add_fact(FactRec* f);
    void remove_fact(FactRec* f);
    // Rebuilds every match from the root, as after a reset (there are no facts): rules without
    // conditions, and those starting with `not`, `exists` or an aggregate, match again, and activate
    // in the order a new network with the same rules activates them (the order they were added).
    void restart();
    // Tokens in a node's output, oldest first (for why-not).
    const Token* first_output(const BetaNode* n) const { return n->out.head(); }

    // Checkpoint support (Engine::checkpoint/rollback). After mark(), the network notes whether any
    // token that was visible at the mark left its memory or moved in it, or lost an activation of
    // the mark: such a token would come back at the end of its memory (and its activations at the
    // end of the agenda), not where it was, so retracting the newer facts would not restore the
    // exact order a reset and re-assert gives. Two changes leave no such trace: a token of a
    // term_only node with no child leaving (the last level of an aggregate's chain: no one sees that
    // order), and an aggregate level whose result changes while it is the last of its memory and
    // holds no activation of the mark (it stays in place).
    void mark();
    void unmark() {
        marked_ = false;
        trail_.clear();
        trail_lost_ = false;
    }
    bool disturbed() const { return disturbed_ || trail_lost_; }
    // Rollback: every fact newer than the mark is about to be retracted, newest first.
    // begin_rollback() first deletes every token made since the mark, newest first, straight from
    // the trail (below): no fact has to find them, no not/exists token made since looks for another
    // blocker, no aggregate made since is updated. What stays are the tokens of the mark; the facts
    // then leave only those (an `exists` they made true, an aggregate they counted in).
    // Meanwhile a fact or term leaving an aggregate's matches updates the aggregate's state but not
    // its result, and end_rollback() publishes each changed aggregate once: retracting the newer
    // facts one by one would otherwise publish every intermediate result (a new list for a collect,
    // its rule's matches rebuilt and its activations renewed). The result depends only on the set
    // of terms, so publishing at the end gives what publishing at every step ends with.
    void begin_rollback();
    void end_rollback();
    // Deferred publication outside rollback (Engine::run, a batch of asserts): a fact entering or
    // leaving an aggregate's matches updates its state; the result is passed on later, once per
    // changed aggregate, oldest change first. publish_deferred(s) passes on those with a rule of
    // salience s or higher below them (all: INT_MIN) and tells whether there were any. A rule
    // below the others cannot fire before every activation of salience s has, so their
    // intermediate results would only be matched and dropped again.
    void set_deferring(bool on) { deferring_ = on; }
    // Whether some token of n's parent and fact of its alpha memory pass n's own tests and its
    // first `conditions` folded test conditions (why-not: which of the conditions a join stands
    // for is the one no match gets past).
    bool join_reaches(const BetaNode* n, std::size_t conditions) const;
    bool deferring() const { return deferring_; }
    bool publish_deferred(int min_salience = std::numeric_limits<int>::min());
    bool has_deferred() const { return deferred_count_ != 0; }
    // Back to the counters of the mark (the caller has retracted every newer fact).
    void rewind() {
        next_seq_ = mark_seq_;
        next_serial_ = mark_serial_;
        trail_.clear();
        trail_lost_ = false;
    }

    std::size_t node_count() const { return nodes_.size(); }
    // Nodes that find the facts joining a token through a hash bucket instead of a scan.
    std::size_t hashed_node_count() const;
    std::size_t token_count() const {
        return tokens_.live() + inline_not_tokens_.live() + group_tokens_.live() + aggregate_tokens_.live() +
               blocked_.live() + inline_blocked_;
    }
    std::size_t activation_count() const { return activations_.live(); }

    // Profiling (Engine::set_profiling): another listener in between, which counts activations per
    // rule and passes them on; the nodes with their `made` counters; and a number that grows by one
    // per token or blocked level made, to count what a firing's actions made.
    void set_listener(BetaListener& listener) { listener_ = &listener; }
    const std::vector<std::unique_ptr<BetaNode>>& nodes() const { return nodes_; }
    const std::vector<std::unique_ptr<Terminal>>& terminals() const { return terminals_; }
    std::uint32_t serial() const { return next_serial_; }

private:
    friend class NetworkBuilder;
    bool join_passes(const BetaNode* n, const Token* parent, const FactRec* f) const;
    bool test_passes(const BetaNode* n, const JoinTest& t, const Token* parent, const FactRec* f) const;
    bool condition_holds(const BetaNode* n, const JoinTest& t, const Token* parent, const FactRec* f) const;
    class JoinProbe;
    void left_activate(BetaNode* n, Token* parent);
    // A node's tokens made from each of its parent's, oldest first: a new node, or restart's replay.
    [[gnu::noinline]] void fill_from_parent(BetaNode* n);
    // Nothing on the left to join with (a later phase's rules, a `not` no token reached yet): most
    // of a fact's successors, so the test is made here, inline, before any call.
    void right_activate(BetaNode* n, FactRec* f) {
        if ((n->kind == NodeKind::join ? n->parent->out.size() : n->all.size()) != 0) right_activate_some(n, f);
    }
    void right_activate_some(BetaNode* n, FactRec* f);
    void right_remove(BetaNode* n, FactRec* f);
    // The first fact of n's alpha memory that joins with `parent` (at a not/exists level), or null.
    FactRec* find_blocker(BetaNode* n, const Token* parent);
    // Aggregates: the term fact f gives token t (false: f does not take part), the state rebuilt from
    // every matching fact, one fact entering or leaving, and the result passed on when it changed.
    bool aggregate_term(const BetaNode* n, const Token* t, const FactRec* f, Value& v) const;
    void aggregate_fill(BetaNode* n, Token* t);
    void aggregate_enter(BetaNode* n, Token* t, FactRec* f);
    void aggregate_leave(BetaNode* n, Token* t, FactRec* f);
    void publish_aggregate(BetaNode* n, Token* t);
    // Aggregates over a conjunction: a match of the chain (term) arriving or leaving.
    void term_enter(BetaNode* n, Token* term);
    void term_leave(BetaNode* n, Token* term);
    bool term_value(const BetaNode* n, const Token* term, Value& v) const;
    void fill_terms(BetaNode* n, Token* owner, const Token* at, std::size_t level);
    void refresh(Token* x, std::uint32_t depth);
    // Whether moving token x of the mark to the end of its memory and renewing its activations
    // would change what a rollback restores.
    bool refresh_disturbs(const Token* x) const;
    void drop_activations(Token* t) {
        if (t->activations) drop_activations_of(t);  // most tokens hold none
    }
    void drop_activations_of(Token* t);
    // Made since the mark and not deleted since: on the trail.
    bool fresh(const TokenHead* t) const {
        if (t->serial < mark_serial_) return false;
        const std::size_t i = t->serial - mark_serial_;
        return i < trail_.size() && trail_[i] == t;
    }
    // During begin_rollback: t (a not/exists/aggregate level) is made since the mark and deleted
    // later in the same sweep, so nothing needs to update it.
    bool going(const TokenHead* t) const { return rolling_back_ && fresh(t); }
    // A serial for a token of the mark that becomes visible or moves (see emit, refresh): it counts
    // as new from here on. Its place on the trail stays empty: the token is no fresh one.
    [[gnu::noinline]] void renew_serial(Token* t) {
        t->serial = next_serial_++;
        record(nullptr);
    }
    // A token made since the mark onto the trail, unless the trail has grown past its bound (an
    // engine that runs long after its checkpoint without rolling back): then the next rollback
    // counts as disturbed and rebuilds the checkpoint instead.
    void record(TokenHead* t) {
        if (trail_.size() < kMaxTrail) [[likely]] trail_.push_back(t);
        else trail_lost_ = true;
    }
    static constexpr std::size_t kMaxTrail = std::size_t{1} << 22;

    Token* new_token(BetaNode* n, Token* parent, FactRec* f);
    // A token with index links counts in its node's `made`; the first while none is alive fixes out_links.
    void count_token(BetaNode* n);
    // `not` levels: a blocked one made (BlockedLevel), one that loses its last blocker made a
    // GroupToken in its `all` memory, one that a fact blocks (already withdrawn) made a BlockedLevel.
    void new_blocked(BetaNode* n, Token* parent, std::uint64_t made, FactRec* blocker);
    void adopt(TokenHead* t, BetaNode* n, Token* parent);
    Token* to_group(BlockedLevel* t);
    BlockedLevel* to_blocked(Token* g, FactRec* blocker);
    void replace_token(TokenHead* from, TokenHead* to);
    void emit(Token* t);       // into the node's output, on to children and terminals
    // Sets BetaNode::terms_first and the order of outputs it asks for; every entry point that can
    // emit (a fact coming or going, restart, a deferred publication) calls it after the network changed.
    void settle_terms_first();
    bool terms_first_stale_ = true;
    // The aggregates over a conjunction, in the order made: what settle_terms_first looks at, so that
    // a network of many rules and few of these settles in time of the few.
    std::vector<BetaNode*> conjunction_aggregates_;
    void withdraw(Token* t);   // out of the node's output, descendants and activations deleted
    void delete_token(TokenHead* t);
    [[gnu::always_inline]] void free_token(TokenHead* t);
    static AggregateToken* agg_of(Token* t) { return static_cast<AggregateToken*>(t); }
    static AggregateState& state_of(Token* t) { return agg_of(t)->state; }
    void activate(Terminal* term, Token* t);
    // A fact entering the joins of volatile patterns joined last: the matches are gathered over all
    // such joins of one alpha memory and emitted in the order CLIPS 6.30's network, which joins the
    // pattern where it is written, would produce them (see order_moved).
    void collect_moved(BetaNode* n, FactRec* f);
    const std::vector<BetaNode*>& visit_order(AlphaMemory* m) { return m->visit_order_stale ? order_visits(m) : m->visit_order; }
    const std::vector<BetaNode*>& order_visits(AlphaMemory* m);
    void emit_moved(FactRec* f);
    struct MovedMatch {
        BetaNode* node;
        Token* parent;
        std::uint32_t key_begin, key_end;
    };
    // The fact being added, the memory it is entering and the place in that memory's visit order
    // of the successor it is entering now: the successors after it have still to see it.
    FactRec* entering_ = nullptr;
    const AlphaMemory* entering_memory_ = nullptr;
    std::uint32_t entering_pos_ = 0;
    bool awaiting(const BetaNode* n, const FactRec* f) const {
        return f == entering_ && n->amem == entering_memory_ && n->visit_pos > entering_pos_;
    }
    std::vector<MovedMatch> moved_;
    std::vector<std::uint64_t> moved_keys_;
    std::vector<MovedMatch> moved_scratch_;
    std::vector<std::size_t> run_ends_;

    AlphaNetwork& alpha_;
    const EvalEnv& world_;
    BetaListener* listener_;
    std::vector<std::unique_ptr<BetaNode>> nodes_;
    // Every node by parent and structure, so that sharing a node costs a lookup, not a scan of the
    // parent's children (100,000 rules under one parent would make building quadratic). Open
    // addressing with linear probing over (shape hash, node), nothing allocated per node: a cold
    // start adds every node of the knowledge base (BetaNetwork::add_node). Never erased from.
    struct ShapeSlot {
        std::size_t shape = 0;
        BetaNode* node = nullptr;  // null: free
    };
    std::vector<ShapeSlot> shapes_;  // a power of two, at most 3/4 used
    std::size_t shapes_used_ = 0;
    void add_shape(std::size_t shape, BetaNode* n);
    // Whether one more shape keeps the table at most three quarters full (else add_shape grows it).
    bool shapes_have_room() const { return (shapes_used_ + 1) * 4 <= shapes_.size() * 3; }
    std::vector<std::unique_ptr<BetaNode>> spare_nodes_;  // protos add_node shared, for new_node
    std::unique_ptr<BetaNode> reuse_spare_node();
    std::vector<std::unique_ptr<Terminal>> terminals_;
    BetaNode* root_ = nullptr;
    Token* root_token_ = nullptr;
    // Tokens by kind and by the number of index links after them (BetaNode::out_links): a token of
    // type T with `links` links lives in a Storage<links>.
    template <class T, template <std::size_t> class Storage>
    struct PoolsByLinks {
        static_assert(kMaxIndexes == 2);
        Pool<Storage<0>> p0;
        Pool<Storage<1>> p1;
        Pool<Storage<2>> p2;
        [[gnu::always_inline]] T* make(unsigned links) {
            switch (links) {
                case 0: return p0.make();
                case 1: return p1.make();
                default: return p2.make();
            }
        }
        [[gnu::always_inline]] void destroy(T* t, unsigned links) {
            switch (links) {
                case 0: p0.destroy(static_cast<Storage<0>*>(t)); return;
                case 1: p1.destroy(static_cast<Storage<1>*>(t)); return;
                default: p2.destroy(static_cast<Storage<2>*>(t)); return;
            }
        }
        std::size_t live() const { return p0.live() + p1.live() + p2.live(); }
        void share_heap_count(std::size_t* bytes) {
            p0.share_heap_count(bytes);
            p1.share_heap_count(bytes);
            p2.share_heap_count(bytes);
        }
    };
    template <class T>
    struct StorageOf {
        template <std::size_t N>
        using type = TokenStorage<T, N>;
    };
    template <class T>
    using TokenPools = PoolsByLinks<T, StorageOf<T>::template type>;
    std::size_t token_heap_bytes_ = 0;  // shared by the token pools below
    TokenPools<Token> tokens_;
    // Join and test tokens of nodes with inline_not.
    PoolsByLinks<Token, InlineNotStorage> inline_not_tokens_;
    std::size_t inline_blocked_ = 0;  // blocked levels in their parent's room (token_count)
    // Room for a blocked level of n under `parent`: in the parent when it has room for n's, else
    // from blocked_.
    BlockedLevel* make_blocked(BetaNode* n, Token* parent);
    // Whether blocked level h sits in its parent's room.
    static bool inline_blocked(const TokenHead* h) {
        const Token* p = h->parent;
        return p->node->inline_not == h->node &&
               static_cast<const void*>(h) == inline_level(const_cast<Token*>(p), p->node->out_links);
    }
    TokenPools<GroupToken> group_tokens_;
    TokenPools<AggregateToken> aggregate_tokens_;
    // Blocked `not` levels.
    // Its heap is counted on its own: shared with the token pools, it turned to big chunks as soon as
    // they passed 16 MB (when those were huge pages, resident whole: grid4x4-p8 40,9 MB peak instead
    // of 37,4).
    Pool<BlockedLevel> blocked_;
    Pool<Activation> activations_;
    std::uint64_t next_seq_ = 0;
    std::uint32_t next_serial_ = 1;
    std::uint64_t mark_seq_ = 0;
    std::uint32_t mark_serial_ = 0;
    bool marked_ = false;
    bool disturbed_ = false;
    std::vector<AlphaMemory*> scratch_memories_;
    std::uint64_t next_made_ = 0;             // GroupToken::made
    struct BlockedToken {
        std::uint32_t rank;
        std::uint64_t order;
        TokenHead* token;
    };
    std::vector<BlockedToken> scratch_blocked_;  // order_blocked
    std::vector<Token*> scratch_hits_;           // right_activate_some at a `not`
    std::vector<BlockedToken> scratch_blocked_by_rank_;
    std::vector<std::uint32_t> scratch_rank_start_;
    void order_blocked(FactRec* f);
    bool deferring_ = false;
    bool rolling_back_ = false;
    // While marked: the tokens made since the mark, by serial (trail_[serial - mark_serial_]), null
    // where one has been deleted since (or a serial went to a token of the mark). A rollback deletes
    // those left, newest first.
    std::vector<TokenHead*> trail_;
    bool trail_lost_ = false;  // a token made since the mark is missing from it (see record)
    // Aggregate tokens whose result is to be published, by their node's max_salience, each list
    // oldest first (intrusive: a token that is deleted while waiting leaves it in constant time).
    struct DeferredList {
        AggregateToken* head = nullptr;
        AggregateToken* tail = nullptr;
    };
    // Highest salience first: a rule base has a handful of saliences, and the run loop walks these
    // lists before every firing, where a tree cost a pointer chase per level.
    std::vector<std::pair<int, DeferredList>> deferred_;
    DeferredList& deferred_list(BetaNode* n);
    std::uint32_t deferred_epoch_ = 1;  // changes when a list is inserted into deferred_
    std::size_t deferred_count_ = 0;  // tokens in those lists: most calls find none
    void defer(Token* t);
    void undefer(Token* t);
};

// Evaluates expressions whose variables are token positions, seen from a parent token plus the fact
// entering at `depth` (which may be null).
class TokenEnv : public EvalEnv {
public:
    TokenEnv(const EvalEnv& world, const Token* parent, const FactRec* fact, std::uint32_t depth, const Value* agg = nullptr)
        : world_(world), parent_(parent), fact_(fact), depth_(depth), agg_(agg) {}
    Value var(std::uint32_t ref) const override {
        Value scratch;
        return var_ref(ref, scratch);
    }
    const Value& var_ref(std::uint32_t ref, Value& scratch) const override {
        VarLoc loc = VarLoc::decode(ref);
        if (loc.depth == depth_) {
            if (loc.slot >= 0) return fact_->fact.slots[static_cast<std::size_t>(loc.slot)];
            if (loc.slot == VarLoc::fact_ref) return scratch = Value(FactRef{fact_->fact.id});
            if (agg_) return *agg_;
            return scratch = Value();
        }
        return value_at(parent_, loc, scratch);
    }
    const Fact* fact(FactId id) const override { return world_.fact(id); }
    const TemplateDef& template_def(TemplateId id) const override { return world_.template_def(id); }

private:
    const EvalEnv& world_;
    const Token* parent_;
    const FactRec* fact_;
    std::uint32_t depth_;
    const Value* agg_;
};

}  // namespace ww
