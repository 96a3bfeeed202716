// SPDX-License-Identifier: EUPL-1.2
// A free-list allocator for the network's many small, equally sized objects (tokens, activations,
// alpha memory entries). Matching creates and destroys them by the million; going through the general
// heap for each would dominate the profile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace ww {

// Memory for the chunks of a pool that has grown large: 2 MiB regions, aligned so that the kernel can
// back each with one transparent huge page (madvise; Debian's default). A run with hundreds of
// megabytes of tokens (CLIPS's sudoku in its stress mode: 200 MB) otherwise takes a page fault per
// 4 KiB and a TLB miss on nearly every token it visits; with huge pages both nearly vanish. Small
// pools (a consultation, a test) never get here and keep their memory in 4 KiB pages.
namespace huge_chunk {
inline constexpr std::size_t kBytes = std::size_t{2} << 20;
// A region of kBytes aligned to kBytes, or null (the caller then takes the ordinary heap).
inline void* allocate() {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    void* p = ::mmap(nullptr, 2 * kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    auto* raw = static_cast<unsigned char*>(p);
    auto* aligned = reinterpret_cast<unsigned char*>((reinterpret_cast<std::uintptr_t>(raw) + kBytes - 1) & ~(kBytes - 1));
    if (aligned != raw) ::munmap(raw, static_cast<std::size_t>(aligned - raw));
    if (aligned + kBytes != raw + 2 * kBytes) ::munmap(aligned + kBytes, static_cast<std::size_t>(raw + 2 * kBytes - (aligned + kBytes)));
    ::madvise(aligned, kBytes, MADV_HUGEPAGE);
    return aligned;
#else
    return nullptr;
#endif
}
inline void release(void* p) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    ::munmap(p, kBytes);
#else
    (void)p;
#endif
}
}  // namespace huge_chunk

template <class T>
class Pool {
public:
    Pool() = default;
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;
    ~Pool() {
        for (Slot* chunk : chunks_) ::operator delete(chunk, std::align_val_t(alignof(Slot)));
        for (void* chunk : huge_chunks_) huge_chunk::release(chunk);
    }

    // Inlined: a token is made per partial match, and the call cost a sixth of making one.
    template <class... A>
    [[gnu::always_inline]] T* make(A&&... args) {
        Slot* s = free_;
        if (s) {
            free_ = s->next;
        } else {
            if (fresh_ == fresh_end_) grow();
            s = fresh_++;
        }
        ++live_;
        return ::new (static_cast<void*>(s)) T(std::forward<A>(args)...);
    }

    void destroy(T* p) {
        p->~T();
        Slot* s = reinterpret_cast<Slot*>(p);
        s->next = free_;
        free_ = s;
        --live_;
    }

    std::size_t live() const { return live_; }
    // Pools that hold one kind of object in several sizes (tokens by their number of index links)
    // count their heap together, so that together they turn to huge chunks past kHugeAfter.
    void share_heap_count(std::size_t* bytes) { heap_bytes_ = bytes; }

private:
    union Slot {
        Slot* next;
        alignas(T) unsigned char storage[sizeof(T)];
    };

    // A new chunk's slots are handed out in order as they are needed, not threaded onto the free list
    // up front: threading writes every slot, so each page of the chunk became resident at once, even
    // pages never used (peak RSS, and page faults at ~1.4 us each are a sixth of a Waltz run).
    // Past kHugeAfter bytes the pool is a big one: from then on its chunks are huge ones. Not sooner:
    // a huge page is resident whole once touched, and a run of 20 MB (Manners 128) would grow by a
    // few of them.
    void grow() {
        if (*heap_bytes_ >= kHugeAfter) {
            if (void* p = huge_chunk::allocate()) {
                huge_chunks_.push_back(p);
                fresh_ = static_cast<Slot*>(p);
                fresh_end_ = fresh_ + huge_chunk::kBytes / sizeof(Slot);
                return;
            }
        }
        std::size_t n = chunk_size_;
        if (chunk_size_ < 2048) chunk_size_ *= 2;
        Slot* chunk = static_cast<Slot*>(::operator new(n * sizeof(Slot), std::align_val_t(alignof(Slot))));
        chunks_.push_back(chunk);
        *heap_bytes_ += n * sizeof(Slot);
        fresh_ = chunk;
        fresh_end_ = chunk + n;
    }
    static constexpr std::size_t kHugeAfter = std::size_t{16} << 20;

    std::vector<Slot*> chunks_;
    std::vector<void*> huge_chunks_;
    std::size_t own_heap_bytes_ = 0;
    std::size_t* heap_bytes_ = &own_heap_bytes_;  // in chunks_ (of this pool or of all sharing it)
    Slot* free_ = nullptr;
    Slot* fresh_ = nullptr;      // the newest chunk's slots never handed out: [fresh_, fresh_end_)
    Slot* fresh_end_ = nullptr;
    std::size_t chunk_size_ = 256;
    std::size_t live_ = 0;
};

}  // namespace ww
