// SPDX-License-Identifier: EUPL-1.2
// POST /api/v1/vragen: the guided interview (docs/vraaggesprek.md). For the profile so far (the body),
// the questions that are open and relevant now, in order, as advies/vraaggesprek.hpp computes them
// for `wegwijzer vraaggesprek`; an empty list when nothing is left to ask.
#include <string>

#include <nlohmann/json.hpp>

#include "advies/vraaggesprek.hpp"
#include "web/metrieken.hpp"
#include "web/profiel_verzoek.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"
#include "web/verzoek_fout.hpp"

namespace ww::web {

Route vragen_route() {
    return {"POST", "/api/v1/vragen", [](const Verzoek& v, Omgeving& o) {
                auto raadpleging = o.raadplegingen.leen();
                // The same checks and error answers as every endpoint that reads a profile.
                GelezenProfiel profiel = lees_profiel(v, raadpleging->vocabulaire(), advies::Opdracht::advies);
                if (!profiel.invoer) return std::move(profiel.fout);
                const advies::Vragenlijst vragen(raadpleging->kennisbank());
                advies::VragenAntwoord uit;
                try {
                    uit = advies::vragen_voor_tekst(*raadpleging, vragen, v.lichaam, "verzoek");
                } catch (const advies::InvoerFout& e) {
                    return foutantwoord(422, verzoekfouten(e.fouten));
                }
                if (!uit.fouten.empty()) return foutantwoord(422, verzoekfouten(uit.fouten));
                o.metrieken.raadpleging();
                Antwoord a;
                a.lichaam = uit.json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
                return a;
            }};
}

}  // namespace ww::web
