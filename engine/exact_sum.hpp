// SPDX-License-Identifier: EUPL-1.2
// The exact sum of floating-point numbers, for `sum` aggregates that follow facts coming and going.
// A running double would drift: (a + b) - b is not always a, so an aggregate updated per fact would
// end somewhere else than one computed afresh, and where depends on the order of the facts. Here the
// sum is one fixed-point integer wide enough for every finite double (from 2^-1074 up to 2^1024, with
// 64 bits to spare for carries): adding and taking away are exact, and the result is rounded once,
// to nearest (ties to even), as if the whole sum had been computed with unbounded precision.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace ww {

__extension__ using Int128 = __int128;

class ExactSum {
public:
    // Finite values only; the caller counts infinities and NaNs itself.
    void add(double d) { accumulate(d, false); }
    void subtract(double d) { accumulate(d, true); }
    // An integer term: exact too, however many 64-bit terms went into it.
    void add_integer(Int128 v) {
        bool negative = v < 0;
        auto mag = negative ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
        add_at(static_cast<std::uint64_t>(mag), kUnitBit, negative);
        add_at(static_cast<std::uint64_t>(mag >> 64), kUnitBit + 64, negative);
    }

    bool is_zero() const {
        for (std::uint64_t l : limbs_)
            if (l) return false;
        return true;
    }

    // The sum rounded to the nearest double; beyond the largest double: infinity. Zero is +0.0.
    double value() const {
        Limbs mag = limbs_;
        bool negative = mag[kLimbs - 1] >> 63;
        if (negative) {
            std::uint64_t carry = 1;
            for (std::uint64_t& l : mag) {
                l = ~l + carry;
                carry = carry && l == 0;
            }
        }
        int top = kLimbs - 1;
        while (top >= 0 && mag[static_cast<std::size_t>(top)] == 0) --top;
        if (top < 0) return 0.0;
        int high = top * 64 + 63 - std::countl_zero(mag[static_cast<std::size_t>(top)]);
        double r;
        if (high <= 52) {
            // Fewer than 54 significant bits at the bottom of the range: exact (subnormal or the
            // smallest normal binade).
            r = std::ldexp(static_cast<double>(bits(mag, 0, high + 1)), -kUnitBit);
        } else {
            int low = high - 52;
            std::uint64_t m = bits(mag, low, 53);
            bool half = bits(mag, low - 1, 1) != 0;
            if (half && (m & 1 || any_below(mag, low - 1))) {
                ++m;
                if (m == std::uint64_t{1} << 53) {
                    m >>= 1;
                    ++low;
                }
            }
            r = std::ldexp(static_cast<double>(m), low - kUnitBit);
        }
        return negative ? -r : r;
    }

    friend bool operator==(const ExactSum&, const ExactSum&) = default;

private:
    // Bit i of the integer stands for 2^(i - 1074); the top bit is the sign (two's complement).
    static constexpr int kUnitBit = 1074;
    static constexpr int kLimbs = 34;  // 2176 bits: doubles reach bit 2097, plus 64 bits of carries
    using Limbs = std::array<std::uint64_t, kLimbs>;

    void accumulate(double d, bool take_away) {
        auto raw = std::bit_cast<std::uint64_t>(d);
        bool negative = (raw >> 63) != take_away;
        int exponent = static_cast<int>((raw >> 52) & 0x7ff);
        std::uint64_t mantissa = raw & ((std::uint64_t{1} << 52) - 1);
        if (exponent == 0x7ff) return;  // not finite: not ours to keep
        if (exponent == 0) {
            add_at(mantissa, 0, negative);  // subnormal: mantissa * 2^-1074
        } else {
            add_at(mantissa | std::uint64_t{1} << 52, exponent - 1, negative);
        }
    }

    // Adds (or subtracts) m * 2^(pos - 1074).
    void add_at(std::uint64_t m, int pos, bool negative) {
        if (m == 0) return;
        auto i = static_cast<std::size_t>(pos / 64);
        int shift = pos % 64;
        std::uint64_t parts[2] = {m << shift, shift ? m >> (64 - shift) : 0};
        std::uint64_t carry = 0;  // a carry when adding, a borrow when subtracting
        for (std::size_t k = 0; i + k < kLimbs; ++k) {
            std::uint64_t p = k < 2 ? parts[k] : 0;
            if (k >= 2 && carry == 0) break;
            std::uint64_t& l = limbs_[i + k];
            if (!negative) {
                std::uint64_t s = l + p;
                std::uint64_t c1 = s < l;
                std::uint64_t s2 = s + carry;
                carry = c1 | (s2 < s);
                l = s2;
            } else {
                std::uint64_t s = l - p;
                std::uint64_t b1 = l < p;
                std::uint64_t s2 = s - carry;
                carry = b1 | (s < carry);
                l = s2;
            }
        }
    }

    // `count` (1..64) bits of `mag` starting at bit `low` (which may be negative: zeros below 0).
    static std::uint64_t bits(const Limbs& mag, int low, int count) {
        if (low < 0) return 0;
        auto i = static_cast<std::size_t>(low / 64);
        int shift = low % 64;
        std::uint64_t w = mag[i] >> shift;
        if (shift && i + 1 < kLimbs) w |= mag[i + 1] << (64 - shift);
        return count == 64 ? w : w & ((std::uint64_t{1} << count) - 1);
    }
    // Whether any bit below bit `pos` is set.
    static bool any_below(const Limbs& mag, int pos) {
        if (pos <= 0) return false;
        auto i = static_cast<std::size_t>(pos / 64);
        for (std::size_t k = 0; k < i; ++k)
            if (mag[k]) return true;
        int shift = pos % 64;
        return shift && (mag[i] & ((std::uint64_t{1} << shift) - 1)) != 0;
    }

    Limbs limbs_{};
};

}  // namespace ww
