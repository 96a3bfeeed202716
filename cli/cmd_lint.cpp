// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer lint`: static checks of a knowledge base.
#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

void register_lint(CLI::App& app, Context& context) {
    auto kb = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("lint", "Controleer een kennisbank (regels, woordenschat, adviesrecords)");
    cmd->add_option("--kb", *kb, "Map met de kennisbank (standaard: de meegeleverde)");
    cmd->callback([kb, &context] {
        const auto u = advies::voer_lint_uit(*kb);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace ww::cli
