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

// The step whose acties are "Nu doen": the current step of an advice, alle_stappen for a communication check.
constexpr int nu_doen_stap(Opdracht opdracht, int huidige_stap) {
    return opdracht == Opdracht::communicatie ? alle_stappen : huidige_stap;
}
inline int nu_doen_stap(const Advies& advies) { return nu_doen_stap(advies.opdracht, advies.huidige_stap); }

// An actie of the `nu_doen` step (or of any step, for alle_stappen) is "Nu doen"; an actie of another
// step never is (a finished stappenplan without a stap-5 actie has nothing to do now). Every
// waarschuwing is a warning, whatever its step; the rest is "Verder".
constexpr Adviesgroep adviesgroep(Soort soort, int stap, int nu_doen) {
    if (soort == Soort::actie && (nu_doen == alle_stappen || stap == nu_doen)) return Adviesgroep::nu_doen;
    return soort == Soort::waarschuwing ? Adviesgroep::waarschuwingen : Adviesgroep::verder;
}
constexpr Adviesgroep adviesgroep(const AdviesItem& item, int nu_doen) { return adviesgroep(item.soort, item.stap, nu_doen); }

// "nu_doen", "waarschuwingen", "verder": the word of the JSON field `groep`.
std::string_view naam_van(Adviesgroep groep);
// "Nu doen", "Waarschuwingen", "Verder": the heading of the group in the human formats.
std::string_view kop_van(Adviesgroep groep);

}  // namespace ww::advies
