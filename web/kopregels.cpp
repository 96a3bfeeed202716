// SPDX-License-Identifier: EUPL-1.2
#include "web/kopregels.hpp"

namespace ww::web {

Kopregels standaard_kopregels(std::string_view cors) {
    Kopregels k{
        {"Content-Security-Policy", std::string(csp_app)},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Cache-Control", "no-store"},
    };
    if (!cors.empty()) {
        k.emplace_back("Access-Control-Allow-Origin", std::string(cors));
        k.emplace_back("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        k.emplace_back("Access-Control-Allow-Headers", "Content-Type, Accept");
        k.emplace_back("Access-Control-Max-Age", "600");
        k.emplace_back("Vary", "Origin");
        // A browser fetching from that origin may read the resources too.
        k[5].second = "cross-origin";
    }
    return k;
}

}  // namespace ww::web
