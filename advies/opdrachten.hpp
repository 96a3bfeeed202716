// SPDX-License-Identifier: EUPL-1.2
// The commands behind `wegwijzer advies|communicatie|waarom-niet|lint|test|woordenschat|schema|functies`, without the argument
// parsing: each returns the whole standard output, the whole standard error and the exit status, so
// that the cli writes the output in one go (or not at all) and tests can call them directly.
#pragma once

#include <string>

#include "advies/invoer.hpp"
#include "advies/opmaak.hpp"

namespace ww::advies {

struct Uitvoer {
    int status = 0;    // 0 advice given, 2 bad input, 1 anything else
    std::string uit;   // standard output
    std::string fout;  // standard error
};

struct AdviesOpties {
    std::string profiel;  // path, "-" for standard input
    Opdracht opdracht = Opdracht::advies;
    Formaat formaat = Formaat::text;
    OpmaakOpties opmaak;
    std::string kb;  // "" = the bundled knowledge base
    // The process ends right after this call (the program, not a service or a test): the knowledge
    // base and the engine are left for the operating system to reclaim instead of being taken apart
    // piece by piece, which cost a tenth of a cold `wegwijzer advies` (docs/prestaties.md).
    bool proces_eindigt = false;
    // The rule cost profile of this consultation (the knowledge base's own derivation before it not
    // counted) on standard error, after the advice: `--kosten`, with `tijd` `--kosten-tijd`.
    bool kosten = false;
    bool kosten_tijd = false;
};

Uitvoer voer_advies_uit(const AdviesOpties& opties);
Uitvoer voer_waarom_niet_uit(const std::string& regel, const std::string& profiel, const std::string& kb);
Uitvoer voer_lint_uit(const std::string& kb);
Uitvoer voer_test_uit(const std::string& map, const std::string& kb, bool contract_toetsen = true);
Uitvoer voer_woordenschat_uit(const std::string& kb);
// The built-in functions and those of the knowledge base `kb` (the bundled one when "", left out with
// a word on standard error when there is none).
Uitvoer voer_functies_uit(const std::string& kb);
Uitvoer voer_schema_uit(const std::string& kb);  // the JSON Schema of the gemeenteprofiel

// For text output: colour as chosen (--kleur); automatically, when standard output is a terminal,
// NO_COLOR is unset or empty and TERM is not "dumb". The terminal's width (else 80).
enum class Kleur { automatisch, altijd, nooit };
void kies_kleur(Kleur kleur);
OpmaakOpties terminal_opmaak();

}  // namespace ww::advies
