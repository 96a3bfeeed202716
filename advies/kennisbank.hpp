// SPDX-License-Identifier: EUPL-1.2
// A knowledge base loaded once per process: the rule loader's RuleBase plus where it came from.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "advies/invoer.hpp"
#include "advies/vocabulaire.hpp"
#include "engine/engine.hpp"
#include "rules/rule_base.hpp"

namespace ww::advies {

// Whether the engines of a Kennisbank may hold an interview (docs/vraaggesprek.md). Only the interview
// asserts `vraaggesprek()`; with `nooit` the engines are promised that it never comes
// (Engine::promise_never_asserted) and leave out the interview's rules (knowledge-base/vragen.yaml), which
// could not fire: a shorter cold start and less for every fact to pass. Asserting it in such an engine
// is an error, never a silently different advice.
enum class Gesprekken { mogelijk, nooit };

// What the engine of Kennisbank::laad_voor_profiel builds: only the rules that can fire for the profile
// (a cold `wegwijzer advies`), or every rule, the interview's too (`--kosten`, which shows every rule's
// costs).
enum class Bouw { wat_kan_vuren, alles };

class Kennisbank {
public:
    // Loads every *.yaml in `map` (or one file), always from the YAML. Throws InvoerFout with every
    // problem found.
    static std::unique_ptr<Kennisbank> laad(const std::string& map, Gesprekken gesprek = Gesprekken::mogelijk);
    // `kb` when given (--kb: from its YAML), else the bundled knowledge base, from the image made of it
    // at build time when that image is sound (standaard_kennisbank_beeld). Throws InvoerFout.
    static std::unique_ptr<Kennisbank> laad_gekozen(const std::string& kb, Gesprekken gesprek = Gesprekken::mogelijk);
    // As laad_gekozen(kb, Gesprekken::nooit), for one profile only (a cold `wegwijzer advies`): once
    // the knowledge base is read, before its engine is built, `profiel` reads the profile with its
    // vocabulary and gives its facts, or null when it has errors. The engines are then also promised
    // that no fact comes of an input template (invoer.hpp) the profile gives none of, nor of a derived
    // template that only rules needing such a fact assert (InstallOptions::closed), and leave out the
    // rules that need one. Another profile may need those rules: what keeps one engine for many
    // profiles (the interview, the service, libwegwijzer) loads with laad or laad_gekozen. What
    // `profiel` throws (the profile's errors) ends the load before any engine is built. It is called
    // once; again only should the image be refused and the YAML's vocabulary differ from the image's.
    // With Bouw::alles nothing is promised: the profile is read first all the same.
    // The image read for such a promise checks the actions of a rule only when it first fires; should
    // they not pass (DeferredActionsRefused, engine/action_list.hpp, from the run), the caller loads
    // again with `beeld` false: the bundled knowledge base from its YAML, as for any refused image.
    static std::unique_ptr<Kennisbank> laad_voor_profiel(const std::string& kb,
                                                         const std::function<const Invoer*(const Vocabulaire&)>& profiel,
                                                         Bouw bouw = Bouw::wat_kan_vuren, bool beeld = true);
    // The engine `regels` prepared (RuleBase::take_prepared_engine) with `opties` is kept for neem_engine().
    Kennisbank(std::string map, RuleBase regels, InstallOptions opties = {})
        : Kennisbank(std::move(map), std::move(regels), std::move(opties), Vocabulaire()) {
        vocabulaire_ = lees_vocabulaire(regels_);
    }
    Kennisbank(std::string map, RuleBase regels, InstallOptions opties, Vocabulaire vocabulaire)
        : map_(std::move(map)), regels_(std::move(regels)), opties_(std::move(opties)), vocabulaire_(std::move(vocabulaire)) {
        if (regels_.prepared_options() == opties_) voorbereid_ = regels_.take_prepared_engine();
    }

    const std::string& map() const { return map_; }
    const RuleBase& regels() const { return regels_; }
    // The ids a profile may use (from the initial facts, without an engine): what every profile is
    // read with.
    const Vocabulaire& vocabulaire() const { return vocabulaire_; }
    // A new engine holding the knowledge base's templates, rules and initial facts. Changes nothing:
    // threads that share the knowledge base may each call it.
    std::unique_ptr<Engine> nieuwe_engine() const { return regels_.instantiate(opties_); }
    // The engine built while the knowledge base was loaded (it checked the image, or the promise made
    // for a profile), once; after that, or without one, a new engine. For the first consultation of
    // whoever loaded the knowledge base, before it is shared: a cold run builds one engine, not two.
    std::unique_ptr<Engine> neem_engine() { return voorbereid_ ? std::move(voorbereid_) : nieuwe_engine(); }
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
    Vocabulaire vocabulaire_;
    std::unique_ptr<Engine> voorbereid_;
};

// Where the bundled knowledge base is, in this order: $WEGWIJZER_KB when set (and then only there);
// next to the installed program (../share/wegwijzer/knowledge-base from its bin directory, or from
// libexec/wegwijzer/ for the service program) or the installed libwegwijzer; the source tree's, only
// for a program or library that runs from the build tree it was built in. Never a path compiled in from the build machine for a copy elsewhere.
struct KennisbankZoektocht {
    std::string pad;                   // "" when none was found
    std::vector<std::string> gezocht;  // every place looked at, with why, for the error message
    bool van_gebruiker = false;        // named by $WEGWIJZER_KB, not the bundled one found by the program
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
