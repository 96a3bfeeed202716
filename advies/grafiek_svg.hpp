// SPDX-License-Identifier: EUPL-1.2
// The charts of an HTML report, drawn as inline SVG by the program (no script, no external file): per
// indicator the gemeente's series over the years with margins as error bars, against comparable
// gemeenten, and the current figures of its wijken and groups against the gemeente's own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "advies/rapport_gegevens.hpp"

namespace ww::advies {

// The figures of one indicator as the charts use them.
struct IndicatorCijfers {
    std::string id;        // indicator id
    std::string naam;      // as a title: "Het onveiligheidsgevoel in de eigen buurt"
    std::string gemeente;  // the gemeente's name
    // The gemeente as a whole, oldest first (rows without a year last, in the profile's order).
    std::vector<const RapportMeting*> reeks;
    // Per wijk and per group its current figure (the row with the latest year), by wijk, then group.
    std::vector<const RapportMeting*> delen;
    // The SMART target when it is on this indicator and the advice set a target figure (RapportDoel).
    const RapportDoel* doel = nullptr;
    // The nulmeting of this indicator as the report's appendix gives it (RapportNulmeting), if any.
    const RapportNulmeting::Waarde* nulmeting = nullptr;
};

// The figures of `indicator` in `gegevens`; `reeks` and `delen` point into `gegevens.metingen`.
IndicatorCijfers cijfers_van(const RapportGegevens& gegevens, std::string_view indicator, std::string_view gemeente);

// A name for a wijk or group row: "Noord", "Noord, 65+", "65+".
std::string deel_naam(const RapportMeting& m);

// A year as the charts and the report write it: "2027", or "2027,5" for a term of half years.
std::string jaar_nl(double jaar);

// The series chart (empty when the gemeente has no figure of its own). It marks the nulmeting and the
// SMART target's figure at the end of its term, with a line from the figure the target starts at. `sleutel` makes the element
// ids unique in the document.
std::string svg_verloop(const IndicatorCijfers& c, std::string_view sleutel);
// The wijken-and-groups chart (empty when there are none).
std::string svg_delen(const IndicatorCijfers& c, std::string_view sleutel);

// The text alternative of each chart: one sentence with every figure it shows.
std::string beschrijving_verloop(const IndicatorCijfers& c);
std::string beschrijving_delen(const IndicatorCijfers& c);

// The top of a value axis from 0 that holds `hoogste`, and its step: 1, 2, 2.5 or 5 times a power of
// ten, with at most six steps.
struct As {
    double top = 5;
    double stap = 1;
};
As as_voor(double hoogste);

}  // namespace ww::advies
