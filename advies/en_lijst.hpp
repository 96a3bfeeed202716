// SPDX-License-Identifier: EUPL-1.2
// "a", "a en b", "a, b en c": a Dutch list in a message of the program (the knowledge base's texts
// have the rule language's en_lijst).
#pragma once

#include <string>
#include <vector>

namespace ww::advies {

inline std::string en_lijst(const std::vector<std::string>& woorden) {
    std::string uit;
    for (std::size_t i = 0; i < woorden.size(); ++i) {
        if (i > 0) uit += (i + 1 == woorden.size()) ? " en " : ", ";
        uit += woorden[i];
    }
    return uit;
}

}  // namespace ww::advies
