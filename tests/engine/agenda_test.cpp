// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Order : ::testing::Test {
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    void rule(const std::string& id, int salience) {
        RuleBuilder b(id);
        b.salience(salience).pat(n, {bind(0, b.var("?v"))}).emit("f", {{"v", b.v("?v")}, {"r", str(id)}});
        e.add_rule(b.done());
    }
    std::vector<Value> order() const { return firsts(e, "f"); }
};
}  // namespace

TEST_F(Order, DepthFiresNewestFirst) {
    rule("r", 0);
    for (int i = 1; i <= 3; ++i) e.assert_fact(n, {Value(i)});
    e.run();
    EXPECT_EQ(order(), (std::vector<Value>{3, 2, 1}));
}

TEST_F(Order, BreadthFiresOldestFirst) {
    e.set_strategy(Strategy::breadth);
    EXPECT_EQ(e.strategy(), Strategy::breadth);
    rule("r", 0);
    for (int i = 1; i <= 3; ++i) e.assert_fact(n, {Value(i)});
    e.run();
    EXPECT_EQ(order(), (std::vector<Value>{1, 2, 3}));
}

TEST_F(Order, SalienceFirst) {
    rule("laag", -5);
    rule("hoog", 10);
    e.assert_fact(n, {Value(1)});
    e.assert_fact(n, {Value(2)});
    e.run();
    std::vector<std::string> rules;
    for (const Record& r : e.records()) rules.push_back(std::string(r.fields[1].second.as_text()));
    EXPECT_EQ(rules, (std::vector<std::string>{"hoog", "hoog", "laag", "laag"}));
    EXPECT_EQ(order(), (std::vector<Value>{2, 1, 2, 1}));
}

TEST_F(Order, NewActivationsDuringRunGoFirstUnderDepth) {
    auto m = e.define_template(tmpl("m", {{"v", SlotType::integer}}));
    RuleBuilder b("maak");
    b.pat(n, {bind(0, b.var("?v"))}).assert_(m, {{0, b.v("?v")}}).emit("f", {{"v", b.v("?v")}});
    e.add_rule(b.done());
    RuleBuilder c("volg");
    c.pat(m, {bind(0, c.var("?v"))}).emit("f", {{"v", op(Op::mul, c.v("?v"), C(Value(10)))}});
    e.add_rule(c.done());
    e.assert_fact(n, {Value(1)});
    e.assert_fact(n, {Value(2)});
    e.run();
    EXPECT_EQ(order(), (std::vector<Value>{2, 20, 1, 10}));
}

TEST_F(Order, RefractionFiresEachMatchOnce) {
    rule("r", 0);
    e.assert_fact(n, {Value(1)});
    EXPECT_EQ(e.run().firings, 1u);
    EXPECT_EQ(e.run().firings, 0u);
    auto other = e.assert_fact(n, {Value(2)});
    EXPECT_EQ(e.run().firings, 1u);
    // A new fact is a new match: retract and assert again fires again.
    e.retract(*other);
    e.assert_fact(n, {Value(2)});
    EXPECT_EQ(e.run().firings, 1u);
}

TEST_F(Order, DeterministicRunToRun) {
    std::vector<std::vector<Value>> runs;
    for (int k = 0; k < 3; ++k) {
        Engine x;
        auto t = x.define_template(tmpl("n", {{"v", SlotType::integer}}));
        RuleBuilder b("r");
        b.pat(t, {bind(0, b.var("?a"))}).pat(t, {bind(0, b.var("?b")), cmp(0, Op::ne, b.v("?a"))})
            .emit("f", {{"v", op(Op::add, op(Op::mul, b.v("?a"), C(Value(100))), b.v("?b"))}});
        x.add_rule(b.done());
        for (int i = 0; i < 6; ++i) x.assert_fact(t, {Value(i)});
        x.run();
        runs.push_back(firsts(x, "f"));
    }
    EXPECT_EQ(runs[0].size(), 30u);
    EXPECT_EQ(runs[0], runs[1]);
    EXPECT_EQ(runs[1], runs[2]);
}
