// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer lint`: static checks of a knowledge base.
#include "cli/kb_opdracht.hpp"

namespace ww::cli {

void register_lint(CLI::App& app, Context& context) {
    register_kb_opdracht(app, context, "lint", "Controleer een kennisbank (regels, woordenschat, adviesrecords)",
                         "Map met de kennisbank (standaard: de meegeleverde)", advies::voer_lint_uit);
}

}  // namespace ww::cli
