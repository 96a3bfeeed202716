// SPDX-License-Identifier: EUPL-1.2
#include "engine/action_flow.hpp"

#include "engine/functions.hpp"

namespace ww {

namespace {

// Over Actions or ActionSteps: each has kind, var, jump, and op and var of target and expr.
template <class Steps>
std::string flow_problem(const Steps& actions, std::size_t variables) {
    const std::size_t n = actions.size();
    struct Loop {
        std::size_t each, again;
        VarId list, position;
    };
    // Every loop, to check jumps against bodies they do not stand in; the open ones as a stack.
    std::vector<Loop> loops;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = actions[i];
        if (a.kind != Action::Kind::each) continue;
        if (a.expr.op != Op::var || a.target.op != Op::var || a.expr.var >= variables || a.target.var >= variables ||
            a.var >= variables || a.var == a.expr.var || a.var == a.target.var || a.expr.var == a.target.var)
            return "een for-lus heeft drie verschillende variabelen nodig";
        if (a.jump < i + 2 || a.jump > n || actions[a.jump - 1].kind != Action::Kind::again || actions[a.jump - 1].jump != i)
            return "een for-lus zonder einde";
        loops.push_back({i, a.jump - 1, a.expr.var, a.target.var});
    }
    const auto inside = [](const Loop& l, std::size_t p) { return p > l.each && p <= l.again; };
    std::vector<const Loop*> open;
    std::size_t next_loop = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = actions[i];
        while (!open.empty() && i > open.back()->again) open.pop_back();
        for (const Loop* l : open)
            if (binds_variable(a.kind) && (a.var == l->list || a.var == l->position))
                return "een actie in een for-lus bindt een variabele van die lus";
        switch (a.kind) {
            case Action::Kind::branch:
            case Action::Kind::jump:
                if (a.jump <= i || a.jump > n) return "een sprong terug of naar een actie die er niet is";
                // Leaving a body forward (a while whose condition is false) ends the loop; entering
                // one past its each would skip the count.
                for (const Loop& l : loops)
                    if (!inside(l, i) && inside(l, a.jump)) return "een sprong in een for-lus";
                break;
            case Action::Kind::each: {
                const Loop& l = loops[next_loop++];
                if (!open.empty() && l.again >= open.back()->again) return "for-lussen die elkaar overlappen";
                open.push_back(&l);
                break;
            }
            case Action::Kind::again:
                if (open.empty() || open.back()->again != i) return "een einde van een for-lus zonder begin";
                break;
            default: break;
        }
    }
    return {};
}

}  // namespace

std::string action_flow_problem(const std::vector<Action>& actions, std::size_t variables) {
    return flow_problem(actions, variables);
}

std::string action_flow_problem(std::span<const ActionStep> steps, std::size_t variables) {
    return flow_problem(steps, variables);
}

void loop_error(const Value& list, std::uint32_t source_offset) {
    if (list.kind() == ValueKind::integer)
        throw EvalError("while liep " + std::to_string(list.as_int()) +
                            " keer rond en de voorwaarde bleef waar; een lus die niet eindigt?",
                        source_offset);
    throw EvalError("for verwacht een lijst, niet " + std::string(kind_name(list.kind())), source_offset);
}

}  // namespace ww
