// SPDX-License-Identifier: EUPL-1.2
#include "advies/functielijst.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "engine/functions.hpp"

namespace ww::advies {

namespace {

// A description written as a YAML block keeps its line breaks; the list has one line per function.
std::string op_een_regel(std::string tekst) {
    std::replace(tekst.begin(), tekst.end(), '\n', ' ');
    while (!tekst.empty() && tekst.back() == ' ') tekst.pop_back();
    return tekst;
}

// `pad` relative to the knowledge base `map` (a directory, or one rules file: then its directory) when it
// lies in it, so that the list is the same wherever the knowledge base is installed.
std::string binnen_map(const std::string& pad, const std::string& map) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path basis = fs::is_directory(map, ec) ? fs::path(map) : fs::path(map).parent_path();
    const fs::path relatief = fs::path(pad).lexically_relative(basis);
    if (relatief.empty() || relatief == "." || *relatief.begin() == "..") return pad;
    return relatief.string();
}

}  // namespace

std::string ingebouwde_functies() {
    // A name with '#' is the compiler's own (a list pattern with gaps): no rule can call it.
    const auto intern = [](const FunctionInfo& f) { return f.name.starts_with('#'); };
    std::size_t breedte = 0;
    for (const auto& f : all_functions())
        if (!intern(f)) breedte = std::max(breedte, f.signature.size());
    std::string tekst;
    for (const auto& f : all_functions())
        if (!intern(f)) tekst += fmt::format("{:<{}}  {}\n", f.signature, breedte, f.description);
    return tekst;
}

std::string kennisbank_in_kop(const RuleBase& kennisbank, const std::string& map, bool meegeleverd) {
    if (!meegeleverd) return "de kennisbank " + map;
    std::string naam = "de meegeleverde kennisbank";
    if (const auto& m = kennisbank.manifest(); m && !m->name.empty())
        naam += " " + m->name + (m->version.empty() ? std::string() : " " + m->version);
    return naam;
}

std::string eigen_functies(const RuleBase& kennisbank, const std::string& map, const std::string& naam) {
    struct Regel {
        std::string kop, plek, omschrijving;
    };
    std::vector<Regel> regels;
    std::size_t kop_breedte = 0, plek_breedte = 0;
    for (const auto& f : kennisbank.functions()) {
        std::string params;
        for (std::size_t i = 0; i < f->variables.size() && i < f->params + (f->rest ? 1u : 0u); ++i)
            params += fmt::format("{}{}{}", i ? ", " : "", f->rest && i == f->params ? "..." : "", f->variables[i]);
        Regel r{fmt::format("{}({})", f->name, params), "", ""};
        if (const FunctionSource* bron = kennisbank.function_source(f->name)) {
            if (bron->origin.file < kennisbank.files().size()) {
                const SourceFile& bestand = kennisbank.files()[bron->origin.file];
                r.plek = fmt::format("{}:{}", binnen_map(bestand.path(), map), bestand.line_of(bron->origin.offset) + 1);
            }
            r.omschrijving = op_een_regel(bron->description);
        }
        kop_breedte = std::max(kop_breedte, r.kop.size());
        plek_breedte = std::max(plek_breedte, r.plek.size());
        regels.push_back(std::move(r));
    }
    if (regels.empty()) return {};
    std::string tekst = fmt::format("\nEigen functies van {} (functions, docs/regeltaal.md):\n", naam);
    for (const auto& r : regels) {
        std::string regel = fmt::format("{:<{}}  {:<{}}  {}", r.kop, kop_breedte, r.plek, plek_breedte, r.omschrijving);
        while (!regel.empty() && regel.back() == ' ') regel.pop_back();
        tekst += regel + "\n";
    }
    return tekst;
}

}  // namespace ww::advies
