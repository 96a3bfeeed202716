// SPDX-License-Identifier: EUPL-1.2
// Numbers as a Dutch reader expects them in a report: a decimal comma, a point between thousands
// (`11.400 inwoners`, `21,5%`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ww::advies {

// `x` rounded to at most `decimalen` decimals, without trailing zeros ("21", "21,5"); thousands
// grouped with a point from 1.000 on. Not for years, which are written without a point.
std::string getal_nl(double x, int decimalen = 1);

// A whole number `n` as getal_nl(n) writes it ("42.000", "-1.234.567"), written at `uit`, which needs
// room for 27 bytes; returns the end. Without the double, the string and the searches getal_nl makes
// (some 600 instructions), for the inwoners on every report. Only for |n| below geheel_nl_grens, where
// the double getal_nl takes is n itself.
inline constexpr long long geheel_nl_grens = 1LL << 52;
char* geheel_nl_in(char* uit, long long n);

// `x` with exactly `decimalen` decimals and a decimal point, as fmt's "{:.Nf}" and std::to_chars write
// it (all round the exact binary value correctly): up to 4 decimals and below 2^52 by integer
// arithmetic (some 60 instructions; to_chars takes 570, fmt::format 1,300, and a report with figures
// has some 600 chart coordinates), else through std::to_chars.
std::string vast(double x, int decimalen);
// vast(x, decimalen) written at `uit` (room for 32 bytes) when the integer arithmetic above applies;
// returns the end, or nullptr (nothing written) when vast would go through std::to_chars.
char* vast_in(char* uit, double x, int decimalen);

// Reading: "38.000", "38,000" or "38 000", a whole number with its thousands grouped (one to three digits,
// then groups of three, one separator throughout). The separator, or nothing when `s` is not written
// so ("2023.0", "12,5" and "38000" are not).
std::optional<char> duizendtalscheiding(std::string_view s);

}  // namespace ww::advies
