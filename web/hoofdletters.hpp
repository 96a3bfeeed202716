// SPDX-License-Identifier: EUPL-1.2
// Comparing names and words of the protocol without the case of their letters: header names (RFC 9110,
// 5.1), media types (8.3.1), transfer and content codings (7.6.2, 8.4.1), and the yes and no of a query
// parameter. Only ASCII letters have a case there; every other byte compares as it is.
#pragma once

#include <cstddef>
#include <string_view>

namespace ww::web {

// Whether `a` and `b` are equal but for the case of ASCII letters ("Content-Length", "content-length").
// In place, lengths first: cpp-httplib's header maps compare through ::tolower, a libc call per
// character (some 800 instructions per lookup, several per request), and a lower-case copy would be an
// allocation for anything longer than a short string. Equal bytes (nearly all of them: a name is
// mostly written as the protocol writes it) cost one comparison; two bytes are the same letter when
// they differ in the case bit only (0x20) and that bit set gives a lower-case letter.
inline bool gelijk_op_hoofdletters_na(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (x == y) continue;
        const auto klein = static_cast<unsigned char>(x | 0x20);
        if ((x ^ y) != 0x20 || klein < 'a' || klein > 'z') return false;
    }
    return true;
}

}  // namespace ww::web
