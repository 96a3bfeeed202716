// SPDX-License-Identifier: EUPL-1.2
// What an engine is promised never to get (InstallOptions): the templates named, and with `closed` the
// templates that follow from them through the rules. A cold `wegwijzer advies` on a small profile
// promises some ten input templates; the derived templates that only rules needing those facts assert
// are as sure never to come, and the rules that wait on them need not be built either (on
// examples/01-beginnend 31 rules more; docs/prestaties.md, "Wat de koude start kort houdt").
#include <span>

#include "engine/action_list.hpp"
#include "rules/promise_closure.hpp"
#include "rules/rule_base.hpp"

namespace ww {

namespace {

// The rules of a rule base as promise_closure.hpp reads them. What a rule asserts is what
// Engine::add_rule reads: the reader's summary of actions it did not build, else their own.
class RulesRead {
public:
    explicit RulesRead(const std::vector<std::shared_ptr<const RuleDef>>& rules) : rules_(rules) {
        built_.reserve(rules.size());  // the pointers below stay valid
        summaries_.reserve(rules.size());
        for (const auto& rule : rules) {
            const ActionSummary* summary = rule->actions_checked ? rule->actions.pending() : nullptr;
            summaries_.push_back(summary ? summary : &built_.emplace_back(summarize(rule->actions)));
        }
    }
    std::size_t size() const { return rules_.size(); }
    std::span<const TemplateId> asserted(std::size_t r) const { return summaries_[r]->asserted; }
    std::size_t alternatives(std::size_t r) const { return rules_[r]->alternatives.size(); }
    template <class F>
    void patterns(std::size_t r, std::size_t alt, F f) const {
        for (const Condition& c : rules_[r]->alternatives[alt])
            if (c.kind == Condition::Kind::pattern) f(c.pattern.tmpl);
    }

private:
    const std::vector<std::shared_ptr<const RuleDef>>& rules_;
    std::vector<ActionSummary> built_;
    std::vector<const ActionSummary*> summaries_;
};

}  // namespace

std::vector<TemplateId> RuleBase::promised_templates(const InstallOptions& options) const {
    // A rule base read for one promise (read_checked_image) worked it out before it read its rules.
    if (read_for_ && read_for_->options == options) return read_for_->promised;
    return ww::promised_templates(*this, options, RulesRead(rules_));
}

}  // namespace ww
