#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "advies/opmaak.hpp"

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
    a.adviezen = {w, n, v};
    return a;
}

TEST(OpmaakJson, VolgtHetContract) {
    const auto tekst = als_json(voorbeeld(), {});
    const auto j = nlohmann::ordered_json::parse(tekst);
    std::vector<std::string> sleutels;
    for (auto it = j.begin(); it != j.end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels, (std::vector<std::string>{"versie", "gemeente", "fase", "adviezen"}));
    EXPECT_EQ(j["versie"], 1);
    EXPECT_EQ(j["gemeente"], "Voorbeeldstad");
    EXPECT_EQ(j["fase"]["huidige_stap"], 2);
    ASSERT_EQ(j["fase"]["stappen"].size(), 5u);
    EXPECT_EQ(j["fase"]["stappen"][1]["naam"], "Haal informatie op");
    EXPECT_EQ(j["fase"]["stappen"][1]["status"], "bezig");
    EXPECT_EQ(j["fase"]["stappen"][3]["naam"], "Tijd voor beleidsmatige actie");
    ASSERT_EQ(j["adviezen"].size(), 3u);
    const auto& a = j["adviezen"][0];
    sleutels.clear();
    for (auto it = a.begin(); it != a.end(); ++it) sleutels.push_back(it.key());
    EXPECT_EQ(sleutels, (std::vector<std::string>{"id", "soort", "stap", "onderwerp", "prioriteit", "tekst", "bron",
                                                  "factoren", "onderbouwing"}));
    EXPECT_EQ(a["soort"], "waarschuwing");
    EXPECT_TRUE(a["stap"].is_number_integer());
    EXPECT_TRUE(a["prioriteit"].is_number_integer());
    EXPECT_TRUE(a["factoren"].is_array());
    EXPECT_EQ(a["onderbouwing"][0], "bronnen: veiligheidsmonitor, meldingen (alle kwantitatief)");
    EXPECT_EQ(j["adviezen"][1]["factoren"][0], "toezicht");
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
    a.adviezen[0].tekst = std::string(30, 'x') + " " + "een lange zin die zeker over de rand van vijftig tekens gaat en "
                                                        "dus omgebroken moet worden";
    const auto t = als_tekst(a, o);
    // The advice (after the fixed-width step overview) wraps at the width.
    std::size_t begin = t.find("Nu doen");
    ASSERT_NE(begin, std::string::npos);
    EXPECT_NE(t.find("kwalitatief]\n      xxxx"), std::string::npos) << "a word that does not fit moves down";
    while (begin < t.size()) {
        auto eind = t.find('\n', begin);
        const auto regel = t.substr(begin, eind - begin);
        int tekens = 0;
        for (unsigned char c : regel) tekens += (c & 0xC0) != 0x80;
        EXPECT_LE(tekens, 50) << regel;
        begin = eind + 1;
    }
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
    EXPECT_NE(m.find("### 1. Waarschuwing: kwalitatief (stap 2)"), std::string::npos);
    EXPECT_NE(m.find("  - bronnen: veiligheidsmonitor, meldingen (alle kwantitatief)"), std::string::npos);
    EXPECT_NE(m.find("- Bron: Stap 2: Haal informatie op"), std::string::npos);
    EXPECT_NE(m.find("- Factoren (Tafel van 12): toezicht"), std::string::npos);
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
