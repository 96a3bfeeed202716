// SPDX-License-Identifier: EUPL-1.2
// Error answers of the API: always JSON, {"fouten": [{"regel", "kolom", "pad", "melding"}]}, every
// problem listed. `regel` and `kolom` are positions in the request body and absent where there is
// none; `melding` is the Dutch text the command line prints for the same problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advies/fout.hpp"
#include "web/route.hpp"

namespace ww::web {

struct VerzoekFout {
    int regel = 0;  // 0: no position
    int kolom = 0;
    std::string pad;  // "" when unknown
    std::string melding;
};

// The answer with status `status` and these problems.
Antwoord foutantwoord(int status, const std::vector<VerzoekFout>& fouten);
// One problem without a position.
Antwoord foutantwoord(int status, std::string melding);

// The problems with a request body, in the order the command line prints them, each with the path
// the profile reader gave it (advies::Fout::path; none for a syntax error or a problem that is not
// in the body, such as one in the knowledge base).
std::vector<VerzoekFout> verzoekfouten(std::vector<advies::Fout> fouten);

}  // namespace ww::web
