// SPDX-License-Identifier: EUPL-1.2
// A profile written as JSON (what the web app and most tools send), read in one pass into the very
// tree yaml-cpp builds from the same text: the same nodes, tags and positions, so the profile
// reader gives the same advice and the same messages at the same places. yaml-cpp's scanner costs
// some 2,000 instructions per byte, most of an advice request over HTTP (docs/prestaties.md).
//
// Only plain JSON is taken this way. For anything else it returns nothing and yaml-cpp reads the
// text, with its limits and its messages: text that is not JSON or not an object, an escape
// (\n, \u00e9) or a control character in a string, a carriage return without a line feed, a key whose
// colon is on a later line, deep nesting.
#pragma once

#include <optional>
#include <string_view>

#include "rules/yaml_tree.hpp"

namespace ww::advies {

std::optional<YamlDocuments> lees_json_boom(std::string_view tekst);

}  // namespace ww::advies
