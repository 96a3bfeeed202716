// SPDX-License-Identifier: EUPL-1.2
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "advies/scenario.hpp"
#include "testkennisbank.hpp"

namespace ww::advies {
namespace {

struct Gedraaid {
    TestVerslag verslag;
    std::vector<bool> gevuurd;
};

// The test knowledge base keeps its rules small, not the advice contract (its first action may belong
// to another step), so the contract is held to it only where a test asks.
Gedraaid draai(const std::string& tekst, bool contract = false) {
    static auto kb = test::test_kennisbank();
    static Raadpleging r(*kb);
    Gedraaid g;
    g.verslag.contract_getoetst = contract;
    g.gevuurd.assign(r.engine().rules().size(), false);
    draai_scenario_tekst("s.yaml", tekst, r, g.verslag, g.gevuurd);
    return g;
}

const char* const stap2_scenario = R"(naam: "stap 2 zonder kwalitatieve bron"
profiel:
  gemeente: {naam: Noord}
  drijfveer: {bepaald: true}
  bronnen: [{id: meldingen}]
verwacht:
  huidige_stap: 2
)";

TEST(Scenario, ContractEersteActieHoortBijDeHuidigeStap) {
    // The scenario expects nothing about the first action; the contract does: the test knowledge base
    // puts an action of step 5 first while step 2 is current.
    EXPECT_TRUE(draai(stap2_scenario).verslag.scenarios.at(0).geslaagd());
    auto g = draai(stap2_scenario, true);
    ASSERT_EQ(g.verslag.scenarios.size(), 1u);
    ASSERT_EQ(g.verslag.scenarios[0].redenen.size(), 1u);
    EXPECT_EQ(g.verslag.scenarios[0].redenen[0],
              "contract: de eerste actie 'evaluatie.nulmeting' hoort bij stap 5, niet bij de huidige stap 2");
    EXPECT_EQ(g.verslag.status(), 1);
}

TEST(Scenario, ContractEistNederlandsVoorEenMens) {
    auto kb = test::test_kennisbank({SourceFile("slordig.yaml", R"yaml(rules:
  - id: slordig.tekst
    source: "Intro"
    when: ["gemeente(naam: ?g)"]
    then:
      - >-
        emit advies(soort: info, stap: 1, onderwerp: drijfveer, prioriteit: 3,
        tekst: "{?g} (11400 inwoners) heeft 1 bron(nen); onveilig_buurt steeg naar 21.5%.",
        factoren: [], onderbouwing: ["toezicht: 3,5%"])
)yaml")});
    Raadpleging r(*kb);
    Gedraaid g;
    g.gevuurd.assign(r.engine().rules().size(), false);
    draai_scenario_tekst("s.yaml", stap2_scenario, r, g.verslag, g.gevuurd);
    ASSERT_EQ(g.verslag.scenarios.size(), 1u);
    std::vector<std::string> over_tekst;
    for (const auto& reden : g.verslag.scenarios[0].redenen)
        if (reden.starts_with("contract: 'slordig.tekst'")) over_tekst.push_back(reden.substr(0, reden.find(':', 30)));
    // Each defect once; the onderbouwing, with a word-id and a Dutch number, is right.
    EXPECT_EQ(over_tekst, (std::vector<std::string>{"contract: 'slordig.tekst' schrijft 'n(nen)' in plaats van enkelvoud of meervoud",
                                                     "contract: 'slordig.tekst' schrijft een getal niet op z'n Nederlands",
                                                     "contract: 'slordig.tekst' noemt het id 'onveilig_buurt' in plaats van 'voelt zich wel eens onveilig in de buurt'"}));
}

TEST(Scenario, ContractGeldtNietVoorEenCommunicatiecheck) {
    auto g = draai(R"(naam: "alleen boodschappen"
opdracht: communicatie
profiel:
  gemeente: {naam: Noord}
  communicatie:
    boodschappen:
      - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}
verwacht: {}
)", true);
    ASSERT_EQ(g.verslag.scenarios.size(), 1u);
    EXPECT_TRUE(g.verslag.scenarios[0].geslaagd()) << g.verslag.scenarios[0].redenen.at(0);
}

TEST(Scenario, SlagendScenario) {
    auto g = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, soort: waarschuwing, onderwerp: kwalitatief, tekst_bevat: "Noord"}
    - evaluatie.nulmeting
  niet: [drijfveer.bepalen]
)");
    ASSERT_EQ(g.verslag.scenarios.size(), 1u);
    EXPECT_TRUE(g.verslag.scenarios[0].geslaagd()) << g.verslag.scenarios[0].redenen[0];
    EXPECT_EQ(g.verslag.scenarios[0].naam, "stap 2 zonder kwalitatieve bron");
    EXPECT_TRUE(g.verslag.fouten.empty());
    EXPECT_EQ(g.verslag.status(), 0);
}

// tekst_mist fails an advice whose text says it; onderbouwing_bevat needs a line of the onderbouwing that holds it.
TEST(Scenario, TekstMistEnOnderbouwingBevat) {
    auto goed = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, tekst_mist: "Zuid", onderbouwing_bevat: "alle kwantitatief"}
)");
    ASSERT_EQ(goed.verslag.scenarios.size(), 1u);
    EXPECT_TRUE(goed.verslag.scenarios[0].geslaagd()) << goed.verslag.scenarios[0].redenen[0];
    auto fout = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, tekst_mist: "Noord"}
    - {id: informatie.kwalitatief-ontbreekt, onderbouwing_bevat: "kwalitatief: 1"}
)");
    ASSERT_EQ(fout.verslag.scenarios.size(), 1u);
    const auto& r = fout.verslag.scenarios[0].redenen;
    ASSERT_EQ(r.size(), 2u);
    EXPECT_NE(r[0].find("(tekst zonder \"Noord\") ontbreekt"), std::string::npos) << r[0];
    EXPECT_NE(r[1].find("(onderbouwing met \"kwalitatief: 1\") ontbreekt"), std::string::npos) << r[1];
}

// onderbouwing_mist fails an advice whose onderbouwing has a line that says it, and the reason quotes
// that line (the text alone would not show why); an unknown key near it is named, like its siblings.
TEST(Scenario, OnderbouwingMist) {
    auto goed = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, onderbouwing_mist: "bronnen: geen"}
  volgorde: [{id: informatie.kwalitatief-ontbreekt, onderbouwing_mist: "kwalitatief: 0"}]
)");
    ASSERT_EQ(goed.verslag.scenarios.size(), 1u);
    EXPECT_TRUE(goed.verslag.scenarios[0].geslaagd()) << goed.verslag.scenarios[0].redenen[0];
    EXPECT_EQ(goed.verslag.status(), 0);

    auto fout = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, onderbouwing_bevat: "bronnen: 1", onderbouwing_mist: "alle kwantitatief"}
)");
    ASSERT_EQ(fout.verslag.scenarios.size(), 1u);
    ASSERT_EQ(fout.verslag.scenarios[0].redenen.size(), 1u);
    EXPECT_EQ(fout.verslag.scenarios[0].redenen[0],
              "verwacht advies 'informatie.kwalitatief-ontbreekt' (onderbouwing met \"bronnen: 1\", onderbouwing zonder "
              "\"alle kwantitatief\") ontbreekt; wel gegeven als informatie.kwalitatief-ontbreekt (waarschuwing, stap 2, "
              "kwalitatief): \"Noord heeft alleen cijfers (1 bronnen); praat ook met bewoners.\", met in de onderbouwing "
              "\"bronnen: 1, alle kwantitatief\"");
    EXPECT_EQ(fout.verslag.status(), 1);

    auto tik = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, onderbouwing_mis: "geen"}
    - {id: informatie.kwalitatief-ontbreekt, onderbouwing_mist: [geen]}
)");
    ASSERT_EQ(tik.verslag.fouten.size(), 2u);
    EXPECT_EQ(tik.verslag.fouten[0].line, 9);
    EXPECT_EQ(tik.verslag.fouten[0].col, 46);
    EXPECT_EQ(tik.verslag.fouten[0].message,
              "onbekende sleutel 'onderbouwing_mis' in 'verwacht.wel[1]'; bedoelde je 'onderbouwing_mist'?");
    EXPECT_EQ(tik.verslag.fouten[1].line, 10);
    EXPECT_EQ(tik.verslag.fouten[1].message.rfind("'verwacht.wel[2].onderbouwing_mist' ", 0), 0u) << tik.verslag.fouten[1].message;
    EXPECT_EQ(tik.verslag.status(), 2);
}

// prioriteit pins how urgent an advice is: the right one passes (in wel and in volgorde), a wrong one fails
// with the priority the advice has, and a priority that cannot be is the scenario's own error, at its place.
TEST(Scenario, Prioriteit) {
    auto goed = draai(std::string(stap2_scenario) + R"(  wel: [{id: informatie.kwalitatief-ontbreekt, prioriteit: 1}]
  volgorde: [{id: informatie.kwalitatief-ontbreekt, prioriteit: 1}]
)");
    ASSERT_EQ(goed.verslag.scenarios.size(), 1u);
    EXPECT_TRUE(goed.verslag.scenarios[0].geslaagd()) << goed.verslag.scenarios[0].redenen.at(0);

    auto fout = draai(std::string(stap2_scenario) + R"(  wel: [{id: informatie.kwalitatief-ontbreekt, prioriteit: 2}]
)");
    ASSERT_EQ(fout.verslag.scenarios.size(), 1u);
    ASSERT_EQ(fout.verslag.scenarios[0].redenen.size(), 1u);
    EXPECT_EQ(fout.verslag.scenarios[0].redenen[0],
              "verwacht advies 'informatie.kwalitatief-ontbreekt' (prioriteit 2) ontbreekt; wel gegeven als "
              "informatie.kwalitatief-ontbreekt (waarschuwing, stap 2, kwalitatief, prioriteit 1): \"Noord heeft alleen "
              "cijfers (1 bronnen); praat ook met bewoners.\"");
    EXPECT_EQ(fout.verslag.status(), 1);

    auto slecht = draai(std::string(stap2_scenario) + R"(  wel:
    - {id: informatie.kwalitatief-ontbreekt, prioriteit: 0}
    - {id: informatie.kwalitatief-ontbreekt, prioriteit: hoog}
    - {id: informatie.kwalitatief-ontbreekt, prioritijt: 1}
)");
    ASSERT_EQ(slecht.verslag.fouten.size(), 3u);
    EXPECT_EQ(slecht.verslag.fouten[0].line, 9);
    EXPECT_EQ(slecht.verslag.fouten[0].col, 58);
    EXPECT_EQ(slecht.verslag.fouten[0].message,
              "'verwacht.wel[1].prioriteit' moet een geheel getal vanaf 1 zijn (1 is het dringendst), niet 0");
    EXPECT_EQ(slecht.verslag.fouten[1].line, 10);
    EXPECT_EQ(slecht.verslag.fouten[1].message.rfind("'verwacht.wel[2].prioriteit' moet een geheel getal zijn, niet ", 0), 0u)
        << slecht.verslag.fouten[1].message;
    EXPECT_EQ(slecht.verslag.fouten[2].message,
              "onbekende sleutel 'prioritijt' in 'verwacht.wel[3]'; bedoelde je 'prioriteit'?");
    EXPECT_EQ(slecht.verslag.status(), 2);
}

// volgorde: the advice must come in this order; the reason names what did not come after what.
TEST(Scenario, Volgorde) {
    auto goed = draai(std::string(stap2_scenario) + R"(  volgorde: [informatie.kwalitatief-ontbreekt, {id: evaluatie.nulmeting}]
)");
    ASSERT_EQ(goed.verslag.scenarios.size(), 1u);
    EXPECT_TRUE(goed.verslag.scenarios[0].geslaagd()) << goed.verslag.scenarios[0].redenen.at(0);
    auto fout = draai(std::string(stap2_scenario) + R"(  volgorde: [evaluatie.nulmeting, informatie.kwalitatief-ontbreekt]
)");
    ASSERT_EQ(fout.verslag.scenarios.size(), 1u);
    const auto& r = fout.verslag.scenarios[0].redenen;
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].rfind("volgorde: verwacht 'informatie.kwalitatief-ontbreekt' na 'evaluatie.nulmeting'", 0), 0u) << r[0];
}

TEST(Scenario, FalendScenarioWordtGemeldMetReden) {
    auto g = draai(R"(naam: fout verwacht
profiel:
  gemeente: {naam: Zuid}
verwacht:
  huidige_stap: 3
  wel: [{id: drijfveer.bepalen, soort: waarschuwing}]
  niet: [evaluatie.nulmeting]
  eerste_actie: evaluatie.nulmeting
  geen_waarschuwingen: true
)");
    ASSERT_EQ(g.verslag.scenarios.size(), 1u);
    const auto& s = g.verslag.scenarios[0];
    EXPECT_FALSE(s.geslaagd());
    ASSERT_EQ(s.redenen.size(), 4u);
    EXPECT_EQ(s.redenen[0], "huidige stap is 1, verwacht 3");
    EXPECT_NE(s.redenen[1].find("verwacht advies 'drijfveer.bepalen' (soort waarschuwing) ontbreekt; wel gegeven als "
                                "drijfveer.bepalen (actie, stap 1, drijfveer)"),
              std::string::npos)
        << s.redenen[1];
    EXPECT_EQ(s.redenen[2].rfind("advies 'evaluatie.nulmeting' had niet mogen komen", 0), 0u);
    EXPECT_EQ(s.redenen[3], "eerste actie is 'drijfveer.bepalen', verwacht 'evaluatie.nulmeting'");
    EXPECT_EQ(g.verslag.mislukt(), 1);
    EXPECT_EQ(g.verslag.status(), 1);
    const auto tekst = verslag_tekst(g.verslag);
    EXPECT_NE(tekst.find("FOUT  s.yaml: fout verwacht"), std::string::npos);
    EXPECT_NE(tekst.find("0 passed, 1 failed"), std::string::npos);
}

TEST(Scenario, OngeldigScenarioIsEenFoutMetPositie) {
    auto g = draai("naam: x\nprofiel:\n  gemeente: {naam: X}\nverwacht:\n  wel: [drijfveer.bepaln]\n  huidig: 1\n");
    ASSERT_EQ(g.verslag.fouten.size(), 2u);
    EXPECT_EQ(g.verslag.fouten[0].line, 5);
    EXPECT_EQ(g.verslag.fouten[0].message, "geen regel met id 'drijfveer.bepaln' in de kennisbank; bedoelde je 'drijfveer.bepalen'?");
    EXPECT_EQ(g.verslag.fouten[1].line, 6);
    EXPECT_EQ(g.verslag.status(), 2);
    EXPECT_EQ(g.verslag.mislukt(), 1);
}

TEST(Scenario, OngeldigProfielFaaltHetScenario) {
    auto g = draai("naam: x\nprofiel:\n  gemeente: {naam: X, inwoners: -4}\nverwacht: {}\n");
    ASSERT_EQ(g.verslag.scenarios.size(), 1u);
    ASSERT_EQ(g.verslag.scenarios[0].redenen.size(), 1u);
    EXPECT_EQ(g.verslag.scenarios[0].redenen[0], "profiel ongeldig: 3:33: 'gemeente.inwoners' moet groter dan 0 zijn, niet -4");
}

TEST(Scenario, LijstVanScenariosEnDekking) {
    auto g = draai(R"(- naam: een
  profiel: {gemeente: {naam: A}}
  verwacht: {wel: [drijfveer.bepalen]}
- naam: twee
  opdracht: communicatie
  profiel: {gemeente: {naam: B}, communicatie: {frame: veiligheid}}
  verwacht: {niet: [framing.frame-onbekend, drijfveer.bepalen]}
)");
    ASSERT_EQ(g.verslag.scenarios.size(), 2u);
    EXPECT_TRUE(g.verslag.scenarios[0].geslaagd());
    EXPECT_TRUE(g.verslag.scenarios[1].geslaagd()) << g.verslag.scenarios[1].redenen[0];
    // Coverage: some rules fired, the buikpijn rule did not.
    const auto& regels = test::test_kennisbank();
    (void)regels;
    std::size_t gevuurd = 0;
    for (bool b : g.gevuurd) gevuurd += b;
    EXPECT_GT(gevuurd, 0u);
    EXPECT_LT(gevuurd, g.gevuurd.size());
}

// One scenario file on its own is judged on its scenarios only: rules it never meant to cover do not
// make it fail. A directory is judged on rule coverage as well.
TEST(Scenario, EenBestandZonderDekkingEenMapMet) {
    namespace fs = std::filesystem;
    const fs::path map = fs::temp_directory_path() / fmt::format("ww-scenario-{}", ::getpid());
    fs::create_directories(map);
    {
        std::ofstream(map / "een.yaml") << "naam: een\nprofiel: {gemeente: {naam: A}}\nverwacht: {wel: [drijfveer.bepalen]}\n";
    }
    auto kb = test::test_kennisbank();
    Raadpleging r(*kb);
    const TestVerslag bestand = draai_scenarios((map / "een.yaml").string(), r);
    EXPECT_FALSE(bestand.dekking_beoordeeld);
    EXPECT_FALSE(bestand.nooit_gevuurd.empty());  // measured, not judged
    EXPECT_EQ(bestand.status(), 0);
    const auto tekst = verslag_tekst(bestand);
    EXPECT_NE(tekst.find("regeldekking: niet beoordeeld bij één bestand"), std::string::npos) << tekst;
    EXPECT_EQ(tekst.find("nooit gevuurd"), std::string::npos);

    const TestVerslag geheel = draai_scenarios(map.string(), r);
    EXPECT_TRUE(geheel.dekking_beoordeeld);
    EXPECT_EQ(geheel.status(), 1);
    EXPECT_NE(verslag_tekst(geheel).find("FOUT  nooit gevuurd door een scenario"), std::string::npos);

    // A failing scenario still fails a single file.
    {
        std::ofstream(map / "een.yaml") << "naam: een\nprofiel: {gemeente: {naam: A}}\nverwacht: {huidige_stap: 4}\n";
    }
    EXPECT_EQ(draai_scenarios((map / "een.yaml").string(), r).status(), 1);
    fs::remove_all(map);
}

// Verdicts on messages, with the bundled knowledge base (the test rules give none).
TEST(Scenario, OordelenOverBoodschappen) {
    static auto kb = Kennisbank::laad(WW_KB_SOURCE_DIR);
    Raadpleging r(*kb);
    TestVerslag v;
    std::vector<bool> gevuurd(r.engine().rules().size(), false);
    draai_scenario_tekst("b.yaml", R"(- naam: goed
  opdracht: communicatie
  profiel:
    gemeente: {naam: A}
    communicatie:
      boodschappen:
        - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}
  verwacht:
    boodschappen:
      - {nr: 1, oordeel: passend, toelichting_bevat: "meestal"}
- naam: fout verwacht
  opdracht: communicatie
  profiel:
    gemeente: {naam: A}
    communicatie:
      boodschappen:
        - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}
  verwacht:
    boodschappen:
      - {nr: 1, oordeel: botst, toelichting_bevat: "nooit"}
      - {nr: 2}
)",
                         r, v, gevuurd);
    ASSERT_TRUE(v.fouten.empty()) << v.fouten[0].message;
    ASSERT_EQ(v.scenarios.size(), 2u);
    EXPECT_TRUE(v.scenarios[0].geslaagd()) << v.scenarios[0].redenen[0];
    const auto& redenen = v.scenarios[1].redenen;
    ASSERT_EQ(redenen.size(), 3u);
    EXPECT_EQ(redenen[0].rfind("boodschap 1 (woninginbraak) kreeg oordeel 'passend', verwacht 'botst'", 0), 0u) << redenen[0];
    EXPECT_EQ(redenen[1].rfind("de toelichting bij boodschap 1 bevat \"nooit\" niet", 0), 0u) << redenen[1];
    EXPECT_EQ(redenen[2], "boodschap 2 kreeg geen oordeel");
}

}  // namespace
}  // namespace ww::advies
