// SPDX-License-Identifier: EUPL-1.2
#include "clips_facts.hpp"

#include <cctype>
#include <memory>

namespace ww::bench {
namespace {

// An s-expression: an atom or a parenthesised list, with where it started.
struct Node {
    bool is_list = false;
    bool quoted = false;  // atom written as "..."
    std::string atom;
    std::vector<Node> items;
    int line = 0;
    int column = 0;
};

class Reader {
public:
    explicit Reader(const std::string& text) : text_(text) {}

    std::vector<Node> read_all() {
        std::vector<Node> nodes;
        skip_space();
        while (pos_ < text_.size()) {
            nodes.push_back(read_node());
            skip_space();
        }
        return nodes;
    }

private:
    void advance() {
        if (text_[pos_] == '\n') {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
        ++pos_;
    }

    void skip_space() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == ';') {
                while (pos_ < text_.size() && text_[pos_] != '\n') advance();
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                advance();
            } else {
                return;
            }
        }
    }

    Node read_node() {
        Node node;
        node.line = line_;
        node.column = column_;
        char c = text_[pos_];
        if (c == ')') throw ClipsSyntaxError("')' zonder bijbehorende '('", line_, column_);
        if (c == '(') {
            node.is_list = true;
            advance();
            skip_space();
            while (pos_ < text_.size() && text_[pos_] != ')') {
                node.items.push_back(read_node());
                skip_space();
            }
            if (pos_ >= text_.size()) throw ClipsSyntaxError("'(' wordt niet gesloten", node.line, node.column);
            advance();
            return node;
        }
        if (c == '"') {
            node.quoted = true;
            advance();
            while (pos_ < text_.size() && text_[pos_] != '"') {
                if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) advance();
                node.atom += text_[pos_];
                advance();
            }
            if (pos_ >= text_.size()) throw ClipsSyntaxError("tekst zonder sluitend '\"'", node.line, node.column);
            advance();
            return node;
        }
        while (pos_ < text_.size()) {
            c = text_[pos_];
            if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '"' || c == ';') break;
            node.atom += c;
            advance();
        }
        return node;
    }

    const std::string& text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
};

bool is_integer(const std::string& s) {
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

bool is_float(const std::string& s) {
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+' || s[0] == '.'))
        return false;
    try {
        std::size_t used = 0;
        (void)std::stod(s, &used);
        return used == s.size();
    } catch (const std::exception&) {
        return false;
    }
}

ClipsValue to_value(const Node& node) {
    if (node.is_list) throw ClipsSyntaxError("een slot met meer dan één waarde wordt niet ondersteund", node.line, node.column);
    if (node.quoted) return {ClipsValue::Kind::string, node.atom};
    if (is_integer(node.atom)) return {ClipsValue::Kind::integer, node.atom};
    if (is_float(node.atom)) return {ClipsValue::Kind::floating, node.atom};
    if (node.atom.starts_with('?') || node.atom.starts_with('$'))
        throw ClipsSyntaxError("variabele '" + node.atom + "' in een feit", node.line, node.column);
    return {ClipsValue::Kind::symbol, node.atom};
}

ClipsFact to_fact(const Node& node) {
    if (!node.is_list || node.items.empty() || node.items[0].is_list || node.items[0].quoted)
        throw ClipsSyntaxError("feit verwacht: (template (slot waarde) ...)", node.line, node.column);
    ClipsFact fact;
    fact.tmpl = node.items[0].atom;
    fact.line = node.line;
    fact.column = node.column;
    for (std::size_t i = 1; i < node.items.size(); ++i) {
        const Node& slot = node.items[i];
        if (!slot.is_list || slot.items.size() != 2 || slot.items[0].is_list || slot.items[0].quoted)
            throw ClipsSyntaxError("slot verwacht: (naam waarde); geordende feiten worden niet ondersteund",
                                   slot.line, slot.column);
        fact.slots.emplace_back(slot.items[0].atom, to_value(slot.items[1]));
    }
    return fact;
}

}  // namespace

std::vector<ClipsFact> read_deffacts(const std::string& text) {
    std::vector<ClipsFact> facts;
    for (const Node& top : Reader(text).read_all()) {
        if (!top.is_list || top.items.empty() || top.items[0].is_list || top.items[0].atom != "deffacts")
            throw ClipsSyntaxError("alleen (deffacts ...) wordt ondersteund", top.line, top.column);
        if (top.items.size() < 2 || top.items[1].is_list)
            throw ClipsSyntaxError("deffacts zonder naam", top.line, top.column);
        std::size_t first = 2;
        if (first < top.items.size() && top.items[first].quoted) ++first;  // the optional comment
        for (std::size_t i = first; i < top.items.size(); ++i) facts.push_back(to_fact(top.items[i]));
    }
    return facts;
}

}  // namespace ww::bench
