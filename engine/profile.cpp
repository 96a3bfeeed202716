// SPDX-License-Identifier: EUPL-1.2
// The rule cost profile: switching it on and off, and per rule what the counters say.
#include <chrono>
#include <unordered_map>

#include "engine/engine_impl.hpp"

namespace ww {

namespace {

void number_rules(Engine::Impl& m) {
    for (std::size_t r = 0; r < m.rules.size(); ++r) m.rule_numbers.emplace(m.rules[r].def.get(), r);
}

}  // namespace

void Engine::set_profiling(bool on) {
    Impl& m = *impl_;
    const bool was_on = m.profiling;
    m.profiling = on;
    m.beta.set_listener(on ? static_cast<BetaListener&>(m.counting) : static_cast<BetaListener&>(m));
    const auto& nodes = m.beta.nodes();
    if (!on) {
        if (!was_on) return;
        // The nodes go on counting their tokens: what they made until now is what the profile says.
        m.made_at_stop.resize(nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i) m.made_at_stop[i] = nodes[i]->made;
        return;
    }
    m.made_at_stop.clear();
    m.rule_counters.assign(m.rules.size(), {});
    m.rule_numbers.clear();
    number_rules(m);
    m.made_at_start.resize(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) m.made_at_start[i] = nodes[i]->made;
}

// A firing is counted from its start (on_fire, before its actions) to the start of the next or the
// end of the run: what its facts make in the network, and the aggregate results they change, which
// the run loop passes on before the next firing. Through on_fire rather than a second path beside
// fire() in the run loop: that left the run without profiling exactly as it was.
RunResult Engine::run_profiled(const RunOptions& options) {
    Impl& m = *impl_;
    using Clock = std::chrono::steady_clock;
    Impl::RuleCounters* open = nullptr;
    FactId next = 0;
    std::uint32_t serial = 0;
    Clock::time_point start;
    const auto close = [&] {
        if (!open) return;
        open->facts += m.wm.next_id() - next;
        open->action_tokens += m.beta.serial() - serial;  // modulo 2^32, like the serials
        open->action_ns +=
            static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
        open = nullptr;
    };
    RunOptions counted;
    counted.max_firings = options.max_firings;
    counted.on_fire = [&](const FiringInfo& info) {
        close();
        auto number = m.rule_numbers.find(info.rule);
        if (number == m.rule_numbers.end()) {  // a rule added since profiling began
            number_rules(m);
            number = m.rule_numbers.find(info.rule);
        }
        if (number != m.rule_numbers.end()) {
            open = &m.counters(number->second);
            ++open->firings;
            next = m.wm.next_id();
            serial = m.beta.serial();
            start = Clock::now();
        }
        if (options.on_fire) options.on_fire(info);
    };
    m.profiling = false;  // run() below runs as usual; the listener still counts activations
    RunResult result;
    try {
        result = run(counted);
    } catch (...) {
        close();
        m.profiling = true;
        throw;
    }
    close();
    m.profiling = true;
    return result;
}

bool Engine::profiling() const { return impl_->profiling; }

std::vector<RuleCost> Engine::profile() const {
    const Impl& m = *impl_;
    std::vector<RuleCost> out(m.rules.size());
    // Each alternative's nodes: its chain, with the chain of an aggregate over a conjunction in it.
    // A node counts once per alternative that goes through it, whatever else shares it.
    std::vector<std::vector<std::pair<const BetaNode*, std::size_t>>> paths;  // node, condition as written
    std::vector<std::size_t> path_rule;
    std::unordered_map<const BetaNode*, std::size_t> users;
    for (std::size_t r = 0; r < m.rules.size(); ++r)
        for (const Terminal* term : m.rules[r].terminals) {
            if (!term) continue;  // not built (Engine::promise_never_asserted)
            auto& path = paths.emplace_back();
            path_rule.push_back(r);
            for (std::size_t k = 0; k < term->chain.size(); ++k) {
                const BetaNode* n = term->chain[k];
                const std::size_t condition = term->chain_condition[k];
                for (const BetaNode* t : n->term_chain) path.emplace_back(t, condition);
                path.emplace_back(n, condition);
            }
            for (const auto& [n, c] : path) ++users[n];
        }
    const auto made = [&](const BetaNode* n) {
        const std::uint64_t start = n->index < m.made_at_start.size() ? m.made_at_start[n->index] : 0;
        // Off: until it was switched off (a node built since counted nothing).
        const std::uint64_t end = m.profiling ? n->made : n->index < m.made_at_stop.size() ? m.made_at_stop[n->index] : start;
        return static_cast<double>(end - start);
    };
    for (std::size_t p = 0; p < paths.size(); ++p) {
        RuleCost& cost = out[path_rule[p]];
        for (const auto& [n, c] : paths[p]) {
            const double share = made(n) / static_cast<double>(users[n]);
            cost.tokens += share;
            if (c >= cost.condition_tokens.size()) cost.condition_tokens.resize(c + 1);
            cost.condition_tokens[c] += share;
        }
    }
    for (std::size_t r = 0; r < m.rules.size(); ++r) {
        RuleCost& cost = out[r];
        cost.rule = m.rules[r].def.get();
        if (r >= m.rule_counters.size()) continue;
        const auto& c = m.rule_counters[r];
        cost.activations = c.activations;
        cost.firings = c.firings;
        cost.facts = c.facts;
        cost.action_tokens = c.action_tokens;
        cost.action_ns = c.action_ns;
    }
    return out;
}

}  // namespace ww
