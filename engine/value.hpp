// SPDX-License-Identifier: EUPL-1.2
// Values the engine reasons about. Symbols and strings of a rule base (constants, template names,
// fixed words) are interned for good, so that equality and hashing, which the Rete network does on
// every join and alpha dispatch, cost one integer comparison. A text computed while rules run or read
// from a profile is counted instead: it lives as long as a value holds it, so a long-running process
// that consults ever new profiles does not grow (docs/architectuur.md, "Teksten en hun levensduur").
#pragma once

#include <atomic>
#include <bit>
#include <compare>
#include <cstdint>
#include <cstring>
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
// new text takes a mutex. An atom is never released: intern only what a rule base or the program
// holds for good (Value::computed_string for anything else).
Atom intern(std::string_view text);

// The storage of the atom table (engine/intern.cpp), here so that text_of, on the path of every
// display, comparison and output of a text, is read inline.
namespace atom_table {
inline constexpr std::uint32_t kChunkBits = 12;
inline constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
inline constexpr std::uint32_t kChunks = 1u << (32 - kChunkBits);  // room for every 32-bit atom id
// An atom's text with the low half of its hash (text_hash), which a Value keeps beside the atom: a
// counted text of the same content hashes alike, so joins and alpha memories need not know which of
// the two they hold.
struct Entry {
    std::string text;
    std::uint32_t hash = 0;
};
// Texts in chunks that never move; a chunk pointer is set once. `count` atoms are complete.
extern std::atomic<Entry*> chunks[kChunks];
extern std::atomic<std::uint32_t> count;
// An id at or beyond `count`: the empty text for 0 (before the table was first used), else an error.
const Entry& unknown(Atom atom);
// The hash of every text, atom or counted.
std::uint64_t text_hash(std::string_view text);
// The atom of `text` (with hash `hash`), or UINT32_MAX when it has none: finds, never adds.
std::uint32_t find(std::string_view text, std::uint64_t hash);

inline const Entry& entry(Atom atom) {
    if (atom.id < count.load(std::memory_order_acquire)) [[likely]]
        return chunks[atom.id >> kChunkBits].load(std::memory_order_acquire)[atom.id & (kChunkSize - 1)];
    return unknown(atom);
}
}  // namespace atom_table

// The text of an atom; throws std::out_of_range for an id no atom has.
inline std::string_view text_of(Atom atom) { return atom_table::entry(atom).text; }

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
// those went through an out-of-line visit. Here only lists and counted texts own anything, so copy,
// move and destroy are a 16-byte copy plus one well-predicted test of `rep_`.
//
// A string or symbol is held in one of two ways with the same meaning: as an atom (interned for good)
// or as a counted text (TextRep, freed with the last value that holds it). Equality and hash go by
// content: `hash32_` is the text's hash in both ways, two atoms are equal exactly when their ids are,
// and only when a counted text takes part are the bytes compared.
class Value {
public:
    Value() noexcept = default;
    Value(Nil) noexcept {}
    Value(bool b) noexcept : kind_(ValueKind::boolean), bits_(b ? 1 : 0) {}
    Value(int i) noexcept : kind_(ValueKind::integer), bits_(static_cast<std::uint64_t>(static_cast<std::int64_t>(i))) {}
    Value(std::int64_t i) noexcept : kind_(ValueKind::integer), bits_(static_cast<std::uint64_t>(i)) {}
    Value(double d) noexcept : kind_(ValueKind::floating), rep_(kByContent), bits_(std::bit_cast<std::uint64_t>(d)) {}
    Value(Symbol s) : kind_(ValueKind::symbol), hash32_(atom_table::entry(s.atom).hash), bits_(s.atom.id) {}
    Value(String s) : kind_(ValueKind::string), hash32_(atom_table::entry(s.atom).hash), bits_(s.atom.id) {}
    Value(FactRef f) noexcept : kind_(ValueKind::fact), bits_(f.id) {}
    Value(std::vector<Value> items);

    // Copies and moves take the 16 bytes whole (two moves), whatever they hold.
    Value(const Value& o) noexcept {
        raw_copy(o);
        if (rep_ & kCounted) retain(counted_);
    }
    // The source keeps its value unless it owns something, as it did under std::variant, so no
    // caller can tell the difference; a moved-from list or counted text becomes nil.
    Value(Value&& o) noexcept {
        raw_copy(o);
        if (rep_ & kCounted) o.become_nil();
    }
    Value& operator=(const Value& o) noexcept {
        // Retain before release, so that assigning a value to itself (or to a value sharing its
        // list or text) never frees it in between.
        if (o.rep_ & kCounted) retain(o.counted_);
        if (rep_ & kCounted) release(counted_, kind_);
        raw_copy(o);
        return *this;
    }
    Value& operator=(Value&& o) noexcept {
        // Taken before releasing our own, so that self-move, or a move from inside our own list,
        // leaves the value intact.
        Value taken(std::move(o));
        if (rep_ & kCounted) release(counted_, kind_);
        raw_copy(taken);
        taken.become_nil();
        return *this;
    }
    ~Value() {
        if (rep_ & kCounted) release(counted_, kind_);
    }

    // A constant: the text is interned for good. For what a rule base or the program holds (names,
    // words of a contract), never for texts that differ per consultation.
    static Value symbol(std::string_view text) { return Value(Symbol{intern(text)}); }
    static Value string(std::string_view text) { return Value(String{intern(text)}); }
    // A computed text (interpolation, str(), a name from a profile): the atom when the text is
    // interned already (a word of the rule base), else a counted copy that goes with its last value.
    static Value computed_string(std::string_view text) { return computed(ValueKind::string, text); }
    static Value computed_symbol(std::string_view text) { return computed(ValueKind::symbol, text); }

    ValueKind kind() const { return kind_; }
    bool is_nil() const { return kind_ == ValueKind::nil; }
    bool is_number() const { return kind_ == ValueKind::integer || kind_ == ValueKind::floating; }
    // The same text as a string (ValueKind::string) or symbol, held the same way: str() of a symbol,
    // sym() of a string. Of a string or symbol only.
    Value text_as(ValueKind kind) const {
        if (kind_ != ValueKind::string && kind_ != ValueKind::symbol) not_a_text();
        Value v(*this);
        v.kind_ = kind;
        return v;
    }
    // A string or symbol held as a counted text rather than an atom.
    bool is_counted_text() const { return (rep_ & kCounted) && kind_ != ValueKind::list; }

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
    // Integer or float as double; throws on anything else. Inline: arithmetic and comparisons on
    // the figures of a profile (percentages) pass here per operand.
    double as_number() const {
        if (kind_ == ValueKind::integer) return static_cast<double>(static_cast<std::int64_t>(bits_));
        if (kind_ == ValueKind::floating) return std::bit_cast<double>(bits_);
        not_a_number();
    }
    // Symbol or string as an atom; throws on anything else. A counted text is interned here, for good:
    // only for words of a closed set (the callers compare it with known atoms).
    Atom as_atom() const {
        if (kind_ != ValueKind::string && kind_ != ValueKind::symbol) not_a_text();
        if (rep_ & kCounted) return intern(counted_text());
        return Atom{static_cast<std::uint32_t>(bits_)};
    }
    // Symbol or string; throws on anything else. Inline: every display and comparison of a text
    // starts here. Valid as long as this value (or another holding the same text) lives.
    std::string_view as_text() const {
        if (kind_ != ValueKind::string && kind_ != ValueKind::symbol) not_a_text();
        return text_unchecked();
    }
    // Of a list: how deeply lists nest in it (1 for a flat list) and how many values it holds,
    // nested ones counted as often as they occur (saturating). 0 for any other value.
    std::uint32_t list_depth() const { return kind_ == ValueKind::list ? list()->depth : 0; }
    std::uint64_t list_weight() const { return kind_ == ValueKind::list ? list()->weight : 0; }
    const std::vector<Value>& as_list() const {
        if (kind_ != ValueKind::list) wrong_kind();
        return list()->items;
    }
    FactRef as_fact() const {
        if (kind_ != ValueKind::fact) wrong_kind();
        return FactRef{bits_};
    }

    // Structural equality, the one used for joins, duplicate facts and `==`. Integers and floats
    // compare by numeric value (1 == 1.0), and hash alike, so a join never depends on how a number
    // was written; a text is equal to the same text held the other way.
    [[gnu::always_inline]] friend bool operator==(const Value& a, const Value& b) {
        // Every kind but float (NaN, -0.0), list (contents) and counted text is equal exactly when
        // its payload bits are: joins settle symbols and integers that way without a call.
        if (a.kind_ == b.kind_ && ((a.rep_ | b.rep_) & kByContent) == 0) return a.bits_ == b.bits_;
        return equal_slow(a, b);
    }
    std::size_t hash() const {
        // Joins and alpha memories hash integers and symbols by the million: those without a call.
        if (kind_ == ValueKind::integer) return mix_hash(static_cast<std::size_t>(bits_));
        if (kind_ == ValueKind::symbol) return mix_hash((std::size_t{2} << 40) ^ hash32_);
        if (kind_ == ValueKind::string) return mix_hash((std::size_t{1} << 40) ^ hash32_);
        // A fact's empty slots (`jaar: nil`, `vorige: nil`): most of the rest, no call either.
        if (kind_ == ValueKind::nil) return kNilHash;
        return hash_slow();
    }
    static constexpr std::size_t kNilHash = 0x9e37;
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
    // repr() appended to `out`: a derivation writes every fact it shows, slot by slot.
    void append_repr(std::string& out) const;
    // Display form, as `str()` and string interpolation show it: strings unquoted.
    std::string display() const;
    // display() appended to `out`: string interpolation builds long texts piece by piece. A text or
    // symbol, most of those pieces, is its own display and is copied inline.
    void append_display(std::string& out) const {
        if (kind_ == ValueKind::string || kind_ == ValueKind::symbol) out += text_unchecked();
        else append_display_formatted(out);
    }

private:
    // What a list or a counted text starts with. Atomic like the shared_ptr it replaces: values may
    // be shared by engines on different threads.
    struct CountedRep {
        std::atomic<std::size_t> refs{1};
    };
    // A list's items with their own count, so a list value is one pointer.
    struct ListRep : CountedRep {
        std::vector<Value> items;
        std::uint32_t depth = 1;
        std::uint64_t weight = 0;
    };
    // A counted text: its bytes follow the header in the same allocation.
    struct TextRep : CountedRep {
        std::size_t size = 0;
        const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    };
    // rep_: kCounted, the payload is a CountedRep (a list or a counted text); kByContent, equal bits
    // do not settle equality (float, list, counted text).
    static constexpr std::uint8_t kCounted = 1, kByContent = 2;

    static Value computed(ValueKind kind, std::string_view text);
    static void retain(CountedRep* c) noexcept { c->refs.fetch_add(1, std::memory_order_relaxed); }
    static void release(CountedRep* c, ValueKind kind) noexcept {
        if (c->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(c, kind);
    }
    static void destroy(CountedRep* c, ValueKind kind) noexcept;
    void become_nil() noexcept { std::memset(static_cast<void*>(this), 0, sizeof(Value)); }
    void raw_copy(const Value& o) noexcept { std::memcpy(static_cast<void*>(this), &o, sizeof(Value)); }
    ListRep* list() const { return static_cast<ListRep*>(counted_); }
    std::string_view counted_text() const {
        const auto* t = static_cast<const TextRep*>(counted_);
        return {t->data(), t->size};
    }
    // Of a string or symbol.
    std::string_view text_unchecked() const {
        if (rep_ & kCounted) return counted_text();
        return text_of(Atom{static_cast<std::uint32_t>(bits_)});
    }

    void append_display_formatted(std::string& out) const;
    [[noreturn]] void not_a_text() const;
    [[noreturn]] void not_a_number() const;
    [[noreturn]] static void wrong_kind();
    static bool equal_slow(const Value& a, const Value& b);
    std::size_t hash_slow() const;

    ValueKind kind_ = ValueKind::nil;
    std::uint8_t rep_ = 0;
    // Of a string or symbol, atom or counted: the low half of text_hash of its text; else 0.
    std::uint32_t hash32_ = 0;
    // The payload: bool as 0/1, integer and double by their bits, atom ids and fact ids zero-extended,
    // or the counted list or text. Nil keeps 0, so equal kinds with equal bits and neither rep_ flag
    // mean equal values.
    union {
        std::uint64_t bits_ = 0;
        CountedRep* counted_;
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
