// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>

#include "engine/expr.hpp"

namespace ww {

void collect_vars(const Expr& e, std::vector<VarId>& out) {
    if (e.op == Op::var) {
        if (std::find(out.begin(), out.end(), e.var) == out.end()) out.push_back(e.var);
        return;
    }
    for (const Expr& a : e.args) collect_vars(a, out);
}

namespace {

std::string_view op_text(Op op) {
    switch (op) {
        case Op::add: return "+";
        case Op::sub: return "-";
        case Op::mul: return "*";
        case Op::div: return "/";
        case Op::idiv: return "//";
        case Op::mod: return "%";
        case Op::eq: return "==";
        case Op::ne: return "!=";
        case Op::lt: return "<";
        case Op::le: return "<=";
        case Op::gt: return ">";
        case Op::ge: return ">=";
        case Op::in: return "in";
        case Op::logical_and: return "and";
        case Op::logical_or: return "or";
        default: return "?";
    }
}

void write(std::string& out, const Expr& e, const std::vector<std::string>& names, bool nested) {
    switch (e.op) {
        case Op::constant: out += e.value.repr(); return;
        case Op::var:
            if (e.var < names.size()) out += names[e.var];
            else out += "?v" + std::to_string(e.var);
            return;
        case Op::slot:
            write(out, e.args.at(0), names, true);
            out += '.';
            out += e.name;
            return;
        case Op::index:
            write(out, e.args.at(0), names, true);
            out += '[';
            write(out, e.args.at(1), names, false);
            out += ']';
            return;
        case Op::neg:
            out += '-';
            write(out, e.args.at(0), names, true);
            return;
        case Op::logical_not:
            out += "not ";
            write(out, e.args.at(0), names, true);
            return;
        case Op::list:
        case Op::call: {
            if (e.op == Op::call) out += e.name;
            out += e.op == Op::call ? '(' : '[';
            for (std::size_t i = 0; i < e.args.size(); ++i) {
                if (i) out += ", ";
                write(out, e.args[i], names, false);
            }
            out += e.op == Op::call ? ')' : ']';
            return;
        }
        case Op::concat: {
            out += '"';
            for (const Expr& a : e.args) {
                if (a.op == Op::constant && a.value.kind() == ValueKind::string) {
                    out += a.value.as_text();
                } else {
                    out += '{';
                    write(out, a, names, false);
                    out += '}';
                }
            }
            out += '"';
            return;
        }
        default: {
            if (nested) out += '(';
            write(out, e.args.at(0), names, true);
            out += ' ';
            out += op_text(e.op);
            out += ' ';
            write(out, e.args.at(1), names, true);
            if (nested) out += ')';
            return;
        }
    }
}

}  // namespace

std::string to_string(const Expr& e, const std::vector<std::string>& names) {
    std::string out;
    write(out, e, names, false);
    return out;
}

}  // namespace ww
