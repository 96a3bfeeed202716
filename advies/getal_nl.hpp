// SPDX-License-Identifier: EUPL-1.2
// Numbers as a Dutch reader expects them in a report: a decimal comma, a point between thousands
// (`11.400 inwoners`, `21,5%`).
#pragma once

#include <string>

namespace ww::advies {

// `x` rounded to at most `decimalen` decimals, without trailing zeros ("21", "21,5"); thousands
// grouped with a point from 1.000 on. Not for years, which are written without a point.
std::string getal_nl(double x, int decimalen = 1);

}  // namespace ww::advies
