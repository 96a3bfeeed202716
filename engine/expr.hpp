// SPDX-License-Identifier: EUPL-1.2
// Expressions as the engine evaluates them: a small tree of plain data, built by a front end (the
// rule language in rules/) and evaluated by the engine in tests, joins and actions. Plain data, not
// closures, so that the network builder can inspect which variables an expression uses, rewrite
// variable references into token positions, and share nodes whose expressions are equal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/value.hpp"

namespace ww {

using VarId = std::uint32_t;  // index into RuleDef::variables

enum class Op : std::uint8_t {
    constant,  // value
    var,       // var: a rule variable
    slot,      // args[0] must evaluate to a fact reference; name: slot name (`?f.waarde`)
    index,     // args[0][args[1]]: list element (0-based)
    neg,
    add, sub, mul, div, idiv, mod,
    eq, ne, lt, le, gt, ge,
    in,        // args[0] is an element of list args[1] (or a substring of string args[1])
    logical_and, logical_or, logical_not,  // short-circuit
    list,      // a list of the args' values
    call,      // function `name` from the function registry, applied to args
    concat,    // string interpolation: display forms of args joined
};

struct Expr {
    Op op = Op::constant;
    Value value;              // Op::constant
    VarId var = 0;            // Op::var
    std::string name;         // Op::slot: slot name; Op::call: function name
    std::vector<Expr> args;

    // Where the expression stands in its source, for run-time error messages ("deling door nul").
    std::uint32_t source_offset = 0;

    static Expr constant_of(Value v) { Expr e; e.op = Op::constant; e.value = std::move(v); return e; }
    static Expr var_of(VarId id) { Expr e; e.op = Op::var; e.var = id; return e; }
    static Expr make(Op op, std::vector<Expr> args) { Expr e; e.op = op; e.args = std::move(args); return e; }
    static Expr call_of(std::string fn, std::vector<Expr> args) {
        Expr e; e.op = Op::call; e.name = std::move(fn); e.args = std::move(args); return e;
    }

    friend bool operator==(const Expr&, const Expr&) = default;
};

// Whether an operation takes `n` arguments: the evaluator indexes them without checking, so every
// tree it gets passes this first (compile_expr; a damaged image is refused on it too).
// Inline: the image reader and the engine's checks ask it for every node of every expression.
inline bool arity_fits(Op op, std::size_t n) {
    switch (op) {
        case Op::constant:
        case Op::var: return n == 0;
        case Op::slot:
        case Op::neg:
        case Op::logical_not: return n == 1;
        case Op::index:
        case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::idiv: case Op::mod:
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge:
        case Op::in:
        case Op::logical_and:
        case Op::logical_or: return n == 2;
        case Op::list:
        case Op::call:
        case Op::concat: return true;
    }
    return false;  // not an operation at all
}

// Collects the variables an expression reads, each once, in order of first use.
void collect_vars(const Expr& e, std::vector<VarId>& out);

// A readable form of the expression, variables shown through `names` (used in explanations).
std::string to_string(const Expr& e, const std::vector<std::string>& names);

}  // namespace ww
