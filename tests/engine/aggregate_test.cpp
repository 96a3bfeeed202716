// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "engine/aggregate_state.hpp"
#include "engine/exact_sum.hpp"
#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Agg : ::testing::Test {
    Engine e;
    TemplateId wijk = e.define_template(tmpl("wijk", {{"naam", SlotType::symbol}}));
    TemplateId meting = e.define_template(tmpl("meting", {{"wijk", SlotType::symbol}, {"v", SlotType::number}}));
    TemplateId uit = e.define_template(tmpl("uit", {{"wijk", SlotType::symbol}, {"v", SlotType::any}}));
    void rule(AggregateKind k) {
        RuleBuilder b("agg");
        b.logical()
            .pat(wijk, {bind(0, b.var("?w"))})
            .aggregate("?r", k, meting, {bind(0, b.var("?w")), bind(1, b.var("?v"))}, b.v("?v"))
            .assert_(uit, {{0, b.v("?w")}, {1, b.v("?r")}});
        e.add_rule(b.done());
    }
    Value result(const char* w) {
        for (const Fact* f : e.facts_of(uit))
            if (f->slots[0] == Value::symbol(w)) return f->slots[1];
        return Value::string("geen");
    }
};
}  // namespace

TEST_F(Agg, CountIsZeroOnEmptySet) {
    rule(AggregateKind::count);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.run();
    EXPECT_EQ(result("a"), Value(0));
}

TEST_F(Agg, CountFollowsAssertAndRetract) {
    rule(AggregateKind::count);
    e.assert_fact(wijk, {Value::symbol("a")});
    auto m1 = e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    e.assert_fact(meting, {Value::symbol("a"), Value(2)});
    e.assert_fact(meting, {Value::symbol("b"), Value(2)});
    e.run();
    EXPECT_EQ(result("a"), Value(2));
    e.retract(*m1);
    e.run();
    EXPECT_EQ(result("a"), Value(1));  // the old result went with its support (logical rule)
    EXPECT_EQ(e.facts_of(uit).size(), 1u);
}

TEST_F(Agg, SumIsZeroOnEmptyAndIntegerWhenAllIntegers) {
    rule(AggregateKind::sum);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(wijk, {Value::symbol("b")});
    e.assert_fact(meting, {Value::symbol("b"), Value(2)});
    e.assert_fact(meting, {Value::symbol("b"), Value(3)});
    e.run();
    EXPECT_EQ(result("a"), Value(0));
    EXPECT_EQ(result("b"), Value(5));
    EXPECT_EQ(result("b").kind(), ValueKind::integer);
    e.assert_fact(meting, {Value::symbol("b"), Value(0.5)});
    e.run();
    EXPECT_EQ(result("b"), Value(5.5));
}

TEST_F(Agg, MinMaxFailOnEmptySet) {
    rule(AggregateKind::max);
    e.assert_fact(wijk, {Value::symbol("a")});
    EXPECT_EQ(e.run().firings, 0u);
    auto m = e.assert_fact(meting, {Value::symbol("a"), Value(4)});
    e.assert_fact(meting, {Value::symbol("a"), Value(9)});
    e.run();
    EXPECT_EQ(result("a"), Value(9));
    e.retract(*m);
    e.run();
    EXPECT_EQ(result("a"), Value(9));
}

TEST_F(Agg, MinOverValues) {
    rule(AggregateKind::min);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(4)});
    e.assert_fact(meting, {Value::symbol("a"), Value(-1.5)});
    e.run();
    EXPECT_EQ(result("a"), Value(-1.5));
}

TEST_F(Agg, ResultJoinsWithLaterConditions) {
    auto drempel = e.define_template(tmpl("drempel", {{"n", SlotType::integer}}));
    RuleBuilder b("genoeg");
    b.aggregate("?n", AggregateKind::count, meting, {})
        .pat(drempel, {bind(0, b.var("?n"))})
        .emit("genoeg", {{"n", b.v("?n")}});
    e.add_rule(b.done());
    e.assert_fact(drempel, {Value(2)});
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(meting, {Value::symbol("b"), Value(1)});
    EXPECT_EQ(e.agenda_size(), 1u);
    e.assert_fact(meting, {Value::symbol("c"), Value(1)});
    EXPECT_EQ(e.agenda_size(), 0u);
}

TEST_F(Agg, UnchangedResultDoesNotFireAgain) {
    RuleBuilder b("hoogste");
    b.pat(wijk, {bind(0, b.var("?w"))})
        .aggregate("?m", AggregateKind::max, meting, {bind(0, b.var("?w")), bind(1, b.var("?v"))}, b.v("?v"))
        .emit("max", {{"m", b.v("?m")}});
    e.add_rule(b.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(9)});
    e.run();
    e.assert_fact(meting, {Value::symbol("a"), Value(4)});  // max stays 9
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(meting, {Value::symbol("a"), Value(12)});
    e.run();
    EXPECT_EQ(firsts(e, "max"), (std::vector<Value>{9, 12}));
}

TEST_F(Agg, SumOfFloatsDoesNotDependOnOrder) {
    // A running double would give 0.1 + 0.2 + 0.3 - 0.1 - 0.2 != 0.3; the exact sum gives 0.3.
    rule(AggregateKind::sum);
    e.assert_fact(wijk, {Value::symbol("a")});
    auto m1 = e.assert_fact(meting, {Value::symbol("a"), Value(0.1)});
    auto m2 = e.assert_fact(meting, {Value::symbol("a"), Value(0.2)});
    e.assert_fact(meting, {Value::symbol("a"), Value(0.3)});
    e.run();
    EXPECT_EQ(result("a"), Value(0.6));  // 0.1 + 0.2 + 0.3 rounded once; a running sum gives 0.6000000000000001
    e.retract(*m1);
    e.retract(*m2);
    e.run();
    EXPECT_EQ(result("a").as_float(), 0.3);
    EXPECT_EQ(result("a").kind(), ValueKind::floating);
}

TEST_F(Agg, SumBecomesIntegerAgainWhenTheFloatsLeave) {
    rule(AggregateKind::sum);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(2)});
    auto f = e.assert_fact(meting, {Value::symbol("a"), Value(0.5)});
    e.run();
    EXPECT_EQ(result("a"), Value(2.5));
    e.retract(*f);
    e.run();
    EXPECT_EQ(result("a").kind(), ValueKind::integer);
    EXPECT_EQ(result("a"), Value(2));
}

TEST_F(Agg, IntegerSumBeyond64BitsBecomesAFloat) {
    rule(AggregateKind::sum);
    e.assert_fact(wijk, {Value::symbol("a")});
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    e.assert_fact(meting, {Value::symbol("a"), Value(big)});
    auto f = e.assert_fact(meting, {Value::symbol("a"), Value(big - 1)});
    e.run();
    EXPECT_EQ(result("a").kind(), ValueKind::floating);
    EXPECT_EQ(result("a").as_float(), 2.0 * 9223372036854775807.0);
    e.retract(*f);
    e.run();
    EXPECT_EQ(result("a").kind(), ValueKind::integer);
    EXPECT_EQ(result("a").as_int(), big);
}

TEST_F(Agg, MaxFindsTheNextExtremeWhenTheExtremeLeaves) {
    rule(AggregateKind::max);
    e.assert_fact(wijk, {Value::symbol("a")});
    auto nine = e.assert_fact(meting, {Value::symbol("a"), Value(9)});
    auto nine2 = e.assert_fact(meting, {Value::symbol("a"), Value(9.5)});
    e.assert_fact(meting, {Value::symbol("a"), Value(4)});
    e.run();
    EXPECT_EQ(result("a"), Value(9.5));
    e.retract(*nine2);
    e.run();
    EXPECT_EQ(result("a"), Value(9));
    e.retract(*nine);
    e.run();
    EXPECT_EQ(result("a"), Value(4));
}

TEST_F(Agg, EqualNumbersOfBothKindsTieOneWay) {
    // 2 and 2.0 are equal; whichever came first, max gives the float and min the integer.
    for (bool int_first : {true, false}) {
        for (AggregateKind k : {AggregateKind::max, AggregateKind::min}) {
            Engine x;
            TemplateId w = x.define_template(tmpl("wijk", {{"naam", SlotType::symbol}}));
            TemplateId m = x.define_template(tmpl("meting", {{"wijk", SlotType::symbol}, {"v", SlotType::number}}));
            RuleBuilder b("r");
            b.pat(w, {bind(0, b.var("?w"))})
                .aggregate("?r", k, m, {bind(0, b.var("?w")), bind(1, b.var("?v"))}, b.v("?v"))
                .emit("uit", {{"r", b.v("?r")}});
            x.add_rule(b.done());
            x.assert_fact(w, {Value::symbol("a")});
            x.assert_fact(m, {Value::symbol("a"), int_first ? Value(2) : Value(2.0)});
            x.assert_fact(m, {Value::symbol("a"), int_first ? Value(2.0) : Value(2)});
            x.run();
            ASSERT_EQ(x.records().size(), 1u);
            EXPECT_EQ(x.records()[0].fields[0].second.kind(),
                      k == AggregateKind::max ? ValueKind::floating : ValueKind::integer);
        }
    }
}

TEST(AggregateOrder, MixedKindsFollowTheTotalOrder) {
    // nil < bool < number < string < symbol < list < fact; NaN and nil take no part.
    AggregateState s;
    for (const Value& v : {Value(3), Value::string("b"), Value(true), Value::symbol("a"), Value(7.5)})
        aggregate_add(AggregateKind::max, s, v);
    Value out;
    ASSERT_TRUE(aggregate_result(AggregateKind::max, s, 5, out));
    EXPECT_EQ(out, Value::symbol("a"));
    EXPECT_FALSE(aggregate_accepts(AggregateKind::min, Value()));
    EXPECT_FALSE(aggregate_accepts(AggregateKind::max, Value(std::nan(""))));
    EXPECT_FALSE(aggregate_accepts(AggregateKind::sum, Value::string("1")));
}

TEST(AggregateSum, InfinitiesAndNaNs) {
    AggregateState s;
    Value out;
    aggregate_add(AggregateKind::sum, s, Value(1e308));
    aggregate_add(AggregateKind::sum, s, Value(1e308));
    ASSERT_TRUE(aggregate_result(AggregateKind::sum, s, 2, out));
    EXPECT_TRUE(std::isinf(out.as_float()));  // the exact sum is beyond the largest double
    aggregate_take(AggregateKind::sum, s, Value(1e308));
    aggregate_result(AggregateKind::sum, s, 1, out);
    EXPECT_EQ(out.as_float(), 1e308);
    const double inf = std::numeric_limits<double>::infinity();
    aggregate_add(AggregateKind::sum, s, Value(inf));
    aggregate_result(AggregateKind::sum, s, 2, out);
    EXPECT_EQ(out.as_float(), inf);
    aggregate_add(AggregateKind::sum, s, Value(-inf));
    aggregate_result(AggregateKind::sum, s, 3, out);
    EXPECT_TRUE(std::isnan(out.as_float()));
    aggregate_take(AggregateKind::sum, s, Value(inf));
    aggregate_take(AggregateKind::sum, s, Value(-inf));
    aggregate_result(AggregateKind::sum, s, 1, out);
    EXPECT_EQ(out.as_float(), 1e308);
}

TEST(ExactSum, TwoTermsGiveWhatTheHardwareGives) {
    // One IEEE addition is the exact sum rounded once: the reference for any pair of doubles,
    // subnormals, cancellation and overflow included.
    std::mt19937_64 rng(7);
    auto any_double = [&] {
        for (;;) {
            double d = std::bit_cast<double>(rng());
            if (std::isfinite(d)) return d;
        }
    };
    int checked = 0;
    for (int i = 0; i < 200000; ++i) {
        double a = any_double();
        double b = i % 3 == 0 ? any_double()
                   : i % 3 == 1 ? std::ldexp(a, -static_cast<int>(rng() % 60)) * (rng() & 1 ? -1 : 1)
                                : -a + std::ldexp(static_cast<double>(rng() % 1000), -static_cast<int>(rng() % 1100));
        ExactSum s;
        s.add(a);
        s.add(b);
        double want = a + b;
        if (want == 0) {
            EXPECT_EQ(s.value(), 0.0);
        } else {
            ASSERT_EQ(std::bit_cast<std::uint64_t>(s.value()), std::bit_cast<std::uint64_t>(want)) << a << " + " << b;
        }
        s.subtract(b);
        s.subtract(a);
        ASSERT_TRUE(s.is_zero());
        ++checked;
    }
    EXPECT_EQ(checked, 200000);
}

TEST(ExactSum, ManyTermsOnAGridAgainstAnIntegerSum) {
    // Multiples of 2^-20 below 2^40: the int128 sum is exact, and its conversion rounds once.
    std::mt19937_64 rng(11);
    for (int round = 0; round < 200; ++round) {
        ExactSum s;
        Int128 reference = 0;
        for (int i = 0; i < 500; ++i) {
            auto k = static_cast<std::int64_t>(rng() % (std::uint64_t{1} << 40)) * (rng() & 1 ? -1 : 1);
            s.add(std::ldexp(static_cast<double>(k), -20));
            reference += k;
        }
        s.add_integer(12345);
        reference += Int128{12345} << 20;
        EXPECT_EQ(s.value(), std::ldexp(static_cast<double>(reference), -20));
    }
}

TEST(ExactSum, CancellationLeavesTheSmallTerm) {
    ExactSum s;
    s.add(1e100);
    s.add(1.0);
    s.add(-1e100);
    EXPECT_EQ(s.value(), 1.0);
    s.add_integer(-3);
    EXPECT_EQ(s.value(), -2.0);
}

TEST_F(Agg, TermReadingAnotherFactIsRecomputedNotUpdated) {
    // `?m.v` reads a fact through a reference: such a term is recomputed from all facts on every
    // change (its value could differ between a fact's arrival and departure), with the same results.
    TemplateId ref = e.define_template(tmpl("verwijzing", {{"wijk", SlotType::symbol}, {"m", SlotType::any}}));
    RuleBuilder b("via");
    b.logical()
        .pat(wijk, {bind(0, b.var("?w"))})
        .aggregate("?r", AggregateKind::sum, ref, {bind(0, b.var("?w")), bind(1, b.var("?m"))},
                   Expr{Op::slot, {}, 0, "v", {b.v("?m")}})
        .assert_(uit, {{0, b.v("?w")}, {1, b.v("?r")}});
    e.add_rule(b.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    auto m1 = e.assert_fact(meting, {Value::symbol("a"), Value(1.5)});
    auto m2 = e.assert_fact(meting, {Value::symbol("a"), Value(2)});
    e.assert_fact(ref, {Value::symbol("a"), Value(FactRef{*m1})});
    auto r2 = e.assert_fact(ref, {Value::symbol("a"), Value(FactRef{*m2})});
    e.run();
    EXPECT_EQ(result("a"), Value(3.5));
    // m2 goes first: when r2 leaves after it, the term r2 brought can no longer be evaluated, so an
    // update could not take it away again; the recomputation simply no longer finds it.
    e.retract(*m2);
    e.retract(*r2);
    e.run();
    EXPECT_EQ(result("a"), Value(1.5));
}

TEST_F(Agg, CollectGivesDistinctTermsSortedWhateverTheOrderOfFacts) {
    rule(AggregateKind::collect);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(wijk, {Value::symbol("leeg")});
    auto m3 = e.assert_fact(meting, {Value::symbol("a"), Value(3)});
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    auto m3b = e.assert_fact(meting, {Value::symbol("a"), Value(3.0)});  // equal to 3, but a float
    e.assert_fact(meting, {Value::symbol("a"), Value(2.5)});
    e.assert_fact(meting, {Value::symbol("b"), Value(7)});
    e.run();
    EXPECT_EQ(result("a").repr(), "[1, 2.5, 3, 3.0]");
    EXPECT_EQ(result("leeg").repr(), "[]");  // no facts: an empty list, the rule still fires
    e.retract(*m3);
    e.run();
    EXPECT_EQ(result("a").repr(), "[1, 2.5, 3.0]");
    e.retract(*m3b);
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});  // a duplicate fact is suppressed anyway
    e.run();
    EXPECT_EQ(result("a").repr(), "[1, 2.5]");
}

TEST(AggregateCollect, TermSeenTwiceStaysUntilBothLeave) {
    AggregateState s;
    aggregate_add(AggregateKind::collect, s, Value::symbol("x"));
    aggregate_add(AggregateKind::collect, s, Value::symbol("x"));
    aggregate_add(AggregateKind::collect, s, Value::string("y"));
    Value out;
    ASSERT_TRUE(aggregate_result(AggregateKind::collect, s, 3, out));
    EXPECT_EQ(out.repr(), "[\"y\", x]");  // strings before symbols, as compare() orders them
    EXPECT_TRUE(aggregate_take(AggregateKind::collect, s, Value::symbol("x")));
    ASSERT_TRUE(aggregate_result(AggregateKind::collect, s, 2, out));
    EXPECT_EQ(out.repr(), "[\"y\", x]");
    EXPECT_TRUE(aggregate_take(AggregateKind::collect, s, Value::symbol("x")));
    ASSERT_TRUE(aggregate_result(AggregateKind::collect, s, 1, out));
    EXPECT_EQ(out.repr(), "[\"y\"]");
    EXPECT_FALSE(aggregate_accepts(AggregateKind::collect, Value()));
    EXPECT_FALSE(aggregate_accepts(AggregateKind::collect, Value(std::nan(""))));
}

// Aggregate results are passed on when they can matter (docs/regeltaal.md, "Agenda"): a firing that
// takes a counted fact away and puts a changed copy back (modify) leaves the count as it was, and
// the rule under the count, which fired already, does not fire again. Passed on after every fact,
// the count would have gone 2 -> 1 -> 2 and made a new match.
TEST_F(Agg, ModifyThatKeepsTheResultDoesNotRefire) {
    RuleBuilder count("tel");
    count.salience(20)
        .pat(wijk, {bind(0, count.var("?w"))})
        .aggregate("?n", AggregateKind::count, meting, {bind(0, count.var("?w"))})
        .emit("telling", {{"n", count.v("?n")}});
    e.add_rule(count.done());
    RuleBuilder change("wijzig");
    change.salience(10).fpat("?m", meting, {cmp(1, Op::eq, C(Value(1)))}).modify(change.v("?m"), {{1, C(Value(5))}});
    e.add_rule(change.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    e.assert_fact(meting, {Value::symbol("a"), Value(2)});
    RunResult r = e.run();
    EXPECT_EQ(r.firings, 2u);
    ASSERT_EQ(e.records().size(), 1u);
    EXPECT_EQ(e.records()[0].fields[0].second, Value(2));
}

// Several facts asserted as one batch: the rule under the aggregate sees only the final result.
TEST_F(Agg, BatchPassesOnTheFinalResultOnce) {
    RuleBuilder count("tel");
    count.pat(wijk, {bind(0, count.var("?w"))})
        .aggregate("?n", AggregateKind::count, meting, {bind(0, count.var("?w"))})
        .emit("telling", {{"n", count.v("?n")}});
    e.add_rule(count.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    EXPECT_EQ(e.agenda_size(), 1u);  // count 0
    auto ids = e.assert_facts({{meting, {Value::symbol("a"), Value(1)}},
                               {meting, {Value::symbol("a"), Value(2)}},
                               {meting, {Value::symbol("a"), Value(2)}}});  // a duplicate
    ASSERT_EQ(ids.size(), 3u);
    EXPECT_TRUE(ids[0] && ids[1]);
    EXPECT_FALSE(ids[2]);
    EXPECT_EQ(e.agenda_size(), 1u);  // one match, with the final count
    e.run();
    ASSERT_EQ(e.records().size(), 1u);
    EXPECT_EQ(e.records()[0].fields[0].second, Value(2));
}

// A collect state is a sorted vector that terms enter and leave in any order: after every step its
// result must be the distinct terms still in, each once, in extreme_order.
TEST(AggregateCollect, SortedTermsWhateverTheOrderOfAddingAndTaking) {
    std::mt19937 rng(11);
    const std::vector<Value> pool = {Value(1), Value(1.0), Value(-0.0), Value(0.0), Value(2), Value::string("b"),
                                     Value::string("a"), Value::symbol("a"), Value::symbol("zz"),
                                     Value(std::vector<Value>{Value(1)}), Value(true), Value::string("")};
    for (int round = 0; round < 200; ++round) {
        AggregateState s;
        std::vector<Value> in;  // the terms in, with repeats
        for (int step = 0; step < 40; ++step) {
            if (in.empty() || rng() % 3 != 0) {
                const Value& v = pool[rng() % pool.size()];
                aggregate_add(AggregateKind::collect, s, v);
                in.push_back(v);
            } else {
                const std::size_t i = rng() % in.size();
                ASSERT_TRUE(aggregate_take(AggregateKind::collect, s, in[i]));
                in.erase(in.begin() + static_cast<std::ptrdiff_t>(i));
            }
            std::vector<Value> expected = in;
            std::sort(expected.begin(), expected.end(), [](const Value& a, const Value& b) { return extreme_order(a, b) < 0; });
            expected.erase(std::unique(expected.begin(), expected.end(),
                                       [](const Value& a, const Value& b) { return extreme_order(a, b) == 0; }),
                           expected.end());
            Value out;
            ASSERT_TRUE(aggregate_result(AggregateKind::collect, s, static_cast<std::int64_t>(in.size()), out));
            ASSERT_EQ(out.repr(), Value(expected).repr());
        }
    }
}
