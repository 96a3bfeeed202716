// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer test DIR|FILE`: runs the scenarios of a knowledge base; on a directory also judges rule coverage.
#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

void register_test(CLI::App& app, Context& context) {
    struct Args {
        std::string map, kb;
        bool zonder_contract = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("test", "Draai de scenario's van een kennisbank (ok/FOUT per scenario, regeldekking)");
    cmd->add_option("MAP", args->map, "Map met scenario's (*.yaml; met regeldekking), of één scenariobestand (alleen dat bestand)")
        ->type_name("")
        ->required();
    cmd->add_option("--kb", args->kb, "Map met de kennisbank (standaard: de meegeleverde)")->type_name("MAP");
    cmd->add_flag("--zonder-contract", args->zonder_contract,
                  "Toets alleen wat de scenario's verwachten, niet ook het adviescontract (stappen op volgorde "
                  "afgerond, de eerste actie bij de huidige stap): voor een kennisbank die niet over het stappenplan gaat");
    cmd->callback([args, &context] {
        const auto u = advies::voer_test_uit(args->map, args->kb, !args->zonder_contract);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace ww::cli
