// SPDX-License-Identifier: EUPL-1.2
#include "rules/ast_print.hpp"

#include <fmt/format.h>

namespace ww::ast {
namespace {

std::string_view op_text(binop op) {
    switch (op) {
        case binop::logical_or: return "or";
        case binop::logical_and: return "and";
        case binop::eq: return "==";
        case binop::ne: return "!=";
        case binop::lt: return "<";
        case binop::le: return "<=";
        case binop::gt: return ">";
        case binop::ge: return ">=";
        case binop::in: return "in";
        case binop::not_in: return "not in";
        case binop::add: return "+";
        case binop::sub: return "-";
        case binop::mul: return "*";
        case binop::div: return "/";
        case binop::idiv: return "//";
        case binop::mod: return "%";
    }
    return "?";
}

struct printer {
    using result_type = std::string;
    std::string operator()(const nil_lit&) const { return "nil"; }
    std::string operator()(const bool_lit& b) const { return b.value ? "true" : "false"; }
    std::string operator()(const int_lit& i) const { return std::to_string(i.value); }
    std::string operator()(const float_lit& f) const { return fmt::format("{}", f.value); }
    std::string operator()(const symbol_ref& s) const { return s.name; }
    std::string operator()(const variable& v) const { return "?" + v.name; }
    std::string operator()(const parameter& p) const { return "$" + p.name; }
    std::string operator()(const string_lit& s) const {
        std::string out = "\"";
        for (const auto& part : s.parts) {
            if (auto text = boost::get<std::string>(&part.get())) out += *text;
            else out += "{" + to_sexpr(boost::get<expression>(part.get())) + "}";
        }
        return out + "\"";
    }
    std::string operator()(const list_lit& l) const {
        std::string out = "[";
        for (std::size_t i = 0; i < l.items.size(); ++i) out += (i ? " " : "") + to_sexpr(l.items[i]);
        return out + "]";
    }
    std::string operator()(const call& c) const {
        std::string out = "(" + c.name + "()";
        for (const auto& a : c.args) out += " " + to_sexpr(a);
        return out + ")";
    }
    std::string operator()(const unary& u) const {
        return fmt::format("({} {})", u.op == unop::neg ? "neg" : u.op == unop::rest ? "rest" : "not", to_sexpr(u.rhs));
    }
    std::string operator()(const postfix& p) const {
        std::string out = to_sexpr(p.base);
        for (const auto& s : p.suffixes) {
            if (auto slot = boost::get<slot_suffix>(&s.get())) out = fmt::format("(. {} {})", out, slot->name);
            else out = fmt::format("([] {} {})", out, to_sexpr(boost::get<index_suffix>(s.get()).index));
        }
        return out;
    }
    std::string operator()(const expression& e) const { return to_sexpr(e); }
};

}  // namespace

std::string to_sexpr(const operand& o) { return boost::apply_visitor(printer{}, o); }

std::string to_sexpr(const expression& e) {
    std::string out = to_sexpr(e.first);
    for (const auto& op : e.rest) out = fmt::format("({} {} {})", op_text(op.op), out, to_sexpr(op.rhs));
    return out;
}

}  // namespace ww::ast
