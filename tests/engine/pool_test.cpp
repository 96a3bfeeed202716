// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

#include "engine/pool.hpp"

using namespace ww;

namespace {

struct Obj {
    explicit Obj(std::uint64_t v) : value(v) {}
    std::uint64_t value;
    unsigned char padding[120] = {};
};

}  // namespace

// Past its threshold a pool takes 2 MiB chunks from mmap instead of the heap: objects from both kinds
// of chunk keep their values, are distinct, and freed slots are handed out again.
TEST(Pool, GrowsPastHugeChunksAndReusesSlots) {
    Pool<Obj> pool;
    const std::size_t n = 200'000;  // ~26 MB: past the 16 MB of heap chunks
    std::vector<Obj*> objs;
    objs.reserve(n);
    for (std::size_t i = 0; i < n; ++i) objs.push_back(pool.make(i));
    EXPECT_EQ(pool.live(), n);
    EXPECT_EQ(std::set<Obj*>(objs.begin(), objs.end()).size(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(objs[i]->value, i) << i;
    for (std::size_t i = 0; i < n; i += 2) pool.destroy(objs[i]);
    EXPECT_EQ(pool.live(), n / 2);
    std::set<Obj*> freed;
    for (std::size_t i = 0; i < n; i += 2) freed.insert(objs[i]);
    for (std::size_t i = 0; i < n; i += 2) {
        Obj* o = pool.make(n + i);
        EXPECT_TRUE(freed.count(o)) << i;  // a freed slot, not a new one
        objs[i] = o;
    }
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(objs[i]->value, i % 2 == 0 ? n + i : i) << i;
}
