// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
struct Explain : ::testing::Test {
    Engine e;
    TemplateId meting = e.define_template(tmpl("meting", {{"indicator", SlotType::symbol}, {"waarde", SlotType::integer}}));
    TemplateId norm = e.define_template(tmpl("norm", {{"indicator", SlotType::symbol}, {"grens", SlotType::integer}}));
    TemplateId hoog = e.define_template(tmpl("hoog", {{"indicator", SlotType::symbol}}));
    TemplateId uitzondering = e.define_template(tmpl("uitzondering", {{"indicator", SlotType::symbol}}));
    void rules() {
        RuleBuilder b("te_hoog");
        b.pat(meting, {bind(0, b.var("?i")), bind(1, b.var("?w"))})
            .pat(norm, {bind(0, b.var("?i")), bind(1, b.var("?g")), cmp(1, Op::lt, b.v("?w"))})
            .no(uitzondering, {bind(0, b.var("?i"))})
            .assert_(hoog, {{0, b.v("?i")}});
        e.add_rule(b.done());
        RuleBuilder c("advies");
        c.pat(hoog, {bind(0, c.var("?i"))}).emit("advies", {{"over", c.v("?i")}});
        e.add_rule(c.done());
    }
};
}  // namespace

TEST_F(Explain, FiringLogRecordsFactsAndBindings) {
    rules();
    auto m = e.assert_fact(meting, {Value::symbol("overlast"), Value(12)});
    auto n = e.assert_fact(norm, {Value::symbol("overlast"), Value(10)});
    e.run();
    ASSERT_EQ(e.firing_log().size(), 2u);
    const FiringInfo& f = e.firing_log()[0];
    EXPECT_EQ(f.index, 0u);
    EXPECT_EQ(f.rule->id, "te_hoog");
    EXPECT_EQ(f.facts, (std::vector<FactId>{*m, *n}));
    EXPECT_EQ(f.bindings.at(0), Value::symbol("overlast"));
    EXPECT_EQ(f.bindings.at(1), Value(12));
}

TEST_F(Explain, HowRecordGoesDownToGivenFacts) {
    rules();
    auto m = e.assert_fact(meting, {Value::symbol("overlast"), Value(12)});
    e.assert_fact(norm, {Value::symbol("overlast"), Value(10)});
    e.run();
    ASSERT_EQ(e.records().size(), 1u);
    Derivation d = e.how_record(e.records()[0]);
    EXPECT_EQ(d.rule_id, "advies");
    EXPECT_EQ(d.text, "advies(over: overlast)");
    ASSERT_EQ(d.premises.size(), 1u);
    const Derivation& h = d.premises[0];
    EXPECT_EQ(h.text, "hoog(indicator: overlast)");
    EXPECT_EQ(h.rule_id, "te_hoog");
    ASSERT_EQ(h.premises.size(), 2u);
    EXPECT_EQ(h.premises[0].fact, m);
    EXPECT_FALSE(h.premises[0].firing);
    EXPECT_TRUE(h.premises[0].premises.empty());
    ASSERT_FALSE(h.bindings.empty());
    EXPECT_EQ(h.bindings[0].first, "?i");
}

namespace {
void expect_same(const Derivation& a, const Derivation& b, const std::string& where) {
    EXPECT_EQ(a.fact, b.fact) << where;
    EXPECT_EQ(a.text, b.text) << where;
    EXPECT_EQ(a.firing, b.firing) << where;
    EXPECT_EQ(a.rule_id, b.rule_id) << where;
    EXPECT_EQ(a.bindings, b.bindings) << where;
    ASSERT_EQ(a.premises.size(), b.premises.size()) << where;
    for (std::size_t i = 0; i < a.premises.size(); ++i) expect_same(a.premises[i], b.premises[i], where + "/" + std::to_string(i));
}
}  // namespace

// how_record into a Derivation writes every field over what an earlier, larger or smaller,
// derivation left there: the same tree as a fresh one, whatever came before.
TEST_F(Explain, HowRecordIntoWritesOverAnEarlierDerivation) {
    rules();
    RuleBuilder g("gegeven");
    g.pat(meting, {bind(0, g.var("?i"))}).emit("gezien", {{"over", g.v("?i")}});
    e.add_rule(g.done());
    e.assert_fact(meting, {Value::symbol("overlast"), Value(12)});
    e.assert_fact(norm, {Value::symbol("overlast"), Value(10)});
    e.run();
    ASSERT_EQ(e.records().size(), 2u);
    Record zonder_log = e.records()[0];
    zonder_log.firing = 999;  // no such firing: the record's own rule id, no bindings, no premises
    Derivation d;
    for (int ronde = 0; ronde < 2; ++ronde)
        for (const Record* r : std::initializer_list<const Record*>{&e.records()[0], &e.records()[1], &zonder_log,
                                                                    &e.records()[1], &e.records()[0]}) {
            e.how_record(*r, d);
            expect_same(d, e.how_record(*r), std::string(r->name) + " " + std::to_string(ronde));
        }
    e.how_record(zonder_log, d);
    EXPECT_EQ(d.rule_id, zonder_log.rule_id);
    EXPECT_TRUE(d.premises.empty());
    EXPECT_TRUE(d.bindings.empty());
}

// With the facts' texts kept over several derivations: the same trees as without, also for a second
// record resting on the same facts (its texts then copied), and after a rollback, when the ids stand
// for other facts and the texts were cleared.
TEST_F(Explain, HowRecordWithKeptFactTextsGivesTheSameTrees) {
    rules();
    RuleBuilder g("gegeven");
    g.pat(meting, {bind(0, g.var("?i"))}).pat(norm, {bind(0, g.var("?i"))}).emit("gezien", {{"over", g.v("?i")}});
    e.add_rule(g.done());
    e.checkpoint();
    FactTexts texts;
    Derivation d;
    for (const int waarde : {12, 30}) {
        e.rollback();
        e.assert_fact(meting, {Value::symbol("overlast"), Value(waarde)});
        e.assert_fact(norm, {Value::symbol("overlast"), Value(10)});
        e.run();
        ASSERT_EQ(e.records().size(), 2u);
        texts.clear();
        for (int ronde = 0; ronde < 2; ++ronde)
            for (const Record& r : e.records()) {
                e.how_record(r, d, true, &texts);
                expect_same(d, e.how_record(r), std::string(r.name) + " " + std::to_string(waarde));
            }
        EXPECT_EQ(texts.size(), 3u);  // meting, norm and hoog
        const auto meting_tekst = texts.find(*e.how_record(e.records()[1]).premises[0].fact);
        ASSERT_TRUE(meting_tekst.has_value());
        EXPECT_EQ(*meting_tekst, "meting(indicator: overlast, waarde: " + std::to_string(waarde) + ")");
    }
}

TEST(FactTexts, ManyIdsFoundAgainAndClearedForgotten) {
    FactTexts texts;
    EXPECT_FALSE(texts.find(0).has_value());
    for (FactId id = 0; id < 1000; ++id) texts.add(id * 7, "feit " + std::to_string(id));
    texts.add(7, "anders");  // already there: stays as it was
    EXPECT_EQ(texts.size(), 1000u);
    for (FactId id = 0; id < 1000; ++id) {
        const auto t = texts.find(id * 7);
        ASSERT_TRUE(t.has_value()) << id;
        EXPECT_EQ(*t, "feit " + std::to_string(id));
        if (id % 7 != 0) {
            EXPECT_FALSE(texts.find(id).has_value()) << id;
        }
    }
    texts.clear();
    EXPECT_EQ(texts.size(), 0u);
    EXPECT_FALSE(texts.find(7).has_value());
    texts.add(7, "weer");
    EXPECT_EQ(texts.find(7), std::optional<std::string_view>("weer"));
}

// Without the record's text: the same tree but for the root's text, also when written over a
// derivation that had one.
TEST_F(Explain, HowRecordWithoutRecordTextKeepsThePremises) {
    rules();
    e.assert_fact(meting, {Value::symbol("overlast"), Value(12)});
    e.assert_fact(norm, {Value::symbol("overlast"), Value(10)});
    e.run();
    ASSERT_EQ(e.records().size(), 1u);
    Derivation d = e.how_record(e.records()[0]);
    ASSERT_FALSE(d.text.empty());
    e.how_record(e.records()[0], d, false);
    EXPECT_TRUE(d.text.empty());
    Derivation vol = e.how_record(e.records()[0]);
    vol.text.clear();
    expect_same(d, vol, "zonder tekst");
    ASSERT_EQ(d.premises.size(), 1u);
    EXPECT_EQ(d.premises[0].text, "hoog(indicator: overlast)");
}

TEST_F(Explain, HowFactWorksForRetractedFacts) {
    rules();
    e.assert_fact(meting, {Value::symbol("x"), Value(5)});
    e.assert_fact(norm, {Value::symbol("x"), Value(1)});
    e.run();
    FactId h = e.facts_of(hoog).at(0)->id;
    e.retract(h);
    Derivation d = e.how_fact(h);
    EXPECT_EQ(d.text, "hoog(indicator: x)");
    EXPECT_EQ(d.rule_id, "te_hoog");
    EXPECT_EQ(d.premises.size(), 2u);
}

TEST_F(Explain, WhyNotNamesFirstFailingCondition) {
    rules();
    WhyNot w = e.why_not("te_hoog");
    ASSERT_TRUE(w.found);
    ASSERT_EQ(w.alternatives.size(), 1u);
    EXPECT_EQ(w.alternatives[0].failing_condition, 0u);
    EXPECT_EQ(w.alternatives[0].reason, "er is geen feit 'meting'");

    auto m = e.assert_fact(meting, {Value::symbol("overlast"), Value(8)});
    e.assert_fact(norm, {Value::symbol("overlast"), Value(10)});
    w = e.why_not("te_hoog");
    const WhyNotAlternative& a = w.alternatives[0];
    EXPECT_EQ(a.failing_condition, 1u);
    EXPECT_EQ(a.condition_text, "cond1");
    EXPECT_NE(a.reason.find("bindingen"), std::string::npos);
    EXPECT_EQ(a.partial_facts, std::vector<FactId>{*m});
    ASSERT_EQ(a.partial_bindings.size(), 2u);
    EXPECT_EQ(a.partial_bindings[0], (std::pair<std::string, Value>{"?i", Value::symbol("overlast")}));

    e.assert_fact(uitzondering, {Value::symbol("overlast")});
    e.assert_fact(meting, {Value::symbol("overlast"), Value(20)});
    w = e.why_not("te_hoog");
    EXPECT_EQ(w.alternatives[0].failing_condition, 2u);
    EXPECT_EQ(w.alternatives[0].partial_facts.size(), 2u);
}

TEST_F(Explain, WhyNotForFiredAndUnknownRules) {
    rules();
    e.assert_fact(meting, {Value::symbol("o"), Value(20)});
    e.assert_fact(norm, {Value::symbol("o"), Value(10)});
    WhyNot before = e.why_not("te_hoog");
    EXPECT_FALSE(before.alternatives[0].failing_condition);
    EXPECT_FALSE(before.alternatives[0].fired);
    e.run();
    WhyNot after = e.why_not("te_hoog");
    EXPECT_FALSE(after.alternatives[0].failing_condition);
    EXPECT_TRUE(after.alternatives[0].fired);
    EXPECT_FALSE(e.why_not("bestaat_niet").found);
}

TEST_F(Explain, WhyNotConstantTests) {
    RuleBuilder b("alleen_a");
    b.pat(meting, {cmp(0, Op::eq, sym("a"))}).emit("x", {{"x", C(Value(1))}});
    e.add_rule(b.done());
    e.assert_fact(meting, {Value::symbol("b"), Value(1)});
    WhyNot w = e.why_not("alleen_a");
    EXPECT_EQ(w.alternatives[0].reason, "geen 'meting' met indicator == a");
}

TEST_F(Explain, OffMeansNoLog) {
    e.set_explanation(false);
    rules();
    e.assert_fact(meting, {Value::symbol("o"), Value(20)});
    e.assert_fact(norm, {Value::symbol("o"), Value(10)});
    EXPECT_EQ(e.run().firings, 2u);
    EXPECT_TRUE(e.firing_log().empty());
    EXPECT_EQ(e.records().size(), 1u);
}

TEST_F(Explain, OrAlternativesFireOnTheirOwn) {
    RuleBuilder b("of");
    b.pat(meting, {cmp(0, Op::eq, sym("a")), bind(1, b.var("?w"))})
        .alternative()
        .pat(norm, {cmp(0, Op::eq, sym("a")), bind(1, b.var("?w"))});
    b.emit("of", {{"w", b.v("?w")}});
    e.add_rule(b.done());
    e.assert_fact(meting, {Value::symbol("a"), Value(1)});
    e.assert_fact(norm, {Value::symbol("a"), Value(2)});
    e.run();
    ASSERT_EQ(e.firing_log().size(), 2u);
    std::set<std::size_t> alts{e.firing_log()[0].alternative, e.firing_log()[1].alternative};
    EXPECT_EQ(alts, (std::set<std::size_t>{0, 1}));
    EXPECT_EQ(e.why_not("of").alternatives.size(), 2u);
}

TEST(ExplainLong, SharedPremisesAreExpandedOnce) {
    // Two counters raised together by one rule, 60 times: every step rests on both results of the
    // step before, so the derivation as a tree would have 2^60 nodes. Expanding each fact once keeps
    // it linear.
    Engine e;
    auto a = e.define_template(tmpl("a", {{"n", SlotType::integer}}));
    auto b = e.define_template(tmpl("b", {{"n", SlotType::integer}}));
    RuleBuilder r("op");
    r.fpat("?f", a, {bind(0, r.var("?n")), cmp(0, Op::lt, C(Value(60)))})
        .fpat("?g", b, {bind(0, r.var("?n"))})
        .modify(r.v("?f"), {{0, op(Op::add, r.v("?n"), C(Value(1)))}})
        .modify(r.v("?g"), {{0, op(Op::add, r.v("?n"), C(Value(1)))}});
    e.add_rule(r.done());
    RuleBuilder k("klaar");
    k.pat(a, {cmp(0, Op::eq, C(Value(60)))}).pat(b, {cmp(0, Op::eq, C(Value(60)))}).emit("klaar", {{"x", C(Value(true))}});
    e.add_rule(k.done());
    e.assert_fact(a, {Value(0)});
    e.assert_fact(b, {Value(0)});
    e.run();
    ASSERT_EQ(e.records().size(), 1u);
    Derivation d = e.how_record(e.records()[0]);
    std::size_t nodes = 0;
    std::function<void(const Derivation&)> count = [&](const Derivation& x) {
        ++nodes;
        for (const Derivation& p : x.premises) count(p);
    };
    count(d);
    std::size_t depth = 0;
    for (const Derivation* cur = &d; !cur->premises.empty(); cur = &cur->premises[0]) ++depth;
    EXPECT_EQ(depth, 61u);  // record <- a(60) <- a(59) ... <- a(0)
    EXPECT_LT(nodes, 400u);
    // The second premise at the top is named with its rule, even when not expanded again.
    ASSERT_EQ(d.premises.size(), 2u);
    EXPECT_EQ(d.premises[1].rule_id, "op");
}

// A record's names are views into its rule's definition, which the record keeps alive: taken
// records stay readable after the engine that emitted them is gone (ASan checks the reads).
TEST(Records, OutliveTheEngine) {
    std::vector<Record> records;
    {
        auto e = std::make_unique<Engine>();
        TemplateId t = e->define_template(tmpl("t", {{"v", SlotType::integer}}));
        RuleBuilder b("een.regel.met.een.lange.naam");
        b.pat(t, {bind(0, b.var("?v"))}).emit("een_lang_recordsoort_naam", {{"een_veld_met_een_lange_naam", b.v("?v")}});
        e->add_rule(b.done());
        e->assert_fact(t, {Value(7)});
        e->run();
        records = e->take_records();
    }
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].name, "een_lang_recordsoort_naam");
    EXPECT_EQ(records[0].rule_id, "een.regel.met.een.lange.naam");
    ASSERT_EQ(records[0].fields.size(), 1u);
    EXPECT_EQ(records[0].fields[0].first, "een_veld_met_een_lange_naam");
    EXPECT_EQ(records[0].fields[0].second, Value(7));
    ASSERT_NE(records[0].rule, nullptr);
    EXPECT_EQ(records[0].rule_meta, &records[0].rule->meta);
}

TEST_F(Explain, WhyNotTellsAPatternFromTheTestsTestedInItsJoin) {
    // Two tests right after the pattern of norm are tested in its join (no token level of their
    // own): why-not still names the one no match gets past.
    RuleBuilder b("getest");
    b.pat(meting, {bind(0, b.var("?i")), bind(1, b.var("?w"))})
        .pat(norm, {bind(0, b.var("?i")), bind(1, b.var("?g"))})
        .when(op(Op::lt, b.v("?g"), b.v("?w")))
        .when(op(Op::gt, b.v("?w"), C(Value(100))))
        .emit("x", {{"x", C(Value(1))}});
    e.add_rule(b.done());
    // The same with the join's own slot on the right of the comparison (`?w > ?g`).
    RuleBuilder g("gespiegeld");
    g.pat(meting, {bind(0, g.var("?i")), bind(1, g.var("?w"))})
        .pat(norm, {bind(0, g.var("?i")), bind(1, g.var("?g"))})
        .when(op(Op::gt, g.v("?w"), g.v("?g")))
        .when(op(Op::gt, g.v("?w"), C(Value(100))))
        .emit("x", {{"x", C(Value(2))}});
    e.add_rule(g.done());
    e.assert_fact(meting, {Value::symbol("o"), Value(50)});
    EXPECT_EQ(e.why_not("getest").alternatives[0].failing_condition, 1u);  // no norm at all
    e.assert_fact(norm, {Value::symbol("o"), Value(60)});
    EXPECT_EQ(e.why_not("getest").alternatives[0].failing_condition, 2u);  // ?g < ?w fails
    e.assert_fact(norm, {Value::symbol("o"), Value(10)});
    const WhyNotAlternative a = e.why_not("getest").alternatives[0];
    EXPECT_EQ(a.failing_condition, 3u);  // ?w > 100 fails
    EXPECT_EQ(a.reason, "de test is onwaar voor de bindingen tot nu toe");
    EXPECT_EQ(a.partial_facts.size(), 1u);
    // The meting's level only: no norm passes both tests, and the tests have no levels (with a
    // level per test there were four: two norm levels and the one that passes ?g < ?w).
    EXPECT_EQ(e.stats().tokens, 1u);
    e.assert_fact(meting, {Value::symbol("o"), Value(200)});
    // + the new meting and its match with each norm: `?w > ?g` is the same test as `?g < ?w`, so
    // both rules share the node.
    EXPECT_EQ(e.stats().tokens, 4u);
    EXPECT_EQ(e.agenda_size(), 4u);
    EXPECT_FALSE(e.why_not("getest").alternatives[0].failing_condition);
}
