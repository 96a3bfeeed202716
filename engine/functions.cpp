// SPDX-License-Identifier: EUPL-1.2
// The built-in functions. Each checks its arguments and says in Dutch what it expected.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "engine/functions.hpp"
#include "engine/input.hpp"
#include "engine/text_case.hpp"
#include "engine/text_format.hpp"
#include "engine/text_space.hpp"
#include "engine/text_word.hpp"

namespace ww {
namespace {

using Args = std::span<const Value>;

[[noreturn]] void fail(std::string msg) { throw EvalError(std::move(msg), 0); }

std::string got(const Value& v) { return std::string(kind_name(v.kind())) + " " + v.repr(); }

std::string_view text_arg(const Value& v, std::string_view fn) {
    if (v.kind() != ValueKind::string && v.kind() == ValueKind::symbol) return v.as_text();
    if (v.kind() != ValueKind::string) fail(std::string(fn) + "() verwacht een tekst, niet " + got(v));
    return v.as_text();
}

double number_arg(const Value& v, std::string_view fn) {
    if (!v.is_number()) fail(std::string(fn) + "() verwacht een getal, niet " + got(v));
    return v.as_number();
}

const std::vector<Value>& list_arg(const Value& v, std::string_view fn) {
    if (v.kind() != ValueKind::list) fail(std::string(fn) + "() verwacht een lijst, niet " + got(v));
    return v.as_list();
}

// The second argument is one text or a list of texts; the test holds if it holds for any of them.
template <typename Test>
bool text_matches(Args a, std::string_view fn, Test test) {
    const std::string_view tekst = text_arg(a[0], fn);
    if (a[1].kind() != ValueKind::list) return test(tekst, text_arg(a[1], fn));
    for (const Value& deel : a[1].as_list())
        if (test(tekst, text_arg(deel, fn))) return true;
    return false;
}

std::int64_t to_int(double d, std::string_view fn) {
    if (!std::isfinite(d) || std::fabs(d) > 9.2e18) fail(std::string(fn) + "(): getal te groot");
    return static_cast<std::int64_t>(d);
}

Value extreme(Args a, bool want_max, std::string_view fn) {
    Args items = a;
    if (a.size() == 1 && a[0].kind() == ValueKind::list) items = Args(a[0].as_list());
    if (items.empty()) fail(std::string(fn) + "() van een lege lijst");
    const Value* best = &items[0];
    for (const Value& v : items) {
        bool comparable = (v.is_number() && best->is_number()) || v.kind() == best->kind();
        if (!comparable) fail(std::string(fn) + "() kan " + got(v) + " niet vergelijken met " + got(*best));
        auto c = compare(v, *best);
        if (want_max ? c > 0 : c < 0) best = &v;
    }
    return *best;
}

double round_half_away(double x, int digits) {
    // Beyond what a double holds (about 17 significant digits, exponents to 308) rounding changes
    // nothing, or everything: 10^400 is infinite and x * inf / inf is not a number.
    if (digits > 308) return x;
    if (digits < -308) return std::copysign(0.0, x);
    const double f = std::pow(10.0, digits);
    const double scaled = x * f;
    if (!std::isfinite(scaled) || f == 0) return x;
    const double r = std::round(scaled) / f;
    return std::isfinite(r) ? r : x;
}

Value parse_number(std::string_view s, bool want_float, std::string_view fn) {
    std::string t(s);
    for (char& c : t)
        if (c == ',') c = '.';
    double d = 0;
    auto first = t.data();
    if (!t.empty() && t[0] == '+') ++first;
    auto res = std::from_chars(first, t.data() + t.size(), d);
    // from_chars reads "nan" and "inf" too; in the rule language they are not numbers.
    if (res.ec != std::errc() || res.ptr != t.data() + t.size() || t.empty() || !std::isfinite(d))
        fail(std::string(fn) + "(): '" + std::string(s) + "' is geen getal");
    if (want_float) return Value(d);
    return Value(to_int(d, fn));
}

// A number in Dutch notation: a decimal comma, and the digits before it grouped by three with a dot
// (11.400, -2.500, 1.234.567,5). The digits are those of the display form, so rounding and decimals
// are as `str()` shows them; only a whole number that the display form writes with an exponent
// (100000.0 is "1e+05") is written out in full first, up to 10^15, where doubles stop being exact.
void append_dutch_number(const Value& v, std::string& out, std::string_view fn) {
    if (!v.is_number()) fail(std::string(fn) + "() verwacht een getal, niet " + got(v));
    const std::size_t start = out.size();
    const double d = v.as_number();
    if (v.kind() == ValueKind::floating && std::fabs(d) >= 1e5 && std::fabs(d) < 1e15 && d == std::trunc(d))
        Value(static_cast<std::int64_t>(d)).append_display(out);
    else
        v.append_display(out);
    const bool scientific = out.find_first_of("eE", start) != std::string::npos;  // also inf, nan
    std::replace(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), '.', ',');
    if (scientific) return;
    std::size_t digits = start;
    if (digits < out.size() && out[digits] == '-') ++digits;
    std::size_t end = digits;
    while (end < out.size() && out[end] >= '0' && out[end] <= '9') ++end;
    for (std::size_t pos = end; pos > digits + 3;) {
        pos -= 3;
        out.insert(pos, 1, '.');
    }
}

// A whole number from zero to twenty in words, as Dutch running text writes counts ("twee keer", "drie
// wijken"); any other number (a fraction, a negative, 21 and up) as nl() writes it. One is "één", the
// numeral, not the article "een".
void append_count_word(const Value& v, std::string& out, std::string_view fn) {
    if (v.is_number()) {
        if (const std::string_view word = dutch_count_word(v.as_number()); !word.empty()) {
            out += word;
            return;
        }
    }
    append_dutch_number(v, out, fn);
}

// The singular (args[1]) when the count (args[0]) is exactly 1, else the plural (args[2]).
std::string_view word_for_count(Args a, std::string_view fn) {
    const double n = number_arg(a[0], fn);
    const std::string_view one = text_arg(a[1], fn);
    const std::string_view more = text_arg(a[2], fn);
    return n == 1 ? one : more;
}

// "a", "a en b", "a, b en c": the items as `join` shows them, the last two joined by `word`.
// With a maximum (the second argument), a longer list names its first `max` items and counts the
// rest ("a, b en twaalf andere", in letters up to twenty as a Dutch text writes small counts): a text that names what a profile holds must stay readable, and within
// the bound on computed texts, when the profile holds thousands of them.
void append_dutch_list(Args a, std::string& out, std::string_view word, std::string_view fn) {
    const auto& items = list_arg(a[0], fn);
    std::size_t shown = items.size();
    if (a.size() > 1) {
        if (a[1].kind() != ValueKind::integer || a[1].as_int() < 1)
            fail(std::string(fn) + "(): het maximum moet een positief geheel getal zijn, niet " + a[1].display());
        shown = std::min<std::size_t>(shown, static_cast<std::size_t>(a[1].as_int()));
    }
    // Elements that hold commas themselves ("Noord (2021), met daar de actie 'A'") read as one list only with
    // another separator between them, such as "; ": the last two still go with the word.
    const std::string_view separator = a.size() > 2 ? text_arg(a[2], fn) : std::string_view(", ");
    const std::size_t rest = items.size() - shown;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0 && rest == 0 && i + 1 == shown) {
            out += ' ';
            out += word;
            out += ' ';
        } else if (i > 0) {
            out += separator;
        }
        items[i].append_display(out);
    }
    if (rest > 0) {
        out += ' ';
        out += word;
        out += ' ';
        append_count_word(Value(static_cast<std::int64_t>(rest)), out, fn);
        out += " andere";
    }
}

// Backtracking over the gaps of a list pattern (see kListMatchFunction); `locals` holds what the
// local variables are bound to on the way. Gaps are few and lists short: no memo needed.
bool match_from(const std::vector<Value>& items, const std::vector<Value>& shape, Args values, std::size_t at,
                std::size_t pos, std::array<const Value*, kMaxListMatchLocals>& locals) {
    for (; at < shape.size(); ++at, ++pos) {
        const std::int64_t code = shape[at].as_int();
        if (code < 0) {
            if (at + 1 == shape.size()) return true;  // a gap at the end takes the rest
            for (std::size_t p = pos; p <= items.size(); ++p)
                if (match_from(items, shape, values, at + 1, p, locals)) return true;
            return false;
        }
        if (pos >= items.size()) return false;
        if (code % 2 == 0) {
            if (!(items[pos] == values[static_cast<std::size_t>(code / 2)])) return false;
            continue;
        }
        const Value*& local = locals[static_cast<std::size_t>(code / 2)];
        if (!local) {
            local = &items[pos];
            // Bound only on this way through: unbound again when it fails, for the next way.
            if (match_from(items, shape, values, at + 1, pos + 1, locals)) return true;
            local = nullptr;
            return false;
        }
        if (!(items[pos] == *local)) return false;
    }
    return pos == items.size();
}

// Without variables of its own a pattern matches iff its runs of values between the gaps do, each
// at its leftmost place after the one before (the first at the start, the last at the end, unless a
// gap stands there): linear in the list, where backtracking over k gaps could take n^k steps.
bool match_leftmost(const std::vector<Value>& items, const std::vector<Value>& shape, Args values) {
    const auto run_at = [&](std::size_t from, std::size_t to, std::size_t p) {
        for (std::size_t k = from; k < to; ++k)
            if (!(items[p + k - from] == values[static_cast<std::size_t>(shape[k].as_int() / 2)])) return false;
        return true;
    };
    const std::size_t n = items.size();
    std::size_t pos = 0;
    for (std::size_t from = 0; from < shape.size();) {
        if (shape[from].as_int() < 0) {
            ++from;
            continue;
        }
        std::size_t to = from;
        while (to < shape.size() && shape[to].as_int() >= 0) ++to;
        const std::size_t len = to - from;
        if (from == 0 && to == shape.size()) return n == len && run_at(from, to, 0);
        if (from == 0) {
            if (len > n || !run_at(from, to, 0)) return false;
            pos = len;
        } else if (to == shape.size()) {
            return len <= n && n - len >= pos && run_at(from, to, n - len);
        } else {
            std::size_t p = pos;
            while (p + len <= n && !run_at(from, to, p)) ++p;
            if (p + len > n) return false;
            pos = p + len;
        }
        from = to;
    }
    return true;
}

bool list_matches(const std::vector<Value>& items, const std::vector<Value>& shape, Args values) {
    std::array<const Value*, kMaxListMatchLocals> locals{};
    bool own = false;
    for (const Value& code : shape) {
        if (code.kind() != ValueKind::integer || code.as_int() >= 2 * static_cast<std::int64_t>(kMaxListMatchLocals) ||
            (code.as_int() >= 0 && code.as_int() % 2 == 0 && static_cast<std::size_t>(code.as_int() / 2) >= values.size()))
            fail("#elementen: ongeldige vorm");
        own = own || (code.as_int() >= 0 && code.as_int() % 2 == 1);
    }
    if (!own) return match_leftmost(items, shape, values);
    return match_from(items, shape, values, 0, 0, locals);
}

std::vector<FunctionInfo> make_registry() {
    using K = std::vector<std::uint8_t>;
    std::vector<FunctionInfo> r;
    auto add = [&](std::string name, int lo, int hi, std::function<Value(Args)> fn, std::string sig, std::string desc,
                   K kinds, SlotType result) {
        FunctionInfo f;
        f.name = std::move(name);
        f.min_args = lo;
        f.max_args = hi;
        f.fn = std::move(fn);
        f.signature = std::move(sig);
        f.description = std::move(desc);
        f.arg_kinds = std::move(kinds);
        f.result = result;
        r.push_back(std::move(f));
    };
    // A text function is written once, as its appending form; its value form makes a text of what that
    // wrote (computed: it goes with the last value that holds it).
    auto add_text = [&](std::string name, int lo, int hi, void (*append)(Args, std::string&), std::string sig,
                        std::string desc, K kinds) {
        add(std::move(name), lo, hi, [append](Args a) {
            // Written into a buffer that keeps its capacity: no text function evaluates anything
            // else, so one per thread is never in use twice.
            thread_local std::string out;
            out.clear();
            append(a, out);
            return Value::computed_string(out);
        }, std::move(sig), std::move(desc), std::move(kinds), SlotType::string);
        r.back().append_text = append;
    };
    add("len", 1, 1, [](Args a) -> Value {
        if (a[0].kind() == ValueKind::list) return Value(static_cast<std::int64_t>(a[0].as_list().size()));
        if (a[0].kind() == ValueKind::string || a[0].kind() == ValueKind::symbol) {
            std::int64_t n = 0;  // characters, not bytes: count UTF-8 lead bytes
            for (unsigned char c : a[0].as_text())
                if ((c & 0xC0) != 0x80) ++n;
            return Value(n);
        }
        fail("len() verwacht een tekst of lijst, niet " + got(a[0]));
    }, "len(tekst|lijst) -> int", "lengte van een tekst (tekens) of lijst (elementen)", K{arg_text | arg_list},
        SlotType::integer);
    add_text("str", 1, 1, [](Args a, std::string& out) { a[0].append_display(out); }, "str(x) -> string",
             "de waarde als tekst, zoals ze in een tekst wordt ingevuld", K{arg_any});
    // A text is its own display and a symbol's text is held already: no temporary string.
    r.back().fn = [](Args a) {
        if (a[0].kind() == ValueKind::string) return a[0];
        if (a[0].kind() == ValueKind::symbol) return a[0].text_as(ValueKind::string);
        std::string out;
        a[0].append_display(out);
        return Value::computed_string(out);
    };
    add_text("upper", 1, 1, [](Args a, std::string& out) { append_upper(text_arg(a[0], "upper"), out); },
             "upper(tekst) -> string", "tekst in hoofdletters: upper(\"één\") is \"ÉÉN\"", K{arg_text});
    add_text("lower", 1, 1, [](Args a, std::string& out) { append_lower(text_arg(a[0], "lower"), out); },
             "lower(tekst) -> string", "tekst in kleine letters", K{arg_text});
    // Most texts a rule lowers to compare them are in lower case already (names of wijken, keys of
    // topics): then the value is the text itself, and nothing is built, hashed or looked up.
    r.back().fn = [](Args a) {
        const std::string_view t = text_arg(a[0], "lower");
        if (std::none_of(t.begin(), t.end(), [](unsigned char c) { return c >= 0x80 || (c >= 'A' && c <= 'Z'); }))
            return a[0].text_as(ValueKind::string);
        thread_local std::string out;
        out.clear();
        append_lower(t, out);
        return Value::computed_string(out);
    };
    add_text("hoofdletter", 1, 1,
             [](Args a, std::string& out) { append_capitalized(text_arg(a[0], "hoofdletter"), out); },
             "hoofdletter(tekst) -> string", "eerste teken een hoofdletter, ij als IJ: \"IJsselstein\"", K{arg_text});
    // Free text from a profile is compared as its words: "Woninginbraak " and "woninginbraak" are one
    // topic, so a rule keys on lower(trim(x)). White space is what engine/text_space.hpp says, the same
    // the profile reader cuts from wijken, groups and topics; other characters stay as written.
    add_text("trim", 1, 1, [](Args a, std::string& out) { out.append(trimmed(text_arg(a[0], "trim"))); },
             "trim(tekst) -> string", "tekst zonder witruimte aan begin en eind: trim(\" Noord \") is \"Noord\"",
             K{arg_text});
    add("contains", 2, 2, [](Args a) -> Value {
        if (a[0].kind() == ValueKind::list) {
            for (const Value& v : a[0].as_list())
                if (v == a[1]) return Value(true);
            return Value(false);
        }
        return Value(text_arg(a[0], "contains").find(text_arg(a[1], "contains")) != std::string_view::npos);
    }, "contains(tekst|lijst, deel) -> bool", "bevat de tekst het deel, of de lijst het element?",
        K{arg_text | arg_list, arg_any}, SlotType::boolean);
    // starts_with and ends_with take a list too, as contains() does: "does the text begin (end) with any of these"
    // is one test instead of a chain of or's (a group named by an age, "15-24 jaar" or "65+", begins with a digit
    // and, unlike "65-plussers", does not end as a plural noun).
    add("starts_with", 2, 2, [](Args a) {
        return Value(text_matches(a, "starts_with", [](std::string_view t, std::string_view b) { return t.starts_with(b); }));
    }, "starts_with(tekst, begin|lijst) -> bool", "begint de tekst met het gegeven begin, of met een van de begins in de lijst?",
        K{arg_text, arg_text | arg_list}, SlotType::boolean);
    add("ends_with", 2, 2, [](Args a) {
        return Value(text_matches(a, "ends_with", [](std::string_view t, std::string_view e) { return t.ends_with(e); }));
    }, "ends_with(tekst, eind|lijst) -> bool", "eindigt de tekst op het gegeven eind, of op een van de einden in de lijst?",
        K{arg_text, arg_text | arg_list}, SlotType::boolean);
    // A whole word in any case (engine/text_word.hpp): 'Schouw Oost, fase 2' names Oost, 'Oosterpark schoon' and
    // 'Wijkcentrum' do not. The text is folded once, also against a list of words.
    add("contains_word", 2, 2, [](Args a) {
        thread_local std::string tekst, woord;
        tekst.clear();
        append_folded(text_arg(a[0], "contains_word"), tekst);
        const auto noemt = [](std::string_view w) {
            woord.clear();
            append_folded(w, woord);
            return folded_contains_word(tekst, woord);
        };
        if (a[1].kind() != ValueKind::list) return Value(noemt(text_arg(a[1], "contains_word")));
        for (const Value& w : a[1].as_list())
            if (noemt(text_arg(w, "contains_word"))) return Value(true);
        return Value(false);
    }, "contains_word(tekst, woord|lijst) -> bool",
        "staat het woord als heel woord in de tekst, in hoofd- of kleine letters (\"Schouw Oost, fase 2\" noemt \"oost\", "
        "\"Oosterpark\" niet), of een van de woorden in de lijst?",
        K{arg_text, arg_text | arg_list}, SlotType::boolean);
    add_text("join", 1, 2, [](Args a, std::string& out) {
        const std::string_view sep = a.size() > 1 ? text_arg(a[1], "join") : std::string_view(", ");
        bool first = true;
        for (const Value& v : list_arg(a[0], "join")) {
            if (!first) out += sep;
            first = false;
            v.append_display(out);
        }
    }, "join(lijst[, scheiding]) -> string", "elementen als tekst, gescheiden door scheiding (standaard \", \")",
             K{arg_list, arg_text});
    add_text("en_lijst", 1, 3, [](Args a, std::string& out) { append_dutch_list(a, out, "en", "en_lijst"); },
             "en_lijst(lijst[, max[, scheiding]]) -> string",
             "elementen als tekst, de laatste twee met \"en\": \"a, b en c\"; met max: en_lijst([a, b, c, d], 2) is \"a, b en twee andere\"; "
             "met scheiding die tussen de andere: en_lijst([a, b, c], 5, \"; \") is \"a; b en c\"",
             K{arg_list, arg_number, arg_text});
    add_text("of_lijst", 1, 3, [](Args a, std::string& out) { append_dutch_list(a, out, "of", "of_lijst"); },
             "of_lijst(lijst[, max[, scheiding]]) -> string",
             "elementen als tekst, de laatste twee met \"of\"; max en scheiding zoals bij en_lijst",
             K{arg_list, arg_number, arg_text});
    add("abs", 1, 1, [](Args a) -> Value {
        if (a[0].kind() == ValueKind::integer) {
            if (a[0].as_int() == INT64_MIN) fail("abs(): getal te groot");  // -INT64_MIN does not exist
            return Value(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
        }
        return Value(std::fabs(number_arg(a[0], "abs")));
    }, "abs(getal) -> getal", "absolute waarde", K{arg_number}, SlotType::number);
    add("round", 1, 2, [](Args a) -> Value {
        double x = number_arg(a[0], "round");
        if (a.size() == 1) return Value(to_int(std::round(x), "round"));
        if (a[1].kind() != ValueKind::integer) fail("round(): het aantal decimalen moet een geheel getal zijn");
        return Value(round_half_away(x, static_cast<int>(a[1].as_int())));
    }, "round(getal[, decimalen]) -> int|float", "afronden, halven van nul af; zonder decimalen een geheel getal",
        K{arg_number}, SlotType::number);
    add("floor", 1, 1, [](Args a) { return Value(to_int(std::floor(number_arg(a[0], "floor")), "floor")); },
        "floor(getal) -> int", "naar beneden afronden", K{arg_number}, SlotType::integer);
    add("ceil", 1, 1, [](Args a) { return Value(to_int(std::ceil(number_arg(a[0], "ceil")), "ceil")); },
        "ceil(getal) -> int", "naar boven afronden", K{arg_number}, SlotType::integer);
    add("sqrt", 1, 1, [](Args a) -> Value {
        const double x = number_arg(a[0], "sqrt");
        if (x < 0) fail("sqrt() van een negatief getal (" + a[0].display() + ") bestaat niet");
        return Value(std::sqrt(x));
    }, "sqrt(getal) -> float", "vierkantswortel; van een negatief getal een fout", K{arg_number}, SlotType::floating);
    add("min", 1, -1, [](Args a) { return extreme(a, false, "min"); }, "min(a, b, ...|lijst) -> waarde",
        "de kleinste waarde", K{arg_any}, SlotType::any);
    add("max", 1, -1, [](Args a) { return extreme(a, true, "max"); }, "max(a, b, ...|lijst) -> waarde",
        "de grootste waarde", K{arg_any}, SlotType::any);
    add("int", 1, 1, [](Args a) -> Value {
        if (a[0].kind() == ValueKind::integer) return a[0];
        if (a[0].kind() == ValueKind::floating) return Value(to_int(a[0].as_float(), "int"));
        if (a[0].kind() == ValueKind::boolean) return Value(a[0].as_bool() ? 1 : 0);
        if (a[0].kind() == ValueKind::string || a[0].kind() == ValueKind::symbol)
            return parse_number(a[0].as_text(), false, "int");
        fail("int() kan " + got(a[0]) + " niet omzetten");
    }, "int(getal|tekst) -> int", "geheel getal (afgekapt naar nul)", K{arg_number | arg_text | arg_bool},
        SlotType::integer);
    add("float", 1, 1, [](Args a) -> Value {
        if (a[0].is_number()) return Value(a[0].as_number());
        if (a[0].kind() == ValueKind::string || a[0].kind() == ValueKind::symbol)
            return parse_number(a[0].as_text(), true, "float");
        fail("float() kan " + got(a[0]) + " niet omzetten");
    }, "float(getal|tekst) -> float", "kommagetal", K{arg_number | arg_text}, SlotType::floating);
    add("sym", 1, 1, [](Args a) -> Value {
        if (a[0].kind() == ValueKind::symbol) return a[0];
        if (a[0].kind() == ValueKind::string) return a[0].text_as(ValueKind::symbol);
        return Value::computed_symbol(a[0].display());
    }, "sym(x) -> symbol", "de waarde als symbool", K{arg_any}, SlotType::symbol);
    add("append", 2, -1, [](Args a) {
        std::vector<Value> out = list_arg(a[0], "append");
        out.insert(out.end(), a.begin() + 1, a.end());
        return Value(std::move(out));
    }, "append(lijst, x, ...) -> list", "de lijst met de elementen erachter", K{arg_list, arg_any}, SlotType::list);
    // CLIPS's create$ splices the lists among its arguments; the rule language writes that as a list
    // with rests (`[?move, ...?rest]`), which the compiler turns into this call.
    add("concat", 1, -1, [](Args a) {
        std::vector<Value> out;
        for (const Value& v : a) {
            const std::vector<Value>& items = list_arg(v, "concat");
            out.insert(out.end(), items.begin(), items.end());
        }
        return Value(std::move(out));
    }, "concat(lijst, ...) -> list", "de lijsten achter elkaar: concat([a], [b, c]) is [a, b, c]", K{arg_list}, SlotType::list);
    // Positions as in Python: a negative one counts from the end, and both are clamped to the list, so
    // that the rest of a list taken apart (`[?x, ...?rest]`) is slice(l, 1) whatever its length.
    add("slice", 2, 3, [](Args a) {
        const std::vector<Value>& items = list_arg(a[0], "slice");
        const auto n = static_cast<std::int64_t>(items.size());
        const auto position = [&](const Value& v, const char* which) {
            if (v.kind() != ValueKind::integer) fail(std::string("slice() verwacht een geheel getal als ") + which + ", niet " + got(v));
            const std::int64_t p = v.as_int() < 0 ? v.as_int() + n : v.as_int();
            return std::clamp<std::int64_t>(p, 0, n);
        };
        const std::int64_t from = position(a[1], "begin");
        const std::int64_t to = a.size() > 2 ? position(a[2], "einde") : n;
        if (from >= to) return Value(std::vector<Value>{});
        return Value(std::vector<Value>(items.begin() + from, items.begin() + to));
    }, "slice(lijst, van[, tot]) -> list",
        "de elementen vanaf plaats van (vanaf 0) tot vóór plaats tot; negatief telt vanaf het eind: slice([a, b, c], 1) is [b, c]",
        K{arg_list, arg_number}, SlotType::list);
    // CLIPS's loop-for-count counts from one number up to another, both included; with for over
    // this list a rule does the same (`for: "?i in reeks(0, ?max)"`). Bounded, so that a typing error
    // in a bound cannot make a list of billions.
    add("reeks", 2, 2, [](Args a) {
        for (const Value& v : a)
            if (v.kind() != ValueKind::integer) fail("reeks() verwacht gehele getallen, niet " + got(v));
        const std::int64_t from = a[0].as_int(), to = a[1].as_int();
        std::vector<Value> out;
        if (to < from) return Value(std::move(out));
        // The difference without overflow: from and to may lie 2^64 - 1 apart.
        const std::uint64_t span = static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from);
        if (span >= 1'000'000)
            fail("reeks() van " + std::to_string(from) + " tot en met " + std::to_string(to) + " is te lang (hoogstens 1.000.000 getallen)");
        out.reserve(span + 1);
        for (std::uint64_t k = 0; k <= span; ++k) out.emplace_back(from + static_cast<std::int64_t>(k));
        return Value(std::move(out));
    }, "reeks(van, tot) -> list",
        "de gehele getallen van van tot en met tot (leeg als tot kleiner is): reeks(0, 2) is [0, 1, 2] (CLIPS: loop-for-count)",
        K{arg_number, arg_number}, SlotType::list);
    add("sort", 1, 1, [](Args a) {
        std::vector<Value> out = list_arg(a[0], "sort");
        std::stable_sort(out.begin(), out.end(), [](const Value& x, const Value& y) { return compare(x, y) < 0; });
        return Value(std::move(out));
    }, "sort(lijst) -> list", "de lijst gesorteerd (getallen < teksten < symbolen)", K{arg_list}, SlotType::list);
    add("unique", 1, 1, [](Args a) {
        // Hashed: a list from a profile can hold tens of thousands of names, and a search of what is
        // kept for each of them would be quadratic.
        std::vector<Value> out;
        std::unordered_set<Value, ValueHash> seen;
        for (const Value& v : list_arg(a[0], "unique"))
            if (seen.insert(v).second) out.push_back(v);
        return Value(std::move(out));
    }, "unique(lijst) -> list", "de lijst zonder herhalingen, eerste voorkomen blijft", K{arg_list}, SlotType::list);
    add_text("nl", 1, 1, [](Args a, std::string& out) { append_dutch_number(a[0], out, "nl"); }, "nl(getal) -> string",
             "getal in Nederlandse notatie: nl(1234.5) is \"1.234,5\"", K{arg_number});
    add_text("aantal", 3, 3, [](Args a, std::string& out) {
        const std::string_view word = word_for_count(a, "aantal");
        append_dutch_number(a[0], out, "aantal");
        out += ' ';
        out += word;
    }, "aantal(getal, enkelvoud, meervoud) -> string", "getal en woord: aantal(1, \"bron\", \"bronnen\") is \"1 bron\"",
             K{arg_number, arg_text});
    add_text("telwoord", 1, 1, [](Args a, std::string& out) { append_count_word(a[0], out, "telwoord"); },
             "telwoord(getal) -> string", "een heel getal van 0 tot en met 20 in letters: telwoord(2) is \"twee\", telwoord(21) is \"21\"",
             K{arg_number});
    add_text("aantal_woord", 3, 3, [](Args a, std::string& out) {
        const std::string_view word = word_for_count(a, "aantal_woord");
        append_count_word(a[0], out, "aantal_woord");
        out += ' ';
        out += word;
    }, "aantal_woord(getal, enkelvoud, meervoud) -> string",
             "als aantal, met het getal als telwoord: aantal_woord(2, \"keer\", \"keer\") is \"twee keer\"", K{arg_number, arg_text});
    add_text("meervoud", 3, 3, [](Args a, std::string& out) { out += word_for_count(a, "meervoud"); },
             "meervoud(getal, enkelvoud, meervoud) -> string", "het woord bij het getal: enkelvoud bij precies 1",
             K{arg_number, arg_text});
    // Only the chosen branch is evaluated (FunctionInfo::chooses; eval does that), so a branch may
    // fail on the values for which it is not chosen. This form, with all three evaluated, gives the
    // error of a first argument that is not a boolean.
    add("als", 3, 3, [](Args a) -> Value {
        if (a[0].kind() != ValueKind::boolean) fail("als() verwacht als eerste argument waar of onwaar, niet " + got(a[0]));
        return a[0].as_bool() ? a[1] : a[2];
    }, "als(voorwaarde, dan, anders) -> x", "de tweede waarde als de voorwaarde waar is, anders de derde",
        K{arg_bool, arg_any, arg_any}, SlotType::any);
    r.back().chooses = true;
    // A list pattern with gaps (`[..., ?a, is, ?v, ...]`, CLIPS's `$? ?a is ?v $?`) inside not, exists
    // or an aggregate, which the rule language compiles into this call: whether the list in the first
    // argument matches in at least one way. The second is the shape, one integer per element of the
    // pattern: -1 a gap (any number of elements), 2j the value in argument 2 + j, 2k + 1 a variable
    // local to the pattern (k from 0; a second occurrence must equal the first). Not for users:
    // the name cannot be written in the rule language.
    add(std::string(kListMatchFunction), 2, -1, [](Args a) -> Value {
        if (a[0].kind() != ValueKind::list || a[1].kind() != ValueKind::list) return Value(false);
        return Value(list_matches(a[0].as_list(), a[1].as_list(), a.subspan(2)));
    }, "#elementen(lijst, vorm, waarden...) -> bool", "intern: een lijst met gaten in een patroon", K{arg_any}, SlotType::boolean);
    add("kolom", 2, 2, [](Args a) -> Value {
        const std::vector<Value>& rijen = list_arg(a[0], "kolom");
        if (a[1].kind() != ValueKind::integer) fail("kolom() verwacht een geheel getal als plaats, niet " + got(a[1]));
        const std::int64_t i = a[1].as_int();
        std::vector<Value> out;
        out.reserve(rijen.size());
        for (const Value& rij : rijen) {
            const std::vector<Value>& elementen = list_arg(rij, "kolom");
            if (i < 0 || static_cast<std::size_t>(i) >= elementen.size())
                fail("kolom(): plaats " + std::to_string(i) + " bestaat niet in " + rij.repr());
            out.push_back(elementen[static_cast<std::size_t>(i)]);
        }
        return Value(std::move(out));
    }, "kolom(lijst van lijsten, i) -> list",
        "element i (vanaf 0) van elke lijst: kolom(collect(..., [?volgorde, ?naam]), 1) geeft de namen op volgorde",
        K{arg_list, arg_number}, SlotType::list);
    add_text("opmaak", 1, -1, [](Args a, std::string& out) { append_formatted(text_arg(a[0], "opmaak"), a.subspan(1), out); },
             "opmaak(patroon, waarden...) -> string",
             "waarden met breedte en decimalen, als CLIPS' format: opmaak(\"%-4s|%5.1f\", a, 3.14159) is \"a   |  3.1\"",
             K{arg_text, arg_any});
    add("type", 1, 1, [](Args a) -> Value {
        switch (a[0].kind()) {
            case ValueKind::nil: return Value::string("nil");
            case ValueKind::boolean: return Value::string("bool");
            case ValueKind::integer: return Value::string("int");
            case ValueKind::floating: return Value::string("float");
            case ValueKind::string: return Value::string("string");
            case ValueKind::symbol: return Value::string("symbol");
            case ValueKind::list: return Value::string("list");
            case ValueKind::fact: return Value::string("fact");
        }
        return Value();
    }, "type(x) -> string", "het type van de waarde: int, float, string, symbol, bool, list, nil of fact", K{arg_any},
        SlotType::string);
    // CLIPS's (read) and (readline), reading what the embedder gave the run (wegwijzer run: standard input).
    const auto input = [](const char* fn) -> InputReader& {
        InputReader* in = current_input();
        if (!in) fail(std::string(fn) + "() leest invoer, maar deze run heeft geen invoer (wegwijzer run leest de standaardinvoer)");
        return *in;
    };
    add("read", 0, 0, [input](Args) { return input("read").read_token(); }, "read() -> any",
        "leest één woord, getal of \"tekst\" van de invoer (de rest van die regel vervalt); aan het eind het symbool EOF",
        K{}, SlotType::any);
    r.back().reads_input = true;
    add("readline", 0, 0, [input](Args) { return input("readline").read_line(); }, "readline() -> any",
        "leest de volgende regel van de invoer als tekst; aan het eind het symbool EOF", K{}, SlotType::any);
    r.back().reads_input = true;
    return r;
}

}  // namespace

const std::vector<FunctionInfo>& all_functions() {
    static const std::vector<FunctionInfo> registry = make_registry();
    return registry;
}

namespace {

// Open addressing over the length and the first and last letter: a cold start looks up the function
// of every call in the knowledge base (over a thousand), and a scan of the registry compared a third
// of its names each time.
class FunctionIndex {
public:
    FunctionIndex() {
        const auto& all = all_functions();
        std::size_t size = 64;
        while (size < 4 * all.size()) size *= 2;
        slots_.assign(size, nullptr);
        mask_ = size - 1;
        // In registry order: a name given twice finds its first entry, as the scan did.
        for (const FunctionInfo& f : all) {
            std::size_t i = slot_of(f.name);
            while (slots_[i]) {
                if (slots_[i]->name == f.name) break;
                i = (i + 1) & mask_;
            }
            if (!slots_[i]) slots_[i] = &f;
        }
    }
    const FunctionInfo* find(std::string_view name) const {
        for (std::size_t i = slot_of(name);; i = (i + 1) & mask_) {
            const FunctionInfo* f = slots_[i];
            if (!f || f->name == name) return f;
        }
    }

private:
    std::size_t slot_of(std::string_view n) const {
        if (n.empty()) return 0;
        return (n.size() * 131 + static_cast<unsigned char>(n.front()) * 31 + static_cast<unsigned char>(n.back())) & mask_;
    }
    std::vector<const FunctionInfo*> slots_;
    std::size_t mask_ = 0;
};

}  // namespace

std::string_view dutch_count_word(double n) {
    static constexpr std::array<std::string_view, 21> words = {
        "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"};
    if (n >= 0 && n <= 20 && n == std::trunc(n)) return words[static_cast<std::size_t>(n)];
    return {};
}

const FunctionInfo* find_function(std::string_view name) {
    static const FunctionIndex index;
    return index.find(name);
}

}  // namespace ww
