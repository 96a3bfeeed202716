// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer sjabloon` (an empty profile to fill in) and `wegwijzer woordenschat` (the ids a profile
// may use, with their names).
#include <string>

#include "advies/sjabloon.hpp"
#include "cli/kb_opdracht.hpp"

namespace ww::cli {

void register_sjabloon(CLI::App& app, Context& context) {
    auto* cmd = app.add_subcommand("sjabloon", "Schrijf een leeg gemeenteprofiel om in te vullen (alles in commentaar)");
    cmd->callback([&context] {
        schrijf(advies::Uitvoer{0, std::string(advies::profiel_sjabloon()), {}});
        context.exit_code = exit_ok;
    });
}

void register_woordenschat(CLI::App& app, Context& context) {
    register_kb_opdracht(app, context, "woordenschat", "Noem de factoren, bronnen en indicatoren die een profiel kan gebruiken",
                         "Map met een andere kennisbank (standaard: de meegeleverde)", advies::voer_woordenschat_uit);
}

}  // namespace ww::cli
