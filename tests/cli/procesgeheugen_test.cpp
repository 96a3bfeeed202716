// SPDX-License-Identifier: EUPL-1.2
// cli/procesgeheugen.cpp replaces operator new and delete for the whole program, so what the language
// asks of them must hold at every size, most of all at the edges of its fast path: zero bytes (which
// it rounds up), the largest block a piece serves, the first one beyond (malloc's), a block that does
// not fit in what is left of the thread's piece, and a size that wraps when rounded.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

namespace {

bool uitgelijnd(const void* p) {
    return reinterpret_cast<std::uintptr_t>(p) % __STDCPP_DEFAULT_NEW_ALIGNMENT__ == 0;
}

// A request for zero bytes still gives a pointer of its own, distinct from every other live one
// ([basic.stc.dynamic.allocation]): a fast path that rounds 0 to 0 would hand out one address twice.
TEST(Procesgeheugen, NulBytesIsEenEigenBlok) {
    std::vector<void*> blokken;
    for (int i = 0; i < 64; ++i) blokken.push_back(::operator new(i % 2 == 0 ? 0 : 1));
    blokken.push_back(::operator new[](0));
    blokken.push_back(::operator new(0, std::nothrow));
    for (std::size_t i = 0; i < blokken.size(); ++i) {
        ASSERT_NE(blokken[i], nullptr) << i;
        EXPECT_TRUE(uitgelijnd(blokken[i])) << i;
        for (std::size_t j = 0; j < i; ++j) EXPECT_NE(blokken[i], blokken[j]) << i << " en " << j;
    }
    for (std::size_t i = 0; i + 2 < blokken.size(); ++i) ::operator delete(blokken[i]);
    ::operator delete[](blokken[blokken.size() - 2]);
    ::operator delete(blokken.back());
}

// Blocks of every size around the edges, each filled with a byte of its own: one that overlaps another
// (a size rounded down, a piece handed out twice) shows as a byte that changed.
TEST(Procesgeheugen, BlokkenRondDeGrenzenOverlappenNiet) {
    const std::size_t maten[] = {0,     1,     15,    16,    17,    4096,  65535, 65536, 65537,
                                 60000, 60000, 60000, 60000, 200000, 0,    1,     65536, 100};
    std::vector<std::pair<unsigned char*, std::size_t>> blokken;
    for (int ronde = 0; ronde < 4; ++ronde)
        for (const std::size_t n : maten) {
            auto* p = static_cast<unsigned char*>(::operator new(n));
            ASSERT_NE(p, nullptr);
            EXPECT_TRUE(uitgelijnd(p)) << n;
            std::memset(p, static_cast<int>(blokken.size() % 251 + 1), n);
            blokken.emplace_back(p, n);
        }
    for (std::size_t i = 0; i < blokken.size(); ++i) {
        const auto [p, n] = blokken[i];
        const auto byte = static_cast<unsigned char>(i % 251 + 1);
        for (std::size_t k = 0; k < n; ++k)
            if (p[k] != byte) {
                ADD_FAILURE() << "blok " << i << " van " << n << " bytes overschreven op byte " << k;
                break;
            }
    }
    for (const auto& [p, n] : blokken) ::operator delete(p);
}

// A size so near SIZE_MAX that rounding it up to the alignment wraps to 0 is no block of 0 bytes but
// one that cannot be had: bad_alloc, or nullptr from the nothrow form. (Rounded to 0, it once passed the
// fast path's test and came back as a live pointer to nothing.) Through a volatile, so that the
// compiler does not see the size and warn about it.
TEST(Procesgeheugen, EenMaatDieRondOmslaatIsTeGroot) {
    volatile std::size_t bijna_alles = SIZE_MAX - 3;
    void* eerst = ::operator new(32);  // the thread has a piece, so the fast path is open
    EXPECT_THROW(::operator delete(::operator new(bijna_alles)), std::bad_alloc);
    EXPECT_EQ(::operator new(bijna_alles, std::nothrow), nullptr);
    EXPECT_EQ(::operator new[](bijna_alles, std::nothrow), nullptr);
    ::operator delete(eerst);
}

}  // namespace
