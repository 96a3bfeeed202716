// SPDX-License-Identifier: EUPL-1.2
// A knowledge base loaded once per process: the rule loader's RuleBase plus where it came from.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "rules/rule_base.hpp"

namespace ww::advies {

// Whether the engines of a Kennisbank may hold an interview (docs/vraaggesprek.md). Only the interview
// asserts `vraaggesprek()`; with `nooit` the engines are promised that it never comes
// (Engine::promise_never_asserted) and leave out the interview's rules (knowledge-base/vragen.yaml), which
// could not fire: a shorter cold start and less for every fact to pass. Asserting it in such an engine
// is an error, never a silently different advice.
enum class Gesprekken { mogelijk, nooit };

class Kennisbank {
public:
    // Loads every *.yaml in `map` (or one file), always from the YAML. Throws InvoerFout with every
    // problem found.
    static std::unique_ptr<Kennisbank> laad(const std::string& map, Gesprekken gesprek = Gesprekken::mogelijk);
    // `kb` when given (--kb: from its YAML), else the bundled knowledge base, from the image made of it
    // at build time when that image is sound (standaard_kennisbank_beeld). Throws InvoerFout.
    static std::unique_ptr<Kennisbank> laad_gekozen(const std::string& kb, Gesprekken gesprek = Gesprekken::mogelijk);
    Kennisbank(std::string map, RuleBase regels, InstallOptions opties = {})
        : map_(std::move(map)), regels_(std::move(regels)), opties_(std::move(opties)) {}

    const std::string& map() const { return map_; }
    const RuleBase& regels() const { return regels_; }
    // An engine holding the knowledge base's templates, rules and initial facts.
    std::unique_ptr<Engine> nieuwe_engine() const { return regels_.instantiate(opties_); }
    // Back to the state every consultation starts from. An engine with a checkpoint (Raadpleging
    // takes it after the initial facts and what the rules derive from them alone) rolls back to it,
    // which leaves the engine exactly as when the checkpoint was taken; otherwise reset, assert the
    // initial facts and checkpoint (the caller runs the rules).
    // Returns true when the cheap way sufficed: the consultation only added to the initial state
    // (see Engine::rollback; a knowledge base keeps it so by never changing its initial facts).
    bool begin(Engine& engine) const {
        if (engine.has_checkpoint()) return engine.rollback();
        engine.reset();
        regels_.assert_initial_facts(engine);
        engine.checkpoint();
        return false;
    }

private:
    std::string map_;
    RuleBase regels_;
    InstallOptions opties_;
};

// Where the bundled knowledge base is, in this order: $WEGWIJZER_KB when set (and then only there);
// next to the installed program (../share/wegwijzer/knowledge-base from its bin directory, or from
// libexec/wegwijzer/ for the service program) or the installed libwegwijzer; the source tree's, only
// for a program or library that runs from the build tree it was built in. Never a path compiled in from the build machine for a copy elsewhere.
struct KennisbankZoektocht {
    std::string pad;                   // "" when none was found
    std::vector<std::string> gezocht;  // every place looked at, with why, for the error message
};
KennisbankZoektocht zoek_kennisbank();
std::string standaard_kennisbank();  // zoek_kennisbank().pad
// `kb` when given, else zoek_kennisbank(); throws InvoerFout (naming where it looked) when there is none.
std::string kies_kennisbank(const std::string& kb);
// The image of the bundled knowledge base `map` (as returned by standaard_kennisbank), made at build
// time: share/wegwijzer/knowledge-base.wwimg beside an installed one, knowledge-base.wwimg beside
// the program in a build tree. "" when there is none.
std::string standaard_kennisbank_beeld(const std::string& map);

}  // namespace ww::advies
