// SPDX-License-Identifier: EUPL-1.2
// Definitions of the grammar declared in grammar.hpp. Included only by grammar.cpp.
//
// Precedence, low to high: or; and; not; comparison (== != < <= > >= in, not in; not chained);
// + -; * / // %; unary -; postfix .slot and [i]; atoms.
#pragma once

#include <charconv>

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

#include "rules/ast.hpp"
#include "rules/ast_adapted.hpp"
#include "rules/error_handler.hpp"
#include "rules/grammar.hpp"

namespace ww::parser {

namespace x3 = boost::spirit::x3;
using x3::_attr;
using x3::_val;
using x3::lexeme;
using x3::lit;

// ---- rule ids; the names are what an error message says was expected ----
struct name_class;
struct kw_class;
struct expression_class : annotate {};
struct or_class : annotate {};
struct and_class : annotate {};
struct not_class : annotate {};
struct cmp_class : annotate {};
struct add_class : annotate {};
struct mul_class : annotate {};
struct unary_class : annotate {};
struct postfix_class : annotate {};
struct primary_class : annotate {};
struct variable_class : annotate {};
struct parameter_class : annotate {};
struct symbol_class : annotate {};
struct call_class : annotate {};
struct list_class : annotate {};
struct string_class : annotate {};
struct number_class : annotate {};
struct keyword_const_class : annotate {};
// No annotation: the offsets are those of the slot name (set by slot_name), not of the dot.
struct slot_suffix_class {};
struct index_suffix_class : annotate {};
struct interpolation_class : annotate {};
struct slot_constraint_class : annotate {};
struct pattern_class : annotate {};
struct condition_class : annotate {};
struct sub_condition_class : annotate {};
struct action_class : annotate {};
struct end_class;
struct expression_text_class : annotate_and_report {};
struct condition_text_class : annotate_and_report {};
struct action_text_class : annotate_and_report {};
struct fact_text_class : annotate_and_report {};

x3::rule<name_class, std::string> const name = "naam";
struct var_name_class;
x3::rule<var_name_class, std::string> const var_name = "naam";
x3::rule<expression_class, ast::expression> const expression = "expressie";
x3::rule<or_class, ast::expression> const or_expr = "expressie";
x3::rule<and_class, ast::expression> const and_expr = "expressie";
x3::rule<not_class, ast::operand> const not_expr = "expressie";
struct negation_class : annotate {};
x3::rule<negation_class, ast::unary> const negation = "expressie";
struct minus_class : annotate {};
x3::rule<minus_class, ast::unary> const minus = "expressie";
x3::rule<cmp_class, ast::expression> const cmp_expr = "expressie";
x3::rule<add_class, ast::expression> const add_expr = "expressie";
x3::rule<mul_class, ast::expression> const mul_expr = "expressie";
x3::rule<unary_class, ast::operand> const unary_expr = "expressie";
x3::rule<postfix_class, ast::postfix> const postfix_expr = "expressie";
x3::rule<primary_class, ast::operand> const primary = "waarde";
x3::rule<variable_class, ast::variable> const variable = "variabele (?naam)";
x3::rule<parameter_class, ast::parameter> const parameter = "parameter ($naam)";
x3::rule<symbol_class, ast::symbol_ref> const symbol = "symbool";
x3::rule<call_class, ast::call> const call = "functieaanroep";
x3::rule<list_class, ast::list_lit> const list = "lijst";
x3::rule<string_class, ast::string_lit> const string = "tekst";
x3::rule<number_class, ast::operand> const number = "getal";
x3::rule<keyword_const_class, ast::operand> const keyword_const = "true, false of nil";
x3::rule<slot_suffix_class, ast::slot_suffix> const slot_suffix = "slotnaam";
x3::rule<index_suffix_class, ast::index_suffix> const index_suffix = "index";
x3::rule<interpolation_class, ast::expression> const interpolation = "expressie";
x3::rule<slot_constraint_class, ast::slot_constraint> const slot_constraint = "slotbeperking (slot: waarde)";
x3::rule<pattern_class, ast::pattern> const pattern = "patroon (naam(slot: waarde, ...))";
x3::rule<condition_class, ast::condition> const condition = "conditie";
x3::rule<sub_condition_class, ast::sub_condition> const sub_condition = "patroon (of not/exists patroon)";
x3::rule<action_class, ast::action> const action = "actie (assert, retract, modify, duplicate, bind, halt, emit, focus, return, pop_focus)";
x3::rule<end_class> const end = "einde";

expression_text_type const expression_text_rule = "expressie";
condition_text_type const condition_text_rule = "conditie";
action_text_type const action_text_rule = "actie";
fact_text_type const fact_text_rule = "feit";

// Rules with semantic actions get no on_success call with their attribute (X3 passes `unused`
// then), and in this Boost version an action's _where() starts after the match. So positions are
// taken explicitly: leaves through x3::raw (whose range is exact), composite nodes through a
// leading eps[mark_start] (eps leaves the iterator on the first token) and mark_end in their action.
inline std::uint32_t offset_in(parse_state const& state, iterator_type it) {
    return static_cast<std::uint32_t>(it - state.begin);
}
template <typename Context>
parse_state& state_of(Context const& ctx) {
    return x3::get<parse_state_tag>(ctx).get();
}
auto const mark_start = [](auto& ctx) { _val(ctx).offset = offset_in(state_of(ctx), x3::_where(ctx).begin()); };
template <typename Context, typename Node>
void mark_end(Context const& ctx, Node& node) {
    node.end = offset_in(state_of(ctx), x3::_where(ctx).begin());
}
// A leaf from its raw range: offsets, and the name after `skip` sigil characters.
template <typename Context, typename Range, typename Node>
void from_range(Context const& ctx, Range const& range, Node& node) {
    node.offset = offset_in(state_of(ctx), range.begin());
    node.end = offset_in(state_of(ctx), range.end());
}

// ---- lexical helpers ----
auto const ident_char = x3::alnum | x3::char_('_');
inline auto kw(char const* word) { return lexeme[lit(word) >> !ident_char]; }

auto const reserved = kw("and") | kw("or") | kw("not") | kw("in") | kw("true") | kw("false") | kw("nil");

// A `-` joins two parts of a name (`bestuurlijk-discours`, `tafel-van-12`) when a letter or digit
// follows. Variable and parameter names have no `-`, so `?a-1` is a subtraction; between two bare
// names, write subtraction with spaces (`a - b`).
auto const name_def = lexeme[(x3::alpha | x3::char_('_')) >> *(ident_char | (x3::char_('-') >> &x3::alnum))];
auto const var_name_def = lexeme[(x3::alpha | x3::char_('_')) >> *ident_char];

// ---- operators ----
struct cmp_ops_ : x3::symbols<ast::binop> {
    cmp_ops_() { add("==", ast::binop::eq)("!=", ast::binop::ne)("<", ast::binop::lt)("<=", ast::binop::le)(">", ast::binop::gt)(">=", ast::binop::ge); }
} const cmp_ops;
struct add_ops_ : x3::symbols<ast::binop> {
    add_ops_() { add("+", ast::binop::add)("-", ast::binop::sub); }
} const add_ops;
struct mul_ops_ : x3::symbols<ast::binop> {
    mul_ops_() { add("*", ast::binop::mul)("//", ast::binop::idiv)("/", ast::binop::div)("%", ast::binop::mod); }
} const mul_ops;

struct cmp_op_class;
x3::rule<cmp_op_class, ast::binop> const cmp_op = "vergelijking";
auto const cmp_op_def = (kw("not") >> kw("in") >> x3::attr(ast::binop::not_in))
                  | (kw("in") >> x3::attr(ast::binop::in))
                  | cmp_ops;

// ---- expressions ----
auto const expression_def = or_expr;
auto const or_expr_def = and_expr >> *(kw("or") >> x3::attr(ast::binop::logical_or) > and_expr);
auto const and_expr_def = not_expr >> *(kw("and") >> x3::attr(ast::binop::logical_and) > not_expr);

auto const make_not = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).op = ast::unop::logical_not;
    _val(ctx).rhs = std::move(_attr(ctx));
};
auto const negation_def = x3::eps[mark_start] >> (kw("not") > not_expr)[make_not];
auto const not_expr_def = negation | cmp_expr;
auto const cmp_expr_def = add_expr >> *(cmp_op > add_expr);
auto const add_expr_def = mul_expr >> *(add_ops > mul_expr);
auto const mul_expr_def = unary_expr >> *(mul_ops > unary_expr);

auto const make_neg = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).op = ast::unop::neg;
    _val(ctx).rhs = std::move(_attr(ctx));
};
auto const minus_def = x3::eps[mark_start] >> (lit('-') > unary_expr)[make_neg];
struct rest_class : annotate {};
x3::rule<rest_class, ast::unary> const rest_var = "expressie";
// `...` without a name is a gap (CLIPS's `$?`): its operand stays nil_lit.
auto const make_rest = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).op = ast::unop::rest;
    if (_attr(ctx)) _val(ctx).rhs = std::move(*_attr(ctx));
    else _val(ctx).rhs = ast::nil_lit{};
};
auto const rest_var_def = x3::eps[mark_start] >> (lit("...") >> -variable)[make_rest];
auto const unary_expr_def = minus | rest_var | postfix_expr;

auto const postfix_expr_def = primary >> *(slot_suffix | index_suffix);
// From a raw range: the name is the range without its sigil (`?`, `$`) if any.
auto const set_name_from_range = [](auto& ctx) {
    auto const& range = _attr(ctx);
    from_range(ctx, range, _val(ctx));
    auto first = range.begin();
    if (first != range.end() && (*first == '?' || *first == '$')) ++first;
    _val(ctx).name.assign(first, range.end());
};
struct slot_name_class;
x3::rule<slot_name_class, ast::slot_suffix> const slot_name = "slotnaam";
auto const slot_name_def = x3::raw[name][set_name_from_range];
auto const slot_suffix_def = lit('.') > slot_name;
auto const set_index = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).index = std::move(_attr(ctx));
};
auto const index_suffix_def = x3::eps[mark_start] >> (lit('[') > expression > lit(']'))[set_index];

auto const variable_def = x3::raw[lexeme[lit('?') > var_name]][set_name_from_range];
auto const parameter_def = x3::raw[lexeme[lit('$') > var_name]][set_name_from_range];
auto const symbol_def = x3::raw[!reserved >> name][set_name_from_range];
auto const call_def = name >> lit('(') >> -(expression % ',') > lit(')');
auto const set_items = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    if (_attr(ctx)) _val(ctx).items = std::move(*_attr(ctx));
};
auto const list_def = x3::eps[mark_start] >> (lit('[') >> -(expression % ',') > lit(']'))[set_items];

// Numbers are matched through raw (for their position) and then converted from the matched text.
auto const make_float = [](auto& ctx) {
    auto const& range = _attr(ctx);
    ast::float_lit f;
    from_range(ctx, range, f);
    std::from_chars(range.begin(), range.end(), f.value);
    _val(ctx) = f;
};
auto const make_int = [](auto& ctx) {
    auto const& range = _attr(ctx);
    ast::int_lit i;
    from_range(ctx, range, i);
    auto result = std::from_chars(range.begin(), range.end(), i.value);
    if (result.ec != std::errc()) {
        // Too large for 64 bits: say so, rather than that an expression was expected here.
        parse_state& state = state_of(ctx);
        if (!state.failed) {
            state.failed = true;
            state.error_offset = i.offset;
            state.expected = "een geheel getal van hoogstens 64 bit";
        }
        x3::_pass(ctx) = false;
    }
    _val(ctx) = i;
};
// Spirit reads "nan" and "inf" as numbers; in the rule language they are names (symbols).
struct finite_real_policies : x3::strict_ureal_policies<double> {
    template <typename Iterator, typename Attribute>
    static bool parse_nan(Iterator&, Iterator const&, Attribute&) { return false; }
    template <typename Iterator, typename Attribute>
    static bool parse_inf(Iterator&, Iterator const&, Attribute&) { return false; }
};
x3::real_parser<double, finite_real_policies> const strict_double;
auto const number_def = x3::raw[lexeme[strict_double >> !ident_char]][make_float] |
                        x3::raw[lexeme[+x3::digit >> !ident_char]][make_int];

auto const make_true = [](auto& ctx) { ast::bool_lit b; from_range(ctx, _attr(ctx), b); b.value = true; _val(ctx) = b; };
auto const make_false = [](auto& ctx) { ast::bool_lit b; from_range(ctx, _attr(ctx), b); b.value = false; _val(ctx) = b; };
auto const make_nil = [](auto& ctx) { ast::nil_lit n; from_range(ctx, _attr(ctx), n); _val(ctx) = n; };
auto const keyword_const_def =
    x3::raw[kw("true")][make_true] | x3::raw[kw("false")][make_false] | x3::raw[kw("nil")][make_nil];

// Strings: literal characters are appended to the last literal part; `{expr}` starts a new part.
auto const append_char = [](auto& ctx) {
    auto& parts = _val(ctx).parts;
    if (parts.empty() || !boost::get<std::string>(&parts.back().get())) parts.emplace_back(std::string());
    boost::get<std::string>(parts.back().get()).push_back(_attr(ctx));
};
auto const append_expr = [](auto& ctx) { _val(ctx).parts.emplace_back(std::move(_attr(ctx))); };
// A run of ordinary characters at once (from its raw range): per-character attributes made string
// parsing the slowest part of loading.
auto const append_run = [](auto& ctx) {
    auto& parts = _val(ctx).parts;
    if (parts.empty() || !boost::get<std::string>(&parts.back().get())) parts.emplace_back(std::string());
    boost::get<std::string>(parts.back().get()).append(_attr(ctx).begin(), _attr(ctx).end());
};
struct escapes_ : x3::symbols<char> {
    escapes_() { add("\\\"", '"')("\\\\", '\\')("\\n", '\n')("\\t", '\t')("{{", '{')("}}", '}'); }
} const escapes;
// `{expr}` inside a string is parsed by a separate (run-time, not template) call: nesting a
// skipping parser inside the string's lexeme would make X3's context types grow without end.
// The nested parse measures offsets from the same start, so its positions are those of the whole text.
auto const parse_interpolation = [](auto& ctx) {
    parse_state& outer = x3::get<parse_state_tag>(ctx).get();
    parse_state inner;
    inner.begin = outer.begin;
    auto const& range = _attr(ctx);
    iterator_type first = range.begin();
    iterator_type last = range.end();
    auto const p = x3::with<parse_state_tag>(std::ref(inner))[expression_text_rule];
    bool ok = x3::phrase_parse(first, last, p, x3::ascii::space, _val(ctx));
    if (!ok || inner.failed) {
        if (!outer.failed) {
            outer.failed = true;
            outer.error_offset = inner.failed ? inner.error_offset : static_cast<std::uint32_t>(first - outer.begin);
            outer.expected = inner.failed ? inner.expected : "einde";
        }
        x3::_pass(ctx) = false;
    }
};
auto const nested_string = lit('"') >> *((lit('\\') >> x3::char_) | ~x3::char_('"')) >> lit('"');
auto const interpolation_def = (lit('{') >> x3::raw[*(nested_string | ~x3::char_("{}\""))] > lit('}'))[parse_interpolation];
auto const tag_string = [](auto& ctx) { mark_end(ctx, _val(ctx)); };
// The pieces are tried most frequent first; x3::omit keeps the loop from collecting attributes.
auto const string_def =
    x3::eps[mark_start] >>
    (lexeme[lit('"') >> x3::omit[*(x3::raw[+(~x3::char_("\"\\{}"))][append_run] | escapes[append_char] |
                                   interpolation[append_expr])] > lit('"')])[tag_string];

auto const primary_def = number | string | variable | parameter | list | keyword_const | call | symbol |
                         (lit('(') > expression > lit(')'));

// ---- patterns, conditions, actions ----
struct slot_ops_ : x3::symbols<ast::slot_op> {
    slot_ops_() {
        add(":", ast::slot_op::colon)("==", ast::slot_op::eq)("!=", ast::slot_op::ne)("<", ast::slot_op::lt)(
            "<=", ast::slot_op::le)(">", ast::slot_op::gt)(">=", ast::slot_op::ge);
    }
} const slot_ops;
struct slot_op_class;
x3::rule<slot_op_class, ast::slot_op> const slot_op = "':' of een vergelijking";
auto const slot_op_def = (kw("not") >> kw("in") >> x3::attr(ast::slot_op::not_in))
                   | (kw("in") >> x3::attr(ast::slot_op::in))
                   | slot_ops;

auto const slot_constraint_def = name > slot_op > expression;
auto const pattern_def = name >> lit('(') > -(slot_constraint % ',') > lit(')');

using boost::fusion::at_c;
auto const make_test = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::condition_kind::test;
    _val(ctx).expr = std::move(_attr(ctx));
};
auto const make_negation = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::condition_kind::negation;
    _val(ctx).pat = std::move(_attr(ctx));
};
auto const make_exists = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::condition_kind::exists;
    _val(ctx).pat = std::move(_attr(ctx));
};
auto const make_aggregate = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    auto& a = _attr(ctx);
    _val(ctx).kind = ast::condition_kind::aggregate;
    _val(ctx).var = std::move(at_c<0>(a));
    _val(ctx).aggregate = std::move(at_c<1>(a));
    _val(ctx).pat = std::move(at_c<2>(a));
    _val(ctx).also = std::move(at_c<3>(a));
    if (at_c<4>(a)) _val(ctx).expr = std::move(*at_c<4>(a));
};
auto const make_sub = [](ast::condition_kind kind) {
    return [kind](auto& ctx) {
        mark_end(ctx, _val(ctx));
        _val(ctx).kind = kind;
        _val(ctx).pat = std::move(_attr(ctx));
    };
};
auto const sub_condition_def = x3::eps[mark_start] >> (
    (kw("not") > pattern)[make_sub(ast::condition_kind::negation)]
    | (kw("exists") > pattern)[make_sub(ast::condition_kind::exists)]
    | pattern[make_sub(ast::condition_kind::pattern)]);
auto const make_bound = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    auto& a = _attr(ctx);
    _val(ctx).kind = ast::condition_kind::pattern;
    _val(ctx).var = std::move(at_c<0>(a));
    _val(ctx).pat = std::move(at_c<1>(a));
};
auto const make_plain = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::condition_kind::pattern;
    _val(ctx).pat = std::move(_attr(ctx));
};
auto const condition_def = x3::eps[mark_start] >> (
    (kw("test") > expression)[make_test]
    | (kw("not") > pattern)[make_negation]
    | (kw("exists") > pattern)[make_exists]
    | (variable >> lit('=') >> !lit('=') > name > lit('(') > pattern > *(kw("and") > sub_condition) >
       -(lit(',') > expression) > lit(')'))[make_aggregate]
    | (variable >> lit("<-") > pattern)[make_bound]
    | pattern[make_plain]);

auto const make_action = [](ast::action_kind kind) {
    return [kind](auto& ctx) {
        mark_end(ctx, _val(ctx));
        _val(ctx).kind = kind;
        _val(ctx).pat = std::move(_attr(ctx));
    };
};
auto const make_retract = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::action_kind::retract;
    _val(ctx).expr = std::move(_attr(ctx));
};
auto const make_changes = [](ast::action_kind kind) {
    return [kind](auto& ctx) {
        mark_end(ctx, _val(ctx));
        auto& a = _attr(ctx);
        _val(ctx).kind = kind;
        _val(ctx).var = std::move(at_c<0>(a));
        if (at_c<1>(a)) _val(ctx).pat.slots = std::move(*at_c<1>(a));
    };
};
auto const make_focus = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::action_kind::focus;
    _val(ctx).modules = std::move(_attr(ctx));
};
auto const make_bare = [](ast::action_kind kind) {
    return [kind](auto& ctx) {
        mark_end(ctx, _val(ctx));
        _val(ctx).kind = kind;
    };
};
auto const make_bind = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    auto& a = _attr(ctx);
    _val(ctx).kind = ast::action_kind::bind;
    _val(ctx).var = std::move(at_c<0>(a));
    _val(ctx).expr = std::move(at_c<1>(a));
};
// `return` and, in a function, `return expr` (its value).
auto const make_return = [](auto& ctx) {
    mark_end(ctx, _val(ctx));
    _val(ctx).kind = ast::action_kind::return_;
    if (auto& value = _attr(ctx)) _val(ctx).expr = std::move(*value);
};
auto const make_halt = [](auto& ctx) {
    mark_end(ctx, _val(ctx)); _val(ctx).kind = ast::action_kind::halt; };
auto const action_def = x3::eps[mark_start] >> (
    (kw("assert") > pattern)[make_action(ast::action_kind::assert_fact)]
    | (kw("emit") > pattern)[make_action(ast::action_kind::emit)]
    | (kw("retract") > expression)[make_retract]
    | (kw("modify") > variable > lit('(') > -(slot_constraint % ',') > lit(')'))[make_changes(ast::action_kind::modify)]
    | (kw("duplicate") > variable > lit('(') > -(slot_constraint % ',') > lit(')'))[make_changes(ast::action_kind::duplicate)]
    | (kw("bind") > variable > lit('=') > expression)[make_bind]
    | (kw("focus") > (symbol % ','))[make_focus]
    | (kw("return") >> -expression)[make_return]
    | kw("pop_focus")[make_bare(ast::action_kind::pop_focus)]
    | kw("halt")[make_halt]);

auto const end_def = x3::eoi;

auto const expression_text_rule_def = x3::eps > expression > end;
auto const condition_text_rule_def = x3::eps > condition > end;
auto const action_text_rule_def = x3::eps > action > end;
auto const fact_text_rule_def = x3::eps > pattern > end;

BOOST_SPIRIT_DEFINE(name, var_name, slot_name, cmp_op, slot_op, expression, or_expr, and_expr, not_expr, negation, minus, rest_var, cmp_expr, add_expr, mul_expr, unary_expr,
                    postfix_expr, primary, variable, parameter, symbol, call, list, string, number, keyword_const,
                    slot_suffix, index_suffix, interpolation, slot_constraint, pattern, sub_condition, condition, action, end,
                    expression_text_rule, condition_text_rule, action_text_rule, fact_text_rule)

}  // namespace ww::parser
