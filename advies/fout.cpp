// SPDX-License-Identifier: EUPL-1.2
#include "advies/fout.hpp"

#include <algorithm>
#include <tuple>

namespace ww::advies {

std::string formatteer(std::vector<Fout> fouten) {
    std::stable_sort(fouten.begin(), fouten.end(), [](const Fout& a, const Fout& b) {
        return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
    });
    std::string uit;
    for (const auto& f : fouten) uit += ww::format(f);
    return uit;
}

}  // namespace ww::advies
