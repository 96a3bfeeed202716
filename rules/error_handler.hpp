// SPDX-License-Identifier: EUPL-1.2
// Positions for the grammar: every tagged AST node learns its offsets in the parsed text, and an
// expectation failure is turned into an offset plus what was expected. The offsets are later mapped
// onto FILE:LINE:COL through the YAML scalar the text came from (rules/source_map).
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>

#include <boost/spirit/home/x3.hpp>

#include "rules/ast.hpp"

namespace ww::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;

// Per-parse state reachable from every rule through the context.
struct parse_state {
    iterator_type begin = nullptr;
    bool failed = false;
    std::uint32_t error_offset = 0;
    std::string expected;  // the name of the rule or literal that was expected there
};

struct parse_state_tag;

// Base for the rule ids: records the positions of every tagged node on success.
struct annotate {
    template <typename Iterator, typename Attribute, typename Context>
    void on_success(Iterator const& first, Iterator const& last, Attribute& attr, Context const& context) const {
        if constexpr (std::is_base_of_v<ast::tagged, Attribute>) {
            parse_state& state = x3::get<parse_state_tag>(context).get();
            attr.offset = static_cast<std::uint32_t>(first - state.begin);
            attr.end = static_cast<std::uint32_t>(last - state.begin);
        }
    }
};

// Base for the top-level rule ids only: also records the expectation failure. Inner rules must not
// handle failures, or an alternative could backtrack past a real error.
struct annotate_and_report : annotate {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& x, Context const& context) const {
        parse_state& state = x3::get<parse_state_tag>(context).get();
        if (!state.failed) {
            state.failed = true;
            state.error_offset = static_cast<std::uint32_t>(x.where() - state.begin);
            state.expected = x.which();
        }
        return x3::error_handler_result::fail;
    }
};

using phrase_context_type = x3::phrase_parse_context<x3::ascii::space_type>::type;
using context_type = x3::context<parse_state_tag, std::reference_wrapper<parse_state>, phrase_context_type>;

}  // namespace ww::parser
