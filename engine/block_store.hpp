// SPDX-License-Identifier: EUPL-1.2
// Small blocks kept per thread for reuse (BlockStore in engine/value.cpp): what a warm consultation
// makes and a rollback frees by the dozen (lists, counted texts, the terms of a `collect`) comes
// back from the thread's store instead of operator new and delete.
#pragma once

#include <cstddef>

namespace ww {

// At least `bytes`, aligned as operator new aligns; given back with the same `bytes`.
void* take_block(std::size_t bytes);
void give_block(void* p, std::size_t bytes) noexcept;

// For a container whose buffers come and go with the tokens of a consultation.
template <class T>
struct BlockAllocator {
    using value_type = T;
    BlockAllocator() = default;
    template <class U>
    BlockAllocator(const BlockAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(take_block(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { give_block(p, n * sizeof(T)); }
    friend bool operator==(const BlockAllocator&, const BlockAllocator&) { return true; }
};

}  // namespace ww
