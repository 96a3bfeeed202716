// SPDX-License-Identifier: EUPL-1.2
// Compiles the rule language's texts (conditions, actions, facts, constants) against a rule base's
// templates and parameters into the engine's IR, running the static checks on the way: unknown
// templates, slots, functions and parameters, unbound variables, evident type clashes and patterns
// no fact can match. Every problem is reported; compilation goes on after an error so that one load
// shows them all.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "rules/ast.hpp"
#include "rules/rule_base.hpp"
#include "rules/site.hpp"

namespace ww {

class RuleCompiler {
public:
    RuleCompiler(const RuleBase& base, Reporter& reporter) : base_(base), reporter_(reporter) {}

    // `conditions` are all condition texts of the rule; `alternatives` lists, per alternative of the
    // `or` expansion, the indices of its conditions in order. Fills rule.variables, alternatives and
    // actions. Returns false when anything was reported.
    bool compile_rule(RuleDef& rule, const std::vector<Site>& conditions,
                      const std::vector<std::vector<std::size_t>>& alternatives, const std::vector<Site>& actions);

    // A fact in pattern syntax with constant values.
    std::optional<FactSpec> compile_fact(const Site& site);

    // A constant expression (parameter values, slot defaults).
    std::optional<Value> compile_constant(const Site& site);

    struct VarInfo {
        VarId id = 0;
        std::optional<SlotType> type;          // known when bound to a typed slot
        std::optional<TemplateId> fact_tmpl;   // `?f <- pattern`
    };
    using Scope = std::map<std::string, VarInfo, std::less<>>;

private:
    struct Context;
    std::optional<Condition> compile_condition(Context& cx, const ast::condition& c, const Site& site, Scope& scope);
    std::optional<Pattern> compile_pattern(Context& cx, const ast::pattern& p, const Site& site, Scope& scope);
    std::optional<Action> compile_action(Context& cx, const ast::action& a, const Site& site, Scope& scope);
    const TemplateDef* lookup_template(const std::string& name, std::uint32_t offset, const Site& site);
    int lookup_slot(const TemplateDef& t, const std::string& slot, std::uint32_t offset, const Site& site);

    friend struct ExprCompiler;
    const RuleBase& base_;
    Reporter& reporter_;
};

}  // namespace ww
