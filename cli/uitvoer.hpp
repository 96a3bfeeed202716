// SPDX-License-Identifier: EUPL-1.2
// Every byte wegwijzer writes to standard output and standard error goes through here, so that a
// failed write is never reported as success (docs/robuustheid.md, "Uitvoer"): a full disk, /dev/full,
// a closed standard output or a file-size limit (`ulimit -f`) gives a Dutch message on standard error
// and status 1. A reader that went away (a closed pipe, EPIPE) is the one failure passed over in
// silence: `wegwijzer advies p.yaml | head` is a normal use.
#pragma once

#include <string>
#include <string_view>

#include "advies/opdrachten.hpp"

namespace ww::cli {

// Call first in main: ignores SIGPIPE and SIGXFSZ (a write then fails with EPIPE or EFBIG instead of
// killing the process) and keeps descriptors 0-2 occupied when they were closed, so that no file the
// program opens later becomes its standard output.
void bereid_uitvoer_voor();

// `tekst` with every control character other than tab and line feed (C0, DEL, C1) written out
// visibly as \xHH or \u00HH: what reaches a terminal cannot move the cursor, clear the screen or
// retitle the window. Profiles and scenarios may not contain them at all (rules/yaml_tree.cpp); rule
// and fact files may, and their texts reach `run` and the messages.
std::string zichtbaar(std::string_view tekst);

// Writes all of `tekst` to standard output (fd 1), unbuffered; remembers the first failure.
void schrijf_uit(std::string_view tekst);
// Likewise to standard error, through zichtbaar (no diagnostic writes colours); a failure there cannot be reported, but still changes status 0 into 1.
void schrijf_fout(std::string_view tekst);
// The output and diagnostics of an advies command, each in one go.
void schrijf(const advies::Uitvoer& uitvoer);

// Call last in main: flushes what went through std::cout or C stdio (CLI11's --help and --version),
// closes standard output and turns any failure so far into a message and status 1. Returns the exit
// status: `status` when all output arrived (or the reader went away), 1 otherwise.
int sluit_uitvoer(int status);

}  // namespace ww::cli
