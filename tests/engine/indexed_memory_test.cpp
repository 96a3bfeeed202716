// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "engine/indexed_memory.hpp"

using namespace ww;

namespace {

struct Item {
    int value = 0;
    ListLink<Item> list;
    IndexLink<Item> idx[kMaxIndexes];
};

struct Traits {
    using Spec = int;  // divisor: key = value / divisor (several items share a key)
    static ListLink<Item>& list(Item* i) { return i->list; }
    static IndexLink<Item>& link(Item* i, int k) { return i->idx[k]; }
    static std::size_t key(const Item* i, int divisor) { return static_cast<std::size_t>(i->value / divisor); }
};

}  // namespace

TEST(BucketTable, RandomInsertEraseAgreesWithModel) {
    std::mt19937 rng(5);
    BucketTable<Item> table;
    std::map<std::size_t, Item*> model;
    std::vector<Item> storage(4096);
    for (int round = 0; round < 200000; ++round) {
        // Keys collide on purpose: few distinct low bits, many equal homes.
        std::size_t key = (rng() % 300) << (rng() % 2 ? 0 : 20);
        Item* item = &storage[rng() % storage.size()];
        if (rng() % 2) {
            table.head(key) = item;
            model[key] = item;
        } else if (model.count(key)) {
            table.erase(key);
            model.erase(key);
        }
        if (round % 997 == 0) {
            for (const auto& [k, v] : model) ASSERT_EQ(table.find(k), v) << k;
        }
    }
    for (std::size_t k = 0; k < 300; ++k) EXPECT_EQ(table.find(k), model.count(k) ? model[k] : nullptr);
}

TEST(IndexedMemory, BucketsFollowInsertAndErase) {
    std::vector<Item> items(100);
    IndexedMemory<Item, Traits> mem;
    for (int i = 0; i < 100; ++i) {
        items[static_cast<std::size_t>(i)].value = i;
        if (i < 50) mem.insert(&items[static_cast<std::size_t>(i)]);
    }
    int by10 = mem.add_index(10);  // built over the 50 present
    mem.add_index(7);
    EXPECT_EQ(mem.add_index(10), by10);
    EXPECT_EQ(mem.add_index(3), -1);  // no room: the caller falls back to scanning
    for (int i = 50; i < 100; ++i) mem.insert(&items[static_cast<std::size_t>(i)]);
    for (int i = 0; i < 100; i += 3) mem.erase(&items[static_cast<std::size_t>(i)]);
    EXPECT_EQ(mem.size(), 66u);
    for (std::size_t key = 0; key < 10; ++key) {
        std::vector<int> got;
        for (Item* it = mem.bucket_head(by10, key); it; it = mem.bucket_next(it, by10)) got.push_back(it->value);
        std::sort(got.begin(), got.end());
        std::vector<int> want;
        for (int i = static_cast<int>(key) * 10; i < static_cast<int>(key) * 10 + 10; ++i)
            if (i % 3 != 0) want.push_back(i);
        EXPECT_EQ(got, want) << key;
    }
    int n = 0;
    for (Item* it = mem.head(); it; it = mem.next(it)) ++n;
    EXPECT_EQ(n, 66);
    EXPECT_EQ(mem.bucket_head(by10, 99), nullptr);
}
