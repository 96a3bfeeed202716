// SPDX-License-Identifier: EUPL-1.2
#include "advies/adviesgroep.hpp"

#include <array>
#include <cstddef>

namespace ww::advies {

namespace {

// The texts of one group: its word in the JSON and its heading in the human formats.
struct Groepstekst {
    Adviesgroep groep;
    std::string_view woord;
    std::string_view kop;
};

// One row per group, in the order of Adviesgroep, so that a group's value is its row. The texts are
// literals: each view ends on a zero byte, which the C API (wegwijzer_groep_naam) relies on.
constexpr std::array<Groepstekst, 3> groepsteksten{{
    {Adviesgroep::nu_doen, "nu_doen", "Nu doen"},
    {Adviesgroep::waarschuwingen, "waarschuwingen", "Waarschuwingen"},
    {Adviesgroep::verder, "verder", "Verder"},
}};
static_assert([] {
    for (std::size_t i = 0; i < groepsteksten.size(); ++i)
        if (static_cast<std::size_t>(groepsteksten[i].groep) != i) return false;
    return true;
}());

// A value outside the enum (only a cast makes one) gets the row of Verder, never a read past the table.
const Groepstekst& teksten_van(Adviesgroep groep) {
    const auto i = static_cast<std::size_t>(groep);
    return i < groepsteksten.size() ? groepsteksten[i] : groepsteksten.back();
}

}  // namespace

std::string_view naam_van(Adviesgroep groep) { return teksten_van(groep).woord; }

std::string_view kop_van(Adviesgroep groep) { return teksten_van(groep).kop; }

}  // namespace ww::advies
