// SPDX-License-Identifier: EUPL-1.2
#include "engine/working_memory.hpp"

#include <bit>

namespace ww {

WorkingMemory::~WorkingMemory() {
    for (FactRec* f : by_id_) delete f;
    for (FactRec* f : spare_) delete f;
}

namespace {
// A slot's part of a fact's hash. Two facts are the same only when every slot has the same kind and
// an equal value (find_or_insert), so unlike Value::hash, which makes 1 and 1.0 agree for joins, a number
// need only agree with numbers of its own kind: an integer gives itself, unmixed (the table mixes the
// fact's hash), and a float its bits, mixed (floats differ in their high bits) and with -0.0 as 0.0
// (the two are equal), without the call Value::hash makes for a float. A profile's facts are mostly
// figures.
[[gnu::always_inline]] inline std::size_t slot_hash(const Value& v) {
    if (v.kind() == ValueKind::integer) return static_cast<std::size_t>(v.as_int());
    if (v.kind() == ValueKind::floating) {
        const auto bits = std::bit_cast<std::uint64_t>(v.as_float());
        return Value::mix_hash(bits << 1 == 0 ? 0 : bits);
    }
    return v.hash();
}
}  // namespace

std::size_t WorkingMemory::hash_of(TemplateId tmpl, const std::vector<Value>& slots) {
    std::size_t h = 0xcbf29ce484222325ULL ^ tmpl;
    for (const Value& v : slots) h = (h ^ slot_hash(v)) * 0x100000001b3ULL;
    return h;
}

// Doubles the table (at most three quarters full), out of line: it grows a handful of times per
// process, and find_or_insert stays small.
[[gnu::noinline]] void WorkingMemory::grow_table() {
    std::vector<Slot> old = std::move(table_);
    table_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = table_.size() - 1;
    grown_from_ = next_id_;
    for (const Slot& s : old)
        if (s.fact) {
            std::size_t i = home(s.hash);
            while (table_[i].fact) i = (i + 1) & mask_;
            table_[i] = s;
        }
}

// Inline in its one caller, erase: inlining measured neither better nor worse (the rollback's facts).
[[gnu::always_inline]] inline void WorkingMemory::table_erase(FactRec* f) {
    std::size_t i = home(f->hash);
    while (table_[i].fact != f) i = (i + 1) & mask_;
    table_[i].fact = nullptr;
    for (std::size_t j = (i + 1) & mask_; table_[j].fact; j = (j + 1) & mask_) {
        std::size_t h = home(table_[j].hash);
        bool between = i <= j ? (i < h && h <= j) : (i < h || h <= j);
        if (!between) {
            table_[i] = table_[j];
            table_[j].fact = nullptr;
            i = j;
        }
    }
}

FactRec* WorkingMemory::find_or_insert(TemplateId tmpl, std::vector<Value>&& slots, std::size_t hash, bool& inserted) {
    // Grown before the probe, so that the free slot where the search ends is the new fact's. A fact
    // already there may so grow the table one assert early: that moves facts within the table, which
    // nothing walks (for_each goes by id), and changes nothing the engine does.
    if ((live_ + 1) * 4 > table_.size() * 3) [[unlikely]] grow_table();
    std::size_t i = home(hash);
    for (; table_[i].fact; i = (i + 1) & mask_) {
        if (table_[i].hash != hash) continue;
        const Fact& f = table_[i].fact->fact;
        // Kinds must agree too: 1 and 1.0 join alike, but are different facts to keep.
        if (f.tmpl != tmpl || f.slots.size() != slots.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < slots.size() && same; ++k)
            same = f.slots[k].kind() == slots[k].kind() && f.slots[k] == slots[k];
        if (same) {
            inserted = false;
            return table_[i].fact;
        }
    }
    FactRec* f;
    if (spare_.empty()) {
        f = new FactRec;
    } else {
        f = spare_.back();
        spare_.pop_back();
    }
    f->fact.id = next_id_++;
    f->fact.tmpl = tmpl;
    f->fact.slots = std::move(slots);
    f->hash = hash;
    by_id_.push_back(f);
    table_[i] = Slot{hash, f};
    ++live_;
    inserted = true;
    return f;
}

// What erase does after the table: the record out of by_id_, kept for reuse.
[[gnu::always_inline]] inline void WorkingMemory::forget(FactRec* f) {
    by_id_[f->fact.id] = nullptr;
    --live_;
    if (archive_) archive_map_.emplace(f->fact.id, Archived{std::move(f->fact), f->origin});
    // Kept for the next insert, with the capacity of its alpha-item list: a warm consultation
    // asserts and retracts about a hundred facts, and this saves two allocations on each.
    if (f->fact.slots.capacity() != 0) {
        if (spare_slots_.size() <= f->fact.tmpl) spare_slots_.resize(f->fact.tmpl + 1);
        auto& spare = spare_slots_[f->fact.tmpl];
        if (spare.size() < kMaxSpare) {
            f->fact.slots.clear();
            spare.push_back(std::move(f->fact.slots));
        }
    }
    f->fact.slots.clear();
    f->items.clear();
    f->tokens = nullptr;
    f->supports = 0;
    f->unconditional = false;
    f->origin = 0;
    f->hash = 0;
    if (spare_.size() < kMaxSpare) spare_.push_back(f);
    else delete f;
}

void WorkingMemory::erase(FactRec* f) {
    table_erase(f);
    forget(f);
}

// The newest live fact leaves its slot of the table empty, without the backward shift of table_erase,
// when the table has not grown since it was placed. Then no other fact's probe passes its slot: older
// facts were placed while it was free (the backward shift leaves no gap in any fact's probe path, so
// none crossed a free slot), and since then they only moved back towards their home slots; newer
// ones are gone. The shift would move nothing, and only walk the facts after it: a warm
// consultation's rollback retracts ~100 facts, each newest first.
void WorkingMemory::erase_newest(FactRec* f) {
    if (f->fact.id < grown_from_) {
        erase(f);
        return;
    }
    std::size_t i = home(f->hash);
    while (table_[i].fact != f) i = (i + 1) & mask_;
    table_[i].fact = nullptr;
    forget(f);
}

const WorkingMemory::Archived* WorkingMemory::archived(FactId id) const {
    auto it = archive_map_.find(id);
    return it == archive_map_.end() ? nullptr : &it->second;
}

void WorkingMemory::rewind(FactId next) {
    if (!archive_map_.empty())
        for (FactId id = next; id < next_id_; ++id) archive_map_.erase(id);
    by_id_.resize(next);
    next_id_ = next;
    // Every fact placed from here on comes after the last growth.
    if (grown_from_ > next) grown_from_ = next;
}

void WorkingMemory::clear() {
    for (FactRec*& f : by_id_) {
        delete f;
        f = nullptr;
    }
    by_id_.assign(1, nullptr);
    table_.clear();
    mask_ = 0;
    archive_map_.clear();
    next_id_ = 1;
    live_ = 0;
}

}  // namespace ww
