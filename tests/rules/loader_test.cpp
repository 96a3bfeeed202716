// SPDX-License-Identifier: EUPL-1.2
// The YAML structure of rule files: params, templates, facts, rules; keys; positions of errors.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using ww::test::errors_of;
using ww::test::load_text;
using Lines = std::vector<std::string>;

const char* const kMeting = R"Y(
params:
  marge: 3.0
  min_factoren:
    value: 3
    reason: "De Tafel van 12 vraagt 3 tot 5 factoren."
  soorten: [a, b]
templates:
  meting:
    description: "Een gemeten indicator."
    slots:
      indicator: symbol
      waarde: {type: float, default: 0.0}
      vorige: {type: float, nullable: true}
      gebied: {type: string, default: ""}
      label: {type: string, default: geen}
facts:
  - "meting(indicator: onveilig_buurt, waarde: 21.0)"
rules:
  - id: meting.gestegen
    salience: 5
    description: "Een indicator is gestegen."
    logical: true
    source: "Stap 3"
    meta: {onderwerp: indicatoren, stap: 3}
    when:
      - "meting(indicator: ?i, waarde: ?w, vorige: ?v)"
      - "test ?v != nil and ?w > ?v + $marge"
    then:
      - "emit melding(indicator: ?i)"
)Y";

TEST(Loader, ReadsEverySection) {
    ww::RuleBase base = load_text(kMeting);
    ASSERT_EQ(base.params().size(), 3u);
    EXPECT_EQ(base.find_param("marge")->value, ww::Value(3.0));
    EXPECT_EQ(base.find_param("min_factoren")->value, ww::Value(3));
    EXPECT_EQ(base.find_param("min_factoren")->reason, "De Tafel van 12 vraagt 3 tot 5 factoren.");
    EXPECT_EQ(base.find_param("soorten")->value.repr(), "[a, b]");

    ASSERT_EQ(base.templates().size(), 1u);
    const ww::TemplateDef& t = base.templates()[0];
    EXPECT_EQ(t.name, "meting");
    EXPECT_EQ(t.description, "Een gemeten indicator.");
    ASSERT_EQ(t.slots.size(), 5u);
    EXPECT_EQ(t.slots[0].type, ww::SlotType::symbol);
    EXPECT_EQ(t.slots[1].type, ww::SlotType::floating);
    EXPECT_EQ(*t.slots[1].default_value, ww::Value(0.0));
    EXPECT_TRUE(t.slots[2].nullable);
    EXPECT_EQ(*t.slots[3].default_value, ww::Value::string(""));
    EXPECT_EQ(*t.slots[4].default_value, ww::Value::string("geen"));  // a string slot reads plain text as text

    ASSERT_EQ(base.facts().size(), 1u);
    EXPECT_EQ(base.facts()[0].slots.size(), 2u);

    ASSERT_EQ(base.rules().size(), 1u);
    const ww::RuleDef& r = *base.rules()[0];
    EXPECT_EQ(r.id, "meting.gestegen");
    EXPECT_EQ(r.salience, 5);
    EXPECT_TRUE(r.logical);
    EXPECT_EQ(r.description, "Een indicator is gestegen.");
    EXPECT_EQ(r.meta.at("source"), ww::Value::string("Stap 3"));
    EXPECT_EQ(r.meta.at("onderwerp"), ww::Value::string("indicatoren"));
    EXPECT_EQ(r.meta.at("stap"), ww::Value(3));
    ASSERT_EQ(r.alternatives.size(), 1u);
    ASSERT_EQ(r.alternatives[0].size(), 2u);
    EXPECT_EQ(r.alternatives[0][1].kind, ww::Condition::Kind::test);
    EXPECT_EQ(r.variables, (std::vector<std::string>{"?i", "?w", "?v"}));
    ASSERT_EQ(r.actions.size(), 1u);
    EXPECT_EQ(r.actions[0].kind, ww::Action::Kind::emit);
}

TEST(Loader, OrExpandsIntoAlternatives) {
    ww::RuleBase base = load_text(R"Y(
templates:
  a: {slots: {x: int}}
  b: {slots: {x: int}}
rules:
  - id: r
    when:
      - "a(x: ?x)"
      - or:
          - "test ?x > 20"
          - ["b(x: ?y)", "test ?x > ?y"]
      - or: ["test ?x != 1", "test ?x != 2"]
    then: ["emit uit(x: ?x)"]
)Y");
    const ww::RuleDef& r = *base.rules()[0];
    // In written order: (20, !=1), (20, !=2), (b, !=1), (b, !=2).
    ASSERT_EQ(r.alternatives.size(), 4u);
    EXPECT_EQ(r.alternatives[0].size(), 3u);
    EXPECT_EQ(r.alternatives[1].size(), 3u);
    EXPECT_EQ(r.alternatives[2].size(), 4u);
    EXPECT_EQ(r.alternatives[1][2].source_text, "test ?x != 2");
    EXPECT_EQ(r.alternatives[2][1].source_text, "b(x: ?y)");
    EXPECT_EQ(r.alternatives[2][3].source_text, "test ?x != 1");
    EXPECT_EQ(r.alternatives[3][3].source_text, "test ?x != 2");
}

TEST(Loader, EmptyFileIsAnEmptyRuleBase) {
    ww::RuleBase base = load_text("# niets\n");
    EXPECT_TRUE(base.rules().empty());
    EXPECT_TRUE(base.templates().empty());
}

TEST(Loader, UnknownAndDuplicateKeys) {
    EXPECT_EQ(errors_of(R"Y(templates:
  a: {slots: {x: int}}
regels: []
rules:
  - id: r
    wen: ["a(x: 1)"]
    id: s
)Y"),
              (Lines{"r.yaml:3:1: fout: onbekende sleutel 'regels' in een regelbestand (mogelijk: kennisbank, params, templates, modules, functions, facts, rules)",
                     "r.yaml:6:5: fout: onbekende sleutel 'wen' in een regel (bedoelde je 'when'?) (mogelijk: id, "
                     "salience, module, auto_focus, description, logical, source, meta, when, then)",
                     "r.yaml:7:5: fout: sleutel 'id' staat twee keer in een regel"}));
}

TEST(Loader, SlotSpecErrors) {
    EXPECT_EQ(errors_of(R"Y(templates:
  a:
    slots:
      x: integer
      y: {type: int, default: "tekst"}
      z: {tipe: int}
)Y"),
              (Lines{"r.yaml:4:10: fout: onbekend type 'integer' (mogelijk: int, float, number, string, symbol, bool, list, any)",
                     "r.yaml:5:31: fout: standaardwaarde \"tekst\" past niet in slot 'y' (int)",
                     "r.yaml:6:10: fout: slot 'z' heeft geen type",
                     "r.yaml:6:11: fout: onbekende sleutel 'tipe' in slot 'z' (bedoelde je 'type'?) (mogelijk: type, "
                     "default, nullable, description)"}));
}

TEST(Loader, YamlSyntaxErrorHasPosition) {
    auto errors = errors_of("rules:\n  - id: r\n    when: [\"a\"\n");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].rfind("r.yaml:", 0), 0u);
    EXPECT_NE(errors[0].find("fout: ongeldige YAML"), std::string::npos);
}

TEST(Loader, ErrorsInsideQuotedAndBlockScalarsPointAtTheCharacter) {
    EXPECT_EQ(errors_of(R"Y(templates:
  a: {slots: {x: int, s: string}}
rules:
  - id: r
    when:
      - "a(x: ?x, s: \"\\\"\")"
      - 'test ?x == ''q'' and ?onbekend'
      - >-
        test ?x >
        ?nergens
      - |
        a(
          y: 1)
      - a(x: ?x)  # plain scalar in flow context is not possible; this line is YAML-valid as a map
    then: []
)Y"),
              // Line 6 is valid: YAML turns \" into " and \\ into \, the rule language reads "\"" as a quote.
              // Line 7: YAML turns '' into ', which the rule language does not know.
              (Lines{"r.yaml:7:21: fout: verwacht: expressie, gevonden '''",
                     "r.yaml:10:9: fout: variabele ?nergens is hier niet gebonden",
                     "r.yaml:13:11: fout: template 'a' heeft geen slot 'y'",
                     "r.yaml:14:9: fout: een conditie is een tekst of een kaart 'or: [...]', 'not: [...]' of 'forall: [...]'"}));
}

TEST(Loader, PositionInsideInterpolationAfterYamlEscapes) {
    // The text is `emit x(t: "a {?zz}")`; in the file each quote of the rule language is `\"`.
    EXPECT_EQ(errors_of("rules:\n  - id: r\n    then: [\"emit x(t: \\\"a {?zz}\\\")\"]\n"),
              Lines{"r.yaml:3:28: fout: variabele ?zz is hier niet gebonden"});
    EXPECT_EQ(errors_of("rules:\n  - id: r\n    then: ['emit x(t: \"a {1 +}\")']\n"),
              Lines{"r.yaml:3:30: fout: verwacht: expressie, gevonden '}'"});
}

TEST(Loader, PositionInMultiLinePlainScalar) {
    // A plain scalar over two lines is folded into "test 1 > ?y"; ?y stays on its own line.
    EXPECT_EQ(errors_of("rules:\n  - id: r\n    when:\n      - test 1 >\n          ?y\n"),
              Lines{"r.yaml:5:11: fout: variabele ?y is hier niet gebonden"});
}

TEST(Loader, ManifestOfTheKnowledgeBase) {
    ww::RuleBase zonder = load_text("rules: []\n");
    EXPECT_FALSE(zonder.manifest());
    ww::RuleBase base = load_text("kennisbank:\n  naam: \"Proef\"\n  versie: 1.0.2\nrules: []\n");
    ASSERT_TRUE(base.manifest());
    EXPECT_EQ(base.manifest()->name, "Proef");
    EXPECT_EQ(base.manifest()->version, "1.0.2");
    EXPECT_EQ(errors_of("kennisbank: {naam: Proef, versie: \"\", jaar: 2026}\n"),
              (Lines{"r.yaml:1:39: fout: onbekende sleutel 'jaar' in kennisbank (mogelijk: naam, versie)"}));
    EXPECT_EQ(errors_of("kennisbank: {naam: Proef}\n"), (Lines{"r.yaml:1:13: fout: kennisbank mist 'versie'"}));
    EXPECT_EQ(errors_of("kennisbank: Proef\n"), (Lines{"r.yaml:1:13: fout: kennisbank is een kaart met naam en versie"}));
}

TEST(Loader, OneManifestPerKnowledgeBase) {
    std::vector<ww::SourceFile> files;
    files.emplace_back("a.yaml", "kennisbank: {naam: A, versie: \"1\"}\n");
    files.emplace_back("b.yaml", "rules: []\nkennisbank:\n  naam: B\n  versie: \"2\"\n");
    try {
        ww::RuleBase::load_sources(std::move(files));
        FAIL() << "expected an error";
    } catch (const ww::LoadError& e) {
        ASSERT_EQ(e.diagnostics.size(), 1u);
        const auto& d = e.diagnostics.items()[0];
        EXPECT_EQ(fmt::format("{}:{}:{} {}", d.file, d.line, d.col, d.message),
                  "b.yaml:3:3 de kennisbank beschrijft zichzelf al in a.yaml:1; 'kennisbank' staat in één bestand");
    }
}

TEST(Loader, ContentKeyFollowsTheContentNotTheFolder) {
    auto key = [](const std::string& pad, const std::string& tekst) {
        std::vector<ww::SourceFile> files;
        files.emplace_back(pad, tekst);
        return ww::RuleBase::load_sources(std::move(files)).content_key();
    };
    const std::string tekst = "templates:\n  t: {slots: {x: int}}\n";
    EXPECT_EQ(key("/een/map/kb.yaml", tekst), key("/andere/map/kb.yaml", tekst));
    EXPECT_NE(key("/een/map/kb.yaml", tekst), key("/een/map/kb.yaml", tekst + "# anders\n"));
    EXPECT_NE(key("/een/map/kb.yaml", tekst), key("/een/map/regels.yaml", tekst));
    EXPECT_NE(key("/een/map/kb.yaml", tekst), 0u);
}

TEST(Loader, AllErrorsOfAllFilesSortedByPosition) {
    std::vector<ww::SourceFile> files;
    files.emplace_back("a.yaml", "templates:\n  t: {slots: {x: int}}\nrules:\n  - id: r1\n    when: [\"t(y: 1)\"]\n");
    files.emplace_back("b.yaml", "rules:\n  - id: r1\n    when: [\"u()\"]\n  - id: r2\n    when: [\"t(x: ?x)\", \"test ?z\"]\n");
    try {
        ww::RuleBase::load_sources(std::move(files));
        FAIL() << "expected errors";
    } catch (const ww::LoadError& e) {
        std::vector<std::string> got;
        for (const auto& d : e.diagnostics.items()) got.push_back(fmt::format("{}:{}:{} {}", d.file, d.line, d.col, d.message));
        EXPECT_EQ(got, (Lines{"a.yaml:5:15 template 't' heeft geen slot 'y'",
                              "b.yaml:2:9 regel 'r1' bestaat al (a.yaml:4)",
                              "b.yaml:3:13 onbekende template 'u'",
                              "b.yaml:5:30 variabele ?z is hier niet gebonden"}));
    }
}

TEST(Loader, DiagnosticShowsSourceLineAndCaret) {
    try {
        load_text("templates:\n  t: {slots: {x: int}}\nrules:\n  - id: r\n    when: [\"t(x: ?x)\", \"test ?x > $grens\"]\n");
        FAIL();
    } catch (const ww::LoadError& e) {
        ASSERT_EQ(e.diagnostics.size(), 1u);
        EXPECT_EQ(ww::format(e.diagnostics.items()[0]),
                  "r.yaml:5:35: fout: onbekende parameter $grens\n"
                  "    when: [\"t(x: ?x)\", \"test ?x > $grens\"]\n"
                  "                                  ^\n");
    }
}

TEST(Loader, DirectoryLoadsAllYamlSorted) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "ww_loader_test_dir";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "b.yaml") << "rules:\n  - id: r\n    when: [\"t(x: ?x)\"]\n    then: [\"emit uit(x: ?x)\"]\n";
    std::ofstream(dir / "a.yaml") << "templates:\n  t: {slots: {x: int}}\nfacts: [\"t(x: 4)\"]\n";
    std::ofstream(dir / "notities.txt") << "geen yaml";
    ww::RuleBase base = ww::RuleBase::load(dir.string());
    EXPECT_EQ(base.files().size(), 2u);
    EXPECT_EQ(base.rules().size(), 1u);
    ww::RunOutcome out = ww::run_rule_base(base, {}, {});
    ASSERT_EQ(out.records.size(), 1u);
    EXPECT_EQ(ww::record_text(out.records[0]), "uit(x: 4)");
    fs::remove_all(dir);
}

TEST(Loader, MissingPathIsADiagnostic) {
    try {
        ww::RuleBase::load("/bestaat/niet.yaml");
        FAIL();
    } catch (const ww::LoadError& e) {
        ASSERT_EQ(e.diagnostics.size(), 1u);
        EXPECT_EQ(e.diagnostics.items()[0].file, "/bestaat/niet.yaml");
    }
}

TEST(FactsFile, ReadsFactsAndReportsEveryBadOne) {
    ww::RuleBase base = load_text("templates:\n  t: {slots: {x: int, s: symbol}}\n");
    auto facts = ww::read_facts(ww::SourceFile("f.yaml", "- \"t(x: 1, s: a)\"\n- \"t()\"\n"), base);
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(facts[0].slots.size(), 2u);
    try {
        ww::read_facts(ww::SourceFile("f.yaml", "- \"t(x: ?y)\"\n- \"t(x: 1.5)\"\n- \"u(x: 1)\"\n- \"t(x: 1, x: 2)\"\n"), base);
        FAIL();
    } catch (const ww::LoadError& e) {
        std::vector<std::string> got;
        for (const auto& d : e.diagnostics.items()) got.push_back(fmt::format("{}:{} {}", d.line, d.col, d.message));
        EXPECT_EQ(got, (Lines{"1:9 variabele ?y is hier niet gebonden", "2:9 1.5 past niet in slot 'x' (int)",
                              "3:4 onbekende template 'u'", "4:12 slot 'x' staat er twee keer"}));
    }
}

}  // namespace
