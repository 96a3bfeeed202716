// SPDX-License-Identifier: EUPL-1.2
// ww_bench_run: runs a rule base on a facts file the way bench/compare-clips needs it. Loading,
// building the network and asserting the facts happen first and are not timed; only Engine::run is
// timed, which is the part CLIPS's (run) does too. Prints the firings, the run time as wall time
// (std::chrono::steady_clock) and as process CPU time, the peak resident memory of the process and
// every emitted record. CPU time is what compare-clips compares: CLIPS 6.30's (time) is clock(),
// CPU time, and on a busy machine wall time would count other processes against one side only.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <iostream>

#include "engine/engine.hpp"
#include "rules/diagnostic.hpp"
#include "rules/facts_file.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; }

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Draait regels op feiten en meet alleen de run-fase (voor bench/compare-clips)."};
    std::string rules_path;
    std::string facts_path;
    bool explanation = false;
    bool quiet = false;
    app.add_option("regels", rules_path, "regelbestand of map")->required();
    app.add_option("feiten", facts_path, "feitenbestand (YAML-lijst)")->required();
    app.add_flag("--uitleg", explanation, "houd het vuringslogboek bij (standaard uit, zoals CLIPS)");
    app.add_flag("--stil", quiet, "toon de records niet");
    CLI11_PARSE(app, argc, argv);

    try {
        ww::RuleBase base = ww::RuleBase::load(rules_path);
        std::vector<ww::FactSpec> facts = ww::read_facts_file(facts_path, base);

        ww::Engine engine;
        engine.set_strategy(ww::Strategy::depth);
        // The firing log is for explanations; CLIPS keeps none, so neither does the timed run.
        engine.set_explanation(explanation);
        base.install(engine);
        for (const auto& f : facts) engine.assert_fact(f.tmpl, f.slots);

        // The peak so far (loading, parsing, building the network) apart from the run's own growth:
        // tells whether memory goes to the rule language front end or to the engine.
        rusage loaded{};
        getrusage(RUSAGE_SELF, &loaded);

        ww::RunOptions options;
        options.max_firings = 100'000'000;
        options.input = &std::cin;  // read() in CLIPS's interactive examples: the answers piped in
        rusage run_start{};
        getrusage(RUSAGE_SELF, &run_start);
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = cpu_seconds();
        const ww::RunResult result = engine.run(options);
        const double cpu_stop = cpu_seconds();
        const auto stop = std::chrono::steady_clock::now();

        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        fmt::print("firings {}\n", result.firings);
        fmt::print("run_s {:.6f}\n", std::chrono::duration<double>(stop - start).count());
        fmt::print("run_cpu_s {:.6f}\n", cpu_stop - cpu_start);
        // The run's CPU time split: the kernel's part is mostly page faults of a growing heap.
        fmt::print("run_user_s {:.6f}\n", seconds(usage.ru_utime) - seconds(run_start.ru_utime));
        fmt::print("run_sys_s {:.6f}\n", seconds(usage.ru_stime) - seconds(run_start.ru_stime));
        fmt::print("run_minor_faults {}\n", usage.ru_minflt - run_start.ru_minflt);
        fmt::print("peak_rss_kb {}\n", usage.ru_maxrss);
        fmt::print("peak_rss_before_run_kb {}\n", loaded.ru_maxrss);
        if (!quiet)
            for (const auto& record : engine.records()) fmt::print("{}\n", ww::record_text(record));
        return 0;
    } catch (const ww::LoadError& e) {
        e.diagnostics.print(std::cerr);
        return 2;
    } catch (const ww::FiringLimitError& e) {
        std::cerr << "ww_bench_run: fout: " << e.what() << '\n';
        return 1;
    } catch (const ww::ActionError& e) {
        std::cerr << "ww_bench_run: fout: in regel '" << e.rule_id << "': " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "ww_bench_run: fout: " << e.what() << '\n';
        return 1;
    }
}
