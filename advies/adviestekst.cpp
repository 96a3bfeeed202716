// SPDX-License-Identifier: EUPL-1.2
#include "advies/adviestekst.hpp"

#include "advies/opmaak_html.hpp"
#include "advies/rapport_datum.hpp"
#include "advies/rapport_gegevens.hpp"

namespace ww::advies {

namespace {

// A knowledge base without a manifest, as a report names it: the name of its map.
std::string kennisbank_naam(const std::string& map) {
    std::string naam = map;
    while (naam.size() > 1 && naam.back() == '/') naam.pop_back();
    const auto schuin = naam.find_last_of('/');
    return schuin == std::string::npos ? naam : naam.substr(schuin + 1);
}

}  // namespace

std::string adviestekst(const Kennisbank& kennisbank, Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht,
                        Formaat formaat, const OpmaakOpties& opties) {
    const bool html = formaat == Formaat::html;
    // The report names an advice's rule, not its record (the advice text it already shows).
    const Advies& advies = raadpleging.raadpleeg(invoer, opdracht, opties.uitleg || html, !html);
    if (formaat == Formaat::markdown) {
        OpmaakOpties o = opties;
        o.namen = &raadpleging.kennisbanknamen();
        return opmaak(advies, formaat, o);
    }
    if (!html) return opmaak(advies, formaat, opties);
    RapportGegevens gegevens;
    const Herkomst& h = advies.herkomst;
    gegevens.programma = h.programma;
    gegevens.kennisbank = h.naam ? *h.naam + (h.versie ? " " + *h.versie : std::string()) : kennisbank_naam(kennisbank.map());
    gegevens.kennisbank += " (sleutel " + h.sleutel + ")";
    gegevens.datum = rapport_datum();
    lees_profielfeiten(invoer, gegevens);
    gegevens.kennisbanknamen = &raadpleging.kennisbanknamen();
    return als_html(advies, gegevens, opties);
}

}  // namespace ww::advies
