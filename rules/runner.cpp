// SPDX-License-Identifier: EUPL-1.2
#include "rules/runner.hpp"

#include <fmt/format.h>

namespace ww {

RunOutcome run_rule_base(const RuleBase& base, const std::vector<FactSpec>& facts, const RunConfig& config) {
    RunOutcome out;
    out.engine = std::make_unique<Engine>();
    Engine& engine = *out.engine;
    engine.set_strategy(config.strategy);
    if (config.profile) engine.set_profiling(true);
    base.install(engine);
    for (const auto& f : facts) engine.assert_fact(f.tmpl, f.slots);
    RunOptions options;
    options.max_firings = config.max_firings;
    if (config.trace) {
        options.on_fire = [&engine, &config](const FiringInfo& info) {
            std::string line = fmt::format("[{}] {}", info.index + 1, info.rule ? info.rule->id : "?");
            const char* sep = ": ";
            for (FactId id : info.facts) {
                if (const Fact* f = engine.fact(id)) line += fmt::format("{}f{} {}", sep, id, fact_text(engine, *f));
                else line += fmt::format("{}f{}", sep, id);
                sep = ", ";
            }
            config.trace(line);
        };
    }
    options.input = config.input;
    if (config.input && config.before_read) {
        options.before_read = [&engine, &out, &config] {
            const std::size_t from = out.records.size();
            for (Record& r : engine.take_records()) out.records.push_back(std::move(r));
            config.before_read(std::span<const Record>(out.records).subspan(from));
        };
    }
    out.result = engine.run(options);
    if (out.records.empty()) {
        out.records = engine.take_records();
    } else {
        for (Record& r : engine.take_records()) out.records.push_back(std::move(r));
    }
    return out;
}

std::string record_text(const Record& record) {
    std::string out(record.name);
    out += '(';
    for (std::size_t i = 0; i < record.fields.size(); ++i)
        out += fmt::format("{}{}: {}", i ? ", " : "", record.fields[i].first, record.fields[i].second.repr());
    return out + ")";
}

std::string facts_listing(const Engine& engine) {
    std::string out;
    for (const Fact* f : engine.facts()) out += fmt::format("f{} {}\n", f->id, fact_text(engine, *f));
    return out;
}

std::string agenda_listing(const Engine& engine) {
    std::string out;
    for (const AgendaItem& a : engine.agenda()) {
        out += fmt::format("{} {}", a.salience, a.rule ? a.rule->id : "?");
        const char* sep = ": ";
        for (FactId id : a.facts) {
            out += fmt::format("{}f{}", sep, id);
            sep = ", ";
        }
        out += '\n';
    }
    return out;
}

std::string run_summary(const RunOutcome& outcome, bool firings, bool facts, bool agenda) {
    std::string out;
    if (firings) out += fmt::format("vuringen: {}{}\n", outcome.result.firings, outcome.result.halted ? " (gestopt door halt)" : "");
    if (facts) out += fmt::format("feiten: {}\n", outcome.engine->fact_count()) + facts_listing(*outcome.engine);
    if (agenda) out += fmt::format("agenda: {}\n", outcome.engine->agenda_size()) + agenda_listing(*outcome.engine);
    return out;
}

std::string fact_text(const Engine& engine, const Fact& fact) {
    const TemplateDef& t = engine.template_def(fact.tmpl);
    std::string out = t.name + "(";
    for (std::size_t i = 0; i < fact.slots.size() && i < t.slots.size(); ++i)
        out += fmt::format("{}{}: {}", i ? ", " : "", t.slots[i].name, fact.slots[i].repr());
    return out + ")";
}

}  // namespace ww
