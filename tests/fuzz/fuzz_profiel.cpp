// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: the gemeenteprofiel reader (YAML or JSON text) against the vocabulary of the bundled
// knowledge base, for both commands that read a profile. A profile is either accepted with facts or
// refused with at least one problem, each at a position in the file. And differentially: a text the
// quick JSON reader (advies/json_boom.hpp) or the quick YAML reader (advies/yaml_boom.hpp) takes,
// yaml-cpp must take too, with the same tree (kinds, scalars, tags, positions), so that the readers
// say the same about it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

#include <yaml-cpp/exceptions.h>

#include "advies/fout.hpp"
#include "advies/json_boom.hpp"
#include "advies/yaml_boom.hpp"
#include "advies/kennisbank.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/vocabulaire.hpp"
#include "rules/input_limits.hpp"
#include "fuzz_stop.hpp"

namespace {

const ww::advies::Vocabulaire& vocabulaire() {
    static const auto kb = ww::advies::Kennisbank::laad(WW_FUZZ_KB);
    return kb->vocabulaire();
}

bool gelijk(const ww::YamlNode& a, const ww::YamlNode& b) {
    if (a.is_null() != b.is_null() || a.is_scalar() != b.is_scalar() || a.is_map() != b.is_map() ||
        a.is_sequence() != b.is_sequence())
        return false;
    if (a.tag() != b.tag() || a.scalar() != b.scalar()) return false;
    if (a.mark().pos != b.mark().pos || a.mark().line != b.mark().line || a.mark().column != b.mark().column) return false;
    if (a.items().size() != b.items().size() || a.entries().size() != b.entries().size()) return false;
    for (std::size_t i = 0; i < a.items().size(); ++i)
        if (!gelijk(a.items()[i], b.items()[i])) return false;
    for (std::size_t i = 0; i < a.entries().size(); ++i)
        if (!gelijk(a.entries()[i].first, b.entries()[i].first) || !gelijk(a.entries()[i].second, b.entries()[i].second))
            return false;
    return true;
}

void vergelijk_met_yaml_cpp(std::string_view text, const std::optional<ww::YamlDocuments>& snel, const char* lezer) {
    if (!snel) return;
    ww::YamlDocuments yaml;
    try {
        yaml = ww::load_yaml_documents(text);
    } catch (const YAML::Exception& e) {
        std::fprintf(stderr, "fuzz: %s nam de tekst, yaml-cpp weigerde: %s (regel %d, kolom %d)\n", lezer, e.msg.c_str(),
                     e.mark.line + 1, e.mark.column + 1);
        ww::fuzz::stop("een snelle lezer nam wat yaml-cpp weigert");
    }
    if (snel->roots.size() != 1 || yaml.roots.size() != 1 || !gelijk(snel->roots[0], yaml.roots[0])) {
        std::fprintf(stderr, "fuzz: %s bouwde een andere boom dan yaml-cpp\n", lezer);
        ww::fuzz::stop("een snelle lezer las de tekst anders dan yaml-cpp");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vergelijk_met_yaml_cpp(text, ww::advies::lees_json_boom(text), "json_boom");
    vergelijk_met_yaml_cpp(text, ww::advies::lees_yaml_boom(text), "yaml_boom");
    for (auto opdracht : {ww::advies::Opdracht::advies, ww::advies::Opdracht::communicatie}) {
        auto r = ww::advies::lees_profiel_tekst(text, "profiel.yaml", vocabulaire(), opdracht);
        if (r.invoer.has_value() == !r.fouten.empty()) ww::fuzz::stop("niet precies een van feiten en problemen");
        for (const auto& f : r.fouten)
            if (f.file != "profiel.yaml" || f.line < 1 || f.col < 1) ww::fuzz::stop("een probleem zonder geldige plaats");
        (void)ww::advies::formatteer(r.fouten);
    }
    return 0;
}
