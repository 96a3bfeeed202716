#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Agg : ::testing::Test {
    Engine e;
    TemplateId wijk = e.define_template(tmpl("wijk", {{"naam", SlotType::symbol}}));
    TemplateId meting = e.define_template(tmpl("meting", {{"wijk", SlotType::symbol}, {"v", SlotType::number}}));
    TemplateId uit = e.define_template(tmpl("uit", {{"wijk", SlotType::symbol}, {"v", SlotType::any}}));
    void rule(AggregateKind k) {
        RuleBuilder b("agg");
        b.logical()
            .pat(wijk, {bind(0, b.var("?w"))})
            .aggregate("?r", k, meting, {bind(0, b.var("?w")), bind(1, b.var("?v"))}, b.v("?v"))
            .assert_(uit, {{0, b.v("?w")}, {1, b.v("?r")}});
        e.add_rule(b.done());
    }
    Value result(const char* w) {
        for (const Fact* f : e.facts_of(uit))
            if (f->slots[0] == Value::symbol(w)) return f->slots[1];
        return Value::string("geen");
    }
};
}  // namespace

TEST_F(Agg, CountIsZeroOnEmptySet) {
    rule(AggregateKind::count);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.run();
    EXPECT_EQ(result("a"), Value(0));
}

TEST_F(Agg, CountFollowsAssertAndRetract) {
    rule(AggregateKind::count);
    e.assert_fact(wijk, {Value::symbol("a")});
    auto m1 = e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    e.assert_fact(meting, {Value::symbol("a"), Value(2)});
    e.assert_fact(meting, {Value::symbol("b"), Value(2)});
    e.run();
    EXPECT_EQ(result("a"), Value(2));
    e.retract(*m1);
    e.run();
    EXPECT_EQ(result("a"), Value(1));  // the old result went with its support (logical rule)
    EXPECT_EQ(e.facts_of(uit).size(), 1u);
}

TEST_F(Agg, SumIsZeroOnEmptyAndIntegerWhenAllIntegers) {
    rule(AggregateKind::sum);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(wijk, {Value::symbol("b")});
    e.assert_fact(meting, {Value::symbol("b"), Value(2)});
    e.assert_fact(meting, {Value::symbol("b"), Value(3)});
    e.run();
    EXPECT_EQ(result("a"), Value(0));
    EXPECT_EQ(result("b"), Value(5));
    EXPECT_EQ(result("b").kind(), ValueKind::integer);
    e.assert_fact(meting, {Value::symbol("b"), Value(0.5)});
    e.run();
    EXPECT_EQ(result("b"), Value(5.5));
}

TEST_F(Agg, MinMaxFailOnEmptySet) {
    rule(AggregateKind::max);
    e.assert_fact(wijk, {Value::symbol("a")});
    EXPECT_EQ(e.run().firings, 0u);
    auto m = e.assert_fact(meting, {Value::symbol("a"), Value(4)});
    e.assert_fact(meting, {Value::symbol("a"), Value(9)});
    e.run();
    EXPECT_EQ(result("a"), Value(9));
    e.retract(*m);
    e.run();
    EXPECT_EQ(result("a"), Value(9));
}

TEST_F(Agg, MinOverValues) {
    rule(AggregateKind::min);
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(4)});
    e.assert_fact(meting, {Value::symbol("a"), Value(-1.5)});
    e.run();
    EXPECT_EQ(result("a"), Value(-1.5));
}

TEST_F(Agg, ResultJoinsWithLaterConditions) {
    auto drempel = e.define_template(tmpl("drempel", {{"n", SlotType::integer}}));
    RuleBuilder b("genoeg");
    b.aggregate("?n", AggregateKind::count, meting, {})
        .pat(drempel, {bind(0, b.var("?n"))})
        .emit("genoeg", {{"n", b.v("?n")}});
    e.add_rule(b.done());
    e.assert_fact(drempel, {Value(2)});
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(meting, {Value::symbol("b"), Value(1)});
    EXPECT_EQ(e.agenda_size(), 1u);
    e.assert_fact(meting, {Value::symbol("c"), Value(1)});
    EXPECT_EQ(e.agenda_size(), 0u);
}

TEST_F(Agg, UnchangedResultDoesNotFireAgain) {
    RuleBuilder b("hoogste");
    b.pat(wijk, {bind(0, b.var("?w"))})
        .aggregate("?m", AggregateKind::max, meting, {bind(0, b.var("?w")), bind(1, b.var("?v"))}, b.v("?v"))
        .emit("max", {{"m", b.v("?m")}});
    e.add_rule(b.done());
    e.assert_fact(wijk, {Value::symbol("a")});
    e.assert_fact(meting, {Value::symbol("a"), Value(9)});
    e.run();
    e.assert_fact(meting, {Value::symbol("a"), Value(4)});  // max stays 9
    EXPECT_EQ(e.agenda_size(), 0u);
    e.assert_fact(meting, {Value::symbol("a"), Value(12)});
    e.run();
    EXPECT_EQ(firsts(e, "max"), (std::vector<Value>{9, 12}));
}
