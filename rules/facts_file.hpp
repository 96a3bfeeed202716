// SPDX-License-Identifier: EUPL-1.2
// Facts files for `wegwijzer run RULES FACTS`: a YAML list of facts in pattern syntax,
//   - "meting(indicator: onveilig_buurt, waarde: 21.0)"
// checked against the rule base's templates.
#pragma once

#include <string>
#include <vector>

#include "rules/rule_base.hpp"
#include "rules/source_file.hpp"

namespace ww {

// Throws LoadError with every problem of the file.
std::vector<FactSpec> read_facts_file(const std::string& path, const RuleBase& base);
std::vector<FactSpec> read_facts(const SourceFile& file, const RuleBase& base);

}  // namespace ww
