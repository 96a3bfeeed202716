// SPDX-License-Identifier: EUPL-1.2
// The small test knowledge base: the real input templates (knowledge-base/invoer.yaml, the contract
// between reader and rules) plus the test vocabulary and rules in tests/advies/data.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "advies/kennisbank.hpp"
#include "rules/rule_base.hpp"
#include "rules/source_file.hpp"

namespace ww::advies::test {

inline std::string lees_bestand(const std::string& pad) {
    std::ifstream in(pad, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `extra` rule files in memory are added after the test rules (for lint tests of broken rules).
inline std::unique_ptr<Kennisbank> test_kennisbank(std::vector<SourceFile> extra = {}) {
    std::vector<SourceFile> bestanden;
    const std::string invoer = std::string(WW_KB_SOURCE_DIR) + "/invoer.yaml";
    bestanden.emplace_back(invoer, lees_bestand(invoer));
    for (const char* naam : {"vocabulaire.yaml", "regels.yaml"}) {
        const std::string pad = std::string(WW_TEST_DATA) + "/" + naam;
        bestanden.emplace_back(pad, lees_bestand(pad));
    }
    for (auto& e : extra) bestanden.push_back(std::move(e));
    return std::make_unique<Kennisbank>("test-kennisbank", RuleBase::load_sources(std::move(bestanden)));
}

}  // namespace ww::advies::test
