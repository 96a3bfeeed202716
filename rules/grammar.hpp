// SPDX-License-Identifier: EUPL-1.2
// The X3 grammar of the rule language's text parts. The definitions live in grammar_def.hpp and are
// compiled once, in grammar.cpp (explicit instantiation); everyone else uses rules/parse.hpp.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "rules/ast.hpp"
#include "rules/error_handler.hpp"

namespace ww::parser {

namespace x3 = boost::spirit::x3;

// Top-level rules: each consumes the whole input.
struct expression_text_class;
struct condition_text_class;
struct action_text_class;
struct fact_text_class;
using expression_text_type = x3::rule<expression_text_class, ast::expression>;
using condition_text_type = x3::rule<condition_text_class, ast::condition>;
using action_text_type = x3::rule<action_text_class, ast::action>;
using fact_text_type = x3::rule<fact_text_class, ast::pattern>;

BOOST_SPIRIT_DECLARE(expression_text_type, condition_text_type, action_text_type, fact_text_type)

expression_text_type const& expression_text();
condition_text_type const& condition_text();
action_text_type const& action_text();
fact_text_type const& fact_text();

}  // namespace ww::parser
