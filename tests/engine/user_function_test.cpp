// SPDX-License-Identifier: EUPL-1.2
// The program's own functions (FunctionDef, Engine::define_function) through the engine's API: what
// define_function and add_rule refuse, a function's value, its emit, and a call outside a firing. The
// rule language's side (functions:, the load-time checks) is in docs/regeltaal.md (Eigen functies).
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "engine/user_function.hpp"
#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

// twice(?x): emits seen(x: ?x) when `emits`, returns ?x * 2.
std::shared_ptr<FunctionDef> twice(bool emits) {
    auto f = std::make_shared<FunctionDef>();
    f->name = "twice";
    f->params = 1;
    f->variables = {"?x"};
    f->effects = emits;
    if (emits) {
        Action e;
        e.kind = Action::Kind::emit;
        e.record_name = "seen";
        e.fields.emplace_back("x", Expr::var_of(0));
        f->actions.push_back(std::move(e));
    }
    Action r;
    r.kind = Action::Kind::return_;
    r.expr = Expr::make(Op::mul, {Expr::var_of(0), Expr::constant_of(Value(std::int64_t{2}))});
    f->actions.push_back(std::move(r));
    return f;
}

}  // namespace

TEST(UserFunctions, AValueAndAnEmitFromTheFiringRule) {
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    e.define_function(twice(true));
    RuleBuilder b("r");
    b.pat(n, {bind(0, b.var("?v"))}).emit("out", {{"v", Expr::call_of("twice", {b.v("?v")})}});
    e.add_rule(b.done());
    e.assert_fact(n, {Value(std::int64_t{21})});
    EXPECT_EQ(e.run().firings, 1u);
    ASSERT_EQ(e.records().size(), 2u);
    EXPECT_EQ(e.records()[0].name, "seen");
    EXPECT_EQ(e.records()[0].rule_id, "r");  // the record of the rule whose firing called it
    EXPECT_EQ(e.records()[1].fields[0].second.as_int(), 42);
}

TEST(UserFunctions, NamesAndBodiesThatCannotBeAreRefused) {
    Engine e;
    auto builtin = twice(false);
    builtin->name = "len";
    EXPECT_THROW(e.define_function(builtin), std::invalid_argument);
    e.define_function(twice(false));
    EXPECT_THROW(e.define_function(twice(false)), std::invalid_argument);  // defined already
    auto asserting = twice(false);
    asserting->name = "asserting";
    Action a;
    a.kind = Action::Kind::halt;
    asserting->actions.insert(asserting->actions.begin(), a);
    EXPECT_THROW(e.define_function(asserting), std::invalid_argument);
    // A body that calls a function no one defined is refused before the next rule is added.
    auto calls = twice(false);
    calls->name = "calls";
    calls->actions[0].expr = Expr::call_of("nergens", {});
    e.define_function(calls);
    TemplateId n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("r");
    b.pat(n, {bind(0, b.var("?v"))}).emit("out", {{"v", b.v("?v")}});
    EXPECT_THROW(e.add_rule(b.done()), std::invalid_argument);
}

TEST(UserFunctions, AFunctionThatEmitsIsRefusedInACondition) {
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    e.define_function(twice(true));
    RuleBuilder b("r");
    b.pat(n, {bind(0, b.var("?v"))})
        .when(Expr::make(Op::gt, {Expr::call_of("twice", {b.v("?v")}), Expr::constant_of(Value(std::int64_t{1}))}))
        .emit("out", {{"v", b.v("?v")}});
    EXPECT_THROW(e.add_rule(b.done()), std::invalid_argument);
}
