// SPDX-License-Identifier: EUPL-1.2
// GET /api/v1/kennisbank (web/kennisbank_document.hpp). The knowledge base does not change while the
// service runs: the document is made once, on the first request.
#include <memory>
#include <mutex>
#include <string>

#include "web/kennisbank_document.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"

namespace ww::web {

Route kennisbank_route() {
    struct Eenmalig {
        std::once_flag vlag;
        std::string document;
    };
    auto e = std::make_shared<Eenmalig>();
    return {"GET", "/api/v1/kennisbank", [e](const Verzoek&, Omgeving& o) {
                std::call_once(e->vlag, [&] {
                    auto raadpleging = o.raadplegingen.leen();
                    e->document = kennisbank_document(o.kennisbank, raadpleging->engine());
                });
                return Antwoord{200, "application/json", e->document, {}};
            }};
}

}  // namespace ww::web
