// SPDX-License-Identifier: EUPL-1.2
// The commands end to end on the bundled knowledge base: exit status, and that output goes to the
// right stream whole or not at all.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "advies/functielijst.hpp"
#include "advies/opdrachten.hpp"
#include "rules/rule_base.hpp"

namespace ww::advies {
namespace {

namespace fs = std::filesystem;
const std::string kb = WW_KB_SOURCE_DIR;

struct TijdelijkeMap {
    fs::path pad;
    // The process id keeps parallel test runs (Release and sanitizer builds) apart.
    explicit TijdelijkeMap(const std::string& naam)
        : pad(fs::temp_directory_path() / (naam + "_" + std::to_string(::getpid()))) {
        fs::remove_all(pad);
        fs::create_directories(pad);
    }
    ~TijdelijkeMap() { fs::remove_all(pad); }
    std::string schrijf(const std::string& naam, const std::string& tekst) const {
        std::ofstream(pad / naam) << tekst;
        return (pad / naam).string();
    }
};

TEST(Opdrachten, AdviesAlsJson) {
    TijdelijkeMap m("ww_advies_json");
    AdviesOpties o;
    o.profiel = m.schrijf("p.yaml", "gemeente: {naam: Testdorp}\n");
    o.formaat = Formaat::json;
    o.kb = kb;
    const auto u = voer_advies_uit(o);
    ASSERT_EQ(u.status, 0) << u.fout;
    EXPECT_TRUE(u.fout.empty());
    const auto j = nlohmann::json::parse(u.uit);
    EXPECT_EQ(j["gemeente"], "Testdorp");
    EXPECT_EQ(j["fase"]["huidige_stap"], 1);
    // The first actie belongs to the current step.
    for (const auto& a : j["adviezen"])
        if (a["soort"] == "actie") {
            EXPECT_EQ(a["stap"], 1);
            break;
        }
}

TEST(Opdrachten, FoutProfielGeeftStatus2EnGeenUitvoer) {
    TijdelijkeMap m("ww_advies_fout");
    AdviesOpties o;
    o.profiel = m.schrijf("p.yaml", "gemeente: {naam: X}\ndrijfveer: {bepaald: misschien}\nmetingen: 3\n");
    o.kb = kb;
    const auto u = voer_advies_uit(o);
    EXPECT_EQ(u.status, 2);
    EXPECT_TRUE(u.uit.empty());
    EXPECT_NE(u.fout.find(o.profiel + ":2:22: fout: 'drijfveer.bepaald' moet true of false zijn"), std::string::npos) << u.fout;
    EXPECT_NE(u.fout.find(o.profiel + ":3:11: fout: 'metingen' moet een lijst zijn"), std::string::npos) << u.fout;
}

// A knowledge base that loads but that no engine holds (more modules than an engine takes): a profile
// with errors is reported, exit 2, without building the engine that would fail, with --kosten too (which
// builds every rule); a sound profile meets the engine's refusal, exit 1.
TEST(Opdrachten, FoutProfielKomtVoorDeEngineOokMetKosten) {
    TijdelijkeMap kb_map("ww_advies_kosten_kb");
    TijdelijkeMap m("ww_advies_kosten_fout");
    std::string modules = "modules: [";
    for (int i = 1; i <= 10001; ++i) modules += (i > 1 ? ", M" : "M") + std::to_string(i);
    kb_map.schrijf("modules.yaml", modules + "]\n");
    const std::string fout = m.schrijf("fout.yaml", "gemeente: {naam: X}\ndrijfveer: {bepaald: misschien}\n");
    const std::string goed = m.schrijf("goed.yaml", "gemeente: {naam: X}\n");
    for (const bool kosten : {false, true}) {
        AdviesOpties o;
        o.kb = kb_map.pad.string();
        o.kosten = kosten;
        o.profiel = fout;
        const auto u = voer_advies_uit(o);
        EXPECT_EQ(u.status, 2) << kosten << ": " << u.fout;
        EXPECT_EQ(u.fout.rfind(fout + ":2:22: fout: 'drijfveer.bepaald' moet true of false zijn", 0), 0u) << kosten << ": " << u.fout;
        o.profiel = goed;
        const auto g = voer_advies_uit(o);
        EXPECT_EQ(g.status, 1) << kosten;
        EXPECT_NE(g.fout.find("te veel modules"), std::string::npos) << kosten << ": " << g.fout;
    }
}

TEST(Opdrachten, OnbekendeKennisbank) {
    AdviesOpties o;
    o.profiel = "-";
    o.kb = "/bestaat/niet";
    const auto u = voer_advies_uit(o);
    EXPECT_EQ(u.status, 2);
    EXPECT_TRUE(u.uit.empty());
    EXPECT_NE(u.fout.find("/bestaat/niet"), std::string::npos) << u.fout;
}

TEST(Opdrachten, WaaromNietOnbekendeRegel) {
    TijdelijkeMap m("ww_advies_waarom");
    const auto p = m.schrijf("p.yaml", "gemeente: {naam: X}\n");
    const auto u = voer_waarom_niet_uit("drijfveer.bepaln", p, kb);
    EXPECT_EQ(u.status, 2);
    EXPECT_EQ(u.fout, "wegwijzer: fout: de kennisbank heeft geen regel 'drijfveer.bepaln'; bedoelde je 'drijfveer.bepalen'?\n");
    // A rule that fired says so; one that did not names the failing condition.
    const auto wel = voer_waarom_niet_uit("drijfveer.bepalen", p, kb);
    EXPECT_EQ(wel.status, 0);
    EXPECT_NE(wel.uit.find("de regel is gevuurd"), std::string::npos) << wel.uit;
    const auto b = m.schrijf("b.yaml", "gemeente: {naam: X}\ndrijfveer: {bepaald: true, soort: leren}\n");
    const auto niet = voer_waarom_niet_uit("drijfveer.bepalen", b, kb);
    EXPECT_EQ(niet.status, 0);
    EXPECT_NE(niet.uit.find("houdt hem tegen"), std::string::npos) << niet.uit;
    EXPECT_NE(niet.uit.find("drijfveer("), std::string::npos) << niet.uit;
}

TEST(Opdrachten, LintVanDeMeegeleverdeKennisbank) {
    const auto u = voer_lint_uit(kb);
    EXPECT_EQ(u.status, 0) << u.fout;
    EXPECT_NE(u.uit.find("in orde"), std::string::npos);
}

// A rule that starts with `not` costs a warm consultation a rebuild of the initial state; lint refuses it,
// at its place, and counts one problem in the singular.
TEST(Opdrachten, LintWeigertEenRegelDieMetNotBegint) {
    TijdelijkeMap m("ww_advies_lint_not");
    for (const auto& e : fs::directory_iterator(kb))
        if (e.path().extension() == ".yaml") fs::copy_file(e.path(), m.pad / e.path().filename());
    const std::string regel = m.schrijf("zz-warm.yaml", "rules:\n  - id: warm.not-vooraan\n"
                                                         "    when: [\"not bron()\", \"gemeente(naam: ?g)\"]\n    then: []\n");
    const auto u = voer_lint_uit(m.pad.string());
    EXPECT_EQ(u.status, 2);
    EXPECT_NE(u.fout.find(regel + ":3:13: fout: regel 'warm.not-vooraan': begint met een 'not'"), std::string::npos) << u.fout;
    EXPECT_EQ(u.fout.substr(u.fout.rfind('\n', u.fout.size() - 2) + 1), "1 probleem in " + m.pad.string() + "\n") << u.fout;
}

// `functies` lists the built-in functions exactly as without a knowledge base, then the knowledge
// base's own: parameters (a rest as ...?rest), file and line, the description on one line.
TEST(Opdrachten, FunctiesVanDeKennisbank) {
    const std::string bestand = std::string(WW_TEST_DATA) + "/functieteksten.yaml";
    const auto u = voer_functies_uit(bestand);
    EXPECT_EQ(u.status, 0) << u.fout;
    EXPECT_EQ(u.fout, "");
    const std::string ingebouwd = ingebouwde_functies();
    ASSERT_EQ(u.uit.substr(0, ingebouwd.size()), ingebouwd);
    EXPECT_TRUE(ingebouwd.starts_with("len(tekst|lijst) -> int ")) << ingebouwd;
    EXPECT_NE(ingebouwd.find("\nnl(getal) -> string "), std::string::npos) << ingebouwd;
    EXPECT_EQ(u.uit.substr(ingebouwd.size()),
              "\nEigen functies van de kennisbank " + bestand + " (functions, docs/regeltaal.md):\n"
              "bronnen_zin(?g, ?n)             functieteksten.yaml:6   Hoeveel bronnen een gemeente heeft, als zin.\n"
              "plek_of_gemeente(?g, ?w)        functieteksten.yaml:14\n"
              "meld_indicatoren(?g, ...?rest)  functieteksten.yaml:21  Een info over de indicatoren van een gemeente, "
              "uitgezonden vanuit de functie.\n");

    // The bundled knowledge base: its functions with the file inside the map.
    const auto gebundeld = voer_functies_uit(kb);
    EXPECT_EQ(gebundeld.status, 0) << gebundeld.fout;
    const auto regel_van = [&](const std::string& naam) {
        const auto begin = gebundeld.uit.find("\n" + naam + "(");
        if (begin == std::string::npos) return std::string();
        return gebundeld.uit.substr(begin + 1, gebundeld.uit.find('\n', begin + 1) - begin - 1);
    };
    EXPECT_TRUE(regel_van("actie_namen").starts_with("actie_namen(?xs) ")) << gebundeld.uit;
    EXPECT_NE(regel_van("actie_namen").find("  stap4-actie.yaml:"), std::string::npos) << gebundeld.uit;
    // The columns are as wide as the longest name and signature: only the order within the line is fixed.
    EXPECT_TRUE(regel_van("plek_zoals_gemeten").starts_with("plek_zoals_gemeten(?gl, ?ws)  ")) << gebundeld.uit;
    EXPECT_NE(regel_van("plek_zoals_gemeten").find("  stap4-actie.yaml:"), std::string::npos) << gebundeld.uit;
    EXPECT_NE(regel_van("plek_zoals_gemeten").find("lidwoord vooraan"), std::string::npos) << gebundeld.uit;

    // A knowledge base with errors: the errors and status 2, nothing on standard output.
    TijdelijkeMap m("ww_advies_functies");
    const auto kapot = m.schrijf("kapot.yaml", "functions:\n  len:\n    do: [\"return 1\"]\n");
    const auto fout = voer_functies_uit(kapot);
    EXPECT_EQ(fout.status, 2);
    EXPECT_EQ(fout.uit, "");
    EXPECT_EQ(fout.fout, kapot + ":2:3: fout: 'len' is een ingebouwde functie (wegwijzer functies); kies een andere naam\n"
                                 "  len:\n  ^\n");
    // Without functions of its own: the built-ins only.
    const auto zonder = m.schrijf("zonder.yaml", "rules: []\n");
    EXPECT_EQ(voer_functies_uit(zonder).uit, ingebouwd);
}

// Without --kb the heading names the bundled knowledge base by what it says of itself, not by the path it is
// installed at: the list is the same on every machine. A knowledge base the user names (--kb, WEGWIJZER_KB)
// is named as they wrote it.
TEST(Opdrachten, FunctiesNoemtDeMeegeleverdeKennisbankZonderPad) {
    ::unsetenv("WEGWIJZER_KB");
    const auto u = voer_functies_uit("");
    EXPECT_EQ(u.status, 0) << u.fout;
    const RuleBase regels = RuleBase::load(kb);
    const auto& manifest = regels.manifest();
    ASSERT_TRUE(manifest.has_value());
    const std::string kop = "\nEigen functies van de meegeleverde kennisbank " + manifest->name + " " + manifest->version +
                            " (functions, docs/regeltaal.md):\n";
    EXPECT_NE(u.uit.find(kop), std::string::npos) << u.uit.substr(ingebouwde_functies().size(), 200);
    EXPECT_EQ(u.uit.find(kb), std::string::npos) << "het pad van de kennisbank staat in de lijst";
    // The rest is the list of --kb MAP, with its own heading.
    const auto met_kb = voer_functies_uit(kb);
    const std::string kb_kop = "\nEigen functies van de kennisbank " + kb + " (functions, docs/regeltaal.md):\n";
    ASSERT_NE(met_kb.uit.find(kb_kop), std::string::npos);
    std::string verwacht = met_kb.uit;
    verwacht.replace(verwacht.find(kb_kop), kb_kop.size(), kop);
    EXPECT_EQ(u.uit, verwacht);

    ::setenv("WEGWIJZER_KB", kb.c_str(), 1);
    const auto env = voer_functies_uit("");
    ::unsetenv("WEGWIJZER_KB");
    EXPECT_EQ(env.uit, met_kb.uit);
}

TEST(Opdrachten, TestMetEenFalendScenario) {
    TijdelijkeMap m("ww_advies_test");
    m.schrijf("a.yaml", "naam: slaagt\nprofiel: {gemeente: {naam: X}}\nverwacht: {huidige_stap: 1, wel: [drijfveer.bepalen]}\n"
                        "---\nnaam: faalt\nprofiel: {gemeente: {naam: X}}\nverwacht: {huidige_stap: 4}\n");
    const auto u = voer_test_uit(m.pad.string(), kb);
    EXPECT_EQ(u.status, 1);
    EXPECT_NE(u.uit.find("ok    " + (m.pad / "a.yaml").string() + ": slaagt"), std::string::npos) << u.uit;
    EXPECT_NE(u.uit.find("FOUT  " + (m.pad / "a.yaml").string() + ": faalt\n      - huidige stap is 1, verwacht 4"),
              std::string::npos)
        << u.uit;
    // Two scenarios cannot fire every rule of the knowledge base: the unfired ones are listed.
    EXPECT_NE(u.uit.find("nooit gevuurd door een scenario"), std::string::npos);
    EXPECT_EQ(u.uit.substr(u.uit.rfind('\n', u.uit.size() - 2) + 1), "1 passed, 1 failed\n");
}

TEST(Opdrachten, TestOpEenBestandBeoordeeltAlleenDatBestand) {
    // A single passing scenario file exits 0, whatever rules it never meant to fire.
    const auto u = voer_test_uit(kb + "/tests/20-boodschap-oordeel.yaml", kb);
    EXPECT_EQ(u.status, 0) << u.uit << u.fout;
    EXPECT_NE(u.uit.find("regeldekking: niet beoordeeld bij één bestand"), std::string::npos) << u.uit;
    EXPECT_EQ(u.uit.find("nooit gevuurd"), std::string::npos);
}

TEST(Opdrachten, CommunicatieOpEenVolledigProfiel) {
    TijdelijkeMap m("ww_advies_communicatie");
    AdviesOpties o;
    o.profiel = m.schrijf("p.yaml", "gemeente: {naam: Plandam}\ndrijfveer: {bepaald: false}\nbronnen: [{id: meldingen}]\n"
                                    "communicatie:\n  boodschappen:\n    - {onderwerp: woninginbraak, buikpijn: ja, aanpak: "
                                    "terughoudend}\n");
    o.opdracht = Opdracht::communicatie;
    o.kb = kb;
    const auto tekst = voer_advies_uit(o);
    ASSERT_EQ(tekst.status, 0) << tekst.fout;
    EXPECT_EQ(tekst.uit.rfind("Toets communicatieplan: Plandam\n", 0), 0u) << tekst.uit;
    EXPECT_EQ(tekst.uit.find("\nStappenplan\n"), std::string::npos);
    EXPECT_EQ(tekst.uit.find("hier staat de gemeente"), std::string::npos);
    EXPECT_NE(tekst.uit.find("oordeel: botst"), std::string::npos);
    o.formaat = Formaat::json;
    const auto json = voer_advies_uit(o);
    ASSERT_EQ(json.status, 0) << json.fout;
    const auto j = nlohmann::json::parse(json.uit);
    ASSERT_EQ(j["boodschappen"].size(), 1u);
    EXPECT_EQ(j["boodschappen"][0]["oordeel"], "botst");
    EXPECT_EQ(j["kennisbank"]["naam"], "CCV Stappenplan Veiligheidsbeleving");
    for (const auto& a : j["adviezen"]) EXPECT_TRUE(a["onderwerp"] == "communicatie" || a["onderwerp"] == "framing") << a["id"];
}

TEST(Opdrachten, TestZonderScenarios) {
    TijdelijkeMap m("ww_advies_leeg");
    const auto u = voer_test_uit(m.pad.string(), kb);
    EXPECT_EQ(u.status, 2);
    EXPECT_TRUE(u.uit.empty());
    EXPECT_NE(u.fout.find("geen scenariobestanden"), std::string::npos);
    const auto v = voer_test_uit("/bestaat/niet", kb);
    EXPECT_EQ(v.status, 2);
    EXPECT_TRUE(v.uit.empty());
}

}  // namespace
}  // namespace ww::advies
