// SPDX-License-Identifier: EUPL-1.2
#include "advies/kennisbank.hpp"

#include "advies/fout.hpp"

namespace ww::advies {

namespace {

const InstallOptions zonder_vraaggesprek{{"vraaggesprek"}};

// The promise for engines of `regels` that hold no interview: only when the rule base keeps it (a
// knowledge base of one's own may assert `vraaggesprek` itself; then its rules are all built).
InstallOptions belofte(const RuleBase& regels, Gesprekken gesprek) {
    if (gesprek == Gesprekken::mogelijk) return {};
    const auto gesprek_id = regels.template_id(zonder_vraaggesprek.never_asserted.front());
    if (!gesprek_id) return {};
    for (const FactSpec& feit : regels.facts())
        if (feit.tmpl == *gesprek_id) return {};
    for (const auto& regel : regels.rules())
        for (const Action& actie : regel->actions)
            if (actie.kind == Action::Kind::assert_fact && actie.tmpl == *gesprek_id) return {};
    return zonder_vraaggesprek;
}

}  // namespace

std::unique_ptr<Kennisbank> Kennisbank::laad(const std::string& map, Gesprekken gesprek) {
    try {
        RuleBase regels = RuleBase::load(map);
        InstallOptions opties = belofte(regels, gesprek);
        return std::make_unique<Kennisbank>(map, std::move(regels), std::move(opties));
    } catch (const LoadError& e) {
        throw InvoerFout(e.diagnostics.items());
    }
}

std::string kies_kennisbank(const std::string& kb) {
    if (!kb.empty()) return kb;
    auto zoektocht = zoek_kennisbank();
    if (zoektocht.pad.empty()) {
        Fout f;
        f.file = "wegwijzer";  // no position: "wegwijzer: fout: ...", as for the other errors of the program
        std::string waar;
        for (const auto& g : zoektocht.gezocht) waar += (waar.empty() ? "" : ", ") + g;
        f.message = "geen kennisbank gevonden" + (waar.empty() ? std::string() : " (gezocht: " + waar + ")") +
                    "; geef er een met --kb MAP of WEGWIJZER_KB=MAP";
        throw InvoerFout({f});
    }
    return zoektocht.pad;
}

std::unique_ptr<Kennisbank> Kennisbank::laad_gekozen(const std::string& kb, Gesprekken gesprek) {
    if (!kb.empty()) return laad(kb, gesprek);
    const std::string map = kies_kennisbank(kb);
    try {
        // From the image, the engine that checks it holds the promise (and refuses the image when the
        // rule base breaks it: then from the YAML, which belofte checks without an engine).
        const InstallOptions gevraagd = gesprek == Gesprekken::nooit ? zonder_vraaggesprek : InstallOptions{};
        RuleBase regels = RuleBase::load_with_image(map, standaard_kennisbank_beeld(map), gevraagd);
        InstallOptions opties = regels.from_image() ? gevraagd : belofte(regels, gesprek);
        return std::make_unique<Kennisbank>(map, std::move(regels), std::move(opties));
    } catch (const LoadError& e) {
        throw InvoerFout(e.diagnostics.items());
    }
}

}  // namespace ww::advies
