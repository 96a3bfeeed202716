// SPDX-License-Identifier: EUPL-1.2
// A profile's YAML parsed, or its syntax error in Dutch at the place a person would fix it: a tab in
// the indentation, a key without its colon, a quote or bracket that is never closed. yaml-cpp
// notices these only later in the text (the next key, the end of the file) and says so in English;
// this finds the cause from the text around where it stopped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

#include "advies/fout.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::advies {

struct ProfielYaml {
    YamlDocuments documenten;
    std::vector<Fout> fouten;  // one syntax error, or none
};

ProfielYaml lees_profiel_yaml(std::string_view tekst, const std::string& bestand);

// The Dutch message and place for yaml-cpp's error `melding` at `plaats` in `tekst`.
struct YamlSyntaxfout {
    YAML::Mark plaats;
    std::string melding;
};
YamlSyntaxfout vertaal_yaml_fout(std::string_view tekst, const YAML::Mark& plaats, const std::string& melding);

}  // namespace ww::advies
