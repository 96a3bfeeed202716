// SPDX-License-Identifier: EUPL-1.2
#include "engine/action_list.hpp"

#include <exception>

namespace ww {

ActionList::ActionList(std::unique_ptr<const PendingActions> pending) : lazy_(std::make_shared<Lazy>()) {
    lazy_->source = std::move(pending);
}

ActionSummary summarize(const std::vector<Action>& actions) {
    ActionSummary summary;
    for (const Action& a : actions) {
        summary.add(a.kind, a.target.op, a.target.var, a.tmpl);
        for (const std::string& name : a.modules) summary.add_module(a.kind, name);
    }
    return summary;
}

void ActionList::build() const {
    // See the class comment: the only write to built_ through a const ActionList, once. Nothing is
    // thrown through call_once: in the program as it is linked (libgcc's unwinder static, glibc's
    // pthread_once shared) that aborts. A build that fails is caught inside, leaves built_ empty
    // (deferred actions are never none: a reader defers only a rule with actions), and the caller
    // gets its exception; every later reader gets DeferredActionsRefused.
    std::exception_ptr failed;
    std::call_once(lazy_->once, [&] {
        try {
            built_ = lazy_->source->build();
        } catch (...) {
            failed = std::current_exception();
        }
    });
    if (failed) std::rethrow_exception(failed);
    if (built_.empty()) [[unlikely]] throw DeferredActionsRefused();
}

}  // namespace ww
