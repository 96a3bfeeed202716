// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <new>
#include <stdexcept>
#include <variant>

#include "engine/value.hpp"
#include "engine/block_store.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ww {

namespace {
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kKeepBlocks = false;  // every block its own allocation, so AddressSanitizer sees each use
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kKeepBlocks = false;
#else
constexpr bool kKeepBlocks = true;
#endif
#else
constexpr bool kKeepBlocks = true;
#endif

// The blocks of lists and counted texts that this thread freed, kept for the next ones by size
// class (16 bytes each, up to 1 KiB); also the terms of a `collect` (engine/block_store.hpp). A warm
// consultation makes and frees ~150 of them (the collected values of aggregates, lists in actions
// and functions, advice texts), a rollback most
// at once: through operator new and delete a block cost ~170 instructions (a burst of frees
// overflows malloc's own per-thread cache of 7 per size), here ~30. Bounded per class and in
// bytes, and given back when the thread ends; a block freed on another thread than the one that
// made it simply joins that thread's store.
class BlockStore {
public:
    static constexpr std::size_t kGranule = 16, kClasses = 64, kMaxPerClass = 256, kMaxBytes = 128 * 1024;
    // The size class of a block of `bytes`, or kClasses when it is too large to keep.
    static std::size_t class_of(std::size_t bytes) { return (bytes + kGranule - 1) / kGranule - 1; }
    static std::size_t class_bytes(std::size_t c) { return (c + 1) * kGranule; }

    void* take(std::size_t c) {
        if (Free* f = heads_[c]) {
            heads_[c] = f->next;
            --counts_[c];
            kept_bytes_ -= class_bytes(c);
            return f;
        }
        return ::operator new(class_bytes(c));
    }
    void give(void* p, std::size_t c) {
        if (counts_[c] >= kMaxPerClass || kept_bytes_ + class_bytes(c) > kMaxBytes) {
            ::operator delete(p);
            return;
        }
        auto* f = static_cast<Free*>(p);
        f->next = heads_[c];
        heads_[c] = f;
        ++counts_[c];
        kept_bytes_ += class_bytes(c);
    }
    ~BlockStore();

private:
    struct Free {
        Free* next;
    };
    Free* heads_[kClasses] = {};
    std::uint16_t counts_[kClasses] = {};
    std::size_t kept_bytes_ = 0;
};

// Values may outlive the thread's store (a static one, destroyed after the thread-local objects of
// the main thread): from then on blocks go straight to operator new and delete.
constinit thread_local bool store_gone = false;
constinit thread_local BlockStore store;

BlockStore::~BlockStore() {
    for (Free*& head : heads_)
        while (Free* f = head) {
            head = f->next;
            ::operator delete(f);
        }
    store_gone = true;
}

}  // namespace

void* take_block(std::size_t bytes) {
    const std::size_t c = BlockStore::class_of(bytes);
    if (!kKeepBlocks || c >= BlockStore::kClasses) return ::operator new(bytes);
    if (store_gone) [[unlikely]] return ::operator new(BlockStore::class_bytes(c));
    return store.take(c);
}
void give_block(void* p, std::size_t bytes) noexcept {
    const std::size_t c = BlockStore::class_of(bytes);
    if (!kKeepBlocks || c >= BlockStore::kClasses || store_gone) ::operator delete(p);
    else store.give(p, c);
}

Value::Value(std::vector<Value> items) : kind_(ValueKind::list), rep_(kCounted | kByContent) {
    auto* l = new (take_block(sizeof(ListRep))) ListRep;
    l->items = std::move(items);
    counted_ = l;
    // Kept per list so that the evaluator can bound what rules build (engine/expr_eval.cpp) without
    // walking a list that shares its parts: [?l, ?l] doubles the count, not the memory.
    std::uint64_t weight = l->items.size();
    std::uint32_t depth = 1;
    for (const Value& v : l->items) {
        if (v.kind_ != ValueKind::list) continue;
        depth = std::max(depth, v.list()->depth + 1);
        weight = v.list()->weight > UINT64_MAX / 2 - weight ? UINT64_MAX / 2 : weight + v.list()->weight;
    }
    l->depth = depth;
    l->weight = weight;
}

namespace {
constexpr std::size_t kLongestLookedUp = 64;
}  // namespace

Value Value::computed(ValueKind kind, std::string_view text) {
    const std::uint64_t hash = atom_table::text_hash(text);
    Value v;
    v.kind_ = kind;
    v.hash32_ = static_cast<std::uint32_t>(hash);
    // A word the rule base or the program interned stays an atom: compared by id, nothing allocated.
    // Words are short; a long text (an advice text) is not looked for, and if a constant of the same
    // text exists after all, the two are still equal, by content.
    const std::uint32_t id = text.size() <= kLongestLookedUp ? atom_table::find(text, hash) : UINT32_MAX;
    if (id != UINT32_MAX) {
        v.bits_ = id;
        return v;
    }
    void* mem = take_block(sizeof(TextRep) + text.size());
    auto* t = new (mem) TextRep;
    t->size = text.size();
    if (!text.empty()) std::memcpy(const_cast<char*>(t->data()), text.data(), text.size());
    v.rep_ = kCounted | kByContent;
    v.counted_ = t;
    return v;
}

void Value::destroy(CountedRep* c, ValueKind kind) noexcept {
    if (kind == ValueKind::list) {
        auto* l = static_cast<ListRep*>(c);
        l->~ListRep();
        give_block(l, sizeof(ListRep));
    } else {
        auto* t = static_cast<TextRep*>(c);
        const std::size_t bytes = sizeof(TextRep) + t->size;
        t->~TextRep();
        give_block(t, bytes);
    }
}

void Value::wrong_kind() {
    // The very exception std::get threw before, message included; its constructor is not public.
    std::variant<Nil, bool> wrong;
    (void)std::get<bool>(wrong);
    throw std::bad_variant_access();  // not reached
}

void Value::not_a_number() const { throw std::invalid_argument("geen getal: " + repr()); }

void Value::not_a_text() const { throw std::invalid_argument("geen tekst of symbool: " + repr()); }

bool Value::equal_slow(const Value& a, const Value& b) {
    ValueKind ka = a.kind(), kb = b.kind();
    if (ka != kb) {
        if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
        return false;
    }
    switch (ka) {
        case ValueKind::nil: return true;
        case ValueKind::boolean: return a.as_bool() == b.as_bool();
        case ValueKind::integer: return a.as_int() == b.as_int();
        case ValueKind::floating: return a.as_float() == b.as_float();
        case ValueKind::string:
        case ValueKind::symbol:
            if (((a.rep_ | b.rep_) & kCounted) == 0) return a.bits_ == b.bits_;
            return a.hash32_ == b.hash32_ && a.text_unchecked() == b.text_unchecked();
        case ValueKind::list: return a.counted_ == b.counted_ || a.list()->items == b.list()->items;
        case ValueKind::fact: return a.as_fact() == b.as_fact();
    }
    return false;
}

namespace {
std::size_t mix(std::size_t h) { return Value::mix_hash(h); }
}  // namespace

std::size_t Value::hash_slow() const {
    switch (kind()) {
        case ValueKind::nil: return kNilHash;
        case ValueKind::boolean: return as_bool() ? 0x51 : 0x50;
        case ValueKind::integer: return mix(static_cast<std::size_t>(as_int()));
        case ValueKind::floating: {
            double d = as_float();
            // Integral floats hash as the integer they equal, so 1 and 1.0 land in one bucket. Inside
            // the range (which leaves out infinities and NaN, as no comparison holds for them) the
            // truncation equals d exactly when d is integral: no floor, isfinite and fabs per float.
            if (d > -9.0e18 && d < 9.0e18)
                if (const auto i = static_cast<std::int64_t>(d); static_cast<double>(i) == d)
                    return mix(static_cast<std::size_t>(i));
            std::uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            return mix(bits);
        }
        case ValueKind::string: return mix((std::size_t{1} << 40) ^ hash32_);
        case ValueKind::symbol: return mix((std::size_t{2} << 40) ^ hash32_);
        case ValueKind::list: {
            std::size_t h = 0x1234567;
            for (const Value& v : as_list()) h = mix(h * 31 + v.hash());
            return h;
        }
        case ValueKind::fact: return mix((std::size_t{3} << 40) ^ as_fact().id);
    }
    return 0;
}

namespace {
int rank(ValueKind k) {
    switch (k) {
        case ValueKind::nil: return 0;
        case ValueKind::boolean: return 1;
        case ValueKind::integer:
        case ValueKind::floating: return 2;
        case ValueKind::string: return 3;
        case ValueKind::symbol: return 4;
        case ValueKind::list: return 5;
        case ValueKind::fact: return 6;
    }
    return 7;
}
std::strong_ordering order(auto a, auto b) {
    if (a < b) return std::strong_ordering::less;
    if (b < a) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}
}  // namespace

std::strong_ordering compare(const Value& a, const Value& b) {
    // Sorting and collecting meet two texts, or two integers, far more often than anything else.
    if (a.kind() == b.kind()) {
        if (a.kind() == ValueKind::string || a.kind() == ValueKind::symbol) {
            // One atom is one text: aggregates and sorting meet equal texts often, and skip the lookups.
            if (((a.rep_ | b.rep_) & Value::kCounted) == 0 && a.bits_ == b.bits_) return std::strong_ordering::equal;
            return a.text_unchecked() <=> b.text_unchecked();  // one pass over the bytes, where order() takes two
        }
        if (a.kind() == ValueKind::integer) return order(a.as_int(), b.as_int());
    }
    int ra = rank(a.kind()), rb = rank(b.kind());
    if (ra != rb) return order(ra, rb);
    switch (a.kind()) {
        case ValueKind::nil: return std::strong_ordering::equal;
        case ValueKind::boolean: return order(a.as_bool(), b.as_bool());
        case ValueKind::integer:
        case ValueKind::floating:
            if (a.kind() == ValueKind::integer && b.kind() == ValueKind::integer) return order(a.as_int(), b.as_int());
            return order(a.as_number(), b.as_number());
        case ValueKind::string:
        case ValueKind::symbol: return a.as_text() <=> b.as_text();  // not reached: same kinds return above
        case ValueKind::list: {
            const auto& la = a.as_list();
            const auto& lb = b.as_list();
            for (std::size_t i = 0; i < la.size() && i < lb.size(); ++i) {
                auto c = compare(la[i], lb[i]);
                if (c != 0) return c;
            }
            return order(la.size(), lb.size());
        }
        case ValueKind::fact: return order(a.as_fact().id, b.as_fact().id);
    }
    return std::strong_ordering::equal;
}

namespace {
// The shortest round-trip form of `d`, as std::to_chars writes it, for the numbers advice texts show
// (21.5, 3.75, 12): a whole number below 100000, or one with at most three decimals. A decimal of at
// most 15 significant digits is the only one of that length or shorter that reads back as its double
// (DBL_DIG), so when d is the nearest double to n / 10^k with k as small as possible, those digits
// are the shortest form; and for these magnitudes fixed notation is never longer than scientific
// (a tie goes to fixed). Anything else is left to std::to_chars (returns nullptr).
char* short_decimal(char* p, double d) {
    static constexpr double kScale[] = {1, 10, 100, 1000};
    if (!(std::fabs(d) < 1e11) || d == 0) return nullptr;  // also NaN; -0.0 keeps its sign through to_chars
    for (int k = 0; k < 4; ++k) {
        const double scaled = std::nearbyint(d * kScale[k]);
        if (std::fabs(scaled) >= 1e14 || scaled / kScale[k] != d) continue;
        std::int64_t n = static_cast<std::int64_t>(scaled);
        if (k == 0 && (n >= 100000 || n <= -100000)) return nullptr;  // 100000 is "1e+05"
        if (n < 0) {
            *p++ = '-';
            n = -n;
        }
        std::int64_t whole = n, frac = 0;
        if (k > 0) {
            whole = n / static_cast<std::int64_t>(kScale[k]);
            frac = n % static_cast<std::int64_t>(kScale[k]);
        }
        p = std::to_chars(p, p + 24, whole).ptr;
        if (k > 0) {
            *p++ = '.';
            for (int i = k - 1; i >= 0; --i) {
                p[i] = static_cast<char>('0' + frac % 10);
                frac /= 10;
            }
            p += k;
        }
        return p;
    }
    return nullptr;
}

// Straight into `out`, without a temporary string: display and interpolation write numbers often.
void float_into(std::string& out, double d, bool keep_point) {
    if (std::isnan(d)) { out += "nan"; return; }
    if (std::isinf(d)) { out += d < 0 ? "-inf" : "inf"; return; }
    char buf[64];
    char* end = short_decimal(buf, d);
    if (!end) end = std::to_chars(buf, buf + sizeof buf, d).ptr;
    std::string_view s(buf, static_cast<std::size_t>(end - buf));
    out += s;
    if (keep_point && s.find_first_of(".eE") == std::string_view::npos) out += ".0";
}

void int_into(std::string& out, std::int64_t i) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, i);
    out.append(buf, res.ptr);
}

// Where the next character that needs an escape is, from `i` on (text.size() when none): sixteen
// bytes at a time where SSE2 is there. Every fact an HTML report's derivation shows is quoted, and
// its texts (advice texts among them) run to hundreds of characters with hardly an escape.
std::size_t next_escape(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i newline = _mm_set1_epi8('\n');
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, quote), _mm_cmpeq_epi8(b, backslash)), _mm_cmpeq_epi8(b, newline));
        if (const int m = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(m)));
    }
#endif
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\\' || c == '\n') return i;
    }
    return text.size();
}

// Appends the runs between characters that need an escape whole.
void quote_into(std::string& out, std::string_view text) {
    out += '"';
    std::size_t start = 0;
    for (std::size_t i; (i = next_escape(text, start)) < text.size(); start = i + 1) {
        out.append(text.data() + start, i - start);
        const char escape[2] = {'\\', text[i] == '\n' ? 'n' : text[i]};
        out.append(escape, 2);
    }
    out.append(text.data() + start, text.size() - start);
    out += '"';
}

void write(std::string& out, const Value& v, bool display) {
    switch (v.kind()) {
        case ValueKind::nil: out += "nil"; return;
        case ValueKind::boolean: out += v.as_bool() ? "true" : "false"; return;
        case ValueKind::integer: int_into(out, v.as_int()); return;
        case ValueKind::floating: float_into(out, v.as_float(), !display); return;
        case ValueKind::string:
            if (display) out += v.as_text();
            else quote_into(out, v.as_text());
            return;
        case ValueKind::symbol: out += v.as_text(); return;
        case ValueKind::list: {
            out += '[';
            bool first = true;
            for (const Value& item : v.as_list()) {
                if (!first) out += ", ";
                first = false;
                // Inside a list strings keep their quotes, so that ["a, b"] stays readable.
                write(out, item, false);
            }
            out += ']';
            return;
        }
        case ValueKind::fact: out += "<feit-" + std::to_string(v.as_fact().id) + ">"; return;
    }
}
}  // namespace

std::string Value::repr() const {
    std::string s;
    write(s, *this, false);
    return s;
}

void Value::append_repr(std::string& out) const { write(out, *this, false); }

std::string Value::display() const {
    std::string s;
    write(s, *this, true);
    return s;
}

void Value::append_display_formatted(std::string& out) const { write(out, *this, true); }

std::string_view kind_name(ValueKind kind) {
    switch (kind) {
        case ValueKind::nil: return "niets (nil)";
        case ValueKind::boolean: return "waarheidswaarde";
        case ValueKind::integer: return "geheel getal";
        case ValueKind::floating: return "kommagetal";
        case ValueKind::string: return "tekst";
        case ValueKind::symbol: return "symbool";
        case ValueKind::list: return "lijst";
        case ValueKind::fact: return "feitverwijzing";
    }
    return "?";
}

}  // namespace ww
