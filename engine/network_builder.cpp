// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>
#include <iterator>
#include <memory>
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

[[noreturn, gnu::cold, gnu::noinline]] void bad_slot(const RuleDef& rule, const TemplateDef& t, int slot) {
    bad(rule, "template '" + t.name + "' heeft geen slot nummer " + std::to_string(slot));
}

[[noreturn, gnu::cold, gnu::noinline]] void bad_variable_number(const RuleDef& rule, VarId v) {
    bad(rule, "onbekende variabele nummer " + std::to_string(v));
}

// A condition's expression is evaluated as often as the network likes (per token, per fact, when
// a match is undone): one that reads input (read(), readline()) belongs in the actions.
const CExpr& refuse_input(const RuleDef& rule, const CExpr& e) {
    if (e.op == Op::call && e.fn && e.fn->reads_input)
        bad(rule, e.fn->name + "() leest invoer en staat alleen in een actie, niet in een conditie");
    for (const CExpr& a : e.args) refuse_input(rule, a);
    return e;
}

// An expression over the variables bound so far (their positions in `locs`); `where` completes the
// message for a variable used before it is bound.
CExpr compile_at(const RuleDef& rule, const Expr& e, const std::vector<VarLoc>& locs, const char* where) {
    try {
        CExpr c = compile_expr(e, [&](VarId v) -> std::uint32_t {
            if (v >= locs.size()) bad(rule, "onbekende variabele nummer " + std::to_string(v));
            if (locs[v].depth == 0)
                bad(rule, "variabele " + var_name(rule, v) + where + " wordt gebruikt voordat ze gebonden is");
            return locs[v].encode();
        });
        refuse_input(rule, c);
        return c;
    } catch (const std::invalid_argument& err) {
        std::string what = err.what();
        if (what.rfind("regel '", 0) == 0) throw;
        bad(rule, what);
    }
}

// Whether a join can hash on the value of `e` computed from the token alone: it reads only
// variables of earlier levels (not the fact entering at `depth`), and no other fact (`?f.slot`,
// whose slots can change while the token stays). Functions are pure.
bool keyable(const CExpr& e, std::uint16_t depth) {
    if (e.op == Op::slot) return false;
    if (e.op == Op::var && VarLoc::decode(e.ref).depth >= depth) return false;
    for (const CExpr& a : e.args)
        if (!keyable(a, depth)) return false;
    return true;
}

// A test condition into the join before it: each conjunct that compares a slot of the join's own
// fact with a variable (`test ?c2 != ?c1`, CLIPS's `(test (neq ?c2 ?c1))`) becomes the test a
// pattern writes as `column != ?c1`; the rest is tested whole (JoinTest::condition). Either way
// the same pairs pass: a conjunction fails when a conjunct is false or cannot be evaluated.
void fold_test(BetaNode& node, CExpr e, std::uint8_t folded) {
    if (e.op == Op::logical_and) {
        CExpr right = std::move(e.args[1]);
        fold_test(node, std::move(e.args[0]), folded);
        fold_test(node, std::move(right), folded);
        return;
    }
    auto own_slot = [&](const CExpr& x) {
        return x.op == Op::var && VarLoc::decode(x.ref).depth == node.depth && VarLoc::decode(x.ref).slot >= 0;
    };
    auto mirrored = [](Op op) {
        switch (op) {
            case Op::lt: return Op::gt;
            case Op::le: return Op::ge;
            case Op::gt: return Op::lt;
            case Op::ge: return Op::le;
            default: return op;
        }
    };
    JoinTest jt;
    jt.folded = folded;
    switch (e.op) {
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: {
            const bool left = own_slot(e.args[0]) && e.args[1].op == Op::var;
            const bool right = !left && own_slot(e.args[1]) && e.args[0].op == Op::var;
            if (!left && !right) break;
            const CExpr& here = left ? e.args[0] : e.args[1];
            jt.slot = VarLoc::decode(here.ref).slot;
            jt.cmp = left ? e.op : mirrored(e.op);
            jt.rhs_is_loc = true;
            jt.loc = VarLoc::decode((left ? e.args[1] : e.args[0]).ref);
            node.tests.push_back(std::move(jt));
            return;
        }
        default: break;
    }
    jt.condition = true;
    jt.expr = std::move(e);
    node.tests.push_back(std::move(jt));
}

}  // namespace

std::unique_ptr<BetaNode> NetworkBuilder::pattern_node(const RuleDef& rule, const Condition& cond, Condition::Kind kind,
                                                       std::uint16_t depth, std::vector<VarLoc>& locs) {
    const Pattern& p = cond.pattern;
    if (p.tmpl >= templates_.size()) bad(rule, "onbekende template (nummer " + std::to_string(p.tmpl) + ")");
    const TemplateDef& t = templates_[p.tmpl];
    auto node = beta_.new_node();
    switch (kind) {
        case Condition::Kind::pattern: node->kind = NodeKind::join; break;
        case Condition::Kind::negation: node->kind = NodeKind::negation; break;
        case Condition::Kind::exists: node->kind = NodeKind::exists; break;
        case Condition::Kind::aggregate: node->kind = NodeKind::aggregate; break;
        case Condition::Kind::test: break;
    }
    node->depth = depth;
    // Only not/exists/aggregate unbind their new variables at the end; a plain pattern needs no list.
    const bool scoped = kind != Condition::Kind::pattern;
    // Not re-entered: conjunction_step asks for its terms one after another.
    std::vector<VarId>& local = scratch_.local;
    std::vector<AlphaTest>& eqs = scratch_.eq_tests;
    std::vector<AlphaTest>& others = scratch_.other_tests;
    local.clear();
    eqs.clear();
    others.clear();

    // The checks inline, their messages out of line: they run for every constraint of every rule.
    auto check_slot = [&](int slot) {
        if (slot < 0 || static_cast<std::size_t>(slot) >= t.slots.size()) [[unlikely]]
            bad_slot(rule, t, slot);
    };
    auto check_var = [&](VarId v) {
        if (v >= locs.size()) [[unlikely]] bad_variable_number(rule, v);
    };
    // Sized once, at the first element, for every constraint: most patterns have a few constraints,
    // and growing these one at a time reallocated and moved each test (a cold start builds them all).
    auto add_test = [&](JoinTest&& jt) {
        if (node->tests.capacity() == 0) node->tests.reserve(p.constraints.size());
        node->tests.push_back(std::move(jt));
    };
    auto add_alpha = [&](std::vector<AlphaTest>& to, AlphaTest&& at) { to.push_back(std::move(at)); };
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
            if (scoped) local.push_back(sc.var);
        } else {
            JoinTest jt;
            jt.slot = sc.slot;
            jt.rhs_is_loc = true;
            jt.loc = locs[sc.var];
            add_test(std::move(jt));
        }
    }
    if (p.fact_var) {
        check_var(*p.fact_var);
        if (locs[*p.fact_var].depth != 0) bad(rule, "variabele " + var_name(rule, *p.fact_var) + " is al gebonden");
        locs[*p.fact_var] = VarLoc{depth, VarLoc::fact_ref};
        if (scoped) local.push_back(*p.fact_var);
    }
    for (const SlotConstraint& sc : p.constraints) {
        if (sc.kind == SlotConstraint::Kind::condition) {
            check_slot(sc.slot);
            JoinTest jt;
            jt.slot = sc.slot;
            jt.condition = true;
            try {
                jt.expr = compile_expr(sc.rhs, map_var);
            } catch (const std::invalid_argument& e) {
                bad(rule, e.what());
            }
            refuse_input(rule, jt.expr);
            add_test(std::move(jt));
            continue;
        }
        if (sc.kind != SlotConstraint::Kind::test) continue;
        check_slot(sc.slot);
        switch (sc.cmp) {
            case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in: break;
            default: bad(rule, "ongeldige vergelijking in een patroon");
        }
        // Most tests compare with a constant: its value is the test's, without compiling an
        // expression and evaluating it (what compile_expr would refuse, a constant with operands,
        // goes the long way and is refused there).
        if (sc.rhs.op == Op::constant && sc.rhs.args.empty()) {
            AlphaTest at{sc.slot, sc.cmp, sc.negate, sc.rhs.value};
            add_alpha(sc.cmp == Op::eq && !sc.negate ? eqs : others, std::move(at));
            continue;
        }
        CExpr rhs;
        try {
            rhs = compile_expr(sc.rhs, map_var);
        } catch (const std::invalid_argument& e) {
            bad(rule, e.what());
        }
        refuse_input(rule, rhs);
        if (!rhs.uses_vars()) {
            Value v;
            try {
                v = eval(rhs, NoVarsEnv{});
            } catch (const EvalError& e) {
                bad(rule, e.what());
            }
            AlphaTest at{sc.slot, sc.cmp, sc.negate, std::move(v)};
            add_alpha(sc.cmp == Op::eq && !sc.negate ? eqs : others, std::move(at));
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
        add_test(std::move(jt));
    }

    if (kind == Condition::Kind::aggregate && cond.aggregate != AggregateKind::count) {
        try {
            node->expr = compile_expr(cond.expr, map_var);
        } catch (const std::invalid_argument& e) {
            bad(rule, e.what());
        }
        refuse_input(rule, node->expr);
        node->aggregate = cond.aggregate;
    } else if (kind == Condition::Kind::aggregate) {
        node->aggregate = AggregateKind::count;
    }

    // A canonical order lets rules that wrote the same tests in another order share the node; the
    // equalities with earlier levels together form the hash key.
    // Only when out of order: std::stable_sort allocates a buffer and merges even for a sorted list,
    // which it leaves as it was.
    auto by_slot = [](const JoinTest& a, const JoinTest& b) { return a.slot < b.slot; };
    if (!std::is_sorted(node->tests.begin(), node->tests.end(), by_slot))
        std::stable_sort(node->tests.begin(), node->tests.end(), by_slot);
    // Which tests the hash key stands for: on the stack for the usual handful.
    bool keyed_here[16] = {};
    std::unique_ptr<bool[]> keyed_many;
    bool* keyed = keyed_here;
    if (node->tests.size() > std::size(keyed_here)) {
        keyed_many = std::make_unique<bool[]>(node->tests.size());
        keyed = keyed_many.get();
    }
    bool any_keyed = false;
    for (std::size_t i = 0; i < node->tests.size(); ++i) {
        const JoinTest& j = node->tests[i];
        if (j.cmp == Op::eq && !j.negate && !j.condition && j.rhs_is_loc && j.loc.depth < depth) {
            node->key_slots.push_back(j.slot);
            node->key_locs.push_back(j.loc);
            keyed[i] = any_keyed = true;
        }
    }
    for (std::size_t i = 0; i < node->tests.size(); ++i) {
        const JoinTest& j = node->tests[i];
        if (j.cmp == Op::eq && !j.negate && !j.condition && !j.rhs_is_loc && keyable(j.expr, depth)) {
            node->key_slots.push_back(j.slot);
            node->key_exprs.push_back(j.expr);
            keyed[i] = any_keyed = true;
        }
    }
    for (std::size_t i = 0; i < node->tests.size(); ++i) {
        const JoinTest& j = node->tests[i];
        if (j.cmp == Op::in && !j.negate && !j.condition && !j.rhs_is_loc && j.expr.op == Op::list && !j.expr.args.empty() &&
            j.expr.args.size() <= kMaxInKeys &&
            std::all_of(j.expr.args.begin(), j.expr.args.end(), [&](const CExpr& e) {
                return e.op == Op::constant || (e.op == Op::var && keyable(e, depth));
            })) {
            node->in_slot = j.slot;
            node->in_elems = j.expr.args;
            keyed[i] = any_keyed = true;
            break;
        }
    }
    // The tests the hash key stands for are still run on a bucket's facts (hashes may collide), but
    // they nearly always pass there: the others go first, so that a fact that fails (a column equal
    // to one of three, the bulk of a `not`'s search for a blocker) leaves after fewer tests. Still a
    // canonical order: nodes with the same tests share.
    // When the keyed tests are already the last ones (a single test, most often), nothing moves.
    bool keyed_last = true;
    if (any_keyed) {
        std::size_t i = 0;
        while (!keyed[i]) ++i;
        while (i < node->tests.size() && keyed[i]) ++i;
        keyed_last = i == node->tests.size();
    }
    if (!keyed_last) {
        std::vector<JoinTest> ordered;
        ordered.reserve(node->tests.size());
        for (std::size_t i = 0; i < node->tests.size(); ++i)
            if (!keyed[i]) ordered.push_back(std::move(node->tests[i]));
        for (std::size_t i = 0; i < node->tests.size(); ++i)
            if (keyed[i]) ordered.push_back(std::move(node->tests[i]));
        node->tests = std::move(ordered);
    }
    node->amem = alpha_.memory_for(p.tmpl, eqs, others, wm_);

    if (kind != Condition::Kind::pattern) {
        // Variables first bound inside not/exists/aggregate exist only there.
        for (VarId v : local) locs[v] = VarLoc{};
    }
    if (kind == Condition::Kind::aggregate) {
        check_var(cond.result);
        if (locs[cond.result].depth != 0) bad(rule, "variabele " + var_name(rule, cond.result) + " is al gebonden");
        locs[cond.result] = VarLoc{depth, VarLoc::aggregate};
    }
    return node;
}

// `?xs = collect(a(...) and not b(...), expr)`: the terms are matches of a chain under the parent,
// at the levels from `depth` down; the aggregate node itself sits at `depth` beside the chain. The
// chain's variables are read from the terms only, so its levels may coincide with those of the
// conditions after the aggregate.
NetworkBuilder::Step NetworkBuilder::conjunction_step(const RuleDef& rule, const Condition& c, std::uint16_t depth,
                                                      std::vector<VarLoc>& locs) {
    const std::vector<VarLoc> outside = locs;
    Step step;
    // The first term is `c`'s pattern alone, read as a plain pattern condition (which looks at
    // nothing but the pattern): no copy of it.
    step.terms.push_back(pattern_node(rule, c, Condition::Kind::pattern, depth, locs));
    std::uint16_t d = depth;
    for (const Condition& part : c.also) {
        if (part.kind != Condition::Kind::pattern && part.kind != Condition::Kind::negation &&
            part.kind != Condition::Kind::exists)
            bad(rule, "in een aggregaat over meer voorwaarden kunnen alleen patronen, not en exists staan");
        step.terms.push_back(pattern_node(rule, part, part.kind, ++d, locs));
    }
    auto node = beta_.new_node();
    node->kind = NodeKind::aggregate;
    node->depth = depth;
    node->aggregate = c.aggregate;
    if (c.aggregate != AggregateKind::count) node->expr = compile_at(rule, c.expr, locs, "");
    locs = outside;  // what the chain bound exists only inside the aggregate
    if (c.result >= locs.size()) bad(rule, "onbekende variabele nummer " + std::to_string(c.result));
    if (locs[c.result].depth != 0) bad(rule, "variabele " + var_name(rule, c.result) + " is al gebonden");
    locs[c.result] = VarLoc{depth, VarLoc::aggregate};
    step.node = std::move(node);
    return step;
}

std::vector<std::size_t> NetworkBuilder::join_order(const RuleDef& rule, std::size_t alternative,
                                                     const std::vector<bool>& volatile_templates) {
    const auto& conds = rule.alternatives.at(alternative);
    auto volatile_pattern = [&](const Condition& c) {
        return c.kind == Condition::Kind::pattern && c.pattern.tmpl < volatile_templates.size() &&
               volatile_templates[c.pattern.tmpl];
    };
    // Most alternatives have no volatile pattern: then nothing moves, and the variables need no
    // collecting (a cold start builds every rule).
    if (std::none_of(conds.begin(), conds.end(), volatile_pattern)) {
        std::vector<std::size_t> written(conds.size());
        for (std::size_t i = 0; i < conds.size(); ++i) written[i] = i;
        return written;
    }
    // Per condition, every variable it mentions.
    std::vector<std::vector<VarId>> mentions(conds.size());
    for (std::size_t i = 0; i < conds.size(); ++i) {
        const Condition& c = conds[i];
        auto& m = mentions[i];
        if (c.kind == Condition::Kind::test) {
            collect_vars(c.expr, m);
            continue;
        }
        for (const SlotConstraint& sc : c.pattern.constraints) {
            if (sc.kind == SlotConstraint::Kind::bind) m.push_back(sc.var);
            else collect_vars(sc.rhs, m);
        }
        if (c.pattern.fact_var) m.push_back(*c.pattern.fact_var);
        if (c.kind == Condition::Kind::aggregate) {
            collect_vars(c.expr, m);
            m.push_back(c.result);
        }
        for (const Condition& part : c.also)
            for (const SlotConstraint& sc : part.pattern.constraints) {
                if (sc.kind == SlotConstraint::Kind::bind) m.push_back(sc.var);
                else collect_vars(sc.rhs, m);
            }
    }
    std::vector<std::size_t> first, last;
    for (std::size_t i = 0; i < conds.size(); ++i) {
        const Condition& c = conds[i];
        bool movable = volatile_pattern(c);
        for (std::size_t j = 0; j < conds.size() && movable; ++j) {
            if (j == i) continue;
            for (VarId v : mentions[i])
                if (std::find(mentions[j].begin(), mentions[j].end(), v) != mentions[j].end()) movable = false;
        }
        (movable ? last : first).push_back(i);
    }
    first.insert(first.end(), last.begin(), last.end());
    return first;
}

Terminal* NetworkBuilder::build(const RuleDef& rule, std::size_t alternative, const std::vector<bool>& volatile_templates,
                                std::size_t& shared_nodes, std::uint32_t module, bool auto_focus) {
    const auto& conditions = rule.alternatives.at(alternative);
    std::size_t levels = 0;  // the levels a match may pass, those of aggregates' chains included
    for (const Condition& c : conditions) levels += 1 + c.also.size();
    if (levels > kMaxConditions)
        bad(rule, "te veel voorwaarden (" + std::to_string(levels) + "; hoogstens " +
                      std::to_string(kMaxConditions) + ")");
    std::vector<VarLoc> locs(rule.variables.size());
    std::vector<Step> protos;
    auto term = std::make_unique<Terminal>();
    term->rule = &rule;
    term->alternative = alternative;
    term->module = module;
    term->auto_focus = auto_focus;
    // Sized once: a cold start builds every rule, and growing these one condition at a time was a
    // good part of its allocations.
    protos.reserve(conditions.size());
    term->chain.reserve(conditions.size());
    term->chain_condition.reserve(conditions.size());
    term->folded_tests.reserve(conditions.size());

    std::vector<std::size_t> order = join_order(rule, alternative, volatile_templates);
    std::vector<std::uint32_t> depth_of(conditions.size(), 0);
    std::uint16_t depth = 1;
    for (std::size_t ci : order) {
        const Condition& c = conditions[ci];
        if (c.kind == Condition::Kind::test && !protos.empty() && protos.back().terms.empty() &&
            protos.back().node->kind == NodeKind::join && protos.back().node->moved_prefix < 0 &&
            term->folded_tests.back() < 255) {
            // A test right after a pattern is tested in that pattern's join, as CLIPS 6.30 does,
            // not at a token level of its own (see JoinTest::condition). Its variables are those
            // bound so far, the join's own fact included.
            fold_test(*protos.back().node, compile_at(rule, c.expr, locs, " in test"),
                      static_cast<std::uint8_t>(++term->folded_tests.back()));
            depth_of[ci] = depth - 1;
            continue;
        }
        depth_of[ci] = depth;
        term->chain_condition.push_back(ci);
        term->folded_tests.push_back(0);
        if (c.kind == Condition::Kind::test) {
            auto node = beta_.new_node();
            node->kind = NodeKind::test;
            node->depth = depth;
            node->expr = compile_at(rule, c.expr, locs, " in test");
            protos.push_back(Step{{}, std::move(node)});
        } else if (c.kind == Condition::Kind::aggregate && !c.also.empty()) {
            protos.push_back(conjunction_step(rule, c, depth, locs));
        } else {
            protos.push_back(Step{{}, pattern_node(rule, c, c.kind, depth, locs)});
            // Joined later than written: how many conditions before it keep their written place.
            std::size_t pos = static_cast<std::size_t>(depth - 1);
            if (pos > ci) {
                std::int32_t before = 0;
                for (std::size_t k = 0; k < pos; ++k)
                    if (order[k] < ci) ++before;
                protos.back().node->moved_prefix = before;
            }
        }
        ++depth;
    }
    term->var_locs = std::move(locs);
    term->fact_depths.reserve(conditions.size());
    for (std::size_t ci = 0; ci < conditions.size(); ++ci)
        if (conditions[ci].kind == Condition::Kind::pattern) term->fact_depths.push_back(depth_of[ci]);

    // Everything checked; only now does the network change.
    BetaNode* parent = beta_.root();
    for (Step& step : protos) {
        bool shared = false;
        if (!step.terms.empty()) {
            BetaNode* below = parent;
            for (auto& proto : step.terms) {
                proto->parent = below;
                below = beta_.add_node(std::move(proto), shared);
                if (shared) ++shared_nodes;
                step.node->term_chain.push_back(below);
            }
            step.node->terms = below;
        }
        step.node->parent = parent;
        parent = beta_.add_node(std::move(step.node), shared);
        if (shared) ++shared_nodes;
        term->chain.push_back(parent);
    }
    term->parent = parent;
    return beta_.add_terminal(std::move(term));
}

}  // namespace ww
