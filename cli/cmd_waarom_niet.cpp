// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer waarom-niet REGEL PROFIEL`: why a rule of the knowledge base gave no advice here.
#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

void register_waarom_niet(CLI::App& app, Context& context) {
    struct Args {
        std::string regel, profiel, kb;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("waarom-niet", "Leg uit waarom een regel voor dit profiel geen advies gaf");
    cmd->add_option("REGEL", args->regel, "Het id van de regel (zoals in de uitvoer van advies)")->required();
    cmd->add_option("PROFIEL", args->profiel, "Het gemeenteprofiel; - leest standaardinvoer")->type_name("BESTAND")->required();
    cmd->add_option("--kb", args->kb, "Map met een andere kennisbank (standaard: de meegeleverde)")->type_name("MAP");
    cmd->callback([args, &context] {
        const auto u = advies::voer_waarom_niet_uit(args->regel, args->profiel, args->kb);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace ww::cli
