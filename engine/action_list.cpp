// SPDX-License-Identifier: EUPL-1.2
#include "engine/action_list.hpp"

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
    // See the class comment: the only write to built_ through a const ActionList, once.
    std::call_once(lazy_->once, [this] { built_ = lazy_->source->build(); });
}

}  // namespace ww
