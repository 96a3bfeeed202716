// SPDX-License-Identifier: EUPL-1.2
#include "engine/text_format.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

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
        const auto written = [&] { return std::string(pattern.substr(start, std::min(i + 1, pattern.size()) - start)); };
        if (!number(d.width)) return "een breedte van hoogstens " + std::to_string(max_width) + " in '" + written() + "'";
        if (i < pattern.size() && pattern[i] == '.') {
            ++i;
            if (!number(d.precision)) return "hoogstens " + std::to_string(max_width) + " decimalen in '" + written() + "'";
        }
        if (i >= pattern.size()) return "'" + std::string(pattern.substr(start)) + "' aan het eind mist een letter (d, f, e, g of s)";
        d.kind = pattern[i++];
        const std::string directive(pattern.substr(start, i - start));
        if (d.kind != 'd' && d.kind != 'f' && d.kind != 'e' && d.kind != 'g' && d.kind != 's')
            return "onbekende opmaak '" + directive + "' (mogelijk: %d, %f, %e, %g, %s, %n en %%)";
        if (d.kind == 'd' && d.precision >= 0) return "'" + directive + "': een geheel getal heeft geen decimalen";
        literal_ends.push_back(literal_text.size());
        out.push_back(d);
    }
    return "";
}

std::string count_problem(std::size_t wanted, std::size_t given) {
    if (wanted == given) return "";
    return "het patroon vraagt " + std::to_string(wanted) + (wanted == 1 ? " waarde" : " waarden") + ", maar krijgt er " +
           std::to_string(given);
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
    if (!v.is_number()) fail(std::string("%") + d.kind + " verwacht een getal, niet " + std::string(kind_name(v.kind())) + " " + v.repr());
    std::string text;
    if (d.kind == 'd') {
        std::int64_t i = 0;
        if (v.kind() == ValueKind::integer) {
            i = v.as_int();
        } else {
            const double x = v.as_float();
            if (!std::isfinite(x) || std::fabs(x) > 9.2e18) fail("%d: " + v.repr() + " past niet in een geheel getal");
            i = static_cast<std::int64_t>(x);  // as int(): towards zero
        }
        text = std::to_string(i);
    } else {
        const double x = v.as_number();
        const int p = d.precision < 0 ? 6 : d.precision;
        // to_chars: the same digits on every machine and in every locale (no printf).
        char buffer[max_width + 400];
        const auto format = d.kind == 'f' ? std::chars_format::fixed : d.kind == 'e' ? std::chars_format::scientific : std::chars_format::general;
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, x, format, d.kind == 'g' && p == 0 ? 1 : p);
        if (result.ec != std::errc()) fail(v.repr() + " is te groot voor %" + d.kind);
        text.assign(buffer, result.ptr);
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
