// SPDX-License-Identifier: EUPL-1.2
// CLI11 words its usage errors in English; users of wegwijzer read Dutch. This turns the errors
// CLI11 raises into Dutch sentences, keeping what the user typed (option names, values).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace ww::cli {

// `app`: the command line being parsed, for what it could not place (an unknown command).
std::string gebruiksfout_nl(const CLI::App& app, const CLI::Error& fout);

}  // namespace ww::cli
