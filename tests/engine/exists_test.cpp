// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

TEST(Exists, FiresOncePerParentMatchNotPerFact) {
    Engine e;
    auto wijk = e.define_template(tmpl("wijk", {{"naam", SlotType::symbol}}));
    auto klacht = e.define_template(tmpl("klacht", {{"wijk", SlotType::symbol}, {"n", SlotType::integer}}));
    RuleBuilder b("heeft_klachten");
    b.pat(wijk, {bind(0, b.var("?w"))}).exists(klacht, {bind(0, b.var("?w"))}).emit("k", {{"w", b.v("?w")}});
    e.add_rule(b.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(wijk, {Value::symbol("b")});
    EXPECT_EQ(e.agenda_size(), 0u);
    auto k1 = e.assert_fact(klacht, {Value::symbol("a"), Value(1)});
    auto k2 = e.assert_fact(klacht, {Value::symbol("a"), Value(2)});
    e.assert_fact(klacht, {Value::symbol("a"), Value(3)});
    EXPECT_EQ(e.agenda_size(), 1u);
    e.run();
    EXPECT_EQ(firsts(e, "k"), std::vector<Value>{Value::symbol("a")});
    // Removing some supporting facts keeps the match (refraction: no new firing).
    e.retract(*k1);
    e.retract(*k2);
    EXPECT_EQ(e.agenda_size(), 0u);
    EXPECT_EQ(e.why_not("heeft_klachten").alternatives.at(0).fired, true);
}

TEST(Exists, DisappearsWhenLastFactGoes) {
    Engine e;
    auto t = e.define_template(tmpl("t", {{"v", SlotType::integer}}));
    RuleBuilder b("ex");
    b.exists(t, {cmp(0, Op::gt, C(Value(0)))}).emit("ex", {{"x", C(Value(1))}});
    e.add_rule(b.done());
    auto a = e.assert_fact(t, {Value(1)});
    EXPECT_EQ(e.agenda_size(), 1u);
    e.retract(*a);
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(t, {Value(0)});
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(t, {Value(5)});
    EXPECT_EQ(e.run().firings, 1u);
}
