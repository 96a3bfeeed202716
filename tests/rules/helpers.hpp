// SPDX-License-Identifier: EUPL-1.2
// Small helpers for the rule-language tests: load YAML text as a rule base, collect diagnostics as
// their first lines, run and collect records as text.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
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

// The start of a knowledge base: a template n(i: int) and a function `name` of one parameter ?n
// that calls itself, `return base` when `stop` holds and `return step` otherwise. Tests of the
// program's own functions add further functions, then their facts and rules.
inline std::string recursive_function_yaml(std::string_view name, std::string_view stop, std::string_view base,
                                           std::string_view step) {
    return fmt::format(R"yaml(templates:
  n: {{slots: {{i: int}}}}
functions:
  {}:
    params: "?n"
    do:
      - if: "{}"
        then: ["return {}"]
      - "return {}"
)yaml",
                       name, stop, base, step);
}

// The faculty, the recursive function of most of those tests.
inline std::string faculty_yaml() { return recursive_function_yaml("fac", "?n <= 1", "1", "?n * fac(?n - 1)"); }

}  // namespace ww::test
