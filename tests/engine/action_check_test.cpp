// SPDX-License-Identifier: EUPL-1.2
// The action checks Engine::add_rule and the image reader share (engine/action_check.hpp): which
// variables the conditions bind, how many arguments a function takes, and that only an
// ActionChecker that went through every action of a rule marks it as checked.
#include <gtest/gtest.h>

#include "engine/action_check.hpp"
#include "engine/engine.hpp"
#include "engine/user_function.hpp"

using namespace ww;

namespace {

Condition pattern_binding(VarId v, std::optional<VarId> fact = std::nullopt) {
    Condition c;
    c.kind = Condition::Kind::pattern;
    SlotConstraint sc;
    sc.kind = SlotConstraint::Kind::bind;
    sc.var = v;
    c.pattern.constraints.push_back(sc);
    c.pattern.fact_var = fact;
    return c;
}

Action emit_of(VarId v) {
    Action a;
    a.kind = Action::Kind::emit;
    a.record_name = "uit";
    a.fields.emplace_back("v", Expr::var_of(v));
    a.source_text = "emit uit(v: ?v)";
    return a;
}

// ?a bound by a pattern, ?f its fact; ?b only inside a not; ?n an aggregate's result; ?c by nothing.
RuleDef rule_with_two_alternatives() {
    RuleDef r;
    r.id = "r";
    r.variables = {"?a", "?f", "?b", "?n", "?c"};
    Condition negated = pattern_binding(2);
    negated.kind = Condition::Kind::negation;
    Condition count = pattern_binding(2);
    count.kind = Condition::Kind::aggregate;
    count.result = 3;
    r.alternatives.push_back({pattern_binding(0, 1), negated, count});
    r.alternatives.push_back({pattern_binding(0)});
    r.actions.edit().push_back(emit_of(0));
    return r;
}

TEST(ActionCheck, ConditionsBindOutsideNotAndAggregates) {
    const RuleDef r = rule_with_two_alternatives();
    std::vector<std::uint8_t> bound(r.variables.size(), 0);
    mark_bound_by_conditions(r.alternatives[0], bound);
    EXPECT_EQ(bound, (std::vector<std::uint8_t>{1, 1, 0, 1, 0}));
    // A number past the end is left alone, not written.
    std::vector<std::uint8_t> short_list(1, 0);
    mark_bound_by_conditions(r.alternatives[0], short_list);
    EXPECT_EQ(short_list, std::vector<std::uint8_t>{1});
}

TEST(ActionCheck, ActionsMayReadWhatEveryAlternativeBinds) {
    RuleDef r = rule_with_two_alternatives();
    ActionChecker checker;
    checker.start(r);
    const std::uint8_t* bound = checker.before(Action::Kind::emit);
    ASSERT_NE(bound, nullptr);
    EXPECT_EQ(bound[0], 1);  // in both alternatives
    EXPECT_EQ(bound[1], 0);  // the fact of the first one only
    EXPECT_EQ(bound[3], 0);
    EXPECT_EQ(checker.before(Action::Kind::halt), nullptr);  // a halt reads no variables
}

TEST(ActionCheck, OnlyARuleWalkedWholeIsCertified) {
    RuleDef r = rule_with_two_alternatives();
    r.actions.edit().push_back(emit_of(0));
    EXPECT_FALSE(r.actions_checked);
    ActionChecker checker;
    // What the image reader does for a rule it reads whole: every action through the checker.
    const auto walk_whole = [&checker](const RuleDef& rule) {
        checker.start(rule);
        for (const Action& a : rule.actions) {
            checker.before(a.kind);
            checker.after(a);
        }
    };
    EXPECT_FALSE(checker.certify(r));  // never started
    checker.start(r);
    checker.before(r.actions[0].kind);
    checker.after(r.actions[0]);
    EXPECT_FALSE(checker.certify(r));  // one of two actions
    EXPECT_FALSE(r.actions_checked);
    walk_whole(r);
    EXPECT_TRUE(checker.certify(r));
    EXPECT_TRUE(r.actions_checked);
    // A copy may be changed before it is added: it is checked again; a moved rule stays checked.
    RuleDef copy = r;
    EXPECT_FALSE(copy.actions_checked);
    copy = r;
    EXPECT_FALSE(copy.actions_checked);
    RuleDef moved = std::move(r);
    EXPECT_TRUE(moved.actions_checked);

    // A jump backwards: walked whole, and still not certified.
    RuleDef loop = rule_with_two_alternatives();
    Action back;
    back.kind = Action::Kind::jump;
    back.jump = 0;
    loop.actions.edit().push_back(back);
    walk_whole(loop);
    EXPECT_FALSE(checker.certify(loop));
    EXPECT_FALSE(loop.actions_checked);
}

// A bind makes its variable readable for the actions after it, as in add_rule.
TEST(ActionCheck, ABindBindsForTheActionsAfterIt) {
    RuleDef r = rule_with_two_alternatives();
    ActionChecker checker;
    checker.start(r);
    Action bind;
    bind.kind = Action::Kind::bind;
    bind.var = 4;
    bind.expr = Expr::var_of(0);
    EXPECT_EQ(checker.before(bind.kind)[4], 0);
    checker.after(bind);
    EXPECT_EQ(checker.before(Action::Kind::emit)[4], 1);
}

TEST(ActionCheck, ArgumentsOfBuiltInAndOwnFunctions) {
    const FunctionInfo* len = find_function("len");
    ASSERT_NE(len, nullptr);
    EXPECT_TRUE(takes_arguments(*len, 1));
    EXPECT_FALSE(takes_arguments(*len, 0));
    EXPECT_FALSE(takes_arguments(*len, 2));
    FunctionDef own;
    own.params = 2;
    EXPECT_TRUE(takes_arguments(own, 2));
    EXPECT_FALSE(takes_arguments(own, 1));
    EXPECT_FALSE(takes_arguments(own, 3));
    own.rest = true;
    EXPECT_TRUE(takes_arguments(own, 5));
    EXPECT_FALSE(takes_arguments(own, 1));
}

// The image reader checks calls of the program's own functions by their definitions, before they
// are defined; a defined function's FunctionInfo must then take exactly those calls.
TEST(ActionCheck, ADefinedFunctionTakesWhatItsDefinitionTakes) {
    FunctionTable table;
    for (const bool rest : {false, true}) {
        auto def = std::make_shared<FunctionDef>();
        def->name = rest ? "met_rest" : "zonder_rest";
        def->params = 2;
        def->rest = rest;
        def->variables = {"a", "b", "c"};
        table.define(def, nullptr);
        const FunctionInfo* info = table.find(def->name);
        ASSERT_NE(info, nullptr);
        for (std::size_t n = 0; n <= 5; ++n) EXPECT_EQ(takes_arguments(*info, n), takes_arguments(*def, n)) << def->name << n;
        EXPECT_EQ(takes_arguments(*info, 4), rest);
    }
}

// What add_rule needs of a rule's actions, gathered from built actions as the image reader gathers
// it from unbuilt ones (ActionSummary::add).
TEST(ActionSummary, BindsChangedFactsAndFocusModules) {
    std::vector<Action> actions(5);
    actions[0].kind = Action::Kind::retract;
    actions[0].target = Expr::var_of(3);
    actions[1].kind = Action::Kind::modify;
    actions[1].target = Expr::constant_of(Value(std::int64_t{1}));  // not a fact variable: nothing to mark
    actions[2].kind = Action::Kind::focus;
    actions[2].modules = {"B", "A"};
    actions[3].kind = Action::Kind::emit;
    actions[4].kind = Action::Kind::modify;
    actions[4].target = Expr::var_of(1);
    ActionSummary summary = summarize(actions);
    EXPECT_FALSE(summary.binds);
    EXPECT_EQ(summary.changed_fact_vars, (std::vector<VarId>{3, 1}));
    EXPECT_EQ(summary.focus_modules, (std::vector<std::string>{"B", "A"}));
    actions[3].kind = Action::Kind::each;
    EXPECT_TRUE(summarize(actions).binds);
}

// add_rule refuses what the checker refuses: ?b, bound only inside the not, read by an action.
TEST(ActionCheck, AddRuleRefusesAVariableBoundOnlyInsideANot) {
    RuleDef r = rule_with_two_alternatives();
    r.actions.edit().push_back(emit_of(2));
    Engine engine;
    TemplateDef t;
    t.name = "t";
    t.slots.push_back(SlotDef{});
    t.slots.back().name = "s";
    engine.define_template(t);
    try {
        engine.add_rule(r);
        ADD_FAILURE() << "add_rule nam ?b aan";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "regel 'r': variabele ?b in actie 'emit uit(v: ?v)' is niet gebonden");
    }
    r.actions.edit().pop_back();
    EXPECT_NO_THROW(engine.add_rule(r));
}

}  // namespace
