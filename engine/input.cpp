// SPDX-License-Identifier: EUPL-1.2
#include "engine/input.hpp"

#include <charconv>
#include <cstdlib>
#include <string>

#include "engine/functions.hpp"

namespace ww {
namespace {

thread_local InputReader* current = nullptr;

bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool ends_token(int c) { return is_space(c) || c == '(' || c == ')' || c == '"' || c == ';'; }

// A token that is a number in CLIPS's syntax: an integer (`12`, `-4`, `+5`, `007`) or a float
// (`4.5`, `1.`, `.5`, `3.5e2`); not hexadecimal, inf or nan, which strtod would take.
Value number_or_symbol(const std::string& t) {
    bool digit = false, other = false;
    for (char c : t) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') other = true;
    }
    const char first = t.front();
    if (digit && !other && (first != 'e' && first != 'E')) {
        const char* b = t.data() + (first == '+' ? 1 : 0);
        const char* e = t.data() + t.size();
        std::int64_t i = 0;
        if (auto [p, ec] = std::from_chars(b, e, i); ec == std::errc() && p == e && b != e && *b != '+') return Value(i);
        char* end = nullptr;
        const double d = std::strtod(t.c_str(), &end);
        if (end == t.c_str() + t.size()) return Value(d);
    }
    return Value::computed_symbol(t);
}

}  // namespace

InputReader* current_input() { return current; }

InputScope::InputScope(InputReader* reader) : previous_(current) { current = reader; }
InputScope::~InputScope() { current = previous_; }

void InputReader::prompt() {
    if (before_read_) before_read_();
}

Value InputReader::at_end(const char* fn) {
    if (ended_)
        throw EvalError(std::string(fn) + "(): de invoer is op; EOF is al eens gelezen en de regels lezen toch verder", 0);
    ended_ = true;
    return Value::symbol("EOF");
}

Value InputReader::read_token() {
    prompt();
    std::string token;
    while (true) {
        int c = in_.get();
        if (c == std::char_traits<char>::eof()) return at_end("read");
        if (is_space(c)) continue;
        if (c == ';') {  // a comment, as CLIPS reads it: up to the end of the line
            while (c != '\n' && c != std::char_traits<char>::eof()) c = in_.get();
            continue;
        }
        Value out;
        if (c == '"') {
            for (c = in_.get(); c != std::char_traits<char>::eof() && c != '"'; c = in_.get()) {
                if (c == '\\') {
                    const int next = in_.get();
                    if (next == std::char_traits<char>::eof()) break;
                    c = next;
                }
                token += static_cast<char>(c);
            }
            out = Value::computed_string(token);
        } else if (c == '(' || c == ')') {
            out = Value::string(c == '(' ? "(" : ")");
        } else {
            token += static_cast<char>(c);
            while (in_.peek() != std::char_traits<char>::eof() && !ends_token(in_.peek())) token += static_cast<char>(in_.get());
            out = number_or_symbol(token);
        }
        // CLIPS reads standard input a line at a time: what follows the token on its line is gone.
        for (c = in_.get(); c != '\n' && c != std::char_traits<char>::eof(); c = in_.get()) {
        }
        return out;
    }
}

Value InputReader::read_line() {
    prompt();
    if (in_.peek() == std::char_traits<char>::eof()) return at_end("readline");
    std::string line;
    std::getline(in_, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return Value::computed_string(line);
}

}  // namespace ww
