// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer serve` runs the service as a program of its own, wegwijzer-dienst (web/dienst_main.cpp),
// which takes over the process (execv: same process id, so SIGTERM and systemd reach the service).
// Why not in `wegwijzer` itself: cpp-httplib is a shared library in Debian that brings libssl,
// libcrypto, brotli and the shared libstdc++ along; linked into `wegwijzer`, the dynamic loader spent
// 6.5 million cycles at every start instead of 0.1 million, for every command (docs/prestaties.md).
// This part needs no HTTP library: the command line links only it.
#pragma once

#include <string>
#include <vector>

#include "web/dienst_opties.hpp"

namespace ww::web {

// Where wegwijzer-dienst is: beside the running program (a build tree), else in
// ../libexec/wegwijzer/ from the installed program's directory. "" when it is in neither place.
std::string dienstprogramma();

// The arguments wegwijzer-dienst reads back into the same options (dienst_main.cpp).
std::vector<std::string> dienstargumenten(const DienstOpties& opties);

// Replaces this process by wegwijzer-dienst with `opties`. Returns only when that fails: 2 with a Dutch
// message on standard error.
int start_dienst(const DienstOpties& opties);

}  // namespace ww::web
