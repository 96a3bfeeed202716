// SPDX-License-Identifier: EUPL-1.2
#include "advies/getal_nl.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace ww::advies {

std::string vast(double x, int decimalen) {
    char buf[128];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimalen);
    // Only a number past 1e100 or so needs more room; it is no percentage or coordinate.
    if (r.ec != std::errc()) return fmt::format("{:.{}f}", x, decimalen);
    return std::string(buf, r.ptr);
}

std::string getal_nl(double x, int decimalen) {
    if (!std::isfinite(x)) return "?";
    std::string s = vast(x, decimalen);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    const bool negatief = !s.empty() && s[0] == '-';
    const std::size_t begin = negatief ? 1 : 0;
    std::size_t punt = s.find('.');
    const std::size_t einde_geheel = punt == std::string::npos ? s.size() : punt;
    if (punt != std::string::npos) s[punt] = ',';
    // A point between each group of three digits, from the right, when there are more than three.
    if (einde_geheel - begin > 3) {
        std::string uit = s.substr(0, begin);
        for (std::size_t i = begin; i < einde_geheel; ++i) {
            if (i > begin && (einde_geheel - i) % 3 == 0) uit += '.';
            uit += s[i];
        }
        uit += s.substr(einde_geheel);
        s = std::move(uit);
    }
    return s;
}

}  // namespace ww::advies
