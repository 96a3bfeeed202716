// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <new>
#include <optional>
#include <stdexcept>

#include "engine/expr_eval.hpp"
#include "engine/action_check.hpp"
#include "engine/int_eval.hpp"
#include "engine/user_function.hpp"

namespace ww {

bool CExpr::uses_vars() const {
    if (op == Op::var) return true;
    for (const CExpr& a : args)
        if (a.uses_vars()) return true;
    return false;
}

namespace {

// What compile_into refuses at one node (check_compiles makes the same checks without compiling):
// the function of a call, else null.
const FunctionInfo* checked_node(const Expr& e) {
    // A front end other than the rule language (or a damaged image) may hand over any tree.
    if (!arity_fits(e.op, e.args.size()))
        throw std::invalid_argument("expressie met een verkeerd aantal operanden");
    if (e.op != Op::call) return nullptr;
    const FunctionInfo* fn = find_function(e.name);
    if (!fn)
        if (const FunctionTable* own = current_functions()) fn = own->find(e.name);
    if (!fn) throw std::invalid_argument("onbekende functie '" + e.name + "'");
    if (!takes_arguments(*fn, e.args.size()))
        throw std::invalid_argument("verkeerd aantal argumenten voor " + e.name + ": " + fn->signature);
    return fn;
}

// Into `c` as it stands (a fresh CExpr): operands are compiled where they will stay, not built
// apart and moved in level by level (a cold start compiles every expression of the knowledge base).
void compile_into(const Expr& e, CExpr& c, VarMap map_var) {
    c.fn = checked_node(e);
    c.op = e.op;
    if (e.value.kind() != ValueKind::nil) c.value = e.value;
    c.source_offset = e.source_offset;
    if (e.op == Op::var) c.ref = map_var(e.var);
    if (e.op == Op::slot) c.name = intern(e.name);
    if (e.args.empty() && c.op != Op::list && c.op != Op::concat) return;
    c.args.resize(e.args.size());
    for (std::size_t i = 0; i < e.args.size(); ++i) compile_into(e.args[i], c.args[i], map_var);
    if (c.op == Op::list && std::all_of(c.args.begin(), c.args.end(), [](const CExpr& a) { return a.op == Op::constant; })) {
        // A list of constants (`?e in [dichtbij, veraf]`) is one value, not a list built per match.
        std::vector<Value> items;
        items.reserve(c.args.size());
        for (CExpr& a : c.args) items.push_back(std::move(a.value));
        c.op = Op::constant;
        c.value = Value(std::move(items));
        c.args.clear();
    } else if (c.op == Op::concat) {
        // The length of the constant pieces: the result's capacity, reserved once per evaluation.
        std::size_t constant_length = 0;
        for (const CExpr& a : c.args)
            if (a.op == Op::constant && a.value.kind() == ValueKind::string) constant_length += a.value.as_text().size();
        c.value = Value(static_cast<std::int64_t>(constant_length + 16 * c.args.size()));
    }
}

}  // namespace

CExpr compile_expr(const Expr& e, VarMap map_var) {
    CExpr c;
    compile_into(e, c, map_var);
    return c;
}

void check_compiles(const Expr& e) {
    // Only a call needs more than its arity (a cold start checks some 9,000 nodes of actions, few of
    // them calls): the rest without a call per node.
    if (e.op == Op::call || !arity_fits(e.op, e.args.size())) checked_node(e);
    for (const Expr& a : e.args) check_compiles(a);
}

namespace {

[[noreturn]] void fail(std::string msg, std::uint32_t offset) { throw EvalError(std::move(msg), offset); }

// The scratch text of one string interpolation being evaluated, per thread and nesting level (an
// interpolation inside a function's argument, say), each keeping its capacity from one text to the
// next. Deeper than that, a text of its own.
struct ConcatBuffer {
    static constexpr int kKept = 8;
    static thread_local std::string kept[kKept];
    static thread_local int depth;
    std::string own;
    std::string& text;
    ConcatBuffer() : text(depth < kKept ? kept[depth] : own) {
        ++depth;
        text.clear();
    }
    ~ConcatBuffer() {
        --depth;
        // An outsized text is not worth keeping.
        if (text.capacity() > 64 * 1024) std::string().swap(text);
    }
    ConcatBuffer(const ConcatBuffer&) = delete;
    ConcatBuffer& operator=(const ConcatBuffer&) = delete;
};
thread_local std::string ConcatBuffer::kept[ConcatBuffer::kKept];
thread_local int ConcatBuffer::depth = 0;

std::string kinds(const Value& a) { return std::string(kind_name(a.kind())); }

// 64-bit integers do not wrap (signed overflow is undefined behaviour, and INT64_MIN // -1 traps):
// a result out of range is an error of the rule, like a division by zero.
std::int64_t in_range(bool overflow, std::int64_t result, std::uint32_t off) {
    if (overflow) fail("geheel getal buiten het bereik van 64 bit", off);
    return result;
}

// What a rule may build at run time. A rule that nests a list one level deeper per firing, or
// doubles a text or list per firing, would otherwise run out of stack (display and comparison
// recurse per level) or memory long before the firing limit; it stops with an error of the rule at
// the expression's position instead. Far beyond any knowledge base: advice texts are a few hundred
// characters, lists a few dozen values.
constexpr std::uint32_t max_list_depth = 100;
constexpr std::uint64_t max_list_values = 1'000'000;
constexpr std::size_t max_text_bytes = 1u << 20;

[[noreturn, gnu::noinline]] void text_too_long(std::size_t n, std::uint32_t off) {
    fail("tekst te lang (" + std::to_string(n) + " bytes; hoogstens " + std::to_string(max_text_bytes) + ")", off);
}

// Inline, like bounded() below: an advice text checks its length after every piece.
inline void check_text_length(std::size_t n, std::uint32_t off) {
    if (n > max_text_bytes) [[unlikely]] text_too_long(n, off);
}

Value arith_unchecked(Op op, const Value& a, const Value& b, std::uint32_t off);

const Value& bounded_checked(const Value& v, std::uint32_t off) {
    switch (v.kind()) {
        case ValueKind::list:
            if (v.list_depth() > max_list_depth)
                fail("lijst te diep genest (meer dan " + std::to_string(max_list_depth) + " niveaus)", off);
            if (v.list_weight() > max_list_values)
                fail("lijst te groot (meer dan " + std::to_string(max_list_values) + " waarden, geneste meegeteld)", off);
            break;
        case ValueKind::floating:
            // Not a number in the rule language: an overflow is an error, as it is for integers.
            if (!std::isfinite(v.as_float())) fail("kommagetal buiten het bereik (oneindig of geen getal)", off);
            break;
        default: break;
    }
    return v;
}

// Only lists and floats can exceed a bound: the texts, symbols and integers of most results pass
// without a call.
inline const Value& bounded(const Value& v, std::uint32_t off) {
    if (v.kind() == ValueKind::list || v.kind() == ValueKind::floating) bounded_checked(v, off);
    return v;
}

Value arith(Op op, const Value& a, const Value& b, std::uint32_t off) {
    Value r = arith_unchecked(op, a, b, off);
    bounded(r, off);
    return r;
}

Value arith_unchecked(Op op, const Value& a, const Value& b, std::uint32_t off) {
    if (op == Op::add) {
        if (a.kind() == ValueKind::string && b.kind() == ValueKind::string) {
            check_text_length(a.as_text().size() + b.as_text().size(), off);
            return Value::computed_string(std::string(a.as_text()) + std::string(b.as_text()));
        }
        if (a.kind() == ValueKind::list && b.kind() == ValueKind::list) {
            std::vector<Value> out = a.as_list();
            out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            return Value(std::move(out));
        }
    }
    if (!a.is_number() || !b.is_number())
        fail("kan niet rekenen met " + kinds(a) + " en " + kinds(b) + " (" + a.repr() + ", " + b.repr() + ")", off);
    bool ints = a.kind() == ValueKind::integer && b.kind() == ValueKind::integer;
    switch (op) {
        case Op::add: {
            if (!ints) return Value(a.as_number() + b.as_number());
            std::int64_t r = 0;
            const bool overflow = __builtin_add_overflow(a.as_int(), b.as_int(), &r);
            return Value(in_range(overflow, r, off));
        }
        case Op::sub: {
            if (!ints) return Value(a.as_number() - b.as_number());
            std::int64_t r = 0;
            const bool overflow = __builtin_sub_overflow(a.as_int(), b.as_int(), &r);
            return Value(in_range(overflow, r, off));
        }
        case Op::mul: {
            if (!ints) return Value(a.as_number() * b.as_number());
            std::int64_t r = 0;
            const bool overflow = __builtin_mul_overflow(a.as_int(), b.as_int(), &r);
            return Value(in_range(overflow, r, off));
        }
        case Op::div:
            if (b.as_number() == 0) fail("deling door nul", off);
            return Value(a.as_number() / b.as_number());
        case Op::idiv:
            if (b.as_number() == 0) fail("deling door nul", off);
            if (ints) {
                in_range(a.as_int() == INT64_MIN && b.as_int() == -1, 0, off);
                std::int64_t q = a.as_int() / b.as_int();
                if ((a.as_int() % b.as_int() != 0) && ((a.as_int() < 0) != (b.as_int() < 0))) --q;
                return Value(q);
            }
            {
                const double q = std::floor(a.as_number() / b.as_number());
                in_range(!(q >= -9.2e18 && q <= 9.2e18), 0, off);  // NaN too
                return Value(static_cast<std::int64_t>(q));
            }
        case Op::mod:
            if (b.as_number() == 0) fail("deling door nul (rest)", off);
            if (ints) {
                if (b.as_int() == -1) return Value(std::int64_t{0});  // INT64_MIN % -1 traps
                std::int64_t r = a.as_int() % b.as_int();
                if (r != 0 && ((r < 0) != (b.as_int() < 0))) r += b.as_int();
                return Value(r);
            }
            return Value(a.as_number() - b.as_number() * std::floor(a.as_number() / b.as_number()));
        default: break;
    }
    fail("onbekende bewerking", off);
}

// The integer fast path (engine/int_eval.hpp) with variables from an EvalEnv. `scratch` receives
// variables the environment does not hold as values (fact references); a leaf is read before the
// next one is, so one scratch serves a whole expression.
struct EnvReader {
    const EvalEnv& env;
    Value& scratch;
    const Value& operator()(std::uint32_t ref) const { return env.var_ref(ref, scratch); }
};

bool int_test(const CExpr& e, const EvalEnv& env, Value& scratch, bool& out) {
    EnvReader read{env, scratch};
    return int_test(e, read, out);
}

// Evaluates the arguments of a call and hands them to `use` (the function itself or its appending
// form); an EvalError from the function gets the offset of the call.
template <class Use>
auto call_with_args(const CExpr& e, const EvalEnv& env, Use&& use) {
    const std::size_t n = e.args.size();
    const CExpr* arg = e.args.data();
    const auto call = [&](std::span<const Value> args) {
        try {
            return use(args);
        } catch (const EvalError& err) {
            throw EvalError(err.what(), e.source_offset);
        }
    };
    // One constant or variable (len(?l), lower(?naam)): the function reads it where it is.
    if (n == 1 && (arg->op == Op::constant || arg->op == Op::var)) {
        Value scratch;
        return call(std::span<const Value>(arg->op == Op::constant ? &arg->value : &env.var_ref(arg->ref, scratch), 1));
    }
    // Up to four arguments (all but a few calls) in place, each constructed once: no vector, and no
    // nil to assign over and destroy for the places a call does not use.
    if (n <= 4) {
        struct Args {
            alignas(Value) unsigned char raw[4 * sizeof(Value)];
            std::size_t made = 0;
            Value* at() { return reinterpret_cast<Value*>(raw); }
            ~Args() {
                for (std::size_t i = 0; i < made; ++i) at()[i].~Value();
            }
        } args;
        for (; args.made < n; ++args.made) {
            const CExpr& a = arg[args.made];
            Value* place = args.at() + args.made;
            if (a.op == Op::constant) {
                new (place) Value(a.value);
            } else if (a.op == Op::var) {
                Value scratch;
                new (place) Value(env.var_ref(a.ref, scratch));
            } else {
                new (place) Value(eval(a, env));
            }
        }
        return call(std::span<const Value>(args.at(), n));
    }
    std::vector<Value> big(n);
    for (std::size_t i = 0; i < n; ++i) eval_into(big[i], arg[i], env);
    return call(big);
}

}  // namespace

bool compare_values(Op op, const Value& a, const Value& b, std::uint32_t off) {
    if (bool settled; compare_settled(op, a, b, settled)) return settled;
    if (op == Op::in) {
        if (b.kind() == ValueKind::string && (a.kind() == ValueKind::string || a.kind() == ValueKind::symbol))
            return b.as_text().find(a.as_text()) != std::string_view::npos;
        fail("'in' verwacht een lijst of tekst rechts, niet " + kinds(b), off);
    }
    bool comparable = (a.is_number() && b.is_number()) ||
                      ((a.kind() == ValueKind::string || a.kind() == ValueKind::symbol) && a.kind() == b.kind());
    if (!comparable) fail("kan " + kinds(a) + " niet vergelijken met " + kinds(b) + " (" + a.repr() + ", " + b.repr() + ")", off);
    auto c = compare(a, b);
    switch (op) {
        case Op::lt: return c < 0;
        case Op::le: return c <= 0;
        case Op::gt: return c > 0;
        case Op::ge: return c >= 0;
        default: break;
    }
    fail("onbekende vergelijking", off);
}

namespace {
// The operations whose value is a boolean or an error of their own: eval_test gives the same.
bool is_condition(Op op) {
    switch (op) {
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in:
        case Op::logical_and: case Op::logical_or: case Op::logical_not: return true;
        default: return false;
    }
}

// An operand by reference: constants and variables as they are (no copy, no call of eval), anything
// else evaluated into `scratch`.
const Value& operand(const CExpr& e, const EvalEnv& env, Value& scratch) {
    if (e.op == Op::constant) return e.value;
    if (e.op == Op::var) return env.var_ref(e.ref, scratch);
    scratch = eval(e, env);
    return scratch;
}
// The branch of als() (`e`) that its condition chooses, or null when the condition is not a boolean.
const CExpr* chosen_branch(const CExpr& e, const EvalEnv& env) {
    const CExpr& c = e.args[0];
    Value scratch;
    // A comparison or connective gives a boolean or its own error: compared in place, without a
    // Value for the boolean (nor the integer path, which texts and figures fail).
    if (is_condition(c.op)) return &e.args[eval_test_general(c, env, scratch) ? 1 : 2];
    const Value& v = operand(c, env, scratch);
    if (v.kind() == ValueKind::boolean) return &e.args[v.as_bool() ? 1 : 2];
    return nullptr;
}

void append_pieces(const CExpr& e, const EvalEnv& env, std::string& s);

// One piece of a string interpolation appended to `s` as eval(a, env).append_display(s) would, in
// place where it can: a text function's appending form, the branch als() chooses, an interpolation
// inside. `own_check`: the piece is the value of an als() branch, whose length eval's call checks.
[[gnu::noinline]] void append_piece(const CExpr& a, const EvalEnv& env, std::string& s, bool own_check) {
    switch (a.op) {
        case Op::constant: a.value.append_display(s); return;
        case Op::var: {
            Value scratch;
            env.var_ref(a.ref, scratch).append_display(s);
            return;
        }
        case Op::call:
            if (a.fn->append_text) {
                const std::size_t start = s.size();
                call_with_args(a, env, [&](std::span<const Value> args) { a.fn->append_text(args, s); });
                if (own_check) check_text_length(s.size() - start, a.source_offset);
                return;
            }
            if (a.fn->chooses)
                if (const CExpr* branch = chosen_branch(a, env)) return append_piece(*branch, env, s, true);
            break;
        case Op::concat: append_pieces(a, env, s); return;
        default: break;
    }
    eval(a, env).append_display(s);
}

// The pieces of interpolation `e` appended to `s`, the length of what they add checked after each.
void append_pieces(const CExpr& e, const EvalEnv& env, std::string& s) {
    const std::size_t start = s.size();
    for (const CExpr& a : e.args) {
        // Most pieces are constant text or a variable: those without a call.
        if (a.op == Op::constant) {
            a.value.append_display(s);
        } else if (a.op == Op::var) {
            Value scratch;
            env.var_ref(a.ref, scratch).append_display(s);
        } else {
            append_piece(a, env, s, false);
        }
        check_text_length(s.size() - start, e.source_offset);
    }
}

}  // namespace

namespace {

// The operations of eval, each in a function of its own: eval itself, called for every node, then
// saves and restores only the few registers a dispatch needs, not those of its largest case.
[[gnu::noinline]] Value eval_slot(const CExpr& e, const EvalEnv& env) {
    Value scratch;
    const Value& f = operand(e.args[0], env, scratch);
    if (f.kind() != ValueKind::fact)
        fail("'." + std::string(text_of(e.name)) + "' vraagt een feitverwijzing, niet " + kinds(f), e.source_offset);
    const Fact* fact = env.fact(f.as_fact().id);
    if (!fact) fail("het feit waar ." + std::string(text_of(e.name)) + " naar verwijst bestaat niet meer", e.source_offset);
    const TemplateDef& t = env.template_def(fact->tmpl);
    int i = t.slot_index(text_of(e.name));
    if (i < 0) fail("'" + t.name + "' heeft geen slot '" + std::string(text_of(e.name)) + "'", e.source_offset);
    return fact->slots[static_cast<std::size_t>(i)];
}

[[gnu::noinline]] Value eval_index(const CExpr& e, const EvalEnv& env) {
    Value ls, is;
    const Value& l = operand(e.args[0], env, ls);
    const Value& i = operand(e.args[1], env, is);
    if (l.kind() != ValueKind::list) fail("[] vraagt een lijst, niet " + kinds(l), e.source_offset);
    if (i.kind() != ValueKind::integer) fail("een index moet een geheel getal zijn, niet " + kinds(i), e.source_offset);
    const auto& items = l.as_list();
    if (i.as_int() < 0 || static_cast<std::size_t>(i.as_int()) >= items.size())
        fail("index " + std::to_string(i.as_int()) + " buiten de lijst (lengte " + std::to_string(items.size()) + ")",
             e.source_offset);
    return items[static_cast<std::size_t>(i.as_int())];
}

[[gnu::noinline]] Value eval_neg(const CExpr& e, const EvalEnv& env) {
    Value scratch;
    const Value& v = operand(e.args[0], env, scratch);
    if (v.kind() == ValueKind::integer) {
        in_range(v.as_int() == INT64_MIN, 0, e.source_offset);
        return Value(-v.as_int());
    }
    if (v.kind() == ValueKind::floating) return Value(-v.as_float());
    fail("kan " + kinds(v) + " niet negatief maken", e.source_offset);
}

[[gnu::noinline]] Value eval_arith(const CExpr& e, const EvalEnv& env) {
    // Each operand once, whatever its kind: trying the integer path (int_value) on the whole tree
    // first, as tests do, walked a tree of percentages once per level before failing.
    Value a, b;
    const Value& x = operand(e.args[0], env, a);
    const Value& y = operand(e.args[1], env, b);
    if ((e.op == Op::add || e.op == Op::sub || e.op == Op::mul) && x.kind() == ValueKind::integer &&
        y.kind() == ValueKind::integer) {
        std::int64_t r = 0;
        const bool overflow = e.op == Op::add   ? __builtin_add_overflow(x.as_int(), y.as_int(), &r)
                              : e.op == Op::sub ? __builtin_sub_overflow(x.as_int(), y.as_int(), &r)
                                                : __builtin_mul_overflow(x.as_int(), y.as_int(), &r);
        if (!overflow) return Value(r);
    }
    return arith(e.op, x, y, e.source_offset);
}

[[gnu::noinline]] Value eval_compare(const CExpr& e, const EvalEnv& env) {
    Value a, b;
    return Value(compare_values(e.op, operand(e.args[0], env, a), operand(e.args[1], env, b), e.source_offset));
}

[[gnu::noinline]] Value eval_list(const CExpr& e, const EvalEnv& env) {
    std::vector<Value> items;
    items.reserve(e.args.size());
    for (const CExpr& a : e.args) {
        // Constants and variables copied where they are, without a call of eval.
        if (a.op == Op::constant) {
            items.push_back(a.value);
        } else if (a.op == Op::var) {
            Value scratch;
            items.push_back(env.var_ref(a.ref, scratch));
        } else {
            items.push_back(eval(a, env));
        }
    }
    Value l(std::move(items));
    bounded(l, e.source_offset);
    return l;
}

[[gnu::noinline]] Value eval_call(const CExpr& e, const EvalEnv& env) {
    if (e.fn->user) [[unlikely]] {
        Value r = call_user_function(e, env);
        bounded(r, e.source_offset);
        return r;
    }
    // als(): only the branch it chooses; a condition that is not a boolean goes the ordinary way
    // below, to its error.
    if (e.fn->chooses)
        if (const CExpr* branch = chosen_branch(e, env)) return eval(*branch, env);
    Value r = call_with_args(e, env, [&](std::span<const Value> args) { return e.fn->fn(args); });
    if (r.kind() == ValueKind::string) check_text_length(r.as_text().size(), e.source_offset);
    bounded(r, e.source_offset);
    return r;
}

[[gnu::noinline]] Value eval_concat(const CExpr& e, const EvalEnv& env) {
    // Advice texts are a few hundred characters of constant text around a few variables: append in
    // place rather than through a temporary per piece, into a buffer that keeps its capacity from
    // one text to the next (one per nesting level: a piece may be a text built the same way).
    ConcatBuffer buffer;
    std::string& s = buffer.text;
    s.reserve(e.value.is_nil() ? 0 : static_cast<std::size_t>(e.value.as_int()));
    append_pieces(e, env, s);
    return Value::computed_string(s);
}

}  // namespace

Value eval(const CExpr& e, const EvalEnv& env) {
    switch (e.op) {
        case Op::constant: return e.value;
        case Op::var: return env.var(e.ref);
        case Op::slot: return eval_slot(e, env);
        case Op::index: return eval_index(e, env);
        case Op::neg: return eval_neg(e, env);
        case Op::add: case Op::sub: case Op::mul:
        case Op::div: case Op::idiv: case Op::mod: return eval_arith(e, env);
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge:
        case Op::in: return eval_compare(e, env);
        case Op::logical_and: return Value(eval_test(e.args[0], env) && eval_test(e.args[1], env));
        case Op::logical_or: return Value(eval_test(e.args[0], env) || eval_test(e.args[1], env));
        case Op::logical_not: return Value(!eval_test(e.args[0], env));
        case Op::list: return eval_list(e, env);
        case Op::call: return eval_call(e, env);
        case Op::concat: return eval_concat(e, env);
    }
    fail("onbekende expressie", e.source_offset);
}

bool eval_test(const CExpr& e, const EvalEnv& env) {
    bool fast = false;
    Value scratch;  // one for the whole expression: a Value's destructor is a call
    if (int_test(e, env, scratch, fast)) return fast;
    return eval_test_general(e, env, scratch);
}

bool eval_test_general(const CExpr& e, const EvalEnv& env, Value& scratch) {
    // What eval would do for a comparison or a connective, without its Value and without trying
    // the integer path a second time (a test on texts or percentages is not an integer test).
    switch (e.op) {
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in: {
            Value b;
            return compare_values(e.op, operand(e.args[0], env, scratch), operand(e.args[1], env, b), e.source_offset);
        }
        case Op::logical_and: return eval_test(e.args[0], env) && eval_test(e.args[1], env);
        case Op::logical_or: return eval_test(e.args[0], env) || eval_test(e.args[1], env);
        case Op::logical_not: return !eval_test(e.args[0], env);
        default: break;
    }
    Value v = eval(e, env);
    if (v.kind() != ValueKind::boolean)
        fail("een voorwaarde moet true of false opleveren, niet " + kinds(v) + " (" + v.repr() + ")", e.source_offset);
    return v.as_bool();
}

}  // namespace ww
