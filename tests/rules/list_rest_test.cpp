// SPDX-License-Identifier: EUPL-1.2
// The rest of a list a pattern takes apart (`slot: [?x, ...?rest]`, CLIPS's `$?rest`): parsing, the
// matches at the front, the end and in the middle, a rest that is already bound, and the errors for
// a rest where it cannot be.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "rules/ast_print.hpp"
#include "rules/parse.hpp"

namespace {

using ww::test::errors_of;
using ww::test::run_text;
using Lines = std::vector<std::string>;

std::string sexpr(std::string_view text) {
    ww::ast::expression e;
    auto error = ww::parse_expression(text, e);
    if (error) return "FOUT@" + std::to_string(error->offset) + ": " + error->message;
    return ww::ast::to_sexpr(e);
}

const std::string kTemplates = R"Y(
templates:
  rij: {slots: {naam: symbol, items: list}}
  vrij: {slots: {naam: symbol, waarde: any}}
  paar: {slots: {a: list, b: list}}
)Y";

TEST(ListRest, Parses) {
    EXPECT_EQ(sexpr("[?x, ...?rest]"), "[?x (rest ?rest)]");
    EXPECT_EQ(sexpr("[...?r]"), "[(rest ?r)]");
    EXPECT_EQ(sexpr("[..., ?x, ...]"), "[(rest nil) ?x (rest nil)]");  // a gap: a rest without a name
    EXPECT_EQ(sexpr("[...x]").substr(0, 7), "FOUT@4:");  // a name after ... is a variable
}

TEST(ListRest, FrontEndAndMiddle) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: a, items: [1, 2, 3])"
  - "rij(naam: b, items: [4])"
  - "rij(naam: c, items: [])"
rules:
  - id: voor
    salience: 3
    when: ["rij(naam: ?n, items: [?x, ...?r])"]
    then: ["emit voor(n: ?n, x: ?x, r: ?r)"]
  - id: achter
    salience: 2
    when: ["rij(naam: ?n, items: [...?r, ?x])"]
    then: ["emit achter(n: ?n, r: ?r, x: ?x)"]
  - id: midden
    salience: 1
    when: ["rij(naam: ?n, items: [?x, ...?r, ?y])"]
    then: ["emit midden(n: ?n, x: ?x, r: ?r, y: ?y)"]
  - id: alles
    when: ["rij(naam: ?n, items: [...?r])"]
    then: ["emit alles(n: ?n, r: ?r)"]
)Y"),
              (Lines{"voor(n: b, x: 4, r: [])", "voor(n: a, x: 1, r: [2, 3])", "achter(n: b, r: [], x: 4)",
                     "achter(n: a, r: [1, 2], x: 3)", "midden(n: a, x: 1, r: [2], y: 3)", "alles(n: c, r: [])",
                     "alles(n: b, r: [4])", "alles(n: a, r: [1, 2, 3])"}));
}

TEST(ListRest, ConstantsAndRepeatedVariablesAreCompared) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: a, items: [start, 1, 2, start])"
  - "rij(naam: b, items: [start, 9])"
  - "rij(naam: c, items: [stop, 1, stop])"
  - "rij(naam: d, items: [x])"
rules:
  - id: begint_met_start
    salience: 1
    when: ["rij(naam: ?n, items: [start, ...?r])"]
    then: ["emit start(n: ?n, r: ?r)"]
  - id: rond
    when: ["rij(naam: ?n, items: [?x, ...?r, ?x])"]
    then: ["emit rond(n: ?n, x: ?x, r: ?r)"]
)Y"),
              (Lines{"start(n: b, r: [9])", "start(n: a, r: [1, 2, start])", "rond(n: c, x: stop, r: [1])",
                     "rond(n: a, x: start, r: [1, 2])"}));
}

// A rest bound earlier must equal the rest of this list; one bound in the same pattern too.
TEST(ListRest, BoundRestIsCompared) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: a, items: [1, 2, 3])"
  - "rij(naam: b, items: [9, 2, 3])"
  - "rij(naam: c, items: [2, 3])"
  - "paar(a: [0, 5, 6], b: [5, 6])"
  - "paar(a: [0, 5, 6], b: [5])"
rules:
  - id: zelfde_staart
    salience: 1
    when: ["rij(naam: ?n, items: [?x, ...?r])", "rij(naam: ?m, items: [?y, ...?r])", "test ?n != ?m"]
    then: ["emit staart(n: ?n, m: ?m, r: ?r)"]
  - id: in_een_patroon
    when: ["paar(a: [?kop, ...?r], b: [...?r])"]
    then: ["emit paar(kop: ?kop, r: ?r)"]
  - id: als_slot
    salience: 2
    when: ["rij(naam: a, items: [?x, ...?r])", "rij(naam: ?m, items: ?r)"]
    then: ["emit heel(m: ?m)"]
)Y"),
              (Lines{"heel(m: c)", "staart(n: b, m: a, r: [2, 3])", "staart(n: a, m: b, r: [2, 3])",
                     "paar(kop: 0, r: [5, 6])"}));
}

// An `any` slot holding something else than a list does not match; nor does a list too short.
TEST(ListRest, AnySlotMatchesOnlyLists) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "vrij(naam: a, waarde: [1, 2])"
  - "vrij(naam: b, waarde: \"tekst\")"
  - "vrij(naam: c, waarde: 7)"
  - "vrij(naam: d, waarde: [1])"
rules:
  - id: twee_of_meer
    when: ["vrij(naam: ?n, waarde: [?x, ...?r, ?y])"]
    then: ["emit ok(n: ?n, x: ?x, r: ?r, y: ?y)"]
)Y"),
              (Lines{"ok(n: a, x: 1, r: [], y: 2)"}));
}

// The alternatives of an `or` that take a list apart the same way share its variables; those that
// take it apart each their own way cannot give the actions one ?x.
TEST(ListRest, InAlternatives) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: a, items: [1, 2])"
  - "rij(naam: b, items: [3])"
rules:
  - id: of
    when:
      - or: ["rij(naam: a, items: [?x, ...?r])", "rij(naam: b, items: [?x, ...?r])"]
    then: ["emit of(x: ?x, r: ?r)"]
)Y"),
              (Lines{"of(x: 3, r: [])", "of(x: 1, r: [2])"}));
    EXPECT_EQ(errors_of(kTemplates + R"Y(
rules:
  - id: of
    when:
      - or: ["rij(items: [?x, ...?r])", "rij(items: [...?r, ?x])"]
    then: ["emit of(x: ?x)"]
)Y"),
              (Lines{"r.yaml:11:24: fout: de alternatieven van or pakken ?x elk anders uit een lijst; pak de lijst in elk "
                     "alternatief op dezelfde manier uit, of bind de hele lijst"}));
}

// In an expression a rest splices a list in (CLIPS's `(create$ ?x ?rest)`): in front, behind, twice,
// in a comparison in a pattern, and a rest that is not a list at run time is an error of the firing.
TEST(ListRest, SplicesInExpressions) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: a, items: [2, 3])"
  - "rij(naam: b, items: [1, 2, 3])"
rules:
  - id: splice
    when: ["rij(naam: a, items: ?l)"]
    then: ["emit s(voor: [1, ...?l], na: [...?l, 4], twee: [...?l, 0, ...?l], leeg: [...?l][0])"]
  - id: vergelijk
    when: ["rij(naam: a, items: ?l)", "rij(naam: ?n, items == [1, ...?l])"]
    then: ["emit v(naam: ?n)"]
)Y"),
              (Lines{"v(naam: b)", "s(voor: [1, 2, 3], na: [2, 3, 4], twee: [2, 3, 0, 2, 3], leeg: 2)"}));
}

TEST(ListRest, Errors) {
    const std::string base = kTemplates + "rules:\n  - id: r\n    when: [";
    EXPECT_EQ(errors_of(base + "\"rij(items: [...?a, ?x, ...?b])\"]\n    then: [\"emit x(a: ?a, x: ?x, b: ?b)\"]\n"),
              (Lines{"r.yaml:8:36: fout: een lijst heeft hoogstens één rest met naam (...?naam); met twee kan de lijst op meer "
                     "manieren passen (een rest zonder naam, ..., mag vaker: [..., ?x, ...])"}));
    EXPECT_EQ(errors_of(base + "\"rij(naam: [?x, ...?r])\"]\n"),
              (Lines{"r.yaml:8:23: fout: slot 'naam' is een symbool; met [...] pak je alleen een lijst uit"}));
    // What a list inside not binds exists only there.
    EXPECT_EQ(errors_of(base + "\"rij(items: ?l)\", \"not rij(items: [...?m, 2])\"]\n    then: [\"emit x(m: ?m)\"]\n"),
              (Lines{"r.yaml:9:23: fout: variabele ?m is hier niet gebonden"}));
    EXPECT_EQ(errors_of(base + "\"rij(items: [?x, ..., ...?r])\"]\n"),
              (Lines{"r.yaml:8:34: fout: een lijst heeft hoogstens één rest met naam (...?naam); met twee kan de lijst op meer "
                     "manieren passen (een rest zonder naam, ..., mag vaker: [..., ?x, ...])"}));
    EXPECT_EQ(errors_of(base + "\"rij(items: ?l)\", \"test ...?l == []\"]\n"),
              (Lines{"r.yaml:8:36: fout: ...?l (de rest van een lijst) staat alleen in een lijst: [?eerste, ...?l]"}));
    EXPECT_EQ(errors_of(base + "\"rij(naam: ?n, items: [?x, ...?l])\"]\n    then: [\"assert rij(items: [?x, ...?n])\"]\n"),
              (Lines{"r.yaml:9:36: fout: ...?n voegt een lijst in, maar ?n is een symbool"}));
    EXPECT_EQ(errors_of(kTemplates + "facts: [\"rij(items: [1, ...?l])\"]\n"),
              (Lines{"r.yaml:6:28: fout: variabele ?l is hier niet gebonden"}));
}

}  // namespace
