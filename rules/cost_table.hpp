// SPDX-License-Identifier: EUPL-1.2
// The rule cost profile as a table (`wegwijzer run --kosten`, `wegwijzer advies --kosten`).
#pragma once

#include <string>
#include <vector>

#include "engine/profile.hpp"

namespace ww {

// One line per rule that cost anything, costliest first (tokens at its nodes, then tokens its
// actions made, then the rule id), under a header, and a line of totals:
//   regel  tokens  conditie  activaties  vuringen  feiten  tokens-acties  [µs]
// `conditie` is the condition (1 = the first as written) whose nodes made the most tokens, with its
// share. Numbers in Dutch notation (decimal comma). Counts are divided by `runs` (one consultation
// of several, on average). With `time` a column of microseconds in the rule's firings; without it
// the table is deterministic.
std::string cost_table(const std::vector<RuleCost>& costs, bool time, std::size_t runs = 1);

}  // namespace ww
