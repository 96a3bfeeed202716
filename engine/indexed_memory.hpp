// SPDX-License-Identifier: EUPL-1.2
// A memory of the Rete network (alpha memory, beta memory): an intrusive doubly linked list of items,
// oldest first, plus up to kMaxIndexes hash indexes, each mapping a key to an intrusive bucket, also
// oldest first (CLIPS's order, which the agenda's order between equal activations follows).
// Items carry their own links, so insertion and removal are O(1) and allocate nothing; bucket heads
// sit in a flat open-addressing table.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "engine/value.hpp"

namespace ww {

inline constexpr int kMaxIndexes = 2;

template <class Item>
struct IndexLink {
    Item* prev = nullptr;
    Item* next = nullptr;
    std::size_t key = 0;  // to find the bucket again when this item was its head
};

// Bucket heads by key: open addressing with linear probing and backward-shift deletion, so that
// buckets, which come and go with every fact in busy memories, cost no allocation. A slot is in use
// exactly when its head is set (empty buckets are removed).
template <class Item>
class BucketTable {
public:
    Item* find(std::size_t key) const {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.head) return nullptr;
            if (s.key == key) return s.head;
        }
    }
    // The head for `key`, created empty (null) when absent. Valid until the next insertion.
    Item*& head(std::size_t key) {
        if (used_ + 1 > limit_) grow();
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (!s.head) {
                s.key = key;
                ++used_;
                return s.head;
            }
            if (s.key == key) return s.head;
        }
    }
    struct Slot {
        std::size_t key = 0;
        Item* head = nullptr;
        Item* tail = nullptr;  // buckets of IndexedMemory keep their items oldest first
    };
    // The slot of `key`, created empty when absent. Valid until the next insertion.
    Slot& slot(std::size_t key) {
        if (used_ + 1 > limit_) grow();
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (!s.head) {
                s.key = key;
                s.tail = nullptr;
                ++used_;
                return s;
            }
            if (s.key == key) return s;
        }
    }
    const Slot* find_slot(std::size_t key) const {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.head) return nullptr;
            if (s.key == key) return &s;
        }
    }
    // Removes the bucket of `key` (which must exist), keeping probe chains intact.
    void erase(std::size_t key) {
        std::size_t i = home(key);
        while (slots_[i].key != key || !slots_[i].head) i = (i + 1) & mask_;
        slots_[i].head = nullptr;
        --used_;
        for (std::size_t j = (i + 1) & mask_; slots_[j].head; j = (j + 1) & mask_) {
            std::size_t h = home(slots_[j].key);
            // Move j back to i when its home does not lie cyclically in (i, j].
            bool between = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!between) {
                slots_[i] = slots_[j];
                slots_[j].head = nullptr;
                i = j;
            }
        }
    }

private:
    std::size_t home(std::size_t key) const { return (key * 0x9E3779B97F4A7C15ULL >> 17) & mask_; }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        limit_ = slots_.size() / 4 * 3;
        used_ = 0;
        for (const Slot& s : old)
            if (s.head) slot(s.key) = s;
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t used_ = 0;
    // At most three quarters full: grow before the insertion past it. A member, because the size of
    // slots_ is a division by sizeof(Slot) on every insertion.
    std::size_t limit_ = 0;
};

template <class Item>
struct ListLink {
    Item* prev = nullptr;
    Item* next = nullptr;
};

// Keys are hashes of one or more values (all equality joins of a node at once); a bucket may hold the
// odd colliding item, so users still run their equality tests on what a bucket gives them.
// Traits: using Spec; static ListLink<Item>& list(Item*); static IndexLink<Item>& link(Item*, int k);
// static std::size_t key(const Item*, const Spec&);

inline std::size_t hash_combine(std::size_t h, std::size_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}
template <class Item, class Traits>
class IndexedMemory {
public:
    using Spec = typename Traits::Spec;
    Item* head() const { return head_; }
    Item* tail() const { return tail_; }
    static Item* next(Item* it) { return Traits::list(it).next; }
    static Item* prev(Item* it) { return Traits::list(it).prev; }
    std::size_t size() const { return size_; }
    // Where size() is kept, for a caller that tests many memories without touching their owners.
    const std::size_t* size_at() const { return &size_; }
    std::size_t index_count() const { return index_count_; }

    int find_index(const Spec& spec) const {
        for (std::size_t k = 0; k < indexes_.size(); ++k)
            if (indexes_[k].spec == spec) return static_cast<int>(k);
        return -1;
    }

    // The index for `spec`, built over the items already present; -1 when the memory has no room.
    // By value: a caller that made `spec` for it hands it over without a second copy.
    int add_index(Spec spec) {
        int k = find_index(spec);
        if (k >= 0) return k;
        if (indexes_.size() >= static_cast<std::size_t>(kMaxIndexes)) return -1;
        indexes_.push_back(Index{std::move(spec), {}});
        index_count_ = static_cast<std::uint8_t>(indexes_.size());
        k = static_cast<int>(indexes_.size()) - 1;
        for (Item* it = head_; it; it = next(it)) link_into(it, k);
        return k;
    }

    void insert(Item* it) {
        auto& l = Traits::list(it);
        l.prev = tail_;
        l.next = nullptr;
        if (tail_) Traits::list(tail_).next = it;
        else head_ = it;
        tail_ = it;
        ++size_;
        for (int k = 0; k < index_count_; ++k) link_into(it, k);
    }

    [[gnu::always_inline]] void erase(Item* it) {
        auto& l = Traits::list(it);
        if (l.prev) Traits::list(l.prev).next = l.next;
        else head_ = l.next;
        if (l.next) Traits::list(l.next).prev = l.prev;
        else tail_ = l.prev;
        l.prev = l.next = nullptr;
        --size_;
        for (int k = 0; k < index_count_; ++k) {
            auto& x = Traits::link(it, k);
            if (x.next) Traits::link(x.next, k).prev = x.prev;
            if (x.prev) Traits::link(x.prev, k).next = x.next;
            if (!x.prev || !x.next) {
                // Keys come and go by the million (one per partial seating in Manners): drop empty buckets.
                auto& buckets = indexes_[k].buckets;
                if (!x.prev && !x.next) {
                    buckets.erase(x.key);
                } else {
                    auto& slot = buckets.slot(x.key);
                    if (!x.prev) slot.head = x.next;
                    if (!x.next) slot.tail = x.prev;
                }
            }
            x = {};
        }
    }

    // First item whose key under index k equals `key`, or null.
    Item* bucket_head(int k, std::size_t key) const {
        return indexes_[static_cast<std::size_t>(k)].buckets.find(key);
    }
    static Item* bucket_next(Item* it, int k) { return Traits::link(it, k).next; }
    // Last (newest) item of that bucket, or null; bucket_prev walks back to the oldest.
    Item* bucket_tail(int k, std::size_t key) const {
        const auto* s = indexes_[static_cast<std::size_t>(k)].buckets.find_slot(key);
        return s ? s->tail : nullptr;
    }
    static Item* bucket_prev(Item* it, int k) { return Traits::link(it, k).prev; }

private:
    struct Index {
        Spec spec;
        BucketTable<Item> buckets;
    };

    void link_into(Item* it, int k) {
        Index& index = indexes_[static_cast<std::size_t>(k)];
        std::size_t key = Traits::key(it, index.spec);
        auto& slot = index.buckets.slot(key);
        auto& x = Traits::link(it, k);
        x.key = key;
        x.next = nullptr;
        x.prev = slot.tail;
        if (slot.tail) Traits::link(slot.tail, k).next = it;
        else slot.head = it;
        slot.tail = it;
    }

    Item* head_ = nullptr;
    Item* tail_ = nullptr;
    std::size_t size_ = 0;
    std::vector<Index> indexes_;
    // indexes_.size(), kept: insert and erase loop over the indexes of every token and alpha item, and
    // the vector's size is a division by sizeof(Index) that the loop cannot hoist (link_into writes memory).
    std::uint8_t index_count_ = 0;
};

}  // namespace ww
