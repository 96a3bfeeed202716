// SPDX-License-Identifier: EUPL-1.2
// One line per request on standard error, for the gemeente's IT department and journald:
//   2026-12-03T03:12:45.123Z POST /api/v1/advies 200 1,2ms in=1834 uit=5120
// time (UTC), method, path, status, duration, and the sizes in bytes of the request and answer bodies.
// The path is the client's: control characters and spaces in it are written as %XX, so that a line
// stays one line and nothing reaches a terminal as a command.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ww::web {

std::string verzoekregel(std::string_view methode, std::string_view pad, int status, double seconden,
                         std::size_t in, std::size_t uit);

// Writes `regel` to standard error in one write, so that lines of parallel requests do not mix.
void schrijf_logregel(std::string_view regel);

}  // namespace ww::web
