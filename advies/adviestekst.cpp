// SPDX-License-Identifier: EUPL-1.2
#include "advies/adviestekst.hpp"

#include "advies/opmaak_html.hpp"
#include "advies/rapport_datum.hpp"
#include "advies/rapport_gegevens.hpp"

namespace ww::advies {

std::string adviestekst(Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht,
                        Formaat formaat, const OpmaakOpties& opties) {
    const bool html = formaat == Formaat::html;
    // The report names an advice's rule, not its record (the advice text it already shows), and
    // writes each derivation from where the consultation keeps it.
    const Advies& advies = html ? raadpleging.raadpleeg_voor_rapport(invoer, opdracht)
                                : raadpleging.raadpleeg(invoer, opdracht, opties.uitleg);
    if (formaat == Formaat::markdown) {
        OpmaakOpties o = opties;
        o.namen = &raadpleging.kennisbanknamen();
        return opmaak(advies, formaat, o);
    }
    if (!html) return opmaak(advies, formaat, opties);
    RapportGegevens gegevens;
    gegevens.programma = advies.herkomst.programma;
    gegevens.kennisbank = raadpleging.rapport_kennisbank();
    gegevens.datum = rapport_datum();
    lees_profielfeiten(invoer, gegevens);
    gegevens.kennisbanknamen = &raadpleging.kennisbanknamen_met_tafel();
    gegevens.afleidingen = raadpleging.afleidingen();
    return als_html(advies, gegevens, opties);
}

}  // namespace ww::advies
