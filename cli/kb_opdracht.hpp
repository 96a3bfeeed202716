// SPDX-License-Identifier: EUPL-1.2
// A subcommand that reads one knowledge base (its one option --kb; without it the bundled one) and
// writes what the library makes of it (`lint`, `schema`, `woordenschat`, `functies`): the work, its messages and
// its exit status are advies/opdrachten.hpp's, so these commands differ only in their names and help.
#pragma once

#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

inline void register_kb_opdracht(CLI::App& app, Context& context, const std::string& naam, const std::string& beschrijving,
                                 const std::string& kb_hulp, advies::Uitvoer (*voer_uit)(const std::string& kb)) {
    auto kb = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(naam, beschrijving);
    cmd->add_option("--kb", *kb, kb_hulp);
    cmd->callback([kb, voer_uit, &context] {
        const auto u = voer_uit(*kb);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace ww::cli
