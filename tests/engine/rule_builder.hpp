// SPDX-License-Identifier: EUPL-1.2
// Small helpers to write RuleDefs in tests without a front end.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace ww::test {

inline Expr C(Value v) { return Expr::constant_of(std::move(v)); }
inline Expr sym(std::string_view s) { return C(Value::symbol(s)); }
inline Expr str(std::string_view s) { return C(Value::string(s)); }
inline Expr op(Op o, Expr a, Expr b) { return Expr::make(o, {std::move(a), std::move(b)}); }

inline SlotConstraint bind(int slot, VarId var) {
    SlotConstraint c;
    c.kind = SlotConstraint::Kind::bind;
    c.slot = slot;
    c.var = var;
    return c;
}
inline SlotConstraint cmp(int slot, Op cmp, Expr rhs, bool negate = false) {
    SlotConstraint c;
    c.kind = SlotConstraint::Kind::test;
    c.slot = slot;
    c.cmp = cmp;
    c.rhs = std::move(rhs);
    c.negate = negate;
    return c;
}

// Builds a rule; variables are created by name on first use.
struct RuleBuilder {
    RuleDef r;
    explicit RuleBuilder(std::string id) {
        r.id = std::move(id);
        r.alternatives.emplace_back();
    }
    VarId var(const std::string& name) {
        for (std::size_t i = 0; i < r.variables.size(); ++i)
            if (r.variables[i] == name) return static_cast<VarId>(i);
        r.variables.push_back(name);
        return static_cast<VarId>(r.variables.size() - 1);
    }
    Expr v(const std::string& name) { return Expr::var_of(var(name)); }
    RuleBuilder& salience(int s) { r.salience = s; return *this; }
    RuleBuilder& logical() { r.logical = true; return *this; }
    RuleBuilder& alternative() { r.alternatives.emplace_back(); return *this; }

    Condition& add(Condition::Kind kind, TemplateId tmpl, std::vector<SlotConstraint> cs) {
        Condition c;
        c.kind = kind;
        c.pattern.tmpl = tmpl;
        c.pattern.constraints = std::move(cs);
        c.source_text = "cond" + std::to_string(r.alternatives.back().size());
        r.alternatives.back().push_back(std::move(c));
        return r.alternatives.back().back();
    }
    RuleBuilder& pat(TemplateId t, std::vector<SlotConstraint> cs) { add(Condition::Kind::pattern, t, std::move(cs)); return *this; }
    RuleBuilder& fpat(const std::string& fv, TemplateId t, std::vector<SlotConstraint> cs) {
        VarId f = var(fv);
        add(Condition::Kind::pattern, t, std::move(cs)).pattern.fact_var = f;
        return *this;
    }
    RuleBuilder& no(TemplateId t, std::vector<SlotConstraint> cs) { add(Condition::Kind::negation, t, std::move(cs)); return *this; }
    RuleBuilder& exists(TemplateId t, std::vector<SlotConstraint> cs) { add(Condition::Kind::exists, t, std::move(cs)); return *this; }
    RuleBuilder& aggregate(const std::string& result, AggregateKind k, TemplateId t, std::vector<SlotConstraint> cs, Expr e = {}) {
        VarId res = var(result);
        Condition& c = add(Condition::Kind::aggregate, t, std::move(cs));
        c.aggregate = k;
        c.result = res;
        c.expr = std::move(e);
        return *this;
    }
    // A further condition of the aggregate just added: it then aggregates over a conjunction.
    RuleBuilder& also(Condition::Kind kind, TemplateId t, std::vector<SlotConstraint> cs) {
        Condition c;
        c.kind = kind;
        c.pattern.tmpl = t;
        c.pattern.constraints = std::move(cs);
        r.alternatives.back().back().also.push_back(std::move(c));
        return *this;
    }
    RuleBuilder& when(Expr e) {
        Condition c;
        c.kind = Condition::Kind::test;
        c.expr = std::move(e);
        c.source_text = "test";
        r.alternatives.back().push_back(std::move(c));
        return *this;
    }

    RuleBuilder& assert_(TemplateId t, std::vector<std::pair<int, Expr>> slots) {
        Action a;
        a.kind = Action::Kind::assert_fact;
        a.tmpl = t;
        a.slots = std::move(slots);
        a.source_text = "assert";
        r.actions.edit().push_back(std::move(a));
        return *this;
    }
    RuleBuilder& retract(Expr target) {
        Action a;
        a.kind = Action::Kind::retract;
        a.target = std::move(target);
        a.source_text = "retract";
        r.actions.edit().push_back(std::move(a));
        return *this;
    }
    RuleBuilder& modify(Expr target, std::vector<std::pair<int, Expr>> slots) {
        Action a;
        a.kind = Action::Kind::modify;
        a.target = std::move(target);
        a.slots = std::move(slots);
        a.source_text = "modify";
        r.actions.edit().push_back(std::move(a));
        return *this;
    }
    RuleBuilder& bind_(const std::string& name, Expr e) {
        Action a;
        a.kind = Action::Kind::bind;
        a.var = var(name);
        a.expr = std::move(e);
        a.source_text = "bind";
        r.actions.edit().push_back(std::move(a));
        return *this;
    }
    RuleBuilder& halt() {
        Action a;
        a.kind = Action::Kind::halt;
        r.actions.edit().push_back(std::move(a));
        return *this;
    }
    RuleBuilder& emit(std::string name, std::vector<std::pair<std::string, Expr>> fields) {
        Action a;
        a.kind = Action::Kind::emit;
        a.record_name = std::move(name);
        a.fields = std::move(fields);
        a.source_text = "emit";
        r.actions.edit().push_back(std::move(a));
        return *this;
    }
    RuleDef done() { return std::move(r); }
};

inline TemplateDef tmpl(std::string name, std::vector<std::pair<std::string, SlotType>> slots) {
    TemplateDef t;
    t.name = std::move(name);
    for (auto& [n, ty] : slots) t.slots.push_back(SlotDef{n, ty, std::nullopt, false});
    return t;
}

// Emitted records of one name, their first field, in order.
inline std::vector<Value> firsts(const Engine& e, const std::string& name) {
    std::vector<Value> out;
    for (const Record& r : e.records())
        if (r.name == name && !r.fields.empty()) out.push_back(r.fields[0].second);
    return out;
}

}  // namespace ww::test
