// SPDX-License-Identifier: EUPL-1.2
// The HTML report (`--format html`): one self-contained file for an adviseur to hand to a bestuur or
// print to PDF. CSS and SVG are inline and nothing is fetched from elsewhere (a Content-Security-Policy
// in the file forbids it too). A service returns the same text for `Accept: text/html`.
#pragma once

#include <string>

#include "advies/advies.hpp"
#include "advies/opmaak.hpp"
#include "advies/rapport_gegevens.hpp"

namespace ww::advies {

// The report of `advies` with the facts and names in `gegevens` (an empty RapportGegevens gives a
// report of the advice alone). Items that carry an `uitleg` show it behind a fold. The output is a
// function of its arguments only: the date is in `gegevens`.
std::string als_html(const Advies& advies, const RapportGegevens& gegevens, const OpmaakOpties& opties);
// As als_html, appended to `uit` (advies/uitbuffer.hpp): the service sends it from there.
void als_html_in(Uitbuffer& uit, const Advies& advies, const RapportGegevens& gegevens, const OpmaakOpties& opties);

// The markup of the Tafel van 12 that depends on `factoren` alone (see HtmlTafel), as als_html writes it.
HtmlTafel html_tafel(const std::vector<RapportFactor>& factoren);

}  // namespace ww::advies
