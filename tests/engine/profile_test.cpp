// SPDX-License-Identifier: EUPL-1.2
// The rule cost profile: what it counts per rule, that a shared node is divided among its rules, that
// it adds up over warm consultations, and that it counts nothing while off.
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Profile : ::testing::Test {
    Engine e;
    TemplateId a = e.define_template(tmpl("a", {{"x", SlotType::integer}}));
    TemplateId b = e.define_template(tmpl("b", {{"x", SlotType::integer}}));
    TemplateId c = e.define_template(tmpl("c", {{"x", SlotType::integer}}));
    void SetUp() override {
        // pair: every a with every b (no shared variable); derive: a(x: ?p), b(x: ?p) asserts c.
        RuleBuilder pair("pair");
        pair.pat(a, {bind(0, pair.var("?p"))}).pat(b, {bind(0, pair.var("?q"))}).emit("pair", {{"p", pair.v("?p")}});
        e.add_rule(pair.done());
        RuleBuilder derive("derive");
        derive.pat(a, {bind(0, derive.var("?p"))}).pat(b, {bind(0, derive.var("?p"))}).assert_(c, {{0, derive.v("?p")}});
        e.add_rule(derive.done());
    }
    void facts() {
        for (int i = 1; i <= 3; ++i) {
            e.assert_fact(a, {Value(i)});
            e.assert_fact(b, {Value(i)});
        }
    }
    static const RuleCost& of(const std::vector<RuleCost>& p, const std::string& id) {
        for (const auto& c : p)
            if (c.rule->id == id) return c;
        throw std::out_of_range(id);
    }
};
}  // namespace

TEST_F(Profile, CountsTokensActivationsFiringsAndFactsPerRule) {
    e.set_profiling(true);
    facts();
    e.run();
    const auto p = e.profile();
    const RuleCost& pair = of(p, "pair");
    const RuleCost& derive = of(p, "derive");
    // The first condition is one node for both rules: its 3 tokens count 1.5 for each.
    ASSERT_EQ(pair.condition_tokens.size(), 2u);
    EXPECT_DOUBLE_EQ(pair.condition_tokens[0], 1.5);
    EXPECT_DOUBLE_EQ(pair.condition_tokens[1], 9.0);  // 3 x 3 pairs
    EXPECT_DOUBLE_EQ(pair.tokens, 10.5);
    EXPECT_DOUBLE_EQ(derive.condition_tokens[1], 3.0);  // joined on ?p
    EXPECT_DOUBLE_EQ(derive.tokens, 4.5);
    EXPECT_EQ(pair.activations, 9u);
    EXPECT_EQ(pair.firings, 9u);
    EXPECT_EQ(pair.facts, 0u);
    EXPECT_EQ(derive.activations, 3u);
    EXPECT_EQ(derive.firings, 3u);
    EXPECT_EQ(derive.facts, 3u);
}

TEST_F(Profile, AddsUpOverRollbacksAndCountsNothingWhileOff) {
    e.checkpoint();
    e.set_profiling(true);
    for (int round = 0; round < 2; ++round) {
        facts();
        e.run();
        e.rollback();
    }
    const RuleCost before = of(e.profile(), "pair");
    EXPECT_DOUBLE_EQ(before.tokens, 21.0);
    EXPECT_EQ(before.firings, 18u);
    e.set_profiling(false);
    facts();
    e.run();
    const RuleCost after = of(e.profile(), "pair");
    EXPECT_EQ(after.firings, before.firings);
    EXPECT_DOUBLE_EQ(after.tokens, before.tokens);
    EXPECT_EQ(after.activations, before.activations);
    // On again: from zero.
    e.set_profiling(true);
    EXPECT_EQ(of(e.profile(), "pair").firings, 0u);
    EXPECT_DOUBLE_EQ(of(e.profile(), "pair").tokens, 0.0);
}
