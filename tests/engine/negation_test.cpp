// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Negation : ::testing::Test {
    Engine e;
    TemplateId wijk = e.define_template(tmpl("wijk", {{"naam", SlotType::symbol}}));
    TemplateId meting = e.define_template(tmpl("meting", {{"wijk", SlotType::symbol}, {"v", SlotType::integer}}));
    void add() {
        RuleBuilder b("zonder");
        b.pat(wijk, {bind(0, b.var("?w"))}).no(meting, {bind(0, b.var("?w"))}).emit("zonder", {{"w", b.v("?w")}});
        e.add_rule(b.done());
    }
};
}  // namespace

TEST_F(Negation, FiresOnlyWithoutMatchingFact) {
    add();
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(wijk, {Value::symbol("b")});
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    e.run();
    EXPECT_EQ(firsts(e, "zonder"), std::vector<Value>{Value::symbol("b")});
}

TEST_F(Negation, AssertingBlockerRemovesActivation) {
    add();
    e.assert_fact(wijk, {Value::symbol("a")});
    EXPECT_EQ(e.agenda_size(), 1u);
    auto m1 = e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    auto m2 = e.assert_fact(meting, {Value::symbol("a"), Value(2)});
    EXPECT_EQ(e.agenda_size(), 0u);
    e.retract(*m1);
    EXPECT_EQ(e.agenda_size(), 0u);  // still blocked by m2
    e.retract(*m2);
    EXPECT_EQ(e.agenda_size(), 1u);
    EXPECT_EQ(e.run().firings, 1u);
}

TEST_F(Negation, LocalVariablesInsideNot) {
    // not meting(wijk: ?w, v: ?x): ?x is local; any meting for ?w blocks.
    RuleBuilder b("lokaal");
    b.pat(wijk, {bind(0, b.var("?w"))}).no(meting, {bind(0, b.var("?w")), bind(1, b.var("?x"))}).emit("l", {{"w", b.v("?w")}});
    e.add_rule(b.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(5)});
    EXPECT_EQ(e.run().firings, 0u);
    // A later use of the local variable is an error: it is not bound outside the not.
    RuleBuilder c("fout");
    c.pat(wijk, {bind(0, c.var("?w"))}).no(meting, {bind(0, c.var("?w")), bind(1, c.var("?x"))}).emit("l", {{"x", c.v("?x")}});
    EXPECT_THROW(e.add_rule(c.done()), std::invalid_argument);
}

TEST_F(Negation, NotAsFirstConditionAndWithTests) {
    RuleBuilder b("leeg");
    b.no(meting, {cmp(1, Op::gt, C(Value(10)))}).emit("leeg", {{"x", C(Value(true))}});
    e.add_rule(b.done());
    EXPECT_EQ(e.agenda_size(), 1u);
    e.assert_fact(meting, {Value::symbol("a"), Value(3)});
    EXPECT_EQ(e.agenda_size(), 1u);
    e.assert_fact(meting, {Value::symbol("a"), Value(30)});
    EXPECT_EQ(e.agenda_size(), 0u);
}

TEST_F(Negation, RetractingPositiveFactCleansNegationTokens) {
    add();
    auto w = e.assert_fact(wijk, {Value::symbol("a")});
    e.retract(*w);
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    EXPECT_EQ(e.stats().tokens, 0u);
}
