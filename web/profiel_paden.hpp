// SPDX-License-Identifier: EUPL-1.2
// The path in the profile (`gemeente.inwoners`, `metingen[2].jaar`) at a position of a request body,
// for the `pad` of an error: a client that built the body from its own form knows which field to mark.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ww::web {

class ProfielPaden {
public:
    // Parses `tekst` as the profile reader does; a body that is no YAML has no paths.
    explicit ProfielPaden(std::string_view tekst);

    // The path of the node at `regel`:`kolom` (1-based, columns in characters as messages count them);
    // "" when no node starts there. Where a map and its first key start at the same place, the key's
    // path, unless `melding` names the map's path in quotes ('gemeente' ontbreekt...). A message that a
    // key is missing ('metingen[2].waarde' ontbreekt, sectie 'gemeente' ontbreekt), said at the map that
    // should hold it, gets the missing key's path: the field a client should fill in.
    std::string pad(int regel, int kolom, std::string_view melding) const;

private:
    // By position, every path starting there, outermost first.
    std::map<std::pair<int, int>, std::vector<std::string>> paden_;
    // Where a document's root starts: its path is "", which paden_ does not hold.
    std::set<std::pair<int, int>> wortels_;
};

}  // namespace ww::web
