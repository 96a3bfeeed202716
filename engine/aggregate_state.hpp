// SPDX-License-Identifier: EUPL-1.2
// What a `sum`, `min` or `max` aggregate has seen of its matching facts, kept up to date as facts
// come and go, so that one fact costs one update instead of a pass over all the others (a `count`
// needs only the number of facts). The result depends only on the set of terms, never on the order
// they arrived or left in: that is what lets the network update it in place and still end where a
// fresh computation ends.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/block_store.hpp"
#include "engine/exact_sum.hpp"
#include "engine/rule.hpp"
#include "engine/value.hpp"

namespace ww {

struct AggregateState {
    // sum: integers and other numbers each exactly; infinities and NaNs only counted.
    Int128 integers = 0;
    std::uint32_t floats = 0;  // terms that are not integers
    std::uint32_t nans = 0, pos_infs = 0, neg_infs = 0;
    std::unique_ptr<ExactSum> float_sum;  // from the first finite non-integer term on
    // min/max: the extreme term and how many terms are equal to it.
    Value best;
    std::uint32_t best_count = 0;
    // collect: each distinct term and how many facts gave it, in extreme_order. A sorted vector rather
    // than a tree: a collect has a handful of terms, and the vector is one allocation where a tree
    // has one per term, from the thread's block store: it goes with its token, in a rollback.
    struct Term {
        Value value;
        std::uint32_t facts = 0;
    };
    using Terms = std::vector<Term, BlockAllocator<Term>>;
    Terms terms;
};

// Whether a term takes part: sum takes numbers, min, max and collect anything but nil and NaN (which
// has no place in an order), count everything.
bool aggregate_accepts(AggregateKind k, const Value& v);
void aggregate_add(AggregateKind k, AggregateState& s, const Value& v);
// False when the state can no longer tell the result (the last term equal to the extreme left):
// then it has to be rebuilt from the remaining facts.
bool aggregate_take(AggregateKind k, AggregateState& s, const Value& v);
// The result over `count` accepted terms; false when there is none (min or max of nothing).
bool aggregate_result(AggregateKind k, const AggregateState& s, std::int64_t count, Value& out);

// The order min and max go by: compare() (nil < bool < number < string < symbol < list < fact), and
// where that finds two numbers equal, an integer before a float and -0.0 before 0.0, so that no two
// different terms tie and the extreme is one definite value.
std::strong_ordering extreme_order(const Value& a, const Value& b);

}  // namespace ww
