// SPDX-License-Identifier: EUPL-1.2
// GET /api/v1/kennisbank (web/kennisbank_document.hpp), made once, on the first request.
#include "web/kennisbank_document.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"

namespace ww::web {

Route kennisbank_route() {
    return eenmalig_document_route("/api/v1/kennisbank", "application/json", [](Omgeving& o) {
        auto raadpleging = o.raadplegingen.leen();
        return kennisbank_document(o.kennisbank, raadpleging->engine());
    });
}

}  // namespace ww::web
