// SPDX-License-Identifier: EUPL-1.2
#include "advies/kennisbank.hpp"

#include "advies/fout.hpp"

namespace ww::advies {

std::unique_ptr<Kennisbank> Kennisbank::laad(const std::string& map) {
    try {
        return std::make_unique<Kennisbank>(map, RuleBase::load(map));
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

std::unique_ptr<Kennisbank> Kennisbank::laad_gekozen(const std::string& kb) {
    if (!kb.empty()) return laad(kb);
    const std::string map = kies_kennisbank(kb);
    try {
        return std::make_unique<Kennisbank>(map, RuleBase::load_with_image(map, standaard_kennisbank_beeld(map)));
    } catch (const LoadError& e) {
        throw InvoerFout(e.diagnostics.items());
    }
}

}  // namespace ww::advies
