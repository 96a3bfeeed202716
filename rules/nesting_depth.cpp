// SPDX-License-Identifier: EUPL-1.2
#include "rules/nesting_depth.hpp"

#include <vector>

namespace ww {
namespace {

enum class Frame { paren, bracket, interpolation, string };

struct Level {
    Frame frame;
    int operators = 0;  // operators and closed sub-expressions met at this level since its last comma
};

bool is_operator(char c) {
    return c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '<' || c == '>' || c == '=' || c == '!' ||
           c == '.';
}

bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

// Every level (bracket, call, list, index, `{...}` in a string) counts one, every operator counts one
// at its level (a chain `a + b + c` is a tree of depth 2 after compiling), and a closed level counts
// one more at its parent (`x[1][2]` nests two index nodes). Commas start a new sibling, so long
// lists and argument lists cost nothing. The sum over the open levels bounds the real depth.
std::optional<std::size_t> too_deep(std::string_view text, int limit) {
    std::vector<Level> stack{{Frame::paren}};
    int depth = 1;  // sum over the stack of 1 + operators
    auto grow = [&](int n) {
        stack.back().operators += n;
        depth += n;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (stack.back().frame == Frame::string) {
            if (c == '\\') {
                ++i;
            } else if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
                ++i;  // `{{` and `}}` stand for themselves
            } else if (c == '{') {
                stack.push_back({Frame::interpolation});
                ++depth;
            } else if (c == '"') {
                stack.pop_back();
                --depth;
            }
            if (depth > limit) return i;
            continue;
        }
        if (c == '"') {
            stack.push_back({Frame::string});
            ++depth;
        } else if (c == '(' || c == '[') {
            stack.push_back({c == '(' ? Frame::paren : Frame::bracket});
            ++depth;
        } else if ((c == ')' || c == ']' || c == '}') && stack.size() > 1) {
            const Frame f = stack.back().frame;
            if ((c == ')' && f != Frame::paren) || (c == ']' && f != Frame::bracket) || (c == '}' && f != Frame::interpolation))
                continue;  // unbalanced: the parser reports it
            depth -= 1 + stack.back().operators;
            stack.pop_back();
            if (stack.back().frame != Frame::string) grow(1);
        } else if (c == ',') {
            depth -= stack.back().operators;
            stack.back().operators = 0;
        } else if (is_operator(c)) {
            grow(1);
        } else if (is_word(c)) {
            std::size_t end = i;
            while (end < text.size() && is_word(text[end])) ++end;
            const std::string_view word = text.substr(i, end - i);
            if (word == "not" || word == "and" || word == "or" || word == "in") grow(1);
            i = end - 1;
        }
        if (depth > limit) return i;
    }
    return std::nullopt;
}

}  // namespace ww
