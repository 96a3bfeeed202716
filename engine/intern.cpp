// SPDX-License-Identifier: EUPL-1.2
// The process-wide atom table. Texts live in fixed-size chunks that never move, and the number of
// atoms is published with release/acquire: text_of, called on every display, comparison and output
// of a string, reads without a lock. Finding the atom of a text that is already there (a constant
// loaded again, a computed word that is a constant) also takes no lock: the index is an open-addressing
// table of atomic slots that a writer only ever fills, and replaces (never frees) when it grows. Only
// constants are interned; texts computed per consultation are counted (Value::computed_string).
// Adding a text takes the mutex, so interning is safe from any number of threads.
#include <atomic>
#include <bit>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/value.hpp"

namespace ww {

namespace atom_table {
// Chunk pointers are set once (under the lock) and then only read. A namespace-scope array with
// constant initialisation sits in zeroed static memory: a cold process neither clears it at start
// (8 MB) nor touches the pages it never uses.
constinit std::atomic<Entry*> chunks[kChunks]{};
// The number of atoms, published after each text is complete. At namespace scope (not in the table)
// so that text_of, called on every display and comparison of a string, needs no guard of a
// function-local static.
constinit std::atomic<std::uint32_t> count{0};

const Entry& unknown(Atom atom) {
    // The empty text, also before the table was first used.
    static const Entry empty{std::string(), static_cast<std::uint32_t>(text_hash(std::string_view()))};
    if (atom.id == 0) return empty;
    throw std::out_of_range("onbekend atoom");
}
}  // namespace atom_table

namespace {

using atom_table::chunks;
using atom_table::kChunkBits;
using atom_table::kChunkSize;

std::string_view stored_text(std::uint32_t id) {
    return chunks[id >> kChunkBits].load(std::memory_order_acquire)[id & (kChunkSize - 1)].text;
}

std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) {
    const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
    return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
}

std::uint64_t load8(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

std::uint64_t load4(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

}  // namespace

// Computed advice texts run to a few hundred bytes and are hashed after every evaluation: 16 bytes
// per multiplication (in the manner of wyhash) rather than std::hash's 8.
std::uint64_t atom_table::text_hash(std::string_view text) {
    constexpr std::uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL, k2 = 0x8ebc6af09c88c6e3ULL;
    const char* p = text.data();
    std::size_t n = text.size();
    std::uint64_t h = k0 ^ n;
    while (n > 16) {
        h = fold_multiply(load8(p) ^ k1, load8(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    std::uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = load8(p);
        b = load8(p + n - 8);  // overlaps the first word when n < 16
    } else if (std::endian::native == std::endian::little && n >= 4) {
        // The same word as copying the n bytes into a zeroed one (little-endian), without a copy of
        // variable length: two loads of four that overlap put the same bytes in the same places.
        a = load4(p) | (load4(p + n - 4) << (8 * (n - 4)));
    } else if (std::endian::native == std::endian::little && n > 0) {
        a = std::uint64_t{static_cast<unsigned char>(p[0])} |
            (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2))) |
            (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1)));
    } else if (n > 0) {
        std::memcpy(&a, p, n);
    }
    return fold_multiply(a ^ k1 ^ h, b ^ k2 ^ (h >> 32) ^ n);
}

namespace {

using atom_table::text_hash;

// Open addressing with linear probing. A slot holds the top half of the text's hash and id + 1
// (0: empty); it is written once, with release, after the atom's text is complete.
struct Index {
    // Every slot 0: std::atomic's default constructor value-initialises (C++20), a loop the compiler
    // may fill as a block, unlike one relaxed store after another.
    static_assert(__cpp_lib_atomic_value_initialization >= 201911L);
    explicit Index(std::size_t capacity)
        : mask(capacity - 1), owned(new std::atomic<std::uint64_t>[capacity]), slots(owned.get()) {}
    // Over slots that are already 0 and live as long as the process.
    Index(std::atomic<std::uint64_t>* zeroed, std::size_t capacity) : mask(capacity - 1), slots(zeroed) {}
    const std::size_t mask;
    std::size_t used = 0;  // only the writer, under the mutex, reads or changes it
    std::unique_ptr<std::atomic<std::uint64_t>[]> owned;
    std::atomic<std::uint64_t>* slots;

    static std::uint64_t tag_of(std::uint64_t hash) { return hash & 0xffffffff00000000ULL; }

    // The atom of `text`, or UINT32_MAX when this index has none.
    std::uint32_t find(std::string_view text, std::uint64_t hash) const {
        const std::uint64_t tag = tag_of(hash);
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots[i].load(std::memory_order_acquire);
            if (slot == 0) return UINT32_MAX;
            if ((slot & 0xffffffff00000000ULL) != tag) continue;
            const std::uint32_t id = static_cast<std::uint32_t>(slot) - 1;
            const std::string_view known = stored_text(id);
            if (known.size() == text.size() && std::memcmp(known.data(), text.data(), text.size()) == 0) return id;
        }
    }
    // Under the mutex; the text is not in the index yet and there is room.
    void put(std::uint64_t hash, std::uint32_t id) {
        std::size_t i = hash & mask;
        while (slots[i].load(std::memory_order_relaxed) != 0) i = (i + 1) & mask;
        slots[i].store(tag_of(hash) | (std::uint64_t{id} + 1), std::memory_order_release);
        ++used;
    }
};

constinit std::atomic<std::uint64_t> first_slots[8192]{};

struct AtomTable {
    std::mutex mutex;
    std::atomic<Index*> index{nullptr};
    // Indexes that a larger one replaced: a reader may still be probing one, so they stay until the
    // end of the process (together less than the current one).
    std::vector<std::unique_ptr<Index>> indexes;

    AtomTable() {
        // Room for 4,096 atoms before the first growth: the bundled knowledge base read whole (the
        // service, `--kosten`, a YAML knowledge base) adds some 2,050, a cold start from the image 500
        // to 700 (rules/image.cpp); one growth (clearing the new table, placing every atom again) cost
        // 0.14 M instructions. The first slots are zeroed static memory, so a cold start does not
        // clear them either (clearing 8,192 slots on the heap cost 23,000 instructions). A knowledge
        // base of one's own grows the table as it needs.
        indexes.push_back(std::make_unique<Index>(first_slots, std::size(first_slots)));
        index.store(indexes.back().get(), std::memory_order_release);
        std::lock_guard lock(mutex);
        add(std::string_view(), text_hash(std::string_view()));
    }
    // Under the mutex.
    std::uint32_t add(std::string_view text, std::uint64_t hash) {
        const std::uint32_t id = atom_table::count.load(std::memory_order_relaxed);
        if (id == UINT32_MAX) throw std::length_error("de atoomtabel is vol");
        std::atomic<atom_table::Entry*>& chunk = chunks[id >> kChunkBits];
        atom_table::Entry* c = chunk.load(std::memory_order_relaxed);
        if (!c) {
            // Raw memory: an entry is constructed when its atom is added. A chunk is 160 kB, and a
            // cold start, which adds several hundred atoms, constructed and touched all of it.
            c = static_cast<atom_table::Entry*>(::operator new(sizeof(atom_table::Entry) * kChunkSize));
            chunk.store(c, std::memory_order_release);
        }
        // Readers see only ids below count, stored after this.
        // Placement new of the aggregate, not construct_at(p, Entry{...}): that made a temporary Entry
        // and moved its string into the slot, per atom (several hundred at a cold start).
        ::new (static_cast<void*>(&c[id & (kChunkSize - 1)])) atom_table::Entry{std::string(text), static_cast<std::uint32_t>(hash)};
        atom_table::count.store(id + 1, std::memory_order_release);  // the text is complete before the id is visible
        Index* ix = index.load(std::memory_order_relaxed);
        if (2 * (ix->used + 1) > ix->mask + 1) ix = grow(*ix);
        ix->put(hash, id);
        return id;
    }
    // Under the mutex: a table twice as large with every atom, published whole.
    Index* grow(const Index& old) {
        auto bigger = std::make_unique<Index>(2 * (old.mask + 1));
        for (std::size_t i = 0; i <= old.mask; ++i) {
            const std::uint64_t slot = old.slots[i].load(std::memory_order_relaxed);
            if (slot == 0) continue;
            // The whole hash again without hashing the text: its top half is the slot's tag, its
            // low half is kept with the atom.
            const std::uint32_t id = static_cast<std::uint32_t>(slot) - 1;
            const std::uint64_t low = chunks[id >> kChunkBits].load(std::memory_order_relaxed)[id & (kChunkSize - 1)].hash;
            bigger->put(Index::tag_of(slot) | low, id);
        }
        Index* ix = bigger.get();
        indexes.push_back(std::move(bigger));
        index.store(ix, std::memory_order_release);
        return ix;
    }
};

// Never destroyed: atoms live until the process ends, and freeing their texts and chunks
// on the way out cost a cold start 35,000 instructions. What it holds stays reachable (from this
// pointer and from `chunks`), so a leak checker does not count it.
AtomTable& table() {
    static AtomTable& t = *new AtomTable;
    return t;
}

}  // namespace

std::uint32_t atom_table::find(std::string_view text, std::uint64_t hash) {
    return table().index.load(std::memory_order_acquire)->find(text, hash);
}

Atom intern(std::string_view text) {
    AtomTable& t = table();
    const std::uint64_t hash = text_hash(text);
    // A reader that meets an index just replaced misses only the newest atoms, and finds them below.
    std::uint32_t id = t.index.load(std::memory_order_acquire)->find(text, hash);
    if (id != UINT32_MAX) return Atom{id};
    std::lock_guard lock(t.mutex);
    id = t.index.load(std::memory_order_relaxed)->find(text, hash);
    if (id != UINT32_MAX) return Atom{id};
    return Atom{t.add(text, hash)};
}

}  // namespace ww
