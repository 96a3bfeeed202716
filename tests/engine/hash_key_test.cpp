// SPDX-License-Identifier: EUPL-1.2
// Joins, not/exists and aggregates that hash on an expression over earlier variables
// (`not n(i: ?i + 1)`) or on a list of them (`v in [?x, ?y, 3]`): the node must use a hash index
// (NetworkStats::hashed_beta_nodes) and give exactly the matches a scan would.
#include <algorithm>

#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

Expr list_of(std::vector<Expr> items) { return Expr::make(Op::list, std::move(items)); }

std::vector<Value> sorted(std::vector<Value> v) {
    std::sort(v.begin(), v.end(), [](const Value& a, const Value& b) { return a.as_int() < b.as_int(); });
    return v;
}

struct Chain : ::testing::Test {
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"i", SlotType::integer}}));
    // The last element of each run of consecutive numbers: n(i: ?i), not n(i: ?i + 1).
    void add_last_rule() {
        RuleBuilder b("laatste");
        b.pat(n, {bind(0, b.var("?i"))})
            .no(n, {cmp(0, Op::eq, op(Op::add, b.v("?i"), C(Value(1))))})
            .emit("laatste", {{"i", b.v("?i")}});
        e.add_rule(b.done());
    }
};

}  // namespace

TEST_F(Chain, NegationOnAnExpressionIsHashed) {
    add_last_rule();
    // The first pattern has nothing to join on; the `not` hashes on ?i + 1.
    EXPECT_EQ(e.stats().hashed_beta_nodes, 1u);
}

TEST_F(Chain, NegationOnAnExpressionFindsItsBlockers) {
    add_last_rule();
    for (int i : {1, 2, 3, 7, 8, 10}) e.assert_fact(n, {Value(i)});
    e.run();
    EXPECT_EQ(sorted(firsts(e, "laatste")), (std::vector<Value>{Value(3), Value(8), Value(10)}));
    // 4 joins 1-3 to nothing new but ends that run instead of 3; 9 joins 7-8 to 10.
    e.assert_fact(n, {Value(9)});
    e.assert_fact(n, {Value(4)});
    e.run();
    EXPECT_EQ(sorted(firsts(e, "laatste")), (std::vector<Value>{Value(3), Value(4), Value(8), Value(10)}));
}

TEST_F(Chain, RetractingTheBlockerUnblocks) {
    add_last_rule();
    e.assert_fact(n, {Value(1)});
    auto two = e.assert_fact(n, {Value(2)});
    EXPECT_EQ(e.agenda_size(), 1u);  // 2 only
    e.retract(*two);
    EXPECT_EQ(e.agenda_size(), 1u);  // 1 now
    e.run();
    EXPECT_EQ(firsts(e, "laatste"), std::vector<Value>{Value(1)});
}

TEST_F(Chain, ManyFactsStayLinear) {
    // 3,000 facts: a scanning `not` would run 4.5 million join tests, the hashed one a few thousand.
    add_last_rule();
    for (int i = 1; i <= 3000; ++i) e.assert_fact(n, {Value(i)});
    EXPECT_EQ(e.run().firings, 1u);
    EXPECT_EQ(firsts(e, "laatste"), std::vector<Value>{Value(3000)});
}

TEST(ExpressionKey, IntegerAndFloatOfOneValueJoin) {
    // 4 * 1.0 is 4.0, equal to the integer 4: they must land in one bucket.
    Engine e;
    TemplateId p = e.define_template(tmpl("p", {{"a", SlotType::integer}}));
    TemplateId q = e.define_template(tmpl("q", {{"b", SlotType::number}}));
    RuleBuilder b("r");
    b.pat(p, {bind(0, b.var("?a"))})
        .pat(q, {cmp(0, Op::eq, op(Op::mul, b.v("?a"), C(Value(1.0))))})
        .emit("r", {{"a", b.v("?a")}});
    e.add_rule(b.done());
    EXPECT_EQ(e.stats().hashed_beta_nodes, 1u);
    e.assert_fact(p, {Value(4)});
    e.assert_fact(p, {Value(5)});
    e.assert_fact(q, {Value(4)});
    e.assert_fact(q, {Value(6.0)});
    e.run();
    EXPECT_EQ(firsts(e, "r"), std::vector<Value>{Value(4)});
}

TEST(ExpressionKey, ExpressionThatFailsBlocksNothing) {
    // 10 / ?d with ?d = 0 cannot be computed: no fact joins, so the `not` holds (as with a scan).
    Engine e;
    TemplateId d = e.define_template(tmpl("d", {{"v", SlotType::integer}}));
    TemplateId n = e.define_template(tmpl("n", {{"i", SlotType::number}}));
    RuleBuilder b("r");
    b.pat(d, {bind(0, b.var("?d"))})
        .no(n, {cmp(0, Op::eq, op(Op::div, C(Value(10)), b.v("?d")))})
        .emit("r", {{"d", b.v("?d")}});
    e.add_rule(b.done());
    e.assert_fact(n, {Value(5)});
    e.assert_fact(d, {Value(0)});
    e.assert_fact(d, {Value(2)});  // 10 / 2 = 5: blocked
    e.assert_fact(d, {Value(3)});
    e.run();
    EXPECT_EQ(sorted(firsts(e, "r")), (std::vector<Value>{Value(0), Value(3)}));
}

TEST(ExpressionKey, ExpressionOverTheFactItselfIsNotKeyed) {
    // ?j + 1 reads the fact entering at this level: no key can be computed from the token.
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"i", SlotType::integer}, {"j", SlotType::integer}}));
    RuleBuilder b("r");
    b.pat(n, {bind(1, b.var("?j")), cmp(0, Op::eq, op(Op::add, b.v("?j"), C(Value(1))))}).emit("r", {{"j", b.v("?j")}});
    e.add_rule(b.done());
    EXPECT_EQ(e.stats().hashed_beta_nodes, 0u);
    e.assert_fact(n, {Value(2), Value(1)});
    e.assert_fact(n, {Value(2), Value(2)});
    e.run();
    EXPECT_EQ(firsts(e, "r"), std::vector<Value>{Value(1)});
}

namespace {
struct Members : ::testing::Test {
    Engine e;
    TemplateId a = e.define_template(tmpl("a", {{"x", SlotType::integer}, {"y", SlotType::integer}}));
    TemplateId b = e.define_template(tmpl("b", {{"v", SlotType::integer}, {"w", SlotType::integer}}));
};
}  // namespace

TEST_F(Members, JoinOnAListIsHashedAndGivesEachFactOnce) {
    RuleBuilder r("r");
    r.pat(a, {bind(0, r.var("?x")), bind(1, r.var("?y"))})
        .pat(b, {cmp(0, Op::in, list_of({r.v("?x"), r.v("?y"), C(Value(3))})), bind(1, r.var("?w"))})
        .emit("r", {{"w", r.v("?w")}});
    e.add_rule(r.done());
    EXPECT_EQ(e.stats().hashed_beta_nodes, 1u);
    for (int v = 1; v <= 5; ++v) e.assert_fact(b, {Value(v), Value(10 * v)});
    e.assert_fact(a, {Value(1), Value(1)});  // 1 twice in the list: b(1) once, and b(3)
    e.assert_fact(a, {Value(2), Value(5)});  // b(2), b(3), b(5)
    e.run();
    EXPECT_EQ(sorted(firsts(e, "r")), (std::vector<Value>{Value(10), Value(20), Value(30), Value(30), Value(50)}));
}

TEST_F(Members, JoinOnAListGivesItsMatchesInFactOrder) {
    // A new token finds its facts in several buckets; they come out in the order one bucket keeps
    // (by fact age), not per list element, so the activations are those of an index on `w` alone.
    RuleBuilder r("r");
    r.pat(a, {bind(0, r.var("?x")), bind(1, r.var("?y"))})
        .pat(b, {cmp(0, Op::in, list_of({r.v("?x"), r.v("?y")})), bind(1, r.var("?w"))})
        .emit("r", {{"w", r.v("?w")}});
    e.add_rule(r.done());
    e.assert_fact(b, {Value(2), Value(1)});
    e.assert_fact(b, {Value(1), Value(2)});
    e.assert_fact(b, {Value(2), Value(3)});
    e.assert_fact(b, {Value(1), Value(4)});
    e.assert_fact(a, {Value(1), Value(2)});
    e.run();
    std::vector<Value> got = firsts(e, "r");
    ASSERT_EQ(got.size(), 4u);
    // Monotonic in fact age, whichever way the agenda takes one propagation's activations.
    bool up = std::is_sorted(got.begin(), got.end(), [](const Value& x, const Value& y) { return x.as_int() < y.as_int(); });
    bool down = std::is_sorted(got.begin(), got.end(), [](const Value& x, const Value& y) { return x.as_int() > y.as_int(); });
    EXPECT_TRUE(up || down);
}

TEST_F(Members, NegationOnAListBlocksAndUnblocks) {
    RuleBuilder r("r");
    r.pat(a, {bind(0, r.var("?x")), bind(1, r.var("?y"))})
        .no(b, {cmp(0, Op::in, list_of({r.v("?x"), r.v("?y")}))})
        .emit("r", {{"x", r.v("?x")}});
    e.add_rule(r.done());
    EXPECT_EQ(e.stats().hashed_beta_nodes, 1u);
    e.assert_fact(a, {Value(1), Value(2)});
    e.assert_fact(a, {Value(3), Value(4)});
    EXPECT_EQ(e.agenda_size(), 2u);
    auto b2 = e.assert_fact(b, {Value(2), Value(0)});
    auto b1 = e.assert_fact(b, {Value(1), Value(0)});
    EXPECT_EQ(e.agenda_size(), 1u);  // a(1 2) blocked twice over
    e.retract(*b2);
    EXPECT_EQ(e.agenda_size(), 1u);  // still blocked by b(1), found in the other bucket
    e.retract(*b1);
    EXPECT_EQ(e.agenda_size(), 2u);
    e.run();
    EXPECT_EQ(sorted(firsts(e, "r")), (std::vector<Value>{Value(1), Value(3)}));
}

TEST_F(Members, ExistsAndCountOnAListCountEachFactOnce) {
    RuleBuilder r("r");
    r.pat(a, {bind(0, r.var("?x")), bind(1, r.var("?y"))})
        .exists(b, {cmp(0, Op::in, list_of({r.v("?x"), r.v("?y")}))})
        .aggregate("?n", AggregateKind::count, b, {cmp(0, Op::in, list_of({r.v("?x"), r.v("?y")}))})
        .emit("r", {{"n", r.v("?n")}});
    e.add_rule(r.done());
    EXPECT_EQ(e.stats().hashed_beta_nodes, 2u);
    e.assert_fact(b, {Value(7), Value(0)});
    e.assert_fact(b, {Value(7), Value(1)});
    e.assert_fact(b, {Value(8), Value(0)});
    e.assert_fact(a, {Value(7), Value(7)});  // one bucket, not two: 2 facts
    e.assert_fact(a, {Value(7), Value(8)});  // 3 facts
    e.assert_fact(a, {Value(9), Value(9)});  // none: exists fails
    e.run();
    EXPECT_EQ(sorted(firsts(e, "r")), (std::vector<Value>{Value(2), Value(3)}));
}

TEST_F(Members, NotInAndListsOfExpressionsAreNotKeyed) {
    RuleBuilder r("r");
    r.pat(a, {bind(0, r.var("?x")), bind(1, r.var("?y"))})
        .no(b, {cmp(0, Op::in, list_of({r.v("?x"), r.v("?y")}), true)})
        .no(b, {cmp(0, Op::in, list_of({op(Op::add, r.v("?x"), C(Value(2)))}))})
        .emit("r", {{"x", r.v("?x")}});
    e.add_rule(r.done());
    EXPECT_EQ(e.stats().hashed_beta_nodes, 0u);
    e.assert_fact(a, {Value(1), Value(2)});
    e.assert_fact(b, {Value(1), Value(0)});
    e.assert_fact(b, {Value(2), Value(0)});
    e.run();
    EXPECT_EQ(firsts(e, "r"), std::vector<Value>{Value(1)});
}

TEST_F(Members, AFactBlockingTokensOfTwoNodes) {
    // One fact blocks a token of each of two rules' `not`s; retracting it unblocks both, and a
    // second blocker of one of them keeps that one blocked.
    RuleBuilder r1("r1");
    r1.pat(a, {bind(0, r1.var("?x"))}).no(b, {bind(0, r1.var("?x"))}).emit("r1", {{"x", r1.v("?x")}});
    e.add_rule(r1.done());
    RuleBuilder r2("r2");
    r2.pat(a, {bind(1, r2.var("?y"))}).no(b, {bind(1, r2.var("?y"))}).emit("r2", {{"y", r2.v("?y")}});
    e.add_rule(r2.done());
    e.assert_fact(a, {Value(1), Value(2)});
    auto both = e.assert_fact(b, {Value(1), Value(2)});
    e.assert_fact(b, {Value(5), Value(2)});
    EXPECT_EQ(e.agenda_size(), 0u);
    e.retract(*both);
    EXPECT_EQ(e.agenda_size(), 1u);
    e.run();
    EXPECT_EQ(firsts(e, "r1"), std::vector<Value>{Value(1)});
    EXPECT_TRUE(firsts(e, "r2").empty());
}
