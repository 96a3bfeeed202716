// SPDX-License-Identifier: EUPL-1.2
// `logical: N` in the rule language: which compiled conditions the first N items of `when` become
// (an `or`, a `not: [...]` group and a list taken apart each count as one item), the run, the
// errors, and the image that keeps it.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "rules/image.hpp"

namespace {

using ww::test::errors_of;
using ww::test::load_text;
using ww::test::run_text;
using Lines = std::vector<std::string>;

const std::string kTemplates = R"Y(
templates:
  a: {slots: {x: int, l: list}}
  b: {slots: {x: int}}
  c: {slots: {x: int}}
  s: {slots: {x: int}}
)Y";

std::vector<std::uint32_t> prefix_of(const std::string& yaml) {
    ww::RuleBase base = load_text(yaml);
    return base.rules().at(0)->logical_prefix;
}

TEST(LogicalPrefixLanguage, ItemsOfWhenBecomeConditions) {
    const std::string rule = kTemplates + "rules:\n  - id: r\n    logical: 2\n    then: [\"assert c(x: ?x)\"]\n    when:\n";
    // Two patterns of three.
    EXPECT_EQ(prefix_of(rule + "      - \"a(x: ?x)\"\n      - \"s(x: ?x)\"\n      - \"b(x: ?x)\"\n"), (std::vector<std::uint32_t>{2}));
    // A list taken apart is a pattern and a test: one item.
    EXPECT_EQ(prefix_of(rule + "      - \"a(x: ?x, l: [?y, ...?r])\"\n      - \"s(x: ?x)\"\n      - \"b(x: ?x)\"\n"),
              (std::vector<std::uint32_t>{3}));
    // not: [...] is a count and a test.
    EXPECT_EQ(prefix_of(rule + "      - \"a(x: ?x)\"\n      - not: [\"s(x: ?x)\", \"b(x: ?x)\"]\n      - \"b(x: ?x)\"\n"),
              (std::vector<std::uint32_t>{3}));
    // An or: one item, per alternative its own count.
    EXPECT_EQ(prefix_of(rule + "      - or: [\"a(x: ?x)\", [\"s(x: ?x)\", \"test ?x > 0\"]]\n      - \"b(x: ?x)\"\n      - \"s(x: ?x)\"\n"),
              (std::vector<std::uint32_t>{2, 3}));
    // All items: the whole match, as logical: true.
    EXPECT_EQ(prefix_of(rule + "      - \"a(x: ?x)\"\n      - \"b(x: ?x)\"\n"), (std::vector<std::uint32_t>{}));
    EXPECT_TRUE(load_text(rule + "      - \"a(x: ?x)\"\n      - \"b(x: ?x)\"\n").rules().at(0)->logical);
}

// a(?x) and s(?x) are the prefix; b(?x) is not: c(1) stays when b goes, goes when s goes.
TEST(LogicalPrefixLanguage, RunsWithCLIPSsSemantics) {
    EXPECT_EQ(run_text(kTemplates + R"Y(  stap: {slots: {n: int}}
facts: ["a(x: 1)", "s(x: 1)", "b(x: 1)", "stap(n: 1)"]
rules:
  - id: r
    logical: 2
    when: ["a(x: ?x)", "s(x: ?x)", "b(x: ?x)"]
    then: ["assert c(x: ?x)"]
  - id: toon
    salience: -1
    when: ["stap(n: ?n)", "?k = count(c())"]
    then: ["emit c(stap: ?n, aantal: ?k)"]
  - id: b_weg
    salience: -2
    when: ["stap(n: 1)", "?f <- b()"]
    then: ["retract ?f"]
  - id: s_weg
    salience: -2
    when: ["stap(n: 2)", "?f <- s()"]
    then: ["retract ?f"]
  - id: volgende
    salience: -3
    when: ["?f <- stap(n: ?n)", "test ?n < 3"]
    then: ["retract ?f", "assert stap(n: ?n + 1)"]
)Y"),
              (Lines{"c(stap: 1, aantal: 1)", "c(stap: 2, aantal: 1)", "c(stap: 2, aantal: 0)", "c(stap: 3, aantal: 0)"}));
}

TEST(LogicalPrefixLanguage, Errors) {
    const std::string rule = kTemplates + "rules:\n  - id: r\n    logical: ";
    EXPECT_EQ(errors_of(rule + "0\n    when: [\"a(x: ?x)\"]\n"),
              (Lines{"r.yaml:9:14: fout: logical is true, false of het aantal condities vooraan in when waarop de afgeleide "
                     "feiten rusten (logical: 2)"}));
    EXPECT_EQ(errors_of(rule + "-1\n    when: [\"a(x: ?x)\"]\n"),
              (Lines{"r.yaml:9:14: fout: logical is true, false of het aantal condities vooraan in when waarop de afgeleide "
                     "feiten rusten (logical: 2)"}));
    EXPECT_EQ(errors_of(rule + "2\n    when: [\"a(x: ?x)\"]\n"), (Lines{"r.yaml:9:14: fout: logical: 2, maar when heeft 1 conditie"}));
    EXPECT_EQ(errors_of(rule + "1\n    then: [\"emit x()\"]\n"), (Lines{"r.yaml:9:14: fout: logical: 1, maar de regel heeft geen condities"}));
    EXPECT_EQ(errors_of(rule + "[1]\n    when: [\"a(x: ?x)\"]\n"),
              (Lines{"r.yaml:9:14: fout: logical is true, false of het aantal condities vooraan in when waarop de afgeleide "
                     "feiten rusten (logical: 2)"}));
}

TEST(LogicalPrefixLanguage, TheImageKeepsIt) {
    const std::string yaml = kTemplates + R"Y(
rules:
  - id: r
    logical: 1
    when: [{or: ["a(x: ?x)", ["s(x: ?x)", "test ?x > 0"]]}, "b(x: ?x)"]
    then: ["assert c(x: ?x)"]
)Y";
    std::vector<ww::SourceFile> files;
    files.emplace_back("r.yaml", yaml);
    const auto sources = files;
    ww::RuleBase base = ww::RuleBase::load_sources(std::move(files));
    const std::uint64_t key = ww::image_key(sources, ww::program_identity());
    const std::string image = ww::write_image(base, key);
    auto copy = sources;
    auto back = ww::read_image(image, key, copy);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->rules().at(0)->logical_prefix, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(ww::write_image(*back, key), image);
}

}  // namespace
