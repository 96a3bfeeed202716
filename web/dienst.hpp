// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer serve`: the HTTP service (contract: the HTTP service and the web app, version 1).
// cpp-httplib does the HTTP; this file puts it together with the routes (web/routes.cpp), the web app's
// assets, the limits, the headers, the log, the metrics and the graceful stop.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "web/route.hpp"

namespace ww::web {

struct DienstOpties {
    std::string adres = "127.0.0.1";
    int poort = 8080;  // 0: a free port, chosen by the system (the line printed when ready names it)
    std::string kb;    // "" = the bundled knowledge base
    unsigned threads = 0;  // 0: four per core, at least 8 (an idle keep-alive connection holds one)
    std::size_t max_body = 1024 * 1024;
    std::string cors;  // the origin allowed to call the API from a browser; "" for none
    int leestijd = 10;  // seconds a client may take between two parts of its request
};

// Loads the knowledge base, listens and serves until SIGINT or SIGTERM; then stops accepting
// connections, finishes the requests in flight (requests that start meanwhile get 503) and returns 0.
// `routes` are the API's (api_routes() and any added to it). Returns 2 with a Dutch message on
// standard error when it cannot start: the port in use, an address not of this machine, a knowledge
// base that does not load.
int draai_dienst(const DienstOpties& opties, std::vector<Route> routes);

}  // namespace ww::web
