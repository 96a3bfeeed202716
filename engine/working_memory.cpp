#include "engine/working_memory.hpp"

namespace ww {

WorkingMemory::~WorkingMemory() {
    for (FactRec* f : by_id_) delete f;
}

std::size_t WorkingMemory::hash_of(TemplateId tmpl, const std::vector<Value>& slots) {
    std::size_t h = 0xcbf29ce484222325ULL ^ tmpl;
    for (const Value& v : slots) h = (h ^ v.hash()) * 0x100000001b3ULL;
    return h;
}

FactRec* WorkingMemory::find_equal(TemplateId tmpl, const std::vector<Value>& slots, std::size_t hash) const {
    auto [lo, hi] = by_hash_.equal_range(hash);
    for (auto it = lo; it != hi; ++it) {
        const Fact& f = it->second->fact;
        // Kinds must agree too: 1 and 1.0 join alike, but are different facts to keep.
        if (f.tmpl != tmpl || f.slots.size() != slots.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < slots.size() && same; ++i)
            same = f.slots[i].kind() == slots[i].kind() && f.slots[i] == slots[i];
        if (same) return it->second;
    }
    return nullptr;
}

FactRec* WorkingMemory::insert(TemplateId tmpl, std::vector<Value> slots, std::size_t hash) {
    auto* f = new FactRec;
    f->fact.id = next_id_++;
    f->fact.tmpl = tmpl;
    f->fact.slots = std::move(slots);
    f->hash = hash;
    by_id_.push_back(f);
    by_hash_.emplace(hash, f);
    ++live_;
    return f;
}

void WorkingMemory::erase(FactRec* f) {
    auto [lo, hi] = by_hash_.equal_range(f->hash);
    for (auto it = lo; it != hi; ++it)
        if (it->second == f) {
            by_hash_.erase(it);
            break;
        }
    by_id_[f->fact.id] = nullptr;
    --live_;
    if (archive_) archive_map_.emplace(f->fact.id, Archived{std::move(f->fact), f->origin});
    delete f;
}

const WorkingMemory::Archived* WorkingMemory::archived(FactId id) const {
    auto it = archive_map_.find(id);
    return it == archive_map_.end() ? nullptr : &it->second;
}

void WorkingMemory::clear() {
    for (FactRec*& f : by_id_) {
        delete f;
        f = nullptr;
    }
    by_id_.assign(1, nullptr);
    by_hash_.clear();
    archive_map_.clear();
    next_id_ = 1;
    live_ = 0;
}

}  // namespace ww
