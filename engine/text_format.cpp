// SPDX-License-Identifier: EUPL-1.2
#include "engine/text_format.hpp"

#include <cctype>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "engine/functions.hpp"

namespace ww {
namespace {

// A width or precision beyond this is a mistake, and would let one call fill the memory.
constexpr int max_width = 1000;

struct Directive {
    std::size_t literal_end = 0;  // the text before the directive runs up to here
    bool left = false;            // `-`: pad on the right
    bool zero = false;            // `0`: pad numbers with zeros
    int width = 0;
    int precision = -1;           // -1: the directive's default
    char kind = 0;                // d f e g s; 0 after the last directive
    std::size_t next = 0;         // where the text after the directive starts
};

// Reads the pattern into directives (`%%` and `%n` are text), each with the literal text before it.
// Returns the problem, or "".
std::string parse(std::string_view pattern, std::vector<Directive>& out, std::string& literal_text,
                  std::vector<std::size_t>& literal_ends) {
    std::size_t i = 0;
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (c != '%') {
            literal_text += c;
            ++i;
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
            literal_text += '%';
            i += 2;
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == 'n') {
            literal_text += '\n';
            i += 2;
            continue;
        }
        Directive d;
        const std::size_t start = i++;
        for (; i < pattern.size() && (pattern[i] == '-' || pattern[i] == '0'); ++i) (pattern[i] == '-' ? d.left : d.zero) = true;
        const auto number = [&](int& into) {
            into = 0;
            for (; i < pattern.size() && pattern[i] >= '0' && pattern[i] <= '9'; ++i) {
                into = into * 10 + (pattern[i] - '0');
                if (into > max_width) return false;
            }
            return true;
        };
        if (!number(d.width)) return fmt::format("een breedte van hoogstens {} in '{}'", max_width, pattern.substr(start, i - start + 1));
        if (i < pattern.size() && pattern[i] == '.') {
            ++i;
            if (!number(d.precision))
                return fmt::format("hoogstens {} decimalen in '{}'", max_width, pattern.substr(start, i - start + 1));
        }
        if (i >= pattern.size()) return fmt::format("'{}' aan het eind mist een letter (d, f, e, g of s)", pattern.substr(start));
        d.kind = pattern[i++];
        if (d.kind != 'd' && d.kind != 'f' && d.kind != 'e' && d.kind != 'g' && d.kind != 's')
            return fmt::format("onbekende opmaak '{}' (mogelijk: %d, %f, %e, %g, %s, %n en %%)", pattern.substr(start, i - start));
        if (d.kind == 'd' && d.precision >= 0)
            return fmt::format("'{}': een geheel getal heeft geen decimalen", pattern.substr(start, i - start));
        literal_ends.push_back(literal_text.size());
        out.push_back(d);
    }
    return "";
}

std::string count_problem(std::size_t wanted, std::size_t given) {
    if (wanted == given) return "";
    return fmt::format("het patroon vraagt {} waarde{}, maar krijgt er {}", wanted, wanted == 1 ? "" : "n", given);
}

[[noreturn]] void fail(std::string message) { throw EvalError("opmaak(): " + std::move(message), 0); }

void pad(std::string_view text, const Directive& d, std::string& out) {
    // Width in characters, not bytes: "één" is three wide.
    int chars = 0;
    for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
    const int fill = d.width > chars ? d.width - chars : 0;
    if (!d.left) out.append(static_cast<std::size_t>(fill), ' ');
    out += text;
    if (d.left) out.append(static_cast<std::size_t>(fill), ' ');
}

void number(const Value& v, const Directive& d, std::string& out) {
    if (!v.is_number()) fail(fmt::format("%{} verwacht een getal, niet {} {}", d.kind, kind_name(v.kind()), v.repr()));
    std::string text;
    if (d.kind == 'd') {
        std::int64_t i = 0;
        if (v.kind() == ValueKind::integer) {
            i = v.as_int();
        } else {
            const double x = v.as_float();
            if (!std::isfinite(x) || std::fabs(x) > 9.2e18) fail(fmt::format("%d: {} past niet in een geheel getal", v.repr()));
            i = static_cast<std::int64_t>(x);  // as int(): towards zero
        }
        text = fmt::format("{}", i);
    } else {
        const double x = v.as_number();
        const int p = d.precision < 0 ? 6 : d.precision;
        text = d.kind == 'f' ? fmt::format("{:.{}f}", x, p) : d.kind == 'e' ? fmt::format("{:.{}e}", x, p) : fmt::format("{:.{}g}", x, p == 0 ? 1 : p);
    }
    if (d.zero && !d.left && static_cast<int>(text.size()) < d.width && std::isdigit(static_cast<unsigned char>(text.back()))) {
        // Zeros go after the sign.
        const std::size_t sign = text[0] == '-' ? 1 : 0;
        text.insert(sign, static_cast<std::size_t>(d.width) - text.size(), '0');
    }
    pad(text, d, out);
}

}  // namespace

void append_formatted(std::string_view pattern, std::span<const Value> values, std::string& out) {
    std::vector<Directive> directives;
    std::string literal;
    std::vector<std::size_t> ends;
    if (std::string problem = parse(pattern, directives, literal, ends); !problem.empty()) fail(problem);
    if (std::string problem = count_problem(directives.size(), values.size()); !problem.empty()) fail(problem);
    std::size_t from = 0;
    for (std::size_t i = 0; i < directives.size(); ++i) {
        out.append(literal, from, ends[i] - from);
        from = ends[i];
        const Directive& d = directives[i];
        if (d.kind == 's') {
            std::string text;
            values[i].append_display(text);
            if (d.precision >= 0) {
                // At most `precision` characters, never half a character.
                std::size_t bytes = 0;
                for (int chars = 0; bytes < text.size(); ++bytes)
                    if ((static_cast<unsigned char>(text[bytes]) & 0xC0) != 0x80 && chars++ == d.precision) break;
                text.resize(bytes);
            }
            pad(text, d, out);
        } else {
            number(values[i], d, out);
        }
    }
    out.append(literal, from, std::string::npos);
}

std::string format_pattern_problem(std::string_view pattern, std::size_t count) {
    std::vector<Directive> directives;
    std::string literal;
    std::vector<std::size_t> ends;
    if (std::string problem = parse(pattern, directives, literal, ends); !problem.empty()) return problem;
    return count_problem(directives.size(), count);
}

}  // namespace ww
