// SPDX-License-Identifier: EUPL-1.2
// What an engine is promised never to get (InstallOptions): the templates named, and with `closed` the
// templates that follow from them through the rules. A cold `wegwijzer advies` on a small profile
// promises some ten input templates; the derived templates that only rules needing those facts assert
// are as sure never to come, and the rules that wait on them need not be built either (on
// examples/01-beginnend 31 rules more; docs/prestaties.md, "Wat de koude start kort houdt").
#include <algorithm>
#include <cstdint>
#include <limits>

#include "engine/action_list.hpp"
#include "rules/rule_base.hpp"

namespace ww {

std::vector<TemplateId> RuleBase::promised_templates(const InstallOptions& options) const {
    const std::size_t n = templates_.size();
    std::vector<std::uint8_t> promised(n, 0);
    for (const std::string& name : options.never_asserted)
        if (const auto id = template_id(name)) promised[*id] = 1;  // of a template it lacks, there is nothing to promise
    if (options.closed) {
        // Per template: the assert actions of rules that may still fire, and one more than any count
        // for every other source of its facts (the installer, an initial fact, a function).
        constexpr std::uint32_t elsewhere = std::numeric_limits<std::uint32_t>::max() / 2;
        std::vector<std::uint32_t> sources(n, 0);
        for (const std::string& name : options.outside)
            if (const auto id = template_id(name)) sources[*id] = elsewhere;
        for (const FactSpec& f : facts_) sources[f.tmpl] = elsewhere;
        for (const auto& function : functions_)
            for (const Action& a : function->actions)
                if (a.kind == Action::Kind::assert_fact && a.tmpl < n) sources[a.tmpl] = elsewhere;

        // What each rule asserts (what Engine::add_rule reads: the reader's summary of actions it did
        // not build), and, per template, the alternatives with a plain pattern of it: those the
        // engine does not build once the template is promised (Engine::add_rule, can_match). Only
        // the rules that assert a template with no other source can carry a promise on; the others
        // (most of them: they give advice) are not looked at again.
        std::vector<ActionSummary> built;  // of rules whose actions are built
        built.reserve(rules_.size());
        std::vector<const std::vector<TemplateId>*> asserts(rules_.size());
        std::vector<std::uint32_t> alive(rules_.size(), 0);  // alternatives that may still match; 0: carries nothing
        std::vector<std::uint32_t> first(n + 1, 0);          // uses of template t: uses[first[t] .. first[t+1])
        for (std::size_t r = 0; r < rules_.size(); ++r) {
            const RuleDef& rule = *rules_[r];
            const ActionSummary* summary = rule.actions_checked ? rule.actions.pending() : nullptr;
            if (!summary) summary = &built.emplace_back(summarize(rule.actions));
            bool carries = false;
            for (TemplateId t : summary->asserted)
                if (t < n && sources[t] < elsewhere) {
                    ++sources[t];
                    carries = true;
                }
            if (!carries) continue;
            asserts[r] = &summary->asserted;
            alive[r] = static_cast<std::uint32_t>(rule.alternatives.size());
            for (const auto& alt : rule.alternatives)
                for (const Condition& c : alt)
                    if (c.kind == Condition::Kind::pattern && c.pattern.tmpl < n) ++first[c.pattern.tmpl + 1];
        }
        for (std::size_t t = 0; t < n; ++t) first[t + 1] += first[t];
        // Each use: the rule, and the alternative's place among all alternatives (one may use a template twice).
        struct Use {
            std::uint32_t rule;
            std::uint32_t alt;
        };
        std::vector<Use> uses(first[n]);
        std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
        std::uint32_t alts = 0;
        for (std::size_t r = 0; r < rules_.size(); ++r) {
            if (alive[r] == 0) continue;
            for (const auto& alt : rules_[r]->alternatives) {
                for (const Condition& c : alt)
                    if (c.kind == Condition::Kind::pattern && c.pattern.tmpl < n)
                        uses[fill[c.pattern.tmpl]++] = {static_cast<std::uint32_t>(r), alts};
                ++alts;
            }
        }

        // From every promised template (and every one nothing asserts) on: the alternatives it stops,
        // the rules left without one, the templates left without a source.
        std::vector<TemplateId> work;
        work.reserve(n);
        for (std::size_t t = 0; t < n; ++t) {
            if (!promised[t] && sources[t] == 0) promised[t] = 1;
            if (promised[t]) work.push_back(static_cast<TemplateId>(t));
        }
        std::vector<std::uint8_t> stopped(alts, 0);
        for (std::size_t i = 0; i < work.size(); ++i) {
            const TemplateId t = work[i];
            for (std::uint32_t u = first[t]; u < first[t + 1]; ++u) {
                const Use use = uses[u];
                if (stopped[use.alt]) continue;
                stopped[use.alt] = 1;
                if (--alive[use.rule] != 0) continue;
                for (TemplateId a : *asserts[use.rule])
                    if (a < n && sources[a] < elsewhere && --sources[a] == 0 && !promised[a]) {
                        promised[a] = 1;
                        work.push_back(a);
                    }
            }
        }
    }
    std::vector<TemplateId> ids;
    for (std::size_t t = 0; t < n; ++t)
        if (promised[t]) ids.push_back(static_cast<TemplateId>(t));
    return ids;
}

}  // namespace ww
