// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer serve`: the HTTP service (contract: the HTTP service and the web app, version 1).
// cpp-httplib does the HTTP; this file puts it together with the routes (web/routes.cpp), the web app's
// assets, the limits, the headers, the log, the metrics and the graceful stop.
#pragma once

#include <vector>

#include "web/dienst_opties.hpp"
#include "web/route.hpp"

namespace ww::web {

// Loads the knowledge base, listens and serves until SIGINT or SIGTERM; then stops accepting
// connections, finishes the requests in flight (requests that start meanwhile get 503) and returns 0.
// `routes` are the API's (api_routes() and any added to it). Returns 2 with a Dutch message on
// standard error when it cannot start: the port in use, an address not of this machine, a knowledge
// base that does not load.
int draai_dienst(const DienstOpties& opties, std::vector<Route> routes);

}  // namespace ww::web
