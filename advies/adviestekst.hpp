// SPDX-License-Identifier: EUPL-1.2
// The advice for a profile that has been read, written in one of the formats: what `wegwijzer advies`
// prints and what the service (web/) returns. One function for both, so that the service's JSON is
// the command line's byte for byte.
#pragma once

#include <string>

#include "advies/invoer.hpp"
#include "advies/kennisbank.hpp"
#include "advies/opmaak.hpp"
#include "advies/raadpleging.hpp"

namespace ww::advies {

// Consults `raadpleging` for `invoer` and formats the advice. The HTML report
// always carries each advice's derivation, behind a fold; the other formats only with opties.uitleg.
// Throws what Raadpleging::raadpleeg throws, and InvoerFout for a SOURCE_DATE_EPOCH that is no date.
std::string adviestekst(Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht,
                        Formaat formaat, const OpmaakOpties& opties);

class Uitbuffer;

// As adviestekst, appended to `uit` (advies/uitbuffer.hpp): the service sends JSON and the report from
// there, without copying them into a string first (13 kB for a report of a young profile).
void adviestekst_in(Uitbuffer& uit, Raadpleging& raadpleging, const Invoer& invoer, Opdracht opdracht,
                    Formaat formaat, const OpmaakOpties& opties);

}  // namespace ww::advies
