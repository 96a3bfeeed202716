// SPDX-License-Identifier: EUPL-1.2
// Text in HTML. Everything the report shows that came from a profile (the gemeente's name, wijken,
// groups, action names, message topics) or from a knowledge base passes through here: it can never
// become markup, and the report stays well-formed (as HTML and as XML) whatever it holds.
#pragma once

#include <string>
#include <string_view>

namespace ww::advies {

// Appends `tekst` with & < > " ' as character references; control characters (other than tab and
// newline), DEL and bytes that are not UTF-8 become U+FFFD, which a reader sees as "something was
// here" rather than a terminal or parser acting on it. Fit for element content and quoted attributes.
void html_tekst(std::string& uit, std::string_view tekst);
std::string html_tekst(std::string_view tekst);

}  // namespace ww::advies
