// SPDX-License-Identifier: EUPL-1.2
// The scenario runner behind `wegwijzer test DIR|FILE`: each scenario is an inline gemeenteprofiel with
// the advice it must (and must not) produce. On a directory it also judges which rules no scenario
// ever fires; one file is judged on its own scenarios only.
#pragma once

#include <string>
#include <vector>

#include "advies/fout.hpp"
#include "advies/raadpleging.hpp"

namespace ww::advies {

struct ScenarioUitslag {
    std::string bestand;
    std::string naam;
    std::vector<std::string> redenen;  // empty: passed
    bool geslaagd() const { return redenen.empty(); }
};

struct TestVerslag {
    std::vector<ScenarioUitslag> scenarios;
    std::vector<std::string> nooit_gevuurd;  // rule ids, in knowledge-base order
    std::size_t regels = 0;                  // rules in the knowledge base
    std::vector<Fout> fouten;                // malformed scenario files (their scenarios count as failed)
    bool te_veel = false;                    // stopped at limits::max_scenarios; the report is withheld
    // Whether rules never fired count as a failure: for a whole directory, not for one file, which
    // was never meant to cover every rule.
    bool dekking_beoordeeld = true;
    // Set before the run: whether every advice is also held to what the advice contract promises of any
    // advice (steps done in order, the current step, the first action belongs to it). Off only for a
    // knowledge base that is not about the stappenplan.
    bool contract_getoetst = true;
    int geslaagd() const;
    int mislukt() const;
    // Exit status: 0 all passed (and, when judged, every rule fired), 2 a scenario file is malformed,
    // else 1.
    int status() const;
};

// Runs every *.yaml in `map` (sorted by name; a file holds one scenario, or a list of them), or the
// one file `map` names (then without judging rule coverage).
TestVerslag draai_scenarios(const std::string& map, Raadpleging& raadpleging, bool contract_toetsen = true);
// Runs the scenarios in one file's text (for tests).
void draai_scenario_tekst(const std::string& bestand, const std::string& tekst, Raadpleging& raadpleging,
                          TestVerslag& verslag, std::vector<bool>& gevuurd);

// The report: per scenario ok/FOUT with reasons, rule coverage, "N passed, N failed".
std::string verslag_tekst(const TestVerslag& verslag);

}  // namespace ww::advies
