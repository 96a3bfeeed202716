// Values the engine reasons about. Symbols and strings are interned so that equality and hashing,
// which the Rete network does on every join and alpha dispatch, cost one integer comparison.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ww {

// An interned text. Two Atoms are equal exactly when their texts are.
struct Atom {
    std::uint32_t id = 0;
    friend bool operator==(Atom, Atom) = default;
};

// Interning table shared by the whole process: values flow between engines (for example from a
// knowledge base loaded once into many consultations), so their atoms must mean the same everywhere.
// Not thread-safe for interning; lookups of existing atoms are.
Atom intern(std::string_view text);
std::string_view text_of(Atom atom);

using FactId = std::uint64_t;

// A reference to a fact in working memory (CLIPS's fact-address); what `?f <- pattern` binds.
struct FactRef {
    FactId id = 0;
    friend bool operator==(FactRef, FactRef) = default;
};

struct Symbol {
    Atom atom;
    friend bool operator==(Symbol, Symbol) = default;
};
struct String {
    Atom atom;
    friend bool operator==(String, String) = default;
};

struct Nil {
    friend bool operator==(Nil, Nil) = default;
};

class Value;
using List = std::shared_ptr<const std::vector<Value>>;

enum class ValueKind : std::uint8_t { nil, boolean, integer, floating, string, symbol, list, fact };

class Value {
public:
    Value() = default;
    Value(Nil) {}
    Value(bool b) : v_(b) {}
    Value(int i) : v_(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : v_(i) {}
    Value(double d) : v_(d) {}
    Value(Symbol s) : v_(s) {}
    Value(String s) : v_(s) {}
    Value(FactRef f) : v_(f) {}
    Value(std::vector<Value> items);

    static Value symbol(std::string_view text) { return Value(Symbol{intern(text)}); }
    static Value string(std::string_view text) { return Value(String{intern(text)}); }

    ValueKind kind() const { return static_cast<ValueKind>(v_.index()); }
    bool is_nil() const { return kind() == ValueKind::nil; }
    bool is_number() const { return kind() == ValueKind::integer || kind() == ValueKind::floating; }

    bool as_bool() const { return std::get<bool>(v_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    double as_float() const { return std::get<double>(v_); }
    // Integer or float as double; throws on anything else.
    double as_number() const;
    // Symbol or string; throws on anything else. Inline: every display and comparison of a text
    // starts here.
    Atom as_atom() const {
        if (const auto* s = std::get_if<String>(&v_)) return s->atom;
        if (const auto* y = std::get_if<Symbol>(&v_)) return y->atom;
        not_a_text();
    }
    std::string_view as_text() const { return text_of(as_atom()); }
    const std::vector<Value>& as_list() const { return *std::get<List>(v_); }
    FactRef as_fact() const { return std::get<FactRef>(v_); }

    // Structural equality, the one used for joins, duplicate facts and `==`. Integers and floats
    // compare by numeric value (1 == 1.0), and hash alike, so a join never depends on how a number
    // was written.
    friend bool operator==(const Value& a, const Value& b) {
        // Joins compare symbols and integers by the million: settle those without a call.
        if (a.v_.index() == b.v_.index()) {
            switch (a.kind()) {
                case ValueKind::symbol: return std::get_if<Symbol>(&a.v_)->atom == std::get_if<Symbol>(&b.v_)->atom;
                case ValueKind::string: return std::get_if<String>(&a.v_)->atom == std::get_if<String>(&b.v_)->atom;
                case ValueKind::integer: return *std::get_if<std::int64_t>(&a.v_) == *std::get_if<std::int64_t>(&b.v_);
                default: break;
            }
        }
        return equal_slow(a, b);
    }
    std::size_t hash() const {
        // Joins and alpha memories hash integers and symbols by the million: those without a call.
        if (const auto* i = std::get_if<std::int64_t>(&v_)) return mix_hash(static_cast<std::size_t>(*i));
        if (const auto* s = std::get_if<Symbol>(&v_)) return mix_hash((std::size_t{2} << 40) ^ s->atom.id);
        return hash_slow();
    }
    static std::size_t mix_hash(std::size_t h) {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        return h;
    }

    // Total order for deterministic output: nil < bool < number < string < symbol < list < fact.
    friend std::strong_ordering compare(const Value& a, const Value& b);

    // Source form: strings quoted, symbols bare, lists in brackets, floats shortest round-trip.
    std::string repr() const;
    // Display form, as `str()` and string interpolation show it: strings unquoted.
    std::string display() const;
    // display() appended to `out`: string interpolation builds long texts piece by piece.
    void append_display(std::string& out) const;

private:
    [[noreturn]] void not_a_text() const;
    static bool equal_slow(const Value& a, const Value& b);
    std::size_t hash_slow() const;
    std::variant<Nil, bool, std::int64_t, double, String, Symbol, List, FactRef> v_;
};

struct ValueHash {
    std::size_t operator()(const Value& v) const { return v.hash(); }
};

std::string_view kind_name(ValueKind kind);  // Dutch: "geheel getal", "tekst", ...

}  // namespace ww
