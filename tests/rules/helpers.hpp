// SPDX-License-Identifier: EUPL-1.2
// Small helpers for the rule-language tests: load YAML text as a rule base, collect diagnostics as
// their first lines, run and collect records as text.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/diagnostic.hpp"
#include "rules/facts_file.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"

namespace ww::test {

inline RuleBase load_text(const std::string& yaml, const std::string& path = "r.yaml") {
    std::vector<SourceFile> files;
    files.emplace_back(path, yaml);
    return RuleBase::load_sources(std::move(files));
}

// The `FILE:LINE:COL: fout: MESSAGE` lines of loading `yaml`; empty when it loads.
inline std::vector<std::string> errors_of(const std::string& yaml, const std::string& path = "r.yaml") {
    std::vector<std::string> out;
    try {
        load_text(yaml, path);
    } catch (const LoadError& e) {
        for (const auto& d : e.diagnostics.items()) {
            std::string text = format(d);
            out.push_back(text.substr(0, text.find('\n')));
        }
    }
    return out;
}

// Records emitted by running `yaml` (with its own initial facts and those of `facts`, a facts file).
// `input`: what read() and readline() read; null: the run has no input.
inline std::vector<std::string> run_text(const std::string& yaml, const std::string& facts = "",
                                         Strategy strategy = Strategy::depth, const std::string* input = nullptr) {
    RuleBase base = load_text(yaml);
    std::vector<FactSpec> extra;
    if (!facts.empty()) extra = read_facts(SourceFile("feiten.yaml", facts), base);
    RunConfig config;
    config.strategy = strategy;
    std::istringstream in(input ? *input : std::string());
    if (input) config.input = &in;
    RunOutcome outcome = run_rule_base(base, extra, config);
    std::vector<std::string> out;
    for (const auto& r : outcome.records) out.push_back(record_text(r));
    return out;
}

}  // namespace ww::test
