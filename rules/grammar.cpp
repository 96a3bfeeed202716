// SPDX-License-Identifier: EUPL-1.2
// The one translation unit that compiles the X3 grammar.
#include "rules/grammar_def.hpp"

namespace ww::parser {

BOOST_SPIRIT_INSTANTIATE(expression_text_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(condition_text_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(action_text_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(fact_text_type, iterator_type, context_type)

expression_text_type const& expression_text() { return expression_text_rule; }
condition_text_type const& condition_text() { return condition_text_rule; }
action_text_type const& action_text() { return action_text_rule; }
fact_text_type const& fact_text() { return fact_text_rule; }

}  // namespace ww::parser
