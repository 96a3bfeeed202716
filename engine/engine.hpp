// SPDX-License-Identifier: EUPL-1.2
// The public face of the engine: define templates and rules, assert and retract facts, run to
// quiescence, collect emitted records, and ask how a fact or record came about or why a rule did not
// fire. Everything else under engine/ is the machinery behind this class.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/explanation.hpp"
#include "engine/fact_texts.hpp"
#include "engine/profile.hpp"
#include "engine/rule.hpp"
#include "engine/template.hpp"
#include "engine/value.hpp"

namespace ww {

// Conflict resolution among activations of equal salience (CLIPS's strategies of the same name).
enum class Strategy : std::uint8_t {
    depth,    // newest activation first (default)
    breadth,  // oldest activation first
};

struct Fact {
    FactId id = 0;  // also the time tag: higher is newer
    TemplateId tmpl = 0;
    std::vector<Value> slots;
};

// A structured output record, emitted by a rule's `emit` action. The names are views into the
// rule's definition, which `rule` keeps alive as long as the record lives: an emit copies no text.
struct Record {
    std::string_view name;
    std::vector<std::pair<std::string_view, Value>> fields;  // as written in the emit action
    std::string_view rule_id;
    const std::map<std::string, Value>* rule_meta = nullptr;  // the rule's metadata
    std::uint64_t firing = 0;  // index into the firing log: how it came about
    std::shared_ptr<const RuleDef> rule;  // the rule that emitted it: owns the texts above
};

// Thrown by run() when the firing limit is reached: `rules` are those that fired most in the
// last stretch of the run, most frequent first, which is where a loop is.
struct FiringLimitError : std::runtime_error {
    FiringLimitError(std::string message, std::vector<std::string> rules, std::uint64_t limit)
        : std::runtime_error(std::move(message)), rules(std::move(rules)), limit(limit) {}
    std::vector<std::string> rules;
    std::uint64_t limit;
};

// Thrown by run() when an action fails (an EvalError inside the rule, a type that does not fit a
// slot). Names the rule and the action's source text.
struct ActionError : std::runtime_error {
    ActionError(std::string message, std::string rule_id, std::uint32_t source_offset)
        : std::runtime_error(std::move(message)), rule_id(std::move(rule_id)), source_offset(source_offset) {}
    std::string rule_id;
    std::uint32_t source_offset;
};

struct RunOptions {
    std::uint64_t max_firings = 1'000'000;
    // Called before each firing (for --trace). Null: no tracing cost.
    std::function<void(const FiringInfo&)> on_fire;
    // What the functions read() and readline() read (CLIPS's standard input). Null: the run has no
    // input, and a rule that reads stops with an error. The engine reads only when a rule asks.
    std::istream* input = nullptr;
    // Called before each read: the embedder shows what the rules emitted so far (take_records()),
    // so that a question stands before its answer is read.
    std::function<void()> before_read;
};

// An activation waiting on the agenda: the rule and the facts of its match (positive patterns, in
// written order).
struct AgendaItem {
    const RuleDef* rule = nullptr;
    int salience = 0;
    std::vector<FactId> facts;
};

struct RunResult {
    std::uint64_t firings = 0;
    bool halted = false;
};

class Engine {
public:
    Engine();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Definitions. A template name may be defined once; a rule id once. Rules may be added at
    // any time: a rule added after facts were asserted matches them at once.
    TemplateId define_template(TemplateDef def);
    std::optional<TemplateId> find_template(std::string_view name) const;
    const TemplateDef& template_def(TemplateId id) const;
    std::size_t template_count() const;
    void add_rule(RuleDef rule);  // throws std::invalid_argument for a rule that cannot be built
    // The same, sharing a definition that several engines (or a loaded rule base) keep: no copy of
    // its conditions and actions.
    void add_rule(std::shared_ptr<const RuleDef> rule);
    // The caller's promise that no fact of `tmpl` will ever be asserted in this engine (a front end
    // that knows a template is only asserted in another kind of run). Made before the first rule and
    // fact (else std::logic_error). The engine holds the promise: add_rule refuses
    // (std::invalid_argument) a rule whose actions assert such a fact, unless the rule can never fire
    // (below), and asserting one (from outside, an initial fact included) throws std::logic_error, so
    // the promise is never silently broken. In return, a rule alternative with a pattern (top level,
    // not under not, exists or an aggregate) of such a template is not built: it could never match. A
    // rule with no alternative left is still known (rules(), find_rule, why_not) but has no network and
    // never fires. What the other rules match is as without the promise, and so is the order of their
    // activations and firings, unless an alternative not built was the first to make something built
    // rules share: a node (`b(x: ?x)` in front), the dispatch on a slot in the alpha network, or the
    // group of key slots that places a node among its alpha memory's successors. Activations of equal
    // salience may then come in another order (docs/prestaties-metingen.md, sessie 32, h-koud25).
    void promise_never_asserted(TemplateId tmpl);
    bool never_asserted(TemplateId tmpl) const;
    // Room for `count` more rules, for a caller that adds many at once (a knowledge base of some 300
    // rules moved every rule added so far each time the list grew). Changes nothing else.
    void reserve_rules(std::size_t count);
    const RuleDef* find_rule(std::string_view id) const;
    // A function of the program's own (CLIPS's deffunction), callable by name from the expressions
    // of rules added after it and of other functions (also recursively, at most max_call_depth
    // deep). Define all of them before the rules that call them. Throws std::invalid_argument for
    // a built-in's name, a name defined already, or a body a function cannot run.
    void define_function(std::shared_ptr<const FunctionDef> def);
    std::vector<const RuleDef*> rules() const;  // in the order added

    // Modules (CLIPS's defmodule): a rule's activations wait on the agenda of its module
    // (RuleDef::module), and run() fires only those of the module on top of the focus stack; a
    // module whose agenda is empty leaves the stack. Without modules everything is in MAIN.
    // define_module makes a module known without a rule in it; focus puts a known module on top of
    // the stack (unless it is there already); focus_stack lists it, the top first. reset() leaves
    // only MAIN on the stack.
    void define_module(const std::string& name);
    void focus(std::string_view module);  // throws std::invalid_argument for an unknown module
    std::vector<std::string> focus_stack() const;

    void set_strategy(Strategy strategy);
    Strategy strategy() const;
    // Explanation recording (on by default). Off saves the firing log's memory in long runs.
    void set_explanation(bool on);

    // Working memory. assert_fact returns the new fact's id, or nullopt when an equal fact exists
    // already (duplicates are suppressed). Slots not given take their defaults; a value that does not
    // fit its slot's type throws std::invalid_argument.
    std::optional<FactId> assert_fact(TemplateId tmpl, std::vector<Value> slots);
    std::optional<FactId> assert_fact(TemplateId tmpl, const std::vector<std::pair<std::string, Value>>& named_slots);
    // Several facts as one change: each aggregate whose matches they change passes on its new
    // result once, after the last fact, instead of after every fact (so a rule under it is matched
    // once, with the final result). Per fact its id, or nullopt for a duplicate. On a fact that
    // does not fit, the facts before it stay asserted and the exception propagates.
    std::vector<std::optional<FactId>> assert_facts(std::vector<std::pair<TemplateId, std::vector<Value>>> facts);
    // The same without the ids, for a caller that asserts a batch per consultation: the slots move
    // out of `facts`, which is left empty with its capacity for the next batch.
    void assert_batch(std::vector<std::pair<TemplateId, std::vector<Value>>>& facts);
    // An empty slot vector to fill for assert_fact(s) of `tmpl`: with the capacity of a retracted
    // fact's slots when one is at hand, so that asserting after a rollback allocates nothing for them.
    std::vector<Value> spare_slots(TemplateId tmpl);
    bool retract(FactId id);  // false when there is no such fact
    // Retract and assert the changed copy; returns the new id (nullopt when it duplicates another fact).
    std::optional<FactId> modify(FactId id, const std::vector<std::pair<int, Value>>& changes);
    const Fact* fact(FactId id) const;  // null once retracted
    // Live facts, oldest first.
    std::vector<const Fact*> facts() const;
    std::vector<const Fact*> facts_of(TemplateId tmpl) const;
    std::size_t fact_count() const;

    // Fires activations until the agenda is empty, a rule halts, or the limit is reached.
    RunResult run(const RunOptions& options = {});
    std::size_t agenda_size() const;
    // The activations waiting, in the order the present strategy would fire them.
    std::vector<AgendaItem> agenda() const;

    // Records emitted since construction or the last take_records(), in firing order.
    const std::vector<Record>& records() const;
    std::vector<Record> take_records();

    // Explanation.
    const std::vector<FiringInfo>& firing_log() const;
    // How a fact came about: the firing that asserted it, the facts that firing matched, and so on
    // down to facts asserted from outside. Works for retracted facts too, as long as the log holds.
    Derivation how_fact(FactId id) const;
    Derivation how_record(const Record& record) const;
    // The same, written over `into`: its strings and vectors, and those of its premises, keep their
    // capacity. A report explains every advice of every consultation; a tree built anew each time
    // was an allocation per fact, per binding and per name.
    // `record_text` false leaves the root's text empty (the premises keep theirs): the HTML report
    // names only the rule of an advice, and an advice record carries the whole advice text.
    // `texts`: the facts' texts of earlier derivations since the engine last changed, taken from there
    // and added to (fact_texts.hpp); the tree is the same as without.
    void how_record(const Record& record, Derivation& into, bool record_text = true, FactTexts* texts = nullptr) const;
    // Why a rule has no activation now: per alternative, the first condition that no fact satisfies
    // given the conditions before it, with the closest partial match.
    WhyNot why_not(std::string_view rule_id) const;

    // Back to no facts, no records, no activations, an empty log; templates and rules stay. The
    // matches that need no fact (rules without conditions, or starting with `not`, `exists` or an
    // aggregate) are made again and activated as a new engine with these rules activates them.
    void reset();

    // Remembers the present state (typically: the initial facts asserted, nothing run yet) so that
    // rollback() can return to it. rollback() leaves the engine exactly as a reset followed by
    // asserting the live facts of the checkpoint again would: same facts and ids, same activations
    // in the same agenda order (those fired since are back), same counters, log and records. Cheap
    // when the work since the checkpoint only added to it; when it took away from the checkpoint's
    // state (a fact of the checkpoint retracted, a match of it undone by a newer fact under a `not`
    // or an aggregate, a rule added), rollback does that reset and re-assert itself. Returns false
    // when it had to. reset() drops the checkpoint; rollback() without one throws std::logic_error.
    void checkpoint();
    bool rollback();
    bool has_checkpoint() const;

    // The rule cost profile (engine/profile.hpp). set_profiling(true) starts counting from zero (and
    // again when called while on); off, the counts stay readable and nothing more is counted. Off, it
    // costs nothing: the counters it reads are kept anyway, and the run loop and the activation
    // listener it adds are chosen once per run and per switch, not per token or firing. profile()
    // gives one entry per rule, in the order added.
    void set_profiling(bool on);
    bool profiling() const;
    std::vector<RuleCost> profile() const;

    // A text dump of the network's size (nodes by kind, memory sizes), for benchmarks and tuning.
    NetworkStats stats() const;

    struct Impl;

private:
    // run() while profiling (engine/profile.cpp).
    RunResult run_profiled(const RunOptions& options);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ww
