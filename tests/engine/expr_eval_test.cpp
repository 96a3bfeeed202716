// SPDX-License-Identifier: EUPL-1.2
// Expression evaluation: the integer fast path (tests and arithmetic over integers without building
// Values) must give exactly what the general evaluation gives, including its errors, whether the
// environment hands out variables by reference (tokens) or by copy (actions).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/expr_eval.hpp"
#include "engine/functions.hpp"
#include "rule_builder.hpp"

using namespace ww;

namespace {

// Variables by copy only: the default var_ref of EvalEnv.
class CopyEnv : public EvalEnv {
public:
    explicit CopyEnv(std::vector<Value> vars) : vars_(std::move(vars)) {}
    Value var(std::uint32_t ref) const override { return vars_.at(ref); }
    const Fact* fact(FactId) const override { return nullptr; }
    const TemplateDef& template_def(TemplateId) const override { throw std::runtime_error("geen templates"); }

protected:
    std::vector<Value> vars_;
};

// Variables in place, as TokenEnv gives them.
class RefEnv : public CopyEnv {
public:
    using CopyEnv::CopyEnv;
    const Value& var_ref(std::uint32_t ref, Value&) const override { return vars_.at(ref); }
};

Expr K(Value v) { return Expr::constant_of(std::move(v)); }
Expr V(VarId id) { return Expr::var_of(id); }
Expr B(Op op, Expr a, Expr b) { return Expr::make(op, {std::move(a), std::move(b)}); }

CExpr C(const Expr& e) {
    return compile_expr(e, [](VarId v) { return v; });
}

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

}  // namespace

TEST(ExprEval, IntegerArithmeticAndComparisonsInBothEnvironments) {
    // Waltz's cross product: ?ax * ?cy - ?ay * ?cx > 0.
    const CExpr cross = C(B(Op::gt, B(Op::sub, B(Op::mul, V(0), V(1)), B(Op::mul, V(2), V(3))), K(Value(0))));
    const CExpr diff = C(B(Op::sub, B(Op::mul, V(0), V(1)), B(Op::mul, V(2), V(3))));
    for (bool by_ref : {false, true}) {
        std::vector<Value> vars{Value(3), Value(-2), Value(-4), Value(1)};  // 3*-2 - -4*1 = -2
        std::unique_ptr<EvalEnv> env = by_ref ? std::unique_ptr<EvalEnv>(new RefEnv(vars))
                                              : std::unique_ptr<EvalEnv>(new CopyEnv(vars));
        EXPECT_EQ(eval(diff, *env), Value(-2)) << by_ref;
        EXPECT_EQ(eval(diff, *env).kind(), ValueKind::integer);
        EXPECT_FALSE(eval_test(cross, *env));
        EXPECT_EQ(eval(cross, *env), Value(false));
        for (Op op : {Op::eq, Op::ne, Op::lt, Op::le, Op::gt, Op::ge}) {
            const bool expected = op == Op::ne || op == Op::gt || op == Op::ge;  // 3 against -2
            EXPECT_EQ(eval_test(C(B(op, V(0), V(1))), *env), expected) << static_cast<int>(op);
            EXPECT_EQ(eval_test(C(B(op, V(0), V(0))), *env), op == Op::eq || op == Op::le || op == Op::ge);
        }
        EXPECT_EQ(eval(C(Expr::make(Op::neg, {V(2)})), *env), Value(4));
    }
}

TEST(ExprEval, MixedNumbersTakeTheGeneralPath) {
    CopyEnv env({Value(2), Value(2.5), Value(2.0)});
    EXPECT_EQ(eval(C(B(Op::mul, V(0), V(1))), env), Value(5.0));
    EXPECT_EQ(eval(C(B(Op::mul, V(0), V(1))), env).kind(), ValueKind::floating);
    EXPECT_TRUE(eval_test(C(B(Op::lt, V(0), V(1))), env));
    EXPECT_TRUE(eval_test(C(B(Op::eq, V(0), V(2))), env));  // 2 == 2.0
    EXPECT_EQ(eval(C(B(Op::add, K(Value::string("a")), K(Value::string("b")))), env), Value::string("ab"));
}

TEST(ExprEval, OverflowIsStillAnError) {
    RefEnv env({Value(kMax), Value(2), Value(kMin), Value(-1)});
    EXPECT_THROW(eval(C(B(Op::mul, V(0), V(1))), env), EvalError);
    EXPECT_THROW(eval(C(B(Op::add, V(0), V(0))), env), EvalError);
    EXPECT_THROW(eval(C(B(Op::sub, V(2), V(1))), env), EvalError);
    EXPECT_THROW(eval(C(Expr::make(Op::neg, {V(2)})), env), EvalError);
    EXPECT_THROW(eval_test(C(B(Op::gt, B(Op::mul, V(0), V(1)), K(Value(0)))), env), EvalError);
    EXPECT_THROW(eval(C(B(Op::mul, V(2), V(3))), env), EvalError);
    EXPECT_EQ(eval(C(B(Op::sub, V(0), V(1))), env), Value(kMax - 2));
    EXPECT_EQ(eval(C(B(Op::add, V(2), V(0))), env), Value(std::int64_t{-1}));
}

TEST(ExprEval, LogicShortCircuitsAndChecksBooleans) {
    RefEnv env({Value(1), Value(2), Value::symbol("x")});
    const Expr lt = B(Op::lt, V(0), V(1));  // true
    const Expr gt = B(Op::gt, V(0), V(1));  // false
    const Expr not_bool = V(2);             // a symbol
    // The right side is not looked at when the left decides.
    EXPECT_FALSE(eval_test(C(B(Op::logical_and, gt, not_bool)), env));
    EXPECT_TRUE(eval_test(C(B(Op::logical_or, lt, not_bool)), env));
    // It is when the left does not decide, and a non-boolean there is an error.
    EXPECT_THROW(eval_test(C(B(Op::logical_and, lt, not_bool)), env), EvalError);
    EXPECT_THROW(eval_test(C(B(Op::logical_or, gt, not_bool)), env), EvalError);
    EXPECT_TRUE(eval_test(C(B(Op::logical_and, lt, Expr::make(Op::logical_not, {gt}))), env));
    EXPECT_EQ(eval(C(B(Op::logical_or, gt, gt)), env), Value(false));
    // A non-boolean condition stays an error.
    EXPECT_THROW(eval_test(C(B(Op::add, V(0), V(1))), env), EvalError);
    EXPECT_THROW(eval_test(C(B(Op::lt, V(0), V(2))), env), EvalError);
}

// A `test` condition in the network reads token positions directly for integers; the outcome must
// be what the general evaluation decides, and a test that cannot be evaluated does not match.
TEST(ExprEval, TestConditionsInTheNetwork) {
    using namespace ww::test;
    Engine e;
    TemplateId num = e.define_template(tmpl("num", {{"id", SlotType::symbol}, {"a", SlotType::any}, {"b", SlotType::any}}));
    TemplateId hit = e.define_template(tmpl("hit", {{"id", SlotType::symbol}}));
    RuleBuilder b("cross");
    // a * b - b > 0, evaluated per fact.
    b.pat(num, {bind(0, b.var("?id")), bind(1, b.var("?a")), bind(2, b.var("?b"))})
        .when(op(Op::gt, op(Op::sub, op(Op::mul, b.v("?a"), b.v("?b")), b.v("?b")), C(Value(0))))
        .assert_(hit, {{0, b.v("?id")}});
    e.add_rule(b.done());
    auto fact = [&](const char* id, Value a, Value bb) { e.assert_fact(num, {Value::symbol(id), a, bb}); };
    fact("ja", Value(3), Value(2));              // 6 - 2 > 0
    fact("nee", Value(1), Value(2));             // 2 - 2 = 0
    fact("negatief", Value(-3), Value(-2));      // 6 + 2 > 0
    fact("overloop", Value(kMax), Value(3));     // overflows (wrapped it would be > 0): no match
    fact("kommagetal", Value(1.5), Value(4));    // 6.0 - 4 > 0: the general path
    fact("symbool", Value::symbol("x"), Value(1));  // cannot be computed: no match
    e.run();
    std::vector<std::string> ids;
    for (const Fact* f : e.facts_of(hit)) ids.emplace_back(f->slots[0].as_text());
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"ja", "kommagetal", "negatief"}));
}

// Inside string interpolation a text function (str, join, nl) writes its text straight into the
// whole; the result and the errors must be those of calling it on its own and interpolating the value.
TEST(ExprEval, TextFunctionsInsideInterpolationGiveWhatTheirValueGives) {
    auto call = [](const char* fn, std::vector<Expr> args) { return Expr::call_of(fn, std::move(args)); };
    const Value list(std::vector<Value>{Value::string("a, b"), Value(2), Value(2.5), Value::symbol("x")});
    const std::vector<Value> vars{Value(21.5), list, Value::string("tekst"), Value(7), Value::symbol("sym")};
    CopyEnv env(vars);
    const std::vector<Expr> pieces = {
        call("nl", {V(0)}), call("nl", {V(3)}), call("join", {V(1)}), call("join", {V(1), K(Value::string(" / "))}),
        call("str", {V(1)}), call("str", {V(2)}), call("str", {V(4)}), call("str", {V(0)}),
        call("nl", {B(Op::div, V(3), K(Value(4)))}),
    };
    for (const Expr& piece : pieces) {
        const Value alone = eval(C(piece), env);
        const Value inside = eval(C(Expr::make(Op::concat, {K(Value::string("<")), piece, K(Value::string(">"))})), env);
        EXPECT_EQ(inside.as_text(), "<" + alone.display() + ">");
    }
    // Errors name the call's place in the source, as outside interpolation.
    for (Expr bad : {call("nl", {V(2)}), call("join", {V(3)}), call("join", {V(1), V(3)})}) {
        bad.source_offset = 17;
        std::string alone, inside;
        try { eval(C(bad), env); } catch (const EvalError& e) { alone = e.what(); EXPECT_EQ(e.source_offset, 17u); }
        try {
            eval(C(Expr::make(Op::concat, {K(Value::string("x")), bad})), env);
        } catch (const EvalError& e) {
            inside = e.what();
            EXPECT_EQ(e.source_offset, 17u);
        }
        EXPECT_FALSE(alone.empty());
        EXPECT_EQ(alone, inside);
    }
}

// compare_settled, the inline front of compare_values that alpha tests and joins take first, settles
// `==`, `!=` and `in` over a list whatever the values (so an alpha test never needs a try block for
// them), and the ordering of two integers; its answers are those of the total order (`compare`) and
// of equality, and it leaves everything that can fail or needs the texts to compare_values.
TEST(ExprEval, SettledComparisonsAgreeWithTheGeneralOnes) {
    const Value list(std::vector<Value>{Value(2), Value::symbol("a"), Value(2.5)});
    const std::vector<Value> values{Value(),           Value(true),         Value(2),  Value(3),
                                    Value(-7),         Value(2.0),          Value(2.5), Value::symbol("a"),
                                    Value::string("a"), Value::string("ab"), list};
    for (const Value& a : values)
        for (const Value& b : values)
            for (Op op : {Op::eq, Op::ne, Op::lt, Op::le, Op::gt, Op::ge, Op::in}) {
                bool settled = false;
                const bool done = compare_settled(op, a, b, settled);
                const bool two_integers = a.kind() == ValueKind::integer && b.kind() == ValueKind::integer;
                const bool must_settle = op == Op::eq || op == Op::ne || (op == Op::in && b.kind() == ValueKind::list) ||
                                         (two_integers && op != Op::in);
                EXPECT_EQ(done, must_settle) << a.repr() << ' ' << static_cast<int>(op) << ' ' << b.repr();
                if (!done) continue;
                bool expected = false;
                switch (op) {
                    case Op::eq: expected = a == b; break;
                    case Op::ne: expected = !(a == b); break;
                    case Op::lt: expected = compare(a, b) < 0; break;
                    case Op::le: expected = compare(a, b) <= 0; break;
                    case Op::gt: expected = compare(a, b) > 0; break;
                    case Op::ge: expected = compare(a, b) >= 0; break;
                    default: expected = std::find(b.as_list().begin(), b.as_list().end(), a) != b.as_list().end(); break;
                }
                EXPECT_EQ(settled, expected) << a.repr() << ' ' << static_cast<int>(op) << ' ' << b.repr();
                EXPECT_EQ(compare_values(op, a, b, 0), settled);
            }
    // What it leaves: a text inside a text, and kinds that cannot be ordered, which fail there.
    bool unused = false;
    EXPECT_FALSE(compare_settled(Op::in, Value::string("a"), Value::string("ab"), unused));
    EXPECT_TRUE(compare_values(Op::in, Value::string("a"), Value::string("ab"), 0));
    EXPECT_THROW(compare_values(Op::lt, Value::string("a"), Value(2), 0), EvalError);
    EXPECT_TRUE(compare_values(Op::lt, Value(2), Value(2.5), 0));
}

TEST(ExprEval, CompileAsksTheCallersMapOncePerVariableAndKeepsItsAnswer) {
    // compile_expr holds the caller's callable by reference (VarMap), not a copy: a lambda with
    // several captures, as the network builder passes, sees its own state change, and its answers
    // are the references that stand in the compiled tree.
    std::vector<VarId> asked;
    const std::uint32_t offset = 100;
    const std::string tag = "xyz";
    auto map = [&asked, &offset, &tag](VarId v) -> std::uint32_t {
        asked.push_back(v);
        return v + offset + static_cast<std::uint32_t>(tag.size());
    };
    const CExpr c = compile_expr(B(Op::add, V(2), B(Op::mul, V(5), K(Value(3)))), map);
    EXPECT_EQ(asked, (std::vector<VarId>{2, 5}));
    ASSERT_EQ(c.args.size(), 2u);
    EXPECT_EQ(c.args[0].op, Op::var);
    EXPECT_EQ(c.args[0].ref, 105u);
    ASSERT_EQ(c.args[1].args.size(), 2u);
    EXPECT_EQ(c.args[1].args[0].ref, 108u);
    std::vector<Value> vars(109, Value(0));
    vars[105] = Value(1);
    vars[108] = Value(4);
    EXPECT_EQ(eval(c, CopyEnv(vars)), Value(13));
    // What the map throws reaches the caller (the network builder's "gebruikt voordat ze gebonden is").
    EXPECT_THROW(compile_expr(V(1), [](VarId) -> std::uint32_t { throw std::invalid_argument("ongebonden"); }),
                 std::invalid_argument);
}
