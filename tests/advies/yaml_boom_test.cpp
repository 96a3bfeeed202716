// SPDX-License-Identifier: EUPL-1.2
// A profile in plain block YAML read by the small scanner (advies/yaml_boom.hpp) must give the tree
// yaml-cpp gives for the same text (shape, scalars, tags, positions), or nothing, so that yaml-cpp
// reads it; the profile reader then says the same things at the same places whichever read the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/exceptions.h>

#include "advies/yaml_boom.hpp"
#include "rules/input_limits.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::advies {
namespace {

namespace fs = std::filesystem;

std::string lees_bestand(const fs::path& pad) {
    std::ifstream in(pad, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Both trees alike, node for node; the first difference, or "" when there is none.
std::string verschil(const YamlNode& a, const YamlNode& b, const std::string& waar) {
    if (a.is_null() != b.is_null() || a.is_scalar() != b.is_scalar() || a.is_map() != b.is_map() ||
        a.is_sequence() != b.is_sequence())
        return waar + ": soort";
    if (a.tag() != b.tag()) return waar + ": tag " + a.tag() + " tegen " + b.tag();
    if (a.scalar() != b.scalar()) return waar + ": tekst '" + a.scalar() + "' tegen '" + b.scalar() + "'";
    if (a.mark().pos != b.mark().pos || a.mark().line != b.mark().line || a.mark().column != b.mark().column)
        return waar + ": plaats " + std::to_string(a.mark().line) + ":" + std::to_string(a.mark().column) + " (" +
               std::to_string(a.mark().pos) + ") tegen " + std::to_string(b.mark().line) + ":" +
               std::to_string(b.mark().column) + " (" + std::to_string(b.mark().pos) + ")";
    if (a.items().size() != b.items().size() || a.entries().size() != b.entries().size()) return waar + ": aantal";
    for (std::size_t i = 0; i < a.items().size(); ++i)
        if (auto v = verschil(a.items()[i], b.items()[i], waar + "[" + std::to_string(i) + "]"); !v.empty()) return v;
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
        const std::string k = waar + "." + a.entries()[i].first.scalar();
        if (auto v = verschil(a.entries()[i].first, b.entries()[i].first, k + " (sleutel)"); !v.empty()) return v;
        if (auto v = verschil(a.entries()[i].second, b.entries()[i].second, k); !v.empty()) return v;
    }
    return "";
}

// "" when the scanner refuses the text or reads it to yaml-cpp's tree; else what differs.
std::string vergelijk_met_yaml_cpp(const std::string& tekst) {
    const auto snel = lees_yaml_boom(tekst);
    if (!snel) return "";
    YamlDocuments yaml;
    try {
        yaml = load_yaml_documents(tekst);
    } catch (const YAML::Exception& e) {
        return std::string("yaml-cpp weigert wat de scanner nam: ") + e.what();
    }
    if (snel->roots.size() != 1 || yaml.roots.size() != 1) return "aantal documenten";
    return verschil(snel->roots[0], yaml.roots[0], "");
}

std::vector<fs::path> yaml_bestanden(const fs::path& map) {
    std::vector<fs::path> uit;
    for (const auto& e : fs::directory_iterator(map))
        if (e.path().extension() == ".yaml") uit.push_back(e.path());
    std::sort(uit.begin(), uit.end());
    return uit;
}

// The example profiles are what the scanner is for: each is taken, to yaml-cpp's tree.
TEST(YamlBoom, VoorbeeldprofielenGevenDezelfdeBoomAlsYamlCpp) {
    const auto bestanden = yaml_bestanden(WW_EXAMPLES_DIR);
    ASSERT_GE(bestanden.size(), 7u);
    for (const auto& pad : bestanden) {
        const std::string tekst = lees_bestand(pad);
        EXPECT_TRUE(lees_yaml_boom(tekst).has_value()) << pad;
        EXPECT_EQ(vergelijk_met_yaml_cpp(tekst), "") << pad;
    }
}

// Every other input file in the project (scenarios, the bad inputs and invalid profiles of the tests,
// the fuzz corpus, the rules of the knowledge base): taken to the same tree, or left to yaml-cpp.
TEST(YamlBoom, AndereBestandenGevenDezelfdeBoomOfNiets) {
    const fs::path tests = fs::path(WW_EXAMPLES_DIR).parent_path() / "tests";
    std::vector<fs::path> bestanden = yaml_bestanden(fs::path(WW_KB_SOURCE_DIR) / "tests");
    for (const auto& pad : yaml_bestanden(WW_KB_SOURCE_DIR)) bestanden.push_back(pad);
    for (const auto& map : {tests / "bad-input", tests / "schema", tests / "fuzz" / "corpus", tests / "advies"})
        for (const auto& e : fs::recursive_directory_iterator(map))
            if (e.is_regular_file() && e.file_size() < 100000 && e.path().extension() != ".cpp") bestanden.push_back(e.path());
    std::size_t genomen = 0, totaal = 0;
    for (const auto& pad : bestanden) {
        const std::string tekst = lees_bestand(pad);
        ++totaal;
        if (lees_yaml_boom(tekst)) ++genomen;
        EXPECT_EQ(vergelijk_met_yaml_cpp(tekst), "") << pad;
    }
    EXPECT_GE(totaal, 100u);
    EXPECT_GE(genomen, 20u);
}

// Small variations of an example, each one character changed at many places: whatever the scanner
// takes, yaml-cpp reads to the same tree.
TEST(YamlBoom, VariatiesOpEenVoorbeeld) {
    const std::string tekst = lees_bestand(fs::path(WW_EXAMPLES_DIR) / "03-analyse-wijk-noord.yaml");
    ASSERT_GT(tekst.size(), 500u);
    std::size_t genomen = 0;
    const std::string tekens[] = {" ", ":", "#", "-", "'", "\"", ",", "{", "]", "\n", "~", "é", "? ", "- ", ": "};
    for (std::size_t pos = 0; pos < tekst.size(); pos += 31)
        for (const auto& t : tekens) {
            for (const std::string& variant : {tekst.substr(0, pos) + t + tekst.substr(pos),
                                               tekst.substr(0, pos) + t + tekst.substr(pos + 1)}) {
                if (lees_yaml_boom(variant)) ++genomen;
                EXPECT_EQ(vergelijk_met_yaml_cpp(variant), "") << "op " << pos << " '" << t << "':\n" << variant;
            }
        }
    EXPECT_GE(genomen, 50u);
}

// What the scanner knows, and what it leaves to yaml-cpp.
TEST(YamlBoom, GevallenDieHijNeemtOfLaat) {
    const char* genomen[] = {
        "a: 1\n",
        "a: 1",
        "# kop\n\na: 1   # uitleg\nb: tekst met spaties  \n",
        "a:\n  b: 1\n  c: [x, y]\nd: {e: 1, f: 'g''h', i: \"j k\"}\n",
        "a:\n- 1\n- {b: 2}\nc: 3\n",
        "a:\n  - b: 1\n    c: 2\n  - d: ~\n",
        "'a b': null\n\"c\": Null\n",
        "lijst: []\nkaart: {}\n",
        "a: -5\nb: -0.5\nc: .5\nd: 2023-01-01\ne: http://x.nl/y\nf: a#b\n",
        "a: één\nb: {c: 'wijk Noord-Oost', d: [ja, nee]}\n",
        "a: [[1, 2], [3]]\nb: {c: {d: e}}\n",
        "- a\n- b\n",
        "a :  1\n",
    };
    for (const char* t : genomen) {
        EXPECT_TRUE(lees_yaml_boom(t).has_value()) << t;
        EXPECT_EQ(vergelijk_met_yaml_cpp(t), "") << t;
    }
    const char* gelaten[] = {
        "",
        "# alleen uitleg\n",
        "a:\n",
        "a:\nb: 1\n",
        "a: |\n  tekst\n",
        "a: >\n  tekst\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 5\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n... b: 2\n",
        "a:\n  b: 1\n--- c: 2\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: lange\n  tekst\n",
        "a: [1,\n  2]\n",
        "a: \"x\\ny\"\n",
        "a:\tb\n",
        "a: 1\r\n",
        "a: b: c\n",
        "a: 'open\n",
        "  a: 1\n",
        "a: 1\n b: 2\n",
        "a:\n  - 1\n - 2\n",
        "-\n- a\n",
        "? a\n: b\n",
        "a: [b: c]\n",
        "a: {b}\n",
        "a: {b: 1,}\n",
        "\xEF\xBB\xBF" "a: 1\n",
        "a: \xC2\x85\n",
        "a: \xFF\n",
        "a: 1 #x\n'b",
    };
    for (const char* t : gelaten) {
        EXPECT_FALSE(lees_yaml_boom(t).has_value()) << t;
    }
    // yaml-cpp refuses a key whose ':' is more than 1024 characters on.
    EXPECT_FALSE(lees_yaml_boom(std::string(1100, 'y') + ": 1\n").has_value());
    EXPECT_FALSE(lees_yaml_boom("a: {" + std::string(1100, 'y') + ": 1}\n").has_value());
}

}  // namespace
}  // namespace ww::advies
