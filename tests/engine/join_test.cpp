// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

struct Family : ::testing::Test {
    Engine e;
    TemplateId parent = e.define_template(tmpl("parent", {{"p", SlotType::symbol}, {"c", SlotType::symbol}}));
    TemplateId gp = e.define_template(tmpl("grandparent", {{"g", SlotType::symbol}, {"c", SlotType::symbol}}));
    void add_rule() {
        RuleBuilder b("grand");
        b.pat(parent, {bind(0, b.var("?g")), bind(1, b.var("?p"))})
            .pat(parent, {bind(0, b.var("?p")), bind(1, b.var("?c"))})
            .assert_(gp, {{0, b.v("?g")}, {1, b.v("?c")}})
            .emit("gp", {{"g", b.v("?g")}, {"c", b.v("?c")}});
        e.add_rule(b.done());
    }
    void fact(const char* p, const char* c) { e.assert_fact(parent, {Value::symbol(p), Value::symbol(c)}); }
};

}  // namespace

TEST_F(Family, JoinsOnSharedVariable) {
    add_rule();
    fact("a", "b");
    fact("b", "c");
    fact("b", "d");
    fact("x", "y");
    auto r = e.run();
    EXPECT_EQ(r.firings, 2u);
    EXPECT_EQ(e.facts_of(gp).size(), 2u);
    for (const Fact* f : e.facts_of(gp)) EXPECT_EQ(f->slots[0], Value::symbol("a"));
}

TEST_F(Family, RuleAddedAfterFactsMatchesThem) {
    fact("a", "b");
    fact("b", "c");
    add_rule();
    EXPECT_EQ(e.agenda_size(), 1u);
    e.run();
    ASSERT_EQ(e.records().size(), 1u);
    EXPECT_EQ(e.records()[0].fields[1].second, Value::symbol("c"));
    EXPECT_EQ(e.records()[0].rule_id, "grand");
}

TEST_F(Family, IncrementalAssertAfterRunTouchesOnlyNewMatches) {
    add_rule();
    fact("a", "b");
    fact("b", "c");
    e.run();
    fact("c", "d");  // new matches: (b c)(c d)
    EXPECT_EQ(e.agenda_size(), 1u);
    e.run();
    EXPECT_EQ(e.records().size(), 2u);
}

TEST_F(Family, RetractRemovesPendingActivation) {
    add_rule();
    fact("a", "b");
    auto id = e.assert_fact(parent, {Value::symbol("b"), Value::symbol("c")});
    ASSERT_TRUE(id);
    EXPECT_EQ(e.agenda_size(), 1u);
    EXPECT_TRUE(e.retract(*id));
    EXPECT_EQ(e.agenda_size(), 0u);
    EXPECT_FALSE(e.retract(*id));
    EXPECT_EQ(e.run().firings, 0u);
}

TEST_F(Family, SameFactTwiceInOneMatchOnlyOnce) {
    // parent(a a) joins with itself: one match, not two.
    add_rule();
    fact("a", "a");
    EXPECT_EQ(e.run().firings, 1u);
}

TEST(Join, SlotTestsAgainstVariables) {
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("lt");
    b.pat(n, {bind(0, b.var("?a"))}).pat(n, {bind(0, b.var("?b")), cmp(0, Op::gt, b.v("?a"))})
        .emit("pair", {{"a", b.v("?a")}, {"b", b.v("?b")}});
    e.add_rule(b.done());
    for (int i = 0; i < 5; ++i) e.assert_fact(n, {Value(i)});
    e.run();
    EXPECT_EQ(e.records().size(), 10u);  // 5 choose 2
}

TEST(Join, NumericEqualityAcrossIntAndFloat) {
    Engine e;
    auto a = e.define_template(tmpl("a", {{"v", SlotType::number}}));
    auto b = e.define_template(tmpl("b", {{"v", SlotType::number}}));
    RuleBuilder r("eq");
    r.pat(a, {bind(0, r.var("?x"))}).pat(b, {bind(0, r.var("?x"))}).emit("m", {{"x", r.v("?x")}});
    e.add_rule(r.done());
    e.assert_fact(a, {Value(1)});
    e.assert_fact(b, {Value(1.0)});
    e.assert_fact(b, {Value(2.0)});
    EXPECT_EQ(e.run().firings, 1u);
}

TEST(Join, ActionErrorNamesRule) {
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("deler");
    b.pat(n, {bind(0, b.var("?v"))}).emit("x", {{"q", op(Op::div, C(Value(1)), b.v("?v"))}});
    e.add_rule(b.done());
    e.assert_fact(n, {Value(0)});
    try {
        e.run();
        FAIL() << "geen ActionError";
    } catch (const ActionError& err) {
        EXPECT_EQ(err.rule_id, "deler");
        EXPECT_NE(std::string(err.what()).find("deling door nul"), std::string::npos);
    }
}

TEST(Join, AssertOfWrongTypeInActionIsActionError) {
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    auto s = e.define_template(tmpl("s", {{"v", SlotType::string}}));
    RuleBuilder b("typefout");
    b.pat(n, {bind(0, b.var("?v"))}).assert_(s, {{0, b.v("?v")}});
    e.add_rule(b.done());
    e.assert_fact(n, {Value(3)});
    EXPECT_THROW(e.run(), ActionError);
}

TEST(Join, UnboundVariableMakesRuleUnbuildable) {
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("los");
    b.pat(n, {cmp(0, Op::gt, b.v("?nergens"))});
    EXPECT_THROW(e.add_rule(b.done()), std::invalid_argument);
    RuleBuilder c("los2");
    c.pat(n, {}).emit("x", {{"w", c.v("?ook_nergens")}});
    EXPECT_THROW(e.add_rule(c.done()), std::invalid_argument);
    EXPECT_EQ(e.rules().size(), 0u);
}

// A front end other than the rule language may put read() in a condition: the engine refuses it
// (the network would read input whenever it evaluates the condition, even while building).
TEST(Join, ReadingInputInAConditionMakesRuleUnbuildable) {
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::any}}));
    RuleBuilder b("leest");
    b.pat(n, {cmp(0, Op::eq, Expr::call_of("read", {}))});
    try {
        e.add_rule(b.done());
        FAIL() << "verwacht std::invalid_argument";
    } catch (const std::invalid_argument& err) {
        EXPECT_EQ(std::string(err.what()), "regel 'leest': read() leest invoer en staat alleen in een actie, niet in een conditie");
    }
    EXPECT_EQ(e.rules().size(), 0u);
}

TEST(Join, ModifyAndRetractActions) {
    Engine e;
    auto cnt = e.define_template(tmpl("teller", {{"n", SlotType::integer}}));
    RuleBuilder b("tel");
    b.fpat("?f", cnt, {bind(0, b.var("?n")), cmp(0, Op::lt, C(Value(5)))})
        .modify(b.v("?f"), {{0, op(Op::add, b.v("?n"), C(Value(1)))}});
    e.add_rule(b.done());
    RuleBuilder d("weg");
    d.fpat("?f", cnt, {cmp(0, Op::eq, C(Value(5)))}).retract(d.v("?f")).emit("klaar", {{"x", C(Value(true))}});
    e.add_rule(d.done());
    e.assert_fact(cnt, {Value(0)});
    auto r = e.run();
    EXPECT_EQ(r.firings, 6u);
    EXPECT_EQ(e.fact_count(), 0u);
    EXPECT_EQ(e.records().size(), 1u);
}

TEST(Join, BindAndHalt) {
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("stop");
    b.pat(n, {bind(0, b.var("?v"))}).bind_("?w", op(Op::mul, b.v("?v"), C(Value(10)))).emit("x", {{"w", b.v("?w")}}).halt();
    e.add_rule(b.done());
    e.assert_fact(n, {Value(1)});
    e.assert_fact(n, {Value(2)});
    auto r = e.run();
    EXPECT_TRUE(r.halted);
    EXPECT_EQ(r.firings, 1u);
    EXPECT_EQ(firsts(e, "x"), std::vector<Value>{Value(20)});  // depth: newest first
    EXPECT_EQ(e.agenda_size(), 1u);
}

TEST(Join, EvaluationErrorWhileMatchingIsNoMatch) {
    // Matching must leave the network consistent, so an error inside a test (here 10 / 0) makes
    // that pair not match instead of aborting the update halfway.
    Engine e;
    auto n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("deel");
    b.pat(n, {bind(0, b.var("?v"))}).when(op(Op::gt, op(Op::div, C(Value(10)), b.v("?v")), C(Value(1))))
        .emit("ok", {{"v", b.v("?v")}});
    e.add_rule(b.done());
    e.assert_fact(n, {Value(0)});
    e.assert_fact(n, {Value(2)});
    e.run();
    EXPECT_EQ(firsts(e, "ok"), std::vector<Value>{Value(2)});
}
