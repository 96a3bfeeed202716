// SPDX-License-Identifier: EUPL-1.2
// The X3 grammar: precedence, every form, and syntax error positions inside one text.
#include <gtest/gtest.h>

#include "rules/ast_print.hpp"
#include "rules/parse.hpp"

namespace {

std::string sexpr(std::string_view text) {
    ww::ast::expression e;
    auto error = ww::parse_expression(text, e);
    if (error) return "FOUT@" + std::to_string(error->offset) + ": " + error->message;
    return ww::ast::to_sexpr(e);
}

TEST(Grammar, ArithmeticPrecedence) {
    EXPECT_EQ(sexpr("1 + 2 * 3"), "(+ 1 (* 2 3))");
    EXPECT_EQ(sexpr("(1 + 2) * 3"), "(* (+ 1 2) 3)");
    EXPECT_EQ(sexpr("10 - 4 - 3"), "(- (- 10 4) 3)");
    EXPECT_EQ(sexpr("7 // 2 % 3 / 1.5"), "(/ (% (// 7 2) 3) 1.5)");
    EXPECT_EQ(sexpr("-?x * 2"), "(* (neg ?x) 2)");
    EXPECT_EQ(sexpr("- - 3"), "(neg (neg 3))");
}

TEST(Grammar, LogicalPrecedence) {
    EXPECT_EQ(sexpr("not ?a and ?b or ?c"), "(or (and (not ?a) ?b) ?c)");
    EXPECT_EQ(sexpr("?a or ?b and ?c"), "(or ?a (and ?b ?c))");
    EXPECT_EQ(sexpr("not ?x > 3"), "(not (> ?x 3))");
    EXPECT_EQ(sexpr("?w > ?v + $marge"), "(> ?w (+ ?v $marge))");
    EXPECT_EQ(sexpr("?a == 1 and ?b != 2"), "(and (== ?a 1) (!= ?b 2))");
}

TEST(Grammar, ComparisonForms) {
    EXPECT_EQ(sexpr("?x in [a, b]"), "(in ?x [a b])");
    EXPECT_EQ(sexpr("?x not in ?lijst"), "(not in ?x ?lijst)");
    EXPECT_EQ(sexpr("1 <= 2"), "(<= 1 2)");
    EXPECT_EQ(sexpr("1 >= 2"), "(>= 1 2)");
    EXPECT_EQ(sexpr("1 < 2"), "(< 1 2)");
}

TEST(Grammar, Atoms) {
    EXPECT_EQ(sexpr("nil"), "nil");
    EXPECT_EQ(sexpr("true"), "true");
    EXPECT_EQ(sexpr("false"), "false");
    EXPECT_EQ(sexpr("42"), "42");
    EXPECT_EQ(sexpr("2.5"), "2.5");
    EXPECT_EQ(sexpr("onveilig_buurt"), "onveilig_buurt");
    EXPECT_EQ(sexpr("nilpaard"), "nilpaard");  // a keyword prefix is still a symbol
    EXPECT_EQ(sexpr("bestuurlijk-discours"), "bestuurlijk-discours");
    EXPECT_EQ(sexpr("tafel-van-12"), "tafel-van-12");
    EXPECT_EQ(sexpr("?a-1"), "(- ?a 1)");
    EXPECT_EQ(sexpr("$a-b"), "(- $a b)");
    EXPECT_EQ(sexpr("?a-?b"), "(- ?a ?b)");
    EXPECT_EQ(sexpr("a - b"), "(- a b)");
    EXPECT_EQ(sexpr("$min_factoren"), "$min_factoren");
    EXPECT_EQ(sexpr("[]"), "[]");
    EXPECT_EQ(sexpr("[?a, 2, \"drie\"]"), "[?a 2 \"drie\"]");
    EXPECT_EQ(sexpr("len()"), "(len())");
    EXPECT_EQ(sexpr("max(1, ?x, 3)"), "(max() 1 ?x 3)");
}

TEST(Grammar, Postfix) {
    EXPECT_EQ(sexpr("?f.waarde"), "(. ?f waarde)");
    EXPECT_EQ(sexpr("?l[0]"), "([] ?l 0)");
    EXPECT_EQ(sexpr("?f.lijst[?i + 1].x"), "(. ([] (. ?f lijst) (+ ?i 1)) x)");
    EXPECT_EQ(sexpr("-?f.waarde"), "(neg (. ?f waarde))");
}

TEST(Grammar, Strings) {
    EXPECT_EQ(sexpr("\"hoi\""), "\"hoi\"");
    EXPECT_EQ(sexpr("\"\""), "\"\"");
    EXPECT_EQ(sexpr(R"("a \"b\" \\ c")"), R"("a "b" \ c")");
    EXPECT_EQ(sexpr("\"{?i} steeg naar {?w}%\""), "\"{?i} steeg naar {?w}%\"");
    EXPECT_EQ(sexpr("\"{{letterlijk}}\""), "\"{letterlijk}\"");
    EXPECT_EQ(sexpr("\"som {?a + 1}\""), "\"som {(+ ?a 1)}\"");
    EXPECT_EQ(sexpr("\"{join(?l, \", \")}\""), "\"{(join() ?l \", \")}\"");
}

TEST(Grammar, ExpressionErrors) {
    EXPECT_EQ(sexpr("a b"), "FOUT@2: onverwachte tekst 'b'");
    EXPECT_EQ(sexpr("1 +"), "FOUT@3: verwacht: expressie, maar de tekst houdt op");
    EXPECT_EQ(sexpr("\"{1 +}\""), "FOUT@5: verwacht: expressie, gevonden '}'");
    EXPECT_EQ(sexpr("(1 + 2"), "FOUT@6: verwacht: ')', maar de tekst houdt op");
    EXPECT_EQ(sexpr("?"), "FOUT@1: verwacht: naam, maar de tekst houdt op");
    EXPECT_EQ(sexpr("\"open"), "FOUT@5: verwacht: '\"', maar de tekst houdt op");
    EXPECT_EQ(sexpr(""), "FOUT@0: verwacht: expressie, maar de tekst houdt op");
    EXPECT_EQ(sexpr("?x."), "FOUT@3: verwacht: slotnaam, maar de tekst houdt op");
    EXPECT_EQ(sexpr("[1, 2"), "FOUT@5: verwacht: ']', maar de tekst houdt op");
    EXPECT_EQ(sexpr("1 + 99999999999999999999999"),
              "FOUT@4: verwacht: een geheel getal van hoogstens 64 bit, gevonden '99999999999999999999999'");
    EXPECT_EQ(sexpr("9223372036854775807"), "9223372036854775807");
}

TEST(Grammar, Offsets) {
    ww::ast::expression e;
    ASSERT_FALSE(ww::parse_expression("  ?abc + 1", e));
    EXPECT_EQ(e.offset, 2u);
    EXPECT_EQ(e.end, 10u);
    ASSERT_EQ(e.rest.size(), 0u);  // or-level wraps the whole chain
}

TEST(Grammar, Conditions) {
    ww::ast::condition c;
    ASSERT_FALSE(ww::parse_condition("meting(indicator: onveilig_buurt, waarde: ?w)", c));
    EXPECT_EQ(c.kind, ww::ast::condition_kind::pattern);
    EXPECT_EQ(c.pat.tmpl, "meting");
    ASSERT_EQ(c.pat.slots.size(), 2u);
    EXPECT_EQ(c.pat.slots[0].slot, "indicator");
    EXPECT_EQ(ww::ast::to_sexpr(c.pat.slots[1].value), "?w");
    EXPECT_EQ(c.pat.slots[1].offset, 34u);

    c = {};
    ASSERT_FALSE(ww::parse_condition("?m <- meting(waarde > 3, gebied in [\"a\"], x not in ?l, y != 2)", c));
    ASSERT_TRUE(c.var);
    EXPECT_EQ(c.var->name, "m");
    ASSERT_EQ(c.pat.slots.size(), 4u);
    EXPECT_EQ(c.pat.slots[0].op, ww::ast::slot_op::gt);
    EXPECT_EQ(c.pat.slots[1].op, ww::ast::slot_op::in);
    EXPECT_EQ(c.pat.slots[2].op, ww::ast::slot_op::not_in);
    EXPECT_EQ(c.pat.slots[3].op, ww::ast::slot_op::ne);

    c = {};
    ASSERT_FALSE(ww::parse_condition("not meting(indicator: ?i)", c));
    EXPECT_EQ(c.kind, ww::ast::condition_kind::negation);
    c = {};
    ASSERT_FALSE(ww::parse_condition("exists meting()", c));
    EXPECT_EQ(c.kind, ww::ast::condition_kind::exists);
    EXPECT_TRUE(c.pat.slots.empty());
    c = {};
    ASSERT_FALSE(ww::parse_condition("?n = count(meting(gebied: ?g))", c));
    EXPECT_EQ(c.kind, ww::ast::condition_kind::aggregate);
    EXPECT_EQ(c.aggregate, "count");
    EXPECT_FALSE(c.expr);
    c = {};
    ASSERT_FALSE(ww::parse_condition("?s = sum(meting(waarde: ?w), ?w * 2)", c));
    EXPECT_EQ(c.aggregate, "sum");
    ASSERT_TRUE(c.expr);
    EXPECT_EQ(ww::ast::to_sexpr(*c.expr), "(* ?w 2)");
    c = {};
    ASSERT_FALSE(ww::parse_condition("test ?v != nil and ?w > ?v", c));
    EXPECT_EQ(c.kind, ww::ast::condition_kind::test);
    EXPECT_EQ(ww::ast::to_sexpr(*c.expr), "(and (!= ?v nil) (> ?w ?v))");
}

TEST(Grammar, ConditionErrors) {
    ww::ast::condition c;
    auto e = ww::parse_condition("meting(indicator ?x)", c);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 17u);
    e = ww::parse_condition("meting(waarde: )", c);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 15u);
    EXPECT_EQ(e->message, "verwacht: expressie, gevonden ')'");
    e = ww::parse_condition("test", c);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 4u);
    e = ww::parse_condition("meting", c);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 0u);
}

TEST(Grammar, Actions) {
    ww::ast::action a;
    ASSERT_FALSE(ww::parse_action("assert meting(indicator: x, waarde: ?w * 2)", a));
    EXPECT_EQ(a.kind, ww::ast::action_kind::assert_fact);
    EXPECT_EQ(a.pat.tmpl, "meting");
    EXPECT_EQ(a.pat.slots.size(), 2u);
    a = {};
    ASSERT_FALSE(ww::parse_action("retract ?m", a));
    EXPECT_EQ(a.kind, ww::ast::action_kind::retract);
    a = {};
    ASSERT_FALSE(ww::parse_action("modify ?m(waarde: 3, gebied: \"x\")", a));
    EXPECT_EQ(a.kind, ww::ast::action_kind::modify);
    EXPECT_EQ(a.var->name, "m");
    EXPECT_EQ(a.pat.slots.size(), 2u);
    a = {};
    ASSERT_FALSE(ww::parse_action("bind ?x = ?y + 1", a));
    EXPECT_EQ(a.kind, ww::ast::action_kind::bind);
    EXPECT_EQ(a.var->name, "x");
    a = {};
    ASSERT_FALSE(ww::parse_action("halt", a));
    EXPECT_EQ(a.kind, ww::ast::action_kind::halt);
    a = {};
    ASSERT_FALSE(ww::parse_action("emit melding(tekst: \"{?i} steeg\")", a));
    EXPECT_EQ(a.kind, ww::ast::action_kind::emit);
    EXPECT_EQ(a.pat.tmpl, "melding");

    auto e = ww::parse_action("asert x()", a);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 0u);
    e = ww::parse_action("bind ?x 3", a);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 8u);
    EXPECT_EQ(e->message, "verwacht: '=', gevonden '3'");
}

TEST(Grammar, Facts) {
    ww::ast::pattern p;
    ASSERT_FALSE(ww::parse_fact("meting(indicator: x, waarde: 3)", p));
    EXPECT_EQ(p.tmpl, "meting");
    auto e = ww::parse_fact("meting(indicator: x", p);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, 19u);
}

}  // namespace
