// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer sjabloon`: an empty gemeenteprofiel to fill in. Only gemeente.naam is active; every
// other field is commented out ("# veld: waarde"), so that nothing counts until the user removes the
// "# " in front of it. Lines with "##" explain.
#pragma once

#include <string_view>

namespace ww::advies {

std::string_view profiel_sjabloon();

}  // namespace ww::advies
