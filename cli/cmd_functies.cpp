// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer functies`: the functions expressions may call, with signature and description.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"
#include "engine/functions.hpp"

namespace ww::cli {

void register_functies(CLI::App& app, Context&) {
    auto* cmd = app.add_subcommand("functies", "Toon de functies die expressies kunnen aanroepen");
    cmd->callback([] {
        std::size_t width = 0;
        // A name with '#' is the compiler's own (a list pattern with gaps): no rule can call it.
        const auto intern = [](const FunctionInfo& f) { return f.name.starts_with('#'); };
        for (const auto& f : all_functions())
            if (!intern(f)) width = std::max(width, f.signature.size());
        std::string tekst;
        for (const auto& f : all_functions())
            if (!intern(f)) tekst += fmt::format("{:<{}}  {}\n", f.signature, width, f.description);
        schrijf_uit(tekst);
    });
}

}  // namespace ww::cli
