// SPDX-License-Identifier: EUPL-1.2
// The templates a promise covers (InstallOptions), with `closed` worked out over the rules: what
// RuleBase::promised_templates computes from the rules it holds, and what the image reader computes
// from the image's index of the rules before it reads any of them (rules/image.cpp), so that a cold
// `wegwijzer advies` need not read the rules its promise leaves out. One computation for both, over
// what each has of a rule; `Rules` gives, for rule r of size():
//   std::span<const TemplateId> asserted(r)     the template of every assert action, in order;
//   std::size_t alternatives(r);
//   void patterns(r, alt, f)                     f(t) for the template of every plain pattern of that
//                                                alternative (not under not, exists or an aggregate):
//                                                what stops it once t is promised (Engine::add_rule).
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "rules/rule_base.hpp"

namespace ww {

template <class Rules>
std::vector<TemplateId> promised_templates(const RuleBase& base, const InstallOptions& options, const Rules& rules) {
    const std::size_t n = base.templates().size();
    std::vector<std::uint8_t> promised(n, 0);
    for (const std::string& name : options.never_asserted)
        if (const auto id = base.template_id(name)) promised[*id] = 1;  // of a template it lacks, there is nothing to promise
    if (options.closed) {
        // Per template: the assert actions of rules that may still fire, and one more than any count
        // for every other source of its facts (the installer, an initial fact, a function).
        constexpr std::uint32_t elsewhere = std::numeric_limits<std::uint32_t>::max() / 2;
        std::vector<std::uint32_t> sources(n, 0);
        for (const std::string& name : options.outside)
            if (const auto id = base.template_id(name)) sources[*id] = elsewhere;
        for (const FactSpec& f : base.facts()) sources[f.tmpl] = elsewhere;
        for (const auto& function : base.functions())
            for (const Action& a : function->actions)
                if (a.kind == Action::Kind::assert_fact && a.tmpl < n) sources[a.tmpl] = elsewhere;

        // What each rule asserts, and, per template, the alternatives with a plain pattern of it:
        // those the engine does not build once the template is promised. Only the rules that assert
        // a template with no other source can carry a promise on; the others (most of them: they give
        // advice) are not looked at again.
        const std::size_t count = rules.size();
        std::vector<std::span<const TemplateId>> asserts(count);
        std::vector<std::uint32_t> alive(count, 0);  // alternatives that may still match; 0: carries nothing
        std::vector<std::uint32_t> first(n + 1, 0);  // uses of template t: uses[first[t] .. first[t+1])
        for (std::size_t r = 0; r < count; ++r) {
            const std::span<const TemplateId> asserted = rules.asserted(r);
            bool carries = false;
            for (TemplateId t : asserted)
                if (t < n && sources[t] < elsewhere) {
                    ++sources[t];
                    carries = true;
                }
            if (!carries) continue;
            asserts[r] = asserted;
            alive[r] = static_cast<std::uint32_t>(rules.alternatives(r));
            for (std::size_t alt = 0; alt < alive[r]; ++alt)
                rules.patterns(r, alt, [&](TemplateId t) {
                    if (t < n) ++first[t + 1];
                });
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
        for (std::size_t r = 0; r < count; ++r) {
            if (alive[r] == 0) continue;
            for (std::size_t alt = 0; alt < alive[r]; ++alt, ++alts)
                rules.patterns(r, alt, [&](TemplateId t) {
                    if (t < n) uses[fill[t]++] = {static_cast<std::uint32_t>(r), alts};
                });
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
                for (TemplateId a : asserts[use.rule])
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
