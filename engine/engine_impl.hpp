// SPDX-License-Identifier: EUPL-1.2
// The engine's parts wired together; shared by engine.cpp (facts, rules, run) and explanation.cpp.
#pragma once

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/agenda.hpp"
#include "engine/alpha_network.hpp"
#include "engine/beta_network.hpp"
#include "engine/engine.hpp"
#include "engine/expr_eval.hpp"
#include "engine/network_builder.hpp"
#include "engine/user_function.hpp"
#include "engine/truth_maintenance.hpp"
#include "engine/working_memory.hpp"

namespace ww {

struct CompiledAction {
    Action::Kind kind = Action::Kind::assert_fact;
    TemplateId tmpl = 0;
    std::vector<std::pair<int, CExpr>> slots;
    std::vector<Value> base;  // assert: every slot's default, computed once; the action overwrites its own
    CExpr target;
    VarId var = 0;
    CExpr expr;
    VarId list_var = 0, position_var = 0;  // each
    std::uint32_t jump = 0;
    std::string record_name;
    std::vector<std::pair<std::string, CExpr>> fields;
    std::vector<std::uint32_t> modules;  // focus: the engine's numbers, as written
    std::uint32_t source_offset = 0;
    std::string source_text;
};

struct RuleEntry {
    std::shared_ptr<const RuleDef> def;
    // One per alternative; null for an alternative not built because it needs a fact of a template the
    // engine was promised it never gets (Engine::promise_never_asserted): it could never match.
    std::vector<Terminal*> terminals;
    // Compiled when the rule first fires (compile_actions): a consultation fires a third of the
    // knowledge base's rules, and a cold start compiled the actions of all of them. add_rule checks
    // beforehand everything compiling could refuse.
    std::vector<CompiledAction> actions;
    bool compiled = false;
    bool binds = false;  // has `bind` actions: the firing needs its own copy of the bindings
    // A logical prefix (RuleDef::logical_prefix), per alternative: the terminal of its conditions
    // (null: the facts rest on the whole match), the rule those conditions form, and how many of
    // the alternative's patterns lie in it (their token levels lead the terminal's fact_depths).
    std::vector<Terminal*> prefix_terminals;
    std::vector<std::shared_ptr<const RuleDef>> prefix_defs;
    std::vector<std::size_t> prefix_patterns;
};

struct Engine::Impl final : EvalEnv, BetaListener, FunctionHost {
    Impl();

    // FunctionHost: a function's emit is a record of the rule whose firing called it.
    void emit_from_function(std::string_view record, std::vector<std::pair<std::string_view, Value>> fields,
                            std::uint32_t source_offset) override;

    // EvalEnv: the world expressions see (facts and templates); variables come from wrappers.
    Value var(std::uint32_t) const override { return Value(); }
    const Fact* fact(FactId id) const override {
        const FactRec* f = wm.get(id);
        return f ? &f->fact : nullptr;
    }
    const TemplateDef& template_def(TemplateId id) const override { return templates.at(id); }

    // BetaListener
    void activation_created(Activation* a) override {
        if (special_activations) [[unlikely]] return created_with_prefixes(a);
        agenda.insert(a);
    }
    void activation_deleted(Activation* a) override {
        if (a == current_support) support_alive = false;
        if (special_activations) [[unlikely]] return deleted_with_prefixes(a);
        agenda.remove(a);
        if (a->supported) tms.support_lost(a);
    }
    // The same where some rule has a logical prefix (a match of one supports facts and never fires,
    // so truth maintenance keeps it and the agenda never sees it) or where there are modules (an
    // activation waits on its module's agenda, and an auto-focus rule focuses its module). Out of
    // line (and called last) so that programs without either pay a test and nothing else.
    [[gnu::noinline]] void created_with_prefixes(Activation* a);
    [[gnu::noinline]] void deleted_with_prefixes(Activation* a);

    std::vector<Value> complete_slots(TemplateId tmpl, std::vector<Value> slots) const;
    // An assert action's slots: the template's defaults, which fit, with the action's own
    // expressions over them; only those are checked.
    void check_action_slots(TemplateId tmpl, const CompiledAction& act, const std::vector<Value>& slots) const;
    // Asserts or, for an existing equal fact, records the new support. `support` is the firing
    // activation of a logical rule, else null (unconditional).
    // `slots` is taken when the fact is new (by reference: a by-value vector costs the caller a
    // destructor call per fact).
    std::optional<FactId> do_assert(TemplateId tmpl, std::vector<Value>&& slots, Activation* support, std::uint64_t origin);
    bool do_retract(FactId id);
    // Retracts what truth maintenance found unsupported, until nothing is left. Inline: it runs
    // after every action and every asserted fact, and mostly finds nothing.
    void settle() {
        if (tms.pending()) [[unlikely]] settle_pending();
    }
    void settle_pending();
    // Asserts a batch as one change (Engine::assert_facts); `on_id` gets each fact's id or nullopt.
    template <class OnId>
    void assert_all(std::vector<std::pair<TemplateId, std::vector<Value>>>& facts, OnId&& on_id);
    // Passes on the aggregate results held back while deferring (see BetaNetwork::set_deferring),
    // with what truth maintenance retracts in turn: those that could lead to an activation that
    // outranks the agenda's best (`all`: every one; an empty agenda: every one).
    void publish_aggregates(bool all);
    RunResult run_loop(const RunOptions& options);
    void fire(Activation* a, const RunOptions& options, bool& halt);
    void compile_actions(RuleEntry& entry) const;

    // Modules (RuleDef::module). Module 0 is MAIN, whose agenda is `agenda`; the others have one
    // each. Without modules (`modular` false) there is only `agenda` and no focus stack to consult.
    std::uint32_t module_number(const std::string& name);  // adds the module when it is new
    Agenda& agenda_of(std::uint32_t module) { return module ? *module_agendas[module - 1] : agenda; }
    const Agenda& agenda_of(std::uint32_t module) const { return module ? *module_agendas[module - 1] : agenda; }
    std::size_t total_agenda_size() const;
    // CLIPS's focus: on top of the stack unless it is there already.
    void focus(std::uint32_t module) {
        if (focus_stack.empty() || focus_stack.back() != module) focus_stack.push_back(module);
    }
    // CLIPS's NextActivationToFire: the agenda of the focused module, after taking modules with an
    // empty agenda off the stack (MAIN first when the stack is empty); null when none is left.
    Agenda* focused();
    // Takes the topmost occurrence of `module` off the focus stack (return in a rule of it).
    void remove_focus(std::uint32_t module);
    std::string fact_text(const Fact& f) const;
    void append_fact_text(std::string& out, const Fact& f) const;

    std::vector<TemplateDef> templates;
    std::unordered_map<std::string, TemplateId> template_ids;
    std::vector<RuleEntry> rules;
    FunctionTable functions;  // the program's own (define_function)
    const RuleEntry* firing_entry = nullptr;  // the rule whose actions run, for a function's emit
    std::uint64_t firing_index = 0;
    std::unordered_map<std::string, std::size_t> rule_ids;

    WorkingMemory wm;
    AlphaNetwork alpha;
    BetaNetwork beta;
    Agenda agenda;
    TruthMaintenance tms;

    Strategy strategy = Strategy::depth;
    bool explain = true;
    std::vector<FiringInfo> log;
    std::uint64_t firing_count = 0;
    std::vector<Record> records;
    // take_records() gave records away since the checkpoint: `records` no longer starts with the
    // checkpoint's, and rollback has to copy them back instead of cutting off the newer ones.
    bool records_taken = false;
    std::size_t shared_nodes = 0;
    std::vector<bool> volatile_templates;  // modified or retracted by some rule's actions
    std::vector<bool> never_asserted;      // Engine::promise_never_asserted, by template id
    NetworkBuilderScratch builder_scratch;
    // What the firing logical rule's facts rest on: its activation, or the match of its logical
    // prefix; support_alive goes false when that goes in the middle of the firing.
    Activation* current_support = nullptr;
    bool support_alive = false;
    std::unordered_set<const RuleDef*> prefix_rules;  // the rules of logical prefixes (RuleEntry::prefix_defs)
    bool modular = false;  // a module besides MAIN, or an auto-focus rule
    // prefix_rules not empty, or modular: one flag, so that the common case tests a single byte
    // per activation (Manners makes 90,000 of them).
    bool special_activations = false;
    std::vector<std::string> module_names{"MAIN"};
    std::vector<std::unique_ptr<Agenda>> module_agendas;  // modules 1, 2, ...
    std::vector<std::uint32_t> focus_stack{0};            // the top is the back
    bool returned = false;  // the firing rule did `return`
    std::vector<Value> scratch_bindings;  // a firing's bindings when no FiringInfo is kept
    std::vector<FactId> unsupported_scratch;  // settle()'s batch of facts that lost their support
    // Records a rollback cut off, kept for their buffers: an `emit` refills one instead of
    // allocating its fields and rule id anew (and the rollback frees nothing).
    std::vector<Record> spare_records;
    // Log entries a rollback cut off, kept for their vectors: a consultation that explains fills
    // one per firing instead of allocating its facts and bindings anew (and the rollback frees
    // nothing).
    std::vector<FiringInfo> spare_firings;
    std::vector<const RuleDef*> recent;  // run_loop's last firings, to name the rules of a loop

    // The rule cost profile (Engine::set_profiling): counters per rule number, the `made` of every
    // node when counting began and ended (by node index; nodes built since began at zero), and the listener
    // that counts activations on the network's behalf while profiling.
    struct RuleCounters {
        std::uint64_t activations = 0, firings = 0, facts = 0, action_tokens = 0, action_ns = 0;
    };
    RuleCounters& counters(std::size_t rule) {
        // A rule being added makes its first matches before it is in `rules`.
        if (rule >= rule_counters.size()) rule_counters.resize(std::max(rules.size(), rule + 1));
        return rule_counters[rule];
    }
    struct CountingListener final : BetaListener {
        explicit CountingListener(Impl& m) : m(m) {}
        void activation_created(Activation* a) override {
            ++m.counters(a->terminal->rule_index).activations;
            m.activation_created(a);
        }
        void activation_deleted(Activation* a) override { m.activation_deleted(a); }
        Impl& m;
    };
    bool profiling = false;
    std::vector<RuleCounters> rule_counters;
    std::unordered_map<const RuleDef*, std::size_t> rule_numbers;  // for the firing log's rule
    std::vector<std::uint64_t> made_at_start;
    std::vector<std::uint64_t> made_at_stop;  // when it was switched off
    CountingListener counting{*this};

    // The checkpoint (Engine::checkpoint): what rollback restores.
    struct Checkpoint {
        FactId next_id = 1;
        std::uint64_t firing_count = 0;
        std::size_t log_size = 0;
        std::vector<Record> records;
        std::vector<Activation*> agenda;  // in agenda order
        std::vector<std::pair<TemplateId, std::vector<Value>>> facts;  // live facts, oldest first
        bool disturbed = false;  // a fact of the checkpoint retracted, or a rule added
    };
    std::unique_ptr<Checkpoint> cp;
    void take_checkpoint();
};

}  // namespace ww
