// SPDX-License-Identifier: EUPL-1.2
// GET /api/v1/schema/gemeenteprofiel: the JSON Schema of the gemeenteprofiel for the knowledge base in
// use (advies/profiel_schema.hpp), the document `wegwijzer schema` prints. Made once, on the first
// request: the vocabulary does not change while the service runs.
#include <memory>
#include <mutex>
#include <string>

#include "advies/profiel_schema.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"

namespace ww::web {

Route schema_route() {
    struct Eenmalig {
        std::once_flag vlag;
        std::string document;
    };
    auto e = std::make_shared<Eenmalig>();
    return {"GET", "/api/v1/schema/gemeenteprofiel", [e](const Verzoek&, Omgeving& o) {
                std::call_once(e->vlag, [&] {
                    auto raadpleging = o.raadplegingen.leen();
                    e->document = advies::profiel_schema(raadpleging->vocabulaire());
                });
                return Antwoord{200, "application/schema+json", e->document, {}};
            }};
}

}  // namespace ww::web
