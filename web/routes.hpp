// SPDX-License-Identifier: EUPL-1.2
// The API's routes (contract: the HTTP service, "Endpoints"). Each endpoint is a function returning its
// Route, in a file of its own (web/api_*.cpp); api_routes() lists them all. To add an endpoint, write
// its function and add it to the list in routes.cpp.
#pragma once

#include <vector>

#include "web/route.hpp"

namespace ww::web {

Route advies_route();         // POST /api/v1/advies
Route communicatie_route();   // POST /api/v1/communicatie
Route waarom_niet_route();    // POST /api/v1/waarom-niet/{regel}
Route kennisbank_route();     // GET /api/v1/kennisbank
Route schema_route();         // GET /api/v1/schema/gemeenteprofiel
Route openapi_route();        // GET /api/v1/openapi.json
Route healthz_route();        // GET /healthz
Route metrics_route();        // GET /metrics
Route vragen_route();         // POST /api/v1/vragen

std::vector<Route> api_routes();

}  // namespace ww::web
