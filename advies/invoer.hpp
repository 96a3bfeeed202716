// SPDX-License-Identifier: EUPL-1.2
// A gemeenteprofiel turned into facts (knowledge-base/invoer.yaml): what the reader hands to the
// consultation. The reader needs no engine, so a fact names its template and slots by their place in
// the table below (the agreement between reader and knowledge base); the consultation maps those
// places to the engine's template ids and slot indexes once per knowledge base, and a consultation
// then compares no names at all.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "advies/advies.hpp"
#include "engine/value.hpp"

namespace ww::advies {

// The templates the reader fills, in the order of `invoer_vormen`.
enum class InvoerSjabloon : std::uint8_t {
    sectie,
    gemeente,
    drijfveer,
    meting,
    bron,
    informatie,
    analyse,
    analysevraag,
    gekozen_factor,
    communicatie,
    boodschap,
    beleid,
    smart,
    ivp,
    ivp_prioriteit,
    actie,
    evaluatie,
    evaluatie_aspect,
    modus,
    herhaling,
    reeks_plaats,
};

// The slot every list element gives (its position, from 1); the one slot a template may lack: a
// template without it does not want it.
inline constexpr std::string_view invoer_slot_nr = "nr";

struct InvoerVorm {
    std::string_view naam;
    std::span<const std::string_view> slots;  // the slots the reader gives, by place
};

namespace invoer_slots {
inline constexpr std::array<std::string_view, 1> sectie{"naam"};
inline constexpr std::array<std::string_view, 2> gemeente{"naam", "inwoners"};
inline constexpr std::array<std::string_view, 3> drijfveer{"bepaald", "soort", "gedeeld_met_bestuur"};
inline constexpr std::array<std::string_view, 10> meting{"nr",     "indicator", "waarde", "vergelijkbaar", "vorige",
                                                         "gebied", "jaar",      "groep",  "marge",         "respondenten"};
inline constexpr std::array<std::string_view, 3> bron{"nr", "id", "partner"};
inline constexpr std::array<std::string_view, 1> informatie{"ontbrekend_bepaald"};
inline constexpr std::array<std::string_view, 3> analyse{"uitgevoerd", "problematisch", "rapportage"};
inline constexpr std::array<std::string_view, 2> analysevraag{"nr", "vraag"};
inline constexpr std::array<std::string_view, 2> gekozen_factor{"nr", "factor"};
inline constexpr std::array<std::string_view, 2> communicatie{"frame", "effect_onderzocht"};
inline constexpr std::array<std::string_view, 4> boodschap{"nr", "onderwerp", "buikpijn", "aanpak"};
inline constexpr std::array<std::string_view, 5> beleid{"doel_benoemd", "uitvoeringsplan", "werkhouding_sessies",
                                                        "vuistregels", "gedeelde_visie"};
inline constexpr std::array<std::string_view, 6> smart{"gekozen",       "indicator",    "daling_pct",
                                                       "termijn_jaren", "stijging_pct", "startjaar"};
inline constexpr std::array<std::string_view, 1> ivp{"opgenomen"};
inline constexpr std::array<std::string_view, 2> ivp_prioriteit{"nr", "factor"};
inline constexpr std::array<std::string_view, 6> actie{"nr", "naam", "factor", "gebied", "groep", "status"};
inline constexpr std::array<std::string_view, 3> evaluatie{"momenten_vastgelegd", "nulmeting", "nulmeting_jaar"};
inline constexpr std::array<std::string_view, 2> evaluatie_aspect{"nr", "aspect"};
inline constexpr std::array<std::string_view, 1> modus{"opdracht"};
inline constexpr std::array<std::string_view, 3> herhaling{"lijst", "id", "keer"};
inline constexpr std::array<std::string_view, 4> reeks_plaats{"nr", "reeks", "positie", "jaren"};
}  // namespace invoer_slots

// By InvoerSjabloon.
inline constexpr std::array<InvoerVorm, 21> invoer_vormen{{
    {"sectie", invoer_slots::sectie},
    {"gemeente", invoer_slots::gemeente},
    {"drijfveer", invoer_slots::drijfveer},
    {"meting", invoer_slots::meting},
    {"bron", invoer_slots::bron},
    {"informatie", invoer_slots::informatie},
    {"analyse", invoer_slots::analyse},
    {"analysevraag", invoer_slots::analysevraag},
    {"gekozen_factor", invoer_slots::gekozen_factor},
    {"communicatie", invoer_slots::communicatie},
    {"boodschap", invoer_slots::boodschap},
    {"beleid", invoer_slots::beleid},
    {"smart", invoer_slots::smart},
    {"ivp", invoer_slots::ivp},
    {"ivp_prioriteit", invoer_slots::ivp_prioriteit},
    {"actie", invoer_slots::actie},
    {"evaluatie", invoer_slots::evaluatie},
    {"evaluatie_aspect", invoer_slots::evaluatie_aspect},
    {"modus", invoer_slots::modus},
    {"herhaling", invoer_slots::herhaling},
    {"reeks_plaats", invoer_slots::reeks_plaats},
}};

inline const InvoerVorm& vorm_van(InvoerSjabloon s) { return invoer_vormen.at(static_cast<std::size_t>(s)); }

struct InvoerFeit {
    InvoerSjabloon sjabloon;
    // Every slot of the form, in its order: the consultation copies them to the engine's slots by an
    // order it worked out once, without a test per slot whether it was given. The reader writes a
    // fact's own values in `eigen`; a fact of an absent section, the same in every profile, points at
    // the values the reader keeps for the process (profiel_lezer.cpp, afwezige_sectie) instead, so
    // that a profile does not copy them (a vector allocation per fact) only for the consultation to
    // copy them once more into the engine. Read them through waarden().
    std::vector<Value> eigen;
    const std::vector<Value>* gedeeld = nullptr;
    // A default the reader filled in for a section (or the smart or ivp part of beleid) the profile
    // does not have: the derivation of an advice then says "standaard", not "profiel" (the profile
    // did not state it).
    bool standaard = false;

    const std::vector<Value>& waarden() const { return gedeeld != nullptr ? *gedeeld : eigen; }
    std::string_view naam() const { return vorm_van(sjabloon).naam; }
};

struct Invoer {
    std::string gemeente;  // gemeente.naam
    std::vector<InvoerFeit> feiten;
};

// A bit per InvoerSjabloon whose facts in `invoer` are all defaults (InvoerFeit::standaard). A given
// fact of a derivation carries only its template and slots; an absent section's template has no
// other facts, so its template is what tells a default from what the profile said.
inline std::uint32_t standaard_sjablonen(const Invoer& invoer) {
    static_assert(invoer_vormen.size() <= 32);
    std::uint32_t standaard = 0, gegeven = 0;
    for (const InvoerFeit& f : invoer.feiten)
        (f.standaard ? standaard : gegeven) |= std::uint32_t{1} << static_cast<unsigned>(f.sjabloon);
    return standaard & ~gegeven;
}

}  // namespace ww::advies
