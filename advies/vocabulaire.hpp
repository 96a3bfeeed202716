// SPDX-License-Identifier: EUPL-1.2
// The ids a gemeenteprofiel may use for factors, sources and indicators. They live in the knowledge
// base (vocabulaire.yaml, as initial facts), not in C++, so that another knowledge base can bring
// other ids; the reader checks a profile against the vocabulary of the knowledge base it runs on.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ww {
class RuleBase;
}

namespace ww::advies {

struct Vocabulaire {
    std::vector<std::string> factoren;     // in knowledge-base order
    std::vector<std::string> bronnen;
    std::vector<std::string> indicatoren;
    std::map<std::string, std::string> factor_naam;   // id -> readable name
    std::map<std::string, std::string> bron_soort;    // id -> kwantitatief | kwalitatief
    std::map<std::string, std::string> bron_omschrijving;  // id -> readable name
    std::map<std::string, std::string> indicator_naam;     // id -> short name, else its meaning
    // (indicator, factor) from factor_signaal: an unfavourable figure of the indicator points at the factor.
    std::vector<std::pair<std::string, std::string>> signalen;

    bool is_factor(std::string_view id) const;
    bool is_bron(std::string_view id) const;
    bool is_indicator(std::string_view id) const;
    bool operator==(const Vocabulaire&) const = default;
};

// Reads the facts of templates factor, bronsoort, indicator, indicator_naam and factor_signaal from the
// rule base's initial facts as an engine would hold them, without an engine: for reading a profile
// before the engine is built, so that the engine can be promised what the profile lacks
// (Kennisbank::laad_voor_profiel).
Vocabulaire lees_vocabulaire(const RuleBase& regels);

}  // namespace ww::advies
