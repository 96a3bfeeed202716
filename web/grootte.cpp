// SPDX-License-Identifier: EUPL-1.2
#include "web/grootte.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace ww::web {

std::optional<std::uint64_t> lees_grootte(std::string_view tekst) {
    std::size_t i = 0;
    std::uint64_t getal = 0;
    constexpr std::uint64_t grens = std::uint64_t{1} << 40;
    while (i < tekst.size() && std::isdigit(static_cast<unsigned char>(tekst[i]))) {
        getal = getal * 10 + static_cast<std::uint64_t>(tekst[i] - '0');
        if (getal > grens) return std::nullopt;
        ++i;
    }
    if (i == 0) return std::nullopt;
    while (i < tekst.size() && tekst[i] == ' ') ++i;
    std::string eenheid;
    for (; i < tekst.size(); ++i) eenheid += static_cast<char>(std::tolower(static_cast<unsigned char>(tekst[i])));
    static const std::array<std::pair<std::string_view, std::uint64_t>, 13> eenheden{{
        {"", 1}, {"b", 1},
        {"k", 1000}, {"kb", 1000}, {"kib", 1024},
        {"m", 1000 * 1000}, {"mb", 1000 * 1000}, {"mib", 1024 * 1024},
        {"g", 1000 * 1000 * 1000}, {"gb", 1000 * 1000 * 1000}, {"gib", 1024 * 1024 * 1024},
        {"ki", 1024}, {"mi", 1024 * 1024},
    }};
    for (const auto& [naam, factor] : eenheden) {
        if (eenheid != naam) continue;
        if (getal > grens / factor) return std::nullopt;
        return getal * factor;
    }
    return std::nullopt;
}

std::string grootte_tekst(std::uint64_t bytes) {
    static const std::array<std::pair<std::string_view, std::uint64_t>, 6> eenheden{{
        {"GiB", std::uint64_t{1} << 30}, {"GB", 1000 * 1000 * 1000}, {"MiB", 1024 * 1024},
        {"MB", 1000 * 1000}, {"KiB", 1024}, {"kB", 1000},
    }};
    for (const auto& [naam, factor] : eenheden)
        if (bytes >= factor && bytes % factor == 0) return std::to_string(bytes / factor) + " " + std::string(naam);
    std::string cijfers = std::to_string(bytes), uit;
    for (std::size_t i = 0; i < cijfers.size(); ++i) {
        if (i > 0 && (cijfers.size() - i) % 3 == 0) uit += '.';
        uit += cijfers[i];
    }
    return uit + (bytes == 1 ? " byte" : " bytes");
}

}  // namespace ww::web
