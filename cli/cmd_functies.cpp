// `wegwijzer functies`: the functions expressions may call, with signature and description.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/functions.hpp"

namespace ww::cli {

void register_functies(CLI::App& app, Context&) {
    auto* cmd = app.add_subcommand("functies", "Toon de functies die expressies kunnen aanroepen");
    cmd->callback([] {
        for (const auto& f : all_functions()) std::cout << fmt::format("{:<40} {}\n", f.signature, f.description);
    });
}

}  // namespace ww::cli
