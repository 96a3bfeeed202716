// SPDX-License-Identifier: EUPL-1.2
// Which action lists may step back (a for loop) and which are refused, because a firing could then
// run forever: a rule base or an image with one of those must not reach the engine's firing loop.
#include <gtest/gtest.h>

#include "engine/action_flow.hpp"
#include "engine/functions.hpp"

using namespace ww;

namespace {

Action bind(VarId v) {
    Action a;
    a.kind = Action::Kind::bind;
    a.var = v;
    a.expr = Expr::constant_of(Value(std::int64_t{0}));
    return a;
}
Action each(VarId element, VarId list, VarId position, std::uint32_t end) {
    Action a;
    a.kind = Action::Kind::each;
    a.var = element;
    a.expr = Expr::var_of(list);
    a.target = Expr::var_of(position);
    a.jump = end;
    return a;
}
Action step(Action::Kind kind, std::uint32_t to) {
    Action a;
    a.kind = kind;
    a.jump = to;
    return a;
}
Action emit() {
    Action a;
    a.kind = Action::Kind::emit;
    return a;
}

// The answer for the actions, after checking that the image reader's form of them (ActionSteps,
// what it keeps while it reads) gets the same one.
std::string problem(const std::vector<Action>& actions, std::size_t variables) {
    std::vector<ActionStep> steps;
    for (const Action& a : actions)
        steps.push_back({a.kind, a.var, a.jump, {a.target.op, a.target.var}, {a.expr.op, a.expr.var}});
    std::string answer = action_flow_problem(actions, variables);
    EXPECT_EQ(action_flow_problem(steps, variables), answer);
    return answer;
}

}  // namespace

TEST(ActionFlow, ForwardJumpsAndNestedLoopsAreFine) {
    using K = Action::Kind;
    // bind l, bind i, each x (0..), [bind l2, bind i2, each y, emit, again], again
    std::vector<Action> a{bind(0), bind(1), each(2, 0, 1, 9), bind(3), bind(4), each(5, 3, 4, 8), emit(),
                          step(K::again, 5), step(K::again, 2)};
    EXPECT_EQ(problem(a, 6), "");
    // An if in the body may jump to the loop's again (its end).
    std::vector<Action> b{bind(0), bind(1), each(2, 0, 1, 6), step(K::branch, 5), emit(), step(K::again, 2)};
    EXPECT_EQ(problem(b, 3), "");
    // An if around a whole loop jumps past it.
    std::vector<Action> c{step(K::branch, 6), bind(0), bind(1), each(2, 0, 1, 6), emit(), step(K::again, 3)};
    EXPECT_EQ(problem(c, 3), "");
    // A while: the body's first action leaves the loop forward, past its again.
    std::vector<Action> d{bind(0), bind(1), each(2, 0, 1, 5), step(K::branch, 6), step(K::again, 2), emit()};
    EXPECT_EQ(problem(d, 3), "");
}

TEST(ActionFlow, WhatCouldRunForeverIsRefused) {
    using K = Action::Kind;
    EXPECT_NE(problem({emit(), step(K::jump, 0)}, 0), "");    // a plain jump back
    EXPECT_NE(problem({step(K::branch, 0)}, 0), "");          // a branch to itself
    EXPECT_NE(problem({emit(), step(K::again, 0)}, 0), "");   // again without each
    EXPECT_NE(problem({bind(0), bind(1), each(2, 0, 1, 5), bind(1), step(K::again, 2)}, 3), "");  // resets its position
    EXPECT_NE(problem({bind(0), bind(1), each(2, 0, 1, 5), bind(0), step(K::again, 2)}, 3), "");  // changes its list
    EXPECT_NE(problem({bind(0), bind(1), each(1, 0, 1, 4), step(K::again, 2)}, 2), "");  // element is the position
    EXPECT_NE(problem({bind(0), bind(1), each(2, 0, 1, 4), step(K::again, 1)}, 3), "");  // again to a bind
    EXPECT_NE(problem({bind(0), bind(1), each(2, 0, 1, 3), step(K::again, 2)}, 3), "");  // each ends before its again
    EXPECT_NE(problem({bind(0), bind(1), each(2, 0, 1, 4), step(K::again, 2)}, 2), "");  // a variable that is not there
    // A jump into a loop's body from outside.
    EXPECT_NE(problem({step(K::branch, 4), bind(0), bind(1), each(2, 0, 1, 6), emit(), step(K::again, 3)}, 3), "");
    // Loops that overlap instead of nesting.
    EXPECT_NE(problem({bind(0), bind(1), bind(3), bind(4), each(2, 0, 1, 7), each(5, 3, 4, 8), step(K::again, 4),
                                   step(K::again, 5)},
                                  6),
              "");
}

// The each step that rules and functions share: a for takes the elements in order and then ends; a
// while counts its rounds and stops with an error one past its limit.
TEST(AdvanceLoop, ForTakesEachElementThenEnds) {
    const Value list(std::vector<Value>{Value::symbol("a"), Value::symbol("b")});
    Value position(std::int64_t{0}), element;
    ASSERT_FALSE(advance_loop(position, list, element, 7));
    EXPECT_EQ(element, Value::symbol("a"));
    ASSERT_FALSE(advance_loop(position, list, element, 7));
    EXPECT_EQ(element, Value::symbol("b"));
    EXPECT_EQ(position, Value(std::int64_t{2}));
    EXPECT_TRUE(advance_loop(position, list, element, 7));
}

TEST(AdvanceLoop, WhileStopsPastItsRounds) {
    const Value limit(std::int64_t{2});
    Value position(std::int64_t{0}), round;
    EXPECT_FALSE(advance_loop(position, limit, round, 7));
    EXPECT_FALSE(advance_loop(position, limit, round, 7));
    EXPECT_EQ(round, Value(std::int64_t{1}));
    try {
        advance_loop(position, limit, round, 7);
        FAIL() << "a third round of two";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.source_offset, 7u);
        EXPECT_NE(std::string(e.what()).find("while liep 2 keer rond"), std::string::npos) << e.what();
    }
}

TEST(AdvanceLoop, ForOverSomethingElseIsAnError) {
    Value position(std::int64_t{0}), element;
    EXPECT_THROW(advance_loop(position, Value::string("abc"), element, 3), EvalError);
}
