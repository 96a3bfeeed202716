// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {
TemplateDef meting() {
    TemplateDef t;
    t.name = "meting";
    t.slots.push_back(SlotDef{"indicator", SlotType::symbol, std::nullopt, false});
    t.slots.push_back(SlotDef{"waarde", SlotType::floating, Value(1.5), false});
    t.slots.push_back(SlotDef{"bron", SlotType::string, std::nullopt, true});
    return t;
}
}  // namespace

TEST(WorkingMemory, AssertGivesIncreasingIdsAndDefaults) {
    Engine e;
    auto t = e.define_template(meting());
    auto a = e.assert_fact(t, std::vector<std::pair<std::string, Value>>{{"indicator", Value::symbol("overlast")}});
    auto b = e.assert_fact(t, {Value::symbol("diefstal"), Value(3)});
    ASSERT_TRUE(a && b);
    EXPECT_LT(*a, *b);
    const Fact* fa = e.fact(*a);
    ASSERT_NE(fa, nullptr);
    EXPECT_EQ(fa->slots[1], Value(1.5));
    EXPECT_EQ(fa->slots[2], Value::string(""));
    EXPECT_EQ(e.fact_count(), 2u);
    EXPECT_EQ(e.facts().front()->id, *a);
}

TEST(WorkingMemory, DuplicatesAreSuppressed) {
    Engine e;
    auto t = e.define_template(meting());
    EXPECT_TRUE(e.assert_fact(t, {Value::symbol("x"), Value(2.0)}));
    EXPECT_FALSE(e.assert_fact(t, {Value::symbol("x"), Value(2.0)}));
    EXPECT_EQ(e.fact_count(), 1u);
}

// The duplicate check hashes a fact its own way (WorkingMemory::hash_of): values that are equal with
// the same kind must still find each other, however they are held, and 1 and 1.0 stay two facts.
TEST(WorkingMemory, DuplicatesAreFoundHoweverAValueIsHeld) {
    Engine e;
    TemplateDef def;
    def.name = "waarneming";
    def.slots.push_back(SlotDef{"tekst", SlotType::string, std::nullopt, false});
    def.slots.push_back(SlotDef{"getal", SlotType::number, std::nullopt, false});
    auto t = e.define_template(def);
    // A computed text before it is an atom stays a counted text; the literal below interns it.
    const Value counted = Value::computed_string("alleen-in-deze-test-berekend");
    ASSERT_TRUE(counted.is_counted_text());
    EXPECT_TRUE(e.assert_fact(t, {counted, Value(0.0)}));
    EXPECT_FALSE(e.assert_fact(t, {Value::string("alleen-in-deze-test-berekend"), Value(0.0)}));
    EXPECT_FALSE(e.assert_fact(t, {counted, Value(-0.0)}));  // -0.0 == 0.0
    EXPECT_EQ(e.fact_count(), 1u);
    EXPECT_TRUE(e.assert_fact(t, {Value::string("x"), Value(1)}));
    EXPECT_TRUE(e.assert_fact(t, {Value::string("x"), Value(1.0)}));  // another kind: another fact
    EXPECT_FALSE(e.assert_fact(t, {Value::string("x"), Value(1)}));
    EXPECT_FALSE(e.assert_fact(t, {Value::string("x"), Value(1.0)}));
    EXPECT_EQ(e.fact_count(), 3u);
}

// A rollback retracts the facts made since the checkpoint newest first and empties their slots of the
// duplicate check without moving other facts (WorkingMemory::erase_newest), unless the table grew
// after such a fact was placed: growing places the facts anew, and an older fact may then have to
// probe past a newer one. Each round grows the table further, and retracts every third new fact
// before the rollback; every fact of the checkpoint must still be found as a duplicate.
TEST(WorkingMemory, RollbackKeepsEveryFactOfTheCheckpointFindable) {
    Engine e;
    TemplateDef def;
    def.name = "getal";
    def.slots.push_back(SlotDef{"n", SlotType::integer, std::nullopt, false});
    auto t = e.define_template(def);
    constexpr int kept = 40;
    for (int n = 0; n < kept; ++n) ASSERT_TRUE(e.assert_fact(t, {Value(n)}));
    e.checkpoint();
    for (int round = 0; round < 12; ++round) {
        std::vector<FactId> made;
        for (int k = 0; k < 5 + round * round * 12; ++k) {
            auto id = e.assert_fact(t, {Value(1000 * (round + 1) + k)});
            ASSERT_TRUE(id);
            made.push_back(*id);
        }
        for (std::size_t k = 0; k < made.size(); k += 3) ASSERT_TRUE(e.retract(made[k]));
        ASSERT_TRUE(e.rollback());
        EXPECT_EQ(e.fact_count(), static_cast<std::size_t>(kept));
        for (int n = 0; n < kept; ++n) EXPECT_FALSE(e.assert_fact(t, {Value(n)})) << "ronde " << round << ", n = " << n;
        EXPECT_EQ(e.fact_count(), static_cast<std::size_t>(kept));
    }
}

TEST(WorkingMemory, TypeMismatchIsRejected) {
    Engine e;
    auto t = e.define_template(meting());
    EXPECT_THROW(e.assert_fact(t, {Value::string("niet een symbool")}), std::invalid_argument);
    EXPECT_THROW(e.assert_fact(t, std::vector<std::pair<std::string, Value>>{{"bestaat_niet", Value(1)}}), std::invalid_argument);
    EXPECT_TRUE(e.assert_fact(t, {Value::symbol("a"), Value(1), Value()}));  // nullable slot
    EXPECT_THROW(e.define_template(meting()), std::invalid_argument);        // defined twice
}

// A few slots are compared pairwise, many through a set: both refuse the first slot whose name an
// earlier slot has, and only that.
TEST(WorkingMemory, ASlotNamedTwiceIsRefusedForFewAndManySlots) {
    // Appended, not `"s" + std::to_string(i)`: GCC 12 warns (-Wrestrict) about that operator+ here.
    auto numbered = [](char prefix, std::size_t i) {
        std::string name(1, prefix);
        name += std::to_string(i);
        return name;
    };
    for (const std::size_t count : {std::size_t{2}, std::size_t{3}, std::size_t{16}, std::size_t{17}, std::size_t{40}}) {
        TemplateDef t;
        t.name = numbered('t', count);
        for (std::size_t i = 0; i < count; ++i) t.slots.push_back(SlotDef{numbered('s', i), SlotType::integer, std::nullopt, false});
        Engine fine;
        EXPECT_NO_THROW(fine.define_template(t)) << count;
        // The last slot named as the first and the one before it as the second: the message names the
        // slot met first going up, s1 (with three slots or fewer only s0 is named twice).
        t.slots.back().name = "s0";
        if (count > 3) t.slots[count - 2].name = "s1";
        Engine e;
        try {
            e.define_template(t);
            ADD_FAILURE() << count << " slots, twee met dezelfde naam: geweigerd verwacht";
        } catch (const std::invalid_argument& err) {
            const std::string expected = count > 3 ? "template '" + t.name + "': slot 's1' staat er twee keer in"
                                                   : "template '" + t.name + "': slot 's0' staat er twee keer in";
            EXPECT_EQ(std::string(err.what()), expected) << count;
        }
        EXPECT_EQ(e.template_count(), 0u) << count;
        // The refused template leaves no name behind (define_template enters it before the slots are
        // checked): the same name with its slots set right is defined after it, once.
        EXPECT_FALSE(e.find_template(t.name)) << count;
        t.slots.back().name = numbered('s', count - 1);
        if (count > 3) t.slots[count - 2].name = numbered('s', count - 2);
        EXPECT_EQ(e.define_template(t), 0u) << count;
        EXPECT_EQ(e.find_template(t.name), std::optional<TemplateId>(0)) << count;
        try {
            e.define_template(t);
            ADD_FAILURE() << count << " slots, dezelfde naam twee keer: geweigerd verwacht";
        } catch (const std::invalid_argument& err) {
            EXPECT_EQ(std::string(err.what()), "template '" + t.name + "' bestaat al") << count;
        }
        EXPECT_EQ(e.template_count(), 1u) << count;
        EXPECT_EQ(e.find_template(t.name), std::optional<TemplateId>(0)) << count;
    }
}

TEST(WorkingMemory, RetractAndModify) {
    Engine e;
    auto t = e.define_template(meting());
    auto id = *e.assert_fact(t, {Value::symbol("x"), Value(2.0)});
    auto nid = e.modify(id, {{1, Value(4.0)}});
    ASSERT_TRUE(nid);
    EXPECT_NE(*nid, id);
    EXPECT_EQ(e.fact(id), nullptr);
    EXPECT_EQ(e.fact(*nid)->slots[1], Value(4.0));
    EXPECT_THROW(e.modify(id, {{1, Value(5.0)}}), std::invalid_argument);
    EXPECT_THROW(e.modify(*nid, {{1, Value::string("x")}}), std::invalid_argument);
    EXPECT_TRUE(e.retract(*nid));
    EXPECT_EQ(e.fact_count(), 0u);
}

TEST(WorkingMemory, FactsOfTemplateOldestFirst) {
    Engine e;
    auto t = e.define_template(meting());
    auto u = e.define_template(tmpl("ander", {{"v", SlotType::integer}}));
    e.assert_fact(t, {Value::symbol("b")});
    e.assert_fact(u, {Value(1)});
    e.assert_fact(t, {Value::symbol("a")});
    auto fs = e.facts_of(t);
    ASSERT_EQ(fs.size(), 2u);
    EXPECT_EQ(fs[0]->slots[0], Value::symbol("b"));
    EXPECT_EQ(e.find_template("ander"), u);
    EXPECT_FALSE(e.find_template("geen"));
}

TEST(WorkingMemory, ResetClearsFactsButKeepsRules) {
    Engine e;
    auto t = e.define_template(tmpl("n", {{"v", SlotType::integer}}));
    RuleBuilder b("r");
    b.pat(t, {bind(0, b.var("?v"))}).emit("x", {{"v", b.v("?v")}});
    e.add_rule(b.done());
    e.assert_fact(t, {Value(1)});
    e.run();
    e.reset();
    EXPECT_EQ(e.fact_count(), 0u);
    EXPECT_TRUE(e.records().empty());
    EXPECT_TRUE(e.firing_log().empty());
    e.assert_fact(t, {Value(1)});
    EXPECT_EQ(e.run().firings, 1u);
}

TEST(WorkingMemory, RuleWithoutConditionsFiresOncePerReset) {
    Engine e;
    auto t = e.define_template(tmpl("start", {{"v", SlotType::integer}}));
    RuleDef r;
    r.id = "begin";
    r.alternatives.emplace_back();  // no conditions
    Action a;
    a.kind = Action::Kind::assert_fact;
    a.tmpl = t;
    a.slots.emplace_back(0, Expr::constant_of(Value(1)));
    r.actions.edit().push_back(a);
    e.add_rule(r);
    EXPECT_EQ(e.run().firings, 1u);
    EXPECT_EQ(e.run().firings, 0u);
    EXPECT_EQ(e.fact_count(), 1u);
    e.reset();
    EXPECT_EQ(e.fact_count(), 0u);
    EXPECT_EQ(e.run().firings, 1u);
    EXPECT_EQ(e.fact_count(), 1u);
}

// The message of a value that does not fit names the value, its kind, the slot, template and type.
TEST(WorkingMemory, TypeMismatchSaysWhatDoesNotFitWhere) {
    Engine e;
    auto t = e.define_template(meting());
    try {
        e.assert_fact(t, {Value::symbol("a"), Value::string("veel")});
        FAIL() << "geen fout";
    } catch (const std::invalid_argument& err) {
        EXPECT_STREQ(err.what(), "waarde \"veel\" (tekst) past niet in slot 'waarde' van 'meting' (float)");
    }
}
