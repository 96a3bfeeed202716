// SPDX-License-Identifier: EUPL-1.2
#include "rules/parse.hpp"

#include <fmt/format.h>

#include "rules/grammar.hpp"
#include "rules/input_limits.hpp"
#include "rules/nesting_depth.hpp"

namespace ww {
namespace {

// The word at `pos` as the user would see it, for "onverwacht ..." messages.
std::string token_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '?' || c == '$'; };
    if (end < text.size() && is_word(text[end])) {
        while (end < text.size() && is_word(text[end])) ++end;
    } else if (end < text.size()) {
        ++end;
    }
    return std::string(text.substr(pos, end - pos));
}

std::string describe(std::string_view text, const parser::parse_state& state) {
    std::size_t pos = state.error_offset;
    bool at_end = pos >= text.size();
    // Every parser that can be expected is a named rule or a literal; a C++ type name here would be
    // a grammar slip, and is not shown to the user.
    if (state.expected == "einde" || state.expected.find("boost") != std::string::npos)
        return at_end ? "onverwacht einde van de tekst" : fmt::format("onverwachte tekst '{}'", token_at(text, pos));
    if (at_end) return fmt::format("verwacht: {}, maar de tekst houdt op", state.expected);
    return fmt::format("verwacht: {}, gevonden '{}'", state.expected, token_at(text, pos));
}

template <typename Rule, typename Attribute>
std::optional<ParseError> run(Rule const& rule, std::string_view text, Attribute& out) {
    namespace x3 = boost::spirit::x3;
    if (text.size() > limits::max_expression_bytes)
        return ParseError{0, fmt::format("te lange tekst ({} bytes; hoogstens {} per expressie, conditie, actie of feit)",
                                         text.size(), limits::max_expression_bytes)};
    if (auto at = too_deep(text, limits::max_expression_depth))
        return ParseError{static_cast<std::uint32_t>(*at),
                          fmt::format("te diep genest (meer dan {} niveaus haakjes en operatoren); splits de expressie",
                                      limits::max_expression_depth)};
    parser::parse_state state;
    state.begin = text.data();
    parser::iterator_type first = text.data();
    parser::iterator_type last = text.data() + text.size();
    auto const p = x3::with<parser::parse_state_tag>(std::ref(state))[rule];
    bool ok = false;
    try {
        ok = x3::phrase_parse(first, last, p, x3::ascii::space, out);
    } catch (const std::exception& e) {
        // Only numeric overflow and the like can get here; report it where the parse stood.
        return ParseError{static_cast<std::uint32_t>(first - text.data()), fmt::format("ongeldige tekst: {}", e.what())};
    }
    // A nested failure (an interpolation, a number too large) marks the state even when the parse
    // as a whole got past it; the text is wrong either way.
    if (ok && !state.failed) return std::nullopt;
    if (!state.failed) {
        state.error_offset = static_cast<std::uint32_t>(first - text.data());
        state.expected = "einde";
    }
    // Point at the first character that is not white space.
    while (state.error_offset < text.size() && std::isspace(static_cast<unsigned char>(text[state.error_offset])))
        ++state.error_offset;
    return ParseError{state.error_offset, describe(text, state)};
}

}  // namespace

std::optional<ParseError> parse_expression(std::string_view text, ast::expression& out) {
    return run(parser::expression_text(), text, out);
}
std::optional<ParseError> parse_condition(std::string_view text, ast::condition& out) {
    return run(parser::condition_text(), text, out);
}
std::optional<ParseError> parse_action(std::string_view text, ast::action& out) {
    return run(parser::action_text(), text, out);
}
std::optional<ParseError> parse_fact(std::string_view text, ast::pattern& out) {
    return run(parser::fact_text(), text, out);
}

}  // namespace ww
