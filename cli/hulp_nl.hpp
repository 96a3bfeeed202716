// SPDX-License-Identifier: EUPL-1.2
// CLI11's help in Dutch: the labels of its formatter (Usage, OPTIONS, REQUIRED, TEXT, ...) and the
// group names of options and subcommands.
#pragma once

#include <CLI/CLI.hpp>

namespace ww::cli {

// Before the options and subcommands are added (they copy the defaults).
void nederlandse_hulp(CLI::App& app);
// After: puts every subcommand in the group "Opdrachten".
void groepeer_opdrachten(CLI::App& app);

}  // namespace ww::cli
