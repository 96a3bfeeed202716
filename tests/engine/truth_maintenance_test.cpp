// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
// a(x) -> b(x) -> c(x), both logical: a chain of support.
struct Tms : ::testing::Test {
    Engine e;
    TemplateId a = e.define_template(tmpl("a", {{"x", SlotType::integer}}));
    TemplateId b = e.define_template(tmpl("b", {{"x", SlotType::integer}}));
    TemplateId c = e.define_template(tmpl("c", {{"x", SlotType::integer}}));
    TemplateId stop = e.define_template(tmpl("stop", {{"x", SlotType::integer}}));
    void chain(bool logical = true) {
        RuleBuilder r1("ab");
        if (logical) r1.logical();
        r1.pat(a, {bind(0, r1.var("?x"))}).no(stop, {bind(0, r1.var("?x"))}).assert_(b, {{0, r1.v("?x")}});
        e.add_rule(r1.done());
        RuleBuilder r2("bc");
        if (logical) r2.logical();
        r2.pat(b, {bind(0, r2.var("?x"))}).assert_(c, {{0, r2.v("?x")}});
        e.add_rule(r2.done());
    }
};
}  // namespace

TEST_F(Tms, RetractingSupportRetractsChain) {
    chain();
    auto fa = e.assert_fact(a, {Value(1)});
    e.assert_fact(a, {Value(2)});
    e.run();
    EXPECT_EQ(e.facts_of(c).size(), 2u);
    e.retract(*fa);
    EXPECT_EQ(e.facts_of(b).size(), 1u);
    EXPECT_EQ(e.facts_of(c).size(), 1u);
    EXPECT_EQ(e.facts_of(c)[0]->slots[0], Value(2));
}

TEST_F(Tms, NegationTurningFalseRemovesSupport) {
    chain();
    e.assert_fact(a, {Value(1)});
    e.run();
    EXPECT_EQ(e.facts_of(c).size(), 1u);
    e.assert_fact(stop, {Value(1)});
    EXPECT_EQ(e.facts_of(b).size(), 0u);
    EXPECT_EQ(e.facts_of(c).size(), 0u);
}

TEST_F(Tms, UnconditionalAssertKeepsFact) {
    chain();
    auto fa = e.assert_fact(a, {Value(1)});
    e.run();
    EXPECT_FALSE(e.assert_fact(b, {Value(1)}));  // exists already; now also unconditional
    e.retract(*fa);
    EXPECT_EQ(e.facts_of(b).size(), 1u);
    EXPECT_EQ(e.facts_of(c).size(), 1u);
}

TEST_F(Tms, TwoSupportsBothMustGo) {
    chain();
    RuleBuilder r("ook_b");
    r.logical().pat(stop, {bind(0, r.var("?x"))}).assert_(b, {{0, r.v("?x")}});
    e.add_rule(r.done());
    auto fa = e.assert_fact(a, {Value(7)});
    e.run();
    auto fs = e.assert_fact(stop, {Value(7)});  // blocks ab, but supports b via ook_b
    e.run();
    EXPECT_EQ(e.facts_of(b).size(), 1u);
    e.retract(*fs);  // ook_b's support goes; ab matches again but has not fired yet
    EXPECT_EQ(e.facts_of(b).size(), 0u);
    e.run();
    EXPECT_EQ(e.facts_of(b).size(), 1u);
    e.retract(*fa);
    EXPECT_EQ(e.facts_of(b).size(), 0u);
}

TEST_F(Tms, NonLogicalRulesKeepTheirFacts) {
    chain(false);
    auto fa = e.assert_fact(a, {Value(1)});
    e.run();
    e.retract(*fa);
    EXPECT_EQ(e.facts_of(b).size(), 1u);
    EXPECT_EQ(e.facts_of(c).size(), 1u);
}
