// The process-wide atom table. Texts live in fixed-size chunks that never move, and the number of
// atoms is published with release/acquire: text_of, called on every display, comparison and output
// of a string, reads without a lock. Interning (rarer, and it must find duplicates) takes the lock.
#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "engine/value.hpp"

namespace ww {
namespace {

constexpr std::uint32_t kChunkBits = 12;
constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
constexpr std::uint32_t kChunks = 1u << (32 - kChunkBits);  // room for every 32-bit atom id

// Chunk pointers are set once (under the lock) and then only read. A namespace-scope array with
// constant initialisation sits in zeroed static memory: a cold process neither clears it at start
// (8 MB) nor touches the pages it never uses.
constinit std::atomic<std::string*> chunks[kChunks]{};
// The number of atoms, published after each text is complete. At namespace scope (not in the table)
// so that text_of, called on every display and comparison of a string, needs no guard of a
// function-local static.
constinit std::atomic<std::uint32_t> atom_count{0};

struct AtomTable {
    std::shared_mutex mutex;
    std::unordered_map<std::string_view, std::uint32_t> ids;

    AtomTable() { add(std::string_view()); }
    ~AtomTable() {
        // Only the chunks in use; the rest of the array was never touched.
        const std::uint64_t used = (std::uint64_t{atom_count.load(std::memory_order_relaxed)} + kChunkSize - 1) >> kChunkBits;
        for (std::uint64_t i = 0; i < used; ++i) delete[] chunks[i].load(std::memory_order_relaxed);
    }
    // Under the unique lock.
    std::uint32_t add(std::string_view text) {
        const std::uint32_t id = atom_count.load(std::memory_order_relaxed);
        if (id == UINT32_MAX) throw std::length_error("de atoomtabel is vol");
        std::atomic<std::string*>& chunk = chunks[id >> kChunkBits];
        std::string* c = chunk.load(std::memory_order_relaxed);
        if (!c) {
            c = new std::string[kChunkSize];
            chunk.store(c, std::memory_order_release);
        }
        std::string& slot = c[id & (kChunkSize - 1)];
        slot.assign(text);
        ids.emplace(std::string_view(slot), id);
        atom_count.store(id + 1, std::memory_order_release);  // the text is complete before the id is visible
        return id;
    }
};

AtomTable& table() {
    static AtomTable t;
    return t;
}

}  // namespace

Atom intern(std::string_view text) {
    AtomTable& t = table();
    {
        std::shared_lock lock(t.mutex);
        auto it = t.ids.find(text);
        if (it != t.ids.end()) return Atom{it->second};
    }
    std::unique_lock lock(t.mutex);
    auto it = t.ids.find(text);
    if (it != t.ids.end()) return Atom{it->second};
    return Atom{t.add(text)};
}

std::string_view text_of(Atom atom) {
    if (atom.id >= atom_count.load(std::memory_order_acquire)) {
        if (atom.id == 0) return {};  // the empty text, also before the table was first used
        throw std::out_of_range("onbekend atoom");
    }
    return chunks[atom.id >> kChunkBits].load(std::memory_order_acquire)[atom.id & (kChunkSize - 1)];
}

}  // namespace ww
