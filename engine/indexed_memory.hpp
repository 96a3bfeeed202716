// A memory of the Rete network (alpha memory, beta memory): an intrusive doubly linked list of items,
// oldest first, plus up to kMaxIndexes hash indexes, each mapping a key value to an intrusive bucket.
// Items carry their own links, so insertion and removal are O(1) and allocate nothing but the
// occasional new bucket. Buckets live in an unordered_map, whose elements never move, so an item can
// point at its bucket directly.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/value.hpp"

namespace ww {

inline constexpr int kMaxIndexes = 2;

template <class Item>
struct IndexLink {
    Item* prev = nullptr;
    Item* next = nullptr;
    void* bucket = nullptr;
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
    struct Bucket {
        Item* head = nullptr;
        std::size_t key = 0;
    };

    Item* head() const { return head_; }
    static Item* next(Item* it) { return Traits::list(it).next; }
    std::size_t size() const { return size_; }
    std::size_t index_count() const { return indexes_.size(); }

    int find_index(const Spec& spec) const {
        for (std::size_t k = 0; k < indexes_.size(); ++k)
            if (indexes_[k].spec == spec) return static_cast<int>(k);
        return -1;
    }

    // The index for `spec`, built over the items already present; -1 when the memory has no room.
    int add_index(const Spec& spec) {
        int k = find_index(spec);
        if (k >= 0) return k;
        if (indexes_.size() >= static_cast<std::size_t>(kMaxIndexes)) return -1;
        indexes_.push_back(Index{spec, {}});
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
        for (std::size_t k = 0; k < indexes_.size(); ++k) link_into(it, static_cast<int>(k));
    }

    void erase(Item* it) {
        auto& l = Traits::list(it);
        if (l.prev) Traits::list(l.prev).next = l.next;
        else head_ = l.next;
        if (l.next) Traits::list(l.next).prev = l.prev;
        else tail_ = l.prev;
        l.prev = l.next = nullptr;
        --size_;
        for (std::size_t k = 0; k < indexes_.size(); ++k) {
            auto& x = Traits::link(it, static_cast<int>(k));
            Bucket* b = static_cast<Bucket*>(x.bucket);
            if (x.prev) Traits::link(x.prev, static_cast<int>(k)).next = x.next;
            else b->head = x.next;
            if (x.next) Traits::link(x.next, static_cast<int>(k)).prev = x.prev;
            x = {};
            // Keys come and go by the million (one per partial seating in Manners): drop empty buckets.
            if (!b->head) indexes_[k].buckets.erase(b->key);
        }
    }

    // First item whose key under index k equals `key`, or null.
    Item* bucket_head(int k, std::size_t key) const {
        const auto& map = indexes_[static_cast<std::size_t>(k)].buckets;
        auto found = map.find(key);
        return found == map.end() ? nullptr : found->second.head;
    }
    static Item* bucket_next(Item* it, int k) { return Traits::link(it, k).next; }

private:
    struct Index {
        Spec spec;
        std::unordered_map<std::size_t, Bucket> buckets;
    };

    void link_into(Item* it, int k) {
        Index& index = indexes_[static_cast<std::size_t>(k)];
        std::size_t key = Traits::key(it, index.spec);
        Bucket& b = index.buckets[key];
        b.key = key;
        auto& x = Traits::link(it, k);
        x.bucket = &b;
        x.prev = nullptr;
        x.next = b.head;
        if (b.head) Traits::link(b.head, k).prev = it;
        b.head = it;
    }

    Item* head_ = nullptr;
    Item* tail_ = nullptr;
    std::size_t size_ = 0;
    std::vector<Index> indexes_;
};

}  // namespace ww
