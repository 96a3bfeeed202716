// SPDX-License-Identifier: EUPL-1.2
#include "engine/action_check.hpp"

#include <algorithm>


namespace ww {

void mark_bound_by_conditions(const std::vector<Condition>& alternative, std::vector<std::uint8_t>& bound) {
    auto mark = [&](VarId v) {
        if (v < bound.size()) bound[v] = 1;
    };
    for (const Condition& c : alternative) {
        if (c.kind == Condition::Kind::pattern) {
            for (const SlotConstraint& sc : c.pattern.constraints)
                if (sc.kind == SlotConstraint::Kind::bind) mark(sc.var);
            if (c.pattern.fact_var) mark(*c.pattern.fact_var);
        }
        if (c.kind == Condition::Kind::aggregate) mark(c.result);
    }
}

void ActionChecker::start(const RuleDef& rule) {
    rule_ = &rule;
    actions_ = 0;
    const std::size_t vars = rule.variables.size();
    // Most rules have one alternative: its variables are the answer.
    bound_.assign(vars, rule.alternatives.empty() ? 1 : 0);
    if (rule.alternatives.empty()) return;
    mark_bound_by_conditions(rule.alternatives[0], bound_);
    for (std::size_t i = 1; i < rule.alternatives.size(); ++i) {
        here_.assign(vars, 0);
        mark_bound_by_conditions(rule.alternatives[i], here_);
        for (std::size_t v = 0; v < vars; ++v) bound_[v] &= here_[v];
    }
}

bool ActionChecker::walked(const RuleDef& rule, std::size_t count) {
    const bool whole = rule_ == &rule && actions_ == count;
    rule_ = nullptr;
    return whole;
}

bool ActionChecker::certify(RuleDef& rule) {
    if (!walked(rule, rule.actions.size()) || !action_flow_problem(rule.actions, rule.variables.size()).empty())
        return false;
    rule.actions_checked.on_ = true;
    return true;
}

bool ActionChecker::certify(RuleDef& rule, std::size_t count, std::span<const ActionStep> flow) {
    if (!passes(rule, count, flow)) return false;
    rule.actions_checked.on_ = true;
    return true;
}

bool ActionChecker::passes(const RuleDef& rule, std::size_t count, std::span<const ActionStep> flow) {
    // No actions, no jump to go wrong: the image reader passes none for a rule without a branch,
    // jump or loop (most of them), and need not pay for the call and its empty string.
    return walked(rule, count) && (flow.empty() || action_flow_problem(flow, rule.variables.size()).empty());
}

}  // namespace ww
