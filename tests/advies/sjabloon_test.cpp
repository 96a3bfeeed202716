// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "advies/profiel_definitie.hpp"
#include "advies/sjabloon.hpp"

namespace ww::advies {
namespace {

// Every field path of the profile the filled-in template holds, rows of a list written `[]`.
void verzamel(const YAML::Node& node, const std::string& pad, std::set<std::string>& paden) {
    if (node.IsMap()) {
        for (const auto& kv : node) {
            const std::string hier = pad.empty() ? kv.first.as<std::string>() : pad + "." + kv.first.as<std::string>();
            paden.insert(hier);
            verzamel(kv.second, hier, paden);
        }
    } else if (node.IsSequence()) {
        for (const auto& e : node) verzamel(e, pad + "[]", paden);
    }
}

// The template is how an adviseur learns what a profile can say: with every "# " removed it names
// every field of the contract (the second edition's series, margins, groups and baselines too), so
// that a field added to the definition without a line in the template fails here.
TEST(Sjabloon, NoemtElkVeldVanHetProfiel) {
    const std::string ingevuld = std::regex_replace(std::string(profiel_sjabloon()), std::regex("(^|\n)# "), "$1");
    std::set<std::string> paden;
    verzamel(YAML::Load(ingevuld), "", paden);
    for (const auto& pad : profiel::veldpaden()) EXPECT_TRUE(paden.count(pad)) << pad << " ontbreekt in het sjabloon";
}

// Only the name counts until a line is switched on.
TEST(Sjabloon, AlleenDeNaamStaatAan) {
    const YAML::Node n = YAML::Load(std::string(profiel_sjabloon()));
    std::set<std::string> paden;
    verzamel(n, "", paden);
    EXPECT_EQ(paden, (std::set<std::string>{"versie", "gemeente", "gemeente.naam"}));
}

}  // namespace
}  // namespace ww::advies
