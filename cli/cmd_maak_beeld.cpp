// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer maak-beeld KB BEELD`: the build step that compiles the bundled knowledge base into its
// image (rules/image_file.cpp). Apart in --help: only the build calls it, and only this program
// can make an image it will read (the key holds its build-id).
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "rules/rule_base.hpp"

namespace ww::cli {

void register_maak_beeld(CLI::App& app, Context&) {
    struct Args {
        std::string kb, beeld;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("maak-beeld", "Maak het beeld van een kennisbank (een bouwstap)");
    cmd->group("Bouwstap");
    cmd->add_option("KB", args->kb, "Map met de kennisbank")->type_name("MAP")->required();
    cmd->add_option("BEELD", args->beeld, "Het beeld dat gemaakt wordt (alleen-lezen)")->type_name("BESTAND")->required();
    // LoadError (status 2) and a failed write (status 1) leave as exceptions; main.cpp reports them.
    cmd->callback([args] { RuleBase::save_image(args->kb, args->beeld); });
}

}  // namespace ww::cli
