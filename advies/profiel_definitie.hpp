// SPDX-License-Identifier: EUPL-1.2
// The shape of the gemeenteprofiel (the public input contract, version 1, second edition) as data:
// every section and key with its type, whether it is required, its range and its words. The profile
// reader checks a profile against it and the JSON Schema is generated from it, so that the two cannot
// drift apart. What a profile means (its facts) is the reader's; what it may hold is defined here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "advies/vocabulaire.hpp"

namespace ww::advies::profiel {

enum class Soort {
    kaart,    // keys from `velden`; an empty value is an empty map
    lijst,    // elements as `element()`; an empty value is the empty list
    ja_nee,   // true or false
    geheel,   // an integer
    getal,    // a number
    tekst,    // free text (any scalar)
    keuze,    // one word from `opties` or from the vocabulary
    veldpad,  // the path of a field of this profile, a row of a list with its number: metingen[2].marge
};

// Where the words of a keuze come from: the contract itself, or the knowledge base's vocabulary.
enum class Woorden { vast, factoren, bronnen, indicatoren };

// A range, each with its own message in the reader.
enum class Grens {
    geen,
    percentage,  // 0..100
    jaartal,     // eerste_jaar..laatste_jaar: anything outside is a typing error (23 for 2023)
    positief,    // > 0, and at most `hoogstens` when given
};

inline constexpr std::int64_t eerste_jaar = 1900, laatste_jaar = 2100;

struct Veld {
    std::string naam;
    Soort soort = Soort::tekst;
    std::string omschrijving;  // Dutch, as docs/gemeenteprofiel.md says it
    // Required keys are checked, in the order of `velden`, before the values; a required key may not
    // be empty.
    bool verplicht = false;
    bool niet_leeg = false;                // tekst: not only spaces and tabs
    Grens grens = Grens::geen;
    std::optional<double> hoogstens;       // with Grens::positief
    std::optional<std::int64_t> enige;     // geheel: the only value allowed (versie)
    Woorden woorden = Woorden::vast;       // keuze
    std::vector<std::string> opties;       // keuze with Woorden::vast, in contract order
    std::string wat;                       // keuze: the kind of word, in messages ("indicator")
    std::string_view bedoeld;              // keuze: words people write for one of `opties` (bedoeld_woord)
    std::optional<std::string> standaard;  // keuze: what absence means
    std::vector<Veld> velden;              // kaart: its keys, in contract order
    std::vector<Veld> elementen;           // lijst: exactly one, the shape of each element
    std::vector<std::string> sleutels;     // kaart: the names of `velden` (for the YAML reader)

    // The key `naam` of a kaart; throws std::logic_error when the definition has no such key, which
    // means the reader and the definition disagree.
    const Veld& veld(std::string_view naam) const;
    const Veld& element() const;
    // Whether an empty value (null) counts as absent here. Everything optional may be empty.
    bool mag_leeg() const { return !verplicht; }
};

// The whole profile: a kaart whose keys are the sections.
const Veld& gemeenteprofiel();

// Every field path of the profile, rows of a list written `[]` ("drijfveer.soort", "metingen",
// "metingen[].marge"): what a question of the interview may fill and what a veldpad may name. The
// interview's own section and `versie` are not among them.
const std::vector<std::string>& veldpaden();

// A veldpad without the row numbers of its lists: "metingen[3].marge" -> "metingen[].marge".
std::string zonder_rij(std::string_view pad);

// Whether `pad` names a field: one of veldpaden() with every row a number from 1.
bool is_veldpad(std::string_view pad);

// The words a keuze accepts, in order (its own or the vocabulary's), and for words from the vocabulary
// the knowledge base's names of them (id -> name: a factor's name, an indicator's short name, a source's
// description; null for the contract's own words), for "bedoelde je 'id' (naam)?". Inline, one switch:
// the reader asks it for every such word it reads.
struct Keuzewoorden {
    std::span<const std::string> opties;
    const std::map<std::string, std::string>* namen = nullptr;
};
inline Keuzewoorden keuzewoorden(const Veld& veld, const Vocabulaire& vocabulaire) {
    switch (veld.woorden) {
        case Woorden::factoren: return {vocabulaire.factoren, &vocabulaire.factor_naam};
        case Woorden::bronnen: return {vocabulaire.bronnen, &vocabulaire.bron_omschrijving};
        case Woorden::indicatoren: return {vocabulaire.indicatoren, &vocabulaire.indicator_naam};
        case Woorden::vast: break;
    }
    return {veld.opties, nullptr};
}

}  // namespace ww::advies::profiel
