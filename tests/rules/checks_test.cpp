// SPDX-License-Identifier: EUPL-1.2
// Static checks at load time: every kind of mistake the loader must catch before a run.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using ww::test::errors_of;
using Lines = std::vector<std::string>;

// A rule base with one rule whose `when` and `then` are the given lines (YAML flow strings).
std::string rule(const std::string& when, const std::string& then = "") {
    return "params:\n  marge: 3\n  minimum: 1\n"
           "templates:\n"
           "  meting: {slots: {indicator: symbol, waarde: float, gebied: string, aantal: int, lijst: list}}\n"
           "  bron: {slots: {id: symbol}}\n"
           "rules:\n"
           "  - id: r\n"
           "    when: [" + when + "]\n"
           "    then: [" + then + "]\n";
}
// Column of a rule's `when` list contents on line 9: "    when: [" is 11 characters.
constexpr int when_col = 12;

std::vector<std::string> errors(const std::string& when, const std::string& then = "") {
    return errors_of(rule(when, then));
}

TEST(Checks, ValidRuleHasNoErrors) {
    EXPECT_EQ(errors("\"meting(indicator: ?i, waarde: ?w)\", \"test ?w > $marge\"", "\"emit uit(i: ?i)\""), Lines{});
}

TEST(Checks, UnknownTemplateWithSuggestion) {
    EXPECT_EQ(errors("\"meeting(waarde: ?w)\""),
              Lines{fmt::format("r.yaml:9:{}: fout: onbekende template 'meeting' (bedoelde je 'meting'?)", when_col + 1)});
}

TEST(Checks, UnknownSlotWithSuggestion) {
    EXPECT_EQ(errors("\"meting(waard: ?w)\""),
              Lines{"r.yaml:9:20: fout: template 'meting' heeft geen slot 'waard' (bedoelde je 'waarde'?)"});
}

TEST(Checks, UnboundVariable) {
    EXPECT_EQ(errors("\"meting(waarde: ?w)\", \"test ?x > 1\""),
              Lines{"r.yaml:9:40: fout: variabele ?x is hier niet gebonden"});
    // Bound only inside a negation: not visible after it.
    EXPECT_EQ(errors("\"not meting(waarde: ?w)\"", "\"emit uit(w: ?w)\""),
              Lines{"r.yaml:10:25: fout: variabele ?w is hier niet gebonden"});
}

TEST(Checks, VariableBoundLaterIsStillUnboundInTest) {
    EXPECT_EQ(errors("\"test ?w > 1\", \"meting(waarde: ?w)\""),
              Lines{"r.yaml:9:18: fout: variabele ?w is hier niet gebonden"});
}

TEST(Checks, ConstantOfWrongTypeInTypedSlot) {
    EXPECT_EQ(errors("\"meting(waarde: \\\"tekst\\\")\""),
              Lines{"r.yaml:9:28: fout: slot 'waarde' is een kommagetal en wordt vergeleken met een tekst; deze regel kan "
                    "nooit vuren"});
    EXPECT_EQ(errors("\"meting(aantal: 2.5)\""),
              Lines{"r.yaml:9:28: fout: 2.5 past niet in slot 'aantal' (int); deze regel kan nooit vuren"});
    EXPECT_EQ(errors("\"meting(indicator: \\\"x\\\")\""),
              Lines{"r.yaml:9:31: fout: \"x\" past niet in slot 'indicator' (symbol); deze regel kan nooit vuren"});
    EXPECT_EQ(errors("\"meting(waarde: nil)\""),
              Lines{"r.yaml:9:28: fout: nil past niet in slot 'waarde' (float); deze regel kan nooit vuren"});
}

TEST(Checks, ArithmeticOnText) {
    EXPECT_EQ(errors("\"meting(waarde: ?w)\", \"test ?w + \\\"x\\\" > 1\""),
              Lines{"r.yaml:9:45: fout: rekenen met een tekst kan niet"});
    EXPECT_EQ(errors("\"meting(gebied: ?g)\", \"test ?g * 2 > 1\""),
              Lines{"r.yaml:9:40: fout: rekenen met een tekst kan niet"});
}

TEST(Checks, ComparingTextSlotWithNumber) {
    EXPECT_EQ(errors("\"meting(gebied > 3)\""),
              Lines{"r.yaml:9:29: fout: slot 'gebied' is een tekst en wordt vergeleken met een geheel getal; deze regel "
                    "kan nooit vuren"});
    EXPECT_EQ(errors("\"meting(gebied: ?g)\", \"test ?g == 3\""),
              Lines{"r.yaml:9:40: fout: vergelijking van een tekst met een geheel getal"});
    EXPECT_EQ(errors("\"meting(gebied: ?g)\", \"meting(waarde: ?g)\""),
              Lines{"r.yaml:9:50: fout: ?g is een tekst, maar slot 'waarde' is een kommagetal; deze regel kan nooit vuren"});
}

TEST(Checks, TwoConstantsForOneSlotIsUnreachable) {
    EXPECT_EQ(errors("\"meting(indicator: a, indicator: b)\""),
              Lines{"r.yaml:9:45: fout: slot 'indicator' moet al gelijk zijn aan a; geen feit kan allebei, deze regel kan "
                    "nooit vuren"});
    EXPECT_EQ(errors("\"meting(indicator: a, indicator == a)\""), Lines{});
}

TEST(Checks, TestMustBeACondition) {
    EXPECT_EQ(errors("\"meting(aantal: ?n)\", \"test ?n + 1\""),
              Lines{"r.yaml:9:40: fout: test verwacht een waarheidswaarde, maar dit is een geheel getal"});
    EXPECT_EQ(errors("\"meting(aantal: ?n)\", \"test ?n > 1 or ?n == 0\""), Lines{});
}

TEST(Checks, InListWithoutAFittingValueIsUnreachable) {
    EXPECT_EQ(errors("\"meting(indicator in [\\\"a\\\", \\\"b\\\"])\""),
              Lines{"r.yaml:9:33: fout: geen waarde in [\"a\", \"b\"] past in slot 'indicator' (symbol); deze regel kan "
                    "nooit vuren"});
    EXPECT_EQ(errors("\"meting(indicator in [a, \\\"b\\\"])\""), Lines{});
}

TEST(Checks, UnknownFunctionAndArity) {
    EXPECT_EQ(errors("\"meting(gebied: ?g)\", \"test lenn(?g) > 1\""),
              Lines{"r.yaml:9:40: fout: onbekende functie 'lenn' (bedoelde je 'len'?)"});
    auto e = errors("\"meting(gebied: ?g)\", \"test len(?g, 2) > 1\"");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].rfind("r.yaml:9:40: fout: functie 'len' verwacht 1 argument, maar krijgt er 2", 0), 0u) << e[0];
}

// Each argument of a function is checked against what the function takes, where its type is evident
// (a constant, a typed slot, another function's result).
TEST(Checks, FunctionArgumentKinds) {
    EXPECT_EQ(errors("\"meting(gebied: ?g)\", \"test nl(?g) != \\\"1\\\"\""),
              Lines{"r.yaml:9:43: fout: functie 'nl' verwacht als argument 1 een getal, geen tekst (nl(getal) -> string)"});
    EXPECT_EQ(errors("\"meting(aantal: ?n)\", \"test en_lijst(?n) != \\\"\\\"\""),
              Lines{"r.yaml:9:49: fout: functie 'en_lijst' verwacht als argument 1 een lijst, geen geheel getal "
                    "(en_lijst(lijst[, max[, scheiding]]) -> string)"});
    EXPECT_EQ(errors("\"meting(aantal: ?n)\", \"test aantal(?n, 1, \\\"b\\\") != \\\"\\\"\""),
              Lines{"r.yaml:9:51: fout: functie 'aantal' verwacht als argument 2 een tekst, geen geheel getal "
                    "(aantal(getal, enkelvoud, meervoud) -> string)"});
    EXPECT_EQ(errors("\"meting(lijst: ?l)\", \"test len(sqrt(2)) > 1\""),
              Lines{"r.yaml:9:43: fout: functie 'len' verwacht als argument 1 een tekst of een lijst, geen kommagetal "
                    "(len(tekst|lijst) -> int)"});
    // Symbols are texts; a value of unknown type passes (it is checked when the rule runs).
    EXPECT_EQ(errors("\"meting(indicator: ?i, aantal: ?n, lijst: ?l, waarde: ?w)\", "
                     "\"test hoofdletter(?i) != upper(\\\"x\\\") and sqrt(?n) > ?w and of_lijst(?l) != \\\"\\\" "
                     "and meervoud(?l[0], a, b) != lower(str(?w))\""),
              Lines{});
}

// What a function gives is known too: a text is not compared with a number, nor used as a test.
TEST(Checks, FunctionResultTypes) {
    EXPECT_EQ(errors("\"meting(gebied: ?g)\", \"test upper(?g) > 1\""),
              Lines{"r.yaml:9:40: fout: vergelijking van een tekst met een geheel getal"});
    EXPECT_EQ(errors("\"meting(aantal: ?n)\", \"test nl(?n)\""),
              Lines{"r.yaml:9:40: fout: test verwacht een waarheidswaarde, maar dit is een tekst"});
    EXPECT_EQ(errors("\"meting(aantal: ?n)\"", "\"assert meting(waarde: en_lijst([?n]))\""),
              Lines{"r.yaml:10:35: fout: slot 'waarde' is een kommagetal, de waarde een tekst"});
}

TEST(Checks, UnknownParameterWithSuggestion) {
    EXPECT_EQ(errors("\"meting(waarde: ?w)\", \"test ?w > $marg\""),
              Lines{"r.yaml:9:45: fout: onbekende parameter $marg (bedoelde je '$marge'?)"});
    EXPECT_EQ(errors("\"meting(waarde: ?w)\", \"test ?w > $xyzzy\""),
              Lines{"r.yaml:9:45: fout: onbekende parameter $xyzzy"});
}

TEST(Checks, DuplicateRuleIdsAndTemplates) {
    EXPECT_EQ(errors_of("templates:\n  t: {slots: {x: int}}\n  u: {slots: {x: int}}\n"
                        "rules:\n  - id: r\n    when: [\"t(x: 1)\"]\n  - id: r\n    when: [\"u(x: 1)\"]\n"),
              Lines{"r.yaml:7:9: fout: regel 'r' bestaat al (r.yaml:5)"});
    std::vector<ww::SourceFile> files;
    files.emplace_back("a.yaml", "templates:\n  t: {slots: {x: int}}\n");
    files.emplace_back("b.yaml", "templates:\n  t: {slots: {y: int}}\n");
    try {
        ww::RuleBase::load_sources(std::move(files));
        FAIL();
    } catch (const ww::LoadError& e) {
        ASSERT_EQ(e.diagnostics.size(), 1u);
        EXPECT_EQ(ww::format(e.diagnostics.items()[0]).substr(0, 45), "b.yaml:2:3: fout: template 't' bestaat al\n  t");
    }
}

TEST(Checks, ActionChecks) {
    EXPECT_EQ(errors("\"meting(waarde: ?w)\"", "\"assert meting(waarde > 1)\""),
              Lines{"r.yaml:10:27: fout: schrijf 'waarde: waarde'; vergelijkingen horen in condities"});
    EXPECT_EQ(errors("\"meting(waarde: ?w)\"", "\"modify ?w(waarde: 1)\""),
              Lines{"r.yaml:10:20: fout: ?w is geen feitverwijzing (gebruik ?w <- patroon)"});
    EXPECT_EQ(errors("\"?m <- meting(waarde: ?w)\"", "\"modify ?m(waard: 1)\""),
              Lines{"r.yaml:10:23: fout: template 'meting' heeft geen slot 'waard' (bedoelde je 'waarde'?)"});
    EXPECT_EQ(errors("\"?m <- meting(waarde: ?w)\"", "\"assert bron(id: \\\"tekst\\\")\""),
              Lines{"r.yaml:10:29: fout: \"tekst\" past niet in slot 'id' (symbol)"});
    EXPECT_EQ(errors("\"?m <- meting(waarde: ?w)\"", "\"emit uit(a: 1, a: 2)\""),
              Lines{"r.yaml:10:28: fout: veld 'a' staat er twee keer"});
    EXPECT_EQ(errors("\"?m <- meting(waarde: ?w)\"", "\"emit uit(a: ?m.waard)\""),
              Lines{"r.yaml:10:28: fout: template 'meting' heeft geen slot 'waard' (bedoelde je 'waarde'?)"});
}

TEST(Checks, AggregateChecks) {
    EXPECT_EQ(errors("\"?n = tel(meting())\""),
              Lines{"r.yaml:9:15: fout: onbekend aggregaat 'tel' (count, sum, min, max of collect)"});
    EXPECT_EQ(errors("\"?n = sum(meting(waarde: ?w))\""),
              Lines{"r.yaml:9:40: fout: sum heeft een expressie nodig: sum(patroon, expressie)"});
    EXPECT_EQ(errors("\"?n = sum(meting(gebied: ?g), ?g)\""),
              Lines{"r.yaml:9:42: fout: de som van een tekst kan niet"});
    EXPECT_EQ(errors("\"?n = count(meting(waarde: ?w))\"", "\"emit uit(n: ?n, w: ?w)\""),
              Lines{"r.yaml:10:32: fout: variabele ?w is hier niet gebonden"});
}

TEST(Checks, ManyErrorsInOneRuleAreAllReported) {
    auto e = errors("\"meeting(x: 1)\", \"meting(waard: ?w)\", \"test ?q\"", "\"emit uit(x: $p)\"");
    EXPECT_EQ(e.size(), 4u);
}

}  // namespace

// Aggregates over a conjunction: what the conditions inside bind stays inside, and only patterns,
// `not` and `exists` may stand there.
TEST(Checks, ConjunctionKeepsItsVariablesInside) {
    EXPECT_EQ(errors("\"?n = count(meting(indicator: ?i) and bron(id: ?i))\", \"test ?i == a\""),
              Lines{"r.yaml:9:72: fout: variabele ?i is hier niet gebonden"});
    EXPECT_EQ(errors("\"?s = sum(meting(indicator: ?i) and not bron(id: ?i, id: ?j), ?j)\""),
              Lines{"r.yaml:9:74: fout: variabele ?j is hier niet gebonden"});
}

TEST(Checks, ConjunctionTakesNoTest) {
    EXPECT_EQ(errors("\"?n = count(meting(indicator: ?i) and test ?i == a)\""),
              Lines{"r.yaml:9:50: fout: verwacht: patroon (of not/exists patroon), gevonden 'test'"});
}
