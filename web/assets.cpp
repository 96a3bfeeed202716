// SPDX-License-Identifier: EUPL-1.2
#include "web/assets.hpp"

#include <array>
#include <utility>

namespace ww::web {

std::string_view inhoudstype_van(std::string_view pad) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> typen{{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".txt", "text/plain; charset=utf-8"},
        {".yaml", "application/yaml"},
        {".map", "application/json"},
        {".wasm", "application/wasm"},
    }};
    for (const auto& [extensie, type] : typen)
        if (pad.size() > extensie.size() && pad.ends_with(extensie)) return type;
    return "application/octet-stream";
}

std::optional<Asset> zoek_asset(std::string_view pad) {
    if (pad == "/") pad = "/index.html";
    if (!pad.starts_with('/')) return std::nullopt;
    pad.remove_prefix(1);
    for (const IngebedBestand& b : app_bestanden())
        if (pad == b.pad) return Asset{b.tekst(), inhoudstype_van(pad)};
    return std::nullopt;
}

}  // namespace ww::web
