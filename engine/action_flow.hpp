// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "engine/value.hpp"

namespace ww {

// Whether the jumps among a rule's actions are such that a firing always ends: branch and jump go
// forward; each/again enclose a body like brackets (an again goes back to the each whose end it is),
// nothing in a body binds the list or position variables of a loop around it, and no jump enters a
// body from outside (one may leave it forward: a while whose condition is false). Empty when they are; otherwise what is wrong. Both
// Engine::add_rule and the image reader ask it, so that no rule base can make a firing loop forever.
std::string action_flow_problem(const std::vector<Action>& actions, std::size_t variables);

// What action_flow_problem reads of an action: enough for a reader that checks actions without
// building them (the knowledge-base image, rules/image.cpp) to ask it about what it keeps while it
// reads, without making Actions of that.
struct ActionStep {
    struct Operand {
        Op op = Op::constant;
        VarId var = 0;
    };
    Action::Kind kind = Action::Kind::assert_fact;
    VarId var = 0;
    std::uint32_t jump = 0;
    Operand target, expr;
};
// The same answer for the same actions, as ActionSteps (one implementation behind both).
std::string action_flow_problem(std::span<const ActionStep> steps, std::size_t variables);

// advance_loop's errors: a while past its rounds, a for over something that is not a list.
[[noreturn]] void loop_error(const Value& list, std::uint32_t source_offset);

// The `each` step of a loop, for a firing's actions and a function's body alike: `list` a list (a
// for: `var` gets its next element) or an integer (a while: `var` gets the round, and going past
// that many rounds is an EvalError at `source_offset`). `position` counts where the loop is. True
// when a for has run out (the caller jumps past the loop's end). `var`, `list` and `position` are
// three different variables (action_flow_problem). Inline: a firing's loops step here once per
// element, and the call cost more than the step.
inline bool advance_loop(Value& position, const Value& list, Value& var, std::uint32_t source_offset) {
    if (list.kind() == ValueKind::integer) {  // a while: rounds counted, not elements
        const std::int64_t round = position.kind() == ValueKind::integer ? position.as_int() : 0;
        if (round >= list.as_int()) loop_error(list, source_offset);
        var = Value(round);
        position = Value(round + 1);
        return false;
    }
    if (list.kind() != ValueKind::list) loop_error(list, source_offset);
    const auto& items = list.as_list();
    const std::int64_t at = position.kind() == ValueKind::integer ? position.as_int() : -1;
    if (at < 0 || static_cast<std::size_t>(at) >= items.size()) return true;
    var = items[static_cast<std::size_t>(at)];
    position = Value(at + 1);
    return false;
}

}  // namespace ww
