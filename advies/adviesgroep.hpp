// SPDX-License-Identifier: EUPL-1.2
// The group of an advice: "Nu doen" (the acties of the current step), "Waarschuwingen", "Verder" (the
// rest). The one place that says which group an advice is in: the ordering sorts by it, the human
// formats head the list with it, the JSON names it in the field `groep`, and the library gives it to
// embedders (wegwijzer::groep, wegwijzer_adviezen_groep).
#pragma once

#include <string_view>

#include "advies/advies.hpp"

namespace ww::advies {

// In the order of the list: orden sorts by it.
enum class Adviesgroep { nu_doen, waarschuwingen, verder };

// The step whose acties are "Nu doen" may be none in particular: every actie is, whatever its step.
// A communication check is not a place in the stappenplan: what it asks to do comes first.
inline constexpr int alle_stappen = 0;
// Or no step at all: an advice whose huidige_stap is no step of the stappenplan (an embedder's own
// list with huidige_stap 0, "not known") has nothing to do now, rather than every actie. Without it,
// 0 would read as alle_stappen.
inline constexpr int geen_stap = -1;

// A step of the stappenplan: 1 to 5.
constexpr bool is_stap(int stap) { return stap >= 1 && stap <= static_cast<int>(stap_namen.size()); }

// The step whose acties are "Nu doen": the current step of an advice (geen_stap when that is no step),
// alle_stappen for a communication check.
constexpr int nu_doen_stap(Opdracht opdracht, int huidige_stap) {
    if (opdracht == Opdracht::communicatie) return alle_stappen;
    return is_stap(huidige_stap) ? huidige_stap : geen_stap;
}
inline int nu_doen_stap(const Advies& advies) { return nu_doen_stap(advies.opdracht, advies.huidige_stap); }

// An actie of the `nu_doen` step (or of any step, for alle_stappen; of none, for geen_stap) is "Nu
// doen"; an actie of another step never is (a finished stappenplan without a stap-5 actie has nothing
// to do now). Every waarschuwing is a warning, whatever its step; the rest is "Verder".
constexpr Adviesgroep adviesgroep(Soort soort, int stap, int nu_doen) {
    const bool van_nu = nu_doen == alle_stappen || (nu_doen != geen_stap && stap == nu_doen);
    if (soort == Soort::actie && van_nu) return Adviesgroep::nu_doen;
    return soort == Soort::waarschuwing ? Adviesgroep::waarschuwingen : Adviesgroep::verder;
}
constexpr Adviesgroep adviesgroep(const AdviesItem& item, int nu_doen) { return adviesgroep(item.soort, item.stap, nu_doen); }

// "nu_doen", "waarschuwingen", "verder": the word of the JSON field `groep`.
std::string_view naam_van(Adviesgroep groep);
// "Nu doen", "Waarschuwingen", "Verder": the heading of the group in the human formats.
std::string_view kop_van(Adviesgroep groep);

}  // namespace ww::advies
