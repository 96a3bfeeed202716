// SPDX-License-Identifier: EUPL-1.2
// Sixteen bytes of a text at once, for the loops that copy long runs of ordinary characters (JSON and
// HTML output): GCC's and Clang's vector extensions, compiled to SSE2 on x86-64 and to NEON on arm64,
// about ten instructions where a loop over the bytes takes some eighty. A comparison gives every
// byte that matches all ones; `geen` says whether no byte did.
#pragma once

#include <cstdint>
#include <cstring>

namespace ww::advies {

// Signed: a byte from 0x80 on is below 0x20 too, so one comparison finds controls and non-ASCII.
using Bytes16 = signed char __attribute__((vector_size(16)));

inline Bytes16 laad16(const char* p) {
    Bytes16 x;
    std::memcpy(&x, p, sizeof x);
    return x;
}

inline bool geen(Bytes16 treffers) {
    std::uint64_t helften[2];
    std::memcpy(helften, &treffers, sizeof helften);
    return (helften[0] | helften[1]) == 0;
}

}  // namespace ww::advies
