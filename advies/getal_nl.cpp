// SPDX-License-Identifier: EUPL-1.2
#include "advies/getal_nl.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

namespace ww::advies {

namespace {

// x * 10^decimalen rounded to an integer as std::to_chars rounds the exact binary value (to nearest,
// ties to even), for 0-4 decimals and a product below 2^52; false otherwise. The product y is exact
// up to its rounding error, which fma gives exactly; below 2^52 the fraction of y and 0.5 are both
// multiples of y's ulp, larger than that error, so only an apparent tie needs the error's sign.
bool vast_geheel(double a, int decimalen, std::uint64_t& k) {
    static constexpr double macht[] = {1, 10, 100, 1000, 10000};
    if (decimalen < 0 || decimalen > 4 || !(a >= 0)) return false;
    const double m = macht[decimalen];
    const double y = a * m;
    if (!(y < 4503599627370496.0)) return false;
    const double fout = std::fma(a, m, -y);
    const double grond = std::floor(y);
    const double rest = y - grond;
    k = static_cast<std::uint64_t>(grond);
    if (rest > 0.5 || (rest == 0.5 && (fout > 0 || (fout == 0 && k % 2 == 1)))) ++k;
    return true;
}

}  // namespace

char* vast_in(char* uit, double x, int decimalen) {
    std::uint64_t k = 0;
    if (!vast_geheel(std::fabs(x), decimalen, k)) return nullptr;
    // The integer, then its last `decimalen` digits after the point; to_chars writes a minus for
    // every negative x, also one that rounds to zero ("-0.0"). At most 16 digits, a point and a sign.
    char buf[32];
    char* eind = buf + sizeof buf;
    char* p = eind;
    for (int i = 0; i < decimalen; ++i, k /= 10) *--p = static_cast<char>('0' + k % 10);
    if (decimalen > 0) *--p = '.';
    do {
        *--p = static_cast<char>('0' + k % 10);
        k /= 10;
    } while (k != 0);
    if (std::signbit(x)) *--p = '-';
    const auto lengte = static_cast<std::size_t>(eind - p);
    std::memcpy(uit, p, lengte);
    return uit + lengte;
}

std::string vast(double x, int decimalen) {
    char kort[32];
    if (const char* eind = vast_in(kort, x, decimalen)) return std::string(kort, static_cast<std::size_t>(eind - kort));
    char buf[128];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimalen);
    // Only a number past 1e100 or so needs more room; it is no percentage or coordinate.
    if (r.ec != std::errc()) return fmt::format("{:.{}f}", x, decimalen);
    return std::string(buf, r.ptr);
}

char* geheel_nl_in(char* uit, long long n) {
    // The digits from the right into a buffer, with a point after every third that has more before it.
    char cijfers[27];
    char* eind = cijfers + sizeof cijfers;
    char* p = eind;
    auto rest = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    int in_groep = 0;
    do {
        if (in_groep == 3) {
            *--p = '.';
            in_groep = 0;
        }
        *--p = static_cast<char>('0' + rest % 10);
        rest /= 10;
        ++in_groep;
    } while (rest != 0);
    if (n < 0) *--p = '-';
    const auto lengte = static_cast<std::size_t>(eind - p);
    std::memcpy(uit, p, lengte);
    return uit + lengte;
}

namespace {

// What getal_nl makes of the text vast wrote: trailing zeros of the decimals and a bare point dropped,
// "-0" as "0", a decimal comma, and a point between each group of three digits when there are more
// than three. Written at `uit`, which has room for twice the length of `v`; returns the end.
char* nl_in(char* uit, std::string_view v) {
    if (v.find('.') != std::string_view::npos) {
        while (v.back() == '0') v.remove_suffix(1);
        if (v.back() == '.') v.remove_suffix(1);
    }
    if (v == "-0") v = "0";
    const bool negatief = !v.empty() && v[0] == '-';
    const std::size_t begin = negatief ? 1 : 0;
    const std::size_t punt = v.find('.');
    const std::size_t einde_geheel = punt == std::string_view::npos ? v.size() : punt;
    const bool groepen = einde_geheel - begin > 3;
    char* p = uit;
    if (negatief) *p++ = '-';
    for (std::size_t i = begin; i < einde_geheel; ++i) {
        if (groepen && i > begin && (einde_geheel - i) % 3 == 0) *p++ = '.';
        *p++ = v[i];
    }
    if (punt != std::string_view::npos) {
        *p++ = ',';
        const std::string_view decimalen = v.substr(punt + 1);
        std::memcpy(p, decimalen.data(), decimalen.size());
        p += decimalen.size();
    }
    return p;
}

}  // namespace

// The usual number (a percentage, a margin) is rewritten on the stack and becomes a string once; it
// took a string from vast, searches and pops on it, and a second string for the groups of three.
std::string getal_nl(double x, int decimalen) {
    if (!std::isfinite(x)) return "?";
    char vast_tekst[32];
    if (const char* eind = vast_in(vast_tekst, x, decimalen)) {
        char uit[64];
        const char* uit_eind = nl_in(uit, std::string_view(vast_tekst, static_cast<std::size_t>(eind - vast_tekst)));
        return std::string(uit, static_cast<std::size_t>(uit_eind - uit));
    }
    const std::string v = vast(x, decimalen);
    std::string uit(2 * v.size(), '\0');
    uit.resize(static_cast<std::size_t>(nl_in(uit.data(), v) - uit.data()));
    return uit;
}

std::optional<char> duizendtalscheiding(std::string_view s) {
    const auto eerste = s.find_first_of(". ,");
    if (eerste == 0 || eerste == std::string_view::npos || eerste > 3) return std::nullopt;
    const char scheiding = s[eerste];
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool hoort_scheiding = i >= eerste && (i - eerste) % 4 == 0;
        if (hoort_scheiding ? s[i] != scheiding : (s[i] < '0' || s[i] > '9')) return std::nullopt;
    }
    if ((s.size() - eerste) % 4 != 0) return std::nullopt;
    return scheiding;
}

}  // namespace ww::advies
