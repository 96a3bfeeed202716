// SPDX-License-Identifier: EUPL-1.2
// Expressions compiled for evaluation: function names resolved to their registry entries, slot names
// interned, and variables replaced by a reference the caller's environment understands (a variable
// number in actions, a token position in the network). Comparing two compiled expressions is how the
// network builder decides that two rules may share a node.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

#include "engine/engine.hpp"
#include "engine/expr.hpp"
#include "engine/functions.hpp"

namespace ww {

struct CExpr {
    Op op = Op::constant;
    Value value;  // Op::constant: the value; Op::concat: the result's expected length (an integer)
    std::uint32_t ref = 0;              // Op::var: what the environment resolves
    const FunctionInfo* fn = nullptr;   // Op::call
    Atom name;                          // Op::slot
    std::vector<CExpr> args;
    std::uint32_t source_offset = 0;

    bool operator==(const CExpr& o) const {
        return op == o.op && value.kind() == o.value.kind() && value == o.value && ref == o.ref && fn == o.fn &&
               name == o.name && args == o.args;
    }
    bool uses_vars() const;
};

// What an expression needs from its surroundings. A plain interface, not closures per node.
class EvalEnv {
public:
    virtual ~EvalEnv() = default;
    virtual Value var(std::uint32_t ref) const = 0;
    // The same value without a copy where the environment holds it (a token's fact); otherwise it
    // lands in `scratch`. Join tests read variables by the million.
    virtual const Value& var_ref(std::uint32_t ref, Value& scratch) const {
        scratch = var(ref);
        return scratch;
    }
    virtual const Fact* fact(FactId id) const = 0;
    virtual const TemplateDef& template_def(TemplateId id) const = 0;
};

// The caller's mapping of a variable to what its environment resolves, by reference: compile_expr
// runs it for every variable while the caller's callable lives. A std::function here allocated a
// copy of the network builder's lambdas (three captures) for each of the ~450 expressions of a
// cold start, and went through two indirections per variable.
class VarMap {
public:
    template <class F>
        requires(!std::is_same_v<std::remove_cvref_t<F>, VarMap> && std::is_invocable_r_v<std::uint32_t, F&, VarId>)
    VarMap(F&& f)  // NOLINT(google-explicit-constructor): a lambda goes in as it is
        : target_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
          call_([](void* t, VarId v) -> std::uint32_t { return (*static_cast<std::remove_reference_t<F>*>(t))(v); }) {}
    std::uint32_t operator()(VarId v) const { return call_(target_, v); }

private:
    void* target_;
    std::uint32_t (*call_)(void*, VarId);
};

// Throws std::invalid_argument for an unknown function or a wrong number of arguments.
CExpr compile_expr(const Expr& e, VarMap map_var);
// What compile_expr would refuse, in the same order, without building anything: the engine checks
// a rule's actions when it is added and compiles them when the rule first fires.
void check_compiles(const Expr& e);

// Throws EvalError (Dutch message, offset of the failing node).
Value eval(const CExpr& e, const EvalEnv& env);

// eval(e, env) into `out`. Most function arguments, slot values and record fields are a constant or
// a variable: those are read in place, without a call to eval. `Env` is the caller's own environment
// type where it has one (the bindings of a firing: then reading a variable is inline, too).
template <class Env>
[[gnu::always_inline]] inline void eval_into(Value& out, const CExpr& e, const Env& env) {
    if (e.op == Op::constant) {
        out = e.value;
    } else if (e.op == Op::var) {
        Value scratch;
        out = env.var_ref(e.ref, scratch);
    } else {
        out = eval(e, env);
    }
}
// A condition must give a boolean; anything else is an EvalError.
bool eval_test(const CExpr& e, const EvalEnv& env);
// eval_test for a caller that has already tried the integer path (int_test) on e and found it
// does not apply; `scratch` is a spare Value.
bool eval_test_general(const CExpr& e, const EvalEnv& env, Value& scratch);

// The front of compare_values: the comparisons that cannot fail whatever the values (`==`, `!=`,
// `in` over a list, `<`, `<=`, `>`, `>=` between two integers), settled inline, without a call or a
// try block. Gives true with the answer in `out`, or false when compare_values must decide (it may
// throw). Alpha tests and joins compare a slot per fact: they come here first.
[[gnu::always_inline]] inline bool compare_settled(Op op, const Value& a, const Value& b, bool& out) {
    switch (op) {
        case Op::eq: out = a == b; return true;
        case Op::ne: out = !(a == b); return true;
        case Op::in:
            if (b.kind() != ValueKind::list) return false;
            out = false;
            for (const Value& x : b.as_list())
                if (x == a) {
                    out = true;
                    break;
                }
            return true;
        default: break;
    }
    if (a.kind() != ValueKind::integer || b.kind() != ValueKind::integer) return false;
    const std::int64_t x = a.as_int(), y = b.as_int();
    switch (op) {
        case Op::lt: out = x < y; return true;
        case Op::le: out = x <= y; return true;
        case Op::gt: out = x > y; return true;
        case Op::ge: out = x >= y; return true;
        default: return false;
    }
}

// Comparison as in `slot OP value` and the comparison operators; throws EvalError on incomparable
// kinds. Starts with compare_settled.
bool compare_values(Op op, const Value& a, const Value& b, std::uint32_t offset);

}  // namespace ww
