// SPDX-License-Identifier: EUPL-1.2
// Numbers as a Dutch reader expects them in a report: a decimal comma, a point between thousands
// (`11.400 inwoners`, `21,5%`).
#pragma once

#include <string>

namespace ww::advies {

// `x` rounded to at most `decimalen` decimals, without trailing zeros ("21", "21,5"); thousands
// grouped with a point from 1.000 on. Not for years, which are written without a point.
std::string getal_nl(double x, int decimalen = 1);

// `x` with exactly `decimalen` decimals and a decimal point, as fmt's "{:.Nf}" writes it (both round
// the exact binary value correctly), through std::to_chars: a fifth of fmt::format's cost, which
// mattered for a report's hundreds of chart coordinates.
std::string vast(double x, int decimalen);

}  // namespace ww::advies
