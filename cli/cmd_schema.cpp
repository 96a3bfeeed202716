// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer schema`: the JSON Schema of the gemeenteprofiel, with the ids of the knowledge base in use.
#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

void register_schema(CLI::App& app, Context& context) {
    auto kb = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("schema", "Schrijf het JSON Schema (draft 2020-12) van het gemeenteprofiel");
    cmd->add_option("--kb", *kb, "Map met een andere kennisbank, voor haar id's (standaard: de meegeleverde)");
    cmd->callback([kb, &context] {
        const auto u = advies::voer_schema_uit(*kb);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace ww::cli
