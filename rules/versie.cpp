// SPDX-License-Identifier: EUPL-1.2
#include "rules/versie.hpp"

#include "ww_versie.hpp"

namespace ww {

std::string_view versie() { return WW_PROGRAMMA_VERSIE; }
std::string_view programma_met_versie() { return "wegwijzer " WW_PROGRAMMA_VERSIE; }

}  // namespace ww
