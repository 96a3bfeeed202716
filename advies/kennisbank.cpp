// SPDX-License-Identifier: EUPL-1.2
#include "advies/kennisbank.hpp"

#include <array>
#include <optional>

#include "advies/fout.hpp"

namespace ww::advies {

namespace {

const InstallOptions zonder_vraaggesprek{{"vraaggesprek"}, false, {}};

// What the engines of a knowledge base are promised, worked out from its vocabulary.
using BelofteVoor = std::function<InstallOptions(const Vocabulaire&)>;

// Loads `map` from its YAML, or from its image (the bundled knowledge base, `beeld`) when that is
// sound. With a promise, its engine is built here: the engine checks the promise, and when the rule
// base breaks it (a knowledge base of one's own may assert `vraaggesprek` itself) all rules are built.
std::unique_ptr<Kennisbank> laad_met(const std::string& map, bool beeld, const BelofteVoor& belofte) {
    // Of the rule base that is kept: the YAML's when the image is refused after it was read. The image
    // was made of the same files, so their vocabularies are normally equal; then the promise worked
    // out for the image stands, and the profile behind it (laad_voor_profiel) is not read again.
    Vocabulaire vocabulaire;
    std::optional<InstallOptions> beloofd;
    const auto opties_voor = [&](const RuleBase& regels) {
        Vocabulaire gelezen = lees_vocabulaire(regels);
        if (!beloofd || gelezen != vocabulaire) {
            vocabulaire = std::move(gelezen);
            beloofd = belofte(vocabulaire);
        }
        return *beloofd;
    };
    try {
        // Without an image path, load_with_image reads the YAML and prepares the promised engine the same way.
        RuleBase regels = RuleBase::load_with_image(map, beeld ? standaard_kennisbank_beeld(map) : std::string(), opties_voor);
        InstallOptions opties = regels.prepared_options();
        return std::make_unique<Kennisbank>(map, std::move(regels), std::move(opties), std::move(vocabulaire));
    } catch (const LoadError& e) {
        throw InvoerFout(e.diagnostics.items());
    }
}

// `kb` from its YAML when given, else the bundled knowledge base, from its image when that is sound.
std::unique_ptr<Kennisbank> laad_gekozen_met(const std::string& kb, const BelofteVoor& belofte) {
    if (!kb.empty()) return laad_met(kb, false, belofte);
    return laad_met(kies_kennisbank(kb), true, belofte);
}

BelofteVoor belofte(Gesprekken gesprek) {
    return [gesprek](const Vocabulaire&) { return gesprek == Gesprekken::nooit ? zonder_vraaggesprek : InstallOptions{}; };
}

}  // namespace

std::unique_ptr<Kennisbank> Kennisbank::laad(const std::string& map, Gesprekken gesprek) {
    return laad_met(map, false, belofte(gesprek));
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
    return laad_gekozen_met(kb, belofte(gesprek));
}

std::unique_ptr<Kennisbank> Kennisbank::laad_voor_profiel(const std::string& kb,
                                                          const std::function<const Invoer*(const Vocabulaire&)>& profiel,
                                                          Bouw bouw, bool beeld) {
    const auto voor_profiel = [&](const Vocabulaire& vocabulaire) {
        const Invoer* invoer = profiel(vocabulaire);
        if (bouw == Bouw::alles) return InstallOptions{};
        InstallOptions opties = zonder_vraaggesprek;
        if (!invoer) return opties;
        std::array<bool, invoer_vormen.size()> gegeven{};
        for (const InvoerFeit& f : invoer->feiten) gegeven[static_cast<std::size_t>(f.sjabloon)] = true;
        for (std::size_t i = 0; i < invoer_vormen.size(); ++i)
            if (!gegeven[i]) opties.never_asserted.emplace_back(invoer_vormen[i].naam);
        // The consultation asserts the profile's facts and nothing else: what only rules that can now
        // never fire would derive is promised too.
        opties.closed = true;
        opties.outside.reserve(invoer_vormen.size());
        for (const InvoerVorm& v : invoer_vormen) opties.outside.emplace_back(v.naam);
        return opties;
    };
    if (!beeld) return laad_met(kies_kennisbank(kb), false, voor_profiel);
    return laad_gekozen_met(kb, voor_profiel);
}

}  // namespace ww::advies
