// SPDX-License-Identifier: EUPL-1.2
// Numbers as a Dutch reader expects them in a report: a decimal comma, a point between thousands
// (`11.400 inwoners`, `21,5%`).
#pragma once

#include <string>

namespace ww::advies {

// `x` rounded to at most `decimalen` decimals, without trailing zeros ("21", "21,5"); thousands
// grouped with a point from 1.000 on. Not for years, which are written without a point.
std::string getal_nl(double x, int decimalen = 1);

// `x` with exactly `decimalen` decimals and a decimal point, as fmt's "{:.Nf}" and std::to_chars write
// it (all round the exact binary value correctly): up to 4 decimals and below 2^52 by integer
// arithmetic (some 60 instructions; to_chars takes 570, fmt::format 1,300, and a report with figures
// has some 600 chart coordinates), else through std::to_chars.
std::string vast(double x, int decimalen);

}  // namespace ww::advies
