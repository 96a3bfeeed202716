// SPDX-License-Identifier: EUPL-1.2
// The origin given with --cors, checked as the browser will compare it: the service sends it back
// byte for byte in Access-Control-Allow-Origin, and a browser allows the request only when it equals
// the page's origin exactly. "https://intranet.gemeente.nl/" (copied from the address bar) or a
// name without its scheme would start a service whose CORS never works, without a word.
#pragma once

#include <string>
#include <string_view>

namespace ww::web {

// "" when `tekst` is an origin (http or https, a host, optionally a port, nothing after it) or "*";
// else what is wrong with it, in Dutch, with the origin meant where that is clear.
std::string herkomst_fout(std::string_view tekst);

}  // namespace ww::web
