// SPDX-License-Identifier: EUPL-1.2
// The bundled knowledge base in a long-running process: one engine consulted over and over must give
// exactly what a fresh engine gives, and must get there by the cheap rollback. The cheap way holds
// only while a consultation adds to the initial state and never takes from it (Engine::rollback);
// a rule that modifies an initial fact, or a `not`/aggregate on the initial facts alone that a
// profile fact undoes, silently costs a full rebuild per consultation. This test names the profile.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "advies/kennisbank.hpp"
#include "advies/opmaak.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "testkennisbank.hpp"

namespace ww::advies {
namespace {

std::vector<std::string> voorbeelden() {
    std::vector<std::string> paden;
    for (const auto& e : std::filesystem::directory_iterator(WW_EXAMPLES_DIR))
        if (e.path().extension() == ".yaml") paden.push_back(e.path().string());
    std::sort(paden.begin(), paden.end());
    return paden;
}

TEST(WarmeRaadpleging, GelijkAanVersEnSnelTeruggezet) {
    auto kb = Kennisbank::laad(WW_KB_SOURCE_DIR);
    Raadpleging warm(*kb);
    const auto paden = voorbeelden();
    ASSERT_GE(paden.size(), 6u);
    OpmaakOpties opties;
    int communicatie = 0;
    for (int ronde = 0; ronde < 3; ++ronde)
        for (const auto& pad : paden)
            for (Opdracht opdracht : {Opdracht::advies, Opdracht::communicatie}) {
                auto p = lees_profiel_tekst(test::lees_bestand(pad), pad, warm.vocabulaire(), opdracht);
                // `communicatie` wants a communication plan; not every example has one.
                if (opdracht == Opdracht::communicatie && !p.invoer) continue;
                ASSERT_TRUE(p.invoer) << pad;
                if (opdracht == Opdracht::communicatie) ++communicatie;
                // With and without explanation: the engine keeps its firing log only for the former.
                const bool uitleg = (ronde + (opdracht == Opdracht::communicatie)) % 2 == 0;
                opties.uitleg = uitleg;
                Raadpleging vers(*kb);
                const auto verwacht = als_json(vers.raadpleeg(*p.invoer, opdracht, uitleg), opties);
                EXPECT_EQ(als_json(warm.raadpleeg(*p.invoer, opdracht, uitleg), opties), verwacht) << pad;
                if (ronde > 0 || pad != paden.front() || opdracht != Opdracht::advies) {
                    EXPECT_TRUE(warm.snel_teruggezet()) << pad << ": de raadpleging ervoor veranderde de begintoestand "
                                                        << "van de kennisbank; terugdraaien kostte een volledige herbouw";
                }
            }
    EXPECT_GT(communicatie, 0);
}

}  // namespace
}  // namespace ww::advies
