// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: the reader of knowledge-base images (rules/image.cpp) with the checks the program makes
// before it uses one (read_checked_image). The input is one byte N (the number of source files the
// image claims, modulo 16) followed by an image body; the target seals it with a valid header, so the
// fuzzer works on the body, not on the checksum. An image that is accepted must then instantiate,
// run (firing limit 200) and print without a crash, and the actions of every rule, which the reader
// checks but builds only when asked, must build: whatever the reader and the engine let through is
// what the program would run. The same blob is read for a closed promise too (as a cold `wegwijzer
// advies` reads, leaving out unread the rules the promise stops, and checking the actions of a rule
// only when they are built): accepted whenever it is accepted whole, and what it reads must run; a
// build it refuses (DeferredActionsRefused) is of an image the whole read refuses too.
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/action_list.hpp"
#include "engine/engine.hpp"
#include "engine/expr.hpp"
#include "rules/image.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"
#include "fuzz_stop.hpp"

namespace {

constexpr char magic[8] = {'W', 'W', 'I', 'M', 'G', '\r', '\n', '\x1a'};

std::string seal(std::string_view body, std::uint64_t key) {
    std::string out(magic, sizeof magic);
    auto raw = [&](const auto& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
    raw(ww::image_format_version);
    raw(key);
    raw(static_cast<std::uint64_t>(body.size()));
    raw(ww::image_checksum(body));
    out.append(body);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto sources = [&] {
        std::vector<ww::SourceFile> files;
        for (int i = 0; i < data[0] % 16; ++i) files.emplace_back("bron" + std::to_string(i) + ".yaml", "# leeg\n");
        return files;
    };
    constexpr std::uint64_t key = 0x7777;
    const auto blob = std::make_shared<const std::string>(seal(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), key));
    // Read for a closed promise, as a cold `wegwijzer advies` reads (the installer asserts nothing): the
    // rules the promise leaves out are not read at all, as the image's index says; what is read must
    // run. An image accepted whole is accepted so too (its rules are a part of it, the promise is kept).
    std::vector<ww::SourceFile> files = sources();
    auto cut = ww::read_checked_image(*blob, blob, key, files, [](const ww::RuleBase&) { return ww::InstallOptions{{}, true, {}}; });
    bool refused_late = false;  // the actions of a rule read for the promise did not pass when built
    if (cut) {
        std::unique_ptr<ww::Engine> engine = cut->take_prepared_engine();
        if (!engine) ww::fuzz::stop("een beeld voor een belofte gaf geen engine");
        ww::RunOptions options;
        options.max_firings = 200;
        try {
            engine->run(options);
            for (const auto& r : engine->take_records()) (void)ww::record_text(r);
        } catch (const ww::FiringLimitError&) {
        } catch (const ww::ActionError&) {
        } catch (const ww::DeferredActionsRefused&) {
            refused_late = true;
        } catch (const std::logic_error& e) {
            std::fprintf(stderr, "fuzz: %s\n", e.what());
            ww::fuzz::stop("een regel uit een beeld voor een belofte bouwt niet");
        }
        // Every rule read, not only those that fired: each builds, or is refused as such.
        for (const auto& r : cut->rules()) {
            try {
                (void)r->actions.size();
            } catch (const ww::DeferredActionsRefused&) {
                refused_late = true;
            } catch (const std::logic_error& e) {
                std::fprintf(stderr, "fuzz: %s\n", e.what());
                ww::fuzz::stop("een regel uit een beeld voor een belofte bouwt niet");
            }
        }
    }
    files = sources();
    auto base = ww::read_checked_image(*blob, key, files);
    if (!base) return 0;
    if (!cut) ww::fuzz::stop("een beeld dat heel gelezen wordt, weigert de lezer voor een belofte");
    if (refused_late) ww::fuzz::stop("een beeld dat heel gelezen wordt, weigert de lezer voor een belofte bij het bouwen van acties");
    if (!base->from_image()) ww::fuzz::stop("een gelezen beeld zegt niet dat het uit een beeld komt");
    // The engine builds a rule's actions from the image when the rule first fires (ActionList); what
    // the reader accepted must build for every rule, not only those this run fires; a build that
    // fails throws std::logic_error.
    try {
        for (const auto& r : base->rules()) (void)r->actions.size();
    } catch (const std::logic_error& e) {
        std::fprintf(stderr, "fuzz: %s\n", e.what());
        ww::fuzz::stop("een regel uit een aangenomen beeld bouwt niet");
    }
    ww::RunConfig config;
    config.max_firings = 200;
    try {
        ww::RunOutcome outcome = ww::run_rule_base(*base, {}, config);
        for (const auto& r : outcome.records) (void)ww::record_text(r);
        for (const ww::Fact* f : outcome.engine->facts()) (void)ww::fact_text(*outcome.engine, *f);
    } catch (const ww::FiringLimitError&) {
    } catch (const ww::ActionError&) {
    }
    // What explanations print of the rules.
    for (const auto& r : base->rules())
        for (const auto& alt : r->alternatives)
            for (const auto& c : alt) (void)ww::to_string(c.expr, r->variables);
    for (const auto& r : base->rules()) (void)base->diagnostic_at(r->id, 1u << 30, "x");
    return 0;
}
