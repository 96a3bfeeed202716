// SPDX-License-Identifier: EUPL-1.2
#include "cli/hulp_nl.hpp"

#include <memory>
#include <regex>
#include <string>

namespace ww::cli {

namespace {

// The type names CLI11 writes after an option ("TEXT", "INT", "TEXT:{a,b}"), in Dutch.
class NederlandseOpmaak : public CLI::Formatter {
public:
    NederlandseOpmaak() {
        label("Usage", "Gebruik");
        label("OPTIONS", "OPTIES");
        label("SUBCOMMAND", "OPDRACHT");
        label("SUBCOMMANDS", "OPDRACHTEN");
        label("Positionals", "Argumenten");
        label("REQUIRED", "VERPLICHT");
        label("Env", "Omgeving");
        label("Needs", "Vereist");
        label("Excludes", "Sluit uit");
    }
    std::string make_option_opts(const CLI::Option* opt) const override {
        static const std::regex woorden(R"(\b(TEXT|INT|UINT|FLOAT|NUMBER|BOOLEAN|ENUM|FILE|DIR|PATH)\b)");
        // A range check adds its own description to the type: "INT:INT in [0 - 65535]" becomes "GETAL (0 t/m 65535)".
        static const std::regex bereik(R"(:(?:INT|UINT|FLOAT|NUMBER) in \[(\S+) - (\S+)\])");
        // And CLI::PositiveNumber's "GETAL:POSITIVE" becomes "GETAL (> 0)".
        static const std::regex positief(R"(:POSITIVE\b)");
        const std::string engels = std::regex_replace(
            std::regex_replace(CLI::Formatter::make_option_opts(opt), bereik, " ($1 t/m $2)"), positief, " (> 0)");
        std::string uit;
        auto begin = engels.cbegin();
        for (std::sregex_iterator it(engels.begin(), engels.end(), woorden), eind; it != eind; ++it) {
            uit.append(begin, engels.cbegin() + it->position());
            const std::string w = (*it)[1];
            uit += w == "TEXT" ? "TEKST"
                   : (w == "INT" || w == "UINT" || w == "FLOAT" || w == "NUMBER") ? "GETAL"
                   : w == "BOOLEAN" ? "JA/NEE"
                   : w == "ENUM" ? "KEUZE"
                   : w == "FILE" ? "BESTAND"
                   : w == "DIR" ? "MAP"
                                : "PAD";
            begin = engels.cbegin() + it->position() + it->length();
        }
        uit.append(begin, engels.cend());
        return uit;
    }
};

}  // namespace

void nederlandse_hulp(CLI::App& app) {
    app.formatter(std::make_shared<NederlandseOpmaak>());
    app.option_defaults()->group("Opties");
}

void groepeer_opdrachten(CLI::App& app) {
    for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        sub->group("Opdrachten");
        // A subcommand makes its help flags before it copies the option defaults.
        if (auto* h = sub->get_help_ptr()) h->group("Opties");
        if (auto* h = sub->get_option_no_throw("--help-all")) h->group("Opties");
    }
}

}  // namespace ww::cli
