// SPDX-License-Identifier: EUPL-1.2
// A fully parenthesised form of an expression tree, for tests and debugging: `(+ 1 (* 2 3))`.
#pragma once

#include <string>

#include "rules/ast.hpp"

namespace ww::ast {

std::string to_sexpr(const expression& e);
std::string to_sexpr(const operand& o);

}  // namespace ww::ast
