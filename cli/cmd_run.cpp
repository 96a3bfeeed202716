// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer run RULES [FACTS]`: load a rule base, assert facts, run to quiescence, print records.
#include <iostream>
#include <map>
#include <span>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"
#include "rules/cost_table.hpp"
#include "rules/facts_file.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"

namespace ww::cli {
namespace {

struct RunArgs {
    std::string rules;
    std::string facts;
    bool trace = false;
    std::string format = "text";
    std::string strategy = "depth";
    std::uint64_t max_firings = 1'000'000;
    bool firings = false;
    bool facts_left = false;
    bool agenda = false;
    bool kosten = false;
    bool kosten_tijd = false;
};

nlohmann::ordered_json to_json(const Value& v) {
    switch (v.kind()) {
        case ValueKind::nil: return nullptr;
        case ValueKind::boolean: return v.as_bool();
        case ValueKind::integer: return v.as_int();
        case ValueKind::floating: return v.as_float();
        case ValueKind::string:
        case ValueKind::symbol: return std::string(v.as_text());
        case ValueKind::list: {
            auto a = nlohmann::ordered_json::array();
            for (const auto& item : v.as_list()) a.push_back(to_json(item));
            return a;
        }
        case ValueKind::fact: return fmt::format("f{}", v.as_fact().id);
    }
    return nullptr;
}

void print_records(std::span<const Record> records, const std::string& format) {
    if (format == "json") {
        auto out = nlohmann::ordered_json::array();
        for (const auto& r : records) {
            nlohmann::ordered_json o;
            o["record"] = std::string(r.name);
            o["rule"] = std::string(r.rule_id);
            auto fields = nlohmann::ordered_json::object();
            for (const auto& [name, value] : r.fields) fields[std::string(name)] = to_json(value);
            o["fields"] = std::move(fields);
            auto meta = nlohmann::ordered_json::object();
            if (r.rule_meta)
                for (const auto& [name, value] : *r.rule_meta) meta[name] = to_json(value);
            o["meta"] = std::move(meta);
            out.push_back(std::move(o));
        }
        // Built whole, then written once; invalid UTF-8 (a function may cut a text) is replaced, not thrown.
        schrijf_uit(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n');
        return;
    }
    std::string text;
    for (const auto& r : records) text += record_text(r) + '\n';
    // Texts of rule and fact files may hold control characters (YAML's "\e"); JSON escapes them.
    schrijf_uit(zichtbaar(text));
}

}  // namespace

void register_run(CLI::App& app, Context& context) {
    auto args = std::make_shared<RunArgs>();
    auto* cmd = app.add_subcommand("run", "Laad regels, voeg feiten toe, draai tot er niets meer vuurt en toon de records");
    cmd->add_option("RULES", args->rules, "Regelbestand (.yaml) of map met regelbestanden")->required();
    cmd->add_option("FACTS", args->facts, "Feitenbestand: een YAML-lijst van feiten, - \"naam(slot: waarde)\"");
    cmd->add_flag("--trace", args->trace, "Toon elke vuring met haar feiten (op stderr)");
    cmd->add_option("--format", args->format, "Uitvoer: text of json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->add_option("--strategy", args->strategy, "Volgorde bij gelijke salience: depth (nieuwste eerst) of breadth")
        ->check(CLI::IsMember({"depth", "breadth"}))
        ->capture_default_str();
    cmd->add_option("--max-firings", args->max_firings, "Maximum aantal vuringen")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_flag("--firings", args->firings, "Toon na de run het aantal vuringen (op stderr)");
    cmd->add_flag("--facts", args->facts_left, "Toon na de run de feiten die er nog zijn (op stderr)");
    cmd->add_flag("--agenda", args->agenda, "Toon na de run de activaties die nog wachten (op stderr)");
    cmd->add_flag("--kosten", args->kosten,
                  "Toon na de run per regel wat ze kostte: tokens, activaties, vuringen, feiten (op stderr)");
    cmd->add_flag("--kosten-tijd", args->kosten_tijd, "Als --kosten, met de tijd in de vuringen van elke regel");
    cmd->callback([args, &context] {
        RuleBase base = RuleBase::load(args->rules);
        std::string warnings;
        for (const auto& w : base.warnings().items()) warnings += format(w);
        if (!warnings.empty()) schrijf_fout(warnings);
        std::vector<FactSpec> facts;
        if (!args->facts.empty()) facts = read_facts_file(args->facts, base);
        RunConfig config;
        config.strategy = args->strategy == "breadth" ? Strategy::breadth : Strategy::depth;
        config.max_firings = args->max_firings;
        config.profile = args->kosten || args->kosten_tijd;
        if (args->trace) config.trace = [](const std::string& line) { schrijf_fout(line + '\n'); };
        // read() and readline() read standard input. In text form the records so far are written
        // before each read, so that a rule's question stands on the screen before the answer is
        // read; a JSON list is written whole, after the run.
        config.input = &std::cin;
        auto shown = std::make_shared<std::size_t>(0);
        if (args->format == "text") {
            config.before_read = [shown](std::span<const Record> records) {
                print_records(records, "text");
                *shown += records.size();
            };
        }
        try {
            RunOutcome outcome = run_rule_base(base, facts, config);
            print_records(std::span<const Record>(outcome.records).subspan(*shown), args->format);
            // After the records, on stderr like --trace: stdout stays records only.
            const std::string summary = run_summary(outcome, args->firings, args->facts_left, args->agenda);
            if (!summary.empty()) schrijf_fout(summary);
            if (config.profile) schrijf_fout(cost_table(outcome.engine->profile(), args->kosten_tijd));
        } catch (const FiringLimitError& e) {
            std::string rules;
            for (const auto& r : e.rules) rules += (rules.empty() ? "" : ", ") + r;
            schrijf_fout(fmt::format("wegwijzer: fout: na {} vuringen gestopt; deze regels bleven vuren: {}\n", e.limit, rules));
            context.exit_code = exit_failure;
        } catch (const ActionError& e) {
            // The engine's message names the rule and the action already.
            Diagnostic d = base.diagnostic_at(e.rule_id, e.source_offset, e.what());
            schrijf_fout(d.line > 0 ? format(d) : fmt::format("wegwijzer: fout: in regel '{}': {}\n", e.rule_id, e.what()));
            context.exit_code = exit_failure;
        }
    });
}

}  // namespace ww::cli
