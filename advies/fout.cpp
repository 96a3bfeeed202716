#include "advies/fout.hpp"

#include <fmt/format.h>

namespace ww::advies {

std::string formatteer(const Fout& fout) {
    return fmt::format("{}:{}:{}: fout: {}\n", fout.bestand, fout.regel, fout.kolom, fout.melding);
}

std::string formatteer(const std::vector<Fout>& fouten) {
    std::string uit;
    for (const auto& f : fouten) uit += formatteer(f);
    return uit;
}

}  // namespace ww::advies
