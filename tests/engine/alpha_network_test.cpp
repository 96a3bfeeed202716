// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Alpha : ::testing::Test {
    Engine e;
    TemplateId m = e.define_template(tmpl("meting", {{"indicator", SlotType::symbol}, {"waarde", SlotType::number}}));
    void rule(const std::string& id, std::vector<SlotConstraint> cs) {
        RuleBuilder b(id);
        b.pat(m, std::move(cs)).emit(id, {{"x", C(Value(1))}});
        e.add_rule(b.done());
    }
    std::size_t fired(const std::string& id) const { return firsts(e, id).size(); }
};
}  // namespace

TEST_F(Alpha, ConstantEqualityDispatchesOnValue) {
    for (int i = 0; i < 50; ++i) rule("r" + std::to_string(i), {cmp(0, Op::eq, sym("i" + std::to_string(i)))});
    e.assert_fact(m, {Value::symbol("i7"), Value(1)});
    e.assert_fact(m, {Value::symbol("i42"), Value(1)});
    e.assert_fact(m, {Value::symbol("nergens"), Value(1)});
    EXPECT_EQ(e.run().firings, 2u);
    EXPECT_EQ(fired("r7"), 1u);
    EXPECT_EQ(fired("r42"), 1u);
    // One root, 50 dispatch children, 50 memories.
    EXPECT_EQ(e.stats().alpha_memories, 50u);
    EXPECT_EQ(e.stats().alpha_nodes, 51u);
}

TEST_F(Alpha, EqualPathsShareNodesAndMemories) {
    rule("a", {cmp(0, Op::eq, sym("x")), cmp(1, Op::gt, C(Value(3)))});
    auto before = e.stats();
    rule("b", {cmp(1, Op::gt, C(Value(3))), cmp(0, Op::eq, sym("x"))});  // same tests, other order
    auto after = e.stats();
    EXPECT_EQ(after.alpha_nodes, before.alpha_nodes);
    EXPECT_EQ(after.alpha_memories, before.alpha_memories);
    e.assert_fact(m, {Value::symbol("x"), Value(4)});
    e.assert_fact(m, {Value::symbol("x"), Value(3)});
    e.run();
    EXPECT_EQ(fired("a"), 1u);
    EXPECT_EQ(fired("b"), 1u);
}

TEST_F(Alpha, OtherSingleFactTests) {
    rule("ne", {cmp(0, Op::ne, sym("x"))});
    rule("le", {cmp(1, Op::le, C(Value(2.5)))});
    rule("in", {cmp(0, Op::in, Expr::make(Op::list, {sym("a"), sym("b")}))});
    rule("notin", {cmp(0, Op::in, Expr::make(Op::list, {sym("a"), sym("b")}), true)});
    rule("expr", {cmp(1, Op::eq, op(Op::mul, C(Value(2)), C(Value(3))))});
    e.assert_fact(m, {Value::symbol("x"), Value(6)});
    e.assert_fact(m, {Value::symbol("a"), Value(2)});
    e.assert_fact(m, {Value::symbol("c"), Value(2.5)});
    e.run();
    EXPECT_EQ(fired("ne"), 2u);
    EXPECT_EQ(fired("le"), 2u);
    EXPECT_EQ(fired("in"), 1u);
    EXPECT_EQ(fired("notin"), 2u);
    EXPECT_EQ(fired("expr"), 1u);
}

// Integer against integer is compared in place (AlphaTest::passes), the rest by compare_values: both
// give the same answers, negated or not, and a float slot value meets an integer constant as a number.
TEST_F(Alpha, IntegerComparisonsInPlaceAgreeWithTheGeneralOnes) {
    rule("lt", {cmp(1, Op::lt, C(Value(3)))});
    rule("le", {cmp(1, Op::le, C(Value(3)))});
    rule("gt", {cmp(1, Op::gt, C(Value(3)))});
    rule("ge", {cmp(1, Op::ge, C(Value(3)))});
    rule("niet-lt", {cmp(1, Op::lt, C(Value(3)), true)});
    rule("ne", {cmp(1, Op::ne, C(Value(3)))});
    rule("niet-ne", {cmp(1, Op::ne, C(Value(3)), true)});
    for (Value v : {Value(2), Value(3), Value(4), Value(3.0), Value(2.5)}) e.assert_fact(m, {Value::symbol("x"), v});
    e.run();
    EXPECT_EQ(fired("lt"), 2u);       // 2, 2.5
    EXPECT_EQ(fired("le"), 4u);       // 2, 3, 3.0, 2.5
    EXPECT_EQ(fired("gt"), 1u);       // 4
    EXPECT_EQ(fired("ge"), 3u);       // 3, 4, 3.0
    EXPECT_EQ(fired("niet-lt"), 3u);  // 3, 4, 3.0
    EXPECT_EQ(fired("ne"), 3u);       // 2, 4, 2.5
    EXPECT_EQ(fired("niet-ne"), 2u);  // 3, 3.0
}

TEST_F(Alpha, IncomparableValuesDoNotMatch) {
    auto any = e.define_template(tmpl("vrij", {{"v", SlotType::any}}));
    RuleBuilder b("groot");
    b.pat(any, {cmp(0, Op::gt, C(Value(3)))}).emit("groot", {{"x", C(Value(1))}});
    e.add_rule(b.done());
    e.assert_fact(any, {Value::string("tekst")});
    e.assert_fact(any, {Value(5)});
    EXPECT_EQ(e.run().firings, 1u);
}

TEST_F(Alpha, IntraPatternVariableEquality) {
    auto pair = e.define_template(tmpl("paar", {{"a", SlotType::integer}, {"b", SlotType::integer}}));
    RuleBuilder b("gelijk");
    b.pat(pair, {bind(0, b.var("?x")), bind(1, b.var("?x"))}).emit("gelijk", {{"x", b.v("?x")}});
    e.add_rule(b.done());
    e.assert_fact(pair, {Value(1), Value(1)});
    e.assert_fact(pair, {Value(1), Value(2)});
    e.run();
    EXPECT_EQ(firsts(e, "gelijk"), std::vector<Value>{Value(1)});
}
