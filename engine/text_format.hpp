// SPDX-License-Identifier: EUPL-1.2
// `opmaak(patroon, waarden...)`: text with widths and decimals, after CLIPS's `format`. Kept apart
// from the function table because the load-time checks (rules/compiler.cpp) read a constant pattern
// with the same parser that formats at run time.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "engine/value.hpp"

namespace ww {

// Appends `values` formatted by `pattern` to `out`. Throws EvalError (Dutch, offset 0) on a bad
// pattern, a value that does not fit its directive, or too few or too many values.
void append_formatted(std::string_view pattern, std::span<const Value> values, std::string& out);

// The problem with `pattern` when it is given `count` values, without looking at the values; ""
// when there is none.
std::string format_pattern_problem(std::string_view pattern, std::size_t count);

}  // namespace ww
