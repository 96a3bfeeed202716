// SPDX-License-Identifier: EUPL-1.2
// The gemeenteprofiel in a request's body, read exactly as the command line reads a profile file:
// the same reader, the same messages. For every route that takes a profile.
#pragma once

#include <optional>

#include "advies/invoer.hpp"
#include "advies/vocabulaire.hpp"
#include "web/route.hpp"

namespace ww::web {

struct GelezenProfiel {
    std::optional<advies::Invoer> invoer;  // set when the body is a valid profile
    Antwoord fout;                         // otherwise: 415 (Content-Type) or 422 (every problem)
};

GelezenProfiel lees_profiel(const Verzoek& verzoek, const advies::Vocabulaire& vocabulaire, advies::Opdracht opdracht);

}  // namespace ww::web
