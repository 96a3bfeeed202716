// SPDX-License-Identifier: EUPL-1.2
// A consultation: one knowledge base, one engine built once, and per profile back to the initial
// state (Kennisbank::begin), assert, run, collect. Building the network is the expensive part; a
// consultation reuses it for every profile.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "advies/advies.hpp"
#include "advies/invoer.hpp"
#include "advies/kennisbank.hpp"
#include "advies/ordening.hpp"
#include "advies/rapport_gegevens.hpp"
#include "advies/vocabulaire.hpp"
#include "engine/engine.hpp"

namespace ww::advies {

// The knowledge base emitted something the advice contract cannot carry (an unknown onderwerp, a
// step outside 1..5, no status for a step). A fault of the knowledge base, not of the profile.
struct KennisbankFout : std::runtime_error {
    explicit KennisbankFout(const std::string& melding, std::string regel = {})
        : std::runtime_error(melding), regel(std::move(regel)) {}
    std::string regel;  // the rule at fault, when one is
};

class Raadpleging {
public:
    // Throws InvoerFout when the knowledge base lacks a template or slot the profile reader fills.
    explicit Raadpleging(const Kennisbank& kennisbank);
    // The same with `engine`, which holds `kennisbank` as nothing has run in it yet: the one its
    // loader built (Kennisbank::neem_engine).
    Raadpleging(const Kennisbank& kennisbank, std::unique_ptr<Engine> engine);

    const Vocabulaire& vocabulaire() const { return kennisbank_.vocabulaire(); }
    // The knowledge base's names for the HTML report, read once with its initial state.
    const KennisbankNamen& kennisbanknamen() const { return kennisbanknamen_; }
    // The same with the markup of the Tafel van 12 (KennisbankNamen::html_tafel), written at the
    // first HTML report: a cold run in another format does not need it (90,000 instructions). A
    // Raadpleging serves one thread at a time (a service lends it out), so no lock.
    const KennisbankNamen& kennisbanknamen_met_tafel();
    // How the HTML report names the knowledge base ("naam versie (sleutel ...)", or the name of its map
    // without a manifest): the same for every report, so made once here, not per report.
    const std::string& rapport_kennisbank() const { return rapport_kennisbank_; }

    // The advice for one profile. `uitleg`: record each advice's derivation. Throws KennisbankFout
    // for records that break the contract, and the engine's errors (firing limit, failing action).
    // The advice lives in this Raadpleging until its next raadpleeg(): a warm service formats it in
    // place, and the next consultation writes over its strings and lists instead of allocating them
    // anew. Copy it to keep it longer.
    // `wortel_tekst` false: each derivation without the advice record's own text (Uitleg::feit of
    // the root empty), which the HTML report does not show.
    const Advies& raadpleeg(const Invoer& invoer, Opdracht opdracht, bool uitleg = false, bool wortel_tekst = true);
    // The advice as the HTML report needs it: each item's derivation (without the record's own text)
    // kept as the engine writes it, in afleidingen(), and no `uitleg` in the items. The report writes
    // the derivation from there; copying every text into an Uitleg first was a fifth of what the
    // derivation cost. Both live until the next consultation.
    const Advies& raadpleeg_voor_rapport(const Invoer& invoer, Opdracht opdracht);
    // Per advice of the last raadpleeg_voor_rapport(), in the order of its items; empty after raadpleeg().
    std::span<const Derivation> afleidingen() const { return {afleidingen_.data(), afleidingen_n_}; }

    // Only reset, assert and run, leaving the engine holding the result and its full derivation: for
    // why_not and how_fact.
    void draai(const Invoer& invoer);
    // Facts asserted with the profile's in the next consultations (engine template ids and slots in
    // the template's order), until set again: the interview's `vraaggesprek()` and `bekend(...)`,
    // which are not part of the profile (advies/vraaggesprek.hpp).
    void zet_extra_feiten(std::vector<std::pair<TemplateId, std::vector<Value>>> feiten) { extra_ = std::move(feiten); }
    // raadpleeg() keeps the engine's firing log only when it explains (uitleg); the scenario runner
    // reads the log of every consultation for its rule coverage and asks for it here.
    void bewaar_vuurlog(bool aan) { vuurlog_bewaren_ = aan; }
    const Engine& engine() const { return *engine_; }
    // The rule cost profile from the next consultation on, added up over those that follow
    // (Engine::set_profiling; read it with engine().profile()).
    void meet_kosten(bool aan) { engine_->set_profiling(aan); }
    // Whether the last draai() could return to the initial state by undoing only its own work (the
    // fast rollback); false for the first consultation and after one that changed the initial state.
    bool snel_teruggezet() const { return snel_teruggezet_; }
    const Kennisbank& kennisbank() const { return kennisbank_; }

private:
    // Where bouw_adviezen puts each advice's derivation: nowhere, in the item's Uitleg, or in afleidingen_.
    enum class Uitlegvorm { geen, uitleg, afleiding };
    // What both raadpleeg functions do. Not named raadpleeg*: the warm benchmark counts the instructions
    // of Raadpleging::raadpleeg* with callgrind's --toggle-collect, which a nested match switches off.
    const Advies& geef_advies(const Invoer& invoer, Opdracht opdracht, Uitlegvorm vorm, bool wortel_tekst);
    void voer_uit(const Invoer& invoer, bool afleiding);
    // Runs to quiescence; an action's error or the firing limit as InvoerFout/KennisbankFout.
    void draai_engine();
    // Checks the records and takes from them the step statuses, the advice to give, with its order
    // keys, and the verdicts on the messages; throws KennisbankFout naming the rule at fault.
    void verwerk(const std::vector<Record>& records, Opdracht opdracht, Advies& advies, std::array<bool, 5>& gezien);
    // The verdicts in order of nr, one for every message of the profile when the knowledge base gives any.
    void orden_boodschappen(const Invoer& invoer, Advies& advies);
    // The advice of verwerk, written in the order of orden over the items of the last consultation.
    // `standaard`: the consultation's standaard_sjablonen (advies/invoer.hpp), for the Uitleg.
    void bouw_adviezen(Uitlegvorm vorm, bool wortel_tekst, std::uint32_t standaard, std::vector<AdviesItem>& adviezen);

    const Kennisbank& kennisbank_;
    std::unique_ptr<Engine> engine_;
    KennisbankNamen kennisbanknamen_;
    bool html_tafel_geschreven_ = false;
    std::string rapport_kennisbank_;
    // Per template the profile reader fills, by InvoerSjabloon: its id, and for each of the engine's
    // slots where its value comes from: a place in the reader's form (invoer.hpp), or -1 for a slot
    // the form lacks, which takes its default. Worked out once, so that a profile fact is one copy
    // per slot and no name is compared per consultation.
    struct Doelsjabloon {
        TemplateId id = 0;
        // When the engine's slots are the form's places from `eerste` on, in order (a knowledge base
        // that follows invoer.yaml, perhaps without `nr`): one copy of that range.
        bool aaneengesloten = false;
        std::uint32_t eerste = 0;
        std::uint32_t plaatsen = 0;    // the form's size
        std::uint32_t slots = 0;       // the engine's
        std::vector<int> bron;         // by the engine's slot index
        std::vector<Value> standaard;  // by the engine's slot index
    };
    std::array<Doelsjabloon, invoer_vormen.size()> doelsjablonen_;
    // Each rule's place in the knowledge base (files by name, rules as written): the working order
    // of the stappenplan, which orders advice of equal urgency.
    std::unordered_map<const RuleDef*, std::uint32_t> posities_;
    // The rule that gave each verdict, by position in advies_.boodschappen, for messages about it.
    std::vector<const Record*> boodschap_records_;
    std::vector<std::uint32_t> boodschap_volgorde_;
    // An advice record that verwerk found valid, with what bouw_adviezen needs of it; its order
    // keys are in sleutels_ at the same position. Both keep their capacity between consultations.
    struct Kandidaat {
        const Record* record = nullptr;
        Atom onderwerp;
        const std::vector<Value>* factoren = nullptr;
        const std::vector<Value>* onderbouwing = nullptr;
    };
    // What raadpleeg() returns, and the items that a consultation with more advice left over: both
    // keep the capacity of their strings and lists.
    Advies advies_;
    std::vector<AdviesItem> reserve_;
    std::vector<std::string> vrije_teksten_;  // list elements a shorter list left over, likewise
    Derivation afleiding_;                    // how_record writes each advice's derivation over it
    // The derivations of raadpleeg_voor_rapport, the first afleidingen_n_ of them this consultation's:
    // the rest keep their capacity for a longer advice.
    std::vector<Derivation> afleidingen_;
    std::size_t afleidingen_n_ = 0;
    // The facts' texts of this consultation's derivations: the advice of one profile rests on many of
    // the same facts, each written once.
    FactTexts feitteksten_;
    std::vector<Kandidaat> kandidaten_;
    std::vector<Ordesleutel> sleutels_;
    std::vector<std::uint32_t> volgorde_;
    // The batch of profile facts, kept for its capacity from one consultation to the next.
    std::vector<std::pair<TemplateId, std::vector<Value>>> feiten_;
    std::vector<std::pair<TemplateId, std::vector<Value>>> extra_;
    // The engine holds exactly the initial facts and what the rules derive from them alone: the
    // first consultation can skip the rollback.
    bool vers_ = false;
    bool snel_teruggezet_ = false;
    bool vuurlog_bewaren_ = false;
};

// The facts the profile reader asserts, by template, with the slots it fills: what a knowledge base
// must define for the reader to work (checked by Raadpleging and by lint).
const std::vector<std::pair<std::string, std::vector<std::string>>>& invoer_sjablonen();

}  // namespace ww::advies
