// SPDX-License-Identifier: EUPL-1.2
// Checkpoint and rollback: a consultation after rollback() must be indistinguishable from one after
// reset() and re-asserting the initial facts: the same facts with the same ids, the same firings in
// the same order, the same records. Checked over random rule bases (joins, salience, not, exists,
// aggregates, logical rules, retract and modify of initial facts) for many consultations in a row.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "rule_builder.hpp"

using namespace ww;
using namespace ww::test;

namespace {

constexpr int kRange = 4;

struct World {
    TemplateId base, input, derived;
    explicit World(Engine& e) {
        base = e.define_template(tmpl("basis", {{"x", SlotType::integer}, {"y", SlotType::integer}}));
        input = e.define_template(tmpl("invoer", {{"x", SlotType::integer}, {"y", SlotType::integer}}));
        derived = e.define_template(tmpl("afgeleid", {{"x", SlotType::any}, {"y", SlotType::any}}));
    }
};

// `gentle`: only rules that leave the initial state alone (rollback's fast path); otherwise also
// rules that undo matches of the initial facts or retract them (its slow path).
constexpr int kKinds = 12;
// The kinds that leave the initial state alone.
constexpr int kGentle[] = {0, 1, 2, 3, 9, 10, 11};

RuleDef make_rule(const World& w, std::mt19937& rng, int kind, const std::string& id) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    RuleBuilder b(id);
    b.salience(pick(3) - 1);
    if (pick(3) == 0) b.logical();
    {
        switch (kind) {
            case 0:  // base joined with input
                b.pat(w.base, {bind(0, b.var("?a")), bind(1, b.var("?b"))}).pat(w.input, {bind(0, b.var("?b")), bind(1, b.var("?c"))});
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?c")}});
                break;
            case 1:  // base alone: matches at the checkpoint already, fires every consultation
                b.pat(w.base, {bind(0, b.var("?a")), bind(1, b.var("?b")), cmp(1, Op::ne, C(Value(pick(kRange))))});
                b.assert_(w.derived, {{0, b.v("?b")}, {1, b.v("?a")}});
                break;
            case 2:  // derived chains with input
                b.pat(w.derived, {bind(0, b.var("?a")), bind(1, b.var("?b"))}).pat(w.input, {bind(0, b.var("?a"))});
                b.assert_(w.derived, {{0, b.v("?b")}, {1, C(Value(pick(kRange)))}});
                break;
            case 3:  // negation among inputs: new matches only
                b.pat(w.input, {bind(0, b.var("?a"))}).no(w.input, {bind(1, b.var("?a"))});
                b.assert_(w.derived, {{0, b.v("?a")}, {1, C(Value(3))}});
                break;
            case 4:  // base with no input: undone by the consultation's facts
                b.pat(w.base, {bind(0, b.var("?a")), bind(1, b.var("?b"))}).no(w.input, {bind(0, b.var("?a"))});
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?b")}});
                break;
            case 5: {  // count, sum, min, max or collect of inputs per base fact
                const AggregateKind kinds[] = {AggregateKind::count, AggregateKind::sum, AggregateKind::min,
                                               AggregateKind::max, AggregateKind::collect};
                AggregateKind k = kinds[pick(5)];
                b.var("?a");  // variable 0, which the emit below reads
                Expr term;
                switch (pick(3)) {
                    case 0: term = b.v("?v"); break;
                    case 1: term = op(Op::div, b.v("?v"), C(Value(3))); break;  // floats that round
                    case 2: term = Expr::call_of("min", {b.v("?v"), C(Value(2.0))}); break;  // 2 and 2.0 tie
                }
                b.pat(w.base, {bind(0, b.var("?a"))})
                    .aggregate("?n", k, w.input, {bind(0, b.var("?a")), bind(1, b.var("?v"))}, std::move(term));
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?n")}});
                break;
            }
            case 6:  // exists over inputs
                b.pat(w.base, {bind(0, b.var("?a")), bind(1, b.var("?b"))}).exists(w.input, {bind(1, b.var("?a"))});
                b.assert_(w.derived, {{0, b.v("?b")}, {1, C(Value(0))}});
                break;
            case 8:  // aggregates in a row; a test on the first result
                b.pat(w.base, {bind(0, b.var("?a"))})
                    .aggregate("?n", AggregateKind::count, w.input, {bind(0, b.var("?a"))})
                    .aggregate("?s", AggregateKind::sum, w.input, {bind(0, b.var("?a")), bind(1, b.var("?v"))}, b.v("?v"))
                    .when(op(Op::le, b.v("?n"), C(Value(pick(3)))));
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?s")}});
                break;
            case 9: {  // an aggregate under an input (made after the checkpoint), its result tested further on
                const AggregateKind kinds[] = {AggregateKind::count, AggregateKind::sum, AggregateKind::min,
                                               AggregateKind::max, AggregateKind::collect};
                AggregateKind k = kinds[pick(5)];
                b.pat(w.input, {bind(0, b.var("?a"))})
                    .aggregate("?n", k, w.input, {bind(1, b.var("?a")), bind(0, b.var("?v"))}, b.v("?v"));
                if (k != AggregateKind::collect) b.when(op(Op::le, b.v("?n"), C(Value(1 + pick(3)))));
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?n")}});
                break;
            }
            case 7:  // retracts an initial fact
                b.fpat("?f", w.base, {bind(0, b.var("?a"))}).pat(w.input, {bind(0, b.var("?a")), cmp(1, Op::eq, C(Value(0)))});
                b.retract(b.v("?f"));
                break;
            case 10:  // a list over the initial facts that inputs thin out, made before the checkpoint; read per input
                b.var("?a");
                b.aggregate("?xs", AggregateKind::collect, w.base, {bind(0, b.var("?p")), bind(1, b.var("?q"))}, b.v("?p"));
                b.also(Condition::Kind::negation, w.input, {bind(0, b.var("?q"))});
                b.pat(w.input, {bind(0, b.var("?a"))});
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?xs")}});
                break;
            case 11: {  // a count or sum over all inputs, made before the checkpoint; read per input, then tested
                b.var("?a");
                const bool sum = pick(2) == 0;
                b.aggregate("?n", sum ? AggregateKind::sum : AggregateKind::count, w.input, {bind(1, b.var("?v"))},
                            sum ? b.v("?v") : Expr{});
                b.pat(w.input, {bind(0, b.var("?a"))});
                b.when(op(Op::le, b.v("?n"), C(Value(1 + pick(4)))));
                b.assert_(w.derived, {{0, b.v("?a")}, {1, b.v("?n")}});
                break;
            }
        }
    }
    b.emit("uit", {{"x", Expr::var_of(0)}});
    return b.done();
}

std::vector<RuleDef> make_rules(const World& w, std::mt19937& rng, bool gentle) {
    std::vector<RuleDef> rules;
    int count = 4 + static_cast<int>(rng() % 6);
    for (int r = 0; r < count; ++r) {
        int kind = gentle ? kGentle[rng() % std::size(kGentle)] : static_cast<int>(rng() % kKinds);
        rules.push_back(make_rule(w, rng, kind, "r" + std::to_string(r)));
    }
    return rules;
}

// Everything a consultation leaves behind, in order.
std::string outcome(const Engine& e, const RunResult& run) {
    std::string s = "vuringen " + std::to_string(run.firings) + "\n";
    for (const FiringInfo& f : e.firing_log()) {
        s += std::to_string(f.index) + " " + f.rule->id + " alt " + std::to_string(f.alternative) + " [";
        for (FactId id : f.facts) s += " " + std::to_string(id);
        s += " ]";
        for (const Value& v : f.bindings) s += " " + v.repr();
        s += "\n";
    }
    for (const Record& r : e.records()) {
        s += std::string(r.name) + " " + std::string(r.rule_id) + " #" + std::to_string(r.firing);
        for (const auto& [k, v] : r.fields) s += " " + std::string(k) + "=" + v.repr();
        s += "\n";
    }
    for (const Fact* f : e.facts()) {
        s += "f" + std::to_string(f->id) + " t" + std::to_string(f->tmpl);
        for (const Value& v : f->slots) s += " " + v.repr();
        s += "\n";
    }
    s += "agenda " + std::to_string(e.agenda_size());
    return s;
}

struct Tally {
    int fast = 0, slow = 0, firings = 0;
};

// `kinds`: the rules to use (empty: a random rule base, gentle or not).
void check_seed(unsigned seed, bool gentle, Strategy strategy, Tally& tally, const std::vector<int>& kinds = {}) {
    std::mt19937 rng(seed);
    Engine ref, cp;
    ref.set_strategy(strategy);
    cp.set_strategy(strategy);
    World w(ref), w2(cp);
    std::vector<RuleDef> rules;
    if (kinds.empty()) rules = make_rules(w, rng, gentle);
    for (int k : kinds) rules.push_back(make_rule(w, rng, k, "r" + std::to_string(rules.size())));
    for (const RuleDef& r : rules) {
        ref.add_rule(r);
        cp.add_rule(r);
    }
    auto val = [&] { return Value(static_cast<int>(rng() % kRange)); };
    std::vector<std::vector<Value>> initial;
    for (int i = 0; i < 6; ++i) initial.push_back({val(), val()});
    for (const auto& s : initial) cp.assert_fact(w2.base, s);
    cp.checkpoint();
    for (int consult = 0; consult < 12; ++consult) {
        std::vector<std::pair<TemplateId, std::vector<Value>>> x;
        int n = static_cast<int>(rng() % 5);
        for (int i = 0; i < n; ++i) x.push_back({rng() % 4 == 0 ? w.base : w.input, {val(), val()}});

        ref.reset();
        for (const auto& s : initial) ref.assert_fact(w.base, s);
        for (const auto& [t, s] : x) ref.assert_fact(t, s);
        RunResult a = ref.run();

        if (consult > 0 || seed % 2 == 0) {  // the first consultation may start from the checkpoint itself
            if (cp.rollback()) ++tally.fast;
            else ++tally.slow;
        }
        for (const auto& [t, s] : x) cp.assert_fact(t, s);
        RunResult b = cp.run();
        tally.firings += static_cast<int>(b.firings);
        ASSERT_EQ(outcome(ref, a), outcome(cp, b)) << "zaad " << seed << ", raadpleging " << consult;
    }
}

}  // namespace

TEST(Checkpoint, RollbackEqualsResetGentleRules) {
    Tally t;
    for (unsigned seed = 1; seed <= 150; ++seed) check_seed(seed, true, Strategy::depth, t);
    for (unsigned seed = 151; seed <= 200; ++seed) check_seed(seed, true, Strategy::breadth, t);
    EXPECT_GT(t.fast, 2000);  // the fast path is what is meant to be used
    EXPECT_GT(t.firings, 5000);
}

TEST(Checkpoint, RollbackEqualsResetAnyRules) {
    Tally t;
    for (unsigned seed = 1000; seed <= 1200; ++seed) check_seed(seed, false, seed % 2 ? Strategy::depth : Strategy::breadth, t);
    EXPECT_GT(t.fast, 200);
    EXPECT_GT(t.slow, 200);  // and the fallback really ran
    EXPECT_GT(t.firings, 5000);
}

// An aggregate made before the checkpoint whose result the consultation changes, and a list over a
// conjunction whose `not` the consultation's facts block, leave nothing a rollback cannot restore in
// place: every consultation takes the fast path, and still equals a reset.
TEST(Checkpoint, AggregatesOfTheCheckpointStayOnTheFastPath) {
    Tally t;
    for (unsigned seed = 1; seed <= 120; ++seed)
        check_seed(seed, true, seed % 2 ? Strategy::depth : Strategy::breadth, t, {10, 11, 10, 0});
    EXPECT_EQ(t.slow, 0);
    EXPECT_GT(t.fast, 1000);
    EXPECT_GT(t.firings, 2000);
}

TEST(Checkpoint, ResetDropsCheckpoint) {
    Engine e;
    World w(e);
    e.assert_fact(w.base, {Value(1), Value(2)});
    e.checkpoint();
    EXPECT_TRUE(e.has_checkpoint());
    e.reset();
    EXPECT_FALSE(e.has_checkpoint());
    EXPECT_THROW(e.rollback(), std::logic_error);
}

TEST(Checkpoint, RollbackRestoresIdsAndFiredActivations) {
    Engine e;
    World w(e);
    RuleBuilder b("kopie");
    b.pat(w.base, {bind(0, b.var("?a"))}).assert_(w.derived, {{0, b.v("?a")}, {1, C(Value(9))}});
    e.add_rule(b.done());
    e.assert_fact(w.base, {Value(1), Value(2)});
    e.assert_fact(w.base, {Value(2), Value(2)});
    e.checkpoint();
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(e.agenda_size(), 2u);
        EXPECT_EQ(e.run().firings, 2u);
        EXPECT_EQ(e.fact_count(), 4u);
        EXPECT_EQ(e.facts().back()->id, 4u);
        EXPECT_TRUE(e.rollback());
        EXPECT_EQ(e.fact_count(), 2u);
        EXPECT_TRUE(e.firing_log().empty());
        EXPECT_EQ(*e.assert_fact(w.input, {Value(0), Value(0)}), 3u);  // ids go on from the checkpoint
        EXPECT_TRUE(e.rollback());
    }
}

// Rollback cuts the newer records off when the checkpoint's are still in front, and copies them
// back when take_records() took them away in between.
TEST(Checkpoint, RollbackRestoresRecordsTakenOrNot) {
    Engine e;
    World w(e);
    RuleBuilder b("meld");
    b.pat(w.base, {bind(0, b.var("?a"))}).emit("basis", {{"x", b.v("?a")}});
    e.add_rule(b.done());
    RuleBuilder c("meld-invoer");
    c.pat(w.input, {bind(0, c.var("?a"))}).emit("invoer", {{"x", c.v("?a")}});
    e.add_rule(c.done());
    e.assert_fact(w.base, {Value(1), Value(2)});
    e.assert_fact(w.base, {Value(2), Value(2)});
    e.run();
    e.checkpoint();
    auto namen = [](const std::vector<Record>& rs) {
        std::string s;
        for (const Record& r : rs) s += std::string(r.name) + "=" + r.fields.at(0).second.repr() + " ";
        return s;
    };
    const std::string begin = namen(e.records());
    ASSERT_EQ(begin, "basis=2 basis=1 ");
    for (int i = 0; i < 4; ++i) {
        e.assert_fact(w.input, {Value(7), Value(0)});
        e.run();
        if (i % 2 == 0) {
            EXPECT_EQ(namen(e.take_records()), begin + "invoer=7 ");
            // As many new records as the checkpoint had: the count alone cannot tell them apart.
            e.assert_fact(w.input, {Value(8), Value(0)});
            e.assert_fact(w.input, {Value(9), Value(0)});
            e.run();
            EXPECT_EQ(namen(e.records()), "invoer=9 invoer=8 ");
        } else {
            EXPECT_EQ(namen(e.records()), begin + "invoer=7 ");
        }
        EXPECT_TRUE(e.rollback());
        EXPECT_EQ(namen(e.records()), begin) << "ronde " << i;
    }
}
