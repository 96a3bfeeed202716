// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer functies`: the functions expressions may call, with signature and description: the
// built-in ones, then those of the knowledge base.
#include "cli/kb_opdracht.hpp"

namespace ww::cli {

void register_functies(CLI::App& app, Context& context) {
    register_kb_opdracht(app, context, "functies", "Toon de functies die expressies kunnen aanroepen",
                         "Map of regelbestand waarvan ook de eigen functies getoond worden (standaard: de meegeleverde kennisbank)",
                         advies::voer_functies_uit);
}

}  // namespace ww::cli
