// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: the gemeenteprofiel reader (YAML or JSON text) against the vocabulary of the bundled
// knowledge base, for both commands that read a profile. A profile is either accepted with facts or
// refused with at least one problem, each at a position in the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "advies/fout.hpp"
#include "advies/kennisbank.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/vocabulaire.hpp"

namespace {

const ww::advies::Vocabulaire& vocabulaire() {
    static const auto kb = ww::advies::Kennisbank::laad(WW_FUZZ_KB);
    static const auto engine = kb->nieuwe_engine();
    static const auto voc = ww::advies::lees_vocabulaire(*engine);
    return voc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (auto opdracht : {ww::advies::Opdracht::advies, ww::advies::Opdracht::communicatie}) {
        auto r = ww::advies::lees_profiel_tekst(text, "profiel.yaml", vocabulaire(), opdracht);
        if (r.invoer.has_value() == !r.fouten.empty()) std::abort();  // exactly one of facts or problems
        for (const auto& f : r.fouten)
            if (f.file != "profiel.yaml" || f.line < 1 || f.col < 1) std::abort();
        (void)ww::advies::formatteer(r.fouten);
    }
    return 0;
}
