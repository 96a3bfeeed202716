// SPDX-License-Identifier: EUPL-1.2
// What Engine::add_rule checks of the expressions in a rule's actions before it takes the rule: every
// variable they read is bound, every function they call exists and takes that many arguments, the
// jumps end (action_flow_problem). One set of rules for two callers: add_rule, which walks the
// actions of a RuleDef it is given, and a reader that builds the actions itself (the knowledge-base
// image, rules/image.cpp) and makes the same checks node by node while it does, through an
// ActionChecker; a rule that checker certified is not walked again (RuleDef::actions_checked).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/action_flow.hpp"
#include "engine/functions.hpp"
#include "engine/rule.hpp"

namespace ww {

// Marks (1) in `bound` the variables the conditions of one alternative bind for the actions: slot
// bindings and fact variables of its patterns, the results of its aggregates; not those inside not,
// exists or an aggregate's pattern. Numbers past the end of `bound` are left alone.
void mark_bound_by_conditions(const std::vector<Condition>& alternative, std::vector<std::uint8_t>& bound);

// Whether the expressions of an action of this kind are checked for unbound variables (the others
// either have none, or add_rule and compile_actions never read them).
inline bool reads_bound_variables(Action::Kind kind) {
    switch (kind) {
        case Action::Kind::assert_fact: case Action::Kind::bind: case Action::Kind::emit:
        case Action::Kind::retract: case Action::Kind::modify: case Action::Kind::branch:
        case Action::Kind::each: case Action::Kind::duplicate:
            return true;
        default: return false;
    }
}

// Whether `n` arguments lie in min_args..max_args (max_args -1: any number), as FunctionInfo holds them.
inline bool takes_arguments(int min_args, int max_args, std::size_t n) {
    return n >= static_cast<std::size_t>(min_args) && (max_args < 0 || n <= static_cast<std::size_t>(max_args));
}
// Whether a call of `f` may have `n` arguments (compiling a call asks it, and so does the image reader).
inline bool takes_arguments(const FunctionInfo& f, std::size_t n) { return takes_arguments(f.min_args, f.max_args, n); }
// How many arguments one of the program's own functions takes: its parameters, and with a rest
// parameter any number more. FunctionTable::define gives the function's FunctionInfo these; the
// image reader checks calls by them before the functions are defined.
inline int min_args_of(const FunctionDef& f) { return static_cast<int>(f.params); }
inline int max_args_of(const FunctionDef& f) { return f.rest ? -1 : static_cast<int>(f.params); }
inline bool takes_arguments(const FunctionDef& f, std::size_t n) { return takes_arguments(min_args_of(f), max_args_of(f), n); }

// add_rule's checks for a reader that builds a rule's actions node by node: per rule, start() once
// its conditions are there; per action, in order, before() its expressions and after() them; and
// certify() at the end, which sets RuleDef::actions_checked when the reader went through every action
// and their jumps end. In between the reader refuses every variable may_read() refuses and every
// call takes_arguments() refuses.
class ActionChecker {
public:
    // The variables the first action may read: those the conditions of every alternative bind (a
    // variable passes add_rule's check in every alternative exactly when it passes here).
    void start(const RuleDef& rule);
    // The variables an action of `kind` may read; null when its expressions are not checked for them.
    const std::uint8_t* before(Action::Kind kind) {
        ++actions_;
        return reads_bound_variables(kind) ? bound_.data() : nullptr;
    }
    void after(const Action& a) { after(a.kind, a.var); }
    void after(Action::Kind kind, VarId var) {
        if (binds_variable(kind) && var < bound_.size()) bound_[var] = 1;
    }
    // False when the reader did not take every action of `rule` through before(), or its jumps
    // would not end: the rule is then not certified.
    bool certify(RuleDef& rule);
    // The same for a reader that defers building the actions (ActionList): `count` actions went
    // through before(), and `flow` holds what action_flow_problem reads of them, or nothing when
    // none of them is a branch, jump, for or again (then no jump can go wrong).
    bool certify(RuleDef& rule, std::size_t count, std::span<const ActionStep> flow);
    // The same check without the mark, for a reader that marked the rule already (defer) and checks
    // its actions when they are built.
    bool passes(const RuleDef& rule, std::size_t count, std::span<const ActionStep> flow);
    // For a reader that checks a rule's actions only when they are built (ActionList), before anyone
    // reads them: with this checker, as certify would, and a build that does not pass throws
    // DeferredActionsRefused. Sets RuleDef::actions_checked: add_rule takes the rule on the summary
    // the reader gives (ActionList::pending), which the build holds the actions to.
    static void defer(RuleDef& rule) { rule.actions_checked.on_ = true; }

private:
    // Whether the reader took `count` actions of `rule` through before(); ends the rule's walk.
    bool walked(const RuleDef& rule, std::size_t count);

    const RuleDef* rule_ = nullptr;
    std::size_t actions_ = 0;
    std::vector<std::uint8_t> bound_, here_;
};

}  // namespace ww
