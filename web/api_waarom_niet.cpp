// SPDX-License-Identifier: EUPL-1.2
// POST /api/v1/waarom-niet/{regel}: why a rule of the knowledge base gave no advice for the profile in
// the body; the text of `wegwijzer waarom-niet`, in JSON ({"regel", "tekst"}) or as plain text when
// Accept asks for text/plain.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "advies/suggestie.hpp"
#include "advies/waarom_niet.hpp"
#include "web/metrieken.hpp"
#include "web/profiel_verzoek.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"
#include "web/verzoek_fout.hpp"

namespace ww::web {

Route waarom_niet_route() {
    return {"POST", "/api/v1/waarom-niet/{regel}", [](const Verzoek& v, Omgeving& o) {
                const std::string& regel = v.delen.at(0);
                auto raadpleging = o.raadplegingen.leen();
                if (!raadpleging->engine().find_rule(regel)) {
                    std::vector<std::string> ids;
                    for (const auto* r : raadpleging->engine().rules()) ids.push_back(r->id);
                    return foutantwoord(404, fmt::format("de kennisbank heeft geen regel '{}'{}", regel, advies::bedoelde_je(regel, ids)));
                }
                GelezenProfiel profiel = lees_profiel(v, raadpleging->vocabulaire(), advies::Opdracht::advies);
                if (!profiel.invoer) return std::move(profiel.fout);
                try {
                    raadpleging->draai(*profiel.invoer);
                } catch (const advies::InvoerFout& e) {
                    return foutantwoord(422, verzoekfouten(e.fouten));
                }
                o.metrieken.raadpleging();
                const auto& engine = raadpleging->engine();
                std::string tekst = advies::waarom_niet_tekst(engine, engine.why_not(regel));
                Antwoord a;
                a.kopregels.voeg_toe("Vary", "Accept");
                if (v.accept.find("text/plain") != std::string_view::npos) {
                    a.inhoudstype = "text/plain; charset=utf-8";
                    a.lichaam = std::move(tekst);
                    return a;
                }
                nlohmann::ordered_json doc = {{"regel", regel}, {"tekst", std::move(tekst)}};
                a.lichaam = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
                return a;
            }};
}

}  // namespace ww::web
