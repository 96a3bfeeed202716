// SPDX-License-Identifier: EUPL-1.2
// The web app's assets (web/app/, embedded at build time) by request path, with their content type.
// Generic on purpose: whatever files web/app/ holds are served, `/` being its index.html; nothing here
// knows what the page does.
#pragma once

#include <optional>
#include <string_view>

#include "web/ingebed_bestand.hpp"

namespace ww::web {

struct Asset {
    std::string_view inhoud;
    std::string_view inhoudstype;  // "text/html; charset=utf-8", ...
};

// The asset at request path `pad` ("/" and "/index.html" give index.html); nullopt when there is none.
// Paths are compared as given: "..", "//" or a percent sign never match a file.
std::optional<Asset> zoek_asset(std::string_view pad);

// The content type of a file by its extension; application/octet-stream when unknown.
std::string_view inhoudstype_van(std::string_view pad);

}  // namespace ww::web
