// SPDX-License-Identifier: EUPL-1.2
// Micro benchmarks of the engine's memory and join operations (Google Benchmark): asserting into,
// retracting from and modifying facts in a two-pattern join with a hash index, a negation being
// switched on and off, running the agenda, and a `not` keyed on an expression. What Miss Manners
// and Waltz do in bulk, one operation at a time, so a change in the engine shows up here with a
// cause attached.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/engine.hpp"
#include "rules/rule_base.hpp"
#include "rules/source_file.hpp"

namespace {

// a and b join on k; every key has `b_per_key` b facts, so each a fact makes that many matches.
constexpr const char* kRules = R"yaml(
templates:
  a: {slots: {k: int, v: int}}
  b: {slots: {k: int, w: int}}
  hit: {slots: {v: int, w: int}}
  blocked: {slots: {k: int}}
rules:
  - id: join
    when: ["a(k: ?k, v: ?v)", "b(k: ?k, w: ?w)"]
    then: ["assert hit(v: ?v, w: ?w)"]
  - id: unblocked
    when: ["a(k: ?k, v: ?v)", "not blocked(k: ?k)"]
    then: []
)yaml";

const ww::RuleBase& rule_base() {
    static const ww::RuleBase base = ww::RuleBase::load_sources({ww::SourceFile("micro.yaml", kRules)});
    return base;
}

struct Network {
    std::unique_ptr<ww::Engine> engine;
    ww::TemplateId a = 0, b = 0, blocked = 0;
};

constexpr std::int64_t b_per_key = 4;

Network make_network(std::int64_t keys) {
    Network n;
    n.engine = rule_base().instantiate();
    n.engine->set_explanation(false);
    n.a = *rule_base().template_id("a");
    n.b = *rule_base().template_id("b");
    n.blocked = *rule_base().template_id("blocked");
    for (std::int64_t k = 0; k < keys; ++k)
        for (std::int64_t w = 0; w < b_per_key; ++w) n.engine->assert_fact(n.b, {ww::Value(k), ww::Value(w)});
    return n;
}

std::vector<ww::FactId> assert_a(Network& n, std::int64_t count, std::int64_t keys) {
    std::vector<ww::FactId> ids;
    ids.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        ids.push_back(*n.engine->assert_fact(n.a, {ww::Value(i % keys), ww::Value(i)}));
    return ids;
}

void BM_AssertIntoJoin(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const std::int64_t keys = count / 4 + 1;
    for (auto _ : state) {
        state.PauseTiming();
        Network n = make_network(keys);
        state.ResumeTiming();
        benchmark::DoNotOptimize(assert_a(n, count, keys));
        state.PauseTiming();
        n.engine.reset();  // teardown not timed
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_AssertIntoJoin)->Arg(1000)->Arg(10000);

void BM_RetractFromJoin(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const std::int64_t keys = count / 4 + 1;
    for (auto _ : state) {
        state.PauseTiming();
        Network n = make_network(keys);
        const auto ids = assert_a(n, count, keys);
        state.ResumeTiming();
        for (ww::FactId id : ids) benchmark::DoNotOptimize(n.engine->retract(id));
        state.PauseTiming();
        n.engine.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_RetractFromJoin)->Arg(1000)->Arg(10000);

void BM_ModifyInJoin(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const std::int64_t keys = count / 4 + 1;
    Network n = make_network(keys);
    auto ids = assert_a(n, count, keys);
    std::int64_t round = 0;
    for (auto _ : state) {
        ++round;
        for (auto& id : ids) id = *n.engine->modify(id, {{1, ww::Value(round * count + static_cast<std::int64_t>(id))}});
    }
    state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_ModifyInJoin)->Arg(1000);

void BM_NegationToggle(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    Network n = make_network(1);
    assert_a(n, count, 16);  // count a facts over 16 keys: each toggle flips count/16 activations
    std::int64_t k = 0;
    for (auto _ : state) {
        const auto id = n.engine->assert_fact(n.blocked, {ww::Value(k % 16)});
        n.engine->retract(*id);
        ++k;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NegationToggle)->Arg(1600);

void BM_RunJoin(benchmark::State& state) {
    const std::int64_t count = state.range(0);
    const std::int64_t keys = count / 4 + 1;
    std::uint64_t firings = 0;
    for (auto _ : state) {
        state.PauseTiming();
        Network n = make_network(keys);
        assert_a(n, count, keys);
        state.ResumeTiming();
        firings = n.engine->run().firings;
        state.PauseTiming();
        n.engine.reset();
        state.ResumeTiming();
    }
    state.counters["vuringen"] = static_cast<double>(firings);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(firings));
}
BENCHMARK(BM_RunJoin)->Arg(1000)->Arg(10000);

// The shape of issue 15: a `not` whose slot equals an expression over an earlier variable. Hashed
// on the expression's value, asserting n facts and running costs O(n); scanned, O(n^2).
constexpr const char* kChainRules = R"yaml(
templates:
  n: {slots: {i: int}}
rules:
  - id: laatste
    when: ["n(i: ?i)", "not n(i: ?i + 1)"]
    then: []
)yaml";

void BM_NotNextNumber(benchmark::State& state) {
    static const ww::RuleBase base = ww::RuleBase::load_sources({ww::SourceFile("chain.yaml", kChainRules)});
    const ww::TemplateId n_tmpl = *base.template_id("n");
    const std::int64_t count = state.range(0);
    std::uint64_t firings = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto engine = base.instantiate();
        engine->set_explanation(false);
        state.ResumeTiming();
        for (std::int64_t i = 1; i <= count; ++i) engine->assert_fact(n_tmpl, {ww::Value(i)});
        firings = engine->run().firings;
        state.PauseTiming();
        engine.reset();
        state.ResumeTiming();
    }
    state.counters["vuringen"] = static_cast<double>(firings);
    state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_NotNextNumber)->Arg(5000)->Arg(20000);

}  // namespace

BENCHMARK_MAIN();
