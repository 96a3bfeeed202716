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

inline constexpr int kMaxIndexes = 3;

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

// Traits: using Spec; static ListLink<Item>& list(Item*); static IndexLink<Item>& link(Item*, int k);
// static const Value& key(const Item*, const Spec&, Value& scratch);
template <class Item, class Traits>
class IndexedMemory {
public:
    using Spec = typename Traits::Spec;
    struct Bucket {
        Item* head = nullptr;
        Item* tail = nullptr;
        std::uint32_t size = 0;
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
            else b->tail = x.prev;
            --b->size;
            x = {};
        }
    }

    // First item whose key under index k equals `key`, or null.
    Item* bucket_head(int k, const Value& key) const {
        const auto& map = indexes_[static_cast<std::size_t>(k)].buckets;
        auto found = map.find(key);
        return found == map.end() ? nullptr : found->second.head;
    }
    static Item* bucket_next(Item* it, int k) { return Traits::link(it, k).next; }

private:
    struct Index {
        Spec spec;
        std::unordered_map<Value, Bucket, ValueHash> buckets;
    };

    void link_into(Item* it, int k) {
        Index& index = indexes_[static_cast<std::size_t>(k)];
        Value scratch;
        const Value& key = Traits::key(it, index.spec, scratch);
        Bucket& b = index.buckets[key];
        auto& x = Traits::link(it, k);
        x.bucket = &b;
        x.prev = b.tail;
        x.next = nullptr;
        if (b.tail) Traits::link(b.tail, k).next = it;
        else b.head = it;
        b.tail = it;
        ++b.size;
    }

    Item* head_ = nullptr;
    Item* tail_ = nullptr;
    std::size_t size_ = 0;
    std::vector<Index> indexes_;
};

}  // namespace ww
