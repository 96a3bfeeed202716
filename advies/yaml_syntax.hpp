// SPDX-License-Identifier: EUPL-1.2
// A profile's YAML parsed, or its syntax error in Dutch at the place a person would fix it
// (rules/yaml_syntax_error.hpp), with the field it is in (advies/syntax_pad.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "advies/fout.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::advies {

struct ProfielYaml {
    YamlDocuments documenten;
    std::vector<Fout> fouten;  // one syntax error, or none
};

ProfielYaml lees_profiel_yaml(std::string_view tekst, const std::string& bestand);

}  // namespace ww::advies
