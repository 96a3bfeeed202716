// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer schema`: the JSON Schema of the gemeenteprofiel, with the ids of the knowledge base in use.
#include "cli/kb_opdracht.hpp"

namespace ww::cli {

void register_schema(CLI::App& app, Context& context) {
    register_kb_opdracht(app, context, "schema", "Schrijf het JSON Schema (draft 2020-12) van het gemeenteprofiel",
                         "Map met een andere kennisbank, voor haar id's (standaard: de meegeleverde)",
                         advies::voer_schema_uit);
}

}  // namespace ww::cli
