// `wegwijzer functies`: the functions expressions may call, with signature and description.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/functions.hpp"

namespace ww::cli {

void register_functies(CLI::App& app, Context&) {
    auto* cmd = app.add_subcommand("functies", "Toon de functies die expressies kunnen aanroepen");
    cmd->callback([] {
        std::size_t width = 0;
        for (const auto& f : all_functions()) width = std::max(width, f.signature.size());
        for (const auto& f : all_functions()) std::cout << fmt::format("{:<{}}  {}\n", f.signature, width, f.description);
    });
}

}  // namespace ww::cli
