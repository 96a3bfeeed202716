// SPDX-License-Identifier: EUPL-1.2
// Lists taken apart inside not, exists, aggregates and groups, and lists with gaps (`[..., ?x, ...]`,
// CLIPS's `$? ?x $?`): where a gap may stand, which lists match, and that a variable of a list with
// gaps stays in that list.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using ww::test::errors_of;
using ww::test::run_text;
using Lines = std::vector<std::string>;

const std::string kTemplates = R"Y(
templates:
  rij: {slots: {naam: symbol, items: list}}
  vrij: {slots: {naam: symbol, waarde: any}}
  zoek: {slots: {x: any, y: any}}
)Y";

// Each rij is tested against one list pattern with gaps through exists: the names whose list matches.
std::string matching(const std::string& pattern, const std::string& facts) {
    std::string out;
    for (const auto& line : run_text(kTemplates + "facts:\n" + facts + R"Y(
rules:
  - id: r
    when: ["rij(naam: ?n)", "exists rij(naam: ?n, items: )Y" + pattern + R"Y()"]
    then: ["emit past(naam: ?n)"]
)Y"))
        out += line.substr(11, line.size() - 12) + " ";  // the name in "past(naam: NAME)"
    return out;
}

const std::string kLists = R"Y(  - "rij(naam: leeg, items: [])"
  - "rij(naam: een, items: [a])"
  - "rij(naam: ab, items: [a, b])"
  - "rij(naam: aba, items: [a, b, a])"
  - "rij(naam: bab, items: [b, a, b])"
  - "rij(naam: abcb, items: [a, b, c, b])"
)Y";

TEST(ListGaps, WhichListsMatch) {
    // Newest fact first (depth): abcb, bab, aba, ab, een, leeg.
    EXPECT_EQ(matching("[...]", kLists), "abcb bab aba ab een leeg ");
    EXPECT_EQ(matching("[..., ...]", kLists), "abcb bab aba ab een leeg ");
    EXPECT_EQ(matching("[..., a, ...]", kLists), "abcb bab aba ab een ");
    EXPECT_EQ(matching("[..., b, a, ...]", kLists), "bab aba ");
    EXPECT_EQ(matching("[..., a]", kLists), "aba een ");
    EXPECT_EQ(matching("[a, ..., a]", kLists), "aba ");
    EXPECT_EQ(matching("[..., ?x, ..., ?x, ...]", kLists), "abcb bab aba ");
    EXPECT_EQ(matching("[..., ?x, ?y, ?x, ...]", kLists), "abcb bab aba ");
    EXPECT_EQ(matching("[..., ?x, ?x, ...]", kLists), "");
    EXPECT_EQ(matching("[?x, ..., c, ...]", kLists), "abcb ");
    EXPECT_EQ(matching("[..., b, ..., b, ...]", kLists), "abcb bab ");
    EXPECT_EQ(matching("[a, ..., b, ...]", kLists), "abcb aba ab ");
    EXPECT_EQ(matching("[..., b, ..., a]", kLists), "aba ");
    EXPECT_EQ(matching("[a, ..., ..., b]", kLists), "abcb ab ");
    EXPECT_EQ(matching("[..., a, b, ..., c, ...]", kLists), "abcb ");
    EXPECT_EQ(matching("[..., b, a, b, a, ...]", kLists), "");
    // Long lists: without variables of its own a pattern is matched in linear time.
    std::string many = "  - \"rij(naam: lang, items: [";
    for (int i = 0; i < 3000; ++i) many += (i ? ", " : "") + std::to_string(i % 7);
    many += ", 9])\"\n";
    EXPECT_EQ(matching("[..., 1, ..., 2, ..., 3, ..., 4, ..., 5, ..., 9]", many), "lang ");
    EXPECT_EQ(matching("[..., 1, ..., 2, ..., 3, ..., 4, ..., 5, ..., 8, ...]", many), "");
}

// A variable bound before the list is a value there; the list's own ones are tried at every place.
TEST(ListGaps, BoundVariablesAndAnySlots) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: r1, items: [p, 1, q, 2])"
  - "vrij(naam: v1, waarde: [q, 2])"
  - "vrij(naam: v2, waarde: q)"
  - "zoek(x: q, y: 2)"
  - "zoek(x: p, y: 2)"
rules:
  - id: paar
    when: ["zoek(x: ?x, y: ?y)", "exists rij(items: [..., ?x, ?y, ...])"]
    then: ["emit paar(x: ?x, y: ?y)"]
  - id: any_slot
    when: ["zoek(x: ?x)", "?n = count(vrij(waarde: [..., ?x, ...]))"]
    then: ["emit any(x: ?x, n: ?n)"]
)Y"),
              (Lines{"any(x: p, n: 0)", "paar(x: q, y: 2)", "any(x: q, n: 1)"}));
}

// Taken apart inside not, exists, an aggregate over a conjunction and not: [...]: the same as a plain
// pattern with its checks, and a rest inside them.
TEST(ListGaps, TakenApartInsideGroups) {
    EXPECT_EQ(run_text(kTemplates + R"Y(
facts:
  - "rij(naam: a, items: [1, 2, 3])"
  - "rij(naam: b, items: [2, 3])"
  - "rij(naam: c, items: [9])"
  - "vrij(naam: v, waarde: [0, 3])"
  - "vrij(naam: w, waarde: q)"
rules:
  - id: gebonden_rest
    salience: 1
    when: ["rij(naam: ?n, items: [?x, ...?r])", "exists vrij(waarde: [?y, ...?r])"]
    then: ["emit zelfde_staart(naam: ?n)"]
  - id: kop
    when: ["rij(naam: ?n, items: [?x, ...])", "not rij(items: [..., ?x])"]
    then: ["emit geen_einde(naam: ?n)"]
  - id: staart
    when: ["rij(naam: ?n, items: [?x, ...?r])", "exists rij(items: ?r)"]
    then: ["emit staart_bestaat(naam: ?n)"]
  - id: samen
    when: ["?k = count(rij(naam: ?n, items: [?x, ...?r]) and rij(items: [?x, ...]))"]
    then: ["emit samen(k: ?k)"]
  - id: groep
    when: ["rij(naam: ?n, items: [?x, ...])", {not: ["rij(items: [?x, ...?s])", "rij(items: ?s)"]}]
    then: ["emit groep(naam: ?n)"]
)Y"),
              (Lines{"zelfde_staart(naam: b)", "groep(naam: c)", "samen(k: 3)", "geen_einde(naam: b)", "groep(naam: b)", "staart_bestaat(naam: a)",
                     "geen_einde(naam: a)"}));
}

TEST(ListGaps, Errors) {
    const std::string base = kTemplates + "rules:\n  - id: r\n    when: [";
    EXPECT_EQ(errors_of(base + "\"rij(items: [..., ?x, ...])\"]\n"),
              (Lines{"r.yaml:8:24: fout: een lijst met meer dan één rest (...) past op meer manieren; dat kan alleen in not, "
                     "exists of een aggregaat, niet in een gewoon patroon"}));
    EXPECT_EQ(errors_of(base + "\"rij(naam: ?n)\", \"not rij(items: [..., ?x, ...], naam: ?x)\"]\n"),
              (Lines{"r.yaml:8:67: fout: ?x staat in een lijst met rests (...) en bestaat alleen daarin: welk element het is, "
                     "verschilt per manier waarop de lijst past; geef de variabele hier een andere naam, of pak de lijst uit "
                     "zonder gaten"}));
    // A later pattern of the same group does not bind a new ?x of the same name: that would silently
    // drop the join the writer meant.
    EXPECT_EQ(errors_of(base + "\"rij(naam: ?n)\", {not: [\"rij(items: [..., ?x, ...])\", \"rij(naam: ?x)\"]}]\n"),
              (Lines{"r.yaml:8:77: fout: ?x staat in een lijst met rests (...) en bestaat alleen daarin: welk element het is, "
                     "verschilt per manier waarop de lijst past; geef de variabele hier een andere naam, of pak de lijst uit "
                     "zonder gaten"}));
    // After the group the name is free again, as every variable first bound inside a not.
    EXPECT_EQ(errors_of(base + "\"not rij(items: [..., ?x, ...])\", \"rij(naam: ?x)\"]\n"), Lines{});
    EXPECT_EQ(errors_of(base + "\"not rij(items: [..., ?x, ..., ?y, ..., ?x, ...])\"]\n"),
              (Lines{"r.yaml:8:28: fout: een lijst met eigen variabelen heeft hoogstens drie rests zonder naam (...): met meer "
                     "kan het zoeken naar een plaats te lang duren"}));
    EXPECT_EQ(errors_of(base + "\"not rij(naam: [..., ?x, ...])\"]\n"),
              (Lines{"r.yaml:8:27: fout: slot 'naam' is een symbool; met [...] pak je alleen een lijst uit"}));
    EXPECT_EQ(errors_of(base + "\"rij(items: ?l)\", \"test [..., 1] == ?l\"]\n"),
              (Lines{"r.yaml:8:37: fout: ... zonder naam (een rest die niets bindt) staat alleen in een lijst die een patroon "
                     "uitpakt: [..., ?x, ...]; in een expressie voeg je een lijst in met ...?naam"}));
}

}  // namespace
