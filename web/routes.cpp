// SPDX-License-Identifier: EUPL-1.2
#include "web/routes.hpp"

namespace ww::web {

std::vector<Route> api_routes() {
    return {
        advies_route(),
        communicatie_route(),
        waarom_niet_route(),
        vragen_route(),
        kennisbank_route(),
        schema_route(),
        openapi_route(),
        healthz_route(),
        metrics_route(),
    };
}

}  // namespace ww::web
