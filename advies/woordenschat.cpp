// SPDX-License-Identifier: EUPL-1.2
#include "advies/woordenschat.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "advies/kennisbank_feiten.hpp"
#include "engine/engine.hpp"

namespace ww::advies {

namespace {

void blok(std::string& uit, std::string_view kop, const std::vector<std::pair<std::string, std::string>>& regels) {
    if (regels.empty()) return;
    std::size_t breedte = 0;
    for (const auto& [id, _] : regels) breedte = std::max(breedte, id.size());
    if (!uit.empty()) uit += '\n';
    uit += kop;
    uit += '\n';
    for (const auto& [id, naam] : regels) uit += fmt::format("  {:<{}}  {}\n", id, breedte, naam);
}

}  // namespace

std::string woordenschat_tekst(const Engine& engine) {
    std::vector<std::pair<std::string, std::string>> factoren, bronnen, indicatoren;
    per_feit(engine, "factor", [&](const Fact& f) {
        const auto pijler = kb_tekst(engine, f, "pijler");
        factoren.emplace_back(kb_tekst(engine, f, "id"), kb_tekst(engine, f, "naam") + (pijler.empty() ? "" : " (" + pijler + ")"));
    });
    per_feit(engine, "bronsoort", [&](const Fact& f) {
        const auto soort = kb_tekst(engine, f, "soort");
        bronnen.emplace_back(kb_tekst(engine, f, "id"), kb_tekst(engine, f, "omschrijving") + (soort.empty() ? "" : " (" + soort + ")"));
    });
    std::map<std::string, std::string, std::less<>> namen;
    per_feit(engine, "indicator_naam", [&](const Fact& f) { namen.emplace(kb_tekst(engine, f, "indicator"), kb_tekst(engine, f, "naam")); });
    per_feit(engine, "indicator", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        const auto naam = namen.find(id);
        const auto betekenis = kb_tekst(engine, f, "betekenis");
        std::string tekst = naam != namen.end() ? naam->second : betekenis;
        if (naam != namen.end() && !betekenis.empty()) tekst += ": " + betekenis;
        indicatoren.emplace_back(std::move(id), std::move(tekst));
    });
    std::string uit;
    blok(uit, "Factoren van de Tafel van 12 (analyse.factoren, beleid.ivp.prioritaire_factoren, beleid.acties[].factor):", factoren);
    blok(uit, "Bronnen (bronnen[].id):", bronnen);
    blok(uit, "Indicatoren (metingen[].indicator, beleid.smart.indicator):", indicatoren);
    return uit;
}

}  // namespace ww::advies
