// SPDX-License-Identifier: EUPL-1.2
#include "advies/adviesgroep.hpp"

namespace ww::advies {

std::string_view naam_van(Adviesgroep groep) {
    switch (groep) {
        case Adviesgroep::nu_doen: return "nu_doen";
        case Adviesgroep::waarschuwingen: return "waarschuwingen";
        case Adviesgroep::verder: break;
    }
    return "verder";
}

std::string_view kop_van(Adviesgroep groep) {
    switch (groep) {
        case Adviesgroep::nu_doen: return "Nu doen";
        case Adviesgroep::waarschuwingen: return "Waarschuwingen";
        case Adviesgroep::verder: break;
    }
    return "Verder";
}

}  // namespace ww::advies
