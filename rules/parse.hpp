// SPDX-License-Identifier: EUPL-1.2
// Parsing one text (a condition, an action, an expression, a fact) into its syntax tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rules/ast.hpp"

namespace ww {

// A syntax error: offset into the parsed text and a Dutch message.
struct ParseError {
    std::uint32_t offset = 0;
    std::string message;
};

std::optional<ParseError> parse_expression(std::string_view text, ast::expression& out);
std::optional<ParseError> parse_condition(std::string_view text, ast::condition& out);
std::optional<ParseError> parse_action(std::string_view text, ast::action& out);
// A fact in pattern syntax: `naam(slot: waarde, ...)`.
std::optional<ParseError> parse_fact(std::string_view text, ast::pattern& out);

}  // namespace ww
