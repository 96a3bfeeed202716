// SPDX-License-Identifier: EUPL-1.2
// Compiled knowledge-base images: a round trip gives the same rule base, a damaged image is refused
// (never a crash), the key follows the sources, and the bundled image file is read only when it may
// be trusted (no link followed, no FIFO, no huge file, nobody else may write it).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "engine/action_list.hpp"
#include "helpers.hpp"
#include "rules/image.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"

namespace ww {
namespace {

namespace fs = std::filesystem;

const std::string kb_dir = std::string(WW_SOURCE_DIR) + "/knowledge-base";

std::vector<std::string> rule_ids(const RuleBase& b) {
    std::vector<std::string> out;
    for (const auto& r : b.rules()) out.push_back(r->id);
    return out;
}

// The records a run emitted, in the order emitted.
std::vector<std::string> records_of(const RunOutcome& outcome) {
    std::vector<std::string> out;
    for (const auto& r : outcome.records) out.push_back(record_text(r));
    return out;
}

// What running the rule base on its own initial facts emits, and the facts it ends with.
std::vector<std::string> run_output(const RuleBase& b) {
    RunOutcome outcome = run_rule_base(b, {}, RunConfig{});
    std::vector<std::string> out = records_of(outcome);
    for (const Fact* f : outcome.engine->facts()) out.push_back(fact_text(*outcome.engine, *f));
    return out;
}

// A rule base loaded from one YAML file, and the same written to an image and read back, which must
// write the very same image again.
struct RoundTrip {
    RuleBase base;
    RuleBase back;
};

std::optional<RoundTrip> round_trip(const std::string& name, const std::string& yaml) {
    std::vector<SourceFile> files;
    files.emplace_back(name, yaml);
    const auto sources = files;
    RuleBase base = RuleBase::load_sources(std::move(files));
    const std::uint64_t key = image_key(sources, program_identity());
    const std::string image = write_image(base, key);
    auto copy = sources;
    auto back = read_image(image, key, copy);
    if (!back) return std::nullopt;
    EXPECT_EQ(write_image(*back, key), image);
    return RoundTrip{std::move(base), std::move(*back)};
}

// A fresh folder under the system's temporary folder, removed afterwards.
class TempDir {
public:
    explicit TempDir(const std::string& tag)
        : path_(fs::temp_directory_path() / ("ww-image-test-" + tag + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::vector<fs::path> images_in(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    return out;
}

class ImageTest : public ::testing::Test {
protected:
    void SetUp() override {
        files_ = RuleBase::read_sources(kb_dir);
        base_ = std::make_unique<RuleBase>(RuleBase::load(kb_dir));
        key_ = image_key(files_, program_identity());
        image_ = write_image(*base_, key_);
    }
    std::optional<RuleBase> read(std::string_view blob) {
        auto files = files_;
        return read_image(blob, key_, files);
    }
    std::vector<SourceFile> files_;
    std::unique_ptr<RuleBase> base_;
    std::uint64_t key_ = 0;
    std::string image_;
};

TEST_F(ImageTest, RoundTripOfTheKnowledgeBaseIsTheSameRuleBase) {
    ASSERT_GT(base_->rules().size(), 50u);
    auto back = read(image_);
    ASSERT_TRUE(back.has_value());
    // Every field the image holds, compared through its own bytes.
    EXPECT_EQ(write_image(*back, key_), image_);
    EXPECT_EQ(rule_ids(*back), rule_ids(*base_));
    ASSERT_EQ(back->templates().size(), base_->templates().size());
    for (std::size_t i = 0; i < back->templates().size(); ++i) {
        EXPECT_EQ(back->templates()[i].name, base_->templates()[i].name);
        EXPECT_EQ(back->templates()[i].slots.size(), base_->templates()[i].slots.size());
        EXPECT_EQ(back->template_id(base_->templates()[i].name), static_cast<TemplateId>(i));
    }
    ASSERT_EQ(back->facts().size(), base_->facts().size());
    for (std::size_t i = 0; i < back->facts().size(); ++i) {
        EXPECT_EQ(back->facts()[i].tmpl, base_->facts()[i].tmpl);
        EXPECT_EQ(back->facts()[i].slots, base_->facts()[i].slots);
    }
    ASSERT_EQ(back->params().size(), base_->params().size());
    for (const auto& p : base_->params()) {
        const Param* q = back->find_param(p.name);
        ASSERT_NE(q, nullptr) << p.name;
        EXPECT_EQ(q->value, p.value);
    }
    for (std::size_t i = 0; i < base_->rules().size(); ++i) {
        const auto& a = *base_->rules()[i];
        const auto& b = *back->rules()[i];
        EXPECT_EQ(b.meta, a.meta);
        EXPECT_EQ(b.variables, a.variables);
        ASSERT_EQ(b.actions.size(), a.actions.size());
        for (std::size_t j = 0; j < a.actions.size(); ++j) EXPECT_EQ(b.actions[j].fields, a.actions[j].fields);
        ASSERT_NE(back->origin(a.id), nullptr);
        EXPECT_EQ(back->origin(a.id)->offset, base_->origin(a.id)->offset);
    }
    // The manifest of the bundled knowledge base (knowledge-base/kennisbank.yaml) comes back too.
    ASSERT_TRUE(base_->manifest());
    ASSERT_TRUE(back->manifest());
    EXPECT_EQ(back->manifest()->name, base_->manifest()->name);
    EXPECT_EQ(back->manifest()->version, base_->manifest()->version);
    // Run-time diagnostics still point into the source files.
    ASSERT_EQ(back->files().size(), files_.size());
    const auto& first = base_->rules().front()->id;
    EXPECT_EQ(format(back->diagnostic_at(first, base_->origin(first)->offset, "x")),
              format(base_->diagnostic_at(first, base_->origin(first)->offset, "x")));
    EXPECT_EQ(run_output(*back), run_output(*base_));
}

// The constructs the knowledge base does not use (yet): if/else in the actions (branch and jump
// actions), not and forall over several conditions (counts over a conjunction), opmaak.
TEST(ImageOfTheLanguage, BranchesLoopsAndGroupsComeBackAndRunTheSame) {
    const std::string yaml = R"yaml(
templates:
  taak: {slots: {id: symbol, project: symbol}}
  klaar: {slots: {taak: symbol}}
  project: {slots: {id: symbol, n: int}}
facts: ["project(id: p1, n: 3)", "project(id: p2, n: 12)", "taak(id: t1, project: p1)", "klaar(taak: t1)",
        "taak(id: t2, project: p2)"]
rules:
  - id: af
    when: ["project(id: ?p, n: ?n)", {forall: ["taak(id: ?t, project: ?p)", "klaar(taak: ?t)"]}]
    then:
      - if: "?n > 10"
        then: ['emit groot(p: ?p, t: opmaak("%5.1f", ?n))']
        else: [{if: "?n > 2", then: ["emit middel(p: ?p)"]}, "emit klein(p: ?p)"]
      - for: "?k in [1, 2]"
        do: ["emit k(p: ?p, k: ?k)"]
      - "emit af(p: ?p)"
  - id: open
    when: ["project(id: ?p)", {not: ["taak(id: ?t, project: ?p)", "klaar(taak: ?t)"]}]
    then: ["emit zonder_klaar(p: ?p)"]
)yaml";
    auto rt = round_trip("taal.yaml", yaml);
    ASSERT_TRUE(rt.has_value());
    const RuleBase& base = rt->base;
    const RuleBase* back = &rt->back;
    // The order among the rules is the agenda's business; what each firing emits is in written order.
    std::vector<std::string> records = records_of(run_rule_base(*back, {}, RunConfig{}));
    EXPECT_EQ(records.size(), 6u);
    const auto at = [&](const std::string& r) { return std::find(records.begin(), records.end(), r) - records.begin(); };
    EXPECT_LT(at("middel(p: p1)"), at("klein(p: p1)"));
    EXPECT_LT(at("klein(p: p1)"), at("k(p: p1, k: 1)"));
    EXPECT_LT(at("k(p: p1, k: 1)"), at("k(p: p1, k: 2)"));
    EXPECT_LT(at("k(p: p1, k: 2)"), at("af(p: p1)"));
    EXPECT_LT(at("af(p: p1)"), static_cast<std::ptrdiff_t>(records.size()));
    EXPECT_LT(at("zonder_klaar(p: p2)"), static_cast<std::ptrdiff_t>(records.size()));
    EXPECT_EQ(run_output(*back), run_output(base));
}

// A list taken apart inside not/exists/aggregates and a list with gaps (SlotConstraint::Kind::condition)
// come back from an image and run the same.
TEST(ImageOfTheLanguage, ListsInsideNotComeBackAndRunTheSame) {
    const std::string yaml = R"yaml(
templates:
  regel: {slots: {naam: symbol, als: list, dan: list}}
  vraag: {slots: {variabele: symbol}}
facts: ["regel(naam: r1, als: [a, is, ja], dan: [b, is, x])", "regel(naam: r2, als: [b, is, x], dan: [c, is, y])",
        "vraag(variabele: a)", "vraag(variabele: d)"]
rules:
  - id: ongebruikt
    when: ["vraag(variabele: ?v)", "not regel(als: [..., ?v, is, ?w, ...])"]
    then: ["emit ongebruikt(v: ?v)"]
  - id: onbereikbaar
    when: ["regel(naam: ?n, als: [?v, ...])", "not vraag(variabele: ?v)", "not regel(dan: [?v, ...?r])"]
    then: ["emit onbereikbaar(n: ?n)"]
  - id: tel
    when: ["?k = count(regel(dan: [?x, is, ?y]))"]
    then: ["emit tel(k: ?k)"]
)yaml";
    auto rt = round_trip("lijsten.yaml", yaml);
    ASSERT_TRUE(rt.has_value());
    const RuleBase& base = rt->base;
    const RuleBase* back = &rt->back;
    std::vector<std::string> records = records_of(run_rule_base(*back, {}, RunConfig{}));
    std::sort(records.begin(), records.end());
    EXPECT_EQ(records, (std::vector<std::string>{"ongebruikt(v: d)", "tel(k: 2)"}));
    EXPECT_EQ(run_output(*back), run_output(base));
}

// Modules, auto_focus, focus/return/pop_focus and duplicate come back from an image and run the same
// (the order here depends on the focus stack: with the modules lost, everything would fire in MAIN).
TEST(ImageOfTheLanguage, ModulesAndDuplicateComeBackAndRunTheSame) {
    const std::string yaml = R"yaml(
modules: [CONTROLE, RAPPORT, LEEG]
templates:
  n: {slots: {i: int}}
facts: ["n(i: 1)", "n(i: -2)"]
rules:
  - id: start
    when: ["?n <- n(i: 1)"]
    then: ["duplicate ?n(i: 5)", "focus RAPPORT, LEEG", "pop_focus", "focus RAPPORT"]
  - id: weg
    module: CONTROLE
    auto_focus: true
    when: ["?n <- n(i: ?i)", "test ?i < 0"]
    then: ["emit weg(i: ?i)", "retract ?n"]
  - id: toon
    module: RAPPORT
    when: ["n(i: ?i)"]
    then: ["emit toon(i: ?i)", "return", "emit nooit()"]
)yaml";
    auto rt = round_trip("modules.yaml", yaml);
    ASSERT_TRUE(rt.has_value());
    const RuleBase& base = rt->base;
    const RuleBase* back = &rt->back;
    EXPECT_EQ(base.modules(), (std::vector<std::string>{"CONTROLE", "RAPPORT", "LEEG"}));
    EXPECT_EQ(back->modules(), base.modules());
    // weg first (auto_focus at the initial facts), then start, then toon once (return leaves RAPPORT).
    const auto out = run_output(base);
    ASSERT_EQ(out.size(), 4u);  // two records, then the facts n(i: 1) and n(i: 5)
    EXPECT_EQ(out[0], "weg(i: -2)");
    EXPECT_EQ(out[1], "toon(i: 5)");
    EXPECT_EQ(run_output(*back), run_output(base));
}

// The program's own functions (functions:) come back from an image and run the same: recursion, a
// rest parameter, a loop and an emit from a function (without them the rules could not be installed).
TEST(ImageOfTheLanguage, FunctionsComeBackAndRunTheSame) {
    const std::string yaml = test::faculty_yaml() + R"yaml(  som:
    params: "?eerste, ...?rest"
    do:
      - "bind ?s = ?eerste"
      - for: "?x in ?rest"
        do: ["bind ?s = ?s + ?x"]
      - "return ?s"
  zeg:
    params: "?t"
    do: ["emit printout(t: ?t)"]
facts: ["n(i: 5)", "n(i: 2)"]
rules:
  - id: r
    when: ["n(i: ?i)", "test fac(?i) > 10"]
    then: ["emit f(i: ?i, fac: fac(?i), som: som(1, 2, ?i))", "bind ?x = zeg(\"hallo {?i}\")"]
)yaml";
    auto rt = round_trip("functies.yaml", yaml);
    ASSERT_TRUE(rt.has_value());
    const RuleBase& base = rt->base;
    const RuleBase* back = &rt->back;
    ASSERT_EQ(base.functions().size(), 3u);
    EXPECT_TRUE(base.find_function_def("zeg")->effects);
    EXPECT_FALSE(base.find_function_def("fac")->effects);
    ASSERT_EQ(back->functions().size(), 3u);
    EXPECT_EQ(back->find_function_def("som")->rest, true);
    const auto out = run_output(base);
    ASSERT_GE(out.size(), 2u);
    EXPECT_EQ(out[0], "f(i: 5, fac: 120, som: 8)");
    EXPECT_EQ(out[1], "printout(t: \"hallo 5\")");
    EXPECT_EQ(run_output(*back), out);
}

// The reader makes the checks Engine::add_rule makes on a rule's actions (RuleDef::actions_checked),
// so add_rule skips them for a rule of an image: an image whose actions call an unknown function,
// call one with the wrong number of operands or read an unbound variable is refused while it is
// read, as add_rule refuses the same rule.
TEST(ImageOfTheLanguage, ActionsAreCheckedWhileRead) {
    const std::string yaml = test::faculty_yaml() + R"yaml(facts: ["n(i: 5)"]
rules:
  - id: r
    when: ["n(i: ?i)"]
    then: ["emit f(i: ?i, fac: fac(?i), l: len(\"abc\"))"]
)yaml";
    auto rt = round_trip("acties.yaml", yaml);
    ASSERT_TRUE(rt.has_value());
    EXPECT_FALSE(rt->base.rules().at(0)->actions_checked);
    EXPECT_TRUE(rt->back.rules().at(0)->actions_checked);
    EXPECT_EQ(run_output(rt->back), run_output(rt->base));

    std::vector<SourceFile> files;
    files.emplace_back("acties.yaml", yaml);
    const auto sources = files;
    const std::uint64_t key = image_key(sources, program_identity());
    // Each damage to the rule's one emit: the image is refused, and add_rule refuses the rule.
    const std::vector<std::function<void(RuleDef&)>> damages = {
        [](RuleDef& r) { r.actions.edit()[0].fields[1].second.name = "bestaat_niet"; },               // unknown
        [](RuleDef& r) { r.actions.edit()[0].fields[1].second.args.push_back(Expr::var_of(0)); },     // own, 2 of 1
        [](RuleDef& r) { r.actions.edit()[0].fields[2].second.args.push_back(Expr::var_of(0)); },     // built-in, 2 of 1
        [](RuleDef& r) {                                                                        // never bound
            r.variables.push_back("?z");
            r.actions.edit()[0].fields[0].second = Expr::var_of(static_cast<VarId>(r.variables.size() - 1));
        },
        [](RuleDef& r) {  // a focus of no module (add_rule's check, which it skips for deferred actions)
            Action focus;
            focus.kind = Action::Kind::focus;
            r.actions.edit().push_back(focus);
        },
        [](RuleDef& r) {  // a second alternative that does not bind ?i
            auto alt = r.alternatives[0];
            SlotConstraint& sc = alt[0].pattern.constraints[0];
            sc.kind = SlotConstraint::Kind::test;
            sc.rhs = Expr::constant_of(Value(std::int64_t{1}));
            r.alternatives.push_back(std::move(alt));
        },
    };
    for (std::size_t i = 0; i < damages.size(); ++i) {
        RuleBase base = RuleBase::load_sources(std::vector<SourceFile>(sources));
        auto& rule = const_cast<RuleDef&>(*base.rules().at(0));
        RuleDef copy = rule;
        damages[i](copy);
        auto engine = base.instantiate();
        copy.id = "r2";
        EXPECT_THROW(engine->add_rule(copy), std::invalid_argument) << i;
        copy.id = "r";
        rule = copy;
        auto back_files = sources;
        const auto blob = std::make_shared<const std::string>(write_image(base, key));
        EXPECT_FALSE(read_image(*blob, key, back_files).has_value()) << i;
        // Read for a closed promise (a cold `wegwijzer advies`), the reader skips the actions and
        // checks them when they are built: the image is taken, and building the rule's actions
        // refuses it (the caller then loads the YAML).
        auto cut_files = sources;
        InstallOptions chosen;
        auto cut = read_image(*blob, blob, key, cut_files, [](const RuleBase&) { return InstallOptions{{}, true, {}}; }, chosen);
        ASSERT_TRUE(cut.has_value()) << i;
        ASSERT_EQ(cut->rules().size(), 1u) << i;
        EXPECT_TRUE(cut->rules().at(0)->actions.pending() != nullptr) << i;
        EXPECT_THROW((void)cut->rules().at(0)->actions.size(), DeferredActionsRefused) << i;
        // Run, with the firing log on and a trace: the refusal leaves the run before the firing is
        // numbered, logged or traced (engine/firing.cpp), so no log shows a firing whose actions were
        // refused.
        auto run_files = sources;
        auto prepared = read_checked_image(*blob, blob, key, run_files, [](const RuleBase&) { return InstallOptions{{}, true, {}}; });
        ASSERT_TRUE(prepared.has_value()) << i;
        auto run_engine = prepared->take_prepared_engine();
        std::size_t traced = 0;
        RunOptions traced_run;
        traced_run.on_fire = [&](const FiringInfo&) { ++traced; };
        EXPECT_THROW(run_engine->run(traced_run), DeferredActionsRefused) << i;
        EXPECT_EQ(traced, 0u) << i;
        EXPECT_TRUE(run_engine->firing_log().empty()) << i;
        EXPECT_TRUE(run_engine->records().empty()) << i;
    }
    // Undamaged, the same read builds the actions of the YAML.
    RuleBase base = RuleBase::load_sources(std::vector<SourceFile>(sources));
    const auto blob = std::make_shared<const std::string>(write_image(base, key));
    const auto records = [&](bool closed) {
        auto files = sources;
        auto read = read_checked_image(*blob, blob, key, files, [&](const RuleBase&) { return InstallOptions{{}, closed, {}}; });
        EXPECT_TRUE(read.has_value());
        if (!read) return std::vector<std::string>();
        EXPECT_TRUE(read->rules().at(0)->actions_checked);
        EXPECT_EQ(read->rules().at(0)->actions.size(), base.rules().at(0)->actions.size());
        auto engine = read->take_prepared_engine();
        engine->run(RunOptions{});
        std::vector<std::string> out;
        for (const auto& r : engine->take_records()) out.push_back(record_text(r));
        return out;
    };
    const std::vector<std::string> whole = records(false);
    EXPECT_FALSE(whole.empty());
    EXPECT_EQ(records(true), whole);
    // The check at the build reads the rule that holds the actions (its conditions bind what the
    // actions may read). Moved out of that rule (no reader does: a rule base holds its rules const),
    // the actions are refused as a fault of this program, never checked against a rule that is gone.
    auto moved_files = sources;
    InstallOptions moved_chosen;
    auto moved_from = read_image(*blob, blob, key, moved_files, [](const RuleBase&) { return InstallOptions{{}, true, {}}; },
                                 moved_chosen);
    ASSERT_TRUE(moved_from.has_value());
    RuleDef moved = std::move(const_cast<RuleDef&>(*moved_from->rules().at(0)));
    ASSERT_NE(moved.actions.pending(), nullptr);
    EXPECT_THROW((void)moved.actions.size(), std::logic_error);
}

// The actions of a rule from an image are built when the rule first needs them (ActionList), maybe
// by several threads of the service at once: each thread sees the same actions, those of the YAML.
TEST_F(ImageTest, DeferredActionsAreBuiltOnceForEveryThread) {
    auto back = read(image_);
    ASSERT_TRUE(back.has_value());
    std::size_t deferred = 0;
    for (const auto& r : back->rules()) deferred += r->actions.pending() != nullptr;
    EXPECT_GT(deferred, 50u);
    auto texts_of = [](const RuleBase& b) {
        std::vector<std::string> out;
        for (const auto& r : b.rules())
            for (const Action& a : r->actions) out.push_back(r->id + ": " + a.source_text);
        return out;
    };
    const std::vector<std::string> expected = texts_of(*base_);
    ASSERT_FALSE(expected.empty());
    std::vector<std::vector<std::string>> seen(4);
    std::vector<std::thread> threads;
    for (auto& s : seen) threads.emplace_back([&] { s = texts_of(*back); });
    for (auto& t : threads) t.join();
    for (const auto& s : seen) EXPECT_EQ(s, expected);
    // A copy is built at once, and owes nothing to the image.
    RuleDef copy = *back->rules().front();
    EXPECT_EQ(copy.actions.pending(), nullptr);
    EXPECT_EQ(copy.actions.size(), back->rules().front()->actions.size());
    EXPECT_EQ(write_image(*back, key_), image_);
}

// Read for a closed promise, the knowledge base's image leaves out exactly the rules that promise stops
// in every alternative, unread, and the engine it makes runs as one made from every rule.
TEST_F(ImageTest, ReadForAClosedPromiseLeavesOutWhatItNeverBuildsAndRunsTheSame) {
    auto whole = read(image_);
    ASSERT_TRUE(whole.has_value());
    std::vector<std::string> even;  // a promise over what an installer asserts besides
    for (std::size_t t = 0; t < whole->templates().size(); t += 2) even.push_back(whole->templates()[t].name);
    for (const InstallOptions& options : {InstallOptions{{"vraaggesprek"}, true, {}}, InstallOptions{{}, true, even}}) {
        const std::vector<TemplateId> promised = whole->promised_templates(options);
        std::vector<std::string> expected;
        for (const auto& r : whole->rules()) {
            const bool stopped = std::all_of(r->alternatives.begin(), r->alternatives.end(), [&](const auto& alt) {
                return std::any_of(alt.begin(), alt.end(), [&](const Condition& c) {
                    return c.kind == Condition::Kind::pattern && std::binary_search(promised.begin(), promised.end(), c.pattern.tmpl);
                });
            });
            if (!stopped) expected.push_back(r->id);
        }
        const auto blob = std::make_shared<const std::string>(image_);
        auto files = files_;
        InstallOptions chosen;
        auto cut = read_image(*blob, blob, key_, files, [&](const RuleBase&) { return options; }, chosen);
        ASSERT_TRUE(cut.has_value());
        ASSERT_NE(cut->read_for(), nullptr);
        EXPECT_EQ(rule_ids(*cut), expected);
        EXPECT_LT(expected.size(), whole->rules().size());
        EXPECT_EQ(cut->promised_templates(options), promised);
        auto a = whole->instantiate(options);
        auto b = cut->instantiate(options);
        a->run();
        b->run();
        const auto output = [](Engine& e) {
            std::vector<std::string> out;
            for (const Record& r : e.take_records()) out.push_back(record_text(r));
            for (const Fact* f : e.facts()) out.push_back(fact_text(e, *f));
            return out;
        };
        const auto expected_output = output(*a);
        EXPECT_GT(expected_output.size(), whole->facts().size());
        EXPECT_EQ(output(*b), expected_output);
        // The actions of every rule read, whether it fired or not, pass the check left for their build
        // (no refusal, which would send a consultation to the YAML), and are those of the whole read.
        for (const auto& r : cut->rules()) {
            ASSERT_TRUE(r->actions_checked) << r->id;
            const RuleDef* w = nullptr;
            for (const auto& x : whole->rules())
                if (x->id == r->id) w = x.get();
            ASSERT_NE(w, nullptr) << r->id;
            ASSERT_EQ(r->actions.size(), w->actions.size()) << r->id;
            for (std::size_t i = 0; i < r->actions.size(); ++i) EXPECT_EQ(r->actions[i].source_text, w->actions[i].source_text) << r->id;
        }
    }
}

TEST_F(ImageTest, TruncatedImagesAreRefused) {
    std::vector<SourceFile> files = files_;
    for (std::size_t n = 0; n < image_.size(); n += (n < 512 ? 1 : 397)) {
        EXPECT_FALSE(read_image(std::string_view(image_).substr(0, n), key_, files).has_value()) << n;
        EXPECT_EQ(files.size(), files_.size());  // left for the fall-back to YAML
    }
    EXPECT_FALSE(read(image_ + "x").has_value());
}

TEST_F(ImageTest, FlippedBytesAreRefused) {
    for (std::size_t i = 0; i < image_.size(); i += (i < 256 ? 1 : 211)) {
        std::string damaged = image_;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
        EXPECT_FALSE(read(damaged).has_value()) << i;
    }
}

TEST_F(ImageTest, OtherKeyOrFormatVersionIsRefused) {
    std::vector<SourceFile> files = files_;
    EXPECT_FALSE(read_image(image_, key_ + 1, files).has_value());
    std::string other_version = image_;
    other_version[8] = static_cast<char>(image_format_version + 1);  // the version follows the magic
    EXPECT_FALSE(read(other_version).has_value());
    EXPECT_FALSE(read(write_image(*base_, key_ + 1)).has_value());
    EXPECT_TRUE(read(image_).has_value());
}

// Bodies with a valid checksum but nonsense inside (a foreign writer, a bug): refused by the bounds
// checks alone, never a crash; or, where the damage still reads as an image, one whose actions build.
TEST_F(ImageTest, GarbageBodiesWithValidChecksumAreRefused) {
    constexpr std::size_t header = 36;
    std::string body = image_.substr(header);
    auto reseal = [&](const std::string& b) {
        std::string out = image_.substr(0, header - 16);
        std::uint64_t size = b.size(), sum = image_checksum(b);
        out.append(reinterpret_cast<const char*>(&size), 8);
        out.append(reinterpret_cast<const char*>(&sum), 8);
        return out + b;
    };
    ASSERT_TRUE(read(reseal(body)).has_value());
    int refused = 0;
    for (std::size_t i = 0; i < body.size(); i += 131) {
        std::string b = body;
        b[i] = static_cast<char>(0xff);
        b[i / 2] = static_cast<char>(0xfe);
        auto back = read(reseal(b));
        if (!back) {
            ++refused;
            continue;
        }
        // Accepted: then the actions the reader only checked must build (ActionList), for every rule.
        for (const auto& r : back->rules()) EXPECT_NO_THROW((void)r->actions.size()) << i << " " << r->id;
    }
    EXPECT_GT(refused, 0);
    EXPECT_FALSE(read(reseal(body.substr(0, body.size() / 2))).has_value());
    EXPECT_FALSE(read(reseal(std::string(body.size(), '\xff'))).has_value());
}

// The checksum takes the crc32 instruction where the processor has it; a machine without gets the
// same value from a table, so an image made on one is read on the other. Every length up to a few
// rounds (the tail paths; the instruction's rounds are 768 bytes, the table's 96), and a flipped bit
// anywhere changes it.
TEST(ImageChecksum, TheInstructionAndTheTableAgreeAndEveryBitCounts) {
    std::string bytes;
    std::uint64_t x = 0x243f6a8885a308d3ull;
    for (int i = 0; i < 4096; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        bytes.push_back(static_cast<char>(x >> 56));
    }
    for (std::size_t n = 0; n <= 2000; ++n) {
        const std::string_view v = std::string_view(bytes).substr(0, n);
        EXPECT_EQ(image_checksum(v), image_checksum_portable(v)) << n;
    }
    EXPECT_EQ(image_checksum(bytes), image_checksum_portable(bytes));
    const std::string_view kb = std::string_view(bytes).substr(0, 517);
    const std::uint64_t sum = image_checksum(kb);
    for (std::size_t i = 0; i < kb.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            std::string flipped(kb);
            flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
            EXPECT_NE(image_checksum(flipped), sum) << i << ":" << bit;
        }
    // Zero bytes at the end are not the same as a shorter body.
    EXPECT_NE(image_checksum(std::string(9, '\0')), image_checksum(std::string(8, '\0')));
    EXPECT_NE(image_checksum(std::string_view(bytes).substr(0, 48)), image_checksum(std::string_view(bytes).substr(0, 47)));
}

TEST_F(ImageTest, KeyFollowsNamesAndContents) {
    const std::string id = program_identity();
    EXPECT_EQ(image_key(files_, id), key_);
    auto changed = files_;
    changed.back() = SourceFile(changed.back().path(), std::string(changed.back().text()) + "\n");
    EXPECT_NE(image_key(changed, id), key_);
    // One bit in the middle of a file, its size the same: the checksum of the contents sees it.
    auto flipped = files_;
    std::string text(flipped.front().text());
    ASSERT_FALSE(text.empty());
    text[text.size() / 2] ^= 1;
    flipped.front() = SourceFile(flipped.front().path(), text);
    EXPECT_NE(image_key(flipped, id), key_);
    auto renamed = files_;
    renamed.back() = SourceFile(renamed.back().path() + "x", std::string(renamed.back().text()));
    EXPECT_NE(image_key(renamed, id), key_);
    // The folder the files are in does not matter, only their names.
    auto moved = files_;
    for (auto& f : moved) f = SourceFile("/elders/" + fs::path(f.path()).filename().string(), std::string(f.text()));
    EXPECT_EQ(image_key(moved, id), key_);
    EXPECT_NE(image_key(files_, id + "x"), key_);
    EXPECT_FALSE(id.empty());
}

// The bundled image as the build makes it (`wegwijzer maak-beeld`) and the program reads it.
class BundledImage : public ::testing::Test {
protected:
    void SetUp() override {
        image_ = (tmp_.path() / "knowledge-base.wwimg").string();
        RuleBase::save_image(kb_dir, image_);
        plain_ = run_output(RuleBase::load(kb_dir));
    }
    // Loads with the image at `image_` and checks that the rule base runs as the YAML does.
    bool loads_from_image() {
        RuleBase b = RuleBase::load_with_image(kb_dir, image_);
        EXPECT_EQ(run_output(b), plain_);
        return b.from_image();
    }
    TempDir tmp_{"gebundeld"};
    std::string image_;
    std::vector<std::string> plain_;
};

TEST_F(BundledImage, ASoundImageIsReadAndIsReadOnly) {
    EXPECT_TRUE(loads_from_image());
    // The content key and the manifest are the same whether the knowledge base came from its YAML or
    // from the image (the JSON advice names both).
    {
        RuleBase plain = RuleBase::load(kb_dir);
        RuleBase beeld = RuleBase::load_with_image(kb_dir, image_);
        ASSERT_TRUE(beeld.from_image());
        EXPECT_NE(plain.content_key(), 0u);
        EXPECT_EQ(beeld.content_key(), plain.content_key());
        ASSERT_EQ(beeld.manifest().has_value(), plain.manifest().has_value());
        if (plain.manifest()) {
            EXPECT_EQ(beeld.manifest()->name, plain.manifest()->name);
        }
    }
    struct stat st{};
    ASSERT_EQ(::stat(image_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0444u);
    // No temporary file left beside it.
    EXPECT_EQ(images_in(tmp_.path()).size(), 1u);
    // Without an image path: the YAML.
    EXPECT_FALSE(RuleBase::load_with_image(kb_dir, "").from_image());
}

// One changed byte anywhere (checksum not resealed): the YAML, the same run. A body resealed with
// a changed byte (as one who may write the image could do): never a crash; most such images are
// refused by the reader's checks or the engine's, the others differ in a text or a number only.
TEST_F(BundledImage, TamperedImagesFallBackToTheYaml) {
    std::string blob;
    {
        std::ifstream in(image_, std::ios::binary);
        blob.assign(std::istreambuf_iterator<char>(in), {});
    }
    constexpr std::size_t header = 36;
    auto plant = [&](const std::string& bytes) {
        fs::permissions(image_, fs::perms::owner_write, fs::perm_options::add);
        std::ofstream(image_, std::ios::binary | std::ios::trunc) << bytes;
        fs::permissions(image_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    };
    auto reseal = [&](const std::string& b) {
        std::string out = b.substr(0, header - 16);
        std::uint64_t size = b.size() - header, sum = image_checksum(std::string_view(b).substr(header));
        out.append(reinterpret_cast<const char*>(&size), 8);
        out.append(reinterpret_cast<const char*>(&sum), 8);
        return out + b.substr(header);
    };
    // The body opens with two tables of texts (atoms, then the other texts), each a count and
    // length-prefixed texts; the structure that refers to them follows. Numbers take 1, 2 or 3 bytes
    // (the length in the first byte's top bits) or a marker byte and 4 or 8.
    std::size_t at = header;
    auto number = [&]() -> std::size_t {
        const auto b = static_cast<std::uint8_t>(blob.at(at));
        const auto next = [&](std::size_t k) { return static_cast<std::size_t>(static_cast<std::uint8_t>(blob.at(at + k))); };
        std::size_t v = 0;
        if (b < 0x80) v = b, at += 1;
        else if (b < 0xc0) v = ((b & 0x3fu) << 8) | next(1), at += 2;
        else if (b < 0xe0) v = ((b & 0x1fu) << 16) | (next(1) << 8) | next(2), at += 3;
        else ADD_FAILURE() << "a table that large is not expected here";
        return v;
    };
    for (int table = 0; table < 2; ++table)
        for (std::size_t n = number(); n > 0; --n) at += number();
    const std::size_t structure = at;
    ASSERT_LT(structure + 20000, blob.size());
    const std::vector<SourceFile> files = RuleBase::read_sources(kb_dir);
    const std::uint64_t key = image_key(files, program_identity());
    int refused = 0, tried = 0;
    std::vector<std::size_t> flips;
    for (std::size_t i = 0; i < structure; i += 39989) flips.push_back(i);
    // A flip inside a text cannot be told from an edited text (it only must not crash, below): most
    // flips go to the structure, the part the reader can judge.
    for (std::size_t i = structure; i < blob.size(); i += (blob.size() - structure) / 18) flips.push_back(i);
    for (std::size_t i : flips) {
        std::string damaged = blob;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
        plant(damaged);
        EXPECT_FALSE(loads_from_image()) << i;
        if (i < header) continue;
        plant(reseal(damaged));
        RuleBase b = RuleBase::load_with_image(kb_dir, image_);
        try {
            run_output(b);
        } catch (const std::exception&) {
            // a run-time error of a rule is a message, not a crash
        }
        if (i < structure) continue;
        ++tried;
        refused += !b.from_image();
        // What the whole load decided is what the reader and the engine's checks decide.
        std::vector<SourceFile> copy = files;
        EXPECT_EQ(read_checked_image(reseal(damaged), key, copy).has_value(), b.from_image()) << i;
    }
    EXPECT_GT(tried, 15);
    // Numbers and flags take as few bytes as they can, so a flipped bit mostly leaves a well-formed
    // image with another offset, index or variable; the reader refuses what goes out of range or
    // loses step (a check byte after every rule). How many of eighteen flips that is depends on
    // which bytes the knowledge base of the day puts at those places (2 to 5 seen), so the share is
    // measured on many more flips, through the reader and the engine's checks alone (no run, no
    // YAML): some 20-25% of them in the structure of the bundled knowledge base.
    int many = 0, many_refused = 0;
    for (std::size_t i = structure; i < blob.size(); i += (blob.size() - structure) / 240, ++many) {
        std::string damaged = blob;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
        std::vector<SourceFile> copy = files;
        many_refused += !read_checked_image(reseal(damaged), key, copy).has_value();
    }
    RecordProperty("geweigerd", fmt::format("{} van {}", many_refused, many));
    EXPECT_GT(many, 200);
    EXPECT_GT(many_refused, many / 8) << many_refused << " van " << many << " geweigerd";
}

TEST_F(BundledImage, APlantedSymlinkIsNotFollowed) {
    const fs::path real = tmp_.path() / "echt.wwimg";
    fs::rename(image_, real);
    fs::create_symlink(real, image_);
    EXPECT_FALSE(loads_from_image());
    // Nor overwritten through: making the image replaces the link, the file it pointed to stays.
    const fs::path victim = tmp_.path() / "slachtoffer.txt";
    { std::ofstream(victim) << "blijft"; }
    fs::remove(image_);
    fs::create_symlink(victim, image_);
    RuleBase::save_image(kb_dir, image_);
    EXPECT_FALSE(fs::is_symlink(image_));
    std::ifstream in(victim);
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "blijft");
    EXPECT_TRUE(loads_from_image());
}

TEST_F(BundledImage, AFifoDoesNotHang) {
    fs::remove(image_);
    ASSERT_EQ(::mkfifo(image_.c_str(), 0444), 0);
    EXPECT_FALSE(loads_from_image());  // ctest's timeout catches a hang
}

TEST_F(BundledImage, AHugeSparseFileIsNotRead) {
    fs::permissions(image_, fs::perms::owner_write, fs::perm_options::add);
    fs::resize_file(image_, 3ull << 30);
    fs::permissions(image_, fs::perms::owner_read);
    EXPECT_FALSE(loads_from_image());
}

TEST_F(BundledImage, AnImageOthersMayWriteIsIgnored) {
    fs::permissions(image_, fs::perms::owner_read | fs::perms::group_write | fs::perms::others_read);
    EXPECT_FALSE(loads_from_image());
    fs::permissions(image_, fs::perms::owner_read | fs::perms::others_write);
    EXPECT_FALSE(loads_from_image());
    fs::permissions(image_, fs::perms::owner_read);
    EXPECT_TRUE(loads_from_image());
}

TEST_F(BundledImage, AnImageOfOtherSourcesIsIgnored) {
    TempDir kb("kb");
    for (const auto& e : fs::directory_iterator(kb_dir))
        if (e.path().extension() == ".yaml") fs::copy_file(e.path(), kb.path() / e.path().filename());
    EXPECT_TRUE(RuleBase::load_with_image(kb.path().string(), image_).from_image());
    { std::ofstream(kb.path() / "parameters.yaml", std::ios::app) << "\n# gewijzigd\n"; }
    EXPECT_FALSE(RuleBase::load_with_image(kb.path().string(), image_).from_image());
}

// The image carries the content key of the files it was made from; a file changed in place, its
// size the same, makes the image stale, and the key shown is then that of the YAML read.
TEST_F(BundledImage, AStaleImageGivesTheKeyOfTheYamlRead) {
    TempDir kb("kb");
    for (const auto& e : fs::directory_iterator(kb_dir))
        if (e.path().extension() == ".yaml") fs::copy_file(e.path(), kb.path() / e.path().filename());
    const RuleBase fresh = RuleBase::load_with_image(kb.path().string(), image_);
    ASSERT_TRUE(fresh.from_image());
    EXPECT_EQ(fresh.content_key(), RuleBase::load(kb_dir).content_key());
    const fs::path params = kb.path() / "parameters.yaml";
    std::string text;
    {
        std::ifstream in(params, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    // A comment's letter changed: the same size, the same rules.
    const auto hash = text.find("# ");
    ASSERT_NE(hash, std::string::npos);
    text[hash + 2] = text[hash + 2] == 'x' ? 'y' : 'x';
    { std::ofstream(params, std::ios::binary | std::ios::trunc) << text; }
    const RuleBase stale = RuleBase::load_with_image(kb.path().string(), image_);
    EXPECT_FALSE(stale.from_image());
    EXPECT_EQ(stale.content_key(), RuleBase::load(kb.path().string()).content_key());
    EXPECT_NE(stale.content_key(), fresh.content_key());
}

TEST(ImageFile, KnowledgeBaseWithErrorsIsReportedAndGetsNoImage) {
    TempDir kb("kb");
    { std::ofstream(kb.path() / "regels.yaml") << "rules:\n  - id: [\n"; }
    const std::string image = (kb.path() / "x.wwimg").string();
    EXPECT_THROW(RuleBase::save_image(kb.path().string(), image), LoadError);
    EXPECT_FALSE(fs::exists(image));
    EXPECT_THROW(RuleBase::load_with_image(kb.path().string(), image), LoadError);
    EXPECT_THROW(RuleBase::load_with_image((kb.path() / "bestaat-niet").string(), image), LoadError);
    EXPECT_THROW(RuleBase::save_image(kb_dir, (kb.path() / "geen-map" / "x.wwimg").string()), std::runtime_error);
}

}  // namespace
}  // namespace ww
