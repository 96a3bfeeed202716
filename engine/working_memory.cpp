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
// an equal value (find_equal), so unlike Value::hash, which makes 1 and 1.0 agree for joins, a number
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

// The probe loops inline in their one caller each (insert, erase). As a call, table_insert saved and
// restored registers around a probe of one or two slots: ~1.9K instructions of a warm consultation's
// ~110 new facts. Inlining table_erase measured neither better nor worse (the rollback's facts).
[[gnu::always_inline]] inline void WorkingMemory::table_insert(FactRec* f) {
    if ((live_ + 1) * 4 > table_.size() * 3) {
        std::vector<Slot> old = std::move(table_);
        table_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        mask_ = table_.size() - 1;
        for (const Slot& s : old)
            if (s.fact) {
                std::size_t i = home(s.hash);
                while (table_[i].fact) i = (i + 1) & mask_;
                table_[i] = s;
            }
    }
    std::size_t i = home(f->hash);
    while (table_[i].fact) i = (i + 1) & mask_;
    table_[i] = Slot{f->hash, f};
}

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

FactRec* WorkingMemory::find_equal(TemplateId tmpl, const std::vector<Value>& slots, std::size_t hash) const {
    if (table_.empty()) return nullptr;
    for (std::size_t i = home(hash); table_[i].fact; i = (i + 1) & mask_) {
        if (table_[i].hash != hash) continue;
        const Fact& f = table_[i].fact->fact;
        // Kinds must agree too: 1 and 1.0 join alike, but are different facts to keep.
        if (f.tmpl != tmpl || f.slots.size() != slots.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < slots.size() && same; ++i)
            same = f.slots[i].kind() == slots[i].kind() && f.slots[i] == slots[i];
        if (same) return table_[i].fact;
    }
    return nullptr;
}

FactRec* WorkingMemory::insert(TemplateId tmpl, std::vector<Value>&& slots, std::size_t hash) {
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
    table_insert(f);
    ++live_;
    return f;
}

void WorkingMemory::erase(FactRec* f) {
    table_erase(f);
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

const WorkingMemory::Archived* WorkingMemory::archived(FactId id) const {
    auto it = archive_map_.find(id);
    return it == archive_map_.end() ? nullptr : &it->second;
}

void WorkingMemory::rewind(FactId next) {
    if (!archive_map_.empty())
        for (FactId id = next; id < next_id_; ++id) archive_map_.erase(id);
    by_id_.resize(next);
    next_id_ = next;
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
