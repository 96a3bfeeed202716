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

// Room html_tekst_in may write into for a text of `n` bytes: six per byte (`&quot;`), and sixteen more,
// because it copies sixteen bytes at a time and only then looks at what they hold.
constexpr std::size_t html_tekst_ruimte(std::size_t n) { return 6 * n + 16; }

// The same escaping written at `uit`, which has html_tekst_ruimte(tekst.size()) bytes of room; returns
// the end of what it wrote. For a writer that keeps its own buffer (Uitbuffer): no reserve or append
// per piece.
char* html_tekst_in(char* uit, std::string_view tekst);

}  // namespace ww::advies
