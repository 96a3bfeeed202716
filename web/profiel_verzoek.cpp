// SPDX-License-Identifier: EUPL-1.2
#include "web/profiel_verzoek.hpp"

#include <fmt/format.h>

#include "advies/profiel_lezer.hpp"
#include "web/onderhandeling.hpp"
#include "web/verzoek_fout.hpp"

namespace ww::web {

GelezenProfiel lees_profiel(const Verzoek& verzoek, const advies::Vocabulaire& vocabulaire, advies::Opdracht opdracht) {
    GelezenProfiel g;
    if (!lichaamssoort(verzoek.inhoudstype)) {
        g.fout = foutantwoord(415, verzoek.inhoudstype.empty()
                                       ? std::string("het verzoek heeft geen Content-Type; stuur het profiel als application/json of application/yaml")
                                       : fmt::format("Content-Type '{}' wordt niet gelezen; stuur het profiel als application/json of application/yaml",
                                                     verzoek.inhoudstype));
        g.fout.kopregels.voeg_toe("Accept-Post", "application/json, application/yaml");
        return g;
    }
    // JSON is YAML: one reader for both, as on the command line, with positions in the body.
    auto gelezen = advies::lees_profiel_tekst(verzoek.lichaam, "verzoek", vocabulaire, opdracht);
    if (gelezen.invoer) g.invoer = std::move(gelezen.invoer);
    else g.fout = foutantwoord(422, verzoekfouten(gelezen.fouten));
    return g;
}

}  // namespace ww::web
