// SPDX-License-Identifier: EUPL-1.2
// A size given on the command line (--max-body): a number of bytes, optionally with a unit: k/KB
// (1000), KiB (1024), M/MB, MiB, G/GB, GiB; case-insensitive, spaces allowed before the unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ww::web {

// nullopt for anything else, and for sizes beyond 2^40 bytes.
std::optional<std::uint64_t> lees_grootte(std::string_view tekst);

// A size as a person reads it, exact: in the largest unit that divides it (1 MiB, 512 KiB, 2 MB, 200 kB),
// else in bytes with Dutch thousands separators (1.048.577 bytes).
std::string grootte_tekst(std::uint64_t bytes);

}  // namespace ww::web
