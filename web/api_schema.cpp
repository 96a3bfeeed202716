// SPDX-License-Identifier: EUPL-1.2
// GET /api/v1/schema/gemeenteprofiel: the JSON Schema of the gemeenteprofiel for the knowledge base in
// use (advies/profiel_schema.hpp), the document `wegwijzer schema` prints; made once, on the first
// request.
#include "advies/profiel_schema.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"

namespace ww::web {

Route schema_route() {
    return eenmalig_document_route("/api/v1/schema/gemeenteprofiel", "application/schema+json", [](Omgeving& o) {
        auto raadpleging = o.raadplegingen.leen();
        return advies::profiel_schema(raadpleging->vocabulaire());
    });
}

}  // namespace ww::web
