// SPDX-License-Identifier: EUPL-1.2
// The YAML tree built from parser events: what a reader sees must be what YAML::Load gives (shape,
// positions, tags), and the limits must hold while the one parse runs.
#include <gtest/gtest.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/yaml.h>

#include "rules/input_limits.hpp"
#include "rules/yaml_tree.hpp"

namespace {

using ww::parse_yaml_documents;
using ww::YamlNode;

constexpr std::uint64_t ruim = 1'000'000;

YAML::Mark fout_bij(std::string_view tekst, std::size_t documenten, std::uint64_t knopen) {
    try {
        parse_yaml_documents(tekst, documenten, knopen);
    } catch (const YAML::ParserException& e) {
        return e.mark;
    }
    ADD_FAILURE() << "geen fout voor: " << tekst;
    return YAML::Mark::null_mark();
}

TEST(YamlTree, ShapePositionsAndTagsMatchYamlCpp) {
    const std::string tekst = "gemeente:\n  naam: 'Zeist'\n  inwoners: 65000\nlijst: [a, ~, {x: 1}]\nleeg:\n";
    const auto docs = parse_yaml_documents(tekst, 1, ruim);
    ASSERT_EQ(docs.roots.size(), 1u);
    const YamlNode root = docs.roots[0];
    const YAML::Node ref = YAML::Load(tekst);
    ASSERT_TRUE(root.is_map());
    ASSERT_EQ(root.size(), 3u);
    EXPECT_EQ(root.mark().line, ref.Mark().line);

    const auto& [k0, gemeente] = root.entries()[0];
    EXPECT_EQ(k0.scalar(), "gemeente");
    const auto& [k1, naam] = gemeente.entries()[0];
    EXPECT_EQ(naam.scalar(), "Zeist");
    EXPECT_EQ(naam.tag(), ref["gemeente"]["naam"].Tag());  // "!": quoted
    EXPECT_EQ(naam.mark().line, ref["gemeente"]["naam"].Mark().line);
    EXPECT_EQ(naam.mark().column, ref["gemeente"]["naam"].Mark().column);
    EXPECT_EQ(gemeente.entries()[1].second.tag(), ref["gemeente"]["inwoners"].Tag());  // "?": plain

    const YamlNode lijst = root.entries()[1].second;
    ASSERT_TRUE(lijst.is_sequence());
    ASSERT_EQ(lijst.items().size(), 3u);
    EXPECT_TRUE(lijst.items()[1].is_null());
    EXPECT_TRUE(lijst.items()[2].is_map());
    EXPECT_EQ(lijst.items()[2].mark().column, ref["lijst"][2].Mark().column);
    EXPECT_TRUE(root.entries()[2].second.is_null());
}

TEST(YamlTree, UndefinedNodeIsEmptyEverywhere) {
    const YamlNode niets;
    EXPECT_FALSE(niets.is_defined());
    EXPECT_FALSE(niets.is_null());
    EXPECT_EQ(niets.size(), 0u);
    EXPECT_TRUE(niets.mark().is_null());
    EXPECT_EQ(niets.scalar(), "");
}

TEST(YamlTree, DuplicateKeysAreKeptInOrder) {
    const auto docs = parse_yaml_documents("a: 1\na: 2\n", 1, ruim);
    ASSERT_EQ(docs.roots[0].entries().size(), 2u);
    EXPECT_EQ(docs.roots[0].entries()[1].second.scalar(), "2");
    EXPECT_EQ(docs.roots[0].entries()[1].first.mark().line, 1);
}

TEST(YamlTree, AliasSharesItsAnchorsNode) {
    const auto docs = parse_yaml_documents("a: &x [1, 2]\nb: *x\n", 1, ruim);
    const auto& e = docs.roots[0].entries();
    EXPECT_TRUE(e[0].second.same(e[1].second));
    EXPECT_EQ(e[1].second.items().size(), 2u);
}

TEST(YamlTree, SeveralDocumentsUpToTheLimit) {
    const std::string tekst = "a: 1\n---\nb: 2\n";
    EXPECT_EQ(parse_yaml_documents(tekst, 2, ruim).roots.size(), 2u);
    const YAML::Mark m = fout_bij(tekst, 1, ruim);
    EXPECT_EQ(m.line, 1);  // where the document too many starts
}

TEST(YamlTree, EndlessEmptyDocumentsStop) {
    // yaml-cpp 0.7 yields empty documents without end after a lone ','; LoadAll never returns.
    // Without document markers there is room for one document: the second is the error.
    try {
        ww::load_yaml_documents(",");
        ADD_FAILURE() << "geen fout";
    } catch (const YAML::ParserException& e) {
        EXPECT_NE(e.msg.find("geen enkel document"), std::string::npos) << e.msg;
    }
}

TEST(YamlTree, AliasBombStopsAtTheAliasThatCrossesTheLimit) {
    const std::string tekst = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n";
    // a: 5 nodes, b: 1 + 4*5 = 21; c's third *b crosses 7 + 22 + 2 + 21*3 > 80.
    const YAML::Mark m = fout_bij(tekst, 1, 80);
    EXPECT_EQ(m.line, 2);
    EXPECT_NO_THROW(parse_yaml_documents(tekst, 1, 200));
}

TEST(YamlTree, AliasInsideItsOwnAnchorIsRefused) {
    const YAML::Mark m = fout_bij("m: &m [*m]\n", 1, ruim);
    EXPECT_EQ(m.line, 0);
    EXPECT_EQ(m.column, 7);
}

TEST(YamlTree, SyntaxErrorsComeFromYamlCpp) {
    EXPECT_THROW(parse_yaml_documents("a: [1, 2\n", 1, ruim), YAML::ParserException);
}

}  // namespace
