// SPDX-License-Identifier: EUPL-1.2
// A size given on the command line (--max-body): a number of bytes, optionally with a unit: k/KB
// (1000), KiB (1024), M/MB, MiB, G/GB, GiB; case-insensitive, spaces allowed before the unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ww::web {

// nullopt for anything else, and for sizes beyond 2^40 bytes.
std::optional<std::uint64_t> lees_grootte(std::string_view tekst);

}  // namespace ww::web
