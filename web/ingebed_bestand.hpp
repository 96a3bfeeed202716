// SPDX-License-Identifier: EUPL-1.2
// A file compiled into the program at build time (cmake/Inbedden.cmake): the web app's assets and the
// API's OpenAPI description. The service serves these from memory and never opens a file on disk.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace ww::web {

struct IngebedBestand {
    const char* pad;  // relative to the map it came from, with '/': "index.html", "js/app.js"
    const unsigned char* inhoud;
    std::size_t grootte;

    std::string_view tekst() const { return {reinterpret_cast<const char*>(inhoud), grootte}; }
};

// Every file under web/app/ and under web/api/, each sorted by path (generated at build time).
std::span<const IngebedBestand> app_bestanden();
std::span<const IngebedBestand> api_bestanden();

}  // namespace ww::web
