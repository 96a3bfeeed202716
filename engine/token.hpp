// SPDX-License-Identifier: EUPL-1.2
// Tokens (partial matches) and activations. A token is one level of a match: the fact matched at its
// node (null for not/exists/test levels) and a pointer to the token above it, so a match of n
// conditions shares its first n-1 levels with every other match that extends the same prefix.
// Tokens form a tree (parent, children) and each fact lists the tokens that hold it: retracting a fact
// removes exactly those tokens and their descendants, nothing is searched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/aggregate_state.hpp"
#include "engine/indexed_memory.hpp"
#include "engine/working_memory.hpp"

namespace ww {

struct BetaNode;
struct Token;
struct Terminal;
struct Activation;
struct CExpr;
struct AgendaLevel;

// Where a variable's value sits: the token level that bound it and the slot of that level's fact.
struct VarLoc {
    static constexpr std::int16_t fact_ref = -1;   // the fact itself (`?f <- pattern`)
    static constexpr std::int16_t aggregate = -2;  // the level's aggregate result
    std::uint16_t depth = 0;  // 0: not bound by a condition
    std::int16_t slot = 0;
    friend bool operator==(VarLoc, VarLoc) = default;
    std::uint32_t encode() const { return (std::uint32_t{depth} << 16) | static_cast<std::uint16_t>(slot + 2); }
    static VarLoc decode(std::uint32_t c) {
        return VarLoc{static_cast<std::uint16_t>(c >> 16), static_cast<std::int16_t>(static_cast<int>(c & 0xffff) - 2)};
    }
};

// What a token is, so that its pool and its extra fields are found without its node. `blocked` is a
// `not` level while a fact blocks it (a BlockedLevel, not a Token).
enum class TokenKind : std::uint8_t { plain, group, aggregate, blocked };

// What every level of a match has, a blocked `not` level included: its place in the tree of
// levels (parent, siblings) and in a fact's list. Only a blocked level is nothing more than this
// (BlockedLevel); every other level is a Token. A pointer that may reach a blocked level (a
// token's children, a fact's block list, the trail of a checkpoint) is a TokenHead*, and becomes
// a Token* only after a look at `kind` (as_token).
struct TokenHead {
    Token* parent = nullptr;  // never a blocked level: it has no children
    BetaNode* node = nullptr;
    std::uint16_t depth = 0;  // as VarLoc::depth
    TokenKind kind = TokenKind::plain;
    bool in_out = false;      // visible to the node's children (never a blocked level)
    // Creation order (BetaNetwork's token serial): tells tokens of a checkpoint from later ones.
    std::uint32_t serial = 0;

    TokenHead* next_sibling = nullptr;
    TokenHead* prev_sibling = nullptr;
    // The tokens of one fact (FactRec::tokens; Tokens only). A not/exists level has no fact: there
    // these two link the levels its blocker blocks (FactRec::blocks, see GroupToken).
    TokenHead* fact_next = nullptr;
    TokenHead* fact_prev = nullptr;
};

// A `not` level that a fact blocks: CLIPS keeps such a partial match in the not-join's memory with a
// pointer to its blocker and no output; here it is a TokenHead with the blocker and its creation
// order (72 bytes, instead of a GroupToken's 152 plus its index links), in no memory of its node,
// linked only to its parent and to its blocker's list (fact_next/fact_prev). It becomes a GroupToken
// when it loses its last blocker, and a GroupToken becomes one again when a fact blocks it
// (BetaNetwork::to_group, to_blocked).
struct BlockedLevel : TokenHead {
    FactRec* blocker = nullptr;
    std::uint64_t made = 0;  // as GroupToken::made
};

// 96 bytes (plus the links of its node's output indexes): join and test levels, the vast majority
// of tokens, carry only these.
struct Token : TokenHead {
    ListLink<Token> out_list{};  // its place in the node's output
    FactRec* fact = nullptr;
    TokenHead* first_child = nullptr;
    Activation* activations = nullptr;
    // The links of the node's output indexes follow the token in its storage (TokenStorage): as
    // many as the node's out memory has indexes (BetaNode::out_links), none for most nodes. A
    // token of a node without index is 96 bytes instead of 144; in the stress mode of CLIPS's
    // sudoku that is most of them.
};

// A level known not to be a blocked one (its kind says so) as the Token it is.
[[gnu::always_inline]] inline Token* as_token(TokenHead* h) { return static_cast<Token*>(h); }
[[gnu::always_inline]] inline const Token* as_token(const TokenHead* h) { return static_cast<const Token*>(h); }
[[gnu::always_inline]] inline BlockedLevel* as_blocked(TokenHead* h) { return static_cast<BlockedLevel*>(h); }
[[gnu::always_inline]] inline const BlockedLevel* as_blocked(const TokenHead* h) { return static_cast<const BlockedLevel*>(h); }

// Tokens of not/exists/aggregate nodes also sit in the node's memory of all its tokens (from their
// creation to their deletion; a blocked `not` level is a BlockedLevel instead, in no memory). Only
// they pay for those links; join tokens stay smaller.
struct GroupToken : Token {
    ListLink<Token> all_list;
    IndexLink<Token> all_idx[1];  // such a node indexes its tokens one way only
    // exists levels: the fact that makes it true, null when none (a blocked `not` level is a
    // BlockedLevel, and a GroupToken of a `not` has none). As in
    // CLIPS and Doorenbos (2.8): one blocker is enough to know the outcome, so a token that arrives
    // stops at the first match, a new fact skips tokens already blocked, and a retracted fact makes
    // only the tokens it blocked look for another. The other tokens the blocker blocks are linked
    // through fact_next/fact_prev (unused: such a level holds no fact), as in CLIPS's block list: a
    // fact that goes visits only the tokens it blocked, not every token of its key.
    FactRec* blocker = nullptr;
    // Order of creation among the node's tokens (BetaNetwork's count): a new fact visits the `all`
    // memory in this order, whatever order unblocked `not` levels came back into it in.
    std::uint64_t made = 0;
};

// An aggregate level: its result (what its children see), the state it is computed from and its
// place in BetaNetwork's deferred list, in the token itself (152 bytes for a not/exists token
// instead of room for all this).
struct AggregateToken : GroupToken {
    std::int32_t count = 0;  // matching facts
    bool deferred = false;   // waiting in BetaNetwork's deferred list
    // Aggregate levels whose result waits to be published (BetaNetwork's deferred list, oldest first).
    AggregateToken* deferred_prev = nullptr;
    AggregateToken* deferred_next = nullptr;
    Value result;
    AggregateState state;
};

// A token of type T with the links of N output indexes after it: the storage is a T (its base), so
// the pools reach it from a T* by a downcast; out_links finds the links from the token's kind, at
// sizeof(T). Aligned as T, the links start there: without it the compiler may put them in T's tail
// padding (T is no POD), before sizeof(T). An AggregateToken (aligned to 16 by its Int128) 8 bytes
// larger had its links at 296 and out_links looking at 304, past the end of a one-link token: a
// warm consultation then hung in the rollback on a corrupted index (docs/prestaties-metingen.md,
// Sessie 30, h-warm22).
template <class T, std::size_t N>
struct TokenStorage : T {
    alignas(alignof(T)) IndexLink<Token> links[N];
};
template <class T>
struct TokenStorage<T, 0> : T {};
// A join or test token whose node's only output is a `not` (BetaNode::inline_not), with room for
// that `not`'s level while a fact blocks it: CLIPS keeps the blocker in the partial match on the
// not-join's left. The level is still a BlockedLevel, made in place when its parent's match is
// blocked (inline_level), so that everything that reaches levels works unchanged; what goes is its
// allocation from a pool of its own, and the first touch of a separate record when it is made and
// when it goes (in the stress mode of CLIPS's sudoku, ~370,000 such levels of the hidden triples,
// nearly all blocked).
template <std::size_t N>
struct InlineNotStorage : TokenStorage<Token, N> {
    alignas(BlockedLevel) unsigned char level[sizeof(BlockedLevel)];
};
inline constexpr std::size_t kTokenBytes[] = {sizeof(Token), sizeof(GroupToken), sizeof(AggregateToken)};
static_assert(sizeof(TokenHead) == 56 && sizeof(Token) == 96 && sizeof(BlockedLevel) == 72);
static_assert(sizeof(Token) % alignof(IndexLink<Token>) == 0 && sizeof(GroupToken) % alignof(IndexLink<Token>) == 0 &&
              sizeof(AggregateToken) % alignof(IndexLink<Token>) == 0);
static_assert(sizeof(TokenStorage<Token, 0>) == sizeof(Token) && sizeof(TokenStorage<GroupToken, 0>) == sizeof(GroupToken) &&
              sizeof(TokenStorage<AggregateToken, 0>) == sizeof(AggregateToken));
static_assert(sizeof(TokenStorage<Token, 1>) == sizeof(Token) + sizeof(IndexLink<Token>));
static_assert(sizeof(TokenStorage<Token, 2>) == sizeof(Token) + 2 * sizeof(IndexLink<Token>));
static_assert(sizeof(TokenStorage<GroupToken, 1>) == sizeof(GroupToken) + sizeof(IndexLink<Token>));
static_assert(sizeof(TokenStorage<GroupToken, 2>) == sizeof(GroupToken) + 2 * sizeof(IndexLink<Token>));
static_assert(sizeof(TokenStorage<AggregateToken, 2>) == sizeof(AggregateToken) + 2 * sizeof(IndexLink<Token>));
static_assert(static_cast<int>(TokenKind::plain) == 0 && static_cast<int>(TokenKind::group) == 1 &&
              static_cast<int>(TokenKind::aggregate) == 2);

// Not for a blocked level: it is in no memory.
[[gnu::always_inline]] inline IndexLink<Token>* out_links(Token* t) {
    return reinterpret_cast<IndexLink<Token>*>(reinterpret_cast<unsigned char*>(t) + kTokenBytes[static_cast<int>(t->kind)]);
}

// The room for its `not` level in a token of a node with inline_not (after its index links).
[[gnu::always_inline]] inline void* inline_level(Token* t, unsigned links) {
    return reinterpret_cast<unsigned char*>(out_links(t)) + links * sizeof(IndexLink<Token>);
}
// The room is the storage's last member and nothing pads it: it starts right after the links.
static_assert(sizeof(InlineNotStorage<0>) == sizeof(TokenStorage<Token, 0>) + sizeof(BlockedLevel) &&
              sizeof(InlineNotStorage<1>) == sizeof(TokenStorage<Token, 1>) + sizeof(BlockedLevel) &&
              sizeof(InlineNotStorage<2>) == sizeof(TokenStorage<Token, 2>) + sizeof(BlockedLevel));

// The result of an aggregate level, null for any other token.
inline const Value* aggregate_result(const Token* t) {
    return t->kind == TokenKind::aggregate ? &static_cast<const AggregateToken*>(t)->result : nullptr;
}

inline const Token* ancestor(const Token* t, std::uint32_t depth) {
    while (t->depth > depth) t = t->parent;
    return t;
}

// The value at `loc` seen from token `t` (t at or below loc.depth). `scratch` holds fact references.
[[gnu::always_inline]] inline const Value& value_at(const Token* t, VarLoc loc, Value& scratch) {
    t = ancestor(t, loc.depth);
    if (loc.slot >= 0) return t->fact->fact.slots[static_cast<std::size_t>(loc.slot)];
    if (loc.slot == VarLoc::aggregate) {
        if (const Value* r = aggregate_result(t)) return *r;
        scratch = Value();
        return scratch;
    }
    scratch = Value(FactRef{t->fact->fact.id});
    return scratch;
}

// The facts a logical rule's firing supports. Nearly every such rule asserts one fact: that one sits
// in place, and only further ones cost a vector.
struct Supports {
    FactId first = 0;  // 0: none (fact ids start at 1)
    std::unique_ptr<std::vector<FactId>> more;
    explicit operator bool() const { return first != 0; }
    void add(FactId id) {
        if (first == 0) first = id;
        else {
            if (!more) more = std::make_unique<std::vector<FactId>>();
            more->push_back(id);
        }
    }
    template <class F>
    void for_each(F&& f) const {
        if (first == 0) return;
        f(first);
        if (more)
            for (FactId id : *more) f(id);
    }
    void clear() {
        first = 0;
        more.reset();
    }
};

struct Activation {
    Terminal* terminal = nullptr;
    Token* token = nullptr;
    std::uint64_t seq = 0;
    int salience = 0;
    bool queued = false;
    bool fired = false;
    Activation* token_next = nullptr;
    Activation* token_prev = nullptr;
    Activation* agenda_prev = nullptr;
    Activation* agenda_next = nullptr;
    AgendaLevel* level = nullptr;  // the agenda's list for its salience, while queued
    Supports supported;  // facts resting on this match (logical rules only)
};

// The values of expressions over a token's positions (`n(i: ?i + 1)`), hashed on after `h`
// (token_key.cpp). An expression that cannot be evaluated gives a fixed key: its join test fails
// for every fact anyway.
std::size_t expr_key(const Token* t, const std::vector<CExpr>& exprs, std::size_t h);

// The join key of a token: the hash of the values at `locs`.
[[gnu::always_inline]] inline std::size_t token_key(const Token* t, const std::vector<VarLoc>& locs) {
    std::size_t h = 0;
    Value scratch;
    for (VarLoc loc : locs) h = hash_combine(h, value_at(t, loc, scratch).hash());
    return h;
}

// What a token memory's index hashes on. `exprs` points at the key expressions of the node that
// asked for the index (nodes live as long as the network).
struct TokenKeySpec {
    std::vector<VarLoc> locs;
    const std::vector<CExpr>* exprs = nullptr;
    friend bool operator==(const TokenKeySpec& a, const TokenKeySpec& b);  // token_key.cpp
};

// The key of a token under `spec`: its positions, then its expressions, in the order of the
// node's key slots.
inline std::size_t token_key(const Token* t, const TokenKeySpec& spec) {
    std::size_t h = token_key(t, spec.locs);
    return spec.exprs ? expr_key(t, *spec.exprs, h) : h;
}

struct OutTraits {
    using Spec = TokenKeySpec;
    static ListLink<Token>& list(Token* t) { return t->out_list; }
    static IndexLink<Token>& link(Token* t, int k) { return out_links(t)[k]; }
    static std::size_t key(const Token* t, const Spec& s) { return token_key(t, s); }
};

struct AllTraits {
    using Spec = TokenKeySpec;
    static ListLink<Token>& list(Token* t) { return static_cast<GroupToken*>(t)->all_list; }
    static IndexLink<Token>& link(Token* t, int k) { return static_cast<GroupToken*>(t)->all_idx[k]; }
    static std::size_t key(const Token* t, const Spec& s) { return token_key(t, s); }
};

using TokenMemory = IndexedMemory<Token, OutTraits>;
using AllMemory = IndexedMemory<Token, AllTraits>;

}  // namespace ww
