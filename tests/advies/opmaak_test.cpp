// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "advies/opmaak.hpp"
#include "advies/rapport_gegevens.hpp"

namespace ww::advies {
namespace {

Advies voorbeeld() {
    Advies a;
    a.gemeente = "Voorbeeldstad";
    a.stappen = {StapStand{1, Status::afgerond}, StapStand{2, Status::bezig}, StapStand{3, Status::open},
                 StapStand{4, Status::open}, StapStand{5, Status::open}};
    a.huidige_stap = 2;
    AdviesItem w;
    w.id = "informatie.kwalitatief-ontbreekt";
    w.soort = Soort::waarschuwing;
    w.stap = 2;
    w.onderwerp = "kwalitatief";
    w.prioriteit = 1;
    w.tekst = "Voorbeeldstad heeft alleen cijfers; praat ook met bewoners in Noord.";
    w.bron = "Stap 2: Haal informatie op";
    w.onderbouwing = {"bronnen: veiligheidsmonitor, meldingen (alle kwantitatief)"};
    AdviesItem n;
    n.id = "informatie.partners";
    n.soort = Soort::actie;
    n.stap = 2;
    n.onderwerp = "partners";
    n.prioriteit = 2;
    n.tekst = "Vraag de politie en de woningcorporatie wat zij weten.";
    n.bron = "Stap 2: Haal informatie op";
    n.factoren = {"toezicht"};
    AdviesItem v;
    v.id = "evaluatie.nulmeting";
    v.soort = Soort::actie;
    v.stap = 5;
    v.onderwerp = "nulmeting";
    v.prioriteit = 3;
    v.tekst = "Leg een nulmeting vast.";
    v.bron = "Stap 5: Evalueer";
    v.uitleg = Uitleg{Uitleg::Herkomst::regel, "evaluatie.nulmeting", "advies(...)", {{"?x", "3"}},
                      {Uitleg{Uitleg::Herkomst::profiel, "", "evaluatie(momenten_vastgelegd: false, nulmeting: false)", {}, {}}}};
    // In the order of ordening.hpp: the actie of the current step, the warning, the rest.
    a.adviezen = {n, w, v};
    a.herkomst = Herkomst{"wegwijzer 9.8.7", "Testkennisbank", "1.2.3", "00000000deadbeef"};
    return a;
}

Advies communicatieplan() {
    Advies a = voorbeeld();
    a.opdracht = Opdracht::communicatie;
    a.adviezen.erase(a.adviezen.begin() + 1, a.adviezen.end());
    a.boodschappen = {Boodschapoordeel{1, "woninginbraak", "ja", "expliciet", "passend", "Meestal raadzaam."},
                      Boodschapoordeel{2, "drugs | afval", "nee", "onbekend", "onbekend", "Het plan noemt nog geen aanpak."}};
    return a;
}

TEST(OpmaakJson, VolgtHetContract) {
    const auto tekst = als_json(voorbeeld(), {});
    const auto j = nlohmann::ordered_json::parse(tekst);
    std::vector<std::string> sleutels;
    for (auto it = j.begin(); it != j.end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels, (std::vector<std::string>{"versie", "gemeente", "programma", "kennisbank", "fase", "adviezen"}));
    EXPECT_EQ(j["versie"], 1);
    EXPECT_EQ(j["gemeente"], "Voorbeeldstad");
    EXPECT_EQ(j["programma"], "wegwijzer 9.8.7");
    sleutels.clear();
    for (auto it = j["kennisbank"].begin(); it != j["kennisbank"].end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels, (std::vector<std::string>{"naam", "versie", "sleutel"}));
    EXPECT_EQ(j["kennisbank"]["naam"], "Testkennisbank");
    EXPECT_EQ(j["kennisbank"]["versie"], "1.2.3");
    EXPECT_EQ(j["kennisbank"]["sleutel"], "00000000deadbeef");
    EXPECT_FALSE(j.contains("boodschappen"));  // only when the plan has messages
    EXPECT_EQ(j["fase"]["huidige_stap"], 2);
    ASSERT_EQ(j["fase"]["stappen"].size(), 5u);
    EXPECT_EQ(j["fase"]["stappen"][1]["naam"], "Haal informatie op");
    EXPECT_EQ(j["fase"]["stappen"][1]["status"], "bezig");
    EXPECT_EQ(j["fase"]["stappen"][3]["naam"], "Tijd voor beleidsmatige actie");
    ASSERT_EQ(j["adviezen"].size(), 3u);
    const auto& a = j["adviezen"][1];
    sleutels.clear();
    for (auto it = a.begin(); it != a.end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels, (std::vector<std::string>{"id", "soort", "stap", "onderwerp", "prioriteit", "tekst", "bron",
                                                  "factoren", "onderbouwing", "groep"}));
    EXPECT_EQ(a["soort"], "waarschuwing");
    // The group of the human formats: the priority-1 warning stands after the priority-2 actie of the current step
    // because its group does, and the group says so.
    EXPECT_EQ(j["adviezen"][0]["groep"], "nu_doen");
    EXPECT_EQ(a["groep"], "waarschuwingen");
    EXPECT_EQ(j["adviezen"][2]["groep"], "verder");
    EXPECT_TRUE(a["stap"].is_number_integer());
    EXPECT_TRUE(a["prioriteit"].is_number_integer());
    EXPECT_TRUE(a["factoren"].is_array());
    EXPECT_EQ(a["onderbouwing"][0], "bronnen: veiligheidsmonitor, meldingen (alle kwantitatief)");
    EXPECT_EQ(j["adviezen"][0]["factoren"][0], "toezicht");
    // No uitleg unless asked for.
    EXPECT_FALSE(j["adviezen"][2].contains("uitleg"));
    EXPECT_EQ(tekst.back(), '\n');
}

TEST(OpmaakJson, UitlegIsEenExtraSleutel) {
    OpmaakOpties o;
    o.uitleg = true;
    const auto j = nlohmann::json::parse(als_json(voorbeeld(), o));
    const auto& u = j["adviezen"][2]["uitleg"];
    EXPECT_EQ(u["regel"], "evaluatie.nulmeting");
    EXPECT_EQ(u["bindingen"]["?x"], "3");
    ASSERT_EQ(u["premissen"].size(), 1u);
    EXPECT_TRUE(u["premissen"][0]["regel"].is_null());
    EXPECT_EQ(u["premissen"][0]["herkomst"], "profiel");
    EXPECT_EQ(u["herkomst"], "regel");
    EXPECT_EQ(u["premissen"][0]["feit"], "evaluatie(momenten_vastgelegd: false, nulmeting: false)");
    // Advice without a recorded derivation gets none.
    EXPECT_FALSE(j["adviezen"][0].contains("uitleg"));
}

TEST(OpmaakJson, KennisbankZonderNaamGeeftNull) {
    Advies a = voorbeeld();
    a.herkomst.naam.reset();
    a.herkomst.versie.reset();
    const auto j = nlohmann::json::parse(als_json(a, {}));
    EXPECT_TRUE(j["kennisbank"]["naam"].is_null());
    EXPECT_TRUE(j["kennisbank"]["versie"].is_null());
    EXPECT_EQ(j["kennisbank"]["sleutel"], "00000000deadbeef");
}

TEST(OpmaakJson, BoodschappenNaDeAdviezen) {
    const auto j = nlohmann::ordered_json::parse(als_json(communicatieplan(), {}));
    std::vector<std::string> sleutels;
    for (auto it = j.begin(); it != j.end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels.back(), "boodschappen");
    ASSERT_EQ(j["boodschappen"].size(), 2u);
    sleutels.clear();
    for (auto it = j["boodschappen"][0].begin(); it != j["boodschappen"][0].end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels, (std::vector<std::string>{"nr", "onderwerp", "buikpijn", "aanpak", "oordeel", "toelichting"}));
    EXPECT_EQ(j["boodschappen"][1]["nr"], 2);
    EXPECT_EQ(j["boodschappen"][1]["oordeel"], "onbekend");
    // The fase stays in JSON, also for a communication check: the contract's keys do not change.
    EXPECT_TRUE(j.contains("fase"));
}

TEST(OpmaakJson, GroepInEenCommunicatietoets) {
    // A communication check is no place in the stappenplan: every actie is "Nu doen", whatever its step.
    Advies a = communicatieplan();
    a.adviezen[0].stap = 3;
    const auto j = nlohmann::json::parse(als_json(a, {}));
    EXPECT_EQ(j["adviezen"][0]["groep"], "nu_doen");
    a.opdracht = Opdracht::advies;
    EXPECT_EQ(nlohmann::json::parse(als_json(a, {}))["adviezen"][0]["groep"], "verder");
}

TEST(OpmaakTekst, CommunicatieplanZonderStappenplan) {
    OpmaakOpties o;
    o.breedte = 200;
    const auto t = als_tekst(communicatieplan(), o);
    EXPECT_EQ(t.rfind("Toets communicatieplan: Voorbeeldstad\n", 0), 0u) << t;
    EXPECT_EQ(t.find("\nStappenplan\n"), std::string::npos);
    EXPECT_EQ(t.find("hier staat de gemeente"), std::string::npos);
    const auto boodschappen = t.find("Boodschappen"), nu = t.find("Nu doen");
    ASSERT_NE(boodschappen, std::string::npos);
    ASSERT_NE(nu, std::string::npos);
    EXPECT_LT(boodschappen, nu);  // the verdicts, then the advice
    EXPECT_NE(t.find(" 1. woninginbraak\n      buikpijn: ja · aanpak: expliciet · oordeel: passend\n      Meestal raadzaam."),
              std::string::npos)
        << t;
    EXPECT_NE(t.find("oordeel: onbekend"), std::string::npos);
}

TEST(OpmaakMarkdown, CommunicatieplanAlsTabel) {
    const auto m = als_markdown(communicatieplan(), {});
    EXPECT_EQ(m.rfind("# Toets communicatieplan: Voorbeeldstad\n", 0), 0u);
    EXPECT_EQ(m.find("stappenplan"), std::string::npos);
    EXPECT_NE(m.find("| nr | onderwerp | buikpijn | aanpak | oordeel | toelichting |"), std::string::npos);
    EXPECT_NE(m.find("| 1 | woninginbraak | ja | expliciet | **passend** | Meestal raadzaam. |"), std::string::npos);
    EXPECT_NE(m.find("| 2 | drugs \\| afval | nee | onbekend | **onbekend** |"), std::string::npos) << m;
    EXPECT_LT(m.find("## Boodschappen"), m.find("## Adviezen"));
}

TEST(Opmaak, NummersGelijkInTekstEnMarkdown) {
    // Each advice has its list position as number in every format.
    OpmaakOpties o;
    o.breedte = 200;
    const Advies a = voorbeeld();
    const auto t = als_tekst(a, o);
    const auto m = als_markdown(a, o);
    for (std::size_t i = 0; i < a.adviezen.size(); ++i) {
        const auto regel = t.find(fmt::format("{:>2}. [stap {}, {}]", i + 1, a.adviezen[i].stap, onderwerp_naam(a.adviezen[i].onderwerp)));
        EXPECT_NE(regel, std::string::npos) << i;
        EXPECT_NE(t.find(a.adviezen[i].tekst, regel), std::string::npos) << i;
        const auto kop = m.find(fmt::format("### {}. ", i + 1));
        ASSERT_NE(kop, std::string::npos) << i;
        EXPECT_EQ(m.find(a.adviezen[i].tekst, kop), m.find(a.adviezen[i].tekst)) << i;
        EXPECT_LT(m.find(a.adviezen[i].tekst, kop), m.find("###", kop + 1)) << i;
    }
}

TEST(Opmaak, HerkomstInDeVoetregel) {
    const auto t = als_tekst(voorbeeld(), {});
    EXPECT_NE(t.find("Gemaakt met wegwijzer 9.8.7 en de kennisbank Testkennisbank 1.2.3."), std::string::npos) << t;
    const auto m = als_markdown(voorbeeld(), {});
    EXPECT_NE(m.find("_Gemaakt met wegwijzer 9.8.7 en de kennisbank Testkennisbank 1.2.3._\n"), std::string::npos) << m;
}

TEST(OpmaakTekst, OverzichtEnGroepen) {
    const auto t = als_tekst(voorbeeld(), {});
    EXPECT_NE(t.find("Advies veiligheidsbeleving: Voorbeeldstad"), std::string::npos);
    EXPECT_NE(t.find("2. Haal informatie op"), std::string::npos);
    const auto nu = t.find("Nu doen"), waarschuwingen = t.find("Waarschuwingen"), verder = t.find("Verder");
    ASSERT_NE(nu, std::string::npos);
    ASSERT_NE(waarschuwingen, std::string::npos);
    ASSERT_NE(verder, std::string::npos);
    EXPECT_LT(nu, waarschuwingen);
    EXPECT_LT(waarschuwingen, verder);
    // The step-2 actie is under "Nu doen", the step-5 one under "Verder".
    const auto partners = t.find("Vraag de politie"), nulmeting = t.find("Leg een nulmeting");
    EXPECT_GT(partners, nu);
    EXPECT_LT(partners, waarschuwingen);
    EXPECT_GT(nulmeting, verder);
    EXPECT_EQ(t.find("\x1b["), std::string::npos);  // no colour unless asked
    EXPECT_EQ(t.find("waarom:"), std::string::npos);
}

TEST(OpmaakTekst, KleurEnUitleg) {
    OpmaakOpties o;
    o.kleur = true;
    o.uitleg = true;
    o.breedte = 200;  // no wrapping inside the strings looked for
    const auto t = als_tekst(voorbeeld(), o);
    EXPECT_NE(t.find("\x1b[1m"), std::string::npos);
    EXPECT_NE(t.find("regel evaluatie.nulmeting met ?x = 3"), std::string::npos);
    EXPECT_NE(t.find("evaluatie(momenten_vastgelegd: false, nulmeting: false) (profiel)"), std::string::npos);
}

TEST(OpmaakTekst, RegelsNietBrederDanDeBreedte) {
    OpmaakOpties o;
    o.breedte = 50;
    auto a = voorbeeld();
    a.adviezen[1].tekst = std::string(30, 'x') + " " + "een lange zin die zeker over de rand van vijftig tekens gaat en "
                                                        "dus omgebroken moet worden";
    const auto t = als_tekst(a, o);
    // The advice (after the fixed-width step overview) wraps at the width.
    std::size_t begin = t.find("Nu doen");
    ASSERT_NE(begin, std::string::npos);
    EXPECT_NE(t.find("kwalitatieve informatie]\n      xxxx"), std::string::npos) << "a word that does not fit moves down";
    while (begin < t.size()) {
        auto eind = t.find('\n', begin);
        const auto regel = t.substr(begin, eind - begin);
        int tekens = 0;
        for (unsigned char c : regel) tekens += (c & 0xC0) != 0x80;
        EXPECT_LE(tekens, 50) << regel;
        begin = eind + 1;
    }
}

// A bestuur reads names, not the contract's words: the topic label and (with the knowledge base's names)
// the factors of an advice.
TEST(OpmaakMarkdown, NamenInPlaatsVanIds) {
    KennisbankNamen namen;
    namen.factoren.push_back({"toezicht", "toezicht en handhaving", "Versterken veiligheid"});
    OpmaakOpties o;
    o.namen = &namen;
    const auto m = als_markdown(voorbeeld(), o);
    EXPECT_NE(m.find("- Factoren (Tafel van 12): toezicht en handhaving\n"), std::string::npos);
    EXPECT_EQ(m.find("`toezicht`"), std::string::npos);
    EXPECT_EQ(onderwerp_naam("tafel-van-12"), "Tafel van 12");
    EXPECT_EQ(onderwerp_naam("gedeelde-visie"), "gedeelde visie");
    EXPECT_EQ(onderwerp_naam("drijfveer"), "drijfveer");
    EXPECT_NE(als_tekst(voorbeeld(), OpmaakOpties{}).find("[stap 2, kwalitatieve informatie]"), std::string::npos);
}

TEST(Omloop, BreektOpWoorden) {
    EXPECT_EQ(omloop("aa bb cc dd", 5, 0, 0), "aa bb\ncc dd");
    EXPECT_EQ(omloop("aa bb cc", 6, 2, 0), "aa bb\n  cc");
    EXPECT_EQ(omloop("lang-woord-zonder-spaties", 5, 0, 0), "lang-woord-zonder-spaties");
}

TEST(OpmaakMarkdown, RapportMetOnderbouwing) {
    OpmaakOpties o;
    o.uitleg = true;
    const auto m = als_markdown(voorbeeld(), o);
    EXPECT_EQ(m.rfind("# Advies veiligheidsbeleving: Voorbeeldstad\n", 0), 0u);
    EXPECT_NE(m.find("| 2 | Haal informatie op | **bezig** (huidige stap) |"), std::string::npos);
    EXPECT_NE(m.find("### 2. Waarschuwing: kwalitatieve informatie (stap 2)"), std::string::npos);
    EXPECT_NE(m.find("  - bronnen: veiligheidsmonitor, meldingen (alle kwantitatief)"), std::string::npos);
    EXPECT_NE(m.find("- Bron: Stap 2: Haal informatie op"), std::string::npos);
    EXPECT_NE(m.find("- Factoren (Tafel van 12): `toezicht`"), std::string::npos);
    EXPECT_NE(m.find("- regel `evaluatie.nulmeting` met `?x = 3`"), std::string::npos);
    EXPECT_EQ(m.back(), '\n');
    EXPECT_NE(m.substr(m.size() - 2), "\n\n");
}

TEST(Formaat, Namen) {
    EXPECT_EQ(formaat_uit("json"), Formaat::json);
    EXPECT_EQ(formaat_uit("markdown"), Formaat::markdown);
    EXPECT_EQ(formaat_uit("text"), Formaat::text);
    EXPECT_EQ(formaat_uit("html"), Formaat::html);
    EXPECT_FALSE(formaat_uit("xml"));
}

}  // namespace
}  // namespace ww::advies
