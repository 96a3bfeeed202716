// SPDX-License-Identifier: EUPL-1.2
// Values the engine reasons about. Symbols and strings are interned so that equality and hashing,
// which the Rete network does on every join and alpha dispatch, cost one integer comparison.
#pragma once

#include <atomic>
#include <bit>
#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ww {

// An interned text. Two Atoms are equal exactly when their texts are.
struct Atom {
    std::uint32_t id = 0;
    friend bool operator==(Atom, Atom) = default;
};

// Interning table shared by the whole process: values flow between engines (for example from a
// knowledge base loaded once into many consultations), so their atoms must mean the same everywhere.
// Safe from any thread: text_of and interning a text that is already there take no lock, adding a
// new text takes a mutex.
Atom intern(std::string_view text);

// The storage of the atom table (engine/intern.cpp), here so that text_of, on the path of every
// display, comparison and output of a text, is read inline.
namespace atom_table {
inline constexpr std::uint32_t kChunkBits = 12;
inline constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
inline constexpr std::uint32_t kChunks = 1u << (32 - kChunkBits);  // room for every 32-bit atom id
// Texts in chunks that never move; a chunk pointer is set once. `count` atoms are complete.
extern std::atomic<std::string*> chunks[kChunks];
extern std::atomic<std::uint32_t> count;
// An id at or beyond `count`: the empty text for 0 (before the table was first used), else an error.
std::string_view text_of_unknown(Atom atom);
}  // namespace atom_table

// The text of an atom; throws std::out_of_range for an id no atom has.
inline std::string_view text_of(Atom atom) {
    if (atom.id < atom_table::count.load(std::memory_order_acquire)) [[likely]]
        return atom_table::chunks[atom.id >> atom_table::kChunkBits].load(std::memory_order_acquire)[atom.id & (atom_table::kChunkSize - 1)];
    return atom_table::text_of_unknown(atom);
}

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

enum class ValueKind : std::uint8_t { nil, boolean, integer, floating, string, symbol, list, fact };

// A hand-written tagged union rather than std::variant: the Rete network copies, moves and destroys
// values by the thousand per consultation, and with a shared_ptr among the alternatives every one of
// those went through an out-of-line visit. Here only lists own anything, so copy, move and destroy
// are a 16-byte copy plus one well-predicted test of `kind_ == list`.
class Value {
public:
    Value() noexcept = default;
    Value(Nil) noexcept {}
    Value(bool b) noexcept : kind_(ValueKind::boolean), bits_(b ? 1 : 0) {}
    Value(int i) noexcept : kind_(ValueKind::integer), bits_(static_cast<std::uint64_t>(static_cast<std::int64_t>(i))) {}
    Value(std::int64_t i) noexcept : kind_(ValueKind::integer), bits_(static_cast<std::uint64_t>(i)) {}
    Value(double d) noexcept : kind_(ValueKind::floating), bits_(std::bit_cast<std::uint64_t>(d)) {}
    Value(Symbol s) noexcept : kind_(ValueKind::symbol), bits_(s.atom.id) {}
    Value(String s) noexcept : kind_(ValueKind::string), bits_(s.atom.id) {}
    Value(FactRef f) noexcept : kind_(ValueKind::fact), bits_(f.id) {}
    Value(std::vector<Value> items);

    Value(const Value& o) noexcept : kind_(o.kind_), bits_(o.bits_) {
        if (kind_ == ValueKind::list) retain(list_);
    }
    // The source keeps its value unless it is a list, as it did under std::variant, so no caller
    // can tell the difference; a moved-from list becomes nil.
    Value(Value&& o) noexcept : kind_(o.kind_), bits_(o.bits_) {
        if (kind_ == ValueKind::list) o.kind_ = ValueKind::nil;
    }
    Value& operator=(const Value& o) noexcept {
        // Retain before release, so that assigning a value to itself (or to a value sharing its
        // list) never frees the list in between.
        if (o.kind_ == ValueKind::list) retain(o.list_);
        if (kind_ == ValueKind::list) release(list_);
        kind_ = o.kind_;
        bits_ = o.bits_;
        return *this;
    }
    Value& operator=(Value&& o) noexcept {
        // Taken before releasing our own list, so self-move leaves the value intact.
        ValueKind k = o.kind_;
        std::uint64_t b = o.bits_;
        if (k == ValueKind::list) o.kind_ = ValueKind::nil;
        if (kind_ == ValueKind::list) release(list_);
        kind_ = k;
        bits_ = b;
        return *this;
    }
    ~Value() {
        if (kind_ == ValueKind::list) release(list_);
    }

    static Value symbol(std::string_view text) { return Value(Symbol{intern(text)}); }
    static Value string(std::string_view text) { return Value(String{intern(text)}); }

    ValueKind kind() const { return kind_; }
    bool is_nil() const { return kind_ == ValueKind::nil; }
    bool is_number() const { return kind_ == ValueKind::integer || kind_ == ValueKind::floating; }

    // The wrong kind throws std::bad_variant_access, as std::get did, so error texts stay the same.
    bool as_bool() const {
        if (kind_ != ValueKind::boolean) wrong_kind();
        return bits_ != 0;
    }
    std::int64_t as_int() const {
        if (kind_ != ValueKind::integer) wrong_kind();
        return static_cast<std::int64_t>(bits_);
    }
    double as_float() const {
        if (kind_ != ValueKind::floating) wrong_kind();
        return std::bit_cast<double>(bits_);
    }
    // Integer or float as double; throws on anything else.
    double as_number() const;
    // Symbol or string; throws on anything else. Inline: every display and comparison of a text
    // starts here.
    Atom as_atom() const {
        if (kind_ != ValueKind::string && kind_ != ValueKind::symbol) not_a_text();
        return Atom{static_cast<std::uint32_t>(bits_)};
    }
    std::string_view as_text() const { return text_of(as_atom()); }
    // Of a list: how deeply lists nest in it (1 for a flat list) and how many values it holds,
    // nested ones counted as often as they occur (saturating). 0 for any other value.
    std::uint32_t list_depth() const { return kind_ == ValueKind::list ? list_->depth : 0; }
    std::uint64_t list_weight() const { return kind_ == ValueKind::list ? list_->weight : 0; }
    const std::vector<Value>& as_list() const {
        if (kind_ != ValueKind::list) wrong_kind();
        return list_->items;
    }
    FactRef as_fact() const {
        if (kind_ != ValueKind::fact) wrong_kind();
        return FactRef{bits_};
    }

    // Structural equality, the one used for joins, duplicate facts and `==`. Integers and floats
    // compare by numeric value (1 == 1.0), and hash alike, so a join never depends on how a number
    // was written.
    friend bool operator==(const Value& a, const Value& b) {
        // Every kind but float (NaN, -0.0) and list (contents) is equal exactly when its payload
        // bits are: joins settle symbols and integers that way without a call.
        if (a.kind_ == b.kind_ && a.kind_ != ValueKind::floating && a.kind_ != ValueKind::list)
            return a.bits_ == b.bits_;
        return equal_slow(a, b);
    }
    std::size_t hash() const {
        // Joins and alpha memories hash integers and symbols by the million: those without a call.
        if (kind_ == ValueKind::integer) return mix_hash(static_cast<std::size_t>(bits_));
        if (kind_ == ValueKind::symbol) return mix_hash((std::size_t{2} << 40) ^ bits_);
        if (kind_ == ValueKind::string) return mix_hash((std::size_t{1} << 40) ^ bits_);
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
    // display() appended to `out`: string interpolation builds long texts piece by piece. A text or
    // symbol, most of those pieces, is its own display and is copied inline.
    void append_display(std::string& out) const {
        if (kind_ == ValueKind::string || kind_ == ValueKind::symbol) out += text_of(Atom{static_cast<std::uint32_t>(bits_)});
        else append_display_formatted(out);
    }

private:
    // A list's items with their own count, so a list value is one pointer. Atomic like the
    // shared_ptr it replaces: values may be shared by engines on different threads.
    struct ListRep {
        std::atomic<std::size_t> refs;
        std::vector<Value> items;
        std::uint32_t depth = 1;
        std::uint64_t weight = 0;
    };
    static void retain(ListRep* l) noexcept { l->refs.fetch_add(1, std::memory_order_relaxed); }
    static void release(ListRep* l) noexcept {
        if (l->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(l);
    }
    static void destroy(ListRep* l) noexcept;

    void append_display_formatted(std::string& out) const;
    [[noreturn]] void not_a_text() const;
    [[noreturn]] static void wrong_kind();
    static bool equal_slow(const Value& a, const Value& b);
    std::size_t hash_slow() const;

    ValueKind kind_ = ValueKind::nil;
    // The payload: bool as 0/1, integer and double by their bits, atom ids and fact ids zero-extended.
    // Nil keeps 0, so equal kinds with equal bits mean equal values for all but float and list.
    union {
        std::uint64_t bits_ = 0;
        ListRep* list_;
    };
};

// Kept small and nothrow-movable on purpose: tokens, facts and vectors of values copy these around
// constantly, and std::vector only moves (rather than copies) elements whose move cannot throw.
static_assert(sizeof(Value) == 16);
static_assert(std::is_nothrow_move_constructible_v<Value> && std::is_nothrow_move_assignable_v<Value>);

struct ValueHash {
    std::size_t operator()(const Value& v) const { return v.hash(); }
};

std::string_view kind_name(ValueKind kind);  // Dutch: "geheel getal", "tekst", ...

}  // namespace ww
