// SPDX-License-Identifier: EUPL-1.2
// How and why-not. "How" follows the firing log from a fact or record back to facts asserted from
// outside. "Why not" reads the beta network itself: the deepest node of a rule's chain that still holds
// tokens is how far matching got, and the condition after it is the one that fails.
#include <algorithm>
#include <array>
#include <unordered_set>

#include "engine/engine_impl.hpp"
#include "engine/reused_slot.hpp"

namespace ww {

// Written in one string, each slot's value appended in place: a report's derivation writes a few
// dozen facts per advice, and a string per part was most of what that cost.
void Engine::Impl::append_fact_text(std::string& s, const Fact& f) const {
    const TemplateDef& t = templates.at(f.tmpl);
    s += t.name;
    s += '(';
    for (std::size_t i = 0; i < f.slots.size(); ++i) {
        if (i) s += ", ";
        s += i < t.slots.size() ? std::string_view(t.slots[i].name) : std::string_view("?");
        s += ": ";
        f.slots[i].append_repr(s);
    }
    s += ')';
}

std::string Engine::Impl::fact_text(const Fact& f) const {
    std::string s;
    append_fact_text(s, f);
    return s;
}

namespace {

const FiringInfo* find_firing(const std::vector<FiringInfo>& log, std::uint64_t index) {
    auto it = std::lower_bound(log.begin(), log.end(), index,
                               [](const FiringInfo& f, std::uint64_t i) { return f.index < i; });
    return it != log.end() && it->index == index ? &*it : nullptr;
}

// Written over `out`, whose names keep their capacity.
void named_bindings(const FiringInfo& fi, std::vector<std::pair<std::string, Value>>& out) {
    std::size_t n = 0;
    for (std::size_t v = 0; v < fi.bindings.size() && v < fi.rule->variables.size(); ++v) {
        if (fi.bindings[v].is_nil()) continue;
        auto& [name, value] = reused_slot(out, n++);
        name.assign(fi.rule->variables[v]);
        value = fi.bindings[v];
    }
    out.resize(n);
}

// Derivations share premises (a counter fact rests on the previous counter, and so on): expanded as a
// tree they grow exponentially. Each fact is therefore expanded once per explanation; a later
// occurrence names the fact, its rule and firing, without repeating its premises. A node budget
// bounds the rest.
struct Expansion {
    // True the first time `id` comes by. An advice rests on a dozen facts or so: those are looked
    // up in a list on the stack, and only a longer derivation allocates a set.
    bool first_time(FactId id) {
        if (few_n < few.size()) {
            for (std::size_t i = 0; i < few_n; ++i)
                if (few[i] == id) return false;
            few[few_n++] = id;
            return true;
        }
        if (many.empty()) many.insert(few.begin(), few.end());
        return many.insert(id).second;
    }
    std::array<FactId, 32> few{};
    std::size_t few_n = 0;
    std::unordered_set<FactId> many;
    std::size_t budget = 20000;
    FactTexts* texts = nullptr;  // the caller's, kept over several derivations; else none
};

// Both write every field of `d`, over whatever an earlier derivation left there.
void explain_fact(const Engine::Impl& m, FactId id, Expansion& x, Derivation& d);

void explain_firing(const Engine::Impl& m, Derivation& d, std::uint64_t firing, Expansion& x, bool expand) {
    d.firing = firing;
    const FiringInfo* fi = find_firing(m.log, firing);
    std::size_t n = 0;
    if (fi) {
        d.rule_id.assign(fi->rule->id);
        named_bindings(*fi, d.bindings);
        if (expand)
            for (FactId f : fi->facts) {
                if (x.budget == 0) break;
                explain_fact(m, f, x, reused_slot(d.premises, n++));
            }
    } else {
        d.bindings.clear();  // the rule id stays what the caller set
    }
    d.premises.resize(n);
}

void explain_fact(const Engine::Impl& m, FactId id, Expansion& x, Derivation& d) {
    if (x.budget > 0) --x.budget;
    d.fact = id;
    d.text.clear();
    std::uint64_t origin = 0;
    const Fact* fact = nullptr;
    if (const FactRec* f = m.wm.get(id)) {
        fact = &f->fact;
        origin = f->origin;
    } else if (const auto* a = m.wm.archived(id)) {
        fact = &a->fact;
        origin = a->origin;
    }
    if (fact) {
        if (x.texts == nullptr) {
            m.append_fact_text(d.text, *fact);
        } else if (const auto known = x.texts->find(id)) {
            d.text.append(*known);
        } else {
            m.append_fact_text(d.text, *fact);
            x.texts->add(id, d.text);
        }
    } else {
        d.text += "feit ";
        d.text += std::to_string(id);
        d.text += " (niet meer bekend)";
    }
    if (origin > 0) {
        d.rule_id.clear();
        explain_firing(m, d, origin - 1, x, x.first_time(id));
    } else {
        d.firing.reset();
        d.rule_id.clear();
        d.bindings.clear();
        d.premises.clear();
    }
}

void record_text(std::string& s, const Record& r) {
    s.assign(r.name);
    s += '(';
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
        if (i) s += ", ";
        s += r.fields[i].first;
        s += ": ";
        r.fields[i].second.append_repr(s);
    }
    s += ')';
}

std::string condition_text(const Engine::Impl& m, const RuleDef& rule, const Condition& c) {
    if (!c.source_text.empty()) return c.source_text;
    if (c.kind == Condition::Kind::test) return "test " + to_string(c.expr, rule.variables);
    std::string prefix;
    switch (c.kind) {
        case Condition::Kind::negation: prefix = "not "; break;
        case Condition::Kind::exists: prefix = "exists "; break;
        case Condition::Kind::aggregate: prefix = "aggregaat "; break;
        default: break;
    }
    return prefix + (c.pattern.tmpl < m.templates.size() ? m.templates[c.pattern.tmpl].name : "?") + "(...)";
}

std::string constant_tests_text(const Engine::Impl& m, const AlphaMemory& amem) {
    const TemplateDef& t = m.templates.at(amem.tmpl);
    std::string s;
    for (const AlphaTest& a : amem.path) {
        if (!s.empty()) s += " en ";
        s += t.slots.at(static_cast<std::size_t>(a.slot)).name;
        switch (a.cmp) {
            case Op::eq: s += " == "; break;
            case Op::ne: s += " != "; break;
            case Op::lt: s += " < "; break;
            case Op::le: s += " <= "; break;
            case Op::gt: s += " > "; break;
            case Op::ge: s += " >= "; break;
            case Op::in: s += a.negate ? " not in " : " in "; break;
            default: s += " ? "; break;
        }
        s += a.rhs.repr();
    }
    return s;
}

}  // namespace

Derivation Engine::how_fact(FactId id) const {
    Expansion x;
    Derivation d;
    explain_fact(*impl_, id, x, d);
    return d;
}

Derivation Engine::how_record(const Record& record) const {
    Derivation d;
    how_record(record, d);
    return d;
}

void Engine::how_record(const Record& record, Derivation& d, bool with_text, FactTexts* texts) const {
    d.fact.reset();
    if (with_text) record_text(d.text, record);
    else d.text.clear();
    d.rule_id.assign(record.rule_id);
    Expansion x;
    x.texts = texts;
    explain_firing(*impl_, d, record.firing, x, true);
}

WhyNot Engine::why_not(std::string_view rule_id) const {
    const Impl& m = *impl_;
    WhyNot w;
    w.rule_id = std::string(rule_id);
    auto it = m.rule_ids.find(w.rule_id);
    if (it == m.rule_ids.end()) return w;
    w.found = true;
    const RuleEntry& entry = m.rules[it->second];
    const RuleDef& rule = *entry.def;
    for (std::size_t alt = 0; alt < entry.terminals.size(); ++alt) {
        const Terminal* term = entry.terminals[alt];
        const auto& conds = rule.alternatives[alt];
        WhyNotAlternative r;
        r.alternative = alt;
        if (!term) {
            // Not built (Engine::promise_never_asserted): the first pattern or `exists` of a promised template.
            std::size_t i = 0;
            while ((conds[i].kind != Condition::Kind::pattern && conds[i].kind != Condition::Kind::exists) ||
                   !never_asserted(conds[i].pattern.tmpl))
                ++i;
            r.failing_condition = i;
            r.condition_text = condition_text(m, rule, conds[i]);
            r.reason = "er komt nooit een feit '" + m.templates.at(conds[i].pattern.tmpl).name + "' in deze raadpleging";
            w.alternatives.push_back(std::move(r));
            continue;
        }
        std::size_t reached = 0;  // conditions satisfied in some match
        const Token* partial = nullptr;
        for (std::size_t i = term->chain.size(); i-- > 0;) {
            if (const Token* t = m.beta.first_output(term->chain[i])) {
                reached = i + 1;
                partial = t;
                break;
            }
        }
        if (partial) {
            Value scratch;
            std::vector<std::uint32_t> depths = term->fact_depths;
            std::sort(depths.begin(), depths.end());
            for (std::uint32_t d : depths)
                if (d <= partial->depth) r.partial_facts.push_back(ancestor(partial, d)->fact->fact.id);
            for (std::size_t v = 0; v < term->var_locs.size(); ++v) {
                VarLoc loc = term->var_locs[v];
                if (loc.depth && loc.depth <= partial->depth)
                    r.partial_bindings.emplace_back(rule.variables.at(v), value_at(partial, loc, scratch));
            }
        }
        if (reached == term->chain.size()) {
            // Fully matched: waiting on the agenda, or fired and held back by refraction.
            for (const Token* t = partial; t && !r.fired; t = t->node->out.next(const_cast<Token*>(t)))
                for (const Activation* a = t->activations; a; a = a->token_next)
                    if (a->terminal == term && a->fired) r.fired = true;
            r.reason = r.fired ? "de regel heeft gevuurd; dezelfde match vuurt niet opnieuw"
                               : "de regel is volledig gematcht en staat op de agenda";
            w.alternatives.push_back(std::move(r));
            continue;
        }
        std::size_t failing = term->chain_condition[reached];
        const BetaNode* node = term->chain[reached];
        // Test conditions tested in this join (the first test conditions written after its
        // pattern): the first one no match gets past fails, when the pattern itself matches.
        if (const std::uint32_t folded = term->folded_tests[reached]; folded > 0 && m.beta.join_reaches(node, 0)) {
            std::size_t ci = failing;
            for (std::uint32_t k = 0; k < folded; ++k) {
                do ++ci;
                while (conds[ci].kind != Condition::Kind::test);
                if (!m.beta.join_reaches(node, k + 1)) {
                    failing = ci;
                    break;
                }
            }
        }
        const Condition& c = conds[failing];
        r.failing_condition = failing;
        r.condition_text = condition_text(m, rule, c);
        std::string tname = c.kind == Condition::Kind::test ? "" : m.templates.at(c.pattern.tmpl).name;
        bool any_of_template = false;
        if (c.kind != Condition::Kind::test)
            m.wm.for_each([&](FactRec* f) { any_of_template = any_of_template || f->fact.tmpl == c.pattern.tmpl; });
        switch (c.kind) {
            case Condition::Kind::pattern:
            case Condition::Kind::exists:
                if (!any_of_template) r.reason = "er is geen feit '" + tname + "'";
                else if (node->amem->items.size() == 0)
                    r.reason = "geen '" + tname + "' met " + constant_tests_text(m, *node->amem);
                else r.reason = "geen '" + tname + "' past bij de bindingen tot nu toe";
                break;
            case Condition::Kind::negation:
                r.reason = "er is een '" + tname + "' die er volgens deze voorwaarde niet mag zijn";
                break;
            case Condition::Kind::aggregate:
                // Only min and max fail for want of facts; count, sum and collect always match.
                r.reason = "geen '" + tname + "' om het " + (c.aggregate == AggregateKind::min ? "minimum" : "maximum") +
                           " van te nemen";
                break;
            case Condition::Kind::test:
                r.reason = "de test is onwaar voor de bindingen tot nu toe";
                break;
        }
        w.alternatives.push_back(std::move(r));
    }
    return w;
}

}  // namespace ww
