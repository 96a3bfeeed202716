// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: a rule file, from YAML through the loader and compiler; when it loads, a short run
// (firing limit 200). Bad input must end in a LoadError whose diagnostics all point into the file,
// a run in a result or one of the engine's documented errors.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/engine.hpp"
#include "rules/diagnostic.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"
#include "fuzz_stop.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<ww::SourceFile> files;
    files.emplace_back("fuzz.yaml", text);
    try {
        ww::RuleBase base = ww::RuleBase::load_sources(std::move(files));
        ww::RunConfig config;
        config.max_firings = 200;
        try {
            ww::RunOutcome outcome = ww::run_rule_base(base, {}, config);
            for (const auto& r : outcome.records) (void)ww::record_text(r);
        } catch (const ww::FiringLimitError&) {
        } catch (const ww::ActionError&) {
        }
    } catch (const ww::LoadError& e) {
        if (e.diagnostics.empty()) ww::fuzz::stop("een weigering zonder melding");
        for (const auto& d : e.diagnostics.items()) {
            if (d.file != "fuzz.yaml" || d.line < 0 || d.col < 0) ww::fuzz::stop("een melding zonder geldige plaats");
            (void)ww::format(d);
        }
    }
    return 0;
}
