// SPDX-License-Identifier: EUPL-1.2
// Sixteen bytes of a text at once, for the loops that copy long runs of ordinary characters (JSON and
// HTML output): GCC's and Clang's vector extensions, compiled to SSE2 on x86-64 and to NEON on arm64,
// about ten instructions where a loop over the bytes takes some eighty. A comparison gives every
// byte that matches all ones; `eerste` says where the first one is.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ww::advies {

// Signed: a byte from 0x80 on is below 0x20 too, so one comparison finds controls and non-ASCII.
using Bytes16 = signed char __attribute__((vector_size(16)));
// The same bytes as unsigned, for arithmetic that wraps.
using UBytes16 = unsigned char __attribute__((vector_size(16)));

inline Bytes16 laad16(const char* p) {
    Bytes16 x;
    std::memcpy(&x, p, sizeof x);
    return x;
}

// The place of the first byte that matched (0-15), 16 when none did.
inline unsigned eerste(Bytes16 treffers) {
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t helften[2];
        std::memcpy(helften, &treffers, sizeof helften);
        if (helften[0] != 0) return static_cast<unsigned>(std::countr_zero(helften[0])) / 8;
        if (helften[1] != 0) return 8 + static_cast<unsigned>(std::countr_zero(helften[1])) / 8;
        return 16;
    } else {
        for (unsigned i = 0; i < 16; ++i)
            if (treffers[i] != 0) return i;
        return 16;
    }
}

// From `i`, past the ordinary bytes of `s`, sixteen at a time: the place of the first byte that
// `eerste_bijzondere` (the place of the first special byte of sixteen, 16 for none) finds, or the end.
// Fewer than sixteen left: when the last sixteen bytes of `s` are all ordinary, so is the rest, and the
// end is returned; otherwise `i` itself, for the caller's byte-at-a-time path.
template <class Eerste>
std::size_t na_gewone(std::string_view s, std::size_t i, Eerste eerste_bijzondere) {
    while (i + 16 <= s.size()) {
        const unsigned k = eerste_bijzondere(s.data() + i);
        i += k;
        if (k < 16) return i;
    }
    if (i < s.size() && s.size() >= 16 && eerste_bijzondere(s.data() + s.size() - 16) == 16) return s.size();
    return i;
}

}  // namespace ww::advies
