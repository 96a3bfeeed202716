// SPDX-License-Identifier: EUPL-1.2
// Warm throughput of `wegwijzer advies`: the knowledge base is loaded and the network built once, as
// a long-running service would; then the example profiles are consulted over and over. Prints
// consultations per second for three slices of the work, so a regression shows where it happened:
//   run   facts already read: reset, assert, run, collect and order the advice
//   json  the same plus the JSON of the output contract
//   full  the same plus reading and validating the profile text (YAML)
// Single-threaded, so the figures are per core. The last line is one JSON object.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "advies/kennisbank.hpp"
#include "advies/opmaak.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "rules/cost_table.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Profiel {
    std::string pad;
    std::string tekst;
    ww::advies::Invoer invoer;
};

// The CPU time this thread has used: unlike the wall clock, it does not count the time the machine
// gives to other processes, which on a shared machine is what makes wall-clock runs scatter.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Rate {
    double wall = 0;  // consultations per second of wall clock
    double cpu = 0;   // per second of this thread's CPU time: per core
};

// Runs `consult` over all profiles round-robin for at least `seconds`.
template <class F>
Rate per_second(const std::vector<Profiel>& profielen, double seconds, F&& consult) {
    std::size_t done = 0;
    const double cpu_start = thread_cpu_seconds();
    auto start = Clock::now();
    auto deadline = start + std::chrono::duration<double>(seconds);
    std::size_t sink = 0;
    while (Clock::now() < deadline) {
        for (int round = 0; round < 16; ++round)
            for (const auto& p : profielen) {
                sink += consult(p);
                ++done;
            }
    }
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    double cpu = thread_cpu_seconds() - cpu_start;
    if (sink == 0) std::fputs("", stderr);  // keep the work observable
    return Rate{static_cast<double>(done) / elapsed, cpu > 0 ? static_cast<double>(done) / cpu : 0.0};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Warme doorvoer van wegwijzer advies (raadplegingen per seconde, één core)"};
    std::string kb = ww::advies::standaard_kennisbank();
    std::vector<std::string> paden;
    double seconds = 2.0;
    app.add_option("profielen", paden, "gemeenteprofielen")->required();
    app.add_option("--kb", kb, "kennisbank");
    app.add_option("--seconden", seconds, "meetduur per onderdeel")->check(CLI::PositiveNumber);
    bool controle = true;
    std::string onderdeel = "alle";
    app.add_option("--onderdeel", onderdeel, "alleen dit onderdeel meten (voor perf en callgrind)")
        ->check(CLI::IsMember({"alle", "run", "json", "full"}));
    app.add_flag("!--zonder-controle", controle, "sla de vergelijking met een verse engine over (voor profielen met callgrind)");
    bool kosten = false;
    app.add_flag("--kosten", kosten,
                 "geen meting: na de controle elk profiel één keer warm raadplegen en per regel de kosten tonen, "
                 "gemiddeld per raadpleging (wegwijzer advies --kosten over alle profielen samen)");
    CLI11_PARSE(app, argc, argv);

    try {
        // Its consultations are advies and communicatie, never an interview (as `wegwijzer advies`);
        // with --kosten every rule is built, as there.
        auto kennisbank = ww::advies::Kennisbank::laad(kb, kosten ? ww::advies::Gesprekken::mogelijk : ww::advies::Gesprekken::nooit);
        ww::advies::Raadpleging raadpleging(*kennisbank, kennisbank->neem_engine());
        std::vector<Profiel> profielen;
        for (const auto& pad : paden) {
            std::ifstream in(pad, std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            auto gelezen = ww::advies::lees_profiel_tekst(buffer.str(), pad, raadpleging.vocabulaire(),
                                                          ww::advies::Opdracht::advies);
            if (!gelezen.invoer) {
                std::fprintf(stderr, "%s: fout: profiel ongeldig\n", pad.c_str());
                return 2;
            }
            profielen.push_back({pad, buffer.str(), std::move(*gelezen.invoer)});
        }
        using ww::advies::Opdracht;
        // The warm path (rollback to the checkpoint) must give what a fresh engine gives: consult
        // every profile three rounds through one engine and compare each JSON, with and without
        // explanations, to that of a fresh consultation. A difference is a bug, not a slow run.
        for (int round = 0; round < (controle ? 3 : 0); ++round)
            for (const auto& p : profielen)
                for (bool uitleg : {false, true}) {
                    ww::advies::Raadpleging vers(*kennisbank);
                    const auto verwacht = ww::advies::als_json(vers.raadpleeg(p.invoer, Opdracht::advies, uitleg), {});
                    const auto warm = ww::advies::als_json(raadpleging.raadpleeg(p.invoer, Opdracht::advies, uitleg), {});
                    if (warm != verwacht) {
                        std::fprintf(stderr, "advies_warm: fout: %s: warme raadpleging wijkt af van een verse\n", p.pad.c_str());
                        return 1;
                    }
                }
        if (kosten) {
            // Warm: a first round so that every profile starts from a rolled-back engine, as in a service.
            for (const auto& p : profielen) raadpleging.raadpleeg(p.invoer, Opdracht::advies);
            raadpleging.meet_kosten(true);
            for (const auto& p : profielen) raadpleging.raadpleeg(p.invoer, Opdracht::advies);
            raadpleging.meet_kosten(false);
            fmt::print("{}", ww::cost_table(raadpleging.engine().profile(), false, profielen.size()));
            return 0;
        }
        auto meet = [&](std::string_view naam, auto&& consult) {
            return onderdeel == "alle" || onderdeel == naam ? per_second(profielen, seconds, consult) : Rate{};
        };
        Rate run = meet("run", [&](const Profiel& p) {
            return raadpleging.raadpleeg(p.invoer, Opdracht::advies).adviezen.size();
        });
        Rate json = meet("json", [&](const Profiel& p) {
            return ww::advies::als_json(raadpleging.raadpleeg(p.invoer, Opdracht::advies), {}).size();
        });
        Rate full = meet("full", [&](const Profiel& p) {
            auto gelezen = ww::advies::lees_profiel_tekst(p.tekst, p.pad, raadpleging.vocabulaire(), Opdracht::advies);
            return ww::advies::als_json(raadpleging.raadpleeg(*gelezen.invoer, Opdracht::advies), {}).size();
        });
        fmt::print("profielen: {}\n", profielen.size());
        fmt::print("                                    {:>10} {:>10}  raadplegingen/s\n", "wandklok", "CPU-tijd");
        fmt::print("run  (feiten -> advies):            {:>10.0f} {:>10.0f}\n", run.wall, run.cpu);
        fmt::print("json (+ JSON-uitvoer):              {:>10.0f} {:>10.0f}\n", json.wall, json.cpu);
        fmt::print("full (+ profiel lezen en checken):  {:>10.0f} {:>10.0f}\n", full.wall, full.cpu);
        fmt::print("{{\"bench\": \"advies_warm\", \"profielen\": {}, \"run_per_s\": {:.0f}, \"json_per_s\": {:.0f}, "
                   "\"full_per_s\": {:.0f}, \"run_per_cpu_s\": {:.0f}, \"json_per_cpu_s\": {:.0f}, \"full_per_cpu_s\": {:.0f}}}\n",
                   profielen.size(), run.wall, json.wall, full.wall, run.cpu, json.cpu, full.cpu);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "advies_warm: fout: %s\n", e.what());
        return 1;
    }
}
