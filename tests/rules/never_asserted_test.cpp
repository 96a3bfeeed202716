// SPDX-License-Identifier: EUPL-1.2
// Engine::promise_never_asserted through RuleBase::install: the alternatives that need a promised
// fact (in a pattern or an `exists`) are not built, the others fire exactly as in an engine without the promise (same records in
// the same order, over random facts, retractions and rollbacks), and the promise cannot be broken
// silently.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>

#include "helpers.hpp"
#include "rules/image.hpp"

namespace {

using ww::test::load_text;

// g() is the promised template; the rules mix patterns of it (first, in the middle, in one `or`
// alternative) with rules that share its neighbours' nodes, and use it under not, exists and count.
const std::string kBase = R"Y(
templates:
  a: {slots: {x: int}}
  b: {slots: {x: int}}
  c: {slots: {x: int}}
  g: {slots: {}}
rules:
  - id: g-eerst
    salience: 3
    when: ["g()", "a(x: ?x)", "b(x: ?x)"]
    then: ["emit r(n: 1, x: ?x)"]
  - id: gedeeld-begin
    when: ["a(x: ?x)", "b(x: ?x)"]
    then: ["emit r(n: 2, x: ?x)", "assert c(x: ?x)"]
  - id: g-midden
    when: ["a(x: ?x)", "g()", "b(x: ?x)"]
    then: ["emit r(n: 3, x: ?x)"]
  - id: of-g
    salience: 1
    when:
      - "a(x: ?x)"
      - or:
          - "g()"
          - "c(x: ?x)"
    then: ["emit r(n: 4, x: ?x)"]
  - id: niet-g
    when: ["b(x: ?x)", "not g()"]
    then: ["emit r(n: 5, x: ?x)"]
  - id: bestaat-g
    when: ["c(x: ?x)", "exists g()"]
    then: ["emit r(n: 6, x: ?x)"]
  - id: telt-g
    salience: -1
    when: ["c(x: ?x)", "?n = count(g())"]
    then: ["emit r(n: 7, x: ?x, k: ?n)"]
  - id: na-c
    salience: 2
    when: ["c(x: ?x)", "a(x: ?x)"]
    then: ["emit r(n: 8, x: ?x)"]
)Y";

const ww::InstallOptions kPromise{{"g"}, false, {}};

std::vector<std::string> texts(std::vector<ww::Record> records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(ww::record_text(r));
    return out;
}

// A hundred rounds of random facts of a, b and d from the same checkpoint: the engine with a closed
// promise fires exactly what the whole engine fires, and the rounds fire enough to show it.
void expect_same_firings_from_checkpoint(ww::Engine& full, ww::Engine& cut, const std::array<ww::TemplateId, 3>& abd) {
    std::mt19937 random(20261207);
    std::size_t records = 0;
    for (auto* e : {&full, &cut}) e->checkpoint();
    for (int round = 0; round < 100; ++round) {
        std::mt19937 same = random;
        for (auto* e : {&full, &cut}) {
            std::mt19937 r = same;
            e->rollback();
            const int count = static_cast<int>(r() % 10);
            for (int i = 0; i < count; ++i) {
                e->assert_fact(abd[r() % 3], std::vector<ww::Value>{ww::Value(static_cast<std::int64_t>(r() % 8))});
            }
            e->run();
            random = r;
        }
        const auto left = texts(full.take_records());
        ASSERT_EQ(left, texts(cut.take_records())) << "ronde " << round;
        records += left.size();
    }
    EXPECT_GT(records, 100u);
}

TEST(NeverAsserted, SameFiringsAsWithoutThePromiseOnRandomFacts) {
    const ww::RuleBase base = load_text(kBase);
    auto full = base.instantiate();
    auto promised = base.instantiate(kPromise);
    const auto a = *base.template_id("a");
    const auto b = *base.template_id("b");
    std::mt19937 random(20261206);
    std::size_t records = 0;
    for (auto* e : {full.get(), promised.get()}) e->checkpoint();
    for (int round = 0; round < 200; ++round) {
        const bool rollback = round % 3 == 0;
        for (auto* e : {full.get(), promised.get()})
            if (rollback) e->rollback();
        std::mt19937 same = random;  // both engines get the same facts
        for (auto* e : {full.get(), promised.get()}) {
            std::mt19937 r = same;
            const int n = static_cast<int>(r() % 12);
            for (int i = 0; i < n; ++i) {
                const auto x = static_cast<std::int64_t>(r() % 5);
                if (r() % 4 == 0 && e->fact_count() > 0) {
                    const auto facts = e->facts();
                    e->retract(facts[r() % facts.size()]->id);
                } else {
                    e->assert_fact(r() % 2 ? a : b, std::vector<ww::Value>{ww::Value(x)});
                }
                if (r() % 3 == 0) e->run();
            }
            e->run();
            random = r;
        }
        const auto left = texts(full->take_records());
        const auto right = texts(promised->take_records());
        ASSERT_EQ(left, right) << "ronde " << round;
        records += left.size();
    }
    EXPECT_GT(records, 100u);  // the comparison compared something
    // The rules that need g() are known but fire in neither; their firings are the same in both.
    EXPECT_NE(promised->find_rule("g-eerst"), nullptr);
    EXPECT_EQ(promised->rules().size(), full->rules().size());
}

TEST(NeverAsserted, RefusesAPromisedFact) {
    const ww::RuleBase base = load_text(kBase);
    auto promised = base.instantiate(kPromise);
    const auto g = *base.template_id("g");
    EXPECT_TRUE(promised->never_asserted(g));
    try {
        promised->assert_fact(g, std::vector<ww::Value>{});
        FAIL() << "een beloofd feit werd aangenomen";
    } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("een feit 'g'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(promised->fact_count(), 0u);
    // Without the promise, the same fact is welcome and the rules under it fire.
    auto full = base.instantiate();
    EXPECT_FALSE(full->never_asserted(g));
    full->assert_fact(g, std::vector<ww::Value>{});
    EXPECT_EQ(full->fact_count(), 1u);
}

TEST(NeverAsserted, RefusesARuleOrInitialFactThatBreaksIt) {
    const ww::RuleBase asserts = load_text(kBase + R"Y(
  - id: zet-g
    when: ["c(x: 1)"]
    then: ["assert g()"]
)Y");
    try {
        asserts.instantiate(kPromise);
        FAIL() << "een regel die g() zet, werd aangenomen";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("regel 'zet-g' zet een feit 'g'"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(asserts.instantiate());
    const ww::RuleBase initial = load_text(kBase + "facts:\n  - \"g()\"\n");
    EXPECT_THROW(initial.instantiate(kPromise), std::logic_error);
    // A promise made after the first rule is refused.
    auto engine = load_text(kBase).instantiate();
    EXPECT_THROW(engine->promise_never_asserted(*load_text(kBase).template_id("g")), std::logic_error);
}

TEST(NeverAsserted, ARuleNotBuiltIsExplained) {
    const ww::RuleBase base = load_text(kBase);
    auto promised = base.instantiate(kPromise);
    const ww::WhyNot w = promised->why_not("g-midden");
    ASSERT_TRUE(w.found);
    ASSERT_EQ(w.alternatives.size(), 1u);
    EXPECT_EQ(w.alternatives[0].failing_condition, std::optional<std::size_t>(1));
    EXPECT_EQ(w.alternatives[0].reason, "er komt nooit een feit 'g' in deze raadpleging");
    // The `or` rule: the alternative with g() is explained so, the other as always.
    const ww::WhyNot of = promised->why_not("of-g");
    ASSERT_EQ(of.alternatives.size(), 2u);
    EXPECT_EQ(of.alternatives[0].reason, "er komt nooit een feit 'g' in deze raadpleging");
    EXPECT_EQ(of.alternatives[1].reason, "er is geen feit 'a'");
    // An `exists` of a promised fact can never hold either: that rule is not built, and is explained so.
    const ww::WhyNot bestaat = promised->why_not("bestaat-g");
    ASSERT_EQ(bestaat.alternatives.size(), 1u);
    EXPECT_EQ(bestaat.alternatives[0].failing_condition, std::optional<std::size_t>(1));
    EXPECT_EQ(bestaat.alternatives[0].reason, "er komt nooit een feit 'g' in deze raadpleging");
    // A `not` of it always holds: that rule is built and explained as always.
    EXPECT_NE(promised->why_not("niet-g").alternatives.at(0).reason, "er komt nooit een feit 'g' in deze raadpleging");
    // --kosten over such an engine: every rule has a row, the unbuilt ones without tokens.
    EXPECT_EQ(promised->profile().size(), promised->rules().size());
}

// A rule that needs a promised fact never fires: what it would assert breaks no promise.
TEST(NeverAsserted, ARuleThatNeverFiresMayAssertAPromisedFact) {
    const ww::RuleBase base = load_text(kBase + R"Y(
  - id: g-geeft-g
    when: ["g()", "a(x: 1)"]
    then: ["assert g()", "assert c(x: 1)"]
)Y");
    auto promised = base.instantiate(kPromise);
    EXPECT_TRUE(promised->never_asserted(*base.template_id("g")));
    promised->assert_fact(*base.template_id("a"), std::vector<ww::Value>{ww::Value(std::int64_t{1})});
    promised->run();
    EXPECT_TRUE(promised->facts_of(*base.template_id("c")).empty());  // g-geeft-g did not fire
    EXPECT_EQ(promised->fact_count(), 1u);
}

// The engine is the one place that checks a promise: prepare_engine installs with it, and builds
// every rule when the rule base breaks it; prepared_options() says which, and take_prepared_engine
// hands that engine over, once. instantiate() changes nothing: it builds a new engine every time.
TEST(NeverAsserted, PrepareEngineKeepsAPromiseOrBuildsEverything) {
    ww::RuleBase kept = load_text(kBase);
    EXPECT_EQ(kept.take_prepared_engine(), nullptr);
    kept.prepare_engine(kPromise);
    EXPECT_EQ(kept.prepared_options(), kPromise);
    auto other = kept.instantiate(kept.prepared_options());
    EXPECT_TRUE(other->never_asserted(*kept.template_id("g")));
    auto engine = kept.take_prepared_engine();
    ASSERT_NE(engine, nullptr);
    EXPECT_NE(engine.get(), other.get());
    EXPECT_TRUE(engine->never_asserted(*kept.template_id("g")));
    EXPECT_EQ(kept.take_prepared_engine(), nullptr);

    for (const std::string& breaks : {std::string("  - id: zet-g\n    when: [\"c(x: 1)\"]\n    then: [\"assert g()\"]\n"),
                                     std::string("facts:\n  - \"g()\"\n")}) {
        ww::RuleBase broken = load_text(kBase + breaks);
        broken.prepare_engine(kPromise);
        EXPECT_TRUE(broken.prepared_options().never_asserted.empty()) << breaks;
        auto plain = broken.take_prepared_engine();
        ASSERT_NE(plain, nullptr) << breaks;
        EXPECT_FALSE(plain->never_asserted(*broken.template_id("g"))) << breaks;
        EXPECT_EQ(plain->rules().size(), broken.rules().size());
    }
}

// With `closed`, what follows through the rules is promised too: h only from a rule that needs g, m
// only from one that needs h; k also from an alternative without g, n from an initial fact, c and d
// from the installer; `leeg` from nothing at all. The rules that need a promised fact are not built,
// and the others fire as in an engine without any promise.
const std::string kChain = R"Y(
templates:
  a: {slots: {x: int}}
  b: {slots: {x: int}}
  d: {slots: {x: int}}
  g: {slots: {}}
  h: {slots: {x: int}}
  k: {slots: {x: int}}
  m: {slots: {x: int}}
  n: {slots: {x: int}}
  leeg: {slots: {}}
rules:
  - id: h-uit-g
    when: ["g()", "a(x: ?x)"]
    then: ["assert h(x: ?x)"]
  - id: m-uit-h
    when: ["h(x: ?x)", "b(x: ?x)"]
    then: ["assert m(x: ?x)", "emit r(n: 1, x: ?x)"]
  - id: m-gebruikt
    when: ["m(x: ?x)"]
    then: ["emit r(n: 2, x: ?x)"]
  - id: k-uit-h-of-a
    when:
      - or:
          - "h(x: ?x)"
          - "a(x: ?x)"
    then: ["assert k(x: ?x)"]
  - id: k-gebruikt
    when: ["k(x: ?x)", "not h(x: ?x)", "not m(x: ?x)"]
    then: ["emit r(n: 3, x: ?x)", "assert n(x: ?x)"]
  - id: n-gebruikt
    when: ["n(x: ?x)", "b(x: ?x)", "?c = count(d(x: ?x))"]
    then: ["emit r(n: 4, x: ?x, c: ?c)"]
  - id: d-uit-leeg
    when: ["leeg()", "b(x: ?x)"]
    then: ["assert d(x: ?x)"]
facts:
  - "n(x: 7)"
)Y";

// Template ids as promised_templates gives them: in increasing order.
std::vector<ww::TemplateId> ids(std::vector<ww::TemplateId> v) {
    std::sort(v.begin(), v.end());
    return v;
}

TEST(NeverAsserted, ClosedPromisesWhatFollowsThroughTheRules) {
    ww::RuleBase base = load_text(kChain);
    const auto id = [&](const char* name) { return *base.template_id(name); };
    const ww::InstallOptions closed{{"g"}, true, {"a", "b", "d"}};
    EXPECT_EQ(base.promised_templates(kPromise), std::vector<ww::TemplateId>{id("g")});
    EXPECT_EQ(base.promised_templates(closed), ids({id("g"), id("h"), id("m"), id("leeg")}));
    // What the installer asserts itself is never promised, though nothing else gives it.
    ww::InstallOptions without_d = closed;
    without_d.outside = {"a", "b"};
    EXPECT_EQ(base.promised_templates(without_d), ids({id("d"), id("g"), id("h"), id("m"), id("leeg")}));

    base.prepare_engine(closed);
    EXPECT_EQ(base.prepared_options(), closed);  // the engine kept the promise
    auto promised = base.instantiate(closed);
    auto full = base.instantiate();
    for (const char* t : {"g", "h", "m", "leeg"}) EXPECT_TRUE(promised->never_asserted(id(t))) << t;
    for (const char* t : {"a", "b", "d", "k", "n"}) EXPECT_FALSE(promised->never_asserted(id(t))) << t;
    EXPECT_EQ(promised->why_not("m-gebruikt").alternatives[0].reason, "er komt nooit een feit 'm' in deze raadpleging");
    expect_same_firings_from_checkpoint(*full, *promised, {id("a"), id("b"), id("d")});
}

// A closed promise the rule base breaks (a rule the engine builds asserts a template the installer
// named as never coming) makes the engine build everything, as any broken promise.
TEST(NeverAsserted, ABrokenClosedPromiseBuildsEverything) {
    ww::RuleBase base = load_text(kChain + "  - \"m(x: 1)\"\n");
    const ww::InstallOptions closed{{"g"}, true, {"a", "b", "d"}};
    // m has an initial fact now: it is not promised, and neither is what only m gives.
    EXPECT_EQ(base.promised_templates(closed), ids({*base.template_id("g"), *base.template_id("h"), *base.template_id("leeg")}));
    ww::InstallOptions named = closed;
    named.never_asserted.push_back("k");  // k-uit-h-of-a can still fire and asserts k
    base.prepare_engine(named);
    EXPECT_EQ(base.prepared_options(), ww::InstallOptions{});
}

// An image read for a closed promise (what a cold `wegwijzer advies` does) leaves out, unread, the rules
// the promise stops in every alternative; the engine it prepares holds that promise and fires as an
// engine with every rule. Another promise cannot be installed from it.
TEST(NeverAsserted, AnImageReadForAClosedPromiseLeavesOutTheRulesItNeverBuilds) {
    std::vector<ww::SourceFile> files;
    files.emplace_back("keten.yaml", kChain);
    const auto sources = files;
    ww::RuleBase whole = ww::RuleBase::load_sources(std::move(files));
    const std::uint64_t key = ww::image_key(sources, "test");
    const auto blob = std::make_shared<const std::string>(ww::write_image(whole, key));
    const ww::InstallOptions closed{{"g"}, true, {"a", "b", "d"}};
    auto copy = sources;
    int asked = 0;
    ww::InstallOptions chosen;
    auto base = ww::read_image(*blob, blob, key, copy, [&](const ww::RuleBase& b) {
        ++asked;
        EXPECT_TRUE(b.rules().empty());  // asked before any rule is read
        EXPECT_EQ(b.facts().size(), 1u);
        return closed;
    }, chosen);
    ASSERT_TRUE(base.has_value());
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(chosen, closed);
    ASSERT_NE(base->read_for(), nullptr);
    EXPECT_EQ(*base->read_for(), closed);
    std::vector<std::string> ids_read;
    for (const auto& r : base->rules()) ids_read.push_back(r->id);
    // h-uit-g needs g, m-uit-h h, m-gebruikt m and d-uit-leeg leeg; k-uit-h-of-a keeps its alternative over a.
    EXPECT_EQ(ids_read, (std::vector<std::string>{"k-uit-h-of-a", "k-gebruikt", "n-gebruikt"}));
    EXPECT_EQ(base->promised_templates(closed), whole.promised_templates(closed));
    for (const auto& id : ids_read) EXPECT_NE(base->origin(id), nullptr) << id;
    EXPECT_EQ(base->origin("h-uit-g"), nullptr);
    EXPECT_THROW((void)base->instantiate(), std::logic_error);
    EXPECT_THROW((void)base->instantiate(ww::InstallOptions{{"g"}, true, {"a", "b"}}), std::logic_error);

    auto cut = base->instantiate(closed);
    auto full = whole.instantiate();
    const auto id = [&](const char* name) { return *whole.template_id(name); };
    expect_same_firings_from_checkpoint(*full, *cut, {id("a"), id("b"), id("d")});

    // Without `closed` every rule is read.
    copy = sources;
    auto open = ww::read_image(*blob, blob, key, copy, [&](const ww::RuleBase&) { return kPromise; }, chosen);
    ASSERT_TRUE(open.has_value());
    EXPECT_EQ(open->read_for(), nullptr);
    EXPECT_EQ(open->rules().size(), whole.rules().size());
}

// A closed promise the rule base breaks, read from an image: the engine refuses it, and the image is
// read again whole, every rule built, as from the YAML.
TEST(NeverAsserted, AnImageForABrokenClosedPromiseIsReadWhole) {
    std::vector<ww::SourceFile> files;
    files.emplace_back("keten.yaml", kChain);
    const auto sources = files;
    ww::RuleBase whole = ww::RuleBase::load_sources(std::move(files));
    const std::uint64_t key = ww::image_key(sources, "test");
    const auto blob = std::make_shared<const std::string>(ww::write_image(whole, key));
    ww::InstallOptions named{{"g", "k"}, true, {"a", "b", "d"}};  // k-uit-h-of-a can still fire and asserts k
    int asked = 0;
    auto copy = sources;
    auto base = ww::read_checked_image(*blob, blob, key, copy, [&](const ww::RuleBase&) {
        ++asked;
        return named;
    });
    ASSERT_TRUE(base.has_value());
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(base->from_image());
    EXPECT_EQ(base->read_for(), nullptr);
    EXPECT_EQ(base->rules().size(), whole.rules().size());
    EXPECT_EQ(base->prepared_options(), ww::InstallOptions{});
    auto engine = base->take_prepared_engine();
    ASSERT_NE(engine, nullptr);
    EXPECT_EQ(engine->rules().size(), whole.rules().size());

    // The promise kept: the engine prepared holds it, over the rules read.
    const ww::InstallOptions closed{{"g"}, true, {"a", "b", "d"}};
    copy = sources;
    auto kept = ww::read_checked_image(*blob, blob, key, copy, [&](const ww::RuleBase&) { return closed; });
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->prepared_options(), closed);
    ASSERT_NE(kept->read_for(), nullptr);
    EXPECT_EQ(kept->take_prepared_engine()->rules().size(), 3u);
}

}  // namespace
