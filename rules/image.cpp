// SPDX-License-Identifier: EUPL-1.2
#include "rules/image.hpp"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include "engine/action_flow.hpp"

namespace ww {

namespace {

constexpr char magic[8] = {'W', 'W', 'I', 'M', 'G', '\r', '\n', '\x1a'};
// magic, format version, key, body size, body checksum
constexpr std::size_t header_size = 8 + 4 + 8 + 8 + 8;
// Expressions and lists nest; a reader recursing once per level must stop somewhere. The rule
// language itself refuses expressions deeper than limits::max_expression_depth (200).
constexpr int max_depth = 1000;

class Out {
public:
    void u8(std::uint8_t v) { s_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
    void size(std::size_t n) {
        if (n > 0xffffffffu) throw std::length_error("image: te groot");
        u32(static_cast<std::uint32_t>(n));
    }
    void str(std::string_view v) {
        size(v.size());
        s_.append(v);
    }
    // Atoms go by index into a table of their texts, written before the body: each text is then
    // interned once on reading (atom ids themselves differ per process).
    void atom(Atom a) {
        auto [it, added] = atom_index_.try_emplace(a.id, static_cast<std::uint32_t>(atoms_.size()));
        if (added) atoms_.push_back(text_of(a));
        u32(it->second);
    }
    const std::vector<std::string_view>& atoms() const { return atoms_; }
    std::string& bytes() { return s_; }

private:
    std::unordered_map<std::uint32_t, std::uint32_t> atom_index_;
    std::vector<std::string_view> atoms_;
    void raw(const void* p, std::size_t n) { s_.append(static_cast<const char*>(p), n); }
    std::string s_;
};

struct BadImage {};

// Reads a blob front to back; every read is bounds-checked and throws BadImage past the end. The
// reads are small and many (some 100,000 for the bundled knowledge base), so they stay inline and
// work on two pointers.
class In {
public:
    explicit In(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}
    std::uint8_t u8() {
        need(1);
        return static_cast<std::uint8_t>(*p_++);
    }
    std::uint32_t u32() { return get<std::uint32_t>(); }
    std::uint64_t u64() { return get<std::uint64_t>(); }
    std::int64_t i64() { return get<std::int64_t>(); }
    double f64() { return std::bit_cast<double>(u64()); }
    bool boolean() {
        std::uint8_t b = u8();
        if (b > 1) throw BadImage{};
        return b == 1;
    }
    // A count of elements that take at least one byte each: never more than the bytes left.
    std::size_t count() {
        std::size_t n = u32();
        need(n);
        return n;
    }
    std::string_view view() {
        const std::size_t n = u32();
        need(n);
        std::string_view v(p_, n);
        p_ += n;
        return v;
    }
    std::string str() { return std::string(view()); }
    // Into an existing string: an empty text (most expression names) costs no call.
    void str(std::string& out) {
        const std::string_view v = view();
        if (!v.empty()) out.assign(v);
    }
    template <class E>
    E enumeration(E last) {
        std::uint8_t v = u8();
        if (v > static_cast<std::uint8_t>(last)) throw BadImage{};
        return static_cast<E>(v);
    }
    // An index below `bound`.
    std::uint32_t index(std::size_t bound) {
        std::uint32_t v = u32();
        if (v >= bound) throw BadImage{};
        return v;
    }
    bool done() const { return p_ == end_; }
    void read_atoms() {
        atoms_.resize(count());
        for (auto& a : atoms_) a = intern(view());
    }
    Atom atom() { return atoms_[index(atoms_.size())]; }

private:
    void need(std::size_t n) const {
        if (n > static_cast<std::size_t>(end_ - p_)) throw BadImage{};
    }
    template <class T>
    T get() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }
    const char* p_;
    const char* end_;
    std::vector<Atom> atoms_;
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

Value get_value(In& in, int depth);

Value get_value_of_kind(In& in, ValueKind kind, int depth) {
    if (depth > max_depth) throw BadImage{};
    switch (kind) {
        case ValueKind::nil: return Value();
        case ValueKind::boolean: return Value(in.boolean());
        case ValueKind::integer: return Value(in.i64());
        case ValueKind::floating: return Value(in.f64());
        case ValueKind::string: return Value(String{in.atom()});
        case ValueKind::symbol: return Value(Symbol{in.atom()});
        case ValueKind::list: {
            std::vector<Value> items(in.count());
            for (auto& item : items) item = get_value(in, depth + 1);
            return Value(std::move(items));
        }
        case ValueKind::fact: return Value(FactRef{in.u64()});
    }
    throw BadImage{};
}

Value get_value(In& in, int depth) { return get_value_of_kind(in, in.enumeration(ValueKind::fact), depth); }

void put(Out& o, const Expr& e) {
    o.u8(static_cast<std::uint8_t>(e.op));
    put(o, e.value);
    o.u32(e.var);
    o.str(e.name);
    o.u32(e.source_offset);
    o.size(e.args.size());
    for (const auto& a : e.args) put(o, a);
}

// Variable ids are checked against the rule's variables, so the engine can index with them. Read
// into `e` in place (a fresh Expr): no temporary tree is moved up level by level.
void get_expr(In& in, Expr& e, std::size_t vars, int depth) {
    if (depth > max_depth) throw BadImage{};
    e.op = in.enumeration(Op::concat);
    // Nil, the value of every expression but a constant, is what `e` holds already.
    if (const ValueKind kind = in.enumeration(ValueKind::fact); kind != ValueKind::nil)
        e.value = get_value_of_kind(in, kind, depth + 1);
    e.var = in.u32();
    if (e.op == Op::var && e.var >= vars) throw BadImage{};
    in.str(e.name);
    e.source_offset = in.u32();
    const std::size_t n = in.count();
    if (!arity_fits(e.op, n)) throw BadImage{};
    if (n == 0) return;
    e.args.resize(n);
    for (auto& a : e.args) get_expr(in, a, vars, depth + 1);
}

}  // namespace

struct ImageAccess {
    static void write(Out& o, const RuleBase& b) {
        o.size(b.files_.size());
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
        for (const auto& [name, id] : b.template_ids_) {
            o.str(name);
            o.u32(id);
        }
        o.size(b.params_.size());
        for (const auto& p : b.params_) {
            o.str(p.name);
            put(o, p.value);
            o.str(p.reason);
        }
        o.size(b.param_ids_.size());
        for (const auto& [name, id] : b.param_ids_) {
            o.str(name);
            o.size(id);
        }
        o.size(b.rules_.size());
        for (const auto& r : b.rules_) rule(o, *r);
        o.size(b.origins_.size());
        for (const auto& [id, origin] : b.origins_) {
            o.str(id);
            o.size(origin.file);
            o.u64(origin.offset);
        }
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
            o.u32(a.source_offset);
            o.str(a.source_text);
        }
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

    static void read(In& in, RuleBase& b, std::size_t file_count) {
        if (in.u32() != file_count) throw BadImage{};
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
        for (std::size_t n = in.count(); n > 0; --n) {
            auto name = in.str();
            b.template_ids_.emplace(std::move(name), in.index(ntemplates));
        }
        // Names lead to templates (advice reads facts by template name): each name to its own.
        if (b.template_ids_.size() != ntemplates) throw BadImage{};
        for (const auto& [name, id] : b.template_ids_)
            if (b.templates_[id].name != name) throw BadImage{};
        b.params_.resize(in.count());
        for (auto& p : b.params_) {
            in.str(p.name);
            p.value = get_value(in, 0);
            in.str(p.reason);
        }
        for (std::size_t n = in.count(); n > 0; --n) {
            auto name = in.str();
            b.param_ids_.emplace(std::move(name), in.index(b.params_.size()));
        }
        if (b.param_ids_.size() != b.params_.size()) throw BadImage{};
        for (const auto& [name, id] : b.param_ids_)
            if (b.params_[id].name != name) throw BadImage{};
        const std::size_t rule_count = in.count();
        b.rules_.reserve(rule_count);
        for (std::size_t n = 0; n < rule_count; ++n) {
            auto r = std::make_shared<RuleDef>();
            rule(in, *r, b);
            b.rules_.push_back(std::move(r));
        }
        for (std::size_t n = in.count(); n > 0; --n) {
            auto id = in.str();
            RuleOrigin origin;
            origin.file = in.index(file_count);
            origin.offset = in.u64();
            if (!b.origins_.emplace(std::move(id), origin).second) throw BadImage{};
        }
        // Every rule has its origin (run-time errors point into its file), and no other id has one.
        if (b.origins_.size() != b.rules_.size()) throw BadImage{};
        for (const auto& r : b.rules_)
            if (!b.origins_.count(r->id)) throw BadImage{};
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
    }

    static int slot_index(In& in, const RuleBase& b, TemplateId tmpl) {
        std::int64_t slot = in.i64();
        if (tmpl >= b.templates_.size() || slot < 0 || static_cast<std::uint64_t>(slot) >= b.templates_[tmpl].slots.size()) throw BadImage{};
        return static_cast<int>(slot);
    }

    static void rule(In& in, RuleDef& r, const RuleBase& b) {
        in.str(r.id);
        std::int64_t salience = in.i64();
        if (salience < INT32_MIN || salience > INT32_MAX) throw BadImage{};
        r.salience = static_cast<int>(salience);
        in.str(r.description);
        for (std::size_t n = in.count(); n > 0; --n) {
            auto key = in.str();
            r.meta.emplace(std::move(key), get_value(in, 0));
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
        r.actions.resize(in.count());
        for (auto& a : r.actions) {
            a.kind = in.enumeration(Action::Kind::again);
            a.tmpl = in.index(std::max<std::size_t>(b.templates_.size(), 1));
            a.slots.resize(in.count());
            for (auto& [slot, e] : a.slots) {
                slot = slot_index(in, b, a.tmpl);
                get_expr(in, e, vars, 0);
            }
            get_expr(in, a.target, vars, 0);
            a.var = in.u32();
            if ((a.kind == Action::Kind::bind || a.kind == Action::Kind::each) && a.var >= vars) throw BadImage{};
            get_expr(in, a.expr, vars, 0);
            a.jump = in.u32();
            in.str(a.record_name);
            a.fields.resize(in.count());
            for (auto& [name, e] : a.fields) {
                in.str(name);
                get_expr(in, e, vars, 0);
            }
            a.source_offset = in.u32();
            in.str(a.source_text);
        }
        // Jumps forward, loops that end (the engine checks it again when the rule is added).
        if (!action_flow_problem(r.actions, vars).empty()) throw BadImage{};
    }

    static void pattern(In& in, Pattern& p, const RuleBase& b, std::size_t vars) {
        // A condition without a pattern (a test) keeps template 0, also in a base without templates.
        p.tmpl = in.index(std::max<std::size_t>(b.templates_.size(), 1));
        p.constraints.resize(in.count());
        for (auto& c : p.constraints) {
            c.kind = in.enumeration(SlotConstraint::Kind::test);
            c.slot = slot_index(in, b, p.tmpl);
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

std::string write_image(const RuleBase& base, std::uint64_t key) {
    Out body;
    ImageAccess::write(body, base);
    Out atoms;
    atoms.size(body.atoms().size());
    for (auto text : body.atoms()) atoms.str(text);
    body.bytes().insert(0, atoms.bytes());
    Out o;
    o.bytes().append(magic, sizeof magic);
    o.u32(image_format_version);
    o.u64(key);
    o.u64(body.bytes().size());
    o.u64(image_checksum(body.bytes()));
    o.bytes().append(body.bytes());
    return std::move(o.bytes());
}

std::optional<RuleBase> read_image(std::string_view blob, std::uint64_t key, std::vector<SourceFile>& files) {
    if (blob.size() < header_size) return std::nullopt;
    try {
        In header(blob.substr(0, header_size));
        for (char c : magic)
            if (static_cast<char>(header.u8()) != c) return std::nullopt;
        if (header.u32() != image_format_version) return std::nullopt;
        if (header.u64() != key) return std::nullopt;
        const std::string_view body = blob.substr(header_size);
        if (header.u64() != body.size()) return std::nullopt;
        if (header.u64() != image_checksum(body)) return std::nullopt;
        In in(body);
        in.read_atoms();
        RuleBase base;
        ImageAccess::read(in, base, files.size());
        if (!in.done()) return std::nullopt;
        ImageAccess::set_files(base, std::move(files));
        return base;
    } catch (const BadImage&) {
        return std::nullopt;
    }
}

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
    // Eight bytes at a time, each word mixed in with a multiply and rotate (as in xxhash/wyhash), then
    // the splitmix64 finaliser so that every input bit reaches every output bit.
    constexpr std::uint64_t k1 = 0x9e3779b97f4a7c15ull, k2 = 0xc2b2ae3d27d4eb4full;
    std::uint64_t h = seed ^ (bytes.size() * k1);
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = std::rotl(h ^ (w * k2), 29) * k1;
    }
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

std::uint64_t image_checksum(std::string_view bytes) {
    // Every cold start checks the whole image body (some 400 kB): 32 bytes per round in two independent 128-bit multiplications (in the
    // manner of wyhash), then the splitmix64 finaliser so that every input bit reaches every output bit.
    constexpr std::uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull,
                            k3 = 0x589965cc75374cc3ull;
    auto fold = [](std::uint64_t a, std::uint64_t b) {
        const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
        return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
    };
    auto load = [](const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, sizeof w);
        return w;
    };
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    std::uint64_t h = k0 ^ (bytes.size() * k3), g = h ^ k2;
    for (; n >= 32; p += 32, n -= 32) {
        h = fold(load(p) ^ k1, load(p + 8) ^ h);
        g = fold(load(p + 16) ^ k2, load(p + 24) ^ g);
    }
    std::uint64_t tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, p, n);
    h = fold(tail[0] ^ k1, tail[1] ^ h);
    g = fold(tail[2] ^ k2, tail[3] ^ g);
    h = fold(h ^ k3, g ^ k0 ^ bytes.size());
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

}  // namespace ww
