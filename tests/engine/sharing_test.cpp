// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "engine/network_builder.hpp"
#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Sharing : ::testing::Test {
    Engine e;
    TemplateId a = e.define_template(tmpl("a", {{"x", SlotType::integer}, {"y", SlotType::integer}}));
    TemplateId b = e.define_template(tmpl("b", {{"x", SlotType::integer}}));
    TemplateId c = e.define_template(tmpl("c", {{"x", SlotType::integer}}));
    // a(x: ?p, y: ?q), b(x: ?q), then `last` joined on ?p; variable names given per rule.
    void rule(const std::string& id, const std::string& p, const std::string& q, TemplateId last) {
        RuleBuilder r(id);
        r.pat(a, {bind(0, r.var(p)), bind(1, r.var(q))}).pat(b, {bind(0, r.var(q))}).pat(last, {bind(0, r.var(p))})
            .emit(id, {{"p", r.v(p)}});
        e.add_rule(r.done());
    }
};
}  // namespace

TEST_F(Sharing, CommonPrefixIsSharedDespiteVariableNames) {
    rule("r1", "?p", "?q", c);
    NetworkStats s1 = e.stats();
    EXPECT_EQ(s1.beta_nodes, 3u);
    EXPECT_EQ(s1.shared_beta_nodes, 0u);
    rule("r2", "?een", "?twee", b);  // same first two conditions, other names
    NetworkStats s2 = e.stats();
    EXPECT_EQ(s2.shared_beta_nodes, 2u);
    EXPECT_EQ(s2.beta_nodes, 4u);
    rule("r3", "?x", "?y", c);  // identical to r1: all shared
    EXPECT_EQ(e.stats().shared_beta_nodes, 5u);
    EXPECT_EQ(e.stats().beta_nodes, 4u);

    e.assert_fact(a, {Value(1), Value(2)});
    e.assert_fact(b, {Value(2)});
    e.assert_fact(b, {Value(1)});
    e.assert_fact(c, {Value(1)});
    e.run();
    EXPECT_EQ(firsts(e, "r1").size(), 1u);
    EXPECT_EQ(firsts(e, "r2").size(), 1u);
    EXPECT_EQ(firsts(e, "r3").size(), 1u);
}

TEST_F(Sharing, DifferentTestsAreNotShared) {
    RuleBuilder r1("eq");
    r1.pat(a, {bind(0, r1.var("?p"))}).pat(b, {bind(0, r1.var("?p"))});
    e.add_rule(r1.done());
    RuleBuilder r2("ne");
    r2.pat(a, {bind(0, r2.var("?p"))}).pat(b, {cmp(0, Op::ne, r2.v("?p"))});
    e.add_rule(r2.done());
    EXPECT_EQ(e.stats().shared_beta_nodes, 1u);
    EXPECT_EQ(e.stats().beta_nodes, 3u);
}

TEST_F(Sharing, StatsCountFactsTokensActivations) {
    rule("r1", "?p", "?q", c);
    e.assert_fact(a, {Value(1), Value(2)});
    e.assert_fact(b, {Value(2)});
    e.assert_fact(c, {Value(1)});
    NetworkStats s = e.stats();
    EXPECT_EQ(s.facts, 3u);
    EXPECT_EQ(s.tokens, 3u);
    EXPECT_EQ(s.activations, 1u);
}

TEST_F(Sharing, ManyChildrenOfOneParentAreFoundAgain) {
    // 5,000 join nodes under the root, each with its rule's test (a test right after a pattern is
    // tested in that pattern's join): each new rule looks for an equal one among them.
    auto test_rule = [&](const std::string& id, int limit) {
        RuleBuilder r(id);
        r.pat(a, {bind(0, r.var("?p"))}).when(op(Op::gt, r.v("?p"), C(Value(limit)))).emit("boven", {{"n", C(Value(limit))}});
        e.add_rule(r.done());
    };
    for (int i = 0; i < 5000; ++i) test_rule("t" + std::to_string(i), i);
    EXPECT_EQ(e.stats().beta_nodes, 5000u);
    EXPECT_EQ(e.stats().shared_beta_nodes, 0u);
    test_rule("nog-eens-7", 7);                     // equal to t7: its node shared, nothing new
    test_rule("nieuw", -1);                         // a new join node
    EXPECT_EQ(e.stats().beta_nodes, 5001u);
    EXPECT_EQ(e.stats().shared_beta_nodes, 1u);
    e.assert_fact(a, {Value(9), Value(0)});
    EXPECT_EQ(e.agenda_size(), 11u);  // t0..t8, nog-eens-7 and nieuw
}

TEST(EngineLimits, RuleOfTooManyConditionsAndTemplateOfTooManySlots) {
    // Each condition is one recursion when matches propagate (60,000 overflowed the stack); a slot
    // number must fit the 16 bits of a token position.
    Engine e;
    TemplateId a = e.define_template(tmpl("a", {{"n", SlotType::integer}}));
    auto chain = [&](int n) {
        RuleBuilder r("keten" + std::to_string(n));
        for (int i = 0; i < n; ++i) r.pat(a, {bind(0, r.var("?v" + std::to_string(i)))});
        return r.done();
    };
    EXPECT_NO_THROW(e.add_rule(chain(kMaxConditions)));
    EXPECT_THROW(e.add_rule(chain(kMaxConditions + 1)), std::invalid_argument);
    e.assert_fact(a, {Value(1)});
    EXPECT_EQ(e.agenda_size(), 1u);  // a match 1,000 levels deep

    TemplateDef wide;
    wide.name = "breed";
    for (int i = 0; i < 30001; ++i) { SlotDef s; s.name = "s" + std::to_string(i); s.type = SlotType::integer; wide.slots.push_back(std::move(s)); }
    EXPECT_THROW(e.define_template(wide), std::invalid_argument);
    wide.slots.pop_back();
    EXPECT_NO_THROW(e.define_template(wide));
}
