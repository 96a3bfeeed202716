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

// Memory for the chunks of a pool that has grown large: regions of 2 MiB straight from the kernel,
// in ordinary 4 KiB pages, made resident a segment of 256 KiB at a time (MADV_POPULATE_WRITE) as the
// pool reaches it: one call instead of 64 page faults. A run with a hundred megabytes of tokens
// (CLIPS's sudoku in its stress mode) otherwise takes a fault per 4 KiB page.
//
// Not transparent huge pages (which the pools took before): on a virtual machine that
// hands free memory back to its host (virtio-balloon free page reporting, which reports free blocks
// of 2 MiB and up), a fresh huge page is mostly such a reported block, and its first touch costs the
// host a fault per 4 KiB as well: the system time of the same stress run jumped from 0.02 to 0.3-0.5 s
// depending on the machine's other work. 4 KiB pages come from the guest's partly used blocks first
// and cost the same every run (docs/prestaties.md, the stress mode of CLIPS's sudoku).
namespace big_chunk {
inline constexpr std::size_t kBytes = std::size_t{2} << 20;
inline constexpr std::size_t kSegment = std::size_t{256} << 10;
// A region of kBytes, page aligned and not yet resident, or null (the caller then takes the heap).
inline void* allocate() {
#if defined(__linux__)
    void* p = ::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? nullptr : p;
#else
    return nullptr;
#endif
}
// Makes [p, p + n) resident (page aligned). Only a saving: where the kernel cannot (before Linux
// 5.14), the pages fault in one by one as before.
inline void populate(void* p, std::size_t n) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    ::madvise(p, n, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)n;
#endif
}
inline void release(void* p) {
#if defined(__linux__)
    ::munmap(p, kBytes);
#else
    (void)p;
#endif
}
}  // namespace big_chunk

template <class T>
class Pool {
public:
    Pool() = default;
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;
    ~Pool() {
        for (Slot* chunk : chunks_) ::operator delete(chunk, std::align_val_t(alignof(Slot)));
        for (void* chunk : big_chunks_) big_chunk::release(chunk);
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
        // Without arguments default-initialized, not value-initialized: `T()` of a class whose
        // constructor is implicit zero-fills the whole object first (a `rep stos` over a token and
        // its index links, 12 to 27 words) and then stores the member initializers anyway. Every
        // type made here gives each member an initializer, so the result is the same.
        if constexpr (sizeof...(A) == 0) return ::new (static_cast<void*>(s)) T;
        else return ::new (static_cast<void*>(s)) T(std::forward<A>(args)...);
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
    // count their heap together, so that together they turn to big chunks past kBigAfter.
    void share_heap_count(std::size_t* bytes) { heap_bytes_ = bytes; }

private:
    union Slot {
        Slot* next;
        alignas(T) unsigned char storage[sizeof(T)];
    };

    // A new chunk's slots are handed out in order as they are needed, not threaded onto the free list
    // up front: threading writes every slot, so each page of the chunk became resident at once, even
    // pages never used (peak RSS, and page faults at ~1.4 us each are a sixth of a Waltz run).
    // Past kBigAfter bytes the pool is a big one: from then on its chunks are big ones, made resident
    // a segment at a time (big_chunk). Not sooner: a run of a few megabytes (a consultation, a test)
    // keeps its memory on the ordinary heap.
    void grow() {
        if (big_next_ != big_end_) {  // the next segment of the current big chunk
            unsigned char* const seg_end = big_next_ + big_chunk::kSegment;
            big_chunk::populate(big_next_, big_chunk::kSegment);
            big_next_ = seg_end;
            fresh_end_ = big_slots_ + static_cast<std::size_t>(seg_end - reinterpret_cast<unsigned char*>(big_slots_)) / sizeof(Slot);
            if (fresh_ != fresh_end_) return;
        }
        if (*heap_bytes_ >= kBigAfter) {
            if (void* p = big_chunk::allocate()) {
                big_chunks_.push_back(p);
                big_slots_ = fresh_ = static_cast<Slot*>(p);
                big_next_ = static_cast<unsigned char*>(p);
                big_end_ = big_next_ + big_chunk::kBytes;
                fresh_end_ = fresh_;
                grow();  // its first segment
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
    static constexpr std::size_t kBigAfter = std::size_t{16} << 20;
    static_assert(sizeof(Slot) <= big_chunk::kSegment && big_chunk::kBytes % big_chunk::kSegment == 0);

    std::vector<Slot*> chunks_;
    std::vector<void*> big_chunks_;
    Slot* big_slots_ = nullptr;              // the newest big chunk's first slot
    unsigned char* big_next_ = nullptr;      // its first segment not yet resident
    unsigned char* big_end_ = nullptr;
    std::size_t own_heap_bytes_ = 0;
    std::size_t* heap_bytes_ = &own_heap_bytes_;  // in chunks_ (of this pool or of all sharing it)
    Slot* free_ = nullptr;
    Slot* fresh_ = nullptr;      // the newest chunk's slots never handed out: [fresh_, fresh_end_)
    Slot* fresh_end_ = nullptr;
    std::size_t chunk_size_ = 256;
    std::size_t live_ = 0;
};

}  // namespace ww
