// SPDX-License-Identifier: EUPL-1.2
// The syntax tree of the rule language's text parts (expressions, conditions, actions, facts), as
// the X3 grammar produces it. Plain data with source offsets; rules/compiler turns it into the
// engine's ww::RuleDef. Kept separate from ww::Expr because names are still unresolved here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace ww::ast {

namespace x3 = boost::spirit::x3;

// Offsets into the parsed text; set by the grammar's annotation handler.
struct tagged {
    std::uint32_t offset = 0;
    std::uint32_t end = 0;
};

struct nil_lit : tagged {};
struct bool_lit : tagged {
    bool value = false;
};
struct int_lit : tagged {
    std::int64_t value = 0;
};
struct float_lit : tagged {
    double value = 0;
};
struct symbol_ref : tagged {  // a bare name: a symbol constant
    std::string name;
};
struct variable : tagged {  // ?name (name stored without '?')
    std::string name;
};
struct parameter : tagged {  // $name (name stored without '$')
    std::string name;
};

struct string_lit;
struct list_lit;
struct call;
struct unary;
struct postfix;
struct expression;

struct operand
    : x3::variant<nil_lit, bool_lit, int_lit, float_lit, symbol_ref, variable, parameter,
                  x3::forward_ast<string_lit>, x3::forward_ast<list_lit>, x3::forward_ast<call>,
                  x3::forward_ast<unary>, x3::forward_ast<postfix>, x3::forward_ast<expression>> {
    using base_type::base_type;
    using base_type::operator=;
};

enum class binop : std::uint8_t {
    logical_or, logical_and,
    eq, ne, lt, le, gt, ge, in, not_in,
    add, sub, mul, div, idiv, mod,
};
// rest: `...?rest` in a list that a pattern takes apart (`slot: [?x, ...?rest]`); the grammar reads it
// wherever an operand may stand, so that the compiler can say where it does not belong. `...` alone
// (a gap, CLIPS's `$?`) has a nil_lit as its operand.
enum class unop : std::uint8_t { neg, logical_not, rest };

struct operation : tagged {
    binop op = binop::add;
    operand rhs;
};

// A left-associative chain `first op rhs op rhs ...` of one precedence level (as in the X3 calc
// examples); a comparison chain has at most one operation.
struct expression : tagged {
    operand first;
    std::vector<operation> rest;
};

struct unary : tagged {
    unop op = unop::neg;
    operand rhs;
};

struct slot_suffix : tagged {  // .slot
    std::string name;
};
struct index_suffix : tagged {  // [i]
    expression index;
};
struct suffix : x3::variant<slot_suffix, index_suffix> {
    using base_type::base_type;
    using base_type::operator=;
};
struct postfix : tagged {
    operand base;
    std::vector<suffix> suffixes;
};

struct call : tagged {
    std::string name;
    std::vector<expression> args;
};

struct list_lit : tagged {
    std::vector<expression> items;
};

// "tekst {expr} tekst": literal pieces and interpolated expressions in order.
struct string_part : x3::variant<std::string, expression> {
    using base_type::base_type;
    using base_type::operator=;
};
struct string_lit : tagged {
    std::vector<string_part> parts;
};

// ---- patterns, conditions, actions ----

// `slot: expr` (op ":"), `slot == expr`, `slot < expr`, `slot in expr`, `slot not in expr`, ...
enum class slot_op : std::uint8_t { colon, eq, ne, lt, le, gt, ge, in, not_in };

struct slot_constraint : tagged {
    std::string slot;
    slot_op op = slot_op::colon;
    expression value;
    std::uint32_t value_offset = 0;
};

struct pattern : tagged {
    std::string tmpl;
    std::vector<slot_constraint> slots;
};

enum class condition_kind : std::uint8_t { pattern, negation, exists, aggregate, test };

// A further condition of an aggregate over a conjunction: pattern, negation or exists.
struct sub_condition : tagged {
    condition_kind kind = condition_kind::pattern;
    pattern pat;
};

struct condition : tagged {
    condition_kind kind = condition_kind::pattern;
    std::optional<variable> var;  // `?f <- pattern`, or the aggregate's result
    std::string aggregate;        // count, sum, min, max, collect
    pattern pat;
    std::vector<sub_condition> also;  // aggregate: `pat and ... and ...`
    std::optional<expression> expr;  // test, or the aggregate's value
};

enum class action_kind : std::uint8_t { assert_fact, retract, modify, bind, halt, emit, duplicate, focus, return_, pop_focus };

struct action : tagged {
    action_kind kind = action_kind::halt;
    pattern pat;                     // assert, emit: name and fields (op ":"); modify, duplicate: the changes
    std::optional<expression> expr;  // retract: the fact; bind: the value
    std::optional<variable> var;     // modify, duplicate: the fact; bind: the variable
    std::vector<symbol_ref> modules; // focus: the modules as written
};

}  // namespace ww::ast
