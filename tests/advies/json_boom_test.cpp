// SPDX-License-Identifier: EUPL-1.2
// A JSON profile read by nlohmann-json must give the tree yaml-cpp gives for the same text (shape,
// scalars, tags, positions), or nothing, so that yaml-cpp reads it; the profile reader then says the
// same things at the same places whichever parser read the text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "advies/json_boom.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/yaml_syntax.hpp"
#include "rules/input_limits.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::advies {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string lees_bestand(const fs::path& pad) {
    std::ifstream in(pad, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A YAML tree as JSON: plain scalars that JSON can write as numbers or literals stay so, the rest are
// texts. What matters is only that the JSON is varied and realistic.
Json als_json(const YamlNode& n) {
    if (n.is_null()) return nullptr;
    if (n.is_map()) {
        Json o = Json::object();
        for (const auto& [k, v] : n.entries()) o[k.scalar()] = als_json(v);
        return o;
    }
    if (n.is_sequence()) {
        Json a = Json::array();
        for (const auto& e : n.items()) a.push_back(als_json(e));
        return a;
    }
    const std::string& s = n.scalar();
    if (n.tag() == "?") {
        if (s == "true" || s == "false") return s == "true";
        try {
            return Json::parse(s);
        } catch (const Json::parse_error&) {
        }
    }
    return s;
}

// Both trees alike, node for node; `waar` names the node in a failure.
void vergelijk(const YamlNode& a, const YamlNode& b, const std::string& waar) {
    ASSERT_EQ(a.is_null(), b.is_null()) << waar;
    ASSERT_EQ(a.is_scalar(), b.is_scalar()) << waar;
    ASSERT_EQ(a.is_map(), b.is_map()) << waar;
    ASSERT_EQ(a.is_sequence(), b.is_sequence()) << waar;
    EXPECT_EQ(a.tag(), b.tag()) << waar;
    EXPECT_EQ(a.scalar(), b.scalar()) << waar;
    EXPECT_EQ(a.mark().pos, b.mark().pos) << waar;
    EXPECT_EQ(a.mark().line, b.mark().line) << waar;
    EXPECT_EQ(a.mark().column, b.mark().column) << waar;
    ASSERT_EQ(a.items().size(), b.items().size()) << waar;
    for (std::size_t i = 0; i < a.items().size(); ++i) vergelijk(a.items()[i], b.items()[i], waar + "[" + std::to_string(i) + "]");
    ASSERT_EQ(a.entries().size(), b.entries().size()) << waar;
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
        const std::string k = waar + "." + a.entries()[i].first.scalar();
        vergelijk(a.entries()[i].first, b.entries()[i].first, k + " (sleutel)");
        vergelijk(a.entries()[i].second, b.entries()[i].second, k);
    }
}

// The text is read the fast way, and to the same tree as yaml-cpp's.
void zelfde_boom(const std::string& tekst, const std::string& naam) {
    SCOPED_TRACE(naam);
    const auto snel = lees_json_boom(tekst);
    ASSERT_TRUE(snel.has_value()) << "niet als JSON gelezen: " << tekst.substr(0, 200);
    YamlDocuments yaml;
    try {
        yaml = load_yaml_documents(tekst);
    } catch (const YAML::Exception& e) {
        FAIL() << "yaml-cpp weigert wat als JSON gelezen werd: " << e.what();
    }
    ASSERT_EQ(snel->roots.size(), 1u);
    ASSERT_EQ(yaml.roots.size(), 1u);
    vergelijk(snel->roots[0], yaml.roots[0], "");
}

std::string met_crlf(const std::string& s) {
    std::string uit;
    for (char c : s) {
        if (c == '\n') uit += '\r';
        uit += c;
    }
    return uit;
}

// Every example profile and every scenario file, as JSON written four ways.
TEST(JsonBoom, VoorbeeldenEnScenariosAlsJsonGevenDezelfdeBoom) {
    std::vector<fs::path> bestanden;
    for (const auto& map : {fs::path(WW_EXAMPLES_DIR), fs::path(WW_KB_SOURCE_DIR) / "tests"})
        for (const auto& e : fs::directory_iterator(map))
            if (e.path().extension() == ".yaml") bestanden.push_back(e.path());
    ASSERT_GE(bestanden.size(), 10u);
    std::size_t vergeleken = 0;
    std::size_t objecten = 0;
    for (const auto& pad : bestanden) {
        const auto docs = load_yaml_documents(lees_bestand(pad));
        ASSERT_FALSE(docs.roots.empty()) << pad;
        const Json j = als_json(docs.roots[0]);
        if (!j.is_object()) continue;
        ++objecten;
        const std::string naam = pad.filename().string();
        // Escapes (\n, \") go to yaml-cpp; texts without one are the usual case and must be taken.
        const std::string compact = j.dump();
        if (compact.find('\\') != std::string::npos) {
            EXPECT_FALSE(lees_json_boom(compact).has_value()) << naam;
            continue;
        }
        zelfde_boom(compact, naam + " compact");
        zelfde_boom(j.dump(2), naam + " ingesprongen");
        zelfde_boom(j.dump(1, '\t'), naam + " tabs");
        zelfde_boom(met_crlf(j.dump(4)) + "\r\n", naam + " crlf");
        ++vergeleken;
    }
    // Most files whose first document is an object have no escape: they are the test. Scenario files written as a
    // list are skipped above, so they do not count here (each new list file used to lower the share).
    ASSERT_GE(objecten, 10u);
    EXPECT_GE(vergeleken * 2, objecten);
}

TEST(JsonBoom, GetallenTekstenEnVormenGevenDezelfdeBoom) {
    const char* gevallen[] = {
        R"({})",
        R"({"a": {}, "b": [], "c": [[]], "d": [{}]})",
        R"({"n": [0, -0, 12, -7, 1.5, -0.25, 1e5, 1E-3, 2.5e+10, 12345678901234567890, 1.0]})",
        R"({"t": true, "f": false, "z": null, "l": [null, true, false]})",
        R"({"s": ["", " ", "  twee  ", "a: b", "- x", "# geen commentaar", "[x]", "{y}", "'enkel'", "true", "12", "null", "~"]})",
        R"({"u": ["Súdwest-Fryslân", "’s-Hertogenbosch", "😀", "日本", "a b"]})",
        R"({"dubbel": 1, "dubbel": 2})",
        "{\"gemeente\":{\"naam\":\"Zeist\",\"inwoners\":65000},\"wijken\":[{\"naam\":\"Noord\"},{\"naam\":\"Zuid\"}]}",
        "  \n\n {  \"a\"  :  1  ,  \"b\"  :  [ 1 , 2 ]  }  \n\n",
        "{\n\"a\":\n[\n1\n,\n2\n]\n}",
        "{\"a\":1}\n",
        "{\r\n  \"a\": [\r\n    1\r\n  ]\r\n}\r\n",
    };
    for (const char* g : gevallen) zelfde_boom(g, g);
}

TEST(JsonBoom, WatGeenGewoneJsonIsGaatNaarYamlCpp) {
    const char* gevallen[] = {
        "",
        "gemeente:\n  naam: Zeist\n",
        "[1, 2]",
        "\"tekst\"",
        "12",
        R"({"a": "regel\nregel"})",
        R"({"a": "\u00e9"})",
        R"({"a": "\"citaat\""})",
        "{\"a\": \"del\x7f\"}",
        "{\"a\": \"c1\xc2\x85\"}",
        "{\"a\": 1}\r{\"b\": 2}",
        "{\"a\": 1,}",
        "{\"a\": 1} {\"b\": 2}",
        "{\"a\": 1} # commentaar",
        "{a: 1}",
        "{\"a\": 'b'}",
        "{\"a\": \"ongeldig \xff\"}",
    };
    for (const char* g : gevallen) EXPECT_FALSE(lees_json_boom(g).has_value()) << g;
    EXPECT_FALSE(lees_json_boom(std::string("{\"a\": 1}\0 rest", 15)).has_value());
    EXPECT_FALSE(lees_json_boom("{\"a\"\n: 1}").has_value());
    std::string diep(100, '[');
    diep = "{\"a\": " + diep + std::string(100, ']') + "}";
    EXPECT_FALSE(lees_json_boom(diep).has_value());
}

// Through the profile reader: a JSON profile with mistakes gets the messages and positions the same
// profile gets when yaml-cpp reads it (here: with an escape added elsewhere, which sends it there).
TEST(JsonBoom, ProfiellezerMeldtHetzelfdeOpDezelfdePlaats) {
    Vocabulaire v;
    v.factoren = {"toezicht", "verloedering"};
    v.bronnen = {"veiligheidsmonitor", "meldingen"};
    v.indicatoren = {"onveilig_buurt", "overlast"};
    const std::string fout = "{\n  \"gemeente\": {\"naam\": \"Zeist\", \"inwoners\": \"veel\", \"onbekend\": 1},\n"
                             "  \"drijfveer\": {\"soort\": 12},\n  \"extra\": true,\n  \"noot\": \"%\"\n}\n";
    ASSERT_TRUE(lees_json_boom(fout).has_value());
    std::string via_yaml = fout;
    via_yaml.replace(via_yaml.find("\"%\""), 3, "\"\\u0025\"");
    ASSERT_FALSE(lees_json_boom(via_yaml).has_value());
    const auto a = lees_profiel_tekst(fout, "p.json", v, Opdracht::advies);
    const auto b = lees_profiel_tekst(via_yaml, "p.json", v, Opdracht::advies);
    ASSERT_FALSE(a.fouten.empty());
    ASSERT_EQ(a.fouten.size(), b.fouten.size());
    for (std::size_t i = 0; i < a.fouten.size(); ++i) {
        EXPECT_EQ(a.fouten[i].line, b.fouten[i].line);
        EXPECT_EQ(a.fouten[i].col, b.fouten[i].col);
        EXPECT_EQ(a.fouten[i].message, b.fouten[i].message);
        // Line 5 is where the two texts differ.
        if (a.fouten[i].line != 5) EXPECT_EQ(a.fouten[i].source_line, b.fouten[i].source_line);
    }
}

}  // namespace
}  // namespace ww::advies
