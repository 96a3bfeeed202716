// SPDX-License-Identifier: EUPL-1.2
// A rule's actions are compiled when it first fires; add_rule still refuses, with compile_expr's
// message, every action that compiling would refuse (a damaged image must fall back on the YAML when
// it is loaded, not fail in the middle of a consultation).
#include <gtest/gtest.h>

#include <stdexcept>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

struct ActionCompile : ::testing::Test {
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));

    // The message add_rule gives for a rule whose only action emits `field`, or "" when it takes it.
    std::string refusal(const std::string& id, Expr field) {
        RuleBuilder b(id);
        b.pat(n, {bind(0, b.var("?v"))}).emit("f", {{"x", std::move(field)}});
        try {
            e.add_rule(b.done());
        } catch (const std::invalid_argument& err) {
            return err.what();
        }
        return "";
    }
};

Expr call(std::string fn, std::vector<Expr> args) { return Expr::call_of(std::move(fn), std::move(args)); }

}  // namespace

TEST_F(ActionCompile, UnknownFunctionRefusedWhenAdded) {
    EXPECT_EQ(refusal("r", call("bestaat_niet", {C(Value(1))})), "regel 'r': onbekende functie 'bestaat_niet'");
    EXPECT_EQ(e.find_rule("r"), nullptr);
}

TEST_F(ActionCompile, WrongNumberOfArgumentsRefusedWhenAdded) {
    const std::string message = refusal("r", call("len", {}));
    EXPECT_EQ(message.rfind("regel 'r': verkeerd aantal argumenten voor len: ", 0), 0u) << message;
}

TEST_F(ActionCompile, WrongNumberOfOperandsRefusedWhenAdded) {
    // Deep in the tree, as a damaged image could hand it over.
    Expr bad = Expr::make(Op::add, {C(Value(1))});
    EXPECT_EQ(refusal("r", op(Op::mul, C(Value(2)), std::move(bad))),
              "regel 'r': expressie met een verkeerd aantal operanden");
}

TEST_F(ActionCompile, CompiledOnFirstFiringAndKeptForTheNext) {
    EXPECT_EQ(refusal("r", op(Op::mul, Expr::var_of(0), C(Value(10)))), "");
    e.assert_fact(n, {Value(1)});
    e.run();
    e.assert_fact(n, {Value(2)});
    e.assert_fact(n, {Value(3)});
    e.run();
    EXPECT_EQ(firsts(e, "f"), (std::vector<Value>{10, 30, 20}));
}
