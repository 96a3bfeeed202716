// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer sjabloon` (an empty profile to fill in) and `wegwijzer woordenschat` (the ids a profile
// may use, with their names).
#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "advies/sjabloon.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

void register_sjabloon(CLI::App& app, Context& context) {
    auto* cmd = app.add_subcommand("sjabloon", "Schrijf een leeg gemeenteprofiel om in te vullen (alles in commentaar)");
    cmd->callback([&context] {
        schrijf(advies::Uitvoer{0, std::string(advies::profiel_sjabloon()), {}});
        context.exit_code = exit_ok;
    });
}

void register_woordenschat(CLI::App& app, Context& context) {
    auto kb = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("woordenschat", "Noem de factoren, bronnen en indicatoren die een profiel kan gebruiken");
    cmd->add_option("--kb", *kb, "Map met een andere kennisbank (standaard: de meegeleverde)");
    cmd->callback([kb, &context] {
        const auto u = advies::voer_woordenschat_uit(*kb);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace ww::cli
