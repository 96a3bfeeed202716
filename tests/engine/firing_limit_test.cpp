// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

TEST(FiringLimit, LoopIsReportedWithItsRules) {
    Engine e;
    auto t = e.define_template(tmpl("teller", {{"n", SlotType::integer}}));
    auto s = e.define_template(tmpl("start", {{"x", SlotType::integer}}));
    RuleBuilder once("eenmalig");
    once.salience(100).pat(s, {}).emit("x", {{"x", C(Value(1))}});
    e.add_rule(once.done());
    RuleBuilder b("ophogen");
    b.fpat("?f", t, {bind(0, b.var("?n"))}).modify(b.v("?f"), {{0, op(Op::add, b.v("?n"), C(Value(1)))}});
    e.add_rule(b.done());
    e.assert_fact(s, {Value(0)});
    e.assert_fact(t, {Value(0)});
    RunOptions opts;
    opts.max_firings = 500;
    try {
        e.run(opts);
        FAIL() << "geen FiringLimitError";
    } catch (const FiringLimitError& err) {
        EXPECT_EQ(err.limit, 500u);
        ASSERT_FALSE(err.rules.empty());
        EXPECT_EQ(err.rules[0], "ophogen");
        EXPECT_NE(std::string(err.what()).find("ophogen"), std::string::npos);
    }
    EXPECT_EQ(e.firing_log().size(), 500u);
}

TEST(FiringLimit, ExactlyTheLimitIsNoError) {
    Engine e;
    auto t = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("r");
    b.pat(t, {bind(0, b.var("?v"))}).emit("x", {{"v", b.v("?v")}});
    e.add_rule(b.done());
    for (int i = 0; i < 5; ++i) e.assert_fact(t, {Value(i)});
    RunOptions opts;
    opts.max_firings = 5;
    EXPECT_EQ(e.run(opts).firings, 5u);
}

TEST(FiringLimit, OnFireSeesEveryFiring) {
    Engine e;
    auto t = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("r");
    b.pat(t, {bind(0, b.var("?v"))});
    e.add_rule(b.done());
    for (int i = 0; i < 3; ++i) e.assert_fact(t, {Value(i)});
    std::vector<Value> seen;
    RunOptions opts;
    opts.on_fire = [&](const FiringInfo& f) { seen.push_back(f.bindings.at(0)); };
    e.run(opts);
    EXPECT_EQ(seen, (std::vector<Value>{2, 1, 0}));
}
