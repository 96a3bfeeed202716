// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: a facts file (`wegwijzer run RULES FACTS`) read against the templates of the bundled
// knowledge base, loaded once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "rules/diagnostic.hpp"
#include "rules/facts_file.hpp"
#include "rules/rule_base.hpp"
#include "fuzz_stop.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto base = std::make_unique<ww::RuleBase>(ww::RuleBase::load(WW_FUZZ_KB));
    const ww::SourceFile file("feiten.yaml", std::string(reinterpret_cast<const char*>(data), size));
    try {
        (void)ww::read_facts(file, *base);
    } catch (const ww::LoadError& e) {
        if (e.diagnostics.empty()) ww::fuzz::stop("een weigering zonder melding");
        for (const auto& d : e.diagnostics.items()) (void)ww::format(d);
    }
    return 0;
}
