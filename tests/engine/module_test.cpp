// SPDX-License-Identifier: EUPL-1.2
// Modules and the focus stack (RuleDef::module, auto_focus; the actions focus, return, pop_focus)
// and duplicate, through the engine's API. The rule language's examples in docs/regeltaal.md run
// the same through the loader and are compared with CLIPS 6.30 (ctest clips_modules).
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

Action bare(Action::Kind kind) {
    Action a;
    a.kind = kind;
    return a;
}

Action focus_on(std::vector<std::string> modules) {
    Action a = bare(Action::Kind::focus);
    a.modules = std::move(modules);
    return a;
}

struct Modules : ::testing::Test {
    Engine e;
    TemplateId n = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    // A rule on every n fact that emits f(v, r: its id), in `module`, with `extra` actions after the emit.
    void rule(const std::string& id, const std::string& module, std::vector<Action> extra = {}, bool auto_focus = false,
              int salience = 0) {
        RuleBuilder b(id);
        b.salience(salience).pat(n, {bind(0, b.var("?v"))}).emit("f", {{"v", b.v("?v")}, {"r", str(id)}});
        RuleDef r = b.done();
        r.module = module;
        r.auto_focus = auto_focus;
        for (Action& a : extra) r.actions.edit().push_back(std::move(a));
        e.add_rule(std::move(r));
    }
    std::vector<std::string> fired() const {
        std::vector<std::string> out;
        for (const Record& r : e.records())
            out.push_back(std::string(r.fields[1].second.as_text()) + std::to_string(r.fields[0].second.as_int()));
        return out;
    }
};

}  // namespace

TEST_F(Modules, OnlyTheFocusedModuleFires) {
    rule("m", "");
    rule("a", "A");
    e.assert_fact(n, {Value(1)});
    EXPECT_EQ(e.focus_stack(), (std::vector<std::string>{"MAIN"}));
    EXPECT_EQ(e.run().firings, 1u);
    EXPECT_EQ(fired(), (std::vector<std::string>{"m1"}));
    EXPECT_EQ(e.agenda_size(), 1u);  // a waits on the agenda of A
    EXPECT_TRUE(e.focus_stack().empty());
    e.focus("A");
    EXPECT_EQ(e.run().firings, 1u);
    EXPECT_EQ(fired(), (std::vector<std::string>{"m1", "a1"}));
    EXPECT_THROW(e.focus("B"), std::invalid_argument);
}

TEST_F(Modules, FocusPushesTheFirstOnTopAndAModuleOnTopOnlyOnce) {
    e.define_module("A");
    e.define_module("B");
    e.focus("B");
    e.focus("A");
    e.focus("A");
    EXPECT_EQ(e.focus_stack(), (std::vector<std::string>{"A", "B", "MAIN"}));
    rule("start", "", {focus_on({"A", "B"})}, false, 1);
    rule("a", "A");
    rule("b", "B");
    e.reset();
    EXPECT_EQ(e.focus_stack(), (std::vector<std::string>{"MAIN"}));
    e.assert_fact(n, {Value(1)});
    e.run();
    EXPECT_EQ(fired(), (std::vector<std::string>{"start1", "a1", "b1"}));
}

TEST_F(Modules, AutoFocusTakesTheFocusAtEachActivation) {
    rule("m", "");
    rule("a", "A", {}, true);
    e.assert_fact(n, {Value(1)});
    EXPECT_EQ(e.focus_stack(), (std::vector<std::string>{"A", "MAIN"}));
    e.run();
    EXPECT_EQ(fired(), (std::vector<std::string>{"a1", "m1"}));
}

TEST_F(Modules, ReturnEndsTheActionsAndLeavesTheModule) {
    rule("m", "", {focus_on({"A"})});
    rule("a", "A", {bare(Action::Kind::return_), bare(Action::Kind::halt)});
    e.assert_fact(n, {Value(1)});
    e.assert_fact(n, {Value(2)});
    const RunResult r = e.run();
    EXPECT_FALSE(r.halted);  // the halt after return never ran
    // m2 focuses A; a2 returns, so A leaves the stack with a1 still on its agenda; then m1 focuses A again.
    EXPECT_EQ(fired(), (std::vector<std::string>{"m2", "a2", "m1", "a1"}));
    EXPECT_EQ(e.agenda_size(), 0u);
}

TEST_F(Modules, PopFocusLeavesTheFocusButTheActionsGoOn) {
    rule("m", "", {focus_on({"A"})});
    rule("a", "A", {bare(Action::Kind::pop_focus), bare(Action::Kind::halt)});
    e.assert_fact(n, {Value(1)});
    e.assert_fact(n, {Value(2)});
    EXPECT_TRUE(e.run().halted);
    EXPECT_EQ(fired(), (std::vector<std::string>{"m2", "a2"}));
    EXPECT_EQ(e.focus_stack(), (std::vector<std::string>{"MAIN"}));
}

TEST(Duplicate, CopiesTheFactWithTheSlotsChangedAndKeepsIt) {
    Engine e;
    TemplateId s = e.define_template(tmpl("s", {{"a", SlotType::integer}, {"b", SlotType::integer}}));
    RuleBuilder b("kopie");
    const VarId f = b.var("?f");
    b.fpat("?f", s, {bind(0, b.var("?a")), bind(1, b.var("?b"))}).when(op(Op::lt, b.v("?a"), C(Value(3))));
    Action d = bare(Action::Kind::duplicate);
    d.target = Expr::var_of(f);
    d.tmpl = s;
    d.slots.emplace_back(0, op(Op::add, b.v("?a"), C(Value(1))));
    RuleDef r = b.done();
    r.actions.edit().push_back(d);
    r.actions.edit().push_back(d);  // the same copy again: an equal fact exists, nothing is added
    e.add_rule(std::move(r));
    e.assert_fact(s, {Value(1), Value(7)});
    e.run();
    std::vector<std::int64_t> as;
    for (const Fact* f : e.facts()) {
        as.push_back(f->slots[0].as_int());
        EXPECT_EQ(f->slots[1].as_int(), 7);
    }
    EXPECT_EQ(as, (std::vector<std::int64_t>{1, 2, 3}));
}
