// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer vraaggesprek [PROFIEL]`: the guided interview in the terminal (advies/vraaggesprek.hpp).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "advies/fout.hpp"
#include "advies/kennisbank.hpp"
#include "advies/raadpleging.hpp"
#include "advies/vraaggesprek.hpp"
#include "cli/commands.hpp"
#include "rules/input_limits.hpp"

namespace ww::cli {

void register_vraaggesprek(CLI::App& app, Context& context) {
    struct Args {
        std::string profiel = "gemeenteprofiel.yaml";
        std::string kb;
        std::string naspelen;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("vraaggesprek", "Vul een gemeenteprofiel in door vragen te beantwoorden");
    cmd->add_option("PROFIEL", args->profiel,
                    "Het profiel dat gevuld wordt (standaard gemeenteprofiel.yaml); bestaat het, dan gaat het gesprek verder")
        ->type_name("BESTAND");
    cmd->add_option("--kb", args->kb, "Map met een andere kennisbank (standaard: de meegeleverde)")->type_name("MAP");
    cmd->add_option("--naspelen", args->naspelen,
                    "Geen terminal: beantwoord elke vraag uit dit profiel en geef een verslag in JSON (voor tests)");
    cmd->callback([args, &context] {
        if (args->naspelen.empty() && !::isatty(STDIN_FILENO)) {
            std::cerr << "wegwijzer: fout: het vraaggesprek stelt vragen en heeft een terminal nodig; standaardinvoer is "
                         "geen terminal (gebruik 'wegwijzer advies PROFIEL' voor een profiel dat al klaar is)\n";
            context.exit_code = exit_bad_input;
            return;
        }
        try {
            const auto kb = advies::Kennisbank::laad_gekozen(args->kb);
            advies::Raadpleging raadpleging(*kb, kb->neem_engine());
            const advies::Vragenlijst vragen(*kb);
            if (!args->naspelen.empty()) {
                const std::string tekst = read_input_file(args->naspelen);
                std::cout << advies::speel_na(raadpleging, vragen, tekst, args->naspelen).dump(2) << '\n';
                return;
            }
            advies::Terminal t;
            t.lees_regel = []() -> std::optional<std::string> {
                std::string regel;
                if (!std::getline(std::cin, regel)) return std::nullopt;
                return regel;
            };
            t.schrijf = [](std::string_view s) { std::cout << s << std::flush; };
            t.schrijf_fout = [](std::string_view s) { std::cerr << s << std::flush; };
            winsize w{};
            if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) t.breedte = std::clamp<int>(w.ws_col, 40, 100);
            context.exit_code = advies::voer_vraaggesprek(raadpleging, vragen, args->profiel, t);
        } catch (const advies::InvoerFout& e) {
            std::cerr << advies::formatteer(e.fouten);
            context.exit_code = exit_bad_input;
        } catch (const std::runtime_error& e) {
            std::cerr << "wegwijzer: fout: " << e.what() << '\n';
            context.exit_code = exit_failure;
        }
    });
}

}  // namespace ww::cli
