// SPDX-License-Identifier: EUPL-1.2
// The fact manager: live facts by id, the duplicate check, and, for explanations, what retracted facts
// looked like and which firing made them.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/engine.hpp"

namespace ww {

struct AlphaItem;
struct Token;
struct TokenHead;

struct FactRec {
    Fact fact;
    std::size_t hash = 0;
    std::vector<AlphaItem*> items;  // its entries in alpha memories
    Token* tokens = nullptr;        // tokens that matched this fact (Token::fact_next chain)
    TokenHead* blocks = nullptr;    // not/exists levels this fact blocks (linked by their fact_next)
    std::uint32_t supports = 0;     // logical supports (truth maintenance)
    bool unconditional = false;     // asserted from outside or by a non-logical rule
    std::uint64_t origin = 0;       // firing index + 1; 0: asserted from outside
};

class WorkingMemory {
public:
    WorkingMemory() = default;
    WorkingMemory(const WorkingMemory&) = delete;
    WorkingMemory& operator=(const WorkingMemory&) = delete;
    ~WorkingMemory();

    static std::size_t hash_of(TemplateId tmpl, const std::vector<Value>& slots);
    // The live fact equal to (tmpl, slots) with `inserted` false; when there is none, a new fact made
    // of them with `inserted` true. One probe of the table does both: the search for an equal fact
    // ends at the free slot the new one takes (every assert passes here).
    FactRec* find_or_insert(TemplateId tmpl, std::vector<Value>&& slots, std::size_t hash, bool& inserted);
    // Forgets the fact; keeps its content for explanations when `archive` is on.
    void erase(FactRec* f);
    // erase for the live fact with the highest id (a rollback retracts newest first).
    void erase_newest(FactRec* f);
    // An empty slot vector, with the capacity of an erased fact of `tmpl` when one is at hand: a rule
    // or a caller that asserts into it saves an allocation per fact (and the free when the fact goes).
    std::vector<Value> take_slots(TemplateId tmpl) {
        std::vector<Value> slots;
        if (tmpl < spare_slots_.size() && !spare_slots_[tmpl].empty()) {
            slots.swap(spare_slots_[tmpl].back());
            spare_slots_[tmpl].pop_back();
        }
        return slots;
    }

    FactRec* get(FactId id) const {
        return id < by_id_.size() ? by_id_[id] : nullptr;
    }
    std::size_t size() const { return live_; }
    FactId next_id() const { return next_id_; }

    template <class F>
    void for_each(F&& f) const {
        for (FactRec* r : by_id_)
            if (r) f(r);
    }

    void set_archive(bool on) { archive_ = on; }
    struct Archived {
        Fact fact;
        std::uint64_t origin = 0;
    };
    const Archived* archived(FactId id) const;

    // Forgets ids from `next` on (the caller has erased those facts): the next fact gets id `next`.
    void rewind(FactId next);

    // Drops every fact (the caller has cleaned the network) and restarts the ids.
    void clear();

private:
    // Live facts by content hash, for the duplicate check: open addressing, linear probing,
    // backward-shift deletion (every assert and retract passes here).
    struct Slot {
        std::size_t hash = 0;
        FactRec* fact = nullptr;
    };
    std::size_t home(std::size_t h) const { return (h * 0x9E3779B97F4A7C15ULL >> 17) & mask_; }
    void grow_table();
    void table_erase(FactRec* f);
    void forget(FactRec* f);

    std::vector<FactRec*> by_id_{nullptr};
    std::vector<Slot> table_;
    std::size_t mask_ = 0;
    // next_id_ when the table last grew: every live fact from this id on was placed after that.
    FactId grown_from_ = 0;
    std::unordered_map<FactId, Archived> archive_map_;
    static constexpr std::size_t kMaxSpare = 4096;  // erased records kept for reuse, at most
    std::vector<FactRec*> spare_;
    // The slot buffers of erased facts by template, apart from their records: a batch of asserts
    // takes several before it inserts the first fact, and a buffer of the same template has room.
    std::vector<std::vector<std::vector<Value>>> spare_slots_;
    FactId next_id_ = 1;
    std::size_t live_ = 0;
    bool archive_ = true;
};

}  // namespace ww
