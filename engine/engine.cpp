// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "engine/action_check.hpp"
#include "engine/action_flow.hpp"
#include "engine/engine_impl.hpp"
#include "engine/network_builder.hpp"

namespace ww {


Engine::Impl::Impl() : beta(alpha, *this, *this), tms(wm) {}

namespace {
// The entry of a new template's name, made where the name is checked for being new and taken out
// again if the definition is refused after all: one hash of the name and one search, not one of
// each to check and again to add. For a template of up to 16 slots (checked pairwise, without
// allocating) the entry's node is allocated where it was, before the template's own growth. (A
// rule's name is still checked first and entered last: entered first, its node comes before the
// rule's other allocations, and a process on malloc (ww_advies_warm, the service) then consults on
// another heap, with other instruction counts per warm consultation.)
template <class Map>
class NewName {
public:
    NewName(Map& map, typename Map::iterator it) : map_(map), it_(it) {}
    NewName(const NewName&) = delete;
    NewName& operator=(const NewName&) = delete;
    ~NewName() {
        if (!kept_) map_.erase(it_);
    }
    void keep() { kept_ = true; }

private:
    Map& map_;
    typename Map::iterator it_;  // nothing else is added to the map meanwhile: no rehash moves it
    bool kept_ = false;
};
}  // namespace

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

TemplateId Engine::define_template(TemplateDef def) {
    if (def.name.empty()) throw std::invalid_argument("een template heeft een naam nodig");
    auto id = static_cast<TemplateId>(impl_->templates.size());
    const auto [at, fresh] = impl_->template_ids.try_emplace(def.name, id);
    if (!fresh) throw std::invalid_argument("template '" + def.name + "' bestaat al");
    NewName name(impl_->template_ids, at);
    // Token positions hold a slot number in 16 bits (VarLoc): slot 99,999 would read another slot.
    if (def.slots.size() > 30000)
        throw std::invalid_argument("template '" + def.name + "': te veel slots (" + std::to_string(def.slots.size()) +
                                    "; hoogstens 30000)");
    // Pairwise for the usual handful of slots: a set allocates a node per slot and hashes every name,
    // and a cold start defines some 120 templates. A set beyond that: pairwise, a template of 100,000
    // slots took 14 s. Either way the first slot whose name an earlier one has.
    constexpr std::size_t pairwise_up_to = 16;
    const bool pairwise = def.slots.size() <= pairwise_up_to;
    std::unordered_set<std::string_view> slot_names;
    for (std::size_t i = 0; i < def.slots.size(); ++i) {
        bool twice = false;
        if (pairwise) {
            for (std::size_t j = 0; j < i && !twice; ++j) twice = def.slots[j].name == def.slots[i].name;
        } else {
            twice = !slot_names.insert(def.slots[i].name).second;
        }
        if (twice)
            throw std::invalid_argument("template '" + def.name + "': slot '" + def.slots[i].name + "' staat er twee keer in");
        const SlotDef& s = def.slots[i];
        if (s.default_value && !fits(s.type, *s.default_value, s.nullable))
            throw std::invalid_argument("template '" + def.name + "': standaardwaarde " + s.default_value->repr() +
                                        " past niet in slot '" + s.name + "' (" + std::string(type_name(s.type)) + ")");
    }
    impl_->templates.push_back(std::move(def));
    name.keep();
    return id;
}

std::optional<TemplateId> Engine::find_template(std::string_view name) const {
    auto it = impl_->template_ids.find(std::string(name));
    if (it == impl_->template_ids.end()) return std::nullopt;
    return it->second;
}

const TemplateDef& Engine::template_def(TemplateId id) const { return impl_->templates.at(id); }
std::size_t Engine::template_count() const { return impl_->templates.size(); }

namespace {

[[noreturn]] void unbound_in_action(const RuleDef& rule, VarId v, const Action& a) {
    throw std::invalid_argument("regel '" + rule.id + "': variabele " +
                                (v < rule.variables.size() ? rule.variables[v] : "?" + std::to_string(v)) +
                                " in actie '" + a.source_text + "' is niet gebonden");
}

// The first variable `e` reads that is not bound, depth first as collect_vars lists them; checked
// in place, without collecting (a cold start checks every action of every rule).
void check_bound(const RuleDef& rule, const Expr& e, const std::vector<std::uint8_t>& bound, const Action& a) {
    if (e.op == Op::var) {
        if (e.var >= bound.size() || !bound[e.var]) unbound_in_action(rule, e.var, a);
        return;
    }
    for (const Expr& arg : e.args) check_bound(rule, arg, bound, a);
}

}  // namespace

void Engine::add_rule(RuleDef def) { add_rule(std::make_shared<const RuleDef>(std::move(def))); }

void Engine::define_function(std::shared_ptr<const FunctionDef> def) {
    Impl& m = *impl_;
    m.functions.define(std::move(def), &m);
}

void Engine::Impl::emit_from_function(std::string_view record, std::vector<std::pair<std::string_view, Value>> fields,
                                      std::uint32_t source_offset) {
    if (!firing_entry) throw EvalError("een functie die uitzendt (emit), staat alleen in een actie", source_offset);
    Record r;
    r.name = record;
    r.fields = std::move(fields);
    r.rule_id = firing_entry->def->id;
    r.rule_meta = &firing_entry->def->meta;
    r.firing = firing_index;
    r.rule = firing_entry->def;
    records.push_back(std::move(r));
}

void Engine::promise_never_asserted(TemplateId tmpl) {
    Impl& m = *impl_;
    if (tmpl >= m.templates.size()) throw std::invalid_argument("onbekende template (nummer " + std::to_string(tmpl) + ")");
    if (!m.rules.empty() || m.wm.size() != 0)
        throw std::logic_error("Engine::promise_never_asserted: beloof het vóór de eerste regel en het eerste feit ('" +
                               m.templates[tmpl].name + "')");
    m.never_asserted.resize(m.templates.size(), false);
    m.never_asserted[tmpl] = true;
}

bool Engine::never_asserted(TemplateId tmpl) const {
    const Impl& m = *impl_;
    return tmpl < m.never_asserted.size() && m.never_asserted[tmpl];
}

void Engine::reserve_rules(std::size_t count) {
    Impl& m = *impl_;
    m.rules.reserve(m.rules.size() + count);
    m.rule_ids.reserve(m.rule_ids.size() + count);
}

void Engine::add_rule(std::shared_ptr<const RuleDef> def) {
    Impl& m = *impl_;
    FunctionTableScope functions(&m.functions);
    if (!m.functions.checked()) m.functions.check();
    if (!def) throw std::invalid_argument("add_rule zonder regel");
    if (def->id.empty()) throw std::invalid_argument("een regel heeft een id nodig");
    if (m.rule_ids.count(def->id)) throw std::invalid_argument("regel '" + def->id + "' bestaat al");
    if (def->alternatives.empty()) throw std::invalid_argument("regel '" + def->id + "' heeft geen voorwaarden (alternatives is leeg)");
    if (!def->logical_prefix.empty()) {
        bool fits = def->logical && def->logical_prefix.size() == def->alternatives.size();
        for (std::size_t i = 0; fits && i < def->alternatives.size(); ++i)
            fits = def->logical_prefix[i] >= 1 && def->logical_prefix[i] <= def->alternatives[i].size();
        if (!fits)
            throw std::invalid_argument("regel '" + def->id +
                                        "': logical_prefix vraagt logical en per alternatief 1 tot het aantal voorwaarden");
    }

    RuleEntry entry;
    entry.def = std::move(def);
    const RuleDef& rule = *entry.def;

    // Per alternative, the variables its conditions bind, and then those an action binds for the
    // actions after it (engine/action_check.hpp, as the image reader's ActionChecker).
    std::vector<std::uint8_t> bound;
    for (const auto& alt : rule.alternatives) {
        if (rule.actions_checked) break;
        bound.assign(rule.variables.size(), 0);
        mark_bound_by_conditions(alt, bound);
        for (const Action& a : rule.actions) {
            // The first unbound variable in the order target, expr, slots, fields.
            if (reads_bound_variables(a.kind)) {
                check_bound(rule, a.target, bound, a);
                check_bound(rule, a.expr, bound, a);
                for (const auto& [slot, e] : a.slots) check_bound(rule, e, bound, a);
                for (const auto& [name, e] : a.fields) check_bound(rule, e, bound, a);
            }
            if (binds_variable(a.kind) && a.var < bound.size()) bound[a.var] = 1;
        }
    }

    // Only a for loop steps back, and it always ends (engine/action_flow.hpp).
    if (std::string problem = rule.actions_checked ? std::string() : action_flow_problem(rule.actions, rule.variables.size());
        !problem.empty())
        throw std::invalid_argument("regel '" + rule.id + "': " + problem);

    // Actions a reader deferred (ActionList) are not built here: such a reader checked them as this
    // would (and certified the rule: an uncertified one is checked as any other, which builds its
    // actions), including the template and slot of each assert and the modules of each focus, and
    // gives what the rest needs of them (ActionSummary).
    const ActionSummary* deferred = rule.actions_checked ? rule.actions.pending() : nullptr;
    entry.terminals.reserve(rule.alternatives.size());
    m.volatile_templates.resize(m.templates.size(), false);
    // Templates whose facts this rule changes: known before its own network is built.
    auto changes_facts_of = [&](VarId fact_var) {
        for (const auto& alt : rule.alternatives)
            for (const Condition& c : alt)
                if (c.kind == Condition::Kind::pattern && c.pattern.fact_var == fact_var &&
                    c.pattern.tmpl < m.volatile_templates.size())
                    m.volatile_templates[c.pattern.tmpl] = true;
    };
    ActionSummary built;
    if (!deferred) {
        // What compiling the actions could refuse, in the order compile_actions would meet it; they
        // are compiled when the rule first fires.
        auto compiles = [&](const Expr& e) {
            if (!rule.actions_checked) check_compiles(e);
        };
        for (const Action& a : rule.actions) {
            try {
                if (a.kind == Action::Kind::assert_fact || a.kind == Action::Kind::modify || a.kind == Action::Kind::duplicate) {
                    if (a.kind == Action::Kind::assert_fact && a.tmpl >= m.templates.size())
                        throw std::invalid_argument("onbekende template in actie '" + a.source_text + "'");
                    for (const auto& [slot, e] : a.slots) {
                        if (a.kind == Action::Kind::assert_fact &&
                            (slot < 0 || static_cast<std::size_t>(slot) >= m.templates[a.tmpl].slots.size()))
                            throw std::invalid_argument("onbekend slot in actie '" + a.source_text + "'");
                        compiles(e);
                    }
                }
                if (a.kind == Action::Kind::retract || a.kind == Action::Kind::modify || a.kind == Action::Kind::duplicate)
                    compiles(a.target);
                if (a.kind == Action::Kind::focus && a.modules.empty())
                    throw std::invalid_argument("focus zonder module in actie '" + a.source_text + "'");
                if (a.kind == Action::Kind::bind) {
                    if (a.var >= rule.variables.size()) throw std::invalid_argument("onbekende variabele in bind");
                    compiles(a.expr);
                }
                if (a.kind == Action::Kind::emit)
                    for (const auto& [name, e] : a.fields) compiles(e);
                // Where the actions may jump is checked for all of them at once (action_flow_problem).
                if (a.kind == Action::Kind::branch) compiles(a.expr);
            } catch (const std::invalid_argument& e) {
                std::string what = e.what();
                if (what.rfind("regel '", 0) == 0) throw;
                throw std::invalid_argument("regel '" + rule.id + "': " + what);
            }
        }
        built = summarize(rule.actions);
    }
    const ActionSummary& summary = deferred ? *deferred : built;
    // An alternative that needs a fact no one will ever assert (promise_never_asserted), in a pattern or
    // an `exists`, can never match: it is not built, and the nodes of the others are built as they would
    // be without it. A rule with no alternative left never fires, so what its actions would assert
    // breaks no promise.
    const auto needs_never_asserted = [&](const Condition& c) {
        return (c.kind == Condition::Kind::pattern || c.kind == Condition::Kind::exists) &&
               c.pattern.tmpl < m.never_asserted.size() && m.never_asserted[c.pattern.tmpl];
    };
    const auto can_match = [&](const std::vector<Condition>& alt) {
        for (const Condition& c : alt)
            if (needs_never_asserted(c)) return false;
        return true;
    };
    for (TemplateId t : summary.asserted)
        if (t < m.never_asserted.size() && m.never_asserted[t] &&
            std::any_of(rule.alternatives.begin(), rule.alternatives.end(), can_match))
            throw std::invalid_argument("regel '" + rule.id + "' zet een feit '" + m.templates[t].name +
                                        "', maar deze engine kreeg de belofte dat er nooit een komt");
    for (const std::string& name : summary.focus_modules) m.module_number(name);
    for (VarId v : summary.changed_fact_vars) changes_facts_of(v);
    entry.binds = summary.binds;
    // Both sides a const std::string: with "MAIN" a literal, the conditional copied rule.module.
    static const std::string main_module = "MAIN";
    const std::uint32_t module = m.module_number(rule.module.empty() ? main_module : rule.module);
    if (rule.auto_focus) m.modular = m.special_activations = true;
    NetworkBuilder builder(m.alpha, m.beta, m.templates, m.wm, m.builder_scratch);
    for (std::size_t i = 0; i < rule.alternatives.size(); ++i) {
        if (!can_match(rule.alternatives[i])) {
            entry.terminals.push_back(nullptr);
            continue;
        }
        // The module before the build: a rule added after its facts gets its activations during it.
        Terminal* term = builder.build(rule, i, m.volatile_templates, m.shared_nodes, module, rule.auto_focus);
        term->rule_index = m.rules.size();
        entry.terminals.push_back(term);
    }
    // A logical prefix shorter than its alternative: a terminal at the end of those conditions,
    // built as a rule of its own (sharing the nodes it has in common with the rule).
    if (rule.logical && !rule.logical_prefix.empty()) {
        for (std::size_t i = 0; i < rule.alternatives.size(); ++i) {
            const std::size_t n = rule.logical_prefix[i];
            std::size_t patterns = 0;
            for (std::size_t k = 0; k < n; ++k) patterns += rule.alternatives[i][k].kind == Condition::Kind::pattern;
            entry.prefix_patterns.push_back(patterns);
            if (n == rule.alternatives[i].size() || !entry.terminals[i]) {
                entry.prefix_terminals.push_back(nullptr);
                entry.prefix_defs.push_back(nullptr);
                continue;
            }
            auto prefix = std::make_shared<RuleDef>();
            prefix->id = rule.id;
            prefix->salience = rule.salience;
            prefix->variables = rule.variables;
            prefix->alternatives.emplace_back(rule.alternatives[i].begin(), rule.alternatives[i].begin() + static_cast<std::ptrdiff_t>(n));
            m.prefix_rules.insert(prefix.get());
            m.special_activations = true;
            Terminal* term = builder.build(*prefix, 0, m.volatile_templates, m.shared_nodes);
            term->rule_index = m.rules.size();
            entry.prefix_terminals.push_back(term);
            entry.prefix_defs.push_back(std::move(prefix));
        }
    }
    m.rule_ids.emplace(rule.id, m.rules.size());
    m.rules.push_back(std::move(entry));
    if (m.cp) m.cp->disturbed = true;
}

void Engine::Impl::compile_actions(RuleEntry& entry) const {
    FunctionTableScope scope(&functions);
    const RuleDef& rule = *entry.def;
    auto identity = [](VarId v) -> std::uint32_t { return v; };
    // Sized once: the vectors grow no further.
    entry.actions.clear();
    entry.actions.reserve(rule.actions.size());
    for (const Action& a : rule.actions) {
        CompiledAction& ca = entry.actions.emplace_back();
        ca.slots.reserve(a.slots.size());
        ca.fields.reserve(a.fields.size());
        ca.kind = a.kind;
        ca.tmpl = a.tmpl;
        ca.var = a.var;
        ca.jump = a.jump;
        ca.record_name = a.record_name;
        ca.source_offset = a.source_offset;
        ca.source_text = a.source_text;
        if (a.kind == Action::Kind::assert_fact || a.kind == Action::Kind::modify || a.kind == Action::Kind::duplicate) {
            for (const auto& [slot, e] : a.slots) ca.slots.emplace_back(slot, compile_expr(e, identity));
            if (a.kind == Action::Kind::assert_fact) {
                ca.base.reserve(templates[a.tmpl].slots.size());
                for (const SlotDef& s : templates[a.tmpl].slots)
                    ca.base.push_back(s.default_value ? *s.default_value : zero_of(s.type));
            }
        }
        if (a.kind == Action::Kind::retract || a.kind == Action::Kind::modify || a.kind == Action::Kind::duplicate)
            ca.target = compile_expr(a.target, identity);
        // add_rule numbered every module a focus names.
        if (a.kind == Action::Kind::focus)
            for (const std::string& name : a.modules)
                ca.modules.push_back(static_cast<std::uint32_t>(
                    std::find(module_names.begin(), module_names.end(), name) - module_names.begin()));
        if (a.kind == Action::Kind::bind || a.kind == Action::Kind::branch) ca.expr = compile_expr(a.expr, identity);
        if (a.kind == Action::Kind::emit)
            for (const auto& [name, e] : a.fields) ca.fields.emplace_back(name, compile_expr(e, identity));
        if (a.kind == Action::Kind::each) {
            ca.list_var = a.expr.var;
            ca.position_var = a.target.var;
        }
    }
    entry.compiled = true;
}

void Engine::Impl::created_with_prefixes(Activation* a) {
    if (!prefix_rules.empty() && prefix_rules.count(a->terminal->rule)) return tms.prefix_matched(a);
    agenda_of(a->terminal->module).insert(a);
    if (a->terminal->auto_focus) focus(a->terminal->module);
}

void Engine::Impl::deleted_with_prefixes(Activation* a) {
    if (!prefix_rules.empty() && prefix_rules.count(a->terminal->rule)) {
        tms.prefix_lost(a);
        return;
    }
    agenda_of(a->terminal->module).remove(a);
    if (a->supported) tms.support_lost(a);
}

std::uint32_t Engine::Impl::module_number(const std::string& name) {
    for (std::uint32_t i = 0; i < module_names.size(); ++i)
        if (module_names[i] == name) return i;
    if (module_names.size() >= 10000) throw std::invalid_argument("te veel modules (hoogstens 10000)");
    module_names.push_back(name);
    module_agendas.push_back(std::make_unique<Agenda>());
    modular = special_activations = true;
    return static_cast<std::uint32_t>(module_names.size() - 1);
}

std::size_t Engine::Impl::total_agenda_size() const {
    std::size_t n = agenda.size();
    for (const auto& a : module_agendas) n += a->size();
    return n;
}

Agenda* Engine::Impl::focused() {
    if (focus_stack.empty()) focus_stack.push_back(0);
    while (agenda_of(focus_stack.back()).size() == 0) {
        focus_stack.pop_back();
        if (focus_stack.empty()) return nullptr;
    }
    return &agenda_of(focus_stack.back());
}

void Engine::Impl::remove_focus(std::uint32_t module) {
    for (std::size_t i = focus_stack.size(); i-- > 0;)
        if (focus_stack[i] == module) {
            focus_stack.erase(focus_stack.begin() + static_cast<std::ptrdiff_t>(i));
            return;
        }
}

void Engine::focus(std::string_view module) {
    Impl& m = *impl_;
    for (std::uint32_t i = 0; i < m.module_names.size(); ++i)
        if (m.module_names[i] == module) return m.focus(i);
    throw std::invalid_argument("onbekende module '" + std::string(module) + "'");
}

void Engine::define_module(const std::string& name) {
    if (name.empty()) throw std::invalid_argument("een module heeft een naam nodig");
    impl_->module_number(name);
}

std::vector<std::string> Engine::focus_stack() const {
    std::vector<std::string> out;
    for (std::size_t i = impl_->focus_stack.size(); i-- > 0;) out.push_back(impl_->module_names[impl_->focus_stack[i]]);
    return out;
}

const RuleDef* Engine::find_rule(std::string_view id) const {
    auto it = impl_->rule_ids.find(std::string(id));
    return it == impl_->rule_ids.end() ? nullptr : impl_->rules[it->second].def.get();
}

std::vector<const RuleDef*> Engine::rules() const {
    std::vector<const RuleDef*> out;
    for (const RuleEntry& r : impl_->rules) out.push_back(r.def.get());
    return out;
}

void Engine::set_strategy(Strategy strategy) { impl_->strategy = strategy; }
Strategy Engine::strategy() const { return impl_->strategy; }
void Engine::set_explanation(bool on) {
    impl_->explain = on;
    impl_->wm.set_archive(on);
}

std::vector<Value> Engine::Impl::complete_slots(TemplateId tmpl, std::vector<Value> slots) const {
    if (tmpl >= templates.size()) throw std::invalid_argument("onbekende template (nummer " + std::to_string(tmpl) + ")");
    // Every fact from outside passes here; a rule's actions cannot assert a promised fact (add_rule
    // refuses such a rule), nor modify or duplicate one (there is none), so do_assert need not check.
    if (tmpl < never_asserted.size() && never_asserted[tmpl]) [[unlikely]]
        throw std::logic_error("een feit '" + templates[tmpl].name +
                               "' in een engine die de belofte kreeg dat er nooit een komt (Engine::promise_never_asserted): "
                               "de regels die het nodig hebben, zijn niet gebouwd");
    const TemplateDef& t = templates[tmpl];
    if (slots.size() > t.slots.size())
        throw std::invalid_argument("'" + t.name + "' heeft " + std::to_string(t.slots.size()) + " slots, niet " +
                                    std::to_string(slots.size()));
    for (std::size_t i = slots.size(); i < t.slots.size(); ++i)
        slots.push_back(t.slots[i].default_value ? *t.slots[i].default_value : zero_of(t.slots[i].type));
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (!fits(t.slots[i].type, slots[i], t.slots[i].nullable)) [[unlikely]] throw_does_not_fit(t, i, slots[i]);
    return slots;
}

void Engine::Impl::check_action_slots(TemplateId tmpl, const CompiledAction& act, const std::vector<Value>& slots) const {
    const TemplateDef& t = templates[tmpl];
    for (const auto& [slot, e] : act.slots) {
        const auto i = static_cast<std::size_t>(slot);
        if (!fits(t.slots[i].type, slots[i], t.slots[i].nullable)) [[unlikely]] throw_does_not_fit(t, i, slots[i]);
    }
}

std::optional<FactId> Engine::Impl::do_assert(TemplateId tmpl, std::vector<Value>&& slots, Activation* support,
                                              std::uint64_t origin) {
    const std::size_t h = WorkingMemory::hash_of(tmpl, slots);
    bool inserted;
    FactRec* f = wm.find_or_insert(tmpl, std::move(slots), h, inserted);
    if (!inserted) {
        if (support) tms.add_support(support, f);
        else f->unconditional = true;
        return std::nullopt;
    }
    f->origin = origin;
    if (support) tms.add_support(support, f);
    else f->unconditional = true;
    beta.add_fact(f);
    return f->fact.id;
}

bool Engine::Impl::do_retract(FactId id) {
    FactRec* f = wm.get(id);
    if (!f) return false;
    if (cp && id < cp->next_id) cp->disturbed = true;
    beta.remove_fact(f);
    wm.erase(f);
    return true;
}

void Engine::Impl::settle_pending() {
    while (tms.take_unsupported(unsupported_scratch))
        for (FactId id : unsupported_scratch) do_retract(id);
}

void Engine::Impl::publish_aggregates(bool all) {
    while (beta.has_deferred()) {
        const auto top = agenda.top_salience();
        if (!beta.publish_deferred(all || !top ? std::numeric_limits<int>::min() : *top)) return;
        settle();
    }
}

template <class OnId>
void Engine::Impl::assert_all(std::vector<std::pair<TemplateId, std::vector<Value>>>& facts, OnId&& on_id) {
    const bool outer = beta.deferring();  // inside a run (an action's batch): its loop publishes
    beta.set_deferring(true);
    try {
        for (auto& [tmpl, slots] : facts) {
            on_id(do_assert(tmpl, complete_slots(tmpl, std::move(slots)), nullptr, 0));
            settle();
        }
    } catch (...) {
        beta.set_deferring(outer);
        if (!outer) publish_aggregates(true);  // the facts asserted so far stand, and so do their results
        throw;
    }
    beta.set_deferring(outer);
    if (!outer) publish_aggregates(true);
}

std::vector<std::optional<FactId>> Engine::assert_facts(std::vector<std::pair<TemplateId, std::vector<Value>>> facts) {
    std::vector<std::optional<FactId>> ids;
    ids.reserve(facts.size());
    impl_->assert_all(facts, [&](std::optional<FactId> id) { ids.push_back(id); });
    return ids;
}

void Engine::assert_batch(std::vector<std::pair<TemplateId, std::vector<Value>>>& facts) {
    try {
        impl_->assert_all(facts, [](std::optional<FactId>) {});
    } catch (...) {
        facts.clear();
        throw;
    }
    facts.clear();
}

std::vector<Value> Engine::spare_slots(TemplateId tmpl) { return impl_->wm.take_slots(tmpl); }

std::optional<FactId> Engine::assert_fact(TemplateId tmpl, std::vector<Value> slots) {
    auto id = impl_->do_assert(tmpl, impl_->complete_slots(tmpl, std::move(slots)), nullptr, 0);
    impl_->settle();
    return id;
}

std::optional<FactId> Engine::assert_fact(TemplateId tmpl, const std::vector<std::pair<std::string, Value>>& named) {
    if (tmpl >= impl_->templates.size()) throw std::invalid_argument("onbekende template (nummer " + std::to_string(tmpl) + ")");
    const TemplateDef& t = impl_->templates[tmpl];
    std::vector<Value> slots;
    slots.reserve(t.slots.size());
    for (const SlotDef& s : t.slots) slots.push_back(s.default_value ? *s.default_value : zero_of(s.type));
    // Facts name their slots mostly in the template's order: the slot after the last one named is
    // tried first (slot names are unique), before a search from the start.
    std::size_t next = 0;
    for (const auto& [name, v] : named) {
        const int i = next < t.slots.size() && t.slots[next].name == name ? static_cast<int>(next) : t.slot_index(name);
        if (i < 0) throw std::invalid_argument("'" + t.name + "' heeft geen slot '" + name + "'");
        slots[static_cast<std::size_t>(i)] = v;
        next = static_cast<std::size_t>(i) + 1;
    }
    return assert_fact(tmpl, std::move(slots));
}

bool Engine::retract(FactId id) {
    bool done = impl_->do_retract(id);
    impl_->settle();
    return done;
}

std::optional<FactId> Engine::modify(FactId id, const std::vector<std::pair<int, Value>>& changes) {
    const FactRec* f = impl_->wm.get(id);
    if (!f) throw std::invalid_argument("feit " + std::to_string(id) + " bestaat niet (meer)");
    std::vector<Value> slots = f->fact.slots;
    TemplateId tmpl = f->fact.tmpl;
    for (const auto& [slot, v] : changes) {
        if (slot < 0 || static_cast<std::size_t>(slot) >= slots.size())
            throw std::invalid_argument("ongeldig slotnummer " + std::to_string(slot));
        slots[static_cast<std::size_t>(slot)] = v;
    }
    slots = impl_->complete_slots(tmpl, std::move(slots));
    impl_->do_retract(id);
    auto nid = impl_->do_assert(tmpl, std::move(slots), nullptr, 0);
    impl_->settle();
    return nid;
}

const Fact* Engine::fact(FactId id) const { return impl_->fact(id); }

std::vector<const Fact*> Engine::facts() const {
    std::vector<const Fact*> out;
    impl_->wm.for_each([&](FactRec* f) { out.push_back(&f->fact); });
    return out;
}

std::vector<const Fact*> Engine::facts_of(TemplateId tmpl) const {
    std::vector<const Fact*> out;
    impl_->wm.for_each([&](FactRec* f) {
        if (f->fact.tmpl == tmpl) out.push_back(&f->fact);
    });
    return out;
}

std::size_t Engine::fact_count() const { return impl_->wm.size(); }

std::size_t Engine::agenda_size() const { return impl_->total_agenda_size(); }

std::vector<AgendaItem> Engine::agenda() const {
    const Impl& m = *impl_;
    std::vector<AgendaItem> out;
    std::size_t level_start = 0;
    int level_salience = 0;
    // Per salience, oldest first; depth fires the newest of a level first.
    const auto close_level = [&] {
        if (m.strategy == Strategy::depth) std::reverse(out.begin() + static_cast<std::ptrdiff_t>(level_start), out.end());
        level_start = out.size();
    };
    // With modules: the module on top of the focus stack first, then the rest of the stack, then the
    // modules that are not on it, in the order they were made.
    std::vector<std::uint32_t> order;
    for (std::size_t i = m.focus_stack.size(); i-- > 0;)
        if (std::find(order.begin(), order.end(), m.focus_stack[i]) == order.end()) order.push_back(m.focus_stack[i]);
    for (std::uint32_t i = 0; i < m.module_names.size(); ++i)
        if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
    for (std::uint32_t module : order) m.agenda_of(module).for_each([&](const Activation* a) {
        if (out.size() > level_start && a->salience != level_salience) close_level();
        level_salience = a->salience;
        AgendaItem item;
        item.rule = a->terminal->rule;
        item.salience = a->salience;
        std::vector<const Token*> levels(a->token ? a->token->depth + 1 : 0);
        for (const Token* t = a->token; t; t = t->parent) levels[t->depth] = t;
        for (std::uint32_t d : a->terminal->fact_depths)
            if (d < levels.size() && levels[d] && levels[d]->fact) item.facts.push_back(levels[d]->fact->fact.id);
        out.push_back(std::move(item));
    }), close_level();
    return out;
}
const std::vector<Record>& Engine::records() const { return impl_->records; }
std::vector<Record> Engine::take_records() {
    std::vector<Record> out;
    out.swap(impl_->records);
    impl_->records_taken = true;
    return out;
}
const std::vector<FiringInfo>& Engine::firing_log() const { return impl_->log; }

void Engine::reset() {
    Impl& m = *impl_;
    std::vector<FactId> ids;
    m.wm.for_each([&](FactRec* f) { ids.push_back(f->fact.id); });
    m.wm.set_archive(false);  // clear() drops the archive anyway: no point filling it first
    for (FactId id : ids) m.do_retract(id);
    m.wm.set_archive(m.explain);
    m.tms.take_unsupported();
    m.beta.restart();
    m.wm.clear();
    m.log.clear();
    m.records.clear();
    m.firing_count = 0;
    m.cp.reset();
    m.beta.unmark();
    m.focus_stack.assign(1, 0);  // CLIPS's reset: the focus on MAIN
}

void Engine::Impl::take_checkpoint() {
    auto c = std::make_unique<Checkpoint>();
    c->next_id = wm.next_id();
    c->firing_count = firing_count;
    c->log_size = log.size();
    c->records = records;
    records_taken = false;
    agenda.for_each([&](Activation* a) { c->agenda.push_back(a); });
    // The agendas of several modules and the focus stack are not kept: a rollback rebuilds them.
    if (modular) c->disturbed = true;
    wm.for_each([&](FactRec* f) { c->facts.emplace_back(f->fact.tmpl, f->fact.slots); });
    cp = std::move(c);
    beta.mark();
}

void Engine::checkpoint() { impl_->take_checkpoint(); }
bool Engine::has_checkpoint() const { return impl_->cp != nullptr; }

bool Engine::rollback() {
    Impl& m = *impl_;
    if (!m.cp) throw std::logic_error("rollback zonder checkpoint");
    Impl::Checkpoint& c = *m.cp;
    if (!c.disturbed && !m.beta.disturbed()) {
        // The tokens made since the checkpoint go first, straight from the network's trail; then
        // the facts, newest first, so every retraction undoes the last change still standing. Truth
        // maintenance has nothing to add: whatever it would retract is newer than the checkpoint.
        m.wm.set_archive(false);  // these ids are forgotten below: no point archiving them
        try {
            m.beta.begin_rollback();
            // What do_retract does, for the newest live fact each time (WorkingMemory::erase_newest).
            for (FactId id = m.wm.next_id(); id-- > c.next_id;)
                if (FactRec* f = m.wm.get(id)) {
                    m.beta.remove_fact(f);
                    m.wm.erase_newest(f);
                }
        } catch (...) {
            m.beta.end_rollback();  // never leave later consultations deferring
            // Tokens skipped as doomed may still stand with stale counts: the next rollback
            // must rebuild from scratch rather than trust them.
            c.disturbed = true;
            throw;
        }
        m.beta.end_rollback();
        m.wm.set_archive(m.explain);
        m.tms.drop_unsupported();
    }
    if (c.disturbed || m.beta.disturbed()) {
        // Something of the checkpoint was taken away; retracting the newer facts would bring it
        // back in another order. Rebuild it the slow way.
        std::unique_ptr<Impl::Checkpoint> old = std::move(m.cp);
        reset();
        for (auto& [tmpl, slots] : old->facts) m.do_assert(tmpl, std::vector<Value>(slots), nullptr, 0);
        m.settle();
        m.records = old->records;
        m.take_checkpoint();
        return false;
    }
    m.wm.rewind(c.next_id);
    m.tms.forget_supports_from(c.next_id);
    m.beta.rewind();
    // Only the checkpoint's activations are left (every later one held a newer fact); those that
    // fired are back on the agenda, all in their original order, none with supports.
    m.agenda.clear();
    for (Activation* a : c.agenda) {
        if (a->supported) m.tms.support_lost(a);
        a->fired = false;
        m.agenda.insert(a);
    }
    m.tms.drop_unsupported();
    {
        constexpr std::size_t max_spare = 4096;
        const std::size_t keep = std::min(c.log_size, m.log.size());
        for (std::size_t i = m.log.size(); i-- > keep && m.spare_firings.size() < max_spare;) {
            // Emptied here: the spare holds no value (a computed text) alive.
            m.log[i].facts.clear();
            m.log[i].bindings.clear();
            m.spare_firings.push_back(std::move(m.log[i]));
        }
        m.log.erase(m.log.begin() + static_cast<std::ptrdiff_t>(keep), m.log.end());
    }
    // Records are only ever appended: unless some were taken, the checkpoint's are still the first.
    if (!m.records_taken && m.records.size() >= c.records.size()) {
        // Newest first onto the stack: a consultation that emits in the same order as the last
        // one refills each record with the same rule id and fields, and so with room enough.
        constexpr std::size_t max_spare = 4096;
        for (std::size_t i = m.records.size(); i-- > c.records.size() && m.spare_records.size() < max_spare;)
            m.spare_records.push_back(std::move(m.records[i]));
        m.records.erase(m.records.begin() + static_cast<std::ptrdiff_t>(c.records.size()), m.records.end());
    } else
        m.records = c.records;
    m.records_taken = false;
    m.firing_count = c.firing_count;
    return true;
}

NetworkStats Engine::stats() const {
    NetworkStats s;
    s.alpha_nodes = impl_->alpha.node_count();
    s.alpha_memories = impl_->alpha.memory_count();
    s.beta_nodes = impl_->beta.node_count() - 1;  // without the root
    s.shared_beta_nodes = impl_->shared_nodes;
    s.hashed_beta_nodes = impl_->beta.hashed_node_count();
    s.tokens = impl_->beta.token_count() - 1;
    s.facts = impl_->wm.size();
    s.activations = impl_->total_agenda_size();
    return s;
}

}  // namespace ww
