// SPDX-License-Identifier: EUPL-1.2
// How a request says how long its body is (RFC 9112, section 6): a Content-Length, chunked, or no body
// at all. The service reads every body itself (web/dienst.cpp), so that --max-body holds for what a body
// decodes to, whatever its framing; what it cannot read within that limit, it refuses.
#pragma once

#include <cstddef>
#include <string>

#include <httplib.h>

namespace ww::web {

struct Lichaamsvorm {
    enum class Soort {
        geen,          // no Content-Length, no Transfer-Encoding: the body is empty (RFC 9112, 6.3 rule 7)
        lengte,        // Content-Length: `lengte` bytes
        stukken,       // Transfer-Encoding: chunked
        ongeldig,      // the length cannot be known: 400, and the connection closes (`melding`)
        gecomprimeerd  // Content-Encoding other than identity: 415 (`melding`), not inflated without a limit
    };
    Soort soort = Soort::geen;
    std::size_t lengte = 0;
    std::string melding;
};

Lichaamsvorm lichaamsvorm(const httplib::Headers& kopregels);

}  // namespace ww::web
