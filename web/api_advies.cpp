// SPDX-License-Identifier: EUPL-1.2
// POST /api/v1/advies and POST /api/v1/communicatie: the advice for the profile in the body, in the
// format Accept asks for, made by the same function as `wegwijzer advies` (advies/adviestekst.hpp).
#include "advies/adviestekst.hpp"
#include "advies/fout.hpp"
#include "advies/uitbuffer.hpp"
#include "web/metrieken.hpp"
#include "web/onderhandeling.hpp"
#include "web/profiel_verzoek.hpp"
#include "web/raadplegingen.hpp"
#include "web/routes.hpp"
#include "web/verzoek_fout.hpp"
#include "web/kopregels.hpp"

namespace ww::web {

namespace {

Antwoord advies_antwoord(const Verzoek& v, Omgeving& o, advies::Opdracht opdracht) {
    advies::OpmaakOpties opties;
    try {
        opties.uitleg = janee_parameter(v, "uitleg", false);
    } catch (const ParameterFout& e) {
        return foutantwoord(400, e.what());
    }
    auto raadpleging = o.raadplegingen.leen();
    GelezenProfiel profiel = lees_profiel(v, raadpleging->vocabulaire(), opdracht);
    if (!profiel.invoer) return std::move(profiel.fout);
    const advies::Formaat formaat = gevraagd_formaat(v.accept);
    Antwoord a;
    try {
        advies::adviestekst_in(a.in_buffer.emplace(), *raadpleging, *profiel.invoer, opdracht, formaat, opties);
    } catch (const advies::InvoerFout& e) {
        // A profile the engine cannot finish (its firing limit): a problem of this input.
        return foutantwoord(422, verzoekfouten(e.fouten));
    }
    o.metrieken.raadpleging();
    a.inhoudstype = antwoordtype(formaat);
    if (formaat == advies::Formaat::html) a.kopregels.voeg_toe("Content-Security-Policy", csp_rapport);
    a.kopregels.voeg_toe("Vary", "Accept");
    return a;
}

}  // namespace

Route advies_route() {
    return {"POST", "/api/v1/advies", [](const Verzoek& v, Omgeving& o) { return advies_antwoord(v, o, advies::Opdracht::advies); }};
}

Route communicatie_route() {
    return {"POST", "/api/v1/communicatie",
            [](const Verzoek& v, Omgeving& o) { return advies_antwoord(v, o, advies::Opdracht::communicatie); }};
}

}  // namespace ww::web
