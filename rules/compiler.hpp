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

// One condition of a rule's `when`: a text, or a group written as YAML (`not: [...]`, `forall: [...]`)
// whose texts are the parts; `text` is then the group's first part (for positions).
struct ConditionSite {
    enum class Group : std::uint8_t { none, negation, forall };
    Site text;
    Group group = Group::none;
    std::vector<Site> parts;
    std::size_t item = 0;  // its place in `when` (the alternatives of an `or` share theirs)
};

// One entry of a rule's `then`: an action text, or an `if` (its condition in `text`) with the actions
// of its two parts.
struct ActionSite {
    Site text;                          // the action; of an if, its condition; of a for, `?x in lijst`
    bool is_if = false;
    std::vector<ActionSite> then_part;  // of a for or a while: its body (do)
    std::vector<ActionSite> else_part;
    bool is_for = false;
    bool is_while = false;              // text: the condition
};

class RuleCompiler {
public:
    RuleCompiler(const RuleBase& base, Reporter& reporter) : base_(base), reporter_(reporter) {}

    // `conditions` are all condition texts of the rule; `alternatives` lists, per alternative of the
    // `or` expansion, the indices of its conditions in order. Fills rule.variables, alternatives and
    // actions. `logical_items` > 0: a logical rule's facts rest on the conditions of that many items
    // of `when` (fewer than all), which fills rule.logical_prefix. Returns false when anything was
    // reported.
    bool compile_rule(RuleDef& rule, const std::vector<ConditionSite>& conditions,
                      const std::vector<std::vector<std::size_t>>& alternatives, const std::vector<ActionSite>& actions,
                      std::size_t logical_items = 0);

    // A function's body (`do`) into def.actions; def.variables hold the parameters already. Sets
    // def.effects when the body emits or reads input itself. Returns false when anything was reported.
    bool compile_function(FunctionDef& def, const std::vector<ActionSite>& body);
    // Whether the actions emit, or call a function that reads input or (as far as known) has effects.
    bool has_effects(const std::vector<Action>& actions) const;

    // A fact in pattern syntax with constant values.
    std::optional<FactSpec> compile_fact(const Site& site);

    // A constant expression (parameter values, slot defaults).
    std::optional<Value> compile_constant(const Site& site);

    struct VarInfo {
        VarId id = 0;
        std::optional<SlotType> type;          // known when bound to a typed slot
        std::optional<TemplateId> fact_tmpl;   // `?f <- pattern`
        // An element of a list a pattern took apart (`slot: [?x, ?y]`): the expression that reads it
        // (`?#[x,y][0]`); uses of the variable compile to it.
        std::optional<Expr> alias;
        // A variable of a list with gaps (`[..., ?x, ...]`): it stands for a different element in each
        // way the list matches, so it has no value outside the list. Kept in the scope (with no id of
        // its own) only so that a later use in the same not, exists, aggregate or group is an error,
        // not a new variable of the same name.
        bool gap_local = false;
    };
    using Scope = std::map<std::string, VarInfo, std::less<>>;

private:
    struct Context;
    std::optional<Condition> compile_condition(Context& cx, const ast::condition& c, const Site& site, Scope& scope);
    // `not: [a, b, ...]` and `forall: [a, b, ...]`: counts of a conjunction that must be 0, appended to `out`.
    void compile_group(Context& cx, const ConditionSite& group, Scope& scope, std::vector<Condition>& out);
    std::optional<Pattern> compile_pattern(Context& cx, const ast::pattern& p, const Site& site, Scope& scope);
    std::optional<Action> compile_action(Context& cx, const ast::action& a, const Site& site, Scope& scope);
    // `for: ?x in lijst, do: [...]`: the body once per element, as bind, bind, each, body, again.
    void compile_for(Context& cx, const ActionSite& item, Scope& scope);
    void compile_while(Context& cx, const ActionSite& item, Scope& scope);
    std::size_t open_loop(RuleDef& rule, Action head, VarId position, VarId element);
    void close_loop(RuleDef& rule, std::size_t at_each, std::string source_text, Scope& scope, const Scope& body);
    // Appends the actions of `list` to rule.actions, an `if` as a branch and a jump around its parts.
    void compile_actions(Context& cx, const std::vector<ActionSite>& list, Scope& scope);
    // `slot: [?x, ?y]` with a variable not bound yet: binds the slot to a hidden variable, the new
    // variables to its elements, and queues the test of length and the other elements (inside not,
    // exists or an aggregate: adds it to the pattern). False when the list binds nothing (it is then
    // compared whole).
    // Binds the list in `slot` whole to the hidden variable `name` (in scope and as the pattern's
    // constraint); the element tests of destructure and match_with_gaps read it.
    VarId bind_whole_list(Context& cx, const std::string& name, const ast::list_lit& list, int slot, const Site& site,
                          Scope& scope, Pattern& out);
    bool destructure(Context& cx, const ast::list_lit& list, const SlotDef& sd, int slot,
                     const Site& site, Scope& scope, Pattern& out);
    // A list with gaps (`[..., ?a, is, ?v, ...]`): inside not, exists or an aggregate, a test that
    // the list matches in some way; its new variables exist only in the list.
    void match_with_gaps(Context& cx, const ast::list_lit& list, const SlotDef& sd, int slot,
                         const Site& site, Scope& scope, Pattern& out);
    const TemplateDef* lookup_template(const std::string& name, std::uint32_t offset, const Site& site);
    int lookup_slot(const TemplateDef& t, const std::string& slot, std::uint32_t offset, const Site& site);

    friend struct ExprCompiler;
    const RuleBase& base_;
    Reporter& reporter_;
};

}  // namespace ww
