// SPDX-License-Identifier: EUPL-1.2
// Integer arithmetic and comparisons without building a Value per node: the tests of joins are
// mostly nothing else (Waltz: `?ax * ?cy - ?ay * ?cx > 0` for every pair of edges). Each returns
// false, having decided nothing, when a leaf is not an integer, an operation is not one of these or a
// result would overflow; the general evaluation (eval, eval_test) then gives the result or the
// error. Expressions have no side effects, so evaluating part of one twice changes nothing.
// `read(ref)` gives a variable's value by reference; the network reads token positions directly,
// without an EvalEnv and its virtual call.
#pragma once

#include <cstdint>

#include "engine/expr_eval.hpp"

namespace ww {

template <class Read>
bool int_value(const CExpr& e, Read& read, std::int64_t& out) {
    switch (e.op) {
        case Op::constant:
            if (e.value.kind() != ValueKind::integer) return false;
            out = e.value.as_int();
            return true;
        case Op::var: {
            const Value& v = read(e.ref);
            if (v.kind() != ValueKind::integer) return false;
            out = v.as_int();
            return true;
        }
        case Op::neg: {
            std::int64_t a = 0;
            if (!int_value(e.args[0], read, a) || a == INT64_MIN) return false;
            out = -a;
            return true;
        }
        case Op::add:
        case Op::sub:
        case Op::mul: {
            std::int64_t a = 0, b = 0;
            if (!int_value(e.args[0], read, a) || !int_value(e.args[1], read, b)) return false;
            if (e.op == Op::add) return !__builtin_add_overflow(a, b, &out);
            if (e.op == Op::sub) return !__builtin_sub_overflow(a, b, &out);
            return !__builtin_mul_overflow(a, b, &out);
        }
        default: return false;
    }
}

template <class Read>
bool int_test(const CExpr& e, Read& read, bool& out) {
    switch (e.op) {
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: {
            std::int64_t a = 0, b = 0;
            if (!int_value(e.args[0], read, a) || !int_value(e.args[1], read, b)) return false;
            switch (e.op) {
                case Op::eq: out = a == b; break;
                case Op::ne: out = a != b; break;
                case Op::lt: out = a < b; break;
                case Op::le: out = a <= b; break;
                case Op::gt: out = a > b; break;
                default: out = a >= b; break;
            }
            return true;
        }
        case Op::logical_and:
        case Op::logical_or: {
            bool a = false;
            if (!int_test(e.args[0], read, a)) return false;
            // Short-circuit as the general path does: the right side is not looked at.
            if (a == (e.op == Op::logical_or)) {
                out = a;
                return true;
            }
            return int_test(e.args[1], read, out);
        }
        case Op::logical_not: {
            bool a = false;
            if (!int_test(e.args[0], read, a)) return false;
            out = !a;
            return true;
        }
        default: return false;
    }
}

}  // namespace ww
