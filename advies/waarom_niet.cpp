// SPDX-License-Identifier: EUPL-1.2
#include "advies/waarom_niet.hpp"

#include <fmt/format.h>

namespace ww::advies {

namespace {

std::string feit_tekst(const Engine& engine, FactId id) {
    if (engine.fact(id) == nullptr) return fmt::format("feit {} (ingetrokken)", id);
    return engine.how_fact(id).text;
}

}  // namespace

std::string waarom_niet_tekst(const Engine& engine, const WhyNot& w) {
    std::string uit;
    const RuleDef* regel = engine.find_rule(w.rule_id);
    uit += fmt::format("Regel {}", w.rule_id);
    if (regel && !regel->description.empty()) uit += fmt::format(": {}", regel->description);
    uit += "\n";
    const bool meer = w.alternatives.size() > 1;
    for (const auto& alt : w.alternatives) {
        const std::string kop = meer ? fmt::format("  Alternatief {}: ", alt.alternative + 1) : std::string("  ");
        if (alt.fired) {
            uit += kop + "de regel is gevuurd; zijn advies staat in de uitvoer (tenzij de opdracht het wegfiltert).\n";
        } else if (!alt.failing_condition) {
            uit += kop + "alle condities gelden; de regel wacht nog op zijn beurt.\n";
        } else {
            uit += kop + fmt::format("conditie {} houdt hem tegen:\n", *alt.failing_condition + 1);
            uit += fmt::format("      {}\n", alt.condition_text);
            if (!alt.reason.empty()) uit += fmt::format("    reden: {}\n", alt.reason);
        }
        if (!alt.partial_facts.empty() || !alt.partial_bindings.empty()) {
            uit += alt.fired ? "    op grond van:\n" : "    wat er wel klopte (condities ervoor):\n";
            for (FactId f : alt.partial_facts) uit += fmt::format("      - {}\n", feit_tekst(engine, f));
            for (const auto& [naam, waarde] : alt.partial_bindings) {
                if (waarde.kind() == ValueKind::fact) continue;
                uit += fmt::format("      {} = {}\n", naam, waarde.repr());
            }
        }
    }
    return uit;
}

}  // namespace ww::advies
