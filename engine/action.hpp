// SPDX-License-Identifier: EUPL-1.2
// One action of a rule's (or a function's) right-hand side, as front ends compile it and the engine
// compiles it further when the rule first fires.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/expr.hpp"
#include "engine/template.hpp"

namespace ww {

struct Action {
    enum class Kind : std::uint8_t {
        assert_fact,  // tmpl + slots
        retract,      // target: expression giving a fact reference
        modify,       // target + slots: retract and assert the changed copy
        bind,         // var = expr
        halt,
        emit,         // record_name + fields: an output record the caller collects
        // `if`/`else` flattened into the list: branch goes on at `jump` when `expr` is false, jump
        // always goes on at `jump` (the end of the else part). `jump` is an index into the actions;
        // the number of actions ends the firing.
        branch,
        jump,
        // `for` flattened into the list: each takes the next element of the list in variable `expr`
        // (an Op::var, bound before) at the position in variable `target` (an Op::var holding an int,
        // bound to 0 before), binds it to `var` and counts on; past the end it goes on at `jump`.
        // again, at the end of the body, goes back to its each at `jump`: the only backward step,
        // and it always ends, because each counts and nothing in the body may bind its two variables.
        // `while` is an each whose list variable holds an integer, the most rounds it may take
        // (max_while_rounds; one more is an error), and whose body starts with a branch that leaves
        // the loop: a jump may leave a body forward, never enter one.
        each,
        again,
        // `duplicate ?f(slot: v)`: asserts a copy of the fact in `target` with the slots changed;
        // the fact itself stays (CLIPS's duplicate; modify without the retract).
        duplicate,
        // Modules (CLIPS's defmodule and focus): focus pushes the modules in `modules` on the focus
        // stack, the last first, so that the first is on top; return ends the firing and takes the
        // rule's own module off the stack; pop_focus takes the current focus off.
        focus,
        return_,
        pop_focus,
    };
    Kind kind = Kind::assert_fact;
    TemplateId tmpl = 0;
    std::vector<std::pair<int, Expr>> slots;  // assert/modify: slot index and value
    Expr target;                              // retract/modify; each: the position
    VarId var = 0;                            // bind; each: the element
    Expr expr;                                // bind; branch: the condition; each: the list
    std::uint32_t jump = 0;                   // branch, jump, each, again
    std::string record_name;                  // emit
    std::vector<std::pair<std::string, Expr>> fields;  // emit, in written order
    std::vector<std::string> modules;                  // focus, as written
    std::uint32_t source_offset = 0;
    std::string source_text;
};

// Whether an action of this kind binds its `var` for the actions after it: a bind, and a for loop's
// each (its element). What checks variables (add_rule, ActionChecker, FunctionTable::define, the image
// reader) and what loops must not touch (action_flow_problem) all ask it here.
inline bool binds_variable(Action::Kind kind) { return kind == Action::Kind::bind || kind == Action::Kind::each; }

}  // namespace ww
