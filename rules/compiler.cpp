// SPDX-License-Identifier: EUPL-1.2
#include "rules/compiler.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "engine/functions.hpp"
#include "engine/text_format.hpp"
#include "rules/parse.hpp"
#include "rules/suggest.hpp"

namespace ww {

namespace x3 = boost::spirit::x3;

// Per-rule state: the variable table being built.
struct RuleCompiler::Context {
    RuleDef* rule = nullptr;  // null when compiling a fact or a constant
    std::map<std::string, VarId, std::less<>> ids;
    bool failed = false;
    // The checks of a list a pattern took apart (`slot: [?x, ?y]`): a test that follows the pattern.
    std::vector<Condition> pending_tests;
    // Compiling the pattern of a not, exists or aggregate (or a group): no test condition can follow
    // it, so a list's checks become a constraint of the pattern (SlotConstraint::Kind::condition).
    bool scoped_pattern = false;
    // Variables that the alternatives of an `or` take from a list each in their own way (one
    // `[?x, ...?r]`, another `[...?r, ?x]`): not known to the actions.
    std::set<std::string, std::less<>> uneven;
    // Compiling the actions (then): only there may an expression read input (read(), readline()).
    bool in_actions = false;
    // Compiling a function's body: return takes a value, and the facts are the caller's to change.
    bool in_function = false;

    VarId id_of(const std::string& name) {
        auto it = ids.find(name);
        if (it != ids.end()) return it->second;
        VarId id = rule ? static_cast<VarId>(rule->variables.size()) : static_cast<VarId>(ids.size());
        if (rule) rule->variables.push_back("?" + name);
        ids.emplace(name, id);
        return id;
    }
};

namespace {

// `...` without a name where no pattern takes a list apart: it stands for no value.
std::string gap_local_message(std::string_view name) {
    return fmt::format("?{} staat in een lijst met rests (...) en bestaat alleen daarin: welk element het is, verschilt "
                       "per manier waarop de lijst past; geef de variabele hier een andere naam, of pak de lijst uit zonder gaten",
                       name);
}

constexpr const char* gap_outside_pattern =
    "... zonder naam (een rest die niets bindt) staat alleen in een lijst die een patroon uitpakt: [..., ?x, ...]; "
    "in een expressie voeg je een lijst in met ...?naam";

// Marks the patterns compiled while it lives as those of a not, exists, aggregate or group.
struct ScopedPatterns {
    explicit ScopedPatterns(bool& flag) : flag_(flag), was_(flag) { flag_ = true; }
    ~ScopedPatterns() { flag_ = was_; }
    ScopedPatterns(const ScopedPatterns&) = delete;
    ScopedPatterns& operator=(const ScopedPatterns&) = delete;

private:
    bool& flag_;
    bool was_;
};

bool is_textual(std::optional<SlotType> t) { return t && (*t == SlotType::string || *t == SlotType::symbol); }
bool is_numeric(std::optional<SlotType> t) {
    return t && (*t == SlotType::integer || *t == SlotType::floating || *t == SlotType::number);
}
bool clash(std::optional<SlotType> a, std::optional<SlotType> b) {
    return (is_textual(a) && is_numeric(b)) || (is_numeric(a) && is_textual(b));
}

std::optional<SlotType> type_of_value(const Value& v) {
    switch (v.kind()) {
        case ValueKind::boolean: return SlotType::boolean;
        case ValueKind::integer: return SlotType::integer;
        case ValueKind::floating: return SlotType::floating;
        case ValueKind::string: return SlotType::string;
        case ValueKind::symbol: return SlotType::symbol;
        case ValueKind::list: return SlotType::list;
        default: return std::nullopt;
    }
}

std::string type_word(std::optional<SlotType> t) {
    if (!t) return "onbekend";
    switch (*t) {
        case SlotType::string: return "tekst";
        case SlotType::symbol: return "symbool";
        case SlotType::integer: return "geheel getal";
        case SlotType::floating: return "kommagetal";
        case SlotType::number: return "getal";
        case SlotType::boolean: return "waarheidswaarde";
        case SlotType::list: return "lijst";
        case SlotType::any: return "willekeurig";
    }
    return "onbekend";
}

// The ArgKind of a value of type `t`; 0 when the type says nothing.
std::uint8_t arg_kind_of(std::optional<SlotType> t) {
    if (!t) return 0;
    switch (*t) {
        case SlotType::integer: case SlotType::floating: case SlotType::number: return arg_number;
        case SlotType::string: case SlotType::symbol: return arg_text;
        case SlotType::list: return arg_list;
        case SlotType::boolean: return arg_bool;
        case SlotType::any: return 0;
    }
    return 0;
}

// "een getal", "een tekst of een lijst": what a set of ArgKind bits admits.
std::string arg_kinds_word(std::uint8_t kinds) {
    std::vector<std::string> words;
    if (kinds & arg_number) words.emplace_back("een getal");
    if (kinds & arg_text) words.emplace_back("een tekst");
    if (kinds & arg_list) words.emplace_back("een lijst");
    if (kinds & arg_bool) words.emplace_back("een waarheidswaarde");
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " of " : ", ";
        out += words[i];
    }
    return out;
}

// The value of an expression that needs no facts, if it is one.
std::optional<Value> fold(const Expr& e) {
    switch (e.op) {
        case Op::constant: return e.value;
        case Op::list: {
            std::vector<Value> items;
            for (const auto& a : e.args) {
                auto v = fold(a);
                if (!v) return std::nullopt;
                items.push_back(std::move(*v));
            }
            return Value(std::move(items));
        }
        default: return std::nullopt;
    }
}

Op cmp_of(ast::binop op) {
    switch (op) {
        case ast::binop::eq: return Op::eq;
        case ast::binop::ne: return Op::ne;
        case ast::binop::lt: return Op::lt;
        case ast::binop::le: return Op::le;
        case ast::binop::gt: return Op::gt;
        case ast::binop::ge: return Op::ge;
        default: return Op::in;
    }
}

bool is_arithmetic(ast::binop op) {
    return op == ast::binop::add || op == ast::binop::sub || op == ast::binop::mul || op == ast::binop::div ||
           op == ast::binop::idiv || op == ast::binop::mod;
}
bool is_comparison(ast::binop op) {
    return op == ast::binop::eq || op == ast::binop::ne || op == ast::binop::lt || op == ast::binop::le ||
           op == ast::binop::gt || op == ast::binop::ge;
}

Op arith_of(ast::binop op) {
    switch (op) {
        case ast::binop::add: return Op::add;
        case ast::binop::sub: return Op::sub;
        case ast::binop::mul: return Op::mul;
        case ast::binop::div: return Op::div;
        case ast::binop::idiv: return Op::idiv;
        default: return Op::mod;
    }
}

// Where an operand starts in its text: every node kind carries its offset.
std::uint32_t offset_of(const ast::operand& o) {
    return boost::apply_visitor(
        [](const auto& node) -> std::uint32_t {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_base_of_v<ast::tagged, T>) return node.offset;
            else return node.get().offset;
        },
        o);
}

// The list literal an expression consists of, if it is nothing else (`[?x, ?y]`).
const ast::list_lit* bare_list(const ast::operand& o) {
    if (auto l = boost::get<x3::forward_ast<ast::list_lit>>(&o.get())) return &l->get();
    if (auto e = boost::get<x3::forward_ast<ast::expression>>(&o.get()))
        if (e->get().rest.empty()) return bare_list(e->get().first);
    if (auto p = boost::get<x3::forward_ast<ast::postfix>>(&o.get()))
        if (p->get().suffixes.empty()) return bare_list(p->get().base);
    return nullptr;
}
const ast::list_lit* bare_list(const ast::expression& e) { return e.rest.empty() ? bare_list(e.first) : nullptr; }

// The variable of a rest (`...?rest`) an expression consists of, if it is one.
const ast::unary* bare_rest(const ast::operand& o) {
    if (auto u = boost::get<x3::forward_ast<ast::unary>>(&o.get()))
        return u->get().op == ast::unop::rest ? &u->get() : nullptr;
    if (auto e = boost::get<x3::forward_ast<ast::expression>>(&o.get()))
        if (e->get().rest.empty()) return bare_rest(e->get().first);
    return nullptr;
}
const ast::unary* bare_rest(const ast::expression& e) { return e.rest.empty() ? bare_rest(e.first) : nullptr; }

// The bare variable an expression consists of, if it is nothing else (`?x`).
const ast::variable* bare_variable(const ast::operand& o);
const ast::variable* bare_variable(const ast::expression& e) {
    if (!e.rest.empty()) return nullptr;
    return bare_variable(e.first);
}
const ast::variable* bare_variable(const ast::operand& o) {
    if (auto v = boost::get<ast::variable>(&o.get())) return v;
    if (auto e = boost::get<x3::forward_ast<ast::expression>>(&o.get())) return bare_variable(e->get());
    if (auto p = boost::get<x3::forward_ast<ast::postfix>>(&o.get()))
        if (p->get().suffixes.empty()) return bare_variable(p->get().base);
    return nullptr;
}

}  // namespace

// Turns one expression tree into an Expr, checking names and evident types.
struct ExprCompiler {
    RuleCompiler& rc;
    RuleCompiler::Context& cx;
    const RuleCompiler::Scope& scope;
    const Site& site;

    using result_type = Expr;

    void error(std::uint32_t offset, std::string message) {
        rc.reporter_.at_site(site, offset, std::move(message));
        cx.failed = true;
    }
    Expr at(Expr e, std::uint32_t offset) {
        e.source_offset = site.approx_file_offset(offset);
        return e;
    }

    // An expression whose place wants one type (a test or an if wants true or false, a for a list):
    // compiled, and a type that is known now and is another said at once with `message`, whose `{}`
    // takes the type found.
    Expr expecting(const ast::expression& e, SlotType want, std::string_view message) {
        Expr out = (*this)(e);
        if (const auto t = type_of(out); t && *t != want && *t != SlotType::any)
            error(e.offset, fmt::format(fmt::runtime(message), type_word(t)));
        return out;
    }

    std::optional<SlotType> type_of(const Expr& e) const {
        switch (e.op) {
            case Op::constant: return type_of_value(e.value);
            case Op::var:
                for (const auto& [name, info] : scope)
                    if (info.id == e.var) return info.type;
                return std::nullopt;
            case Op::slot:
                if (!e.args.empty() && e.args[0].op == Op::var) {
                    for (const auto& [name, info] : scope) {
                        if (info.id != e.args[0].var || !info.fact_tmpl) continue;
                        const TemplateDef& t = rc.base_.templates()[*info.fact_tmpl];
                        int i = t.slot_index(e.name);
                        if (i >= 0) return t.slots[static_cast<std::size_t>(i)].type;
                    }
                }
                return std::nullopt;
            case Op::add: case Op::sub: case Op::mul: case Op::mod: case Op::idiv: {
                auto a = type_of(e.args[0]);
                auto b = type_of(e.args[1]);
                if (is_textual(a) || is_textual(b)) return std::nullopt;
                if (a == SlotType::integer && b == SlotType::integer) return SlotType::integer;
                return SlotType::number;
            }
            case Op::div: return SlotType::floating;
            case Op::neg: return type_of(e.args[0]);
            case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in:
            case Op::logical_and: case Op::logical_or: case Op::logical_not:
                return SlotType::boolean;
            case Op::list: return SlotType::list;
            case Op::concat: return SlotType::string;
            case Op::call:
                if (const FunctionInfo* f = find_function(e.name); f && f->result != SlotType::any) return f->result;
                return std::nullopt;
            default: return std::nullopt;
        }
    }

    Expr operator()(const ast::nil_lit& n) { return at(Expr::constant_of(Value(Nil{})), n.offset); }
    Expr operator()(const ast::bool_lit& b) { return at(Expr::constant_of(Value(b.value)), b.offset); }
    Expr operator()(const ast::int_lit& i) { return at(Expr::constant_of(Value(i.value)), i.offset); }
    Expr operator()(const ast::float_lit& f) { return at(Expr::constant_of(Value(f.value)), f.offset); }
    Expr operator()(const ast::symbol_ref& s) { return at(Expr::constant_of(Value::symbol(s.name)), s.offset); }

    // `?i-1` is `?i - 1`: names of variables and parameters have no `-`. A CLIPS habit (where `?i-1`
    // is one name) would silently turn a join into arithmetic, so it is named, though it is valid.
    void warn_if_hyphen_follows(char sigil, const std::string& name, std::uint32_t offset, std::uint32_t end) {
        const std::string& text = site.text;
        if (end + 1 >= text.size() || text[end] != '-') return;
        const auto next = static_cast<unsigned char>(text[end + 1]);
        if (!std::isalnum(next) && next != '_') return;
        std::size_t rest = end + 1;
        while (rest < text.size() && (std::isalnum(static_cast<unsigned char>(text[rest])) || text[rest] == '_' || text[rest] == '-'))
            ++rest;
        const std::string written = sigil + name + text.substr(end, rest - end);
        const std::string after = text.substr(end + 1, rest - end - 1);
        std::string joined = written.substr(1);
        std::replace(joined.begin(), joined.end(), '-', '_');
        rc.reporter_.warning_at_site(
            site, offset,
            fmt::format("{} leest als {}{} - {} (een aftrekking): een '-' hoort niet in de naam van een {}; schrijf "
                        "{}{} - {} met spaties, of {}{} als je één naam bedoelt",
                        written, sigil, name, after, sigil == '?' ? "variabele" : "parameter", sigil, name, after, sigil,
                        joined));
    }

    Expr operator()(const ast::variable& v) {
        warn_if_hyphen_follows('?', v.name, v.offset, v.end);
        auto it = scope.find(v.name);
        if (it == scope.end() && cx.uneven.count(v.name)) {
            error(v.offset, fmt::format("de alternatieven van or pakken ?{} elk anders uit een lijst; pak de lijst in "
                                        "elk alternatief op dezelfde manier uit, of bind de hele lijst",
                                        v.name));
            return at(Expr::constant_of(Value()), v.offset);
        }
        if (it == scope.end()) {
            error(v.offset, fmt::format("variabele ?{} is hier niet gebonden", v.name));
            return at(Expr::constant_of(Value()), v.offset);
        }
        if (it->second.gap_local) {
            error(v.offset, gap_local_message(v.name));
            return at(Expr::constant_of(Value()), v.offset);
        }
        if (it->second.alias) return at(*it->second.alias, v.offset);
        return at(Expr::var_of(it->second.id), v.offset);
    }

    Expr operator()(const ast::parameter& p) {
        warn_if_hyphen_follows('$', p.name, p.offset, p.end);
        const Param* param = rc.base_.find_param(p.name);
        if (!param) {
            std::vector<std::string> names;
            for (const auto& q : rc.base_.params()) names.push_back(q.name);
            error(p.offset, fmt::format("onbekende parameter ${}{}", p.name, did_you_mean(p.name, names, "$")));
            return at(Expr::constant_of(Value()), p.offset);
        }
        return at(Expr::constant_of(param->value), p.offset);
    }

    Expr operator()(const ast::string_lit& s) {
        std::vector<Expr> parts;
        for (const auto& part : s.parts) {
            if (auto text = boost::get<std::string>(&part.get())) parts.push_back(Expr::constant_of(Value::string(*text)));
            else parts.push_back((*this)(boost::get<ast::expression>(part.get())));
        }
        if (parts.empty()) return at(Expr::constant_of(Value::string("")), s.offset);
        if (parts.size() == 1 && parts[0].op == Op::constant && parts[0].value.kind() == ValueKind::string)
            return at(std::move(parts[0]), s.offset);
        return at(Expr::make(Op::concat, std::move(parts)), s.offset);
    }

    Expr operator()(const ast::list_lit& l) {
        // A list with rests (`[?move, ...?rest]`, CLIPS's `(create$ ?move ?rest)`) splices them in: the
        // runs of single elements become lists, and concat() joins those and the rests in order.
        if (std::any_of(l.items.begin(), l.items.end(), [](const ast::expression& i) { return bare_rest(i) != nullptr; })) {
            std::vector<Expr> parts, run;
            const auto close_run = [&] {
                if (!run.empty()) parts.push_back(Expr::make(Op::list, std::move(run)));
                run.clear();
            };
            for (const auto& i : l.items) {
                const ast::unary* r = bare_rest(i);
                if (!r) {
                    run.push_back((*this)(i));
                    continue;
                }
                close_run();
                if (!boost::get<ast::variable>(&r->rhs.get())) {
                    error(r->offset, gap_outside_pattern);
                    continue;
                }
                Expr whole = boost::apply_visitor(*this, r->rhs);
                if (const auto t = type_of(whole); t && *t != SlotType::list && *t != SlotType::any)
                    if (const ast::variable* v = boost::get<ast::variable>(&r->rhs.get()))
                        error(r->offset, fmt::format("...?{} voegt een lijst in, maar ?{} is een {}", v->name, v->name, type_word(t)));
                parts.push_back(at(std::move(whole), r->offset));
            }
            close_run();
            return at(Expr::call_of("concat", std::move(parts)), l.offset);
        }
        std::vector<Expr> items;
        for (const auto& i : l.items) items.push_back((*this)(i));
        Expr e = Expr::make(Op::list, std::move(items));
        if (auto v = fold(e)) return at(Expr::constant_of(std::move(*v)), l.offset);
        return at(std::move(e), l.offset);
    }

    Expr operator()(const ast::call& c) {
        std::vector<Expr> args;
        for (const auto& a : c.args) args.push_back((*this)(a));
        const FunctionInfo* fn = find_function(c.name);
        if (!fn)
            if (const FunctionDef* own = rc.base_.find_function_def(c.name))
                return own_function(c, *own, std::move(args));
        if (!fn) {
            std::vector<std::string> names;
            for (const auto& f : all_functions())
                if (!f.name.starts_with('#')) names.push_back(f.name);
            for (const auto& f : rc.base_.functions()) names.push_back(f->name);
            std::sort(names.begin(), names.end());
            error(c.offset, fmt::format("onbekende functie '{}'{}", c.name, did_you_mean(c.name, names)));
        } else {
            int n = static_cast<int>(args.size());
            const bool arity_wrong = n < fn->min_args || (fn->max_args >= 0 && n > fn->max_args);
            if (arity_wrong) {
                std::string expected = fn->max_args < 0 ? fmt::format("minstens {}", fn->min_args)
                                       : fn->min_args == fn->max_args ? std::to_string(fn->min_args)
                                                                      : fmt::format("{} tot {}", fn->min_args, fn->max_args);
                error(c.offset, fmt::format("functie '{}' verwacht {} argument{}, maar krijgt er {} ({})", c.name,
                                            expected, expected == "1" ? "" : "en", n, fn->signature));
            }
            if (fn->reads_input && !cx.in_actions)
                error(c.offset, fmt::format("{}() leest invoer en staat daarom alleen in een actie (then), niet in een "
                                            "conditie, een feit of een parameter; lees in een actie en bind of assert wat je "
                                            "leest",
                                            c.name));
            // A constant pattern of opmaak is read now, with the parser that formats at run time.
            if (!arity_wrong && c.name == "opmaak" && args[0].op == Op::constant && args[0].value.kind() == ValueKind::string)
                if (std::string problem = format_pattern_problem(args[0].value.as_text(), args.size() - 1); !problem.empty())
                    error(c.args[0].offset, "opmaak(): " + problem);
            // With the wrong number of arguments, which argument is which is not clear: one error is enough.
            for (std::size_t i = 0; !arity_wrong && i < args.size() && !fn->arg_kinds.empty(); ++i) {
                const std::uint8_t allowed = fn->arg_kinds[std::min(i, fn->arg_kinds.size() - 1)];
                const auto t = type_of(args[i]);
                if (const std::uint8_t kind = arg_kind_of(t); kind && !(kind & allowed))
                    error(c.args[i].offset, fmt::format("functie '{}' verwacht als argument {} {}, geen {} ({})", c.name,
                                                        i + 1, arg_kinds_word(allowed), type_word(t), fn->signature));
            }
        }
        return at(Expr::call_of(c.name, std::move(args)), c.offset);
    }

    // A call of a function of the program's own (`functions:`): the number of arguments, and no
    // function that emits or reads where the network evaluates (conditions, facts, parameters).
    Expr own_function(const ast::call& c, const FunctionDef& def, std::vector<Expr> args) {
        const std::size_t n = args.size();
        std::string params;
        for (std::size_t i = 0; i < def.variables.size() && i < def.params + (def.rest ? 1u : 0u); ++i)
            params += (i ? ", " : "") + std::string(def.rest && i == def.params ? "..." : "") + def.variables[i];
        if (n < def.params || (!def.rest && n > def.params)) {
            const std::string expected = def.rest ? fmt::format("minstens {}", def.params) : std::to_string(def.params);
            error(c.offset, fmt::format("functie '{}' verwacht {} argument{}, maar krijgt er {} ({}({}))", c.name, expected,
                                        expected == "1" ? "" : "en", n, c.name, params));
        }
        if (def.effects && !cx.in_actions)
            error(c.offset, fmt::format("functie '{}' zendt uit (emit) of leest invoer en staat daarom alleen in een actie "
                                        "(then of een functie), niet in een conditie, een feit of een parameter",
                                        c.name));
        return at(Expr::call_of(c.name, std::move(args)), c.offset);
    }

    Expr operator()(const ast::unary& u) {
        if (u.op == ast::unop::rest) {
            const ast::variable* v = boost::get<ast::variable>(&u.rhs.get());
            if (!v) {
                error(u.offset, gap_outside_pattern);
                return at(Expr::constant_of(Value()), u.offset);
            }
            error(u.offset, fmt::format("...?{} (de rest van een lijst) staat alleen in een lijst: [?eerste, ...?{}]",
                                        v ? v->name : "rest", v ? v->name : "rest"));
            return at(Expr::constant_of(Value()), u.offset);
        }
        Expr rhs = boost::apply_visitor(*this, u.rhs);
        if (u.op == ast::unop::neg) {
            if (rhs.op == Op::constant && rhs.value.kind() == ValueKind::integer)
                return at(Expr::constant_of(Value(-rhs.value.as_int())), u.offset);
            if (rhs.op == Op::constant && rhs.value.kind() == ValueKind::floating)
                return at(Expr::constant_of(Value(-rhs.value.as_float())), u.offset);
            if (is_textual(type_of(rhs))) error(u.offset, "een tekst kun je niet negatief maken");
            return at(Expr::make(Op::neg, {std::move(rhs)}), u.offset);
        }
        return at(Expr::make(Op::logical_not, {std::move(rhs)}), u.offset);
    }

    Expr operator()(const ast::postfix& p) {
        Expr e = boost::apply_visitor(*this, p.base);
        for (const auto& s : p.suffixes) {
            if (auto slot = boost::get<ast::slot_suffix>(&s.get())) {
                if (e.op == Op::var) {
                    for (const auto& [name, info] : scope) {
                        if (info.id != e.var) continue;
                        if (info.fact_tmpl) {
                            const TemplateDef& t = rc.base_.templates()[*info.fact_tmpl];
                            if (t.slot_index(slot->name) < 0) {
                                std::vector<std::string> names;
                                for (const auto& sd : t.slots) names.push_back(sd.name);
                                error(slot->offset, fmt::format("template '{}' heeft geen slot '{}'{}", t.name,
                                                                    slot->name, did_you_mean(slot->name, names)));
                            }
                        } else if (info.type) {
                            error(slot->offset, fmt::format("?{} is geen feitverwijzing (gebruik ?{} <- patroon)", name, name));
                        }
                    }
                }
                Expr s_expr = Expr::make(Op::slot, {std::move(e)});
                s_expr.name = slot->name;
                e = at(std::move(s_expr), slot->offset);
            } else {
                const auto& index = boost::get<ast::index_suffix>(s.get());
                Expr i = (*this)(index.index);
                e = at(Expr::make(Op::index, {std::move(e), std::move(i)}), index.offset);
            }
        }
        return e;
    }

    Expr operator()(const x3::forward_ast<ast::string_lit>& f) { return (*this)(f.get()); }
    Expr operator()(const x3::forward_ast<ast::list_lit>& f) { return (*this)(f.get()); }
    Expr operator()(const x3::forward_ast<ast::call>& f) { return (*this)(f.get()); }
    Expr operator()(const x3::forward_ast<ast::unary>& f) { return (*this)(f.get()); }
    Expr operator()(const x3::forward_ast<ast::postfix>& f) { return (*this)(f.get()); }
    Expr operator()(const x3::forward_ast<ast::expression>& f) { return (*this)(f.get()); }

    Expr operator()(const ast::expression& e) {
        Expr left = boost::apply_visitor(*this, e.first);
        std::size_t comparisons = 0;
        for (const auto& op : e.rest) {
            Expr right = boost::apply_visitor(*this, op.rhs);
            auto lt = type_of(left);
            auto rt = type_of(right);
            if (is_arithmetic(op.op)) {
                if (is_textual(lt) || is_textual(rt))
                    error(is_textual(rt) ? offset_of(op.rhs) : offset_of(e.first),
                          fmt::format("rekenen met een {} kan niet", type_word(is_textual(lt) ? lt : rt)));
                left = at(Expr::make(arith_of(op.op), {std::move(left), std::move(right)}), offset_of(op.rhs));
            } else if (op.op == ast::binop::logical_and || op.op == ast::binop::logical_or) {
                left = at(Expr::make(op.op == ast::binop::logical_and ? Op::logical_and : Op::logical_or,
                                     {std::move(left), std::move(right)}),
                          offset_of(op.rhs));
            } else {
                if (++comparisons > 1) error(offset_of(op.rhs), "vergelijkingen kun je niet aaneenschakelen; gebruik 'and'");
                if (is_comparison(op.op) && clash(lt, rt))
                    error(offset_of(e.first), fmt::format("vergelijking van een {} met een {}", type_word(lt), type_word(rt)));
                Expr cmp = Expr::make(cmp_of(op.op), {std::move(left), std::move(right)});
                if (op.op == ast::binop::not_in) {
                    cmp = at(std::move(cmp), offset_of(op.rhs));
                    cmp = Expr::make(Op::logical_not, {std::move(cmp)});
                }
                left = at(std::move(cmp), offset_of(op.rhs));
            }
        }
        return left;
    }
};

const TemplateDef* RuleCompiler::lookup_template(const std::string& name, std::uint32_t offset, const Site& site) {
    const TemplateDef* t = base_.find_template(name);
    if (!t) {
        std::vector<std::string> names;
        for (const auto& td : base_.templates()) names.push_back(td.name);
        std::sort(names.begin(), names.end());
        reporter_.at_site(site, offset, fmt::format("onbekende template '{}'{}", name, did_you_mean(name, names)));
    }
    return t;
}

int RuleCompiler::lookup_slot(const TemplateDef& t, const std::string& slot, std::uint32_t offset, const Site& site) {
    int i = t.slot_index(slot);
    if (i < 0) {
        std::vector<std::string> names;
        for (const auto& s : t.slots) names.push_back(s.name);
        reporter_.at_site(site, offset,
                          fmt::format("template '{}' heeft geen slot '{}'{}", t.name, slot, did_you_mean(slot, names)));
    }
    return i;
}

VarId RuleCompiler::bind_whole_list(Context& cx, const std::string& name, const ast::list_lit& list, int slot, const Site& site,
                                    Scope& scope, Pattern& out) {
    VarInfo whole;
    whole.id = cx.id_of(name);
    whole.type = SlotType::list;
    scope[name] = whole;
    SlotConstraint c;
    c.kind = SlotConstraint::Kind::bind;
    c.slot = slot;
    c.var = whole.id;
    c.source_offset = site.approx_file_offset(list.offset);
    out.constraints.push_back(std::move(c));
    return whole.id;
}

bool RuleCompiler::destructure(Context& cx, const ast::list_lit& list, const SlotDef& sd, int slot,
                               const Site& site, Scope& scope, Pattern& out) {
    // At most one rest (`...?rest` or a gap `...`): with one, a list matches in one way only, as in
    // CLIPS. More gaps (CLIPS's `$? ?x $?`) match in several ways: match_with_gaps.
    std::optional<std::size_t> rest_at;
    std::size_t gaps = 0;
    bool named_gaps = false;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const ast::unary* r = bare_rest(list.items[i]);
        if (!r) continue;
        if (!rest_at) rest_at = i;
        ++gaps;
        if (boost::get<ast::variable>(&r->rhs.get())) named_gaps = true;
    }
    if (gaps > 1 && !named_gaps) {
        match_with_gaps(cx, list, sd, slot, site, scope, out);
        return true;
    }
    if (gaps > 1) {
        std::size_t second = *rest_at + 1;
        while (!bare_rest(list.items[second])) ++second;
        reporter_.at_site(site, list.items[second].offset,
                          "een lijst heeft hoogstens één rest met naam (...?naam); met twee kan de lijst op meer manieren "
                          "passen (een rest zonder naam, ..., mag vaker: [..., ?x, ...])");
        cx.failed = true;
        // Its variables count as bound, so that their uses further on are no errors of their own.
        for (const auto& item : list.items) {
            const ast::unary* r = bare_rest(item);
            const ast::variable* v = r ? boost::get<ast::variable>(&r->rhs.get()) : bare_variable(item);
            if (!v || scope.count(v->name)) continue;
            VarInfo info;
            info.id = cx.id_of(v->name);
            info.alias = Expr::constant_of(Value());
            scope.emplace(v->name, std::move(info));
        }
        return true;
    }
    // The variable of an element or of the rest; none for a gap (`...`).
    const auto variable_of = [](const ast::expression& item) -> const ast::variable* {
        if (const ast::unary* r = bare_rest(item)) return boost::get<ast::variable>(&r->rhs.get());
        return bare_variable(item);
    };
    std::vector<std::string> fresh;
    for (const auto& item : list.items)
        if (const ast::variable* v = variable_of(item); v && !scope.count(v->name) &&
                                                        std::find(fresh.begin(), fresh.end(), v->name) == fresh.end())
            fresh.push_back(v->name);
    if (fresh.empty() && !rest_at) return false;
    if (sd.type != SlotType::list && sd.type != SlotType::any) {
        reporter_.at_site(site, list.offset,
                          fmt::format("slot '{}' is een {}; met [...] pak je alleen een lijst uit", sd.name, type_word(sd.type)));
        cx.failed = true;
        return true;
    }
    // Named after its variables: the alternatives of an `or` that take the same list apart share it.
    // A list that binds nothing new (`[a, ...?r]` with ?r bound) is numbered instead.
    std::string name = "#[";
    for (std::size_t i = 0; i < fresh.size(); ++i) name += (i ? "," : "") + fresh[i];
    if (fresh.empty()) name += std::to_string(cx.ids.size());
    name += "]";
    const VarId whole = bind_whole_list(cx, name, list, slot, site, scope, out);

    const auto located = [&](Expr e) {
        e.source_offset = site.approx_file_offset(list.offset);
        return e;
    };
    const auto number = [](std::size_t n) { return Expr::constant_of(Value(static_cast<std::int64_t>(n))); };
    const Expr whole_var = located(Expr::var_of(whole));
    const std::size_t fixed = list.items.size() - (rest_at ? 1 : 0);
    std::vector<Expr> checks;
    if (sd.type == SlotType::any)
        checks.push_back(located(Expr::make(Op::eq, {located(Expr::call_of("type", {whole_var})), Expr::constant_of(Value::string("list"))})));
    checks.push_back(located(Expr::make(rest_at ? Op::ge : Op::eq, {located(Expr::call_of("len", {whole_var})), number(fixed)})));
    // The same checks as one call of the list matcher (kListMatchFunction), for a pattern of not,
    // exists or an aggregate: a fact tested there costs one call instead of a chain of len() and
    // indexing. Not for a bound rest (`...?r` with ?r bound), which the matcher cannot compare.
    std::vector<Value> shape;
    std::vector<Expr> shape_args;
    std::vector<std::string> shape_locals;
    bool matcher = true;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const ast::variable* v = variable_of(list.items[i]);
        if (rest_at && i == *rest_at) {
            if (v && scope.count(v->name)) matcher = false;
            shape.emplace_back(std::int64_t{-1});
        } else if (v && (!scope.count(v->name) || std::count(shape_locals.begin(), shape_locals.end(), v->name))) {
            auto at = std::find(shape_locals.begin(), shape_locals.end(), v->name);
            if (at == shape_locals.end()) {
                shape_locals.push_back(v->name);
                at = shape_locals.end() - 1;
            }
            shape.emplace_back(static_cast<std::int64_t>(2 * (at - shape_locals.begin()) + 1));
        } else {
            shape.emplace_back(static_cast<std::int64_t>(2 * shape_args.size()));
            shape_args.emplace_back();  // filled below, once compiled
        }
        if (shape_locals.size() > kMaxListMatchLocals) matcher = false;
    }
    std::size_t next_arg = 0;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const ast::variable* v = variable_of(list.items[i]);
        if (rest_at && i == *rest_at && !v) continue;  // a gap takes what the others leave, unnamed
        // Before the rest, counted from the front; after it, from the end (the rest takes what is between).
        Expr element;
        if (rest_at && i == *rest_at) {
            std::vector<Expr> args{whole_var, number(i)};
            if (const std::size_t after = list.items.size() - 1 - i; after > 0)
                args.push_back(Expr::constant_of(Value(-static_cast<std::int64_t>(after))));
            element = located(Expr::call_of("slice", std::move(args)));
        } else if (rest_at && i > *rest_at) {
            const std::size_t from_end = list.items.size() - i;
            element = located(Expr::make(
                Op::index, {whole_var, located(Expr::make(Op::sub, {located(Expr::call_of("len", {whole_var})), number(from_end)}))}));
        } else {
            element = located(Expr::make(Op::index, {whole_var, number(i)}));
        }
        if (v && !scope.count(v->name)) {
            VarInfo info;
            info.id = cx.id_of(v->name);
            if (rest_at && i == *rest_at) info.type = SlotType::list;
            info.alias = std::move(element);
            scope.emplace(v->name, std::move(info));
            continue;
        }
        ExprCompiler ec{*this, cx, scope, site};
        Expr value = rest_at && i == *rest_at ? ec(*v) : ec(list.items[i]);
        if (const std::int64_t code = shape[i].as_int(); code >= 0 && code % 2 == 0) shape_args[next_arg++] = value;
        checks.push_back(located(Expr::make(Op::eq, {std::move(element), std::move(value)})));
    }
    Expr test = std::move(checks.back());
    checks.pop_back();
    while (!checks.empty()) {  // written order: length first, so that indexing never fails
        test = located(Expr::make(Op::logical_and, {std::move(checks.back()), std::move(test)}));
        checks.pop_back();
    }
    if (cx.scoped_pattern) {
        SlotConstraint k;
        k.kind = SlotConstraint::Kind::condition;
        k.slot = slot;
        if (matcher) {
            std::vector<Expr> call_args{whole_var, Expr::constant_of(Value(std::move(shape)))};
            for (Expr& a : shape_args) call_args.push_back(std::move(a));
            test = located(Expr::call_of(std::string(kListMatchFunction), std::move(call_args)));
        }
        k.rhs = std::move(test);
        k.source_offset = site.approx_file_offset(list.offset);
        out.constraints.push_back(std::move(k));
        return true;
    }
    Condition t;
    t.kind = Condition::Kind::test;
    t.expr = std::move(test);
    t.source_text = site.text;
    t.source_offset = site.approx_file_offset(list.offset);
    cx.pending_tests.push_back(std::move(t));
    return true;
}

void RuleCompiler::match_with_gaps(Context& cx, const ast::list_lit& list, const SlotDef& sd, int slot,
                                   const Site& site, Scope& scope, Pattern& out) {
    if (!cx.scoped_pattern) {
        reporter_.at_site(site, list.offset,
                          "een lijst met meer dan één rest (...) past op meer manieren; dat kan alleen in not, exists of een "
                          "aggregaat, niet in een gewoon patroon");
        cx.failed = true;
        return;
    }
    if (sd.type != SlotType::list && sd.type != SlotType::any) {
        reporter_.at_site(site, list.offset,
                          fmt::format("slot '{}' is een {}; met [...] pak je alleen een lijst uit", sd.name, type_word(sd.type)));
        cx.failed = true;
        return;
    }
    // The shape: -1 a gap, 2j the j-th value, 2k + 1 the k-th variable of the list's own (as
    // kListMatchFunction reads it).
    std::vector<Value> shape;
    std::vector<Expr> args;
    std::vector<std::string> locals;
    std::size_t gaps = 0;
    for (const auto& item : list.items) {
        if (bare_rest(item)) {
            // Two gaps side by side are one: fewer places to try.
            if (shape.empty() || shape.back().as_int() >= 0) {
                shape.emplace_back(std::int64_t{-1});
                ++gaps;
            }
            continue;
        }
        const ast::variable* v = bare_variable(item);
        if (v && !scope.count(v->name)) {
            auto at = std::find(locals.begin(), locals.end(), v->name);
            if (at == locals.end()) {
                if (locals.size() == kMaxListMatchLocals) {
                    reporter_.at_site(site, v->offset,
                                      fmt::format("een lijst met rests (...) heeft hoogstens {} eigen variabelen", kMaxListMatchLocals));
                    cx.failed = true;
                    return;
                }
                locals.push_back(v->name);
                at = locals.end() - 1;
            }
            shape.emplace_back(static_cast<std::int64_t>(2 * (at - locals.begin()) + 1));
            continue;
        }
        ExprCompiler ec{*this, cx, scope, site};
        shape.emplace_back(static_cast<std::int64_t>(2 * args.size()));
        args.push_back(ec(item));
    }
    // With variables of its own the matcher tries every way (n^(k-1) for k gaps over n elements);
    // without, it takes each run of values at its leftmost place (linear). Three gaps, O(n^2), is
    // what `[..., ?x, ..., ?x, ...]` needs, and a run over any list stays short.
    if (!locals.empty() && gaps > 3) {
        reporter_.at_site(site, list.offset,
                          "een lijst met eigen variabelen heeft hoogstens drie rests zonder naam (...): met meer kan "
                          "het zoeken naar een plaats te lang duren");
        cx.failed = true;
        return;
    }
    // Which element a variable of the list's own stands for differs per way the list matches:
    // outside the list it has no one value. A use further on (in this pattern, or a later one of
    // the same not, exists, aggregate or group) would silently bind a new variable; the marker
    // makes it an error instead.
    for (const std::string& local : locals) {
        VarInfo marker;
        marker.id = std::numeric_limits<VarId>::max();
        marker.gap_local = true;
        scope.emplace(local, std::move(marker));
    }
    const VarId whole = bind_whole_list(cx, fmt::format("#elementen{}", cx.ids.size()), list, slot, site, scope, out);
    std::vector<Expr> call_args{Expr::var_of(whole), Expr::constant_of(Value(std::move(shape)))};
    for (Expr& a : args) call_args.push_back(std::move(a));
    SlotConstraint k;
    k.kind = SlotConstraint::Kind::condition;
    k.slot = slot;
    k.rhs = Expr::call_of(std::string(kListMatchFunction), std::move(call_args));
    k.rhs.source_offset = site.approx_file_offset(list.offset);
    k.source_offset = k.rhs.source_offset;
    out.constraints.push_back(std::move(k));
}

std::optional<Pattern> RuleCompiler::compile_pattern(Context& cx, const ast::pattern& p, const Site& site, Scope& scope) {
    const TemplateDef* t = lookup_template(p.tmpl, p.offset, site);
    if (!t) {
        cx.failed = true;
        return std::nullopt;
    }
    Pattern out;
    out.tmpl = *base_.template_id(p.tmpl);
    std::map<int, std::pair<Value, std::uint32_t>> constants;  // slot -> the constant it must equal
    for (const auto& sc : p.slots) {
        int slot = lookup_slot(*t, sc.slot, sc.offset, site);
        if (slot < 0) {
            cx.failed = true;
            continue;
        }
        const SlotDef& sd = t->slots[static_cast<std::size_t>(slot)];
        SlotConstraint c;
        c.slot = slot;
        c.source_offset = site.approx_file_offset(sc.offset);
        if (sc.op == ast::slot_op::colon) {
            if (const ast::list_lit* list = bare_list(sc.value)) {
                if (destructure(cx, *list, sd, slot, site, scope, out)) continue;
            }
            const ast::variable* v = bare_variable(sc.value);
            // An element of a list taken apart is no slot of a fact: compared, not joined.
            if (v && scope.count(v->name) && scope.find(v->name)->second.alias) v = nullptr;
            if (v) {
                c.kind = SlotConstraint::Kind::bind;
                auto it = scope.find(v->name);
                if (it == scope.end()) {
                    VarInfo info;
                    info.id = cx.id_of(v->name);
                    if (sd.type != SlotType::any) info.type = sd.type;
                    it = scope.emplace(v->name, info).first;
                } else if (it->second.gap_local) {
                    reporter_.at_site(site, v->offset, gap_local_message(v->name));
                    cx.failed = true;
                } else if (clash(it->second.type, sd.type)) {
                    reporter_.at_site(site, v->offset,
                                      fmt::format("?{} is een {}, maar slot '{}' is een {}; deze regel kan nooit vuren",
                                                  v->name, type_word(it->second.type), sd.name, type_word(sd.type)));
                    cx.failed = true;
                }
                c.var = it->second.id;
                out.constraints.push_back(std::move(c));
                continue;
            }
        }
        c.kind = SlotConstraint::Kind::test;
        ExprCompiler ec{*this, cx, scope, site};
        c.rhs = ec(sc.value);
        switch (sc.op) {
            case ast::slot_op::colon:
            case ast::slot_op::eq: c.cmp = Op::eq; break;
            case ast::slot_op::ne: c.cmp = Op::ne; break;
            case ast::slot_op::lt: c.cmp = Op::lt; break;
            case ast::slot_op::le: c.cmp = Op::le; break;
            case ast::slot_op::gt: c.cmp = Op::gt; break;
            case ast::slot_op::ge: c.cmp = Op::ge; break;
            case ast::slot_op::in: c.cmp = Op::in; break;
            case ast::slot_op::not_in: c.cmp = Op::in; c.negate = true; break;
        }
        auto rhs_type = ec.type_of(c.rhs);
        const std::uint32_t value_offset = sc.value.offset;
        if (c.cmp != Op::in && clash(sd.type == SlotType::any ? std::nullopt : std::optional(sd.type), rhs_type)) {
            reporter_.at_site(site, value_offset,
                              fmt::format("slot '{}' is een {} en wordt vergeleken met een {}; deze regel kan nooit vuren",
                                          sd.name, type_word(sd.type), type_word(rhs_type)));
            cx.failed = true;
        } else if (c.cmp == Op::in && !c.negate && c.rhs.op == Op::constant &&
                   c.rhs.value.kind() == ValueKind::list &&
                   std::none_of(c.rhs.value.as_list().begin(), c.rhs.value.as_list().end(),
                                [&sd](const Value& v) { return fits(sd.type, v, sd.nullable); })) {
            reporter_.at_site(site, value_offset,
                              fmt::format("geen waarde in {} past in slot '{}' ({}); deze regel kan nooit vuren",
                                          c.rhs.value.repr(), sd.name, type_name(sd.type)));
            cx.failed = true;
        } else if (c.cmp == Op::eq && c.rhs.op == Op::constant) {
            if (!fits(sd.type, c.rhs.value, sd.nullable)) {
                reporter_.at_site(site, value_offset,
                                  fmt::format("{} past niet in slot '{}' ({}{}); deze regel kan nooit vuren",
                                              c.rhs.value.repr(), sd.name, type_name(sd.type), sd.nullable ? ", nullable" : ""));
                cx.failed = true;
            } else {
                auto [it, fresh] = constants.emplace(slot, std::make_pair(c.rhs.value, value_offset));
                if (!fresh && !(it->second.first == c.rhs.value)) {
                    reporter_.at_site(site, value_offset,
                                      fmt::format("slot '{}' moet al gelijk zijn aan {}; geen feit kan allebei, deze "
                                                  "regel kan nooit vuren",
                                                  sd.name, it->second.first.repr()));
                    cx.failed = true;
                }
            }
        }
        out.constraints.push_back(std::move(c));
    }
    return out;
}

std::optional<Condition> RuleCompiler::compile_condition(Context& cx, const ast::condition& c, const Site& site, Scope& scope) {
    Condition out;
    out.source_text = site.text;
    out.source_offset = site.approx_file_offset(c.offset);
    switch (c.kind) {
        case ast::condition_kind::test: {
            out.kind = Condition::Kind::test;
            out.expr = ExprCompiler{*this, cx, scope, site}.expecting(*c.expr, SlotType::boolean,
                                                                     "test verwacht een waarheidswaarde, maar dit is een {}");
            return out;
        }
        case ast::condition_kind::pattern: {
            out.kind = Condition::Kind::pattern;
            if (c.var && scope.count(c.var->name)) {
                reporter_.at_site(site, c.var->offset, fmt::format("?{} is al gebonden", c.var->name));
                cx.failed = true;
            }
            auto p = compile_pattern(cx, c.pat, site, scope);
            if (!p) return std::nullopt;
            out.pattern = std::move(*p);
            if (c.var && !scope.count(c.var->name)) {
                VarInfo info;
                info.id = cx.id_of(c.var->name);
                info.fact_tmpl = out.pattern.tmpl;
                scope.emplace(c.var->name, info);
                out.pattern.fact_var = info.id;
            }
            return out;
        }
        case ast::condition_kind::negation:
        case ast::condition_kind::exists: {
            out.kind = c.kind == ast::condition_kind::negation ? Condition::Kind::negation : Condition::Kind::exists;
            Scope local = scope;  // variables first bound inside stay inside
            // ... and get their own ids, so that the same name used later in the rule is a new
            // variable rather than a join with one that only existed inside.
            auto saved_ids = cx.ids;
            ScopedPatterns scoped(cx.scoped_pattern);
            auto p = compile_pattern(cx, c.pat, site, local);
            cx.ids = std::move(saved_ids);
            if (!p) return std::nullopt;
            out.pattern = std::move(*p);
            return out;
        }
        case ast::condition_kind::aggregate: {
            out.kind = Condition::Kind::aggregate;
            static const std::map<std::string, AggregateKind, std::less<>> kinds = {
                {"count", AggregateKind::count}, {"sum", AggregateKind::sum},         {"min", AggregateKind::min},
                {"max", AggregateKind::max},     {"collect", AggregateKind::collect}};
            auto k = kinds.find(c.aggregate);
            if (k == kinds.end()) {
                reporter_.at_site(site, c.var->end, fmt::format("onbekend aggregaat '{}' (count, sum, min, max of collect){}", c.aggregate,
                                                                did_you_mean(c.aggregate, {"collect", "count", "max", "min", "sum"})));
                cx.failed = true;
                return std::nullopt;
            }
            out.aggregate = k->second;
            if (scope.count(c.var->name)) {
                reporter_.at_site(site, c.var->offset, fmt::format("?{} is al gebonden", c.var->name));
                cx.failed = true;
            }
            Scope local = scope;  // as for `not`: variables first bound inside stay inside
            auto saved_ids = cx.ids;
            ScopedPatterns scoped(cx.scoped_pattern);
            auto p = compile_pattern(cx, c.pat, site, local);
            if (!p) {
                cx.ids = std::move(saved_ids);
                return std::nullopt;
            }
            out.pattern = std::move(*p);
            for (const ast::sub_condition& part : c.also) {
                Condition more;
                more.source_text = site.text;
                more.source_offset = site.approx_file_offset(part.offset);
                more.kind = part.kind == ast::condition_kind::negation ? Condition::Kind::negation
                            : part.kind == ast::condition_kind::exists ? Condition::Kind::exists
                                                                       : Condition::Kind::pattern;
                // As everywhere: what a `not` or `exists` binds first stays inside it.
                Scope inner = local;
                auto q = compile_pattern(cx, part.pat, site, more.kind == Condition::Kind::pattern ? local : inner);
                if (!q) {
                    cx.ids = std::move(saved_ids);
                    return std::nullopt;
                }
                more.pattern = std::move(*q);
                out.also.push_back(std::move(more));
            }
            std::optional<SlotType> result_type = SlotType::integer;
            if (out.aggregate == AggregateKind::count) {
                if (c.expr) {
                    reporter_.at_site(site, c.expr->offset, "count telt feiten en neemt geen expressie");
                    cx.failed = true;
                }
            } else if (!c.expr) {
                reporter_.at_site(site, c.pat.end, fmt::format("{} heeft een expressie nodig: {}(patroon, expressie)", c.aggregate, c.aggregate));
                cx.failed = true;
            } else {
                ExprCompiler ec{*this, cx, local, site};
                out.expr = ec(*c.expr);
                result_type = out.aggregate == AggregateKind::sum       ? std::optional(SlotType::number)
                              : out.aggregate == AggregateKind::collect ? std::optional(SlotType::list)
                                                                        : ec.type_of(out.expr);
                if (is_textual(ec.type_of(out.expr)) && out.aggregate == AggregateKind::sum) {
                    reporter_.at_site(site, c.expr->offset, "de som van een tekst kan niet");
                    cx.failed = true;
                }
            }
            cx.ids = std::move(saved_ids);
            VarInfo info;
            info.id = cx.id_of(c.var->name);
            info.type = result_type;
            out.result = info.id;
            scope.emplace(c.var->name, info);
            return out;
        }
    }
    return std::nullopt;
}

std::optional<Action> RuleCompiler::compile_action(Context& cx, const ast::action& a, const Site& site, Scope& scope) {
    Action out;
    out.source_text = site.text;
    out.source_offset = site.approx_file_offset(a.offset);
    ExprCompiler ec{*this, cx, scope, site};
    // Slot values of assert and modify: `slot: expr` only, each slot once, fitting its type.
    auto slot_values = [&](const TemplateDef& t) {
        std::set<int> seen;
        for (const auto& sc : a.pat.slots) {
            if (sc.op != ast::slot_op::colon) {
                reporter_.at_site(site, sc.offset, fmt::format("schrijf '{}: waarde'; vergelijkingen horen in condities", sc.slot));
                cx.failed = true;
            }
            int slot = lookup_slot(t, sc.slot, sc.offset, site);
            if (slot < 0) {
                cx.failed = true;
                continue;
            }
            if (!seen.insert(slot).second) {
                reporter_.at_site(site, sc.offset, fmt::format("slot '{}' staat er twee keer", sc.slot));
                cx.failed = true;
            }
            const SlotDef& sd = t.slots[static_cast<std::size_t>(slot)];
            Expr value = ec(sc.value);
            if (value.op == Op::constant && !fits(sd.type, value.value, sd.nullable)) {
                reporter_.at_site(site, sc.value.offset,
                                  fmt::format("{} past niet in slot '{}' ({}{})", value.value.repr(), sd.name,
                                              type_name(sd.type), sd.nullable ? ", nullable" : ""));
                cx.failed = true;
            } else if (sd.type != SlotType::any && clash(sd.type, ec.type_of(value))) {
                reporter_.at_site(site, sc.value.offset,
                                  fmt::format("slot '{}' is een {}, de waarde een {}", sd.name, type_word(sd.type),
                                              type_word(ec.type_of(value))));
                cx.failed = true;
            }
            out.slots.emplace_back(slot, std::move(value));
        }
    };
    if (cx.in_function && a.kind != ast::action_kind::bind && a.kind != ast::action_kind::emit &&
        a.kind != ast::action_kind::return_) {
        reporter_.at_site(site, a.offset,
                          "in een functie staan bind, emit, return, if, for en while; feiten en de focus verandert de "
                          "regel die haar aanroept (geef terug wat die nodig heeft)");
        cx.failed = true;
        return std::nullopt;
    }
    switch (a.kind) {
        case ast::action_kind::assert_fact: {
            out.kind = Action::Kind::assert_fact;
            const TemplateDef* t = lookup_template(a.pat.tmpl, a.pat.offset, site);
            if (!t) {
                cx.failed = true;
                return std::nullopt;
            }
            out.tmpl = *base_.template_id(a.pat.tmpl);
            slot_values(*t);
            return out;
        }
        case ast::action_kind::modify:
        case ast::action_kind::duplicate: {
            out.kind = a.kind == ast::action_kind::modify ? Action::Kind::modify : Action::Kind::duplicate;
            auto it = scope.find(a.var->name);
            if (it == scope.end() || !it->second.fact_tmpl) {
                reporter_.at_site(site, a.var->offset,
                                  it == scope.end() ? fmt::format("variabele ?{} is hier niet gebonden", a.var->name)
                                                    : fmt::format("?{} is geen feitverwijzing (gebruik ?{} <- patroon)",
                                                                  a.var->name, a.var->name));
                cx.failed = true;
                return std::nullopt;
            }
            out.target = Expr::var_of(it->second.id);
            out.target.source_offset = site.approx_file_offset(a.var->offset);
            out.tmpl = *it->second.fact_tmpl;
            slot_values(base_.templates()[out.tmpl]);
            return out;
        }
        case ast::action_kind::retract: {
            out.kind = Action::Kind::retract;
            if (const ast::variable* v = bare_variable(*a.expr)) {
                auto it = scope.find(v->name);
                if (it != scope.end() && !it->second.fact_tmpl) {
                    reporter_.at_site(site, v->offset,
                                      fmt::format("?{} is geen feitverwijzing (gebruik ?{} <- patroon)", v->name, v->name));
                    cx.failed = true;
                }
            }
            out.target = ec(*a.expr);
            return out;
        }
        case ast::action_kind::bind: {
            out.kind = Action::Kind::bind;
            out.expr = ec(*a.expr);
            auto type = ec.type_of(out.expr);
            VarInfo info;
            info.id = cx.id_of(a.var->name);
            info.type = type;
            out.var = info.id;
            scope[a.var->name] = info;
            return out;
        }
        case ast::action_kind::halt: out.kind = Action::Kind::halt; return out;
        case ast::action_kind::return_:
            out.kind = Action::Kind::return_;
            if (cx.in_function) {
                out.expr = a.expr ? ec(*a.expr) : Expr::constant_of(Value(Nil{}));
            } else if (a.expr) {
                reporter_.at_site(site, a.expr->offset,
                                  "return met een waarde staat alleen in een functie (functions); in een regel stopt "
                                  "return de acties en haalt de module van de focusstapel");
                cx.failed = true;
            }
            return out;
        case ast::action_kind::pop_focus: out.kind = Action::Kind::pop_focus; return out;
        case ast::action_kind::focus: {
            out.kind = Action::Kind::focus;
            for (const auto& m : a.modules) {
                if (!base_.has_module(m.name)) {
                    reporter_.at_site(site, m.offset, base_.unknown_module(m.name));
                    cx.failed = true;
                }
                out.modules.push_back(m.name);
            }
            return out;
        }
        case ast::action_kind::emit: {
            out.kind = Action::Kind::emit;
            out.record_name = a.pat.tmpl;
            std::set<std::string> seen;
            for (const auto& sc : a.pat.slots) {
                if (sc.op != ast::slot_op::colon) {
                    reporter_.at_site(site, sc.offset, fmt::format("schrijf '{}: waarde' in een emit", sc.slot));
                    cx.failed = true;
                }
                if (!seen.insert(sc.slot).second) {
                    reporter_.at_site(site, sc.offset, fmt::format("veld '{}' staat er twee keer", sc.slot));
                    cx.failed = true;
                }
                out.fields.emplace_back(sc.slot, ec(sc.value));
            }
            return out;
        }
    }
    return std::nullopt;
}

void RuleCompiler::compile_group(Context& cx, const ConditionSite& group, Scope& scope, std::vector<Condition>& out) {
    const bool forall = group.group == ConditionSite::Group::forall;
    const char* what = forall ? "forall" : "not";
    std::vector<ast::condition> parts;
    for (const Site& site : group.parts) {
        ast::condition c;
        if (auto e = parse_condition(site.text, c)) {
            reporter_.at_site(site, e->offset, e->message);
            cx.failed = true;
            return;
        }
        const std::size_t i = parts.size();
        const bool plain = c.kind == ast::condition_kind::pattern && !c.var;
        const bool allowed = plain || (!forall && i > 0 && (c.kind == ast::condition_kind::negation || c.kind == ast::condition_kind::exists));
        if (!allowed) {
            reporter_.at_site(site, c.offset,
                              forall ? "in forall staan alleen patronen (geen not, exists, test, aggregaat of ?f <-)"
                              : i == 0 ? "not: [...] begint met een patroon (geen not, exists, test, aggregaat of ?f <-)"
                                       : "in not: [...] staan na het eerste patroon alleen patronen, not patroon en exists patroon");
            cx.failed = true;
            return;
        }
        parts.push_back(std::move(c));
    }
    // forall: [a, b, c] holds when no match of a lacks a b, and none lacks a c. Split so, b and c
    // must not join on a variable that neither the rule nor a binds: that would ask for one fact pair.
    if (forall) {
        const auto binds = [](const ast::pattern& p) {
            std::set<std::string> names;
            for (const auto& sc : p.slots)
                if (sc.op == ast::slot_op::colon)
                    if (const ast::variable* v = bare_variable(sc.value)) names.insert(v->name);
            return names;
        };
        const std::set<std::string> first = binds(parts[0].pat);
        std::set<std::string> later;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            for (const auto& sc : parts[i].pat.slots) {
                const ast::variable* v = sc.op == ast::slot_op::colon ? bare_variable(sc.value) : nullptr;
                if (!v || scope.count(v->name) || first.count(v->name)) continue;
                if (!later.insert(v->name).second) {
                    reporter_.at_site(group.parts[i], v->offset,
                                      fmt::format("?{} komt in twee patronen na het eerste van forall voor, maar niet in het eerste; "
                                                  "schrijf die patronen als één voorwaarde met een eigen template, of bind ?{} in het eerste",
                                                  v->name, v->name));
                    cx.failed = true;
                    return;
                }
            }
        }
    }
    const auto count_zero = [&](const std::vector<std::size_t>& members, bool negate_rest) {
        Condition agg;
        agg.kind = Condition::Kind::aggregate;
        agg.aggregate = AggregateKind::count;
        agg.source_text = group.parts[members[0]].text;
        agg.source_offset = group.parts[members[0]].approx_file_offset(parts[members[0]].offset);
        Scope local = scope;  // what the group binds stays inside it
        auto saved_ids = cx.ids;
        ScopedPatterns scoped(cx.scoped_pattern);
        auto p = compile_pattern(cx, parts[members[0]].pat, group.parts[members[0]], local);
        bool ok = p.has_value();
        if (p) agg.pattern = std::move(*p);
        for (std::size_t k = 1; k < members.size() && ok; ++k) {
            const ast::condition& part = parts[members[k]];
            Condition more;
            more.source_text = group.parts[members[k]].text;
            more.source_offset = group.parts[members[k]].approx_file_offset(part.offset);
            more.kind = negate_rest || part.kind == ast::condition_kind::negation ? Condition::Kind::negation
                        : part.kind == ast::condition_kind::exists                 ? Condition::Kind::exists
                                                                                   : Condition::Kind::pattern;
            Scope inner = local;
            auto q = compile_pattern(cx, part.pat, group.parts[members[k]], more.kind == Condition::Kind::pattern ? local : inner);
            if (!q) ok = false;
            else more.pattern = std::move(*q);
            agg.also.push_back(std::move(more));
        }
        cx.ids = std::move(saved_ids);
        if (!ok) return;
        // The count is a variable no one can write (`#`), tested against 0 right after.
        const std::string name = fmt::format("#{}{}", what, cx.ids.size() + cx.rule->variables.size());
        const VarId id = cx.id_of(name);
        agg.result = id;
        out.push_back(std::move(agg));
        Condition test;
        test.kind = Condition::Kind::test;
        test.expr = Expr::make(Op::eq, {Expr::var_of(id), Expr::constant_of(Value(std::int64_t{0}))});
        test.source_text = out.back().source_text;
        test.source_offset = out.back().source_offset;
        test.expr.source_offset = test.source_offset;
        out.push_back(std::move(test));
    };
    if (!forall) {
        std::vector<std::size_t> all(parts.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        count_zero(all, false);
    } else {
        for (std::size_t i = 1; i < parts.size(); ++i) count_zero({0, i}, true);
    }
}

void RuleCompiler::compile_actions(Context& cx, const std::vector<ActionSite>& list, Scope& scope) {
    RuleDef& rule = *cx.rule;
    for (const ActionSite& item : list) {
        const Site& site = item.text;
        if (item.is_for) {
            compile_for(cx, item, scope);
            continue;
        }
        if (item.is_while) {
            compile_while(cx, item, scope);
            continue;
        }
        if (!item.is_if) {
            ast::action a;
            if (auto e = parse_action(site.text, a)) {
                reporter_.at_site(site, e->offset, e->message);
                cx.failed = true;
                continue;
            }
            auto action = compile_action(cx, a, site, scope);
            if (action) rule.actions.edit().push_back(std::move(*action));
            continue;
        }
        Action branch;
        branch.kind = Action::Kind::branch;
        branch.source_text = "if " + site.text;
        branch.source_offset = site.approx_file_offset(0);
        ast::expression e;
        if (auto err = parse_expression(site.text, e)) {
            reporter_.at_site(site, err->offset, err->message);
            cx.failed = true;
        } else {
            branch.expr = ExprCompiler{*this, cx, scope, site}.expecting(
                e, SlotType::boolean, "de voorwaarde van if moet true of false opleveren, geen {}");
        }
        const std::size_t at_branch = rule.actions.edit().size();
        rule.actions.edit().push_back(std::move(branch));
        // Variables that `bind` first binds in a part exist only in that part; one that a part binds
        // again keeps its name after the `if`, but not the type of either part.
        Scope then_scope = scope;
        compile_actions(cx, item.then_part, then_scope);
        Scope else_scope = scope;
        if (!item.else_part.empty()) {
            Action jump;
            jump.kind = Action::Kind::jump;
            jump.source_text = "else";
            jump.source_offset = rule.actions.edit()[at_branch].source_offset;
            const std::size_t at_jump = rule.actions.edit().size();
            rule.actions.edit().push_back(std::move(jump));
            rule.actions.edit()[at_branch].jump = static_cast<std::uint32_t>(rule.actions.edit().size());
            compile_actions(cx, item.else_part, else_scope);
            rule.actions.edit()[at_jump].jump = static_cast<std::uint32_t>(rule.actions.edit().size());
        } else {
            rule.actions.edit()[at_branch].jump = static_cast<std::uint32_t>(rule.actions.edit().size());
        }
        for (auto& [name, info] : scope) {
            for (const Scope* part : {&then_scope, &else_scope}) {
                auto it = part->find(name);
                if (it != part->end() && (it->second.type != info.type || it->second.fact_tmpl != info.fact_tmpl)) {
                    info.type.reset();
                    info.fact_tmpl.reset();
                }
            }
        }
    }
}

void RuleCompiler::compile_for(Context& cx, const ActionSite& item, Scope& scope) {
    RuleDef& rule = *cx.rule;
    const Site& site = item.text;
    const std::string& head = site.text;
    // `?naam in expressie`: the variable, then the list as an expression of its own.
    std::size_t p = head.find_first_not_of(" \t");
    std::size_t name_end = p;
    if (p != std::string::npos && head[p] == '?') {
        name_end = p + 1;
        while (name_end < head.size() && (std::isalnum(static_cast<unsigned char>(head[name_end])) || head[name_end] == '_'))
            ++name_end;
    }
    const std::size_t in_at = name_end == std::string::npos ? std::string::npos : head.find_first_not_of(" \t", name_end);
    const bool shaped = p != std::string::npos && name_end > p + 1 && in_at != std::string::npos && in_at > name_end &&
                        head.compare(in_at, 2, "in") == 0 && in_at + 2 < head.size() &&
                        (head[in_at + 2] == ' ' || head[in_at + 2] == '\t');
    if (!shaped) {
        reporter_.at_site(site, p == std::string::npos ? 0 : p, "de kop van for is ?naam in lijst (for: \"?zet in ?zetten\")");
        cx.failed = true;
        return;
    }
    const std::string name = head.substr(p + 1, name_end - p - 1);
    if (scope.count(name)) {
        reporter_.at_site(site, p, fmt::format("?{} is al gebonden; for bindt een nieuwe variabele aan elk element", name));
        cx.failed = true;
        return;
    }
    // The list is parsed in place (the head blanked before it), so that offsets count from the head.
    const std::size_t list_at = in_at + 2;
    std::string list_text = head;
    std::fill_n(list_text.begin(), list_at, ' ');
    ast::expression e;
    if (auto err = parse_expression(list_text, e)) {
        reporter_.at_site(site, err->offset, err->message);
        cx.failed = true;
        return;
    }
    Action fill;
    fill.kind = Action::Kind::bind;
    fill.source_text = "for " + head;
    fill.source_offset = site.approx_file_offset(0);
    {
        ExprCompiler ec{*this, cx, scope, site};
        fill.expr = ec.expecting(e, SlotType::list, "for loopt over een lijst, niet over een {}");
        // Where the type shows only at run time, concat() refuses anything but a list: the loop
        // action takes an integer as a count of rounds (while), not as a list.
        if (ec.type_of(fill.expr) != SlotType::list) {
            const std::uint32_t offset = fill.expr.source_offset;
            fill.expr = Expr::call_of("concat", {std::move(fill.expr)});
            fill.expr.source_offset = offset;
        }
    }
    // Two variables no one can write (`#`): the list, fixed when the loop starts, and the position.
    const std::size_t n = rule.actions.edit().size();
    fill.var = cx.id_of(fmt::format("#for{}lijst", n));
    const VarId position = cx.id_of(fmt::format("#for{}plek", n));
    const std::size_t at_each = open_loop(rule, std::move(fill), position, cx.id_of(name));
    // The element exists only in the body, as does what bind binds there first.
    Scope body = scope;
    VarInfo element;
    element.id = rule.actions.edit()[at_each].var;
    body[name] = element;
    compile_actions(cx, item.then_part, body);
    close_loop(rule, at_each, "einde van for " + head, scope, body);
}

// The three actions that open a loop over what `head` binds (a list, or a count of rounds): `head`
// itself, the position set to 0, and `each`, which binds the next element to `element` or leaves the
// loop (close_loop sets where to). Returns the place of `each`.
std::size_t RuleCompiler::open_loop(RuleDef& rule, Action head, VarId position, VarId element) {
    Action start = head;
    start.var = position;
    start.expr = Expr::constant_of(Value(std::int64_t{0}));
    Action each = head;
    each.kind = Action::Kind::each;
    each.expr = Expr::var_of(head.var);
    each.target = Expr::var_of(position);
    each.var = element;
    rule.actions.edit().push_back(std::move(head));
    rule.actions.edit().push_back(std::move(start));
    rule.actions.edit().push_back(std::move(each));
    return rule.actions.edit().size() - 1;
}

// Ends the body of the loop opened at `at_each`: a jump back to `each`, which leaves to just after
// it. A variable the body binds again keeps its name after the loop, but not its type.
void RuleCompiler::close_loop(RuleDef& rule, std::size_t at_each, std::string source_text, Scope& scope, const Scope& body) {
    Action again;
    again.kind = Action::Kind::again;
    again.source_text = std::move(source_text);
    again.source_offset = rule.actions.edit()[at_each].source_offset;
    again.jump = static_cast<std::uint32_t>(at_each);
    rule.actions.edit().push_back(std::move(again));
    rule.actions.edit()[at_each].jump = static_cast<std::uint32_t>(rule.actions.edit().size());
    for (auto& [var, info] : scope) {
        auto it = body.find(var);
        if (it != body.end() && (it->second.type != info.type || it->second.fact_tmpl != info.fact_tmpl)) {
            info.type.reset();
            info.fact_tmpl.reset();
        }
    }
}

// `while: voorwaarde, do: [...]` (CLIPS's while): a for over a count of rounds, whose body starts
// with a branch out of the loop when the condition is false. The count (max_while_rounds) is what
// keeps the guarantee that a firing ends: a loop whose condition stays true stops with an error.
void RuleCompiler::compile_while(Context& cx, const ActionSite& item, Scope& scope) {
    RuleDef& rule = *cx.rule;
    const Site& site = item.text;
    ast::expression e;
    if (auto err = parse_expression(site.text, e)) {
        reporter_.at_site(site, err->offset, err->message);
        cx.failed = true;
        return;
    }
    const std::size_t n = rule.actions.edit().size();
    Action bound;
    bound.kind = Action::Kind::bind;
    bound.source_text = "while " + site.text;
    bound.source_offset = site.approx_file_offset(0);
    bound.var = cx.id_of(fmt::format("#while{}grens", n));
    bound.expr = Expr::constant_of(Value(max_while_rounds));
    const VarId position = cx.id_of(fmt::format("#while{}plek", n));
    const VarId round = cx.id_of(fmt::format("#while{}ronde", n));
    Action test = bound;
    test.kind = Action::Kind::branch;
    test.expr = ExprCompiler{*this, cx, scope, site}.expecting(e, SlotType::boolean,
                                                               "de voorwaarde van while moet true of false opleveren, geen {}");
    const std::size_t at_each = open_loop(rule, std::move(bound), position, round);
    const std::size_t at_test = rule.actions.edit().size();
    rule.actions.edit().push_back(std::move(test));
    // What bind binds first in the body exists only there; a variable from before that the body
    // binds again keeps its new value for the next round and after the loop (as in a for).
    Scope body = scope;
    compile_actions(cx, item.then_part, body);
    close_loop(rule, at_each, "einde van while " + site.text, scope, body);
    rule.actions.edit()[at_test].jump = static_cast<std::uint32_t>(rule.actions.edit().size());
}

bool RuleCompiler::compile_rule(RuleDef& rule, const std::vector<ConditionSite>& conditions,
                                const std::vector<std::vector<std::size_t>>& alternatives, const std::vector<ActionSite>& actions,
                                std::size_t logical_items) {
    Context cx;
    cx.rule = &rule;
    std::vector<std::optional<ast::condition>> parsed(conditions.size());
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (conditions[i].group != ConditionSite::Group::none) continue;  // parsed where it is compiled
        ast::condition c;
        if (auto e = parse_condition(conditions[i].text.text, c)) {
            reporter_.at_site(conditions[i].text, e->offset, e->message);
            cx.failed = true;
        } else {
            parsed[i] = std::move(c);
        }
    }
    // Actions see the variables bound in every alternative.
    std::optional<Scope> common;
    for (std::size_t alt = 0; alt < alternatives.size(); ++alt) {
        Scope scope;
        std::vector<Condition> conds;
        std::optional<std::size_t> prefix;  // with logical_items: the conditions of the first items
        for (std::size_t index : alternatives[alt]) {
            if (logical_items && !prefix && conditions[index].item >= logical_items) prefix = conds.size();
            if (conditions[index].group != ConditionSite::Group::none) {
                compile_group(cx, conditions[index], scope, conds);
                continue;
            }
            if (!parsed[index]) continue;
            // A condition shared by several alternatives may be reported once per alternative; the
            // loader drops repeated diagnostics.
            auto c = compile_condition(cx, *parsed[index], conditions[index].text, scope);
            if (c) conds.push_back(std::move(*c));
            // Only a plain pattern leaves tests to follow it (not, exists and aggregates keep theirs).
            for (auto& t : cx.pending_tests) conds.push_back(std::move(t));
            cx.pending_tests.clear();
        }
        if (logical_items) rule.logical_prefix.push_back(static_cast<std::uint32_t>(prefix.value_or(conds.size())));
        rule.alternatives.push_back(std::move(conds));
        if (!common) {
            common = scope;
        } else {
            for (auto it = common->begin(); it != common->end();) {
                auto other = scope.find(it->first);
                // An element of a list that the alternatives take apart each their own way is read
                // from a different place in each: the actions, shared by all, cannot name it.
                const auto read_as = [&](const VarInfo& info) {
                    return info.alias ? to_string(*info.alias, rule.variables) : std::string();
                };
                if (other != scope.end() && read_as(other->second) != read_as(it->second)) {
                    cx.uneven.insert(it->first);
                    other = scope.end();
                }
                it = other != scope.end() ? std::next(it) : common->erase(it);
            }
        }
    }
    if (!common) common = Scope{};
    cx.in_actions = true;
    compile_actions(cx, actions, *common);
    return !cx.failed;
}

bool RuleCompiler::compile_function(FunctionDef& def, const std::vector<ActionSite>& body) {
    Context cx;
    RuleDef frame;
    frame.id = def.name;
    cx.rule = &frame;
    cx.in_actions = true;
    cx.in_function = true;
    Scope scope;
    const std::size_t parameters = def.params + (def.rest ? 1u : 0u);
    for (std::size_t i = 0; i < parameters; ++i) {
        VarInfo info;
        info.id = cx.id_of(def.variables[i].substr(1));
        if (def.rest && i == def.params) info.type = SlotType::list;
        scope[def.variables[i].substr(1)] = info;
    }
    compile_actions(cx, body, scope);
    def.variables = std::move(frame.variables);
    def.actions = std::move(frame.actions.edit());
    def.effects = def.effects || has_effects(def.actions);
    return !cx.failed;
}

namespace {

bool calls_effects(const Expr& e, const RuleBase& base) {
    if (e.op == Op::call) {
        if (const FunctionInfo* f = find_function(e.name); f && f->reads_input) return true;
        if (const FunctionDef* own = base.find_function_def(e.name); own && own->effects) return true;
    }
    for (const Expr& a : e.args)
        if (calls_effects(a, base)) return true;
    return false;
}

}  // namespace

bool RuleCompiler::has_effects(const std::vector<Action>& actions) const {
    for (const Action& a : actions) {
        if (a.kind == Action::Kind::emit) return true;
        if (calls_effects(a.expr, base_) || calls_effects(a.target, base_)) return true;
        for (const auto& [slot, e] : a.slots)
            if (calls_effects(e, base_)) return true;
        for (const auto& [name, e] : a.fields)
            if (calls_effects(e, base_)) return true;
    }
    return false;
}

std::optional<FactSpec> RuleCompiler::compile_fact(const Site& site) {
    ast::pattern p;
    if (auto e = parse_fact(site.text, p)) {
        reporter_.at_site(site, e->offset, e->message);
        return std::nullopt;
    }
    const TemplateDef* t = lookup_template(p.tmpl, p.offset, site);
    if (!t) return std::nullopt;
    Context cx;
    Scope scope;
    ExprCompiler ec{*this, cx, scope, site};
    FactSpec out;
    out.tmpl = *base_.template_id(p.tmpl);
    std::set<int> seen;
    bool ok = true;
    for (const auto& sc : p.slots) {
        int slot = lookup_slot(*t, sc.slot, sc.offset, site);
        if (slot < 0) {
            ok = false;
            continue;
        }
        if (sc.op != ast::slot_op::colon) {
            reporter_.at_site(site, sc.offset, fmt::format("schrijf '{}: waarde' in een feit", sc.slot));
            ok = false;
            continue;
        }
        if (!seen.insert(slot).second) {
            reporter_.at_site(site, sc.offset, fmt::format("slot '{}' staat er twee keer", sc.slot));
            ok = false;
            continue;
        }
        Expr e = ec(sc.value);
        auto v = fold(e);
        if (cx.failed) {
            ok = false;
            continue;
        }
        if (!v) {
            reporter_.at_site(site, sc.value.offset, "in een feit staan alleen vaste waarden (geen variabelen of functies)");
            ok = false;
            continue;
        }
        const SlotDef& sd = t->slots[static_cast<std::size_t>(slot)];
        if (!fits(sd.type, *v, sd.nullable)) {
            reporter_.at_site(site, sc.value.offset,
                              fmt::format("{} past niet in slot '{}' ({}{})", v->repr(), sd.name, type_name(sd.type),
                                          sd.nullable ? ", nullable" : ""));
            ok = false;
            continue;
        }
        out.slots.emplace_back(sd.name, std::move(*v));
    }
    if (!ok || cx.failed) return std::nullopt;
    return out;
}

std::optional<Value> RuleCompiler::compile_constant(const Site& site) {
    ast::expression e;
    if (auto err = parse_expression(site.text, e)) {
        reporter_.at_site(site, err->offset, err->message);
        return std::nullopt;
    }
    Context cx;
    Scope scope;
    ExprCompiler ec{*this, cx, scope, site};
    Expr x = ec(e);
    if (cx.failed) return std::nullopt;
    auto v = fold(x);
    if (!v) reporter_.at_site(site, 0, "hier staat alleen een vaste waarde (geen variabelen of functies)");
    return v;
}

}  // namespace ww
