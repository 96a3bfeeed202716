// SPDX-License-Identifier: EUPL-1.2
// What an HTML report shows besides the advice itself: the profile's facts (its figures, sources,
// chosen factors, actions, messages) and the names the knowledge base gives to ids (factors and
// their pillars, indicators, sources). Read generically, slot by name from the reader's forms
// (invoer.hpp): a slot a form does not have is absent, so that a slot added to a form (as a figure's
// group and margin, an action's gebied and status are) reaches the report without a change here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "advies/invoer.hpp"
#include "advies/rapport_datum.hpp"
#include "engine/explanation.hpp"

namespace ww {
class Engine;
}

namespace ww::advies {

struct RapportMeting {
    int nr = 0;  // place in the profile's list, from 1
    std::string indicator;
    double waarde = 0;
    std::optional<double> vergelijkbaar;
    std::optional<double> vorige;
    std::string gebied;  // "" = the whole gemeente
    std::string groep;   // "" = all residents
    std::optional<long long> jaar;
    std::optional<double> marge;  // percentage points, as given
    std::optional<long long> respondenten;

    // The margin as given, else 1.96 * sqrt(p(1-p)/n) * 100 from the sample size (the
    // gemeenteprofiel contract); nullopt when neither is known.
    std::optional<double> marge_bekend() const;
    bool marge_berekend() const { return !marge && respondenten && *respondenten > 0; }
    bool gemeentebreed() const { return gebied.empty() && groep.empty(); }
};

struct RapportActie {
    std::string naam;
    std::string factor;  // id, "" when not given
    std::string gebied;
    std::string groep;
    std::string status;
};

struct RapportBoodschap {
    std::string onderwerp;
    std::string buikpijn;
    std::string aanpak;
};

// The SMART target of beleid.smart as the profile gives it, and the baseline and target figure the
// advice measures it against (the knowledge base's smart_streef, read after the consultation: the
// report shows the advice's figures, it does not work them out again).
struct RapportDoel {
    std::optional<bool> gekozen;  // absent: the profile does not say
    std::string indicator;        // id, "" when not given
    std::optional<double> daling_pct;
    std::optional<double> stijging_pct;
    std::optional<double> termijn_jaren;
    std::optional<long long> startjaar;
    // From the consultation; absent when the knowledge base set no target figure (no indicator, a
    // direction that does not fit it, no figure to start from).
    struct Streef {
        std::string richting;  // daling | stijging
        double pct = 0;
        double basis = 0;
        std::optional<long long> basis_jaar;
        std::optional<long long> start;  // the year the term starts
        // The target figure as the advice writes it (smart_streef's `getoond`: at most two decimals, rounded toward the
        // goal, so that a figure meets the shown number exactly when it meets the target); `streef` without that slot.
        double streef = 0;
        std::string van;  // where the target starts, as the advice says it: "bij de nulmeting (2019)"
    };
    std::optional<Streef> streef;

    bool heeft_doel() const { return !indicator.empty() || daling_pct || stijging_pct || termijn_jaren || startjaar; }
    // The year the term ends (start + termijn), when both are known.
    std::optional<double> eindjaar() const;
};

// The nulmeting of evaluatie, and per indicator the gemeente's figure the advice takes as it.
struct RapportNulmeting {
    std::optional<bool> uitgevoerd;   // evaluatie.nulmeting
    std::optional<long long> jaar;    // evaluatie.nulmeting_jaar
    struct Waarde {
        std::string indicator;
        double waarde = 0;
        std::optional<long long> jaar;
    };
    std::vector<Waarde> waarden;  // the gemeente as a whole, in the order of `metingen`
};

struct RapportBron {
    std::string id;
    std::string partner;
};

struct RapportFactor {
    std::string id;
    std::string naam;
    std::string pijler;
};

struct RapportIndicator {
    std::string id;
    std::string naam;       // short name as a sentence subject: "het algemene onveiligheidsgevoel"
    std::string betekenis;  // "voelt zich wel eens onveilig"
    bool hoger_is_beter = false;
};

// The parts of the HTML report's Tafel van 12 that depend on the knowledge base alone (opmaak_html.hpp
// writes them): the markup of a pillar's start, and of a factor's name and of its whole item when the
// profile neither chose it nor prioritised it nor has actions on it (most factors of a young profile).
struct HtmlTafel {
    std::vector<std::string> pijler_kop;                // per pillar, in the order the factors first name them
    std::vector<std::vector<std::uint32_t>> factoren;   // per pillar: its factors, as places in `factoren`
    std::vector<std::string> naam;                      // per factor: its name, escaped, with a capital
    std::vector<std::string> kaal;                      // per factor: its whole item, unmarked and without actions
    std::string ongemarkeerd;                           // the whole section when the profile marks no factor
};

// The names a knowledge base gives to ids, as a report shows them; the same for every profile.
struct KennisbankNamen {
    std::vector<RapportFactor> factoren;
    std::vector<RapportIndicator> indicatoren;
    std::map<std::string, std::string> bron_omschrijving;
    // Written once per Raadpleging, at its first HTML report (Raadpleging::kennisbanknamen_met_tafel),
    // instead of once per report; names put together otherwise leave it empty, and the report then
    // writes the same markup itself.
    HtmlTafel html_tafel{};

    const RapportFactor* factor(std::string_view id) const;
    const RapportIndicator* indicator(std::string_view id) const;
    // The ids in the Tafel van 12's order (the order of `factoren`), so that a list of names reads as the
    // advice texts do; ids the knowledge base does not name keep their order, after the others.
    std::vector<std::string_view> in_tafelvolgorde(const std::vector<std::string>& ids) const;
};

struct RapportGegevens {
    // What produced the advice: "wegwijzer 0.2.0", and the knowledge base's name (and version). Not
    // copied per report: they point into the Raadpleging, which outlives the report.
    std::string_view programma;
    std::string_view kennisbank;
    Datum datum;

    // From the profile.
    std::optional<long long> inwoners;
    std::vector<RapportMeting> metingen;  // in the profile's order
    std::vector<RapportBron> bronnen;
    std::vector<std::string> gekozen_factoren;  // analyse.factoren, ids
    std::vector<std::string> ivp_prioriteiten;  // beleid.ivp.prioritaire_factoren, ids
    std::vector<RapportActie> acties;
    std::vector<RapportBoodschap> boodschappen;
    std::optional<RapportDoel> doel;             // only when the profile has beleid.smart
    std::optional<RapportNulmeting> nulmeting;   // only when its evaluatie says nulmeting or nulmeting_jaar
    std::optional<bool> ivp_opgenomen;           // only when the profile has beleid.ivp
    bool ivp_gegeven = false;                    // the profile has beleid.ivp
    bool ivp_prioriteiten_gegeven = false;       // ... and its prioritaire_factoren, perhaps empty

    // From the knowledge base, in its order: not copied per report but pointed to (the Raadpleging
    // reads them once and outlives the report). nullptr: no names, as for a report without a
    // knowledge base.
    const KennisbankNamen* kennisbanknamen = nullptr;

    // Per advice, in the order of Advies::adviezen: the derivation the report shows behind its fold,
    // as the engine made it (Raadpleging::raadpleeg_voor_rapport), read where it lies instead of first
    // copied into an Uitleg. An item that carries an `uitleg` shows that instead; empty: none.
    std::span<const Derivation> afleidingen;
    // The templates of `afleidingen` whose given facts are defaults (standaard_sjablonen, advies/invoer.hpp).
    std::uint32_t standaard_sjablonen = 0;

    const KennisbankNamen& namen() const;
};

// The profile's facts of `invoer` (templates meting, bron, gekozen_factor, ivp_prioriteit, actie,
// boodschap, gemeente), and which of its templates hold only defaults.
void lees_profielfeiten(const Invoer& invoer, RapportGegevens& gegevens);

// What the consultation in `engine` (which holds its result) made of the target and the nulmeting:
// smart_streef and meting_basis, for the gemeente's own figures. Reads nothing when the profile gives
// neither (lees_profielfeiten first); templates or slots the knowledge base lacks leave them absent.
void lees_raadplegingsfeiten(const Engine& engine, RapportGegevens& gegevens);

// The names of factors (template factor: id, naam, pijler), indicators (indicator: id, betekenis,
// hoger_is_beter; indicator_naam: indicator, naam) and sources (bronsoort: id, omschrijving) from an
// engine that holds the knowledge base's initial facts. Templates or slots it lacks leave names empty.
// Read once per Raadpleging (Raadpleging::kennisbanknamen): per report they were a sixth of its cost.
KennisbankNamen lees_kennisbanknamen(const Engine& engine);

}  // namespace ww::advies
