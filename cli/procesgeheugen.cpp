// SPDX-License-Identifier: EUPL-1.2
// operator new and delete of the program `wegwijzer`: small blocks come from one region that only
// grows (a pointer moved up), and giving them back does nothing.
//
// Why: a cold `wegwijzer advies` is a short process that makes some 27.000 allocations (the
// knowledge base's image read into rules and expressions, the Rete network built from them, the
// consultation) and frees a third of them; glibc's malloc spent about 150 instructions on each
// fresh block, a quarter of the whole process (docs/prestaties.md, "Koud"). From the region a block
// costs a few instructions, and nothing is kept per block.
//
// What it costs: memory given back is not reused. That is bounded: the region is 32 MB of address
// space, touched page by page as it fills (a cold advies uses about 4 MB of it); once it is full, and
// for every block above 64 kB (the file buffers, large vectors), operator new takes malloc's memory
// as usual, and operator delete tells the two apart by address. A long session (`vraaggesprek`,
// `test`) therefore ends up on malloc. Not under the sanitizers (CMake leaves this file out), whose
// own operator new is what finds the errors; leak checkers see the region as one mapping.
// The aligned forms (align_val_t) are libstdc++'s, on aligned_alloc and free, untouched.
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t gebied_grootte = std::size_t{32} << 20;
constexpr std::size_t grootste_blok = std::size_t{64} << 10;
constexpr std::size_t uitlijning = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

// Constant-initialized: operator new runs before any dynamic initializer (libstdc++'s own, other
// translation units'). The region is made on the first call, which comes from the static
// initialization (one thread); until then gebied_gevuld is 0, so that call takes the slow path.
constinit std::uintptr_t gebied_begin = 0;
constinit std::uintptr_t gebied_eind = 0;
constinit std::atomic<std::uintptr_t> gebied_top{0};
constinit bool gebied_geprobeerd = false;
// The region's pages are asked for in pieces of 128 kB (MADV_POPULATE_WRITE, one system call) rather
// than one page fault at a time: a fault cost 1.7 us on the machine of docs/prestaties.md, a page in a
// piece 1.0 us, and a cold advies fills some 1.000 pages. Up to gebied_gevuld the pages are there.
constexpr std::size_t stuk = std::size_t{128} << 10;
constinit std::atomic<std::uintptr_t> gebied_gevuld{0};

void maak_gebied() noexcept {
    gebied_geprobeerd = true;
    void* p = mmap(nullptr, gebied_grootte, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return;  // e.g. under ulimit -v: then malloc does everything
    gebied_begin = reinterpret_cast<std::uintptr_t>(p);
    gebied_top.store(gebied_begin, std::memory_order_relaxed);
    gebied_eind = gebied_begin + gebied_grootte;
    gebied_gevuld.store(gebied_begin, std::memory_order_relaxed);
}

// The pages up to `tot` and the rest of its piece. A kernel without MADV_POPULATE_WRITE (before
// Linux 5.14) refuses it; then the pages come by page faults, as from malloc.
void vul_tot(std::uintptr_t tot) noexcept {
    std::uintptr_t gevuld = gebied_gevuld.load(std::memory_order_relaxed);
    while (gevuld < tot) {
        const std::uintptr_t nieuw = std::min(gebied_eind, (tot + stuk - 1) & ~(std::uintptr_t{stuk} - 1));
        if (gebied_gevuld.compare_exchange_weak(gevuld, nieuw, std::memory_order_relaxed)) {
            madvise(reinterpret_cast<void*>(gevuld), nieuw - gevuld, MADV_POPULATE_WRITE);
            return;
        }
    }
}

bool in_gebied(const void* p) noexcept {
    return reinterpret_cast<std::uintptr_t>(p) - gebied_begin < gebied_grootte && gebied_begin != 0;
}

// `p` is the block the fast path took for `m` bytes (0 when the block is too large for the region).
[[gnu::noinline]] void* traag(std::size_t n, std::uintptr_t p, std::size_t m) {
    if (!gebied_geprobeerd) {
        maak_gebied();
        p = gebied_begin != 0 && m <= grootste_blok ? gebied_top.fetch_add(m, std::memory_order_relaxed) : 0;
    }
    if (p != 0 && p >= gebied_begin && p + m <= gebied_eind) {
        vul_tot(p + m);
        return reinterpret_cast<void*>(p);
    }
    for (;;) {
        if (void* q = std::malloc(n == 0 ? 1 : n)) return q;
        std::new_handler h = std::get_new_handler();
        if (h == nullptr) throw std::bad_alloc();
        h();
    }
}

inline void* nieuw(std::size_t n) {
    const std::size_t m = n == 0 ? uitlijning : (n + uitlijning - 1) & ~(uitlijning - 1);
    std::uintptr_t p = 0;
    if (m <= grootste_blok) [[likely]] {
        p = gebied_top.fetch_add(m, std::memory_order_relaxed);
        // Past the end the top keeps moving up harmlessly; from then on every block is malloc's.
        if (p + m <= gebied_gevuld.load(std::memory_order_relaxed)) [[likely]] return reinterpret_cast<void*>(p);
    }
    return traag(n, p, m);
}

void weg(void* p) noexcept {
    if (!in_gebied(p)) std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return nieuw(n); }
void* operator new[](std::size_t n) { return nieuw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return nieuw(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return nieuw(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { weg(p); }
void operator delete[](void* p) noexcept { weg(p); }
void operator delete(void* p, std::size_t) noexcept { weg(p); }
void operator delete[](void* p, std::size_t) noexcept { weg(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { weg(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { weg(p); }
