// SPDX-License-Identifier: EUPL-1.2
// The service's own endpoints: GET /healthz for a load balancer or systemd's watchdog, GET /metrics
// for Prometheus, GET /api/v1/openapi.json (web/api/openapi.json, embedded at build time, served as is).
#include <string>

#include "web/ingebed_bestand.hpp"
#include "web/metrieken.hpp"
#include "web/routes.hpp"

namespace ww::web {

Route healthz_route() {
    return {"GET", "/healthz", [](const Verzoek&, Omgeving&) { return Antwoord{200, "text/plain; charset=utf-8", "ok\n", {}}; }};
}

Route metrics_route() {
    return {"GET", "/metrics", [](const Verzoek&, Omgeving& o) {
                return Antwoord{200, "text/plain; version=0.0.4; charset=utf-8", o.metrieken.tekst(), {}};
            }};
}

Route openapi_route() {
    return {"GET", "/api/v1/openapi.json", [](const Verzoek&, Omgeving&) {
                for (const IngebedBestand& b : api_bestanden())
                    if (std::string_view(b.pad) == "openapi.json") return Antwoord{200, "application/json", std::string(b.tekst()), {}};
                return Antwoord{404, "application/json", "{\"fouten\": [{\"melding\": \"geen OpenAPI-beschrijving ingebouwd\"}]}\n", {}};
            }};
}

}  // namespace ww::web
