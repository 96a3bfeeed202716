// SPDX-License-Identifier: EUPL-1.2
// The options of `wegwijzer serve` (contract: the HTTP service, "Starting and stopping").
#pragma once

#include <cstddef>
#include <string>

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

}  // namespace ww::web
