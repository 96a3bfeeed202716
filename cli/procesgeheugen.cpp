// SPDX-License-Identifier: EUPL-1.2
// operator new and delete of the program `wegwijzer`: small blocks come from one region, handed out
// by moving a pointer up, and giving them back does nothing.
//
// Why: a cold `wegwijzer advies` is a short process that makes some 35,000 allocations (the
// knowledge base's image read into rules and expressions, the Rete network built from them, the
// consultation) and frees a third of them; glibc's malloc spent about 150 instructions on each
// fresh block, a quarter of the whole process (docs/prestaties.md, "Koud"). Here a block costs a
// few instructions and no header. Each thread takes pieces of 128 kB from the region (one atomic
// step per piece, none per block) and asks the kernel for a piece's pages in one system call
// (MADV_POPULATE_WRITE) instead of a page fault each: on the machine of docs/prestaties.md a fault
// cost 1.7 us, a page of a piece 1.0 us, and a cold advies fills some 1,300 pages.
//
// What it costs: the region is 32 MB of address space (a cold advies uses some 5 MB of it); once it
// is full, and for every block above 64 kB (the file buffers, large vectors), operator new takes
// malloc's memory as usual, and operator delete tells the two apart by address. Memory given back
// to the region is not reused: a cold advies gives back a third of its blocks, and free lists per
// size saved it 240 kB of its 9.5 MB but cost 0.23 M instructions (2 %). A long session
// (`vraaggesprek`, `test`) ends up on malloc once the region is full. Not under the sanitizers
// (CMake leaves this file out), whose own operator new is what finds the errors. The aligned forms
// (align_val_t) are libstdc++'s, on aligned_alloc and free, untouched.
#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t gebied_grootte = std::size_t{32} << 20;
constexpr std::size_t stuk = std::size_t{128} << 10;
constexpr std::size_t grote_pagina = std::size_t{2} << 20;
constexpr std::size_t grootste_blok = std::size_t{64} << 10;
constexpr std::size_t uitlijning = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

// Constant-initialized: operator new runs before any dynamic initializer (libstdc++'s own, other
// translation units'). The region is made on the first call, which comes from the static
// initialization (one thread).
constinit std::uintptr_t gebied_begin = 0;
constinit std::uintptr_t gebied_eind = 0;
constinit std::atomic<std::uintptr_t> gebied_top{0};
constinit bool gebied_geprobeerd = false;

// Per thread: the piece it hands blocks out of. Zero at the start of a thread, so its first block
// takes the slow path.
struct Draad {
    std::uintptr_t top;
    std::uintptr_t eind;
};
constinit thread_local Draad draad{};

void maak_gebied() noexcept {
    gebied_geprobeerd = true;
    void* p = mmap(nullptr, gebied_grootte + grote_pagina, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return;  // e.g. under ulimit -v: then malloc does everything
    gebied_begin = (reinterpret_cast<std::uintptr_t>(p) + grote_pagina - 1) & ~(std::uintptr_t{grote_pagina} - 1);
    // Where the kernel has transparent huge pages, the first piece of each 2 MB comes as one page
    // of 2 MB: fewer pages to set up and fewer TLB misses (docs/prestaties.md, "Koud"). Refused or
    // without huge pages: 4 kB pages, as before. The engine's pools gave huge pages up (on this
    // virtual machine a new run sometimes paid 0.3-0.6 s of system time for them, with hundreds of
    // MB). A cold advies takes three, and pays for that too: under load about one run in a hundred
    // spends 20-90 ms in the kernel, which 4 kB pages never did in 900 runs; but without them the
    // median run cost 0.6-0.9 ms more CPU time and the mean 0.2-0.6 ms more (docs/prestaties.md,
    // "Koud"), so they stay.
    madvise(reinterpret_cast<void*>(gebied_begin), gebied_grootte, MADV_HUGEPAGE);
    gebied_top.store(gebied_begin, std::memory_order_relaxed);
    gebied_eind = gebied_begin + gebied_grootte;
}

bool in_gebied(const void* p) noexcept {
    return reinterpret_cast<std::uintptr_t>(p) - gebied_begin < gebied_grootte && gebied_begin != 0;
}

constexpr std::size_t rond_af(std::size_t n) noexcept {
    return n == 0 ? uitlijning : (n + uitlijning - 1) & ~(uitlijning - 1);
}

// A new piece for this thread (the rest of the old one is left), or malloc's memory.
[[gnu::noinline]] void* traag(std::size_t n) {
    const std::size_t m = rond_af(n);
    // m is 0 only when rounding up wraps (n near SIZE_MAX): malloc, which refuses it.
    if (m - 1 < grootste_blok) {
        // new(0), which nieuw sends here: its 16 bytes from this thread's piece while it has room.
        if (draad.top + m <= draad.eind) {
            const std::uintptr_t p = draad.top;
            draad.top = p + m;
            return reinterpret_cast<void*>(p);
        }
        if (!gebied_geprobeerd) maak_gebied();
        if (gebied_begin != 0) {
            const std::uintptr_t p = gebied_top.fetch_add(stuk, std::memory_order_relaxed);
            // Past the end the top keeps moving up harmlessly; from then on every block is malloc's.
            if (p + stuk <= gebied_eind) {
                // A kernel without MADV_POPULATE_WRITE (before Linux 5.14) refuses it; then the
                // pages come by page faults, as from malloc.
                madvise(reinterpret_cast<void*>(p), stuk, MADV_POPULATE_WRITE);
                draad.top = p + m;
                draad.eind = p + stuk;
                return reinterpret_cast<void*>(p);
            }
        }
    }
    for (;;) {
        if (void* q = std::malloc(n == 0 ? 1 : n)) return q;
        std::new_handler h = std::get_new_handler();
        if (h == nullptr) throw std::bad_alloc();
        h();
    }
}

// new(0) rounds to 0 here, and m - 1 wraps: one comparison sends it and every block above
// grootste_blok to traag (a test for 0 first was one instruction more on each of the some 36,000
// blocks of a cold advies).
inline void* nieuw(std::size_t n) {
    const std::size_t m = (n + uitlijning - 1) & ~(uitlijning - 1);
    const std::uintptr_t p = draad.top;
    if (m - 1 < grootste_blok && p + m <= draad.eind) [[likely]] {
        draad.top = p + m;
        return reinterpret_cast<void*>(p);
    }
    return traag(n);
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
