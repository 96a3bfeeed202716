// SPDX-License-Identifier: EUPL-1.2
#include "advies/woordenschat.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "engine/engine.hpp"

namespace ww::advies {

namespace {

std::string slot(const Engine& engine, const Fact& f, std::string_view naam) {
    const int i = engine.template_def(f.tmpl).slot_index(naam);
    if (i < 0) return {};
    const Value& v = f.slots[static_cast<std::size_t>(i)];
    if (v.kind() != ValueKind::symbol && v.kind() != ValueKind::string) return {};
    return std::string(v.as_text());
}

template <typename F>
void per_feit(const Engine& engine, std::string_view tmpl, F&& f) {
    if (auto id = engine.find_template(tmpl))
        for (const Fact* feit : engine.facts_of(*id)) f(*feit);
}

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
        const auto pijler = slot(engine, f, "pijler");
        factoren.emplace_back(slot(engine, f, "id"), slot(engine, f, "naam") + (pijler.empty() ? "" : " (" + pijler + ")"));
    });
    per_feit(engine, "bronsoort", [&](const Fact& f) {
        const auto soort = slot(engine, f, "soort");
        bronnen.emplace_back(slot(engine, f, "id"), slot(engine, f, "omschrijving") + (soort.empty() ? "" : " (" + soort + ")"));
    });
    std::map<std::string, std::string, std::less<>> namen;
    per_feit(engine, "indicator_naam", [&](const Fact& f) { namen.emplace(slot(engine, f, "indicator"), slot(engine, f, "naam")); });
    per_feit(engine, "indicator", [&](const Fact& f) {
        auto id = slot(engine, f, "id");
        const auto naam = namen.find(id);
        const auto betekenis = slot(engine, f, "betekenis");
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
