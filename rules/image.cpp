// SPDX-License-Identifier: EUPL-1.2
#include "rules/image.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <deque>
#include <map>
#include <climits>
#include <cstring>
#include <memory>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>

#include "engine/action_check.hpp"
#include "engine/action_flow.hpp"
#include "engine/functions.hpp"
#include "rules/promise_closure.hpp"

namespace ww {

namespace {

constexpr char magic[8] = {'W', 'W', 'I', 'M', 'G', '\r', '\n', '\x1a'};
// magic, format version, key, body size, body checksum
constexpr std::size_t header_size = 8 + 4 + 8 + 8 + 8;
// Expressions and lists nest; a reader recursing once per level must stop somewhere. The rule
// language itself refuses expressions deeper than limits::max_expression_depth (200).
constexpr int max_depth = 1000;
// After every rule: numbers and flags take as few bytes as they can, so a damaged count or flag
// seldom makes the rest unreadable; it does make the reader lose step, which this byte shows.
constexpr std::uint8_t rule_end = 0xa5;

// Numbers take 1 byte below 2^7, 2 below 2^14, 3 below 2^21 (the length in the first byte's top
// bits, big-endian), else a marker byte and 4 or 8 bytes; signed ones are zigzagged. Most are counts,
// indexes and variable numbers (one byte) and source offsets (two or three). Texts go by index into a table written before the body, each distinct text once; index
// 0 is the empty text. The reader takes them as views into the blob: no text is copied until a field
// that is a std::string needs it.
class Out {
public:
    void u8(std::uint8_t v) { s_.push_back(static_cast<char>(v)); }
    void u64(std::uint64_t v) {
        if (v < 0x80) return u8(static_cast<std::uint8_t>(v));
        if (v < 0x4000) {
            u8(static_cast<std::uint8_t>(0x80 | (v >> 8)));
            return u8(static_cast<std::uint8_t>(v));
        }
        if (v < 0x200000) {
            u8(static_cast<std::uint8_t>(0xc0 | (v >> 16)));
            u8(static_cast<std::uint8_t>(v >> 8));
            return u8(static_cast<std::uint8_t>(v));
        }
        if (v <= 0xffffffffu) {
            u8(0xe0);
            const auto w = static_cast<std::uint32_t>(v);
            s_.append(reinterpret_cast<const char*>(&w), sizeof w);
            return;
        }
        u8(0xe1);
        s_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void u32(std::uint32_t v) { u64(v); }
    void i64(std::int64_t v) { u64((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void f64(double v) {
        const auto bits = std::bit_cast<std::uint64_t>(v);
        s_.append(reinterpret_cast<const char*>(&bits), sizeof bits);
    }
    void size(std::size_t n) {
        if (n > 0xffffffffu) throw std::length_error("image: te groot");
        u32(static_cast<std::uint32_t>(n));
    }
    void raw_str(std::string_view v) {
        size(v.size());
        s_.append(v);
    }
    void str(std::string_view v) {
        if (v.empty()) return u32(0);
        auto [it, added] = text_index_.try_emplace(v, static_cast<std::uint32_t>(texts_.size() + 1));
        if (added) texts_.push_back(v);
        u32(it->second);
    }
    // Atoms go by index into a table of their texts, written before the body: each text is then
    // interned once on reading (atom ids themselves differ per process).
    void atom(Atom a) {
        auto [it, added] = atom_index_.try_emplace(a.id, static_cast<std::uint32_t>(atoms_.size()));
        if (added) atoms_.push_back(text_of(a));
        u32(it->second);
    }
    const std::vector<std::string_view>& atoms() const { return atoms_; }
    const std::vector<std::string_view>& texts() const { return texts_; }
    std::string& bytes() { return s_; }
    // A definition made for writing only (a function as a rule): str() keeps views of its texts
    // until the image is done, so it lives as long as this.
    const RuleDef& hold(RuleDef r) { return held_.emplace_back(std::move(r)); }

private:
    std::deque<RuleDef> held_;
    std::unordered_map<std::uint32_t, std::uint32_t> atom_index_;
    std::vector<std::string_view> atoms_;
    std::unordered_map<std::string_view, std::uint32_t> text_index_;
    std::vector<std::string_view> texts_;
    std::string s_;
};

struct BadImage {};

// One byte for the operation and which fields follow: a nil value, an empty name and no operands
// (most expressions, and every unused one of a condition or action) cost nothing beyond it.
constexpr std::uint8_t expr_has_value = 0x20, expr_has_name = 0x40, expr_has_args = 0x80;
static_assert(static_cast<std::uint8_t>(Op::concat) < expr_has_value);

// The tables of an image (atoms, texts, the slot count of each template) and the bytes its texts
// point into. The rules whose actions are read when they first fire (ImagePendingActions) share
// them: they live as long as the last of those rules.
struct ImageTables {
    std::shared_ptr<const void> bytes;  // the blob's owner
    // The atoms by their index in the image: each text, and its atom + 1 once interned (0: not yet).
    // An atom is interned when first read, not with the table: a cold run reads the atoms of the
    // conditions, facts and metadata, and of the actions of the rules it fires, and leaves most of
    // the others (the advice texts of rules that do not fire, or are not read) alone. Threads that
    // build the actions of rules they share (ImagePendingActions) may intern one text at once: each
    // gets the same atom, and stores the same value.
    std::vector<std::string_view> atom_texts;
    std::unique_ptr<std::atomic<std::uint32_t>[]> atom_ids;
    std::vector<std::string_view> texts;
    std::vector<std::size_t> slot_counts;
    // The knowledge base's own functions, by name: for the calls of actions checked when they are
    // built (ImagePendingActions, a reader for a closed promise); empty otherwise.
    std::map<std::string, std::shared_ptr<const FunctionDef>, std::less<>> functions;
    // For those checks too, per text of the image what a call by that name is, once looked up: 0 not
    // yet (or a built-in past the 253 places one byte holds: then looked up per call), 1 one of the
    // knowledge base's own (ActionCheck::own), else 2 + the built-in function's place in
    // all_functions(). Shared by every build, as a build may run on any thread: each that looks a
    // name up stores the same value. One byte per text, not a pointer, as ActionCheck's own table:
    // it is zeroed for every image read (some 4,000 texts), and as pointers that cost ~27,000 instructions.
    std::unique_ptr<std::atomic<std::uint8_t>[]> function_of_text;

    [[gnu::always_inline]] Atom atom(std::uint32_t i) const {
        const std::uint32_t known = atom_ids[i].load(std::memory_order_acquire);
        if (known != 0) [[likely]] return Atom{known - 1};
        return intern_atom(i);
    }
    [[gnu::noinline]] Atom intern_atom(std::uint32_t i) const {
        const Atom a = intern(atom_texts[i]);
        atom_ids[i].store(a.id + 1, std::memory_order_release);
        return a;
    }
};

// Reads a blob front to back; every read is bounds-checked and throws BadImage past the end. The
// reads are small and many (some 100,000 for the bundled knowledge base), so they stay inline and
// work on two pointers.
// `out` made anew from `v`, in place: a move assignment weighs SSO and capacity of both sides, some
// 40 instructions per text, and the reader fills thousands of fresh (empty) strings.
[[gnu::always_inline]] inline void make_text(std::string& out, std::string_view v) {
    std::destroy_at(&out);
    try {
        std::construct_at(&out, v);
    } catch (...) {
        std::construct_at(&out);  // an object again for the unwinding to destroy
        throw;
    }
}

class In {
public:
    In(std::string_view s, const ImageTables& tables)
        : p_(s.data()),
          end_(s.data() + s.size()),
          end2_(s.size() >= 2 ? end_ - 1 : s.data()),
          end3_(s.size() >= 3 ? end_ - 2 : s.data()),
          t_(&tables) {}
    std::uint8_t u8() {
        if (p_ == end_) throw BadImage{};
        return static_cast<std::uint8_t>(*p_++);
    }
    // Nearly every number is one byte: that path is inline, the rest is not.
    [[gnu::always_inline]] std::uint64_t u64() {
        if (p_ != end_ && static_cast<std::uint8_t>(*p_) < 0x80) return static_cast<std::uint8_t>(*p_++);
        return u64_long();
    }
    // The commonest read (decoding them was about a quarter of reading the image): the bytes are read
    // before `p_` moves, as the store to `p_` may alias them (they are chars) and each would be read
    // again; and "3 bytes left" is one comparison with end3_, not a subtraction and a comparison.
    [[gnu::always_inline]] std::uint32_t u32() {
        if (p_ < end3_) {
            const auto* q = reinterpret_cast<const std::uint8_t*>(p_);
            const std::uint32_t b = q[0];
            if (b < 0x80) {
                p_ += 1;
                return b;
            }
            if (b < 0xc0) {
                const std::uint32_t v = ((b & 0x3fu) << 8) | q[1];
                p_ += 2;
                return v;
            }
            if (b < 0xe0) {
                const std::uint32_t v = ((b & 0x1fu) << 16) | (std::uint32_t{q[1]} << 8) | q[2];
                p_ += 3;
                return v;
            }
        }
        const std::uint64_t v = u64_long();
        if (v > 0xffffffffu) throw BadImage{};
        return static_cast<std::uint32_t>(v);
    }
    std::int64_t i64() {
        const std::uint64_t v = u64();
        return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
    }
    double f64() {
        need(8);
        std::uint64_t bits;
        std::memcpy(&bits, p_, sizeof bits);
        p_ += sizeof bits;
        return std::bit_cast<double>(bits);
    }
    bool boolean() {
        std::uint8_t b = u8();
        if (b > 1) throw BadImage{};
        return b == 1;
    }
    // A count of elements that take at least one byte each: never more than the bytes left.
    [[gnu::always_inline]] std::size_t count() {
        std::size_t n = u32();
        need(n);
        return n;
    }
    std::string_view raw_view() {
        const std::size_t n = u32();
        need(n);
        std::string_view v(p_, n);
        p_ += n;
        return v;
    }
    [[gnu::always_inline]] std::string_view view() { return t_->texts[index(t_->texts.size())]; }
    // A text by its index in the table (0 the empty one): the function names of calls are looked up
    // once per text, not once per call.
    [[gnu::always_inline]] std::uint32_t text_index() { return index(t_->texts.size()); }
    std::string_view text(std::uint32_t i) const { return t_->texts[i]; }
    std::size_t text_count() const { return t_->texts.size(); }
    std::string str() { return std::string(view()); }
    // Into an existing string: an empty text (most expression names) costs no copy.
    // Into an empty string by construction, not assign(): basic_string::_M_replace, which assign
    // goes through, is some 100 instructions before it copies a byte.
    void str(std::string& out) {
        const std::string_view v = view();
        if (!v.empty()) make_text(out, v);
    }
    template <class E>
    E enumeration(E last) {
        std::uint8_t v = u8();
        if (v > static_cast<std::uint8_t>(last)) throw BadImage{};
        return static_cast<E>(v);
    }
    // An index below `bound`. Inline, as u32: some 12,000 per cold start.
    [[gnu::always_inline]] std::uint32_t index(std::size_t bound) {
        std::uint32_t v = u32();
        if (v >= bound) throw BadImage{};
        return v;
    }
    // An expression that is a variable alone: its variable (unchecked) and source offset. See read_expr.
    [[gnu::always_inline]] bool var_leaf(std::uint32_t& var, std::uint32_t& source_offset) {
        if (p_ == end_ || static_cast<std::uint8_t>(*p_) != static_cast<std::uint8_t>(Op::var)) return false;
        ++p_;
        var = u32();
        source_offset = u32();
        return true;
    }
    // An expression that is a constant text or symbol alone: its kind, its atom (with `Build`; else
    // its index only checked, the text not interned), its variable and source offset. See read_expr.
    template <bool Build>
    [[gnu::always_inline]] bool atom_leaf(ValueKind& kind, Atom& a, std::uint32_t& var, std::uint32_t& source_offset) {
        if (p_ >= end2_ || static_cast<std::uint8_t>(p_[0]) != (static_cast<std::uint8_t>(Op::constant) | expr_has_value) ||
            (static_cast<std::uint8_t>(p_[1]) != static_cast<std::uint8_t>(ValueKind::string) &&
             static_cast<std::uint8_t>(p_[1]) != static_cast<std::uint8_t>(ValueKind::symbol)))
            return false;
        kind = static_cast<ValueKind>(p_[1]);
        p_ += 2;
        if constexpr (Build) a = atom();
        else skip_atom();
        var = u32();
        source_offset = u32();
        return true;
    }
    // An expression that is a constant whole number alone: the number, its variable and source
    // offset. See read_expr.
    [[gnu::always_inline]] bool integer_leaf(std::int64_t& i, std::uint32_t& var, std::uint32_t& source_offset) {
        if (p_ >= end2_ || static_cast<std::uint8_t>(p_[0]) != (static_cast<std::uint8_t>(Op::constant) | expr_has_value) ||
            static_cast<std::uint8_t>(p_[1]) != static_cast<std::uint8_t>(ValueKind::integer))
            return false;
        p_ += 2;
        i = i64();
        var = u32();
        source_offset = u32();
        return true;
    }
    // Three zero bytes, skipped: see get_expr.
    [[gnu::always_inline]] bool skip_zero3() {
        if (p_ >= end3_) return false;
        std::uint16_t first2;  // one load and one comparison for the first two
        std::memcpy(&first2, p_, sizeof first2);
        if (first2 != 0 || p_[2] != 0) return false;
        p_ += 3;
        return true;
    }
    // A record of `n` bytes that ends in `last`, not read.
    void skip_record(std::size_t n, std::uint8_t last) {
        need(n);
        if (n == 0 || static_cast<std::uint8_t>(p_[n - 1]) != last) throw BadImage{};
        p_ += n;
    }
    void skip(std::size_t n) {
        need(n);
        p_ += n;
    }
    bool done() const { return p_ == end_; }
    const char* position() const { return p_; }
    const std::vector<std::size_t>& slot_counts() const { return t_->slot_counts; }
    // The texts of the atoms, none interned yet (ImageTables::atom).
    void read_atoms(ImageTables& tables) {
        tables.atom_texts.resize(count());
        for (auto& text : tables.atom_texts) text = raw_view();
        tables.atom_ids = std::make_unique<std::atomic<std::uint32_t>[]>(tables.atom_texts.size());  // all 0
    }
    std::vector<std::string_view> read_texts() {
        std::vector<std::string_view> texts(count() + 1);  // 0: the empty text
        for (std::size_t i = 1; i < texts.size(); ++i) texts[i] = raw_view();
        return texts;
    }
    // Inline: some 3,800 per cold start, one per symbol or string in a value.
    [[gnu::always_inline]] Atom atom() { return t_->atom(index(t_->atom_texts.size())); }
    [[gnu::always_inline]] void skip_atom() { index(t_->atom_texts.size()); }

private:
    void need(std::size_t n) const {
        if (n > static_cast<std::size_t>(end_ - p_)) throw BadImage{};
    }
    [[gnu::noinline]] std::uint64_t u64_long() {
        need(1);
        const auto* q = reinterpret_cast<const std::uint8_t*>(p_);
        const std::uint8_t b = q[0];
        if (b < 0x80) {
            p_ += 1;
            return b;
        }
        if (b < 0xc0) {
            need(2);
            p_ += 2;
            return (std::uint64_t{b & 0x3fu} << 8) | q[1];
        }
        if (b < 0xe0) {
            need(3);
            p_ += 3;
            return (std::uint64_t{b & 0x1fu} << 16) | (std::uint64_t{q[1]} << 8) | q[2];
        }
        if (b == 0xe0) {
            need(5);
            std::uint32_t w;
            std::memcpy(&w, p_ + 1, sizeof w);
            p_ += 5;
            return w;
        }
        if (b != 0xe1) throw BadImage{};
        need(9);
        std::uint64_t w;
        std::memcpy(&w, p_ + 1, sizeof w);
        p_ += 9;
        return w;
    }
    const char* p_;
    const char* end_;
    // `p_ < end2_`: at least 2 bytes left, `p_ < end3_`: at least 3; each the start when the bytes
    // are fewer, so that no place passes.
    const char* end2_;
    const char* end3_;
    const ImageTables* t_;
};

void put(Out& o, const Value& v) {
    o.u8(static_cast<std::uint8_t>(v.kind()));
    switch (v.kind()) {
        case ValueKind::nil: break;
        case ValueKind::boolean: o.u8(v.as_bool() ? 1 : 0); break;
        case ValueKind::integer: o.i64(v.as_int()); break;
        case ValueKind::floating: o.f64(v.as_float()); break;
        case ValueKind::string:
        case ValueKind::symbol: o.atom(v.as_atom()); break;
        case ValueKind::list:
            o.size(v.as_list().size());
            for (const auto& item : v.as_list()) put(o, item);
            break;
        case ValueKind::fact: o.u64(v.as_fact().id); break;
    }
}

// A value read with every check: built (Build), or only its bytes read and checked (in the actions
// of a rule, which the reader does not build yet: scan_expr). One reader for both, so that whatever
// passes unbuilt builds later without a complaint.
template <bool Build>
using ValueRead = std::conditional_t<Build, Value, void>;

template <bool Build>
ValueRead<Build> read_value_of_kind(In& in, ValueKind kind, int depth);

template <bool Build>
ValueRead<Build> read_value(In& in, int depth) {
    return read_value_of_kind<Build>(in, in.enumeration(ValueKind::fact), depth);
}

// Out of line: the registers its loop keeps would be saved on every call of read_value_of_kind,
// and lists are rare among the values of an image.
template <bool Build>
[[gnu::noinline]] ValueRead<Build> read_list(In& in, int depth) {
    const std::size_t n = in.count();
    if constexpr (Build) {
        std::vector<Value> items(n);
        for (auto& item : items) item = read_value<true>(in, depth + 1);
        return Value(std::move(items));
    } else {
        for (std::size_t i = 0; i < n; ++i) read_value<false>(in, depth + 1);
    }
}

// `kind` read already (an expression reads it first to refuse nil).
template <bool Build>
ValueRead<Build> read_value_of_kind(In& in, ValueKind kind, int depth) {
    if (depth > max_depth) throw BadImage{};
    // The value of what was read, made only when building.
    const auto made = []([[maybe_unused]] auto make) -> ValueRead<Build> {
        if constexpr (Build) return make();
    };
    switch (kind) {
        case ValueKind::nil: return made([] { return Value(); });
        case ValueKind::boolean: return made([b = in.boolean()] { return Value(b); });
        case ValueKind::integer: return made([i = in.i64()] { return Value(i); });
        case ValueKind::floating: return made([f = in.f64()] { return Value(f); });
        case ValueKind::string:
        case ValueKind::symbol:
            if constexpr (Build) {
                const Atom a = in.atom();
                return kind == ValueKind::string ? Value(String{a}) : Value(Symbol{a});
            } else {
                return in.skip_atom();
            }
        case ValueKind::list: return read_list<Build>(in, depth);
        case ValueKind::fact: return made([id = in.u64()] { return Value(FactRef{id}); });
    }
    throw BadImage{};
}

// The commonest values (texts, symbols, whole numbers, nil: of facts, metadata, parameters) inline,
// as read_value_of_kind makes them; the call cost more than the reading.
Value get_value(In& in, int depth) {
    const ValueKind kind = in.enumeration(ValueKind::fact);
    if (depth <= max_depth) {
        switch (kind) {
            case ValueKind::nil: return Value();
            case ValueKind::integer: return Value(in.i64());
            case ValueKind::string: return Value(String{in.atom()});
            case ValueKind::symbol: return Value(Symbol{in.atom()});
            default: break;
        }
    }
    return read_value_of_kind<true>(in, kind, depth);
}


void put(Out& o, const Expr& e) {
    const bool value = e.value.kind() != ValueKind::nil;
    o.u8(static_cast<std::uint8_t>(static_cast<std::uint8_t>(e.op) | (value ? expr_has_value : 0) |
                                   (e.name.empty() ? 0 : expr_has_name) | (e.args.empty() ? 0 : expr_has_args)));
    if (value) put(o, e.value);
    o.u32(e.var);
    if (!e.name.empty()) o.str(e.name);
    o.u32(e.source_offset);
    if (!e.args.empty()) o.size(e.args.size());
    for (const auto& a : e.args) put(o, a);
}

// What Engine::add_rule checks of a rule's actions, made while the reader goes over them without
// building them (scan_expr; RuleDef::actions_checked): the actions are built when the rule first
// fires (ImagePendingActions), and a consultation fires about a quarter of the rules. The rules are
// the engine's (engine/action_check.hpp).
struct ActionCheck {
    ActionChecker checker;
    // The variables the action being read may read (ActionChecker::before). Null: any variable of
    // the rule, as for the expressions of actions add_rule does not check.
    const std::uint8_t* bound = nullptr;
    // The functions the calls name, each looked up once: `functions` holds what the lookup gave (a
    // built-in function, or &own: not built in, a function of the knowledge base, checked once those
    // are read); `function_of_text` per text of the image 1 + its place there, or 0 (not looked up,
    // or past the 255 names one byte holds: then looked up per call). One byte, not a pointer, per
    // text: the table is made for every text before the rules are read, and zeroing it cost 20,000
    // instructions as pointers.
    std::vector<std::uint8_t> function_of_text;
    std::vector<const FunctionInfo*> functions;
    std::vector<std::pair<std::uint32_t, std::size_t>> own_calls;  // name's text, operands
    static inline const FunctionInfo own{};
    std::shared_ptr<const ImageTables> tables;
    // Per action of the rule being read, what action_flow_problem reads of it (kept for every rule,
    // handed to it only for one with a branch, jump or loop).
    std::vector<ActionStep> steps;
    // A reader for a closed promise: the actions of a rule are skipped, and checked (with all of the
    // above) when they are built, against the summary the image gives and the templates its index
    // says the rule asserts (`asserted`, set per rule). See ImagePendingActions.
    bool defer = false;
    std::span<const TemplateId> asserted;
    // The rule being read, in the shared_ptr the rule base will hold (for ImagePendingActions).
    std::weak_ptr<const RuleDef> rule;
    // When set (the check of ImagePendingActions::build), calls are looked up through the tables'
    // shared function_of_text instead of the one above: making that one for each rule cost more than
    // the rule's check.
    std::atomic<std::uint8_t>* shared_functions = nullptr;
    const FunctionInfo* built_in = nullptr;  // with it, all_functions(), once per check rather than per call
};

// A call as checked_node (engine/expr_eval.cpp) takes it: a built-in function by that name first,
// else one of the knowledge base's own; and as many operands as it takes. The name is looked up
// once (ActionCheck::function_of_text); every later call of a built-in function takes the inline
// path (some 1,500 per cold start).
[[gnu::noinline]] void check_call_first(ActionCheck& check, std::string_view name_text, std::uint32_t name, std::size_t n) {
    const FunctionInfo* f = nullptr;
    if (const std::uint8_t known = check.function_of_text[name]) {
        f = check.functions[known - 1];
    } else {
        f = find_function(name_text);
        if (!f) f = &ActionCheck::own;
        if (check.functions.size() < 255) {
            check.functions.push_back(f);
            check.function_of_text[name] = static_cast<std::uint8_t>(check.functions.size());
        }
    }
    if (f == &ActionCheck::own) {
        check.own_calls.emplace_back(name, n);
        return;
    }
    if (!takes_arguments(*f, n)) throw BadImage{};
}

[[gnu::noinline]] void check_call_shared(ActionCheck& check, std::string_view name_text, std::uint32_t name, std::size_t n) {
    // Relaxed: what is stored is a place in all_functions(), which each thread reaches through that
    // function's own guard, not data the storing thread made.
    const std::uint8_t known = check.shared_functions[name].load(std::memory_order_relaxed);
    const FunctionInfo* f = known == 1 ? &ActionCheck::own : known ? &check.built_in[known - 2] : nullptr;
    if (!f) {
        f = find_function(name_text);  // a place in all_functions(), or null
        const std::size_t place = f ? 2 + static_cast<std::size_t>(f - check.built_in) : 1;
        if (!f) f = &ActionCheck::own;
        if (place <= UINT8_MAX) check.shared_functions[name].store(static_cast<std::uint8_t>(place), std::memory_order_relaxed);
    }
    if (f == &ActionCheck::own) {
        check.own_calls.emplace_back(name, n);
        return;
    }
    if (!takes_arguments(*f, n)) throw BadImage{};
}

[[gnu::always_inline]] inline void check_call(ActionCheck& check, const In& in, std::uint32_t name, std::size_t n) {
    if (check.shared_functions) [[unlikely]]
        return check_call_shared(check, in.text(name), name, n);
    if (const std::uint8_t known = check.function_of_text[name]) {
        const FunctionInfo* f = check.functions[known - 1];
        if (f != &ActionCheck::own) {
            if (!takes_arguments(*f, n)) throw BadImage{};
            return;
        }
    }
    check_call_first(check, in.text(name), name, n);
}

// Where read_expr puts what it reads: into an Expr it builds (Build), or nowhere but add_rule's
// checks of an action's expressions (ActionCheck: its variables bound, its calls of functions that
// exist with as many operands as they take), for the actions of a rule, which are built when the
// rule first fires.
template <bool Build>
using ExprInto = std::conditional_t<Build, Expr, ActionCheck>;

// What the caller keeps of an expression it does not build: of an action's target and expr, what
// add_rule and action_flow_problem read (its operation and variable).
template <bool Build>
using ExprKept = std::conditional_t<Build, void, ActionStep::Operand>;

template <bool Build>
ExprKept<Build> read_expr_full(In& in, ExprInto<Build>& into, std::size_t vars, int depth);

// A variable an expression names: one of the rule's (the engine indexes with it), and in an action's
// expressions one its conditions bind.
template <bool Build>
[[gnu::always_inline]] inline void check_var(const ExprInto<Build>& into, std::uint32_t var, std::size_t vars) {
    if (var >= vars) throw BadImage{};
    if constexpr (!Build) {
        if (into.bound && !into.bound[var]) throw BadImage{};
    }
}

// The empty expression (a constant without value, name or operands, variable 0, source offset 0:
// the unused one of most conditions and actions, some 4,000 per cold start) is three zero bytes, and
// a fresh Expr is it already: those take the inline path, not the call.
// A variable alone (one byte for the operation without fields, then the variable and the source
// offset) and a text, symbol or whole number alone (the operation with a value, its kind, the atom
// or number, the variable and the source offset), the commonest operands, are read inline too, with
// the checks read_expr_full makes of them: the call cost more than the reading.
template <bool Build>
[[gnu::always_inline]] inline ExprKept<Build> read_expr(In& in, ExprInto<Build>& into, std::size_t vars, int depth) {
    if (depth <= max_depth && in.skip_zero3()) return ExprKept<Build>();
    std::uint32_t var = 0, source_offset = 0;
    if (depth <= max_depth && in.var_leaf(var, source_offset)) {
        check_var<Build>(into, var, vars);
        if constexpr (Build) {
            into.op = Op::var;
            into.var = var;
            into.source_offset = source_offset;
            return;
        } else {
            return ActionStep::Operand{Op::var, var};
        }
    }
    ValueKind kind{};
    Atom a;
    if (depth < max_depth && in.atom_leaf<Build>(kind, a, var, source_offset)) {  // its value one level down
        if constexpr (Build) {
            // In place, as read_expr_full: `into.value` is a fresh nil.
            std::destroy_at(&into.value);
            if (kind == ValueKind::string) std::construct_at(&into.value, String{a});
            else std::construct_at(&into.value, Symbol{a});
            into.var = var;
            into.source_offset = source_offset;
            return;
        } else {
            return ActionStep::Operand{Op::constant, var};
        }
    }
    std::int64_t i = 0;
    if (depth < max_depth && in.integer_leaf(i, var, source_offset)) {
        if constexpr (Build) {
            std::destroy_at(&into.value);
            std::construct_at(&into.value, i);
            into.var = var;
            into.source_offset = source_offset;
            return;
        } else {
            return ActionStep::Operand{Op::constant, var};
        }
    }
    return read_expr_full<Build>(in, into, vars, depth);
}

// One reader for an expression built (get_expr) and one only checked (scan_expr): the same bytes and
// the same checks, so that the actions scan_actions passes build later without a complaint. Variable
// ids are checked against the rule's variables, so the engine can index with them. Built into `into`
// in place (a fresh Expr): no temporary tree is moved up level by level.
template <bool Build>
ExprKept<Build> read_expr_full(In& in, ExprInto<Build>& into, std::size_t vars, int depth) {
    if (depth > max_depth) throw BadImage{};
    const std::uint8_t head = in.u8();
    const auto op = static_cast<std::uint8_t>(head & (expr_has_value - 1));
    if (op > static_cast<std::uint8_t>(Op::concat)) throw BadImage{};
    ActionStep::Operand e{static_cast<Op>(op), 0};
    if constexpr (Build) into.op = e.op;  // each field stored as soon as it is read: fewer values kept across calls
    // Nil, the value of every expression but a constant, is what a fresh Expr holds already.
    if (head & expr_has_value) {
        const ValueKind kind = in.enumeration(ValueKind::fact);
        if (kind == ValueKind::nil) throw BadImage{};  // one encoding per expression
        if constexpr (Build) {
            // Made in place: `into.value` is a fresh nil (a move assignment weighs both sides first).
            Value v = read_value_of_kind<true>(in, kind, depth + 1);
            std::destroy_at(&into.value);
            std::construct_at(&into.value, std::move(v));
        } else {
            read_value_of_kind<false>(in, kind, depth + 1);
        }
    }
    e.var = in.u32();
    if (e.op == Op::var) check_var<Build>(into, e.var, vars);
    if constexpr (Build) into.var = e.var;
    std::uint32_t name = 0;  // 0: the empty text
    if (head & expr_has_name) {
        name = in.text_index();
        const std::string_view text = in.text(name);
        if (text.empty()) throw BadImage{};
        if constexpr (Build) make_text(into.name, text);
    }
    const std::uint32_t source_offset = in.u32();
    if constexpr (Build) into.source_offset = source_offset;
    const std::size_t n = (head & expr_has_args) ? in.count() : 0;
    if ((head & expr_has_args) && n == 0) throw BadImage{};
    if (!arity_fits(e.op, n)) throw BadImage{};
    if constexpr (Build) {
        if (n == 0) return;
        into.args = std::vector<Expr>(n);
        for (auto& a : into.args) read_expr<true>(in, a, vars, depth + 1);
    } else {
        if (e.op == Op::call) {
            if (name == 0) throw BadImage{};  // a call of no function
            check_call(into, in, name, n);
        }
        for (std::size_t i = 0; i < n; ++i) read_expr<false>(in, into, vars, depth + 1);
        return e;
    }
}

[[gnu::always_inline]] inline void get_expr(In& in, Expr& e, std::size_t vars, int depth) {
    read_expr<true>(in, e, vars, depth);
}
[[gnu::always_inline]] inline ActionStep::Operand scan_expr(In& in, std::size_t vars, int depth, ActionCheck& check) {
    return read_expr<false>(in, check, vars, depth);
}

// The slot `tmpl` has at this index, checked.
int slot_index(In& in, const std::vector<std::size_t>& slot_counts, TemplateId tmpl) {
    std::int64_t slot = in.i64();
    if (tmpl >= slot_counts.size() || slot < 0 || static_cast<std::uint64_t>(slot) >= slot_counts[tmpl]) throw BadImage{};
    return static_cast<int>(slot);
}

// The actions of a rule or a function, built (the layout ImageAccess::rule writes). For a rule, the
// second reading of bytes scan_actions read and checked already.
void read_actions(In& in, std::vector<Action>& actions, const std::vector<std::size_t>& slot_counts, std::size_t vars) {
    actions.resize(in.count());
    for (auto& a : actions) {
        a.kind = in.enumeration(Action::Kind::pop_focus);
        a.tmpl = in.index(std::max<std::size_t>(slot_counts.size(), 1));
        a.slots.resize(in.count());
        for (auto& [slot, e] : a.slots) {
            slot = slot_index(in, slot_counts, a.tmpl);
            get_expr(in, e, vars, 0);
        }
        get_expr(in, a.target, vars, 0);
        a.var = in.u32();
        if (binds_variable(a.kind) && a.var >= vars) throw BadImage{};
        get_expr(in, a.expr, vars, 0);
        a.jump = in.u32();
        in.str(a.record_name);
        a.fields.resize(in.count());
        for (auto& [name, e] : a.fields) {
            in.str(name);
            get_expr(in, e, vars, 0);
        }
        a.modules.resize(in.count());
        for (auto& name : a.modules) in.str(name);
        a.source_offset = in.u32();
        in.str(a.source_text);
    }
}

// A rule's actions as the image holds them, built when the rule first needs them (ActionList). The
// reader checked these bytes (scan_actions) with every check read_actions makes and more, before it
// accepted the image; the image's bytes and tables cannot change after (`tables` owns the bytes,
// and nothing writes them). So this build does not fail; should it, that is a fault of this
// program, not of the image, and it says so. Called once, from whichever thread first reads the
// actions (ActionList's call_once): it only reads `tables` and the bytes, which no thread writes.
class ImagePendingActions final : public PendingActions {
public:
    ImagePendingActions(std::shared_ptr<const ImageTables> tables, std::string_view bytes, std::size_t vars)
        : tables_(std::move(tables)), bytes_(bytes), vars_(vars) {}
    void set_bytes(std::string_view bytes) { bytes_ = bytes; }
    // For a reader for a closed promise, which skipped the bytes: build() checks them first, as the
    // reader would have, and throws DeferredActionsRefused when they do not pass. `rule` (whose
    // conditions tell which variables the actions may read) is the one whose `actions` hold these.
    // Held weakly, as the shared_ptr the reader made it in: these actions live in that rule, so a
    // strong hold would keep it alive for ever; and build() finds out, instead of reading freed
    // memory, when the actions were moved out of it (a RuleDef moved, which no reader does: the rule
    // base holds its rules const, see owner()).
    void check_when_built(std::weak_ptr<const RuleDef> rule) {
        rule_ = std::move(rule);
        deferred_ = true;
    }
    std::vector<Action> build() const override;

private:
    // The rule these actions are checked for: alive, and still holding them. A fault of this program
    // otherwise (see check_when_built), never of the image.
    std::shared_ptr<const RuleDef> owner() const {
        auto rule = rule_.lock();
        if (!rule || rule->actions.pending() != &summary)
            throw std::logic_error("beeld: uitgestelde acties zijn van hun regel gescheiden (fout in wegwijzer)");
        return rule;
    }

    std::shared_ptr<const ImageTables> tables_;
    std::string_view bytes_;
    std::size_t vars_;
    std::weak_ptr<const RuleDef> rule_;
    bool deferred_ = false;  // false: checked by the reader (scan_actions)
};

// The index the image holds of its rules, read before any rule: per rule the bytes of its record,
// whether leaving it out unread leaves an engine as without it (ImageAccess::inert), the template of
// every assert action and, per alternative, the templates of its plain patterns. Enough to work out a
// closed promise (promise_closure.hpp) and which rules it leaves out; every rule that is read is held
// to it (ImageAccess::check_index).
struct RuleIndex {
    std::vector<std::uint32_t> bytes;
    std::vector<std::uint8_t> inert;
    std::vector<std::uint32_t> asserted_from;      // rule r: assert_templates[asserted_from[r] .. asserted_from[r + 1])
    std::vector<TemplateId> assert_templates;
    std::vector<std::uint32_t> alternatives_from;  // rule r: alternatives alternatives_from[r] .. [r + 1]
    std::vector<std::uint32_t> patterns_from;      // alternative a: pattern_templates[patterns_from[a] .. patterns_from[a + 1])
    std::vector<TemplateId> pattern_templates;

    std::size_t size() const { return bytes.size(); }
    std::span<const TemplateId> asserted(std::size_t r) const {
        return std::span<const TemplateId>(assert_templates).subspan(asserted_from[r], asserted_from[r + 1] - asserted_from[r]);
    }
    std::span<const TemplateId> patterns_of(std::size_t r, std::size_t alt) const {
        const std::size_t a = alternatives_from[r] + alt;
        return std::span<const TemplateId>(pattern_templates).subspan(patterns_from[a], patterns_from[a + 1] - patterns_from[a]);
    }
    std::size_t alternatives(std::size_t r) const { return alternatives_from[r + 1] - alternatives_from[r]; }
    template <class F>
    void patterns(std::size_t r, std::size_t alt, F f) const {
        for (TemplateId t : patterns_of(r, alt)) f(t);
    }
    // Whether an engine promised `promised` (per template) builds none of the alternatives of rule r
    // and is as without it: then r need not be read.
    bool left_out(std::size_t r, const std::vector<std::uint8_t>& promised) const {
        if (!inert[r] || alternatives(r) == 0) return false;
        for (std::size_t alt = 0; alt < alternatives(r); ++alt) {
            const auto ts = patterns_of(r, alt);
            if (std::none_of(ts.begin(), ts.end(), [&](TemplateId t) { return t < promised.size() && promised[t]; })) return false;
        }
        return true;
    }
};

}  // namespace

struct ImageAccess {
    static void write(Out& o, const RuleBase& b) {
        o.size(b.files_.size());
        o.u64(b.content_key_);
        o.size(b.templates_.size());
        for (const auto& t : b.templates_) {
            o.str(t.name);
            o.str(t.description);
            o.size(t.slots.size());
            for (const auto& s : t.slots) {
                o.str(s.name);
                o.u8(static_cast<std::uint8_t>(s.type));
                o.u8(s.default_value ? 1 : 0);
                if (s.default_value) put(o, *s.default_value);
                o.u8(s.nullable ? 1 : 0);
            }
        }
        o.size(b.template_ids_.size());
        // The name tables by number alone, in the map's order: the names are those of the templates,
        // parameters and rules themselves.
        for (const auto& [name, id] : b.template_ids_) o.u32(id);
        o.size(b.params_.size());
        for (const auto& p : b.params_) {
            o.str(p.name);
            put(o, p.value);
            o.str(p.reason);
        }
        o.size(b.param_ids_.size());
        for (const auto& [name, id] : b.param_ids_) o.size(id);
        // Everything but the rules first: a reader for one promise works it out from these (the initial
        // facts give a profile's vocabulary) before it reads a rule.
        o.size(b.facts_.size());
        for (const auto& f : b.facts_) {
            o.u32(f.tmpl);
            o.size(f.slots.size());
            for (const auto& [slot, value] : f.slots) {
                o.str(slot);
                put(o, value);
            }
        }
        o.u8(b.manifest_ ? 1 : 0);
        if (b.manifest_) {
            o.str(b.manifest_->name);
            o.str(b.manifest_->version);
        }
        o.size(b.modules_.size());
        for (const auto& name : b.modules_) o.str(name);
        o.size(b.functions_.size());
        for (const auto& f : b.functions_) function(o, *f);
        // The rules, after their index (RuleIndex): what a reader needs to know which rules a promise
        // leaves out, and where each ends, before it reads any.
        const std::size_t index_at = o.bytes().size();
        Out index;
        index.size(b.rules_.size());
        for (const auto& r : b.rules_) {
            const std::size_t start = o.bytes().size();
            rule(o, *r);
            o.u8(rule_end);
            index.size(o.bytes().size() - start);
            const ActionSummary summary = summarize(r->actions);
            index.u8(inert(b, *r, summary) ? 1 : 0);
            index.size(summary.asserted.size());
            for (TemplateId t : summary.asserted) index.u32(t);
            index.size(r->alternatives.size());
            for (const auto& alt : r->alternatives) {
                index.size(static_cast<std::size_t>(std::count_if(alt.begin(), alt.end(), [](const Condition& c) {
                    return c.kind == Condition::Kind::pattern;
                })));
                for (const Condition& c : alt)
                    if (c.kind == Condition::Kind::pattern) index.u32(c.pattern.tmpl);
            }
        }
        o.bytes().insert(index_at, index.bytes());
        o.size(b.origins_.size());
        std::unordered_map<std::string_view, std::size_t> rule_index;
        for (std::size_t i = 0; i < b.rules_.size(); ++i) rule_index.emplace(b.rules_[i]->id, i);
        for (const auto& [id, origin] : b.origins_) {
            auto it = rule_index.find(id);
            if (it == rule_index.end()) throw std::logic_error("image: herkomst van een regel die er niet is");
            o.size(it->second);
            o.size(origin.file);
            o.u64(origin.offset);
        }
    }

    // Whether an engine that builds none of the alternatives of `r` (its promise stops each) is as
    // it would be without `r` (Engine::add_rule): `r` puts no module in it, takes no focus and makes
    // no template volatile (join orders follow those). Only such a rule may be left out unread.
    static bool inert(const RuleBase& b, const RuleDef& r, const ActionSummary& actions) {
        return !r.auto_focus && actions.changed_fact_vars.empty() && actions.focus_modules.empty() &&
               (r.module.empty() || b.has_module(r.module));
    }

    // A function as a rule without conditions (its name, variables and actions) and its signature.
    static void function(Out& o, const FunctionDef& f) {
        RuleDef body;
        body.id = f.name;
        body.variables = f.variables;
        body.actions = f.actions;
        rule(o, o.hold(std::move(body)));
        o.u32(f.params);
        o.u8(f.rest ? 1 : 0);
        o.u8(f.effects ? 1 : 0);
        o.u32(f.source_offset);
    }
    static void function(In& in, FunctionDef& f, const RuleBase& b) {
        RuleDef body;
        rule(in, body, b, nullptr);
        f.name = std::move(body.id);
        f.variables = std::move(body.variables);
        f.actions = std::move(body.actions);
        f.params = in.u32();
        f.rest = in.boolean();
        f.effects = in.boolean();
        f.source_offset = in.u32();
        if (!body.alternatives.empty() || f.params + (f.rest ? 1u : 0u) > f.variables.size()) throw BadImage{};
    }

    static void rule(Out& o, const RuleDef& r) {
        o.str(r.id);
        o.i64(r.salience);
        o.str(r.description);
        o.size(r.meta.size());
        for (const auto& [k, v] : r.meta) {
            o.str(k);
            put(o, v);
        }
        o.u8(r.logical ? 1 : 0);
        o.size(r.variables.size());
        for (const auto& v : r.variables) o.str(v);
        o.size(r.alternatives.size());
        for (const auto& alt : r.alternatives) {
            o.size(alt.size());
            for (const auto& c : alt) {
                o.u8(static_cast<std::uint8_t>(c.kind));
                pattern(o, c.pattern);
                put(o, c.expr);
                o.u8(static_cast<std::uint8_t>(c.aggregate));
                o.u32(c.result);
                o.u32(c.source_offset);
                o.str(c.source_text);
                o.size(c.also.size());
                for (const auto& part : c.also) {
                    o.u8(static_cast<std::uint8_t>(part.kind));
                    pattern(o, part.pattern);
                    o.u32(part.source_offset);
                }
            }
        }
        o.size(r.logical_prefix.size());
        for (std::uint32_t n : r.logical_prefix) o.u32(n);
        o.str(r.module);
        o.u8(r.auto_focus ? 1 : 0);
        // What Engine::add_rule needs of the actions (ActionSummary, the asserted templates are in the
        // index) and how many bytes they take: a reader for a closed promise skips them and checks them
        // when they are built (ImagePendingActions); every other reader holds them to it.
        const ActionSummary summary = summarize(r.actions);
        o.u8(summary.binds ? 1 : 0);
        o.size(summary.changed_fact_vars.size());
        for (VarId v : summary.changed_fact_vars) o.u32(v);
        o.size(summary.focus_modules.size());
        for (const auto& name : summary.focus_modules) o.str(name);
        const std::size_t actions_at = o.bytes().size();
        o.size(r.actions.size());
        for (const auto& a : r.actions) {
            o.u8(static_cast<std::uint8_t>(a.kind));
            o.u32(a.tmpl);
            o.size(a.slots.size());
            for (const auto& [slot, e] : a.slots) {
                o.i64(slot);
                put(o, e);
            }
            put(o, a.target);
            o.u32(a.var);
            put(o, a.expr);
            o.u32(a.jump);
            o.str(a.record_name);
            o.size(a.fields.size());
            for (const auto& [name, e] : a.fields) {
                o.str(name);
                put(o, e);
            }
            o.size(a.modules.size());
            for (const auto& name : a.modules) o.str(name);
            o.u32(a.source_offset);
            o.str(a.source_text);
        }
        Out length;
        length.size(o.bytes().size() - actions_at);
        o.bytes().insert(actions_at, length.bytes());
    }

    static void pattern(Out& o, const Pattern& p) {
        o.u32(p.tmpl);
        o.size(p.constraints.size());
        for (const auto& c : p.constraints) {
            o.u8(static_cast<std::uint8_t>(c.kind));
            o.i64(c.slot);
            o.u32(c.var);
            o.u8(static_cast<std::uint8_t>(c.cmp));
            o.u8(c.negate ? 1 : 0);
            put(o, c.rhs);
            o.u32(c.source_offset);
        }
        o.u8(p.fact_var ? 1 : 0);
        if (p.fact_var) o.u32(*p.fact_var);
    }

    static void set_files(RuleBase& b, std::vector<SourceFile> files) { b.files_ = std::move(files); }

    // With `options` (a reader for a promise): called once the rules are the only thing left, and
    // gives `chosen`.
    static void read(In& in, RuleBase& b, std::size_t file_count, const std::shared_ptr<ImageTables>& tables,
                     const InstallOptionsFor* options, InstallOptions* chosen) {
        if (in.u32() != file_count) throw BadImage{};
        b.content_key_ = in.u64();
        b.templates_.resize(in.count());
        for (auto& t : b.templates_) {
            in.str(t.name);
            in.str(t.description);
            t.slots.resize(in.count());
            for (auto& s : t.slots) {
                in.str(s.name);
                s.type = in.enumeration(SlotType::list);
                if (in.boolean()) s.default_value = get_value(in, 0);
                s.nullable = in.boolean();
            }
        }
        const std::size_t ntemplates = b.templates_.size();
        tables->slot_counts.reserve(ntemplates);
        for (const auto& t : b.templates_) tables->slot_counts.push_back(t.slots.size());
        // Names lead to templates (advice reads facts by template name): each name to its own, each
        // template once. Written in the map's order: each goes in at the end without a search.
        std::vector<bool> seen(ntemplates, false);
        for (std::size_t n = in.count(); n > 0; --n) {
            const std::uint32_t id = in.index(ntemplates);
            if (seen[id]) throw BadImage{};
            seen[id] = true;
            b.template_ids_.emplace_hint(b.template_ids_.end(), b.templates_[id].name, id);
        }
        if (b.template_ids_.size() != ntemplates) throw BadImage{};
        b.params_.resize(in.count());
        for (auto& p : b.params_) {
            in.str(p.name);
            p.value = get_value(in, 0);
            in.str(p.reason);
        }
        seen.assign(b.params_.size(), false);
        for (std::size_t n = in.count(); n > 0; --n) {
            const std::uint32_t id = in.index(b.params_.size());
            if (seen[id]) throw BadImage{};
            seen[id] = true;
            b.param_ids_.emplace_hint(b.param_ids_.end(), b.params_[id].name, id);
        }
        if (b.param_ids_.size() != b.params_.size()) throw BadImage{};
        b.facts_.resize(in.count());
        for (auto& f : b.facts_) {
            f.tmpl = in.index(ntemplates);
            f.slots.resize(in.count());
            for (auto& [slot, value] : f.slots) {
                in.str(slot);
                value = get_value(in, 0);
            }
        }
        if (in.boolean()) {
            Manifest m;
            in.str(m.name);
            in.str(m.version);
            b.manifest_ = std::move(m);
        }
        b.modules_.resize(in.count());
        for (auto& name : b.modules_) in.str(name);
        for (std::size_t n = in.count(); n > 0; --n) {
            auto f = std::make_shared<FunctionDef>();
            function(in, *f, b);
            if (!b.function_ids_.emplace(f->name, b.functions_.size()).second) throw BadImage{};
            b.functions_.push_back(std::move(f));
        }

        RuleIndex index;
        read_index(in, index, ntemplates);
        const std::size_t rule_count = index.size();
        // The promise, worked out before any rule is read; with `closed`, the rules it leaves out are
        // not read at all (RuleBase::read_for).
        std::vector<std::uint8_t> left_out;
        if (options) {
            *chosen = (*options)(b);  // what it throws is no fault of the image
            if (chosen->closed) {
                std::vector<TemplateId> promised = promised_templates(b, *chosen, index);
                std::vector<std::uint8_t> is_promised(ntemplates, 0);
                for (TemplateId t : promised) is_promised[t] = 1;
                left_out.resize(rule_count);
                for (std::size_t r = 0; r < rule_count; ++r) left_out[r] = index.left_out(r, is_promised);
                b.read_for_ = RuleBase::ReadFor{*chosen, std::move(promised)};
            }
        }
        ActionCheck check;
        check.tables = tables;
        // For a closed promise the actions of the rules read are checked when built, and most are never
        // built: a run fires about a quarter of the rules it builds.
        check.defer = !left_out.empty();
        if (check.defer) {
            for (const auto& f : b.functions_) tables->functions.emplace(f->name, f);
            tables->function_of_text = std::make_unique<std::atomic<std::uint8_t>[]>(tables->texts.size());  // all 0
        } else {
            check.function_of_text.assign(tables->texts.size(), 0);
        }
        b.rules_.reserve(rule_count);
        std::vector<std::uint32_t> place(rule_count, UINT32_MAX);  // in b.rules_, of a rule read
        for (std::size_t n = 0; n < rule_count; ++n) {
            if (!left_out.empty() && left_out[n]) {
                in.skip_record(index.bytes[n], rule_end);
                continue;
            }
            const char* const start = in.position();
            auto r = std::make_shared<RuleDef>();
            check.asserted = index.asserted(n);
            if (check.defer) check.rule = r;
            rule(in, *r, b, &check);
            if (in.u8() != rule_end) throw BadImage{};
            if (static_cast<std::size_t>(in.position() - start) != index.bytes[n]) throw BadImage{};
            check_index(index, n, *r, b);
            place[n] = static_cast<std::uint32_t>(b.rules_.size());
            b.rules_.push_back(std::move(r));
        }
        // Every rule has its origin (run-time errors point into its file), once; no other id has one.
        std::vector<bool> has_origin(rule_count, false);
        std::size_t origins = 0;
        for (std::size_t n = in.count(); n > 0; --n, ++origins) {
            const std::uint32_t rule = in.index(rule_count);
            if (has_origin[rule]) throw BadImage{};
            has_origin[rule] = true;
            RuleOrigin origin;
            origin.file = in.index(file_count);
            origin.offset = in.u64();
            if (place[rule] != UINT32_MAX) b.origins_.emplace_hint(b.origins_.end(), b.rules_[place[rule]]->id, origin);
        }
        if (origins != rule_count || b.origins_.size() != b.rules_.size()) throw BadImage{};
        // The calls of the rules' actions to the knowledge base's own functions, now that those are known.
        for (const auto& [name, n] : check.own_calls) {
            auto it = b.function_ids_.find(std::string(in.text(name)));
            if (it == b.function_ids_.end()) throw BadImage{};
            const FunctionDef& f = *b.functions_[it->second];
            if (!takes_arguments(f, n)) throw BadImage{};
        }
    }

    static void read_index(In& in, RuleIndex& x, std::size_t ntemplates) {
        const std::size_t count = in.count();
        x.bytes.reserve(count);
        x.inert.reserve(count);
        x.asserted_from.reserve(count + 1);
        x.alternatives_from.reserve(count + 1);
        x.asserted_from.push_back(0);
        x.alternatives_from.push_back(0);
        x.patterns_from.push_back(0);
        for (std::size_t r = 0; r < count; ++r) {
            x.bytes.push_back(in.u32());
            x.inert.push_back(in.boolean());
            for (std::size_t n = in.count(); n > 0; --n) x.assert_templates.push_back(in.index(ntemplates));
            x.asserted_from.push_back(static_cast<std::uint32_t>(x.assert_templates.size()));
            for (std::size_t alts = in.count(); alts > 0; --alts) {
                // A pattern keeps template 0 in a base without templates, as ImageAccess::pattern reads it.
                for (std::size_t n = in.count(); n > 0; --n)
                    x.pattern_templates.push_back(in.index(std::max<std::size_t>(ntemplates, 1)));
                x.patterns_from.push_back(static_cast<std::uint32_t>(x.pattern_templates.size()));
            }
            x.alternatives_from.push_back(static_cast<std::uint32_t>(x.patterns_from.size() - 1));
        }
    }

    // A rule read is what the index says of it (what a reader for a promise would have left out unread
    // rests on the index alone).
    static void check_index(const RuleIndex& x, std::size_t n, const RuleDef& r, const RuleBase& b) {
        static const ActionSummary no_actions;
        const ActionSummary* actions = r.actions.pending();  // every rule's actions are deferred (scan_actions) or none
        if (!actions) actions = &no_actions;
        const auto asserted = x.asserted(n);
        if (!std::equal(asserted.begin(), asserted.end(), actions->asserted.begin(), actions->asserted.end())) throw BadImage{};
        if (x.alternatives(n) != r.alternatives.size()) throw BadImage{};
        for (std::size_t alt = 0; alt < r.alternatives.size(); ++alt) {
            const auto patterns = x.patterns_of(n, alt);
            std::size_t i = 0;
            for (const Condition& c : r.alternatives[alt])
                if (c.kind == Condition::Kind::pattern && (i == patterns.size() || patterns[i++] != c.pattern.tmpl)) throw BadImage{};
            if (i != patterns.size()) throw BadImage{};
        }
        if ((x.inert[n] != 0) != inert(b, r, *actions)) throw BadImage{};
    }

    // `check`: for a rule (not a function's body), whose actions are then deferred (scan_actions);
    // a function's body is built at once.
    static void rule(In& in, RuleDef& r, const RuleBase& b, ActionCheck* check) {
        in.str(r.id);
        std::int64_t salience = in.i64();
        if (salience < INT32_MIN || salience > INT32_MAX) throw BadImage{};
        r.salience = static_cast<int>(salience);
        in.str(r.description);
        for (std::size_t n = in.count(); n > 0; --n) {
            auto key = in.str();
            r.meta.emplace_hint(r.meta.end(), std::move(key), get_value(in, 0));
        }
        r.logical = in.boolean();
        r.variables.resize(in.count());
        for (auto& v : r.variables) in.str(v);
        const std::size_t vars = r.variables.size();
        r.alternatives.resize(in.count());
        for (auto& alt : r.alternatives) {
            alt.resize(in.count());
            for (auto& c : alt) {
                c.kind = in.enumeration(Condition::Kind::test);
                pattern(in, c.pattern, b, vars);
                get_expr(in, c.expr, vars, 0);
                c.aggregate = in.enumeration(AggregateKind::collect);
                c.result = in.u32();
                if (c.kind == Condition::Kind::aggregate && c.result >= vars) throw BadImage{};
                c.source_offset = in.u32();
                in.str(c.source_text);
                c.also.resize(in.count());
                for (auto& part : c.also) {
                    part.kind = in.enumeration(Condition::Kind::exists);  // pattern, negation or exists
                    pattern(in, part.pattern, b, vars);
                    part.source_offset = in.u32();
                    part.source_text = c.source_text;
                }
            }
        }
        r.logical_prefix.resize(in.count());
        if (!r.logical_prefix.empty() && (!r.logical || r.logical_prefix.size() != r.alternatives.size())) throw BadImage{};
        for (std::size_t i = 0; i < r.logical_prefix.size(); ++i) {
            r.logical_prefix[i] = in.u32();
            if (r.logical_prefix[i] < 1 || r.logical_prefix[i] > r.alternatives[i].size()) throw BadImage{};
        }
        in.str(r.module);
        r.auto_focus = in.boolean();
        ActionSummary given;
        given.binds = in.boolean();
        given.changed_fact_vars.resize(in.count());
        for (VarId& v : given.changed_fact_vars) v = in.u32();
        for (std::size_t n = in.count(); n > 0; --n) given.focus_modules.emplace_back(in.view());
        const std::size_t bytes = in.count();
        const char* const begin = in.position();
        if (check && check->defer) return defer_actions(in, r, bytes, std::move(given), *check);
        if (check) {
            scan_actions(in, r, b, *check);
            static const ActionSummary none;
            const ActionSummary* scanned = r.actions.pending();
            if (!same_but_asserted(scanned ? *scanned : none, given)) throw BadImage{};
        } else {
            read_actions(in, r.actions.edit(), in.slot_counts(), vars);
            // Jumps forward, loops that end; FunctionTable::define asks it again.
            if (!action_flow_problem(r.actions.get(), vars).empty()) throw BadImage{};
            if (!same_but_asserted(summarize(r.actions.get()), given)) throw BadImage{};
        }
        if (static_cast<std::size_t>(in.position() - begin) != bytes) throw BadImage{};
    }

    static bool same_but_asserted(const ActionSummary& a, const ActionSummary& b) {
        return a.binds == b.binds && a.changed_fact_vars == b.changed_fact_vars && a.focus_modules == b.focus_modules;
    }

    // For a closed promise: the actions skipped, `given` (with the templates the index says the rule
    // asserts) what add_rule takes of them; ImagePendingActions checks them when it builds them.
    static void defer_actions(In& in, RuleDef& r, std::size_t bytes, ActionSummary given, ActionCheck& check) {
        const char* const begin = in.position();
        const std::size_t count = in.count();
        const std::size_t used = static_cast<std::size_t>(in.position() - begin);
        if (used > bytes) throw BadImage{};
        in.skip(bytes - used);
        given.asserted.assign(check.asserted.begin(), check.asserted.end());
        if (count == 0) {
            // No actions: nothing to check later, and the summary must be that of none.
            if (bytes != used || given != ActionSummary{}) throw BadImage{};
            ActionChecker::defer(r);
            return;
        }
        auto pending = std::make_unique<ImagePendingActions>(check.tables, std::string_view(begin, bytes), r.variables.size());
        pending->summary = std::move(given);
        pending->check_when_built(std::move(check.rule));
        ActionChecker::defer(r);
        std::destroy_at(&r.actions);
        try {
            std::construct_at(&r.actions, std::move(pending));
        } catch (...) {
            std::construct_at(&r.actions);
            throw;
        }
    }

    // A rule's actions, read with every check read_actions makes and those Engine::add_rule makes
    // (ActionCheck), including add_rule's checks of the template of an assert and the modules of a
    // focus, which it does not make for deferred actions; not built: the rule gets them as
    // ImagePendingActions over these bytes, with what add_rule needs of them (ActionSummary).
    static void scan_actions(In& in, RuleDef& r, const RuleBase&, ActionCheck& check) {
        const std::size_t vars = r.variables.size();
        const char* const begin = in.position();
        auto pending = std::make_unique<ImagePendingActions>(check.tables, std::string_view(), vars);
        const auto [count, jumps] = scan_action_bytes(in, r, check, pending->summary);
        // None of the steps matters to action_flow_problem without a branch, jump or loop.
        if (!check.checker.certify(r, count, jumps ? std::span<const ActionStep>(check.steps) : std::span<const ActionStep>()))
            throw BadImage{};
        if (count == 0) return;
        pending->set_bytes(std::string_view(begin, static_cast<std::size_t>(in.position() - begin)));
        // Made in place, as make_text does for texts: `r.actions` is a fresh, empty list, and a move
        // assignment destroys the two empty vectors of the old and the moved-from one, out of line.
        std::destroy_at(&r.actions);
        try {
            std::construct_at(&r.actions, std::move(pending));
        } catch (...) {
            std::construct_at(&r.actions);  // an object again for the unwinding to destroy
            throw;
        }
    }

    // The walk of scan_actions over a rule's actions, gathering `summary`: how many there are, and
    // whether one is a branch, jump or loop (then check.steps matter to action_flow_problem).
    static std::pair<std::size_t, bool> scan_action_bytes(In& in, const RuleDef& r, ActionCheck& check, ActionSummary& summary) {
        const std::size_t vars = r.variables.size();
        const std::size_t ntemplates = in.slot_counts().size();
        // Which variables the actions may read (Engine::add_rule's check_bound): the checker starts
        // from those the conditions of every alternative bind.
        check.checker.start(r);
        bool jumps = false;
        check.steps.clear();
        const std::size_t count = in.count();
        for (std::size_t n = count; n > 0; --n) {
            const auto kind = in.enumeration(Action::Kind::pop_focus);
            check.bound = check.checker.before(kind);
            const std::uint32_t tmpl = in.index(std::max<std::size_t>(ntemplates, 1));
            if (kind == Action::Kind::assert_fact && tmpl >= ntemplates) throw BadImage{};
            for (std::size_t n = in.count(); n > 0; --n) {
                slot_index(in, in.slot_counts(), tmpl);
                scan_expr(in, vars, 0, check);
            }
            const ActionStep::Operand target = scan_expr(in, vars, 0, check);
            const VarId var = in.u32();
            if (binds_variable(kind) && var >= vars) throw BadImage{};
            const ActionStep::Operand expr = scan_expr(in, vars, 0, check);
            const std::uint32_t jump = in.u32();
            in.text_index();  // record name
            for (std::size_t n = in.count(); n > 0; --n) {
                in.text_index();
                scan_expr(in, vars, 0, check);
            }
            const std::size_t modules = in.count();
            if (kind == Action::Kind::focus && modules == 0) throw BadImage{};
            for (std::size_t n = modules; n > 0; --n) summary.add_module(kind, in.view());
            in.u32();         // source offset
            in.text_index();  // source text
            check.checker.after(kind, var);
            summary.add(kind, target.op, target.var, tmpl);
            jumps = jumps || kind == Action::Kind::branch || kind == Action::Kind::jump || kind == Action::Kind::each ||
                    kind == Action::Kind::again;
            check.steps.push_back({kind, var, jump, target, expr});
        }
        check.bound = nullptr;
        return {count, jumps};
    }

    // The check a reader for a closed promise left for the build (ImagePendingActions::build): every
    // check scan_actions and the end of read() make of these actions, and the summary and asserted
    // templates the image gave for them. Throws BadImage.
    static void check_deferred(std::string_view bytes, const RuleDef& r, const std::shared_ptr<const ImageTables>& tables,
                               const ActionSummary& given) {
        In in(bytes, *tables);
        ActionCheck check;
        check.tables = tables;
        check.shared_functions = tables->function_of_text.get();
        check.built_in = all_functions().data();
        ActionSummary scanned;
        const auto [count, jumps] = scan_action_bytes(in, r, check, scanned);
        if (!in.done()) throw BadImage{};
        if (!check.checker.passes(r, count, jumps ? std::span<const ActionStep>(check.steps) : std::span<const ActionStep>()))
            throw BadImage{};
        for (const auto& [name, n] : check.own_calls) {
            auto it = tables->functions.find(in.text(name));
            if (it == tables->functions.end() || !takes_arguments(*it->second, n)) throw BadImage{};
        }
        if (scanned != given) throw BadImage{};
    }

    static void pattern(In& in, Pattern& p, const RuleBase& b, std::size_t vars) {
        // A condition without a pattern (a test) keeps template 0, also in a base without templates.
        p.tmpl = in.index(std::max<std::size_t>(b.templates_.size(), 1));
        p.constraints.resize(in.count());
        for (auto& c : p.constraints) {
            c.kind = in.enumeration(SlotConstraint::Kind::condition);
            c.slot = slot_index(in, in.slot_counts(), p.tmpl);
            c.var = in.u32();
            if (c.kind == SlotConstraint::Kind::bind && c.var >= vars) throw BadImage{};
            c.cmp = in.enumeration(Op::concat);
            c.negate = in.boolean();
            get_expr(in, c.rhs, vars, 0);
            c.source_offset = in.u32();
        }
        if (in.boolean()) p.fact_var = in.index(vars);
    }
};

// The reader checked these bytes (scan_actions) before it accepted the image, or, for a closed
// promise, left the check to here (check_when_built).
std::vector<Action> ImagePendingActions::build() const {
    std::vector<Action> actions;
    if (deferred_) {
        const auto rule = owner();
        try {
            ImageAccess::check_deferred(bytes_, *rule, tables_, summary);
        } catch (const BadImage&) {
            throw DeferredActionsRefused();
        }
    }
    try {
        In in(bytes_, *tables_);
        read_actions(in, actions, tables_->slot_counts, vars_);
        if (!in.done()) throw BadImage{};
    } catch (const BadImage&) {
        if (deferred_) throw DeferredActionsRefused();
        throw std::logic_error("beeld: acties die bij het laden goedgekeurd zijn, zijn nu niet te lezen (fout in wegwijzer)");
    }
    return actions;
}

std::string write_image(const RuleBase& base, std::uint64_t key) {
    Out body;
    ImageAccess::write(body, base);
    Out tables;
    tables.size(body.atoms().size());
    for (auto text : body.atoms()) tables.raw_str(text);
    tables.size(body.texts().size());
    for (auto text : body.texts()) tables.raw_str(text);
    body.bytes().insert(0, tables.bytes());
    // The header has fixed-width fields: the reader checks it before anything else.
    std::string o(magic, sizeof magic);
    auto fixed = [&](auto v) { o.append(reinterpret_cast<const char*>(&v), sizeof v); };
    fixed(image_format_version);
    fixed(key);
    fixed(static_cast<std::uint64_t>(body.bytes().size()));
    fixed(image_checksum(body.bytes()));
    o.append(body.bytes());
    return o;
}

std::optional<RuleBase> read_image(std::string_view blob, std::uint64_t key, std::vector<SourceFile>& files) {
    auto copy = std::make_shared<const std::string>(blob);
    return read_image(*copy, copy, key, files);
}

namespace {

// read_image, and with `options` read_image for a promise.
std::optional<RuleBase> read_image_for(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                       std::vector<SourceFile>& files, const InstallOptionsFor* options, InstallOptions* chosen) {
    if (blob.size() < header_size) return std::nullopt;
    auto fixed = [&](std::size_t at, auto v) {
        std::memcpy(&v, blob.data() + at, sizeof v);
        return v;
    };
    if (std::memcmp(blob.data(), magic, sizeof magic) != 0) return std::nullopt;
    if (fixed(8, std::uint32_t{}) != image_format_version) return std::nullopt;
    if (fixed(12, std::uint64_t{}) != key) return std::nullopt;
    const std::string_view body = blob.substr(header_size);
    if (fixed(20, std::uint64_t{}) != body.size()) return std::nullopt;
    if (fixed(28, std::uint64_t{}) != image_checksum(body)) return std::nullopt;
    try {
        auto tables = std::make_shared<ImageTables>();
        tables->bytes = std::move(owner);
        In in(body, *tables);
        in.read_atoms(*tables);
        tables->texts = in.read_texts();
        RuleBase base;
        ImageAccess::read(in, base, files.size(), tables, options, chosen);
        if (!in.done()) return std::nullopt;
        ImageAccess::set_files(base, std::move(files));
        return base;
    } catch (const BadImage&) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<RuleBase> read_image(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                   std::vector<SourceFile>& files) {
    return read_image_for(blob, std::move(owner), key, files, nullptr, nullptr);
}

std::optional<RuleBase> read_image(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                   std::vector<SourceFile>& files, const InstallOptionsFor& options, InstallOptions& chosen) {
    return read_image_for(blob, std::move(owner), key, files, &options, &chosen);
}

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
    // Eight bytes at a time, each word mixed in with a multiply and rotate (as in xxhash/wyhash), then
    // the splitmix64 finaliser so that every input bit reaches every output bit.
    constexpr std::uint64_t k1 = 0x9e3779b97f4a7c15ull, k2 = 0xc2b2ae3d27d4eb4full;
    std::uint64_t h = seed ^ (bytes.size() * k1);
    auto round = [&](const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = std::rotl(h ^ (w * k2), 29) * k1;
    };
    // Four words per pass, the same rounds in the same order: every cold start hashes the knowledge
    // base's YAML (some 300 kB) for the image's key.
    std::size_t i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {
        round(bytes.data() + i);
        round(bytes.data() + i + 8);
        round(bytes.data() + i + 16);
        round(bytes.data() + i + 24);
    }
    for (; i + 8 <= bytes.size(); i += 8) round(bytes.data() + i);
    std::uint64_t tail = 0;
    if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    h = std::rotl(h ^ (tail * k2), 29) * k1;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

namespace {

// CRC-32C (Castagnoli, reflected polynomial 0x82f63b78) of one little-endian 64-bit word, without
// the usual inversions: what SSE 4.2's crc32 instruction computes, for machines without it.
constexpr std::array<std::uint32_t, 256> crc32c_table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ ((c & 1u) ? 0x82f63b78u : 0u);
        t[i] = c;
    }
    return t;
}();

std::uint64_t crc32c_word_portable(std::uint64_t crc, std::uint64_t w) {
    std::uint64_t c = crc ^ w;  // the word's low 32 bits meet the register; the rest shift in
    for (int k = 0; k < 8; ++k) c = crc32c_table[c & 0xff] ^ (c >> 8);
    return c;
}

std::uint64_t load_word(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// The checksum's three lanes: words 0, 1 and 2 of every 24 bytes go to lanes 0, 1 and 2 (the crc32
// instruction has a latency of three cycles and a throughput of one, so three chains keep it busy),
// and whatever is left after the last 24 goes to lane 0 word by word, the last word padded with
// zeros. `CRC32C_WORD(crc, word)` is written out twice below, once per way of computing it: GCC does
// not inline an SSE 4.2 builtin into a function (or a lambda) compiled without that target.
// A round is `ROUND` bytes, a multiple of 96, unrolled: with the crc32 instruction 768 bytes, so that
// the loop's own three instructions come once per 96 words, not once per 12 (0.129 instead of 0.156
// instructions per byte, some 1.4 MB per cold start); rounds of 96 bytes then take what is left
// before the last 24s.
#define WW_CHECKSUM_LANES(CRC32C_WORD, ROUND)                            \
    const char* p = bytes.data();                                        \
    std::uint64_t c0 = 0x9e3779b9u, c1 = 0x7f4a7c15u, c2 = 0xf39cc060u;  \
    static_assert((ROUND) % 96 == 0);                                    \
    for (std::size_t rounds = bytes.size() / (ROUND); rounds != 0; --rounds) { \
        _Pragma("GCC unroll 32") for (std::size_t k = 0; k < (ROUND) / 24; ++k) { \
            c0 = CRC32C_WORD(c0, load_word(p));                          \
            c1 = CRC32C_WORD(c1, load_word(p + 8));                      \
            c2 = CRC32C_WORD(c2, load_word(p + 16));                     \
            p += 24;                                                     \
        }                                                                \
    }                                                                    \
    const char* const end = bytes.data() + bytes.size();                 \
    if constexpr ((ROUND) > 96) {                                        \
        for (; end - p >= 96; p += 96) {                                 \
            c0 = CRC32C_WORD(c0, load_word(p));                          \
            c1 = CRC32C_WORD(c1, load_word(p + 8));                      \
            c2 = CRC32C_WORD(c2, load_word(p + 16));                     \
            c0 = CRC32C_WORD(c0, load_word(p + 24));                     \
            c1 = CRC32C_WORD(c1, load_word(p + 32));                     \
            c2 = CRC32C_WORD(c2, load_word(p + 40));                     \
            c0 = CRC32C_WORD(c0, load_word(p + 48));                     \
            c1 = CRC32C_WORD(c1, load_word(p + 56));                     \
            c2 = CRC32C_WORD(c2, load_word(p + 64));                     \
            c0 = CRC32C_WORD(c0, load_word(p + 72));                     \
            c1 = CRC32C_WORD(c1, load_word(p + 80));                     \
            c2 = CRC32C_WORD(c2, load_word(p + 88));                     \
        }                                                                \
    }                                                                    \
    for (; end - p >= 24; p += 24) {                                     \
        c0 = CRC32C_WORD(c0, load_word(p));                              \
        c1 = CRC32C_WORD(c1, load_word(p + 8));                          \
        c2 = CRC32C_WORD(c2, load_word(p + 16));                         \
    }                                                                    \
    for (; end - p >= 8; p += 8) c0 = CRC32C_WORD(c0, load_word(p));     \
    if (p != end) {                                                      \
        std::uint64_t tail = 0;                                          \
        std::memcpy(&tail, p, static_cast<std::size_t>(end - p));        \
        c0 = CRC32C_WORD(c0, tail);                                      \
    }                                                                    \
    return finish_checksum(c0, c1, c2, bytes.size())

// The size tells a body that ends in zero bytes from a shorter one; the splitmix64 finaliser spreads
// the 96 bits of the lanes over the result.
std::uint64_t finish_checksum(std::uint64_t c0, std::uint64_t c1, std::uint64_t c2, std::size_t size) {
    // Each lane holds 32 bits (the crc32 instruction clears the upper half).
    std::uint64_t h = (c0 | (c1 << 32)) ^ (size * 0x9e3779b97f4a7c15ull);
    h ^= c2 * 0xc2b2ae3d27d4eb4full;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define WW_CRC32C_SSE42(crc, w) __builtin_ia32_crc32di((crc), (w))
[[gnu::target("sse4.2")]] std::uint64_t image_checksum_sse42(std::string_view bytes) {
    WW_CHECKSUM_LANES(WW_CRC32C_SSE42, 768);
}
#undef WW_CRC32C_SSE42
#endif

}  // namespace

std::uint64_t image_checksum_portable(std::string_view bytes) { WW_CHECKSUM_LANES(crc32c_word_portable, 96); }
#undef WW_CHECKSUM_LANES

std::uint64_t image_checksum(std::string_view bytes) {
    // Every cold start checks the whole image body and the knowledge base's YAML (some 720 kB each):
    // with the crc32 instruction that is 0.13 instructions per byte (WW_CHECKSUM_LANES), against half
    // of one for the 128-bit multiplications this checksum used before.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    static const bool sse42 = __builtin_cpu_supports("sse4.2");
    if (sse42) return image_checksum_sse42(bytes);
#endif
    return image_checksum_portable(bytes);
}

}  // namespace ww
