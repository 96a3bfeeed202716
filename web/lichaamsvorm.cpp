// SPDX-License-Identifier: EUPL-1.2
#include "web/lichaamsvorm.hpp"

#include <string_view>

#include <fmt/format.h>

#include "web/hoofdletters.hpp"
#include "web/kopregels.hpp"

namespace ww::web {

Lichaamsvorm lichaamsvorm(const httplib::Headers& kopregels) {
    const std::string* lengte = nullptr;
    const std::string* overdracht = nullptr;
    const std::string* codering = nullptr;
    bool lengtes_verschillen = false;
    for (const auto& [naam, waarde] : kopregels) {
        if (gelijk_op_hoofdletters_na(naam, "Content-Length")) {
            if (lengte != nullptr && *lengte != waarde) lengtes_verschillen = true;
            if (lengte == nullptr) lengte = &waarde;
        } else if (gelijk_op_hoofdletters_na(naam, "Transfer-Encoding")) {
            // Two such headers are one list; anything but a single "chunked" is refused below anyway.
            if (overdracht != nullptr) return {Lichaamsvorm::Soort::ongeldig, 0, "het verzoek noemt Transfer-Encoding twee keer"};
            overdracht = &waarde;
        } else if (gelijk_op_hoofdletters_na(naam, "Content-Encoding")) {
            // Two such headers are one list (RFC 9110, 5.3): a gzip one is not undone by an identity one.
            if (codering == nullptr || gelijk_op_hoofdletters_na(zonder_witruimte(*codering), "identity")) codering = &waarde;
        }
    }
    Lichaamsvorm vorm;
    if (overdracht != nullptr) {
        // Both: a request that two readers could split in two different ways (request smuggling).
        if (lengte != nullptr)
            return {Lichaamsvorm::Soort::ongeldig, 0, "het verzoek heeft zowel Content-Length als Transfer-Encoding"};
        if (!gelijk_op_hoofdletters_na(zonder_witruimte(*overdracht), "chunked"))
            return {Lichaamsvorm::Soort::ongeldig, 0,
                    fmt::format("Transfer-Encoding '{}' wordt niet gelezen; alleen 'chunked'", *overdracht)};
        vorm.soort = Lichaamsvorm::Soort::stukken;
    } else if (lengte != nullptr) {
        if (lengtes_verschillen)
            return {Lichaamsvorm::Soort::ongeldig, 0, "het verzoek noemt twee verschillende lengtes (Content-Length)"};
        // Digits only, as RFC 9110 (8.6) has it: no sign, no list, no spaces (those the header parser
        // already took off the ends). 18 digits cannot overflow.
        if (lengte->empty() || lengte->size() > 18)
            return {Lichaamsvorm::Soort::ongeldig, 0, fmt::format("Content-Length '{}' is geen lengte", *lengte)};
        std::size_t n = 0;
        for (char c : *lengte) {
            if (c < '0' || c > '9')
                return {Lichaamsvorm::Soort::ongeldig, 0, fmt::format("Content-Length '{}' is geen lengte", *lengte)};
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        vorm.soort = Lichaamsvorm::Soort::lengte;
        vorm.lengte = n;
    }
    // A compressed body of a few kilobytes can inflate to gigabytes: cpp-httplib would inflate it into
    // memory with no limit. The reverse proxy compresses answers; requests come uncompressed.
    if (codering != nullptr && !gelijk_op_hoofdletters_na(zonder_witruimte(*codering), "identity"))
        return {Lichaamsvorm::Soort::gecomprimeerd, 0,
                fmt::format("een gecomprimeerd lichaam (Content-Encoding: {}) wordt niet gelezen; stuur het profiel "
                            "ongecomprimeerd als application/json of application/yaml",
                            *codering)};
    return vorm;
}

}  // namespace ww::web
