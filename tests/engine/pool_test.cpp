// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

#include "engine/pool.hpp"
#include "engine/token.hpp"

using namespace ww;

namespace {

struct Obj {
    explicit Obj(std::uint64_t v) : value(v) {}
    std::uint64_t value;
    unsigned char padding[120] = {};
};

// A size that divides neither a big chunk's segment (256 KiB) nor the chunk: a slot straddles each
// segment's end.
struct Odd {
    explicit Odd(std::uint64_t v) : value(v) { padding[0] = static_cast<unsigned char>(v); }
    std::uint64_t value;
    unsigned char padding[64] = {};
};
static_assert(sizeof(Odd) == 72);

}  // namespace

// Past its threshold a pool takes 2 MiB chunks from mmap instead of the heap: objects from both kinds
// of chunk keep their values, are distinct, and freed slots are handed out again.
TEST(Pool, GrowsPastBigChunksAndReusesSlots) {
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

// A big chunk is made resident a segment at a time: the slots that cross a segment's end, and the
// last ones of a chunk, hold their objects like any other, and a chunk's slots follow each other.
TEST(Pool, SlotsAcrossSegmentsOfABigChunk) {
    Pool<Odd> pool;
    const std::size_t n = 600'000;  // ~43 MB: 16 MB of heap chunks, then some 13 big chunks
    std::vector<Odd*> objs;
    objs.reserve(n);
    for (std::size_t i = 0; i < n; ++i) objs.push_back(pool.make(i));
    std::size_t adjacent = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ASSERT_EQ(objs[i]->value, i) << i;
        ASSERT_EQ(objs[i]->padding[0], static_cast<unsigned char>(i)) << i;
        if (i > 0 && reinterpret_cast<std::uintptr_t>(objs[i]) == reinterpret_cast<std::uintptr_t>(objs[i - 1]) + sizeof(Odd))
            ++adjacent;
    }
    // Within a chunk, one slot after the other: only a new chunk breaks the run (~115 heap chunks of
    // at most 2,048 slots, ~14 big ones), never a segment.
    EXPECT_GT(adjacent, n - 200);
    for (Odd* o : objs) pool.destroy(o);
    EXPECT_EQ(pool.live(), 0u);
}

// out_links looks for a token's index links at sizeof of its type. A type with tail padding (aligned
// to 16 like AggregateToken, with fewer bytes in its last 16) would get them in that padding unless
// TokenStorage aligns them: then out_links read and wrote past them.
namespace {
struct TailPadded : Token {
    alignas(16) unsigned char wide[16];
    unsigned char tail[8];
};
template <class S>
std::ptrdiff_t links_at(S& s) {
    return reinterpret_cast<unsigned char*>(&s.links[0]) - reinterpret_cast<unsigned char*>(&s);
}
}  // namespace

TEST(TokenStorage, IndexLinksStartAtTheSizeOfTheToken) {
    TokenStorage<TailPadded, 1> padded;
    EXPECT_EQ(links_at(padded), static_cast<std::ptrdiff_t>(sizeof(TailPadded)));
    TokenStorage<Token, 1> plain;
    TokenStorage<GroupToken, 2> group;
    TokenStorage<AggregateToken, 1> one;
    TokenStorage<AggregateToken, 2> two;
    group.kind = TokenKind::group;
    one.kind = two.kind = TokenKind::aggregate;
    EXPECT_EQ(static_cast<void*>(out_links(&plain)), static_cast<void*>(&plain.links[0]));
    EXPECT_EQ(static_cast<void*>(out_links(&group)), static_cast<void*>(&group.links[0]));
    EXPECT_EQ(static_cast<void*>(out_links(&one)), static_cast<void*>(&one.links[0]));
    EXPECT_EQ(static_cast<void*>(out_links(&two)), static_cast<void*>(&two.links[0]));
}
