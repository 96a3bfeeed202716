// SPDX-License-Identifier: EUPL-1.2
// The text of `wegwijzer functies`: the built-in functions an expression may call, and after them a
// knowledge base's own (its top-level key `functions`), so that whoever writes rules sees every name
// a call can have in one place.
#pragma once

#include <string>

#include "rules/rule_base.hpp"

namespace ww::advies {

// The built-in functions, one a line: signature and description, aligned on the widest signature.
std::string ingebouwde_functies();

// The own functions of `kennisbank`, read from `map` (a file of the knowledge base is shown relative to
// it): a heading that names the knowledge base as `naam` ("de kennisbank kb/"), and one line each, in
// written order, with its parameters, where it is written (FILE:LINE) and its description. "" when it
// has none.
std::string eigen_functies(const RuleBase& kennisbank, const std::string& map, const std::string& naam);

// How `wegwijzer functies` names a knowledge base: as the user named it (--kb, WEGWIJZER_KB), else
// the bundled one by what it says of itself, not by where it is installed, so that the list is the same
// on every machine: "de meegeleverde kennisbank CCV Stappenplan Veiligheidsbeleving 2.0.0".
std::string kennisbank_in_kop(const RuleBase& kennisbank, const std::string& map, bool meegeleverd);

}  // namespace ww::advies
