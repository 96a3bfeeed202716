#include <algorithm>
#include <stdexcept>

#include "engine/network_builder.hpp"

namespace ww {
namespace {

class NoVarsEnv : public EvalEnv {
public:
    Value var(std::uint32_t) const override { return Value(); }
    const Fact* fact(FactId) const override { return nullptr; }
    const TemplateDef& template_def(TemplateId) const override { throw EvalError("geen feit beschikbaar", 0); }
};

std::string var_name(const RuleDef& rule, VarId v) {
    return v < rule.variables.size() ? rule.variables[v] : "?" + std::to_string(v);
}

[[noreturn]] void bad(const RuleDef& rule, const std::string& what) {
    throw std::invalid_argument("regel '" + rule.id + "': " + what);
}

}  // namespace

std::unique_ptr<BetaNode> NetworkBuilder::pattern_node(const RuleDef& rule, const Condition& c, std::uint16_t depth,
                                                       std::vector<VarLoc>& locs) {
    const Pattern& p = c.pattern;
    if (p.tmpl >= templates_.size()) bad(rule, "onbekende template (nummer " + std::to_string(p.tmpl) + ")");
    const TemplateDef& t = templates_[p.tmpl];
    auto node = std::make_unique<BetaNode>();
    switch (c.kind) {
        case Condition::Kind::pattern: node->kind = NodeKind::join; break;
        case Condition::Kind::negation: node->kind = NodeKind::negation; break;
        case Condition::Kind::exists: node->kind = NodeKind::exists; break;
        case Condition::Kind::aggregate: node->kind = NodeKind::aggregate; break;
        case Condition::Kind::test: break;
    }
    node->depth = depth;
    std::vector<VarId> local;
    std::vector<AlphaTest> eqs, others;

    auto check_slot = [&](int slot) {
        if (slot < 0 || static_cast<std::size_t>(slot) >= t.slots.size())
            bad(rule, "template '" + t.name + "' heeft geen slot nummer " + std::to_string(slot));
    };
    auto check_var = [&](VarId v) {
        if (v >= locs.size()) bad(rule, "onbekende variabele nummer " + std::to_string(v));
    };
    auto map_var = [&](VarId v) -> std::uint32_t {
        check_var(v);
        if (locs[v].depth == 0) bad(rule, "variabele " + var_name(rule, v) + " wordt gebruikt voordat ze gebonden is");
        return locs[v].encode();
    };

    for (const SlotConstraint& sc : p.constraints) {
        if (sc.kind != SlotConstraint::Kind::bind) continue;
        check_slot(sc.slot);
        check_var(sc.var);
        if (locs[sc.var].depth == 0) {
            locs[sc.var] = VarLoc{depth, static_cast<std::int16_t>(sc.slot)};
            local.push_back(sc.var);
        } else {
            JoinTest jt;
            jt.slot = sc.slot;
            jt.rhs_is_loc = true;
            jt.loc = locs[sc.var];
            node->tests.push_back(std::move(jt));
        }
    }
    if (p.fact_var) {
        check_var(*p.fact_var);
        if (locs[*p.fact_var].depth != 0) bad(rule, "variabele " + var_name(rule, *p.fact_var) + " is al gebonden");
        locs[*p.fact_var] = VarLoc{depth, VarLoc::fact_ref};
        local.push_back(*p.fact_var);
    }
    for (const SlotConstraint& sc : p.constraints) {
        if (sc.kind != SlotConstraint::Kind::test) continue;
        check_slot(sc.slot);
        switch (sc.cmp) {
            case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in: break;
            default: bad(rule, "ongeldige vergelijking in een patroon");
        }
        CExpr rhs;
        try {
            rhs = compile_expr(sc.rhs, map_var);
        } catch (const std::invalid_argument& e) {
            bad(rule, e.what());
        }
        if (!rhs.uses_vars()) {
            Value v;
            try {
                v = eval(rhs, NoVarsEnv{});
            } catch (const EvalError& e) {
                bad(rule, e.what());
            }
            AlphaTest at{sc.slot, sc.cmp, sc.negate, std::move(v)};
            if (sc.cmp == Op::eq && !sc.negate) eqs.push_back(std::move(at));
            else others.push_back(std::move(at));
            continue;
        }
        JoinTest jt;
        jt.slot = sc.slot;
        jt.cmp = sc.cmp;
        jt.negate = sc.negate;
        if (rhs.op == Op::var) {
            jt.rhs_is_loc = true;
            jt.loc = VarLoc::decode(rhs.ref);
        } else {
            jt.expr = std::move(rhs);
        }
        node->tests.push_back(std::move(jt));
    }

    if (c.kind == Condition::Kind::aggregate && c.aggregate != AggregateKind::count) {
        try {
            node->expr = compile_expr(c.expr, map_var);
        } catch (const std::invalid_argument& e) {
            bad(rule, e.what());
        }
        node->aggregate = c.aggregate;
    } else if (c.kind == Condition::Kind::aggregate) {
        node->aggregate = AggregateKind::count;
    }

    // A canonical order lets rules that wrote the same tests in another order share the node; the
    // first equality with an earlier level becomes the hash key.
    std::stable_sort(node->tests.begin(), node->tests.end(),
                     [](const JoinTest& a, const JoinTest& b) { return a.slot < b.slot; });
    auto key = std::find_if(node->tests.begin(), node->tests.end(), [&](const JoinTest& j) {
        return j.cmp == Op::eq && !j.negate && j.rhs_is_loc && j.loc.depth < depth;
    });
    if (key != node->tests.end()) {
        std::rotate(node->tests.begin(), key, key + 1);
        node->has_key = true;
        node->key_slot = node->tests[0].slot;
        node->key_loc = node->tests[0].loc;
    }
    node->amem = alpha_.memory_for(p.tmpl, std::move(eqs), std::move(others), wm_);

    if (c.kind != Condition::Kind::pattern) {
        // Variables first bound inside not/exists/aggregate exist only there.
        for (VarId v : local) locs[v] = VarLoc{};
    }
    if (c.kind == Condition::Kind::aggregate) {
        check_var(c.result);
        if (locs[c.result].depth != 0) bad(rule, "variabele " + var_name(rule, c.result) + " is al gebonden");
        locs[c.result] = VarLoc{depth, VarLoc::aggregate};
    }
    return node;
}

Terminal* NetworkBuilder::build(const RuleDef& rule, std::size_t alternative, std::size_t& shared_nodes) {
    const auto& conditions = rule.alternatives.at(alternative);
    if (conditions.size() > 60000) bad(rule, "te veel voorwaarden");
    std::vector<VarLoc> locs(rule.variables.size());
    std::vector<std::unique_ptr<BetaNode>> protos;
    auto term = std::make_unique<Terminal>();
    term->rule = &rule;
    term->alternative = alternative;

    std::uint16_t depth = 1;
    for (const Condition& c : conditions) {
        if (c.kind == Condition::Kind::test) {
            auto node = std::make_unique<BetaNode>();
            node->kind = NodeKind::test;
            node->depth = depth;
            try {
                node->expr = compile_expr(c.expr, [&](VarId v) -> std::uint32_t {
                    if (v >= locs.size()) bad(rule, "onbekende variabele nummer " + std::to_string(v));
                    if (locs[v].depth == 0)
                        bad(rule, "variabele " + var_name(rule, v) + " in test wordt gebruikt voordat ze gebonden is");
                    return locs[v].encode();
                });
            } catch (const std::invalid_argument& e) {
                std::string what = e.what();
                if (what.rfind("regel '", 0) == 0) throw;
                bad(rule, what);
            }
            protos.push_back(std::move(node));
        } else {
            if (c.kind == Condition::Kind::pattern) term->fact_depths.push_back(depth);
            protos.push_back(pattern_node(rule, c, depth, locs));
        }
        ++depth;
    }
    term->var_locs = locs;

    // Everything checked; only now does the network change.
    BetaNode* parent = beta_.root();
    for (auto& proto : protos) {
        proto->parent = parent;
        bool shared = false;
        parent = beta_.add_node(std::move(proto), shared);
        if (shared) ++shared_nodes;
        term->chain.push_back(parent);
    }
    term->parent = parent;
    return beta_.add_terminal(std::move(term));
}

}  // namespace ww
