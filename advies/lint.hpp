// SPDX-License-Identifier: EUPL-1.2
// Static checks of a knowledge base beyond what the rule loader checks: what the advice layer relies
// on (the input templates, the vocabulary, advies and stap records that fit the output contract).
#pragma once

#include <string>
#include <vector>

#include "advies/fout.hpp"
#include "rules/rule_base.hpp"

namespace ww::advies {

struct LintVerslag {
    std::vector<Fout> fouten;
    std::size_t regels = 0;
    std::size_t templates = 0;
    std::size_t feiten = 0;
};

// `map` names the knowledge base in messages that have no better place.
LintVerslag lint(const RuleBase& kennisbank, const std::string& map);

}  // namespace ww::advies
