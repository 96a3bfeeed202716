// SPDX-License-Identifier: EUPL-1.2
// Where in a profile's tree a place in its text is, read from the text alone: a syntax error has no
// tree to ask, and a client that marks the field to fix (the web app, docs/dienst.md) still wants to
// know which one it is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ww::advies {

// The path (as Fout::path: `gemeente.naam`, `metingen[2].waarde`, `analyse.factoren[3]`) of the key
// or list element byte `pos` of `tekst` is in, from the block indentation and the flow brackets
// before it: the innermost key whose colon comes before `pos`. "" where the text does not tell: at
// the top level, after a tab in the indentation or a second document, with brackets that do not match.
std::string pad_bij_positie(std::string_view tekst, std::size_t pos);

}  // namespace ww::advies
