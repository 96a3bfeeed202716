// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "engine/expr_eval.hpp"
#include "engine/functions.hpp"

using namespace ww;

namespace {

Value call(std::string_view name, std::vector<Value> args) {
    const FunctionInfo* f = find_function(name);
    if (!f) throw std::runtime_error("geen functie");
    return f->fn(args);
}

Value L(std::vector<Value> v) { return Value(std::move(v)); }

class NoEnv : public EvalEnv {
public:
    Value var(std::uint32_t ref) const override { return Value(static_cast<std::int64_t>(ref) * 10); }
    const Fact* fact(FactId) const override { return nullptr; }
    const TemplateDef& template_def(TemplateId) const override { throw std::runtime_error("geen"); }
};

Value ev(const Expr& e) {
    return eval(compile_expr(e, [](VarId v) { return v; }), NoEnv{});
}

Expr K(Value v) { return Expr::constant_of(std::move(v)); }

}  // namespace

TEST(Functions, RegistryIsComplete) {
    for (const char* name : {"len", "str", "upper", "lower", "contains", "starts_with", "ends_with", "join", "abs", "round",
                             "floor", "ceil", "min", "max", "int", "float", "sym", "append", "sort", "unique", "nl", "type",
                             "hoofdletter", "en_lijst", "of_lijst", "aantal", "telwoord", "aantal_woord", "meervoud", "sqrt", "als", "kolom", "slice", "trim",
                             "contains_word"}) {
        const FunctionInfo* f = find_function(name);
        ASSERT_NE(f, nullptr) << name;
        EXPECT_FALSE(f->description.empty());
        EXPECT_FALSE(f->signature.empty());
        EXPECT_FALSE(f->arg_kinds.empty()) << name;
    }
    EXPECT_EQ(find_function("bestaat_niet"), nullptr);
}

TEST(Functions, Texts) {
    EXPECT_EQ(call("len", {Value::string("héé")}), Value(3));
    EXPECT_EQ(call("len", {L({1, 2})}), Value(2));
    EXPECT_EQ(call("str", {Value(21.0)}), Value::string("21"));
    EXPECT_EQ(call("upper", {Value::string("wijk a")}), Value::string("WIJK A"));
    EXPECT_EQ(call("lower", {Value::string("WiJk")}), Value::string("wijk"));
    // A text in lower case already is its own result: a string, also of a symbol or a computed text.
    EXPECT_EQ(call("lower", {Value::symbol("wijk noord")}), Value::string("wijk noord"));
    EXPECT_EQ(call("lower", {Value::symbol("wijk noord")}).kind(), ValueKind::string);
    EXPECT_EQ(call("lower", {Value::computed_string("oost 12")}), Value::string("oost 12"));
    EXPECT_EQ(call("trim", {Value::string(" \tWoninginbraak \n")}), Value::string("Woninginbraak"));
    EXPECT_EQ(call("trim", {Value::string("\xC2\xA0Oude Noorden\xC2\xA0")}), Value::string("Oude Noorden"));
    EXPECT_EQ(call("trim", {Value::string("   ")}), Value::string(""));
    EXPECT_EQ(call("trim", {Value::string("\xA0x")}), Value::string("\xA0x"));  // a lone byte is no space
    EXPECT_EQ(call("contains", {Value::string("veiligheid"), Value::string("lig")}), Value(true));
    EXPECT_EQ(call("contains", {L({1, 2}), Value(3)}), Value(false));
    EXPECT_EQ(call("starts_with", {Value::string("abc"), Value::string("ab")}), Value(true));
    EXPECT_EQ(call("starts_with", {Value::string("15-24 jaar"), L({Value::string("0"), Value::string("1")})}), Value(true));
    EXPECT_EQ(call("starts_with", {Value::string("vrouwen"), L({Value::string("0"), Value::string("1")})}), Value(false));
    EXPECT_EQ(call("starts_with", {Value::string("abc"), L({})}), Value(false));
    EXPECT_EQ(call("ends_with", {Value::string("abc"), Value::string("ab")}), Value(false));
    EXPECT_EQ(call("ends_with", {Value::string("65-plussers"), L({Value::string("s"), Value::string("en")})}), Value(true));
    EXPECT_EQ(call("ends_with", {Value::string("65+"), L({Value::string("s"), Value::string("en")})}), Value(false));
    EXPECT_EQ(call("join", {L({Value::string("a"), 2}), Value::string("-")}), Value::string("a-2"));
    EXPECT_EQ(call("join", {L({Value::string("a"), Value::string("b")})}), Value::string("a, b"));
}

TEST(Functions, Numbers) {
    EXPECT_EQ(call("abs", {Value(-3)}), Value(3));
    EXPECT_EQ(call("abs", {Value(-2.5)}), Value(2.5));
    EXPECT_EQ(call("round", {Value(2.5)}), Value(3));
    EXPECT_EQ(call("round", {Value(2.5)}).kind(), ValueKind::integer);
    EXPECT_EQ(call("round", {Value(-2.5)}), Value(-3));
    EXPECT_EQ(call("round", {Value(3.14159), Value(2)}), Value(3.14));
    EXPECT_EQ(call("floor", {Value(2.7)}), Value(2));
    EXPECT_EQ(call("ceil", {Value(2.1)}), Value(3));
    EXPECT_EQ(call("min", {Value(3), Value(1.5), Value(2)}), Value(1.5));
    EXPECT_EQ(call("max", {L({1, 7, 3})}), Value(7));
    EXPECT_EQ(call("int", {Value(2.9)}), Value(2));
    EXPECT_EQ(call("int", {Value::string("42")}), Value(42));
    EXPECT_EQ(call("float", {Value::string("2,5")}), Value(2.5));
    EXPECT_EQ(call("nl", {Value(21.5)}), Value::string("21,5"));
    EXPECT_EQ(call("nl", {Value(21.0)}), Value::string("21"));
    EXPECT_EQ(call("nl", {Value(7)}), Value::string("7"));
}

TEST(Functions, DutchNumbers) {
    EXPECT_EQ(call("nl", {Value(11400)}), Value::string("11.400"));
    EXPECT_EQ(call("nl", {Value(1234567.5)}), Value::string("1.234.567,5"));
    EXPECT_EQ(call("nl", {Value(-2500)}), Value::string("-2.500"));
    EXPECT_EQ(call("nl", {Value(-2500.25)}), Value::string("-2.500,25"));
    EXPECT_EQ(call("nl", {Value(999)}), Value::string("999"));
    EXPECT_EQ(call("nl", {Value(-999.5)}), Value::string("-999,5"));
    EXPECT_EQ(call("nl", {Value(1000)}), Value::string("1.000"));
    EXPECT_EQ(call("nl", {Value(0.125)}), Value::string("0,125"));
    EXPECT_EQ(call("nl", {Value(100000.0)}), Value::string("100.000"));  // display form: 1e+05
    EXPECT_EQ(call("nl", {Value(12345678.0)}), Value::string("12.345.678"));
    EXPECT_EQ(call("nl", {Value(INT64_MIN)}), Value::string("-9.223.372.036.854.775.808"));
    EXPECT_EQ(call("nl", {Value(1e20)}), Value::string("1e+20"));
    // Fractions keep the digits of the display form: the shortest text that reads back as the number.
    EXPECT_EQ(call("nl", {Value(0.1 + 0.2)}), Value::string("0,30000000000000004"));
    EXPECT_EQ(call("nl", {Value(2.0 / 3.0)}), Value::string("0,6666666666666666"));
}

TEST(Functions, CountsAndWords) {
    auto word = [](const char* fn, Value n) {
        return call(fn, {std::move(n), Value::string("indicator"), Value::string("indicatoren")});
    };
    EXPECT_EQ(word("aantal", Value(1)), Value::string("1 indicator"));
    EXPECT_EQ(word("aantal", Value(3)), Value::string("3 indicatoren"));
    EXPECT_EQ(word("aantal", Value(0)), Value::string("0 indicatoren"));
    EXPECT_EQ(word("aantal", Value(1.0)), Value::string("1 indicator"));
    EXPECT_EQ(word("aantal", Value(1.5)), Value::string("1,5 indicatoren"));
    EXPECT_EQ(word("aantal", Value(11400)), Value::string("11.400 indicatoren"));
    // Counts in running text: zero to twenty in words, the rest in figures.
    EXPECT_EQ(word("aantal_woord", Value(1)), Value::string("één indicator"));
    EXPECT_EQ(word("aantal_woord", Value(3.0)), Value::string("drie indicatoren"));
    EXPECT_EQ(word("aantal_woord", Value(20)), Value::string("twintig indicatoren"));
    EXPECT_EQ(word("aantal_woord", Value(21)), Value::string("21 indicatoren"));
    EXPECT_EQ(word("aantal_woord", Value(-2)), Value::string("-2 indicatoren"));
    EXPECT_EQ(call("telwoord", {Value(0)}), Value::string("nul"));
    EXPECT_EQ(call("telwoord", {Value(12)}), Value::string("twaalf"));
    EXPECT_EQ(call("telwoord", {Value(2.5)}), Value::string("2,5"));
    EXPECT_EQ(call("telwoord", {Value(1500)}), Value::string("1.500"));
    EXPECT_THROW(call("telwoord", {Value::string("2")}), EvalError);
    EXPECT_EQ(word("meervoud", Value(1)), Value::string("indicator"));
    EXPECT_EQ(word("meervoud", Value(2)), Value::string("indicatoren"));
    EXPECT_EQ(word("meervoud", Value(0)), Value::string("indicatoren"));
    EXPECT_EQ(call("aantal", {Value(1), Value::symbol("bron"), Value::symbol("bronnen")}), Value::string("1 bron"));
    EXPECT_THROW(call("aantal", {Value::string("1"), Value::string("a"), Value::string("b")}), EvalError);
    EXPECT_THROW(call("meervoud", {Value(1), Value(2), Value::string("b")}), EvalError);
}

TEST(Functions, DutchLists) {
    auto S = [](const char* s) { return Value::string(s); };
    EXPECT_EQ(call("en_lijst", {L({})}), S(""));
    EXPECT_EQ(call("en_lijst", {L({S("a")})}), S("a"));
    EXPECT_EQ(call("en_lijst", {L({S("a"), S("b")})}), S("a en b"));
    EXPECT_EQ(call("en_lijst", {L({S("a"), S("b"), S("c")})}), S("a, b en c"));
    EXPECT_EQ(call("en_lijst", {L({S("rust en orde"), Value::symbol("overlast"), 3})}), S("rust en orde, overlast en 3"));
    EXPECT_EQ(call("of_lijst", {L({S("a"), S("b"), S("c"), S("d")})}), S("a, b, c of d"));
    EXPECT_EQ(call("of_lijst", {L({S("a")})}), S("a"));
    EXPECT_THROW(call("en_lijst", {S("a")}), EvalError);
    // A maximum names the first items and counts the rest, in Dutch number notation.
    EXPECT_EQ(call("en_lijst", {L({S("a"), S("b"), S("c"), S("d")}), 2}), S("a, b en twee andere"));
    EXPECT_EQ(call("en_lijst", {L({S("a"), S("b"), S("c")}), 3}), S("a, b en c"));
    EXPECT_EQ(call("en_lijst", {L({S("a"), S("b")}), 5}), S("a en b"));
    // A separator for elements that hold commas themselves: the last two still go with "en".
    EXPECT_EQ(call("en_lijst", {L({S("a, 1"), S("b, 2"), S("c")}), 5, S("; ")}), S("a, 1; b, 2 en c"));
    EXPECT_EQ(call("en_lijst", {L({S("a"), S("b"), S("c"), S("d")}), 2, S("; ")}), S("a; b en twee andere"));
    EXPECT_EQ(call("of_lijst", {L({S("a"), S("b"), S("c")}), 3, S("; ")}), S("a; b of c"));
    EXPECT_THROW(call("en_lijst", {L({S("a")}), 2, L({})}), EvalError);
    EXPECT_EQ(call("of_lijst", {L({S("a"), S("b"), S("c")}), 1}), S("a of twee andere"));
    {
        std::vector<Value> veel(1235, S("w"));
        EXPECT_EQ(call("en_lijst", {L(std::move(veel)), 1}), S("w en 1.234 andere"));
    }
    EXPECT_THROW(call("en_lijst", {L({S("a")}), 0}), EvalError);
    EXPECT_THROW(call("en_lijst", {L({S("a")}), S("2")}), EvalError);
}

TEST(Functions, UnicodeCase) {
    auto S = [](const char* s) { return Value::string(s); };
    EXPECT_EQ(call("upper", {S("één")}), S("ÉÉN"));
    EXPECT_EQ(call("lower", {S("ÉÉN")}), S("één"));
    EXPECT_EQ(call("upper", {Value::symbol("café")}), S("CAFÉ"));
    EXPECT_EQ(call("hoofdletter", {S("ïjs")}), S("Ïjs"));
    EXPECT_EQ(call("hoofdletter", {S("ijsselstein")}), S("IJsselstein"));
    EXPECT_EQ(call("hoofdletter", {S("wijk")}), S("Wijk"));
    EXPECT_EQ(call("hoofdletter", {S("")}), S(""));
    EXPECT_EQ(call("hoofdletter", {S("Één keer")}), S("Één keer"));
    EXPECT_THROW(call("hoofdletter", {Value(1)}), EvalError);
}

TEST(Functions, ContainsWordTestsAWholeWordInAnyCase) {
    auto S = [](const char* s) { return Value::string(s); };
    EXPECT_EQ(call("contains_word", {S("Schouw Oost, fase 2"), S("oost")}), Value(true));
    EXPECT_EQ(call("contains_word", {S("Oosterpark schoon"), S("Oost")}), Value(false));
    EXPECT_EQ(call("contains_word", {S("Wijkcentrum De Brug"), S("Centrum")}), Value(false));
    EXPECT_EQ(call("contains_word", {S("ÉÉN KEER"), S("één")}), Value(true));
    EXPECT_EQ(call("contains_word", {Value::symbol("noord_oost"), Value::symbol("oost")}), Value(true));
    // A list: any of its words.
    EXPECT_EQ(call("contains_word", {S("Buurtpreventie (Centrum)"), L({S("Oost"), S("centrum")})}), Value(true));
    EXPECT_EQ(call("contains_word", {S("Oosterpark"), L({S("Oost"), S("park")})}), Value(false));
    EXPECT_EQ(call("contains_word", {S("Oost"), L({})}), Value(false));
    EXPECT_THROW(call("contains_word", {S("Oost"), Value(1)}), EvalError);
    EXPECT_THROW(call("contains_word", {S("Oost"), L({Value(1)})}), EvalError);
    EXPECT_THROW(call("contains_word", {Value(1), S("Oost")}), EvalError);
}

TEST(Functions, SquareRoot) {
    EXPECT_EQ(call("sqrt", {Value(16)}), Value(4.0));
    EXPECT_EQ(call("sqrt", {Value(2.25)}), Value(1.5));
    EXPECT_EQ(call("sqrt", {Value(0)}), Value(0.0));
    try {
        call("sqrt", {Value(-4)});
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(std::string(e.what()), "sqrt() van een negatief getal (-4) bestaat niet");
    }
    EXPECT_THROW(call("sqrt", {Value::string("4")}), EvalError);
}

TEST(Functions, ListsSymbolsTypes) {
    EXPECT_EQ(call("sym", {Value::string("hoog")}), Value::symbol("hoog"));
    EXPECT_EQ(call("append", {L({1}), Value(2), Value(3)}), L({1, 2, 3}));
    EXPECT_EQ(call("sort", {L({3, 1, 2})}), L({1, 2, 3}));
    EXPECT_EQ(call("unique", {L({2, 1, 2, 1})}), L({2, 1}));
    EXPECT_EQ(call("unique", {L({Value::string("b"), Value::symbol("b"), Value::string("b"), 2.0, 2})}),
              L({Value::string("b"), Value::symbol("b"), 2.0}));
    EXPECT_EQ(call("type", {Value(1.5)}), Value::string("float"));
    EXPECT_EQ(call("type", {Value::symbol("a")}), Value::string("symbol"));
}

// Positions as in Python: negative from the end, both clamped to the list.
TEST(Functions, SliceTakesAPartOfAList) {
    EXPECT_EQ(call("slice", {L({1, 2, 3, 4}), Value(1)}), L({2, 3, 4}));
    EXPECT_EQ(call("slice", {L({1, 2, 3, 4}), Value(1), Value(3)}), L({2, 3}));
    EXPECT_EQ(call("slice", {L({1, 2, 3, 4}), Value(1), Value(-1)}), L({2, 3}));
    EXPECT_EQ(call("slice", {L({1, 2, 3, 4}), Value(-2)}), L({3, 4}));
    EXPECT_EQ(call("slice", {L({1, 2}), Value(5)}), L({}));
    EXPECT_EQ(call("slice", {L({1, 2}), Value(-5), Value(1)}), L({1}));
    EXPECT_EQ(call("slice", {L({1, 2, 3}), Value(2), Value(1)}), L({}));
    EXPECT_EQ(call("slice", {L({}), Value(0)}), L({}));
    EXPECT_THROW(call("slice", {Value::string("abc"), Value(1)}), EvalError);
    EXPECT_THROW(call("slice", {L({1}), Value(0.5)}), EvalError);
}

TEST(Functions, AlsChoosesAndKolomTakesAColumn) {
    EXPECT_EQ(call("als", {Value(true), Value::string("ja"), Value(2)}), Value::string("ja"));
    EXPECT_EQ(call("als", {Value(false), Value::string("ja"), Value(2)}), Value(2));
    EXPECT_THROW(call("als", {Value(1), Value(1), Value(2)}), EvalError);  // no truthiness: a number is no condition
    EXPECT_EQ(call("kolom", {L({L({1, Value::string("wie")}), L({2, Value::string("waar")})}), Value(1)}),
              L({Value::string("wie"), Value::string("waar")}));
    EXPECT_EQ(call("kolom", {L({}), Value(0)}), L({}));
    EXPECT_THROW(call("kolom", {L({L({1})}), Value(1)}), EvalError);   // no element 1
    EXPECT_THROW(call("kolom", {L({Value(1)}), Value(0)}), EvalError);  // a row that is no list
}

TEST(Functions, AlsEvaluatesOnlyTheChosenBranch) {
    // nil + 1 fails; in the branch als does not choose it is never evaluated.
    const Expr fails = Expr::make(Op::add, {K(Value()), K(Value(1))});
    EXPECT_THROW(ev(fails), EvalError);
    EXPECT_EQ(ev(Expr::call_of("als", {K(Value(true)), K(Value(7)), fails})), Value(7));
    EXPECT_EQ(ev(Expr::call_of("als", {K(Value(false)), fails, K(Value::string("nee"))})), Value::string("nee"));
    // The chosen branch still fails, and a condition that is no boolean is still an error.
    EXPECT_THROW(ev(Expr::call_of("als", {K(Value(true)), fails, K(Value(7))})), EvalError);
    EXPECT_THROW(ev(Expr::call_of("als", {K(Value(1)), K(Value(7)), K(Value(8))})), EvalError);
    // A computed condition (a variable: NoEnv gives 10 for variable 1) chooses the same way.
    EXPECT_EQ(ev(Expr::call_of("als", {Expr::make(Op::gt, {Expr::var_of(1), K(Value(5))}), K(Value(1)), fails})), Value(1));
}

TEST(Functions, ErrorsAreDutchEvalErrors) {
    try {
        call("upper", {Value(3)});
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_NE(std::string(e.what()).find("verwacht een tekst"), std::string::npos);
    }
    EXPECT_THROW(call("min", {L({})}), EvalError);
    EXPECT_THROW(call("int", {Value::string("twaalf")}), EvalError);
    EXPECT_THROW(call("nl", {Value::string("x")}), EvalError);
}

TEST(Expressions, ArithmeticComparisonAndConcat) {
    EXPECT_EQ(ev(Expr::make(Op::add, {K(2), K(3)})), Value(5));
    EXPECT_EQ(ev(Expr::make(Op::add, {K(2), K(0.5)})), Value(2.5));
    EXPECT_EQ(ev(Expr::make(Op::div, {K(7), K(2)})), Value(3.5));
    EXPECT_EQ(ev(Expr::make(Op::idiv, {K(7), K(2)})), Value(3));
    EXPECT_EQ(ev(Expr::make(Op::idiv, {K(-7), K(2)})), Value(-4));
    EXPECT_EQ(ev(Expr::make(Op::mod, {K(-7), K(3)})), Value(2));
    EXPECT_EQ(ev(Expr::make(Op::lt, {K(1), K(1.5)})), Value(true));
    EXPECT_EQ(ev(Expr::make(Op::in, {K(2), Expr::make(Op::list, {K(1), K(2)})})), Value(true));
    EXPECT_EQ(ev(Expr::make(Op::in, {K(Value::string("ei")), K(Value::string("veiligheid"))})), Value(true));
    EXPECT_EQ(ev(Expr::make(Op::concat, {K(Value::string("t=")), K(21.0), K(Value::string("/")), Expr::var_of(2)})),
              Value::string("t=21/20"));
    EXPECT_EQ(ev(Expr::make(Op::index, {Expr::make(Op::list, {K(5), K(6)}), K(1)})), Value(6));
    EXPECT_EQ(ev(Expr::make(Op::logical_or, {K(true), Expr::make(Op::div, {K(1), K(0)})})), Value(true));
    EXPECT_EQ(ev(Expr::call_of("len", {K(Value::string("abc"))})), Value(3));
    // Interpolation writes text functions into the whole through their appending form.
    EXPECT_EQ(ev(Expr::make(Op::concat, {Expr::call_of("aantal", {K(2500), K(Value::string("inwoner")), K(Value::string("inwoners"))}),
                                         K(Value::string(" in ")),
                                         Expr::call_of("en_lijst", {K(Value(std::vector<Value>{Value::string("noord"),
                                                                                               Value::string("zuid")}))})})),
              Value::string("2.500 inwoners in noord en zuid"));
}

TEST(Expressions, RuntimeErrorsCarryOffsets) {
    Expr bad = Expr::make(Op::div, {K(1), K(0)});
    bad.source_offset = 17;
    try {
        ev(bad);
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.source_offset, 17u);
        EXPECT_EQ(std::string(e.what()), "deling door nul");
    }
    EXPECT_THROW(ev(Expr::make(Op::lt, {K(1), K(Value::string("a"))})), EvalError);
    EXPECT_THROW(ev(Expr::make(Op::index, {Expr::make(Op::list, {K(5)}), K(3)})), EvalError);
    EXPECT_THROW(compile_expr(Expr::call_of("geen_functie", {}), [](VarId v) { return v; }), std::invalid_argument);
    EXPECT_THROW(compile_expr(Expr::call_of("len", {}), [](VarId v) { return v; }), std::invalid_argument);
}

TEST(Expressions, ToStringShowsVariableNames) {
    Expr e = Expr::make(Op::gt, {Expr::var_of(0), Expr::make(Op::mul, {K(2), Expr::var_of(1)})});
    EXPECT_EQ(to_string(e, {"?a", "?b"}), "?a > (2 * ?b)");
    std::vector<VarId> vars;
    collect_vars(Expr::make(Op::add, {Expr::var_of(1), Expr::make(Op::add, {Expr::var_of(0), Expr::var_of(1)})}), vars);
    EXPECT_EQ(vars, (std::vector<VarId>{1, 0}));
}
