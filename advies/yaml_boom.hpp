// SPDX-License-Identifier: EUPL-1.2
// A profile written in plain block YAML (as the examples are: keys, lists with `- `, one-line `{...}`
// and `[...]`, plain and quoted texts, comments), read by a small scanner into the very tree yaml-cpp
// builds from the same text: the same nodes, tags and positions, so the profile reader gives the same
// advice and the same messages at the same places. yaml-cpp's scanner costs some 2,000 instructions
// per byte, the largest part of a cold `wegwijzer advies` after the knowledge base (docs/prestaties.md).
//
// Only what this scanner knows for certain is taken this way. For anything else it returns nothing
// and yaml-cpp reads the text, with its limits and its messages: any syntax error, a tab,
// a carriage return, a control character or text that is not UTF-8, anchors, aliases and tags,
// `---` and directives, block texts (`|`, `>`), a text over more than one line, an escape in a
// double-quoted text, an empty value, a `{...}` or `[...]` over more than one line, deep nesting.
#pragma once

#include <optional>
#include <string_view>

#include "rules/yaml_tree.hpp"

namespace ww::advies {

std::optional<YamlDocuments> lees_yaml_boom(std::string_view tekst);

}  // namespace ww::advies
