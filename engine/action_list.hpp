// SPDX-License-Identifier: EUPL-1.2
// A rule's actions, built either at once (the rule language) or when first asked for (the
// knowledge-base image, rules/image.cpp): a consultation fires about a quarter of the rules, and
// building the expressions of the others was some 1 M instructions of a cold start
// (docs/prestaties.md, "Wat de koude start kort houdt").
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/action.hpp"

namespace ww {

// What Engine::add_rule needs of a rule's actions besides checking them. Gathered here, one action
// at a time, both by a reader that defers the actions (while it checks them: it checks everything
// add_rule would, see RuleDef::actions_checked) and by add_rule itself for actions built at once
// (summarize), so that the two cannot disagree.
struct ActionSummary {
    bool binds = false;                      // a bind or for action
    std::vector<VarId> changed_fact_vars;    // the fact variable of each retract or modify of one
    std::vector<std::string> focus_modules;  // the modules of every focus action, in order
    std::vector<TemplateId> asserted;        // the template of every assert action, in order

    // The next action, by its kind and the operation and variable of its target; its modules, if
    // any, through add_module after it (a reader that does not build the action reads them one by one).
    void add(Action::Kind kind, Op target_op, VarId target_var, TemplateId tmpl) {
        binds = binds || binds_variable(kind);
        if (kind == Action::Kind::assert_fact) asserted.push_back(tmpl);
        if ((kind == Action::Kind::modify || kind == Action::Kind::retract) && target_op == Op::var)
            changed_fact_vars.push_back(target_var);
    }
    void add_module(Action::Kind kind, std::string_view name) {
        if (kind == Action::Kind::focus) focus_modules.emplace_back(name);
    }
    bool operator==(const ActionSummary&) const = default;
};

// Deferred actions that, when built, are not what their reader promised when it deferred them: a
// reader that checks the actions only when they are built (rules/image.cpp, for an engine that
// builds only the rules one run can fire) throws this from PendingActions::build, and the engine
// passes it on from the firing that asked for them. The caller may then build everything again from
// another source; nothing of the run is to be used.
struct DeferredActionsRefused : std::runtime_error {
    DeferredActionsRefused() : std::runtime_error("uitgestelde acties bleken bij het bouwen niet te deugen") {}
};

// The summary of actions that are built.
ActionSummary summarize(const std::vector<Action>& actions);

// Builds deferred actions: exactly what building them at once would have given. Called at most once
// per ActionList (under its once_flag), possibly from any thread that shares the rule.
class PendingActions {
public:
    virtual ~PendingActions() = default;
    virtual std::vector<Action> build() const = 0;
    ActionSummary summary;
};

// Reads like a const std::vector<Action>: every read (begin, size, [], the conversion) builds
// deferred actions first. Writers take edit(), which builds them too.
//
// Thread safety: a RuleDef is shared, const, by the engines of the service's threads, and the first
// of them to read a deferred rule's actions builds them. The build runs in std::call_once on a flag
// that lives as long as the rule; call_once makes every other caller wait for it and makes its
// writes to built_ visible to them (the completion synchronizes with their return), so after
// get() built_ is only read. Nothing else touches built_ or lazy_ through a const ActionList, and
// the non-const members (assignment, move, edit) need the rule unshared, as any write to a RuleDef.
// A build that throws is caught inside call_once (see ActionList::build) and leaves built_ empty:
// its caller gets the exception, every later reader DeferredActionsRefused.
class ActionList {
public:
    ActionList() = default;
    // Implicit, as the vector it stands for: `rule.actions = {...}` and aggregate initialisation read on.
    ActionList(std::vector<Action> actions) : built_(std::move(actions)) {}
    explicit ActionList(std::unique_ptr<const PendingActions> pending);
    // A copy is built: the copy may be changed, and owes nothing to the original's source.
    ActionList(const ActionList& other) : built_(other.get()) {}
    ActionList(ActionList&&) noexcept = default;
    ActionList& operator=(const ActionList& other) {
        if (this != &other) *this = other.get();
        return *this;
    }
    ActionList& operator=(ActionList&&) noexcept = default;
    ActionList& operator=(std::vector<Action> actions) {
        built_ = std::move(actions);
        lazy_.reset();
        return *this;
    }

    const std::vector<Action>& get() const {
        if (lazy_) [[unlikely]] build();
        return built_;
    }
    // Implicit too: whatever takes the actions as a vector (action_flow_problem) takes them built.
    operator const std::vector<Action>&() const { return get(); }
    std::vector<Action>& edit() {
        get();
        lazy_.reset();
        return built_;
    }
    std::vector<Action>::const_iterator begin() const { return get().begin(); }
    std::vector<Action>::const_iterator end() const { return get().end(); }
    std::size_t size() const { return get().size(); }
    bool empty() const { return get().empty(); }
    const Action& operator[](std::size_t i) const { return get()[i]; }

    // What add_rule needs of the actions while they are not built (and may never be); null when they
    // were built at once. Reading it builds nothing.
    const ActionSummary* pending() const { return lazy_ ? &lazy_->source->summary : nullptr; }

private:
    void build() const;
    struct Lazy {
        std::once_flag once;
        std::unique_ptr<const PendingActions> source;
    };
    mutable std::vector<Action> built_;
    std::shared_ptr<Lazy> lazy_;
};

}  // namespace ww
