// SPDX-License-Identifier: EUPL-1.2
// Logical support from the first conditions only (RuleDef::logical_prefix, CLIPS's `(logical ...)`
// around a prefix): facts stay when a later condition stops holding, go when the prefix's match
// goes, and firings over one prefix match share it; with a negation in the prefix, a prefix joined
// out of its written order, alternatives, a rule added to a full memory, and rollback.
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

struct LogicalPrefix : ::testing::Test {
    Engine e;
    TemplateId a = e.define_template(tmpl("a", {{"x", SlotType::integer}}));
    TemplateId b = e.define_template(tmpl("b", {{"x", SlotType::integer}, {"y", SlotType::integer}}));
    TemplateId c = e.define_template(tmpl("c", {{"x", SlotType::integer}}));
    TemplateId s = e.define_template(tmpl("s", {{"x", SlotType::integer}}));
    TemplateId ctl = e.define_template(tmpl("ctl", {{"n", SlotType::integer}}));

    // a(?x), b(?x, ?y) => assert c(?x); the facts rest on the first `prefix` conditions.
    void a_b_to_c(std::uint32_t prefix) {
        RuleBuilder r("ab");
        r.logical().pat(a, {bind(0, r.var("?x"))}).pat(b, {bind(0, r.var("?x")), bind(1, r.var("?y"))});
        r.assert_(c, {{0, r.v("?x")}});
        RuleDef d = r.done();
        d.logical_prefix = {prefix};
        e.add_rule(std::move(d));
    }
    std::size_t cs() { return e.facts_of(c).size(); }
};

}  // namespace

TEST_F(LogicalPrefix, FactsStayWhenALaterConditionGoes) {
    a_b_to_c(1);
    auto fa = e.assert_fact(a, {Value(1)});
    auto fb = e.assert_fact(b, {Value(1), Value(1)});
    e.run();
    EXPECT_EQ(cs(), 1u);
    e.retract(*fb);
    EXPECT_EQ(cs(), 1u);  // b is outside the prefix
    e.retract(*fa);
    EXPECT_EQ(cs(), 0u);  // the prefix's match is gone
}

// The whole match (logical_prefix = all conditions) behaves as logical: true.
TEST_F(LogicalPrefix, AllConditionsIsTheWholeMatch) {
    a_b_to_c(2);
    e.assert_fact(a, {Value(1)});
    auto fb = e.assert_fact(b, {Value(1), Value(1)});
    e.run();
    EXPECT_EQ(cs(), 1u);
    e.retract(*fb);
    EXPECT_EQ(cs(), 0u);
}

TEST_F(LogicalPrefix, FiringsOverOnePrefixShareIt) {
    a_b_to_c(1);
    auto fa = e.assert_fact(a, {Value(1)});
    auto fb1 = e.assert_fact(b, {Value(1), Value(1)});
    auto fb2 = e.assert_fact(b, {Value(1), Value(2)});
    EXPECT_EQ(e.run().firings, 2u);
    EXPECT_EQ(cs(), 1u);
    e.retract(*fb1);
    e.retract(*fb2);
    EXPECT_EQ(cs(), 1u);
    // A new b fires again and asserts the same fact: still one, still resting on a.
    e.assert_fact(b, {Value(1), Value(3)});
    e.run();
    EXPECT_EQ(cs(), 1u);
    e.retract(*fa);
    EXPECT_EQ(cs(), 0u);
}

// Support from a prefix is one more support: an unconditional assert of the same fact keeps it.
TEST_F(LogicalPrefix, UnconditionalAssertKeepsTheFact) {
    a_b_to_c(1);
    auto fa = e.assert_fact(a, {Value(1)});
    e.assert_fact(b, {Value(1), Value(1)});
    e.run();
    EXPECT_FALSE(e.assert_fact(c, {Value(1)}));  // there already; now also unconditional
    e.retract(*fa);
    EXPECT_EQ(cs(), 1u);
}

// a(?x), not s(?x) | b(?x, ?y): a fact s(?x) takes the prefix's match away.
TEST_F(LogicalPrefix, NegationInThePrefix) {
    RuleBuilder r("ab");
    r.logical().pat(a, {bind(0, r.var("?x"))}).no(s, {bind(0, r.var("?x"))}).pat(b, {bind(0, r.var("?x")), bind(1, r.var("?y"))});
    r.assert_(c, {{0, r.v("?x")}});
    RuleDef d = r.done();
    d.logical_prefix = {2};
    e.add_rule(std::move(d));
    e.assert_fact(a, {Value(1)});
    auto fb = e.assert_fact(b, {Value(1), Value(1)});
    e.run();
    e.retract(*fb);
    EXPECT_EQ(cs(), 1u);
    auto fs = e.assert_fact(s, {Value(1)});
    EXPECT_EQ(cs(), 0u);
    // The prefix matches again once s goes; the fact comes back only when the rule fires again.
    e.retract(*fs);
    e.assert_fact(b, {Value(1), Value(2)});
    e.run();
    EXPECT_EQ(cs(), 1u);
}

// A control pattern that rules retract and that shares no variable is joined last; the prefix that
// consists of it is still the prefix as written.
TEST_F(LogicalPrefix, PrefixJoinedOutOfItsWrittenOrder) {
    RuleBuilder stop("stop");
    stop.fpat("?k", ctl, {}).pat(s, {}).retract(stop.v("?k"));
    e.add_rule(stop.done());
    RuleBuilder r("ctl_a");
    r.logical().pat(ctl, {}).pat(a, {bind(0, r.var("?x"))}).assert_(c, {{0, r.v("?x")}});
    RuleDef d = r.done();
    d.logical_prefix = {1};
    e.add_rule(std::move(d));
    e.assert_fact(ctl, {Value(1)});
    auto fa1 = e.assert_fact(a, {Value(1)});
    e.assert_fact(a, {Value(2)});
    e.run();
    EXPECT_EQ(cs(), 2u);
    e.retract(*fa1);
    EXPECT_EQ(cs(), 2u);  // only ctl is the prefix
    e.assert_fact(s, {Value(0)});
    e.run();  // stop retracts ctl
    EXPECT_EQ(e.facts_of(ctl).size(), 0u);
    EXPECT_EQ(cs(), 0u);
}

TEST_F(LogicalPrefix, RuleAddedWhenTheFactsAreThere) {
    auto fa = e.assert_fact(a, {Value(1)});
    auto fb = e.assert_fact(b, {Value(1), Value(1)});
    a_b_to_c(1);
    e.run();
    EXPECT_EQ(cs(), 1u);
    e.retract(*fb);
    EXPECT_EQ(cs(), 1u);
    e.retract(*fa);
    EXPECT_EQ(cs(), 0u);
}

// Each alternative has its own prefix: a(?x) for the first, s(?x) for the second.
TEST_F(LogicalPrefix, EveryAlternativeItsOwnPrefix) {
    RuleBuilder r("alt");
    r.logical().pat(a, {bind(0, r.var("?x"))}).pat(b, {bind(0, r.var("?x")), bind(1, r.var("?y"))});
    r.alternative().pat(s, {bind(0, r.var("?x"))}).pat(b, {bind(0, r.var("?x")), bind(1, r.var("?y"))});
    r.assert_(c, {{0, r.v("?x")}});
    RuleDef d = r.done();
    d.logical_prefix = {1, 1};
    e.add_rule(std::move(d));
    auto fa = e.assert_fact(a, {Value(1)});
    auto fs = e.assert_fact(s, {Value(2)});
    auto fb1 = e.assert_fact(b, {Value(1), Value(0)});
    auto fb2 = e.assert_fact(b, {Value(2), Value(0)});
    e.run();
    EXPECT_EQ(cs(), 2u);
    e.retract(*fb1);
    e.retract(*fb2);
    EXPECT_EQ(cs(), 2u);
    e.retract(*fs);
    ASSERT_EQ(cs(), 1u);
    EXPECT_EQ(e.facts_of(c)[0]->slots[0], Value(1));
    e.retract(*fa);
    EXPECT_EQ(cs(), 0u);
}

// A rollback forgets what the run asserted, supports included: the ids it gave are given again,
// and a new fact with one of them must not lose a support it never had.
TEST_F(LogicalPrefix, RollbackForgetsTheSupports) {
    a_b_to_c(1);
    RuleBuilder r("s_ctl");
    r.logical().pat(s, {bind(0, r.var("?x"))}).assert_(ctl, {{0, r.v("?x")}});
    e.add_rule(r.done());
    auto fa = e.assert_fact(a, {Value(1)});
    e.checkpoint();
    e.assert_fact(b, {Value(1), Value(1)});
    e.run();
    EXPECT_EQ(cs(), 1u);
    e.rollback();
    EXPECT_EQ(cs(), 0u);
    // The ids of b and c are given again: to s(5) and the ctl(5) that rests on it.
    e.assert_fact(s, {Value(5)});
    e.run();
    ASSERT_EQ(e.facts_of(ctl).size(), 1u);
    e.retract(*fa);
    EXPECT_EQ(e.facts_of(ctl).size(), 1u);
}

TEST_F(LogicalPrefix, AddRuleChecksThePrefix) {
    RuleBuilder r("ab");
    r.pat(a, {bind(0, r.var("?x"))}).assert_(c, {{0, r.v("?x")}});
    RuleDef not_logical = r.done();
    not_logical.logical_prefix = {1};
    EXPECT_THROW(e.add_rule(not_logical), std::invalid_argument);
    RuleDef too_long = r.done();
    too_long.logical = true;
    too_long.logical_prefix = {2};
    EXPECT_THROW(e.add_rule(too_long), std::invalid_argument);
    RuleDef empty = too_long;
    empty.logical_prefix = {0};
    EXPECT_THROW(e.add_rule(empty), std::invalid_argument);
}
