// SPDX-License-Identifier: EUPL-1.2
// The headers every answer of the service carries: a Content-Security-Policy that allows no inline
// script and nothing from elsewhere, nosniff, no referrer, no framing; CORS only for the origin given
// with --cors.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ww::web {

using Kopregels = std::vector<std::pair<std::string, std::string>>;

// A header value without the optional white space (spaces, tabs) at its ends (RFC 9110, 5.6.3).
inline std::string_view zonder_witruimte(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// For every answer; `cors`: the allowed origin, "" for none.
Kopregels standaard_kopregels(std::string_view cors);

// The policy of the web app and the API: scripts, styles, images and requests from this service only.
inline constexpr std::string_view csp_app =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
// The HTML report (Accept: text/html) is one self-contained file with inline CSS and SVG, and no
// script at all: the policy it carries in its own <meta> tag (advies/opmaak_html.cpp), plus no framing.
inline constexpr std::string_view csp_rapport =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

}  // namespace ww::web
