// SPDX-License-Identifier: EUPL-1.2
// Compiler end to end: small rule bases loaded, run by the engine, and their records checked.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using ww::test::run_text;
using Lines = std::vector<std::string>;

const std::string kTemplates = R"Y(
templates:
  meting:
    slots:
      indicator: symbol
      waarde: float
      vorige: {type: float, nullable: true}
      gebied: {type: string, default: ""}
  teller: {slots: {n: int}}
)Y";

TEST(Run, PatternJoinAndTest) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
params: {marge: 3.0}
facts:
  - "meting(indicator: a, waarde: 21.0, vorige: 17.5)"
  - "meting(indicator: b, waarde: 10.0, vorige: 9.0)"
  - "meting(indicator: c, waarde: 10.0)"
rules:
  - id: gestegen
    when:
      - "meting(indicator: ?i, waarde: ?w, vorige: ?v)"
      - "test ?v != nil and ?w > ?v + $marge"
    then:
      - "emit melding(indicator: ?i, tekst: \"{?i} steeg van {?v} naar {?w}\")"
)Y"),
              Lines{"melding(indicator: a, tekst: \"a steeg van 17.5 naar 21\")"});
}

TEST(Run, SlotComparisonsAndIn) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "meting(indicator: a, waarde: 1.0)"
  - "meting(indicator: b, waarde: 5.0)"
  - "meting(indicator: c, waarde: 9.0)"
rules:
  - id: groot
    salience: 2
    when: ["meting(indicator: ?i, waarde >= 5, indicator not in [c])"]
    then: ["emit groot(i: ?i)"]
  - id: klein
    salience: 1
    when: ["meting(indicator: ?i, waarde < 5, indicator in [a, b])"]
    then: ["emit klein(i: ?i)"]
)Y"),
              (Lines{"groot(i: b)", "klein(i: a)"}));
}

// An interpolation inside an interpolation builds its own text: the outer one is not overwritten.
TEST(Run, NestedInterpolationAndTextFunctions) {
    EXPECT_EQ(run_text(R"Y(
templates:
  t: {slots: {x: string, n: int}}
facts:
  - 't(x: "X", n: 3)'
rules:
  - id: nest
    when: ["t(x: ?x, n: ?n)"]
    then: ["emit uit(tekst: \"a {str(\"b {?x}\")} c {?n}\", los: str(?n), sym: str(t), j: join([\"p {?n}\", ?x], \"-\"))"]
)Y"),
              Lines{"uit(tekst: \"a b X c 3\", los: \"3\", sym: \"t\", j: \"p 3-X\")"});
}

TEST(Run, AggregateOverAConjunction) {
    EXPECT_EQ(run_text(R"Y(
templates:
  soort: {slots: {id: symbol, naam: string}}
  bron: {slots: {id: symbol}}
  gekozen: {slots: {id: symbol}}
facts:
  - 'soort(id: a, naam: "Alfa")'
  - 'soort(id: b, naam: "Beta")'
  - 'soort(id: c, naam: "Gamma")'
  - 'bron(id: b)'
  - 'gekozen(id: a)'
  - 'gekozen(id: c)'
  - 'gekozen(id: d)'
rules:
  - id: lijsten
    when:
      - "?xs = collect(soort(id: ?s, naam: ?n) and not bron(id: ?s), ?n)"
      - "?k = count(gekozen(id: ?g) and soort(id: ?g))"
      - "?m = max(gekozen(id: ?g) and soort(id: ?g, naam: ?n) and not bron(id: ?g), ?n)"
      - "?e = count(soort(id: ?s) and exists gekozen(id: ?s))"
    then: ["emit lijst(items: ?xs, aantal: ?k, hoogste: ?m, gekozen: ?e)"]
)Y"),
              Lines{"lijst(items: [\"Alfa\", \"Gamma\"], aantal: 2, hoogste: \"Gamma\", gekozen: 2)"});
}

TEST(Run, NegationExistsAndCount) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "meting(indicator: a, waarde: 1.0, gebied: \"noord\")"
  - "meting(indicator: b, waarde: 2.0, gebied: \"noord\")"
  - "meting(indicator: c, waarde: 4.0, gebied: \"zuid\")"
rules:
  - id: geen_d
    salience: 3
    when: ["not meting(indicator: d)"]
    then: ["emit ontbreekt(i: d)"]
  - id: noord_bestaat
    salience: 2
    when: ["exists meting(gebied: \"noord\")"]
    then: ["emit er_is(gebied: \"noord\")"]
  - id: aantal
    salience: 1
    when:
      - "?n = count(meting(gebied: \"noord\"))"
      - "?s = sum(meting(waarde: ?w), ?w)"
      - "?lo = min(meting(waarde: ?w), ?w)"
      - "?hi = max(meting(waarde: ?w), ?w * 2)"
    then: ["emit telling(n: ?n, som: ?s, min: ?lo, max: ?hi)"]
)Y"),
              (Lines{"ontbreekt(i: d)", "er_is(gebied: \"noord\")", "telling(n: 2, som: 7.0, min: 1.0, max: 8.0)"}));
}

TEST(Run, VariableFirstSeenInsideNotIsLocalToIt) {
    const std::string rules = R"Y(
templates:
  a: {slots: {x: int}}
  b: {slots: {x: int}}
rules:
  - id: r
    when: ["not a(x: ?x)", "b(x: ?x)"]
    then: ["emit b(x: ?x)"]
)Y";
    // `not a(x: ?x)` with ?x unbound means "no a at all"; the ?x of b is a new variable.
    EXPECT_EQ(run_text(rules, "- \"b(x: 1)\"\n- \"b(x: 2)\"\n"), (Lines{"b(x: 2)", "b(x: 1)"}));
    EXPECT_EQ(run_text(rules, "- \"b(x: 1)\"\n- \"a(x: 5)\"\n"), Lines{});
}

TEST(Run, OrAlternativesFireOnTheirOwn) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "meting(indicator: a, waarde: 30.0)"
  - "meting(indicator: b, waarde: 3.0, vorige: 1.0)"
  - "meting(indicator: c, waarde: 3.0, vorige: 5.0)"
rules:
  - id: opvallend
    when:
      - "meting(indicator: ?i, waarde: ?w, vorige: ?v)"
      - or:
          - "test ?w > 20"
          - ["test ?v != nil", "test ?w > ?v"]
    then: ["emit opvallend(i: ?i)"]
)Y"),
              (Lines{"opvallend(i: b)", "opvallend(i: a)"}));
}

TEST(Run, AssertModifyRetractBindHalt) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts: ["teller(n: 0)"]
rules:
  - id: tel
    when: ["?t <- teller(n: ?n)", "test ?n < 3"]
    then:
      - "bind ?m = ?n + 1"
      - "modify ?t(n: ?m)"
      - "emit stap(n: ?m)"
  - id: klaar
    when: ["?t <- teller(n: 3)"]
    then: ["retract ?t", "assert meting(indicator: klaar, waarde: 1)", "emit klaar()", "halt"]
  - id: na_halt
    salience: -1
    when: ["meting(indicator: klaar)"]
    then: ["emit nooit()"]
)Y"),
              (Lines{"stap(n: 1)", "stap(n: 2)", "stap(n: 3)", "klaar()"}));
}

TEST(Run, SlotAccessIndexAndFunctions) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts: ["meting(indicator: a, waarde: 21.5, gebied: \"Oost\")"]
rules:
  - id: r
    when: ["?m <- meting(indicator: ?i)"]
    then:
      - "bind ?l = [?m.waarde, 2, \"drie\"]"
      - "emit uit(w: ?m.waarde, tweede: ?l[1], n: len(?l), g: upper(?m.gebied), nl: nl(?m.waarde), t: \"{{letterlijk}} {?i}\")"
)Y"),
              Lines{"uit(w: 21.5, tweede: 2, n: 3, g: \"OOST\", nl: \"21,5\", t: \"{letterlijk} a\")"});
}

TEST(Run, DutchTextFunctions) {
    EXPECT_EQ(run_text(R"Y(
templates:
  g: {slots: {naam: string, inwoners: int, wijken: list}}
facts:
  - 'g(naam: "ijsselstein", inwoners: 11400, wijken: ["Oost", "Zuid", "Centrum"])'
rules:
  - id: r
    when: ["g(naam: ?n, inwoners: ?i, wijken: ?w)"]
    then:
      - "emit uit(t: \"{hoofdletter(?n)}: {aantal(?i, \"inwoner\", \"inwoners\")}, {aantal(len(?w), \"wijk\", \"wijken\")}: {en_lijst(?w)}\")"
      - "emit kort(w: upper(?w[0]), een: meervoud(1, wijk, wijken), of: of_lijst([?w[1]]), wortel: sqrt(?i / 114))"
)Y"),
              (Lines{"uit(t: \"IJsselstein: 11.400 inwoners, 3 wijken: Oost, Zuid en Centrum\")",
                     "kort(w: \"OOST\", een: \"wijk\", of: \"Zuid\", wortel: 10.0)"}));
}

// A function that fails while a rule fires names the rule and the place of the call.
TEST(Run, FunctionErrorHasThePositionOfTheCall) {
    ww::RuleBase base = ww::test::load_text(R"Y(templates:
  m: {slots: {x: float}}
facts: ["m(x: -4.0)"]
rules:
  - id: wortel
    when: ["m(x: ?x)"]
    then: ["emit uit(w: sqrt(?x))"]
)Y");
    try {
        ww::run_rule_base(base, {}, ww::RunConfig{});
        FAIL() << "geen ActionError";
    } catch (const ww::ActionError& e) {
        ww::Diagnostic d = base.diagnostic_at(e.rule_id, e.source_offset, e.what());
        EXPECT_EQ(ww::format(d).substr(0, ww::format(d).find('\n')),
                  "r.yaml:7:25: fout: fout in regel 'wortel', actie 'emit uit(w: sqrt(?x))': "
                  "sqrt() van een negatief getal (-4) bestaat niet");
    }
}

TEST(Run, MetadataGoesIntoEveryRecord) {
    ww::RuleBase base = ww::test::load_text(kTemplates + R"Y(
facts: ["teller(n: 1)"]
rules:
  - id: r
    source: "Stap 3"
    meta: {onderwerp: tellen}
    when: ["teller(n: ?n)"]
    then: ["emit a(n: ?n)", "emit b(n: ?n)"]
)Y");
    ww::RunOutcome out = ww::run_rule_base(base, {}, {});
    ASSERT_EQ(out.records.size(), 2u);
    for (const auto& r : out.records) {
        EXPECT_EQ(r.rule_id, "r");
        ASSERT_NE(r.rule_meta, nullptr);
        EXPECT_EQ(r.rule_meta->at("source"), ww::Value::string("Stap 3"));
        EXPECT_EQ(r.rule_meta->at("onderwerp"), ww::Value::string("tellen"));
    }
}

TEST(Run, FactsFileAndStrategy) {
    const std::string rules = kTemplates + R"Y(
rules:
  - id: r
    when: ["teller(n: ?n)"]
    then: ["emit gezien(n: ?n)"]
)Y";
    const std::string facts = "- \"teller(n: 1)\"\n- \"teller(n: 2)\"\n- \"teller(n: 3)\"\n";
    EXPECT_EQ(run_text(rules, facts, ww::Strategy::depth), (Lines{"gezien(n: 3)", "gezien(n: 2)", "gezien(n: 1)"}));
    EXPECT_EQ(run_text(rules, facts, ww::Strategy::breadth), (Lines{"gezien(n: 1)", "gezien(n: 2)", "gezien(n: 3)"}));
}

TEST(Run, FiringLimitNamesTheRules) {
    ww::RuleBase base = ww::test::load_text(kTemplates + R"Y(
facts: ["teller(n: 0)"]
rules:
  - id: eindeloos
    when: ["?t <- teller(n: ?n)"]
    then: ["modify ?t(n: ?n + 1)"]
)Y");
    ww::RunConfig config;
    config.max_firings = 50;
    try {
        ww::run_rule_base(base, {}, config);
        FAIL() << "expected the firing limit";
    } catch (const ww::FiringLimitError& e) {
        ASSERT_FALSE(e.rules.empty());
        EXPECT_EQ(e.rules[0], "eindeloos");
    }
}

TEST(Run, TraceShowsEachFiringWithItsFacts) {
    ww::RuleBase base = ww::test::load_text(kTemplates + R"Y(
facts: ["teller(n: 7)"]
rules:
  - id: r
    when: ["teller(n: ?n)"]
    then: ["emit gezien(n: ?n)"]
)Y");
    std::vector<std::string> lines;
    ww::RunConfig config;
    config.trace = [&lines](const std::string& line) { lines.push_back(line); };
    ww::run_rule_base(base, {}, config);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].substr(0, 8), "[1] r: f");
    EXPECT_NE(lines[0].find("teller(n: 7)"), std::string::npos);
}

TEST(Run, InstantiateManyEnginesFromOneRuleBase) {
    ww::RuleBase base = ww::test::load_text(kTemplates + R"Y(
facts: ["teller(n: 1)"]
rules:
  - id: r
    when: ["teller(n: ?n)"]
    then: ["emit gezien(n: ?n)"]
)Y");
    for (int i = 0; i < 3; ++i) {
        auto engine = base.instantiate();
        engine->assert_fact(*base.template_id("teller"), std::vector<std::pair<std::string, ww::Value>>{{"n", ww::Value(i + 10)}});
        engine->run();
        EXPECT_EQ(engine->records().size(), 2u);
    }
}

}  // namespace

namespace {

// The agenda after a halt lists the activations in the order the run would have fired them: the
// same rules without the halt fire exactly that sequence after it, in either strategy.
TEST(Run, AgendaListingIsTheFiringOrder) {
    const std::string rules = R"Y(
templates:
  n: {slots: {i: int}}
  start: {slots: {}}
facts: ["n(i: 1)", "n(i: 2)", "n(i: 3)", "start()"]
rules:
  - id: stop
    salience: 10
    when: ["start()"]
    then: [HALT]
  - id: a
    when: ["n(i: ?i)"]
    then: ["emit a(i: ?i)"]
  - id: b
    salience: 2
    when: ["n(i: ?i)", "test ?i > 1"]
    then: ["emit b(i: ?i)"]
  - id: c
    when: ["n(i: ?i)", "n(i: ?j)", "test ?j == ?i + 1"]
    then: ["emit c(i: ?i)"]
)Y";
    const auto with = [&](const std::string& action) {
        std::string text = rules;
        text.replace(text.find("HALT"), 4, action);
        return ww::test::load_text(text);
    };
    for (ww::Strategy strategy : {ww::Strategy::depth, ww::Strategy::breadth}) {
        ww::RunConfig config;
        config.strategy = strategy;
        const ww::RunOutcome halted = ww::run_rule_base(with("halt"), {}, config);
        std::string listed;
        for (const ww::AgendaItem& a : halted.engine->agenda()) {
            listed += a.rule->id;
            for (ww::FactId f : a.facts) listed += " f" + std::to_string(f);
            listed += "; ";
        }
        std::string fired;
        bool first = true;
        config.trace = [&](const std::string& line) {
            if (first) {  // the firing of `stop`
                first = false;
                return;
            }
            std::string rest = line.substr(line.find("] ") + 2);
            std::string entry = rest.substr(0, rest.find(':'));
            for (std::size_t at = rest.find(" f"); at != std::string::npos; at = rest.find(", f", at + 1))
                entry += " f" + rest.substr(rest.find('f', at + 1) + 1, rest.find(' ', rest.find('f', at + 1)) - rest.find('f', at + 1) - 1);
            fired += entry + "; ";
        };
        ww::run_rule_base(with("\"emit gestart()\""), {}, config);
        EXPECT_EQ(halted.engine->agenda_size(), 7u);
        EXPECT_EQ(listed, fired) << (strategy == ww::Strategy::depth ? "depth" : "breadth");
    }
}

}  // namespace

// read() and readline(): what the embedder hands the run, a question shown before its answer is
// read, CLIPS's tokens (the rest of a line skipped), EOF once and then an error.
namespace input {

const std::string kAsk = R"Y(
templates:
  start: {slots: {}}
facts: ["start()"]
rules:
  - id: vraag
    when: ["start()"]
    then:
      - 'emit vraag(t: "eerste")'
      - 'emit gelezen(w: read(), r: readline())'
      - 'emit vraag(t: "tweede")'
      - 'emit gelezen(w: read(), t: type(read()))'
)Y";

TEST(Input, QuestionsAreShownBeforeEachRead) {
    ww::RuleBase base = ww::test::load_text(kAsk);
    std::istringstream in("  12 rest\n\"a b\" c\n-4.5e1\n");
    ww::RunConfig config;
    config.input = &in;
    Lines seen;
    config.before_read = [&](std::span<const ww::Record> records) {
        for (const auto& r : records) seen.push_back(ww::record_text(r));
        seen.push_back("<lees>");
    };
    ww::RunOutcome outcome = ww::run_rule_base(base, {}, config);
    EXPECT_EQ(seen, (Lines{"vraag(t: \"eerste\")", "<lees>", "<lees>", "gelezen(w: 12, r: \"\\\"a b\\\" c\")",
                           "vraag(t: \"tweede\")", "<lees>", "<lees>"}));
    Lines all;
    for (const auto& r : outcome.records) all.push_back(ww::record_text(r));
    EXPECT_EQ(all, (Lines{"vraag(t: \"eerste\")", "gelezen(w: 12, r: \"\\\"a b\\\" c\")", "vraag(t: \"tweede\")",
                          "gelezen(w: -45.0, t: \"symbol\")"}));
}

TEST(Input, ReadingPastTheEndIsAnError) {
    ww::RuleBase base = ww::test::load_text(kAsk);
    std::istringstream in("ja\n");
    ww::RunConfig config;
    config.input = &in;
    try {
        ww::run_rule_base(base, {}, config);
        FAIL() << "verwacht een ActionError";
    } catch (const ww::ActionError& e) {
        EXPECT_NE(std::string(e.what()).find("read(): de invoer is op"), std::string::npos) << e.what();
    }
}

TEST(Input, ARunWithoutInputRefusesToRead) {
    try {
        run_text(kAsk);
        FAIL() << "verwacht een ActionError";
    } catch (const ww::ActionError& e) {
        EXPECT_NE(std::string(e.what()).find("deze run heeft geen invoer"), std::string::npos) << e.what();
    }
}

}  // namespace input

namespace own_functions {

using ww::test::run_text;

// A function that calls itself without end stops the firing with an error of the rule at the
// call, at max_call_depth, instead of overflowing the stack; a recursion that ends runs to its value,
// also in a test of the network (where it is evaluated per token).
TEST(RunText, OwnFunctionsRecurseToALimit) {
    const std::string endless = R"yaml(
templates:
  n: {slots: {i: int}}
functions:
  verder:
    params: "?n"
    do: ["return verder(?n + 1)"]
facts: ["n(i: 1)"]
rules:
  - id: tel
    when: ["n(i: ?i)"]
    then: ["emit uit(n: verder(?i))"]
)yaml";
    try {
        run_text(endless);
        FAIL() << "verwacht een ActionError";
    } catch (const ww::ActionError& e) {
        EXPECT_NE(std::string(e.what()).find("in functie 'verder': de aanroepen van functies gaan meer dan 200 diep"),
                  std::string::npos)
            << e.what();
        EXPECT_EQ(e.rule_id, "tel");
    }
    const std::string deep = ww::test::recursive_function_yaml("diepte", "?n == 0", "0", "1 + diepte(?n - 1)") + R"yaml(facts: ["n(i: 199)", "n(i: 3)"]
rules:
  - id: diep
    when: ["n(i: ?i)", "test diepte(?i) == ?i"]
    then: ["emit uit(n: diepte(?i))"]
)yaml";
    EXPECT_EQ(run_text(deep), (std::vector<std::string>{"uit(n: 3)", "uit(n: 199)"}));
}

}  // namespace own_functions
