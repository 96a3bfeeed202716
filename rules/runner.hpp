// SPDX-License-Identifier: EUPL-1.2
// Running a rule base on facts to quiescence, and the text forms of what comes out: the engine of
// `wegwijzer run`, kept here so that the command line stays thin and tests run the same code.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "rules/rule_base.hpp"

namespace ww {

struct RunConfig {
    Strategy strategy = Strategy::depth;
    std::uint64_t max_firings = 1'000'000;
    // Called with one line (no newline) per firing: `[n] regel-id: f3 naam(slot: waarde, ...), ...`.
    std::function<void(const std::string&)> trace;
    // What read() and readline() read (wegwijzer run: standard input); null: no input.
    std::istream* input = nullptr;
    // Called before each read with the records emitted since the last call (from the first), so
    // that a question is shown before its answer is read. They stay in RunOutcome::records too.
    std::function<void(std::span<const Record>)> before_read;
    // Count the rule cost profile (Engine::set_profiling) from before the rule base is installed:
    // its initial facts and every firing count.
    bool profile = false;
};

struct RunOutcome {
    std::unique_ptr<Engine> engine;  // owns what the records point to
    std::vector<Record> records;
    RunResult result;
};

// Instantiates the rule base, asserts the initial facts and then `facts`, and runs. Throws what
// Engine::run throws (FiringLimitError, ActionError).
RunOutcome run_rule_base(const RuleBase& base, const std::vector<FactSpec>& facts, const RunConfig& config);

// `naam(veld: waarde, ...)` with values in source form.
std::string record_text(const Record& record);
// `naam(slot: waarde, ...)` for a fact, all slots.
std::string fact_text(const Engine& engine, const Fact& fact);

// What a porter from CLIPS compares first, after a run (`wegwijzer run --facts --agenda`): the live
// facts, oldest first, one a line as `f3 naam(slot: waarde, ...)`; the waiting activations in firing
// order, one a line as `salience regel-id: f1, f3`.
std::string facts_listing(const Engine& engine);
std::string agenda_listing(const Engine& engine);
// What `wegwijzer run --firings --facts --agenda` writes on stderr after a run: `vuringen: N`, then
// `feiten: N` and the facts, then `agenda: N` and the activations, each part when asked for.
std::string run_summary(const RunOutcome& outcome, bool firings, bool facts, bool agenda);

}  // namespace ww
