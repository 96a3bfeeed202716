// SPDX-License-Identifier: EUPL-1.2
// The subcommands of `wegwijzer`. Each lives in its own cmd_NAME.cpp with a
//   void register_NAME(CLI::App& app, Context& context);
// that adds the subcommand and its callback; main.cpp calls them all. A callback does argument
// handling and output only (the logic is in the libraries) and sets context.exit_code.
// Errors may also leave a callback as exceptions; main.cpp turns them into messages and exit codes:
//   ww::LoadError -> its diagnostics on stderr, 2;  CLI11 parse errors -> 2;  anything else -> 1.
#pragma once

#include <CLI/CLI.hpp>

namespace ww::cli {

// Exit statuses of the program.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;   // a run could not complete (firing limit, action error)
inline constexpr int exit_bad_input = 2; // input files with errors, bad arguments

struct Context {
    int exit_code = exit_ok;
};

void register_run(CLI::App& app, Context& context);
void register_functies(CLI::App& app, Context& context);
void register_advies(CLI::App& app, Context& context);
void register_communicatie(CLI::App& app, Context& context);
void register_waarom_niet(CLI::App& app, Context& context);
void register_lint(CLI::App& app, Context& context);
void register_test(CLI::App& app, Context& context);
void register_maak_beeld(CLI::App& app, Context& context);
void register_sjabloon(CLI::App& app, Context& context);
void register_woordenschat(CLI::App& app, Context& context);
void register_schema(CLI::App& app, Context& context);
void register_serve(CLI::App& app, Context& context);
void register_vraaggesprek(CLI::App& app, Context& context);

}  // namespace ww::cli
