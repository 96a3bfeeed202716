// SPDX-License-Identifier: EUPL-1.2
// How deeply one text of the rule language nests, measured before parsing: the X3 grammar recurses
// once per bracket, `not` and unary minus, and the compiled expression is a tree as deep as its
// chains of operators, evaluated and destroyed recursively. A text nested beyond
// limits::max_expression_depth is refused instead of overflowing the stack.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ww {

// An upper bound on both depths for `text`, computed without parsing; string literals and their
// `{...}` parts are followed. Returns the offset where the bound first exceeds `limit`, or nullopt.
std::optional<std::size_t> too_deep(std::string_view text, int limit);

}  // namespace ww
