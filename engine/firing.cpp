// SPDX-License-Identifier: EUPL-1.2
// Firing: the run loop (agenda, firing limit) and the actions of a firing rule. Actions see the
// variables as bound at the firing; a logical rule's asserts rest on the firing activation.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "engine/action_flow.hpp"
#include "engine/bindings_env.hpp"
#include "engine/engine_impl.hpp"
#include "engine/input.hpp"

namespace ww {

namespace {

// The variables of a match by VarId, copied out of the token chain (`level`: the token at each depth),
// then nil for those only actions bind. Built up by copy construction: assigning into a vector of
// nils tested and released each old value.
void gather_bindings(const Terminal& term, const Token* const* level, std::size_t variables, std::vector<Value>& found) {
    found.clear();
    found.reserve(variables);
    for (const VarLoc loc : term.var_locs) {
        if (!loc.depth) {
            found.emplace_back();
            continue;
        }
        const Token* t = level[loc.depth];
        if (loc.slot >= 0) found.push_back(t->fact->fact.slots[static_cast<std::size_t>(loc.slot)]);
        else if (loc.slot == VarLoc::fact_ref) found.emplace_back(FactRef{t->fact->fact.id});
        else if (const Value* r = aggregate_result(t)) found.push_back(*r);
        else found.emplace_back();
    }
    found.resize(variables);
}

// What a rule's action that failed reports; out of line, so that the firing's own code stays small
// enough for the compiler to inline what every action uses.
[[noreturn, gnu::cold, gnu::noinline]] void action_failed(const RuleDef& rule, const CompiledAction& act, const char* what,
                                                          std::uint32_t offset) {
    throw ActionError("fout in regel '" + rule.id + "', actie '" + act.source_text + "': " + what, rule.id,
                      offset ? offset : act.source_offset);
}

}  // namespace

// The actions that change or name facts (retract, modify, duplicate), and the modules' focus, return
// and halt: a few per consultation, out of the firing's loop. True when the firing goes on without
// settling (nothing changed).
[[gnu::noinline]] static bool rare_action(Engine::Impl& m, const CompiledAction& act, const RuleEntry& entry,
                                          const EvalEnv& env, std::uint64_t index, std::size_t& next, bool& halt) {
    const RuleDef& rule = *entry.def;
    // modify and duplicate: the slots of the fact the action names, with the action's changes.
    const auto changed_slots = [&](const char* name, const char* purpose, FactId& id, TemplateId& tmpl) {
        Value target = eval(act.target, env);
        if (target.kind() != ValueKind::fact)
            throw EvalError(std::string(name) + " verwacht een feitverwijzing, niet " + std::string(kind_name(target.kind())),
                            act.source_offset);
        id = target.as_fact().id;
        const FactRec* f = m.wm.get(id);
        if (!f) throw EvalError("het feit dat " + std::string(name) + " wil " + purpose + " bestaat niet meer", act.source_offset);
        tmpl = f->fact.tmpl;
        std::vector<Value> slots = m.wm.take_slots(tmpl);
        slots.assign(f->fact.slots.begin(), f->fact.slots.end());
        for (const auto& [slot, e] : act.slots) {
            if (slot < 0 || static_cast<std::size_t>(slot) >= slots.size())
                throw EvalError(std::string(name) + ": '" + m.templates[tmpl].name + "' heeft geen slot nummer " +
                                    std::to_string(slot),
                                act.source_offset);
            eval_into(slots[static_cast<std::size_t>(slot)], e, env);
        }
        return slots;
    };
    switch (act.kind) {
        case Action::Kind::retract: {
            Value target = eval(act.target, env);
            if (target.kind() != ValueKind::fact)
                throw EvalError("retract verwacht een feitverwijzing, niet " + std::string(kind_name(target.kind())),
                                act.source_offset);
            m.do_retract(target.as_fact().id);
            return false;
        }
        case Action::Kind::modify: {
            FactId id;
            TemplateId tmpl;
            std::vector<Value> slots = changed_slots("modify", "wijzigen", id, tmpl);
            slots = m.complete_slots(tmpl, std::move(slots));
            m.do_retract(id);
            if (rule.logical && !m.support_alive) return false;
            m.do_assert(tmpl, std::move(slots), m.current_support, index + 1);
            return false;
        }
        case Action::Kind::duplicate: {
            FactId id;
            TemplateId tmpl;
            std::vector<Value> slots = changed_slots("duplicate", "kopiëren", id, tmpl);
            m.check_action_slots(tmpl, act, slots);
            if (rule.logical && !m.support_alive) return false;
            m.do_assert(tmpl, std::move(slots), m.current_support, index + 1);
            return false;
        }
        case Action::Kind::focus:
            // The last first: the first module written ends up on top, as in CLIPS.
            for (auto it = act.modules.rbegin(); it != act.modules.rend(); ++it) m.focus(*it);
            return true;
        case Action::Kind::pop_focus:
            if (!m.focus_stack.empty()) m.focus_stack.pop_back();
            return true;
        case Action::Kind::return_:
            m.returned = true;
            next = entry.actions.size();
            return true;
        case Action::Kind::halt: halt = true; return false;
        default: throw EvalError("onbekende actie", act.source_offset);
    }
}

// An `emit`: a record of this firing, its fields evaluated now.
[[gnu::noinline]] static void emit_record(Engine::Impl& m, const CompiledAction& act, const RuleEntry& entry,
                                          const EvalEnv& env, std::uint64_t index) {
    const RuleDef& rule = *entry.def;
    // In the buffers of a record that a rollback cut off, when there is one.
    Record r;
    if (!m.spare_records.empty()) {
        r = std::move(m.spare_records.back());
        m.spare_records.pop_back();
    }
    // The names come from the rule's own action (the compiled actions are made one to one from
    // them): the definition does not move, and the record keeps it alive.
    const Action& written = rule.actions[static_cast<std::size_t>(&act - entry.actions.data())];
    r.name = written.record_name;
    r.fields.resize(act.fields.size());
    for (std::size_t i = 0; i < act.fields.size(); ++i) {
        r.fields[i].first = written.fields[i].first;
        eval_into(r.fields[i].second, act.fields[i].second, env);
    }
    r.rule_id = rule.id;
    r.rule_meta = &rule.meta;
    r.firing = index;
    // A spare record usually comes back to the rule that filled it last: no atomic count up and
    // down for the same owner.
    if (r.rule != entry.def) r.rule = entry.def;
    m.records.push_back(std::move(r));
}

void Engine::Impl::fire(Activation* a, const RunOptions& options, bool& halt) {
    Terminal* term = a->terminal;
    const RuleDef& rule = *term->rule;
    RuleEntry& entry = rules[term->rule_index];
    // First of all: deferred actions are checked when built (ActionList), and one that is refused
    // throws DeferredActionsRefused out of the run before this firing has a number, a place in the
    // log (--uitleg, the derivation) or an on_fire (--trace, the cost profile). The run is then
    // abandoned with its engine (the caller builds everything again from another source), so no
    // log ever shows a firing whose actions were refused.
    if (!entry.compiled) [[unlikely]] compile_actions(entry);
    Token* tok = a->token;
    a->fired = true;

    // The firing log (explanation on) and --trace (on_fire) keep a FiringInfo per firing; without
    // them the bindings go into a scratch vector that keeps its capacity from firing to firing, so a
    // consultation that wants no explanation allocates nothing here.
    // The vectors below are made only when used: each costs a destructor call, and a consultation
    // fires a hundred rules.
    const bool keep = explain || static_cast<bool>(options.on_fire);
    const std::uint64_t index = firing_count++;
    std::optional<FiringInfo> kept;
    if (keep) {
        if (spare_firings.empty()) {
            kept.emplace();
        } else {
            kept.emplace(std::move(spare_firings.back()));
            spare_firings.pop_back();
        }
        kept->index = index;
        kept->rule = &rule;
        kept->alternative = term->alternative;
    }
    // One walk up the token chain gives every level; variables and facts then index into it.
    const Token* levels[64];
    std::unique_ptr<const Token*[]> many;
    const Token** level = levels;
    if (tok->depth >= 64) {
        many = std::make_unique<const Token*[]>(tok->depth + 1);
        level = many.get();
    }
    for (const Token* t = tok; t; t = t->parent) level[t->depth] = t;
    gather_bindings(*term, level, rule.variables.size(), keep ? kept->bindings : scratch_bindings);
    if (keep) {
        kept->facts.reserve(term->fact_depths.size());
        for (std::uint32_t d : term->fact_depths) kept->facts.push_back(level[d]->fact->fact.id);
        if (options.on_fire) options.on_fire(*kept);
    }

    if (explain) log.push_back(std::move(*kept));
    // The log keeps the bindings of the match; `bind` actions work on a copy. The log does not grow
    // while actions run (they fire nothing), so a reference into it stays valid. The scratch vector
    // belongs to this firing alone: `bind` may change it in place.
    std::vector<Value>& matched = !keep ? scratch_bindings : explain ? log.back().bindings : kept->bindings;
    std::optional<std::vector<Value>> own;
    std::vector<Value>& bindings = entry.binds && keep ? own.emplace(matched) : matched;

    // A logical rule's facts rest on its match, or on the match of its logical prefix: that of the
    // facts at the first levels of this match.
    current_support = nullptr;
    if (rule.logical) {
        current_support = a;
        if (!entry.prefix_terminals.empty())
            if (const Terminal* prefix = entry.prefix_terminals[term->alternative]) {
                const auto& depths = term->fact_depths;
                const std::vector<std::uint32_t> first(depths.begin(), depths.begin() + static_cast<std::ptrdiff_t>(
                                                                                   entry.prefix_patterns[term->alternative]));
                if (Activation* p = tms.prefix_of(prefix, tok, first)) current_support = p;
            }
    }
    support_alive = current_support != nullptr;
    // A function's emit (emit_from_function) is a record of this firing, until it ends in any way.
    firing_entry = &entry;
    firing_index = index;
    struct EndOfFiring {
        const RuleEntry*& entry;
        ~EndOfFiring() { entry = nullptr; }
    } end_of_firing{firing_entry};
    BindingsEnv env(bindings, *this);
    for (std::size_t next = 0; next < entry.actions.size();) {
        const CompiledAction& act = entry.actions[next++];
        try {
            switch (act.kind) {
                case Action::Kind::branch:
                    if (!eval_test(act.expr, env)) next = act.jump;
                    continue;  // nothing changed: nothing to settle
                case Action::Kind::jump: next = act.jump; continue;
                case Action::Kind::each:
                    // The list and the position were bound before the loop; only this action moves on.
                    if (advance_loop(bindings[act.position_var], bindings[act.list_var], bindings[act.var], act.source_offset))
                        next = act.jump;
                    continue;
                case Action::Kind::again: next = act.jump; continue;
                case Action::Kind::assert_fact: {
                    std::vector<Value> slots = wm.take_slots(act.tmpl);
                    slots.assign(act.base.begin(), act.base.end());
                    for (const auto& [slot, e] : act.slots) eval_into(slots[static_cast<std::size_t>(slot)], e, env);
                    check_action_slots(act.tmpl, act, slots);
                    if (rule.logical && !support_alive) break;  // its support is already gone
                    do_assert(act.tmpl, std::move(slots), current_support, index + 1);
                    break;
                }
                case Action::Kind::bind: bindings[act.var] = eval(act.expr, env); break;  // never the log's copy
                case Action::Kind::emit: emit_record(*this, act, entry, env, index); break;
                default:
                    if (rare_action(*this, act, entry, env, index, next, halt)) continue;
                    break;
            }
        } catch (const EvalError& e) {
            current_support = nullptr;
            action_failed(rule, act, e.what(), e.source_offset);
        } catch (const std::invalid_argument& e) {
            current_support = nullptr;
            action_failed(rule, act, e.what(), 0);
        }
        settle();
    }
    current_support = nullptr;
}

RunResult Engine::run(const RunOptions& options) {
    Impl& m = *impl_;
    if (m.profiling) [[unlikely]] return run_profiled(options);
    RunResult result;
    // Between firings nothing looks at the matches, so a firing's changes to an aggregate are
    // passed on once, before the next firing, instead of after every fact its actions assert or
    // retract; only the final result of a firing can lead to an activation.
    const bool outer = m.beta.deferring();
    m.beta.set_deferring(true);
    // Installed once per run, not per firing: a program that does not read pays nothing.
    std::optional<InputReader> reader;
    if (options.input) reader.emplace(*options.input, options.before_read);
    InputScope input(reader ? &*reader : nullptr);
    try {
        result = m.run_loop(options);
    } catch (...) {
        m.beta.set_deferring(outer);
        m.publish_aggregates(true);
        throw;
    }
    m.beta.set_deferring(outer);
    m.publish_aggregates(true);  // after a halt, what the last firing changed
    return result;
}

RunResult Engine::Impl::run_loop(const RunOptions& options) {
    Impl& m = *this;
    RunResult result;
    // The last stretch of firings, to name the rules of a loop when the limit is hit: a ring (firing
    // n at n % window) that the engine keeps from run to run, where a deque allocated on every run.
    const std::size_t window = static_cast<std::size_t>(std::min<std::uint64_t>(std::max<std::uint64_t>(options.max_firings, 1), 1000));
    if (m.recent.size() < window) m.recent.resize(window);
    while (true) {
        // With modules the agenda that fires changes with the focus: every result is passed on.
        m.publish_aggregates(m.modular);
        Agenda* from = &m.agenda;
        if (m.modular) [[unlikely]] {
            if (!(from = m.focused())) break;
        } else if (m.agenda.size() == 0)
            break;
        if (result.firings >= options.max_firings) {
            const std::size_t kept = static_cast<std::size_t>(std::min<std::uint64_t>(result.firings, window));
            std::map<std::string, std::size_t> counts;
            for (std::size_t i = 0; i < kept; ++i) ++counts[m.recent[i]->id];
            std::vector<std::pair<std::string, std::size_t>> ranked(counts.begin(), counts.end());
            std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
            std::vector<std::string> names;
            std::string list;
            for (const auto& [id, n] : ranked) {
                names.push_back(id);
                if (!list.empty()) list += ", ";
                list += id + " (" + std::to_string(n) + "x)";
            }
            throw FiringLimitError("de limiet van " + std::to_string(options.max_firings) +
                                       " vuringen is bereikt; waarschijnlijk een lus. In de laatste " +
                                       std::to_string(kept) + " vuringen vuurden: " + list,
                                   std::move(names), options.max_firings);
        }
        Activation* a = from->pop(m.strategy);
        m.recent[static_cast<std::size_t>(result.firings % window)] = a->terminal->rule;
        const std::uint32_t module = a->terminal->module;
        bool halt = false;
        m.fire(a, options, halt);
        ++result.firings;
        if (m.returned) [[unlikely]] {
            m.returned = false;
            m.remove_focus(module);  // CLIPS: the module of the rule that returned, not the focus
        }
        if (halt) {
            result.halted = true;
            break;
        }
    }
    return result;
}

}  // namespace ww
