// SPDX-License-Identifier: EUPL-1.2
#include "advies/adviestekst.hpp"

#include "advies/opmaak_html.hpp"
#include "advies/rapport_datum.hpp"
#include "advies/rapport_gegevens.hpp"
#include "advies/uitbuffer.hpp"

namespace ww::advies {

namespace {

// The report names an advice's rule, not its record (the advice text it already shows), and writes
// each derivation from where the consultation keeps it.
const Advies& raadpleeg_voor(Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht, Formaat formaat,
                             const OpmaakOpties& opties) {
    return formaat == Formaat::html ? raadpleging.raadpleeg_voor_rapport(invoer, opdracht)
                                    : raadpleging.raadpleeg(invoer, opdracht, opties.uitleg);
}

// Markdown and text are written as strings of their own (advies/opmaak.hpp).
std::string als_tekst_of_markdown(Raadpleging& raadpleging, const Advies& advies, Formaat formaat,
                                  const OpmaakOpties& opties) {
    if (formaat == Formaat::markdown) {
        OpmaakOpties o = opties;
        o.namen = &raadpleging.kennisbanknamen();
        return opmaak(advies, formaat, o);
    }
    return opmaak(advies, formaat, opties);
}

void in_buffer(Uitbuffer& uit, Raadpleging& raadpleging, const Invoer& invoer, const Advies& advies, Formaat formaat,
               const OpmaakOpties& opties) {
    if (formaat == Formaat::json) {
        als_json_in(uit, advies, opties);
        return;
    }
    RapportGegevens gegevens;
    gegevens.programma = advies.herkomst.programma;
    gegevens.kennisbank = raadpleging.rapport_kennisbank();
    gegevens.datum = rapport_datum();
    lees_profielfeiten(invoer, gegevens);
    lees_raadplegingsfeiten(raadpleging.engine(), gegevens);
    gegevens.kennisbanknamen = &raadpleging.kennisbanknamen_met_tafel();
    gegevens.afleidingen = raadpleging.afleidingen();
    als_html_in(uit, advies, gegevens, opties);
}

}  // namespace

std::string adviestekst(Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht,
                        Formaat formaat, const OpmaakOpties& opties) {
    const Advies& advies = raadpleeg_voor(raadpleging, invoer, opdracht, formaat, opties);
    if (formaat == Formaat::markdown || formaat == Formaat::text) return als_tekst_of_markdown(raadpleging, advies, formaat, opties);
    Uitbuffer uit;
    in_buffer(uit, raadpleging, invoer, advies, formaat, opties);
    return uit.klaar();
}

void adviestekst_in(Uitbuffer& uit, Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht,
                    Formaat formaat, const OpmaakOpties& opties) {
    const Advies& advies = raadpleeg_voor(raadpleging, invoer, opdracht, formaat, opties);
    if (formaat == Formaat::markdown || formaat == Formaat::text) uit += als_tekst_of_markdown(raadpleging, advies, formaat, opties);
    else in_buffer(uit, raadpleging, invoer, advies, formaat, opties);
}

}  // namespace ww::advies
