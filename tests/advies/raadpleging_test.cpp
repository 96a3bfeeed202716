// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <fmt/format.h>

#include "advies/invoer.hpp"
#include "advies/opmaak.hpp"
#include "advies/opmaak_html.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "testkennisbank.hpp"

namespace ww::advies {
namespace {

class RaadplegingTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        kb_ = test::test_kennisbank().release();
        r_ = new Raadpleging(*kb_);
    }
    static void TearDownTestSuite() {
        delete r_;
        delete kb_;
    }
    Advies advies(const std::string& profiel, Opdracht opdracht = Opdracht::advies, bool uitleg = false) {
        auto p = lees_profiel_tekst(profiel, "p.yaml", r_->vocabulaire(), opdracht);
        EXPECT_TRUE(p.invoer) << (p.fouten.empty() ? "" : p.fouten[0].message);
        return r_->raadpleeg(*p.invoer, opdracht, uitleg);
    }
    static const AdviesItem* vind(const Advies& a, std::string_view id) {
        for (const auto& x : a.adviezen)
            if (x.id == id) return &x;
        return nullptr;
    }
    static Kennisbank* kb_;
    static Raadpleging* r_;
};
Kennisbank* RaadplegingTest::kb_ = nullptr;
Raadpleging* RaadplegingTest::r_ = nullptr;

const char* stap2_profiel = R"(gemeente: {naam: Noorderdam}
drijfveer: {bepaald: true, soort: leren}
bronnen: [{id: veiligheidsmonitor}, {id: meldingen}]
metingen: [{indicator: overlast, waarde: 31.5, vergelijkbaar: 20}]
)";

TEST_F(RaadplegingTest, WoordenschatKomtUitDeKennisbank) {
    EXPECT_EQ(r_->vocabulaire().factoren, (std::vector<std::string>{"toezicht", "verloedering", "nazorg"}));
    EXPECT_TRUE(r_->vocabulaire().is_bron("straatgesprekken"));
    EXPECT_EQ(r_->vocabulaire().bron_soort.at("straatgesprekken"), "kwalitatief");
    EXPECT_TRUE(r_->vocabulaire().is_indicator("oordeel_gemeente"));
}

TEST_F(RaadplegingTest, FaseEnAdviezenUitDeRecords) {
    const Advies a = advies(stap2_profiel);
    EXPECT_EQ(a.gemeente, "Noorderdam");
    EXPECT_EQ(a.stappen[0].status, Status::afgerond);
    EXPECT_EQ(a.stappen[1].status, Status::bezig);
    EXPECT_EQ(a.stappen[2].status, Status::open);
    EXPECT_EQ(a.huidige_stap, 2);
    const AdviesItem* w = vind(a, "informatie.kwalitatief-ontbreekt");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->soort, Soort::waarschuwing);
    EXPECT_EQ(w->onderwerp, "kwalitatief");
    EXPECT_EQ(w->bron, "Stap 2: Haal informatie op");  // the rule's source
    EXPECT_EQ(w->tekst, "Noorderdam heeft alleen cijfers (2 bronnen); praat ook met bewoners.");
    EXPECT_EQ(w->onderbouwing, (std::vector<std::string>{"bronnen: 2, alle kwantitatief"}));
    const AdviesItem* m = vind(a, "indicatoren.hoger-dan-elders");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->factoren, (std::vector<std::string>{"toezicht"}));
    EXPECT_EQ(m->tekst, "overlast is 31,5%, elders 20%.");
    EXPECT_EQ(vind(a, "drijfveer.bepalen"), nullptr);
    EXPECT_EQ(vind(a, "informatie.bronnen-verzamelen"), nullptr);
}

TEST_F(RaadplegingTest, EenKwalitatieveBronHaaltDeWaarschuwingWeg) {
    const Advies a = advies("gemeente: {naam: X}\nbronnen: [{id: meldingen}, {id: straatgesprekken}]\n");
    EXPECT_EQ(vind(a, "informatie.kwalitatief-ontbreekt"), nullptr);
}

TEST_F(RaadplegingTest, VolgordeEnEersteActie) {
    // Step 1 done, step 2 open: the step-5 actie has priority 1, the step-2 one priority 2, yet the
    // first actie must be the step-2 one.
    const Advies a = advies("gemeente: {naam: X}\ndrijfveer: {bepaald: true}\n");
    EXPECT_EQ(a.huidige_stap, 2);
    const AdviesItem* eerste = nullptr;
    for (const auto& x : a.adviezen)
        if (x.soort == Soort::actie) {
            eerste = &x;
            break;
        }
    ASSERT_NE(eerste, nullptr);
    EXPECT_EQ(eerste->id, "informatie.bronnen-verzamelen");
    ASSERT_NE(vind(a, "evaluatie.nulmeting"), nullptr);
}

TEST_F(RaadplegingTest, ZelfdeInvoerZelfdeUitvoer) {
    const auto eerste = als_json(advies(stap2_profiel), {});
    advies("gemeente: {naam: Anders}\n");  // the engine is reused between consultations
    EXPECT_EQ(als_json(advies(stap2_profiel), {}), eerste);
}

// The markup of the Tafel van 12 is written at the first HTML report, not with the Raadpleging: a cold
// run in another format does not need it. Then it is what html_tafel writes, once.
TEST_F(RaadplegingTest, DeTafelVoorHetRapportPasBijHetEersteRapport) {
    Raadpleging r(*kb_);
    ASSERT_FALSE(r.kennisbanknamen().factoren.empty());
    EXPECT_TRUE(r.kennisbanknamen().html_tafel.naam.empty());
    EXPECT_TRUE(r.kennisbanknamen().html_tafel.ongemarkeerd.empty());
    const KennisbankNamen& namen = r.kennisbanknamen_met_tafel();
    EXPECT_EQ(&namen, &r.kennisbanknamen());
    ASSERT_EQ(namen.html_tafel.naam.size(), namen.factoren.size());
    EXPECT_EQ(namen.html_tafel.ongemarkeerd, html_tafel(namen.factoren).ongemarkeerd);
    EXPECT_FALSE(namen.html_tafel.ongemarkeerd.empty());
    const std::string eerste = namen.html_tafel.ongemarkeerd;
    EXPECT_EQ(r.kennisbanknamen_met_tafel().html_tafel.ongemarkeerd, eerste);
}

TEST(Raadpleging, EersteRaadplegingGelijkAanLatere) {
    // The first consultation of a fresh engine skips the reset; it must give what later ones give.
    auto kb = test::test_kennisbank();
    Raadpleging r(*kb);
    auto p = lees_profiel_tekst(stap2_profiel, "p.yaml", r.vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(p.invoer);
    OpmaakOpties o;
    o.uitleg = true;
    const auto eerste = als_json(r.raadpleeg(*p.invoer, Opdracht::advies, true), o);
    const auto tweede = als_json(r.raadpleeg(*p.invoer, Opdracht::advies, true), o);
    EXPECT_EQ(eerste, tweede);
    EXPECT_NE(eerste.find("informatie.kwalitatief-ontbreekt"), std::string::npos);
}

TEST(Raadpleging, UitlegZonderWortelTekst) {
    // For the HTML report: each advice's derivation without the advice record's own text, the rest
    // as with it, also right after a consultation that wrote that text.
    auto kb = test::test_kennisbank();
    Raadpleging r(*kb);
    auto p = lees_profiel_tekst(stap2_profiel, "p.yaml", r.vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(p.invoer);
    const Advies vol = r.raadpleeg(*p.invoer, Opdracht::advies, true);
    const Advies& zonder = r.raadpleeg(*p.invoer, Opdracht::advies, true, false);
    ASSERT_EQ(zonder.adviezen.size(), vol.adviezen.size());
    ASSERT_FALSE(vol.adviezen.empty());
    for (std::size_t i = 0; i < vol.adviezen.size(); ++i) {
        ASSERT_TRUE(vol.adviezen[i].uitleg && zonder.adviezen[i].uitleg);
        Uitleg verwacht = *vol.adviezen[i].uitleg;
        EXPECT_FALSE(verwacht.feit.empty());
        verwacht.feit.clear();
        const Uitleg& u = *zonder.adviezen[i].uitleg;
        EXPECT_EQ(u.feit, verwacht.feit);
        EXPECT_EQ(u.regel, verwacht.regel);
        EXPECT_EQ(u.bindingen, verwacht.bindingen);
        ASSERT_EQ(u.premissen.size(), verwacht.premissen.size());
        for (std::size_t k = 0; k < u.premissen.size(); ++k) EXPECT_EQ(u.premissen[k].feit, verwacht.premissen[k].feit);
    }
}

TEST_F(RaadplegingTest, EenAfwezigeSectieGeeftStandaardwaarden) {
    // drijfveer.bepalen rests on the gemeente and on drijfveer(bepaald: false): a default when the
    // profile has no drijfveer section, stated by the profile when it says so itself.
    using H = Uitleg::Herkomst;
    using Premissen = std::vector<std::pair<std::string, H>>;
    auto premissen = [&](const std::string& profiel) {
        Premissen uit;
        const Advies a = advies(profiel, Opdracht::advies, true);
        const AdviesItem* b = vind(a, "drijfveer.bepalen");
        if (b == nullptr || !b->uitleg) return uit;
        for (const auto& p : b->uitleg->premissen) uit.emplace_back(p.feit.substr(0, p.feit.find('(')), p.herkomst);
        return uit;
    };
    const Premissen standaard{{"gemeente", H::profiel}, {"drijfveer", H::standaard}};
    const Premissen gegeven{{"gemeente", H::profiel}, {"drijfveer", H::profiel}};
    // Twice: the reader reads an absent section once per process and shares its facts after that.
    EXPECT_EQ(premissen("gemeente: {naam: X}\n"), standaard);
    EXPECT_EQ(premissen("gemeente: {naam: X}\n"), standaard);
    EXPECT_EQ(premissen("gemeente: {naam: X}\ndrijfveer: {bepaald: false}\n"), gegeven);
    EXPECT_EQ(premissen("gemeente: {naam: X}\ndrijfveer: {soort: leren}\n"), gegeven);
    EXPECT_EQ(premissen("gemeente: {naam: X}\n"), standaard);
    // Every format says so.
    const Advies a = advies("gemeente: {naam: X}\n", Opdracht::advies, true);
    OpmaakOpties o;
    o.uitleg = true;
    EXPECT_NE(opmaak(a, Formaat::text, o).find(" (standaard)"), std::string::npos);
    EXPECT_NE(opmaak(a, Formaat::markdown, o).find(" (standaard)"), std::string::npos);
    EXPECT_NE(als_json(a, o).find("\"herkomst\": \"standaard\""), std::string::npos);
}

TEST_F(RaadplegingTest, StandaardInDeInvoer) {
    // A template that has a given fact besides its defaults is the profile's (none does today: the
    // test is of the rule, not of the reader).
    auto p = lees_profiel_tekst("gemeente: {naam: X}\nbeleid: {doel_benoemd: true}\n", "p.yaml", r_->vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(p.invoer);
    const std::uint32_t s = standaard_sjablonen(*p.invoer);
    auto bit = [](InvoerSjabloon t) { return std::uint32_t{1} << static_cast<unsigned>(t); };
    EXPECT_NE(s & bit(InvoerSjabloon::drijfveer), 0u);
    EXPECT_NE(s & bit(InvoerSjabloon::smart), 0u) << "beleid without smart: its defaults";
    EXPECT_NE(s & bit(InvoerSjabloon::ivp), 0u);
    EXPECT_EQ(s & bit(InvoerSjabloon::beleid), 0u);
    EXPECT_EQ(s & bit(InvoerSjabloon::gemeente), 0u);
    Invoer gemengd = *p.invoer;
    for (const InvoerFeit& f : p.invoer->feiten)
        if (f.sjabloon == InvoerSjabloon::drijfveer) gemengd.feiten.push_back(InvoerFeit{f.sjabloon, f.waarden()});
    EXPECT_EQ(standaard_sjablonen(gemengd) & bit(InvoerSjabloon::drijfveer), 0u);
}

TEST(Raadpleging, RapportUitDeAfleidingenZoalsUitDeUitleg) {
    // The report writes each derivation straight from the engine's Derivation
    // (raadpleeg_voor_rapport); it must be the markup it writes from an Uitleg, for a longer advice
    // and then a shorter one over its derivations; and with names whose binding (?g) the report writes
    // straight from the value (markup in it) or through its repr first (a quote, a backslash).
    auto kb = test::test_kennisbank();
    Raadpleging r(*kb);
    const std::string kort = "gemeente: {naam: Zuiderdam}\n";
    const std::string tekens = "gemeente: {naam: 'Rijn & <Gouwe> ’é'}\n";
    const std::string aanhalingen = R"(gemeente: {naam: 'Zuid\dam "aan" <Zee> & co'})" "\n";
    for (const std::string& profiel : {std::string(stap2_profiel), kort, std::string(stap2_profiel), tekens, aanhalingen}) {
        auto p = lees_profiel_tekst(profiel, "p.yaml", r.vocabulaire(), Opdracht::advies);
        ASSERT_TRUE(p.invoer);
        const Advies met_uitleg = r.raadpleeg(*p.invoer, Opdracht::advies, true, false);
        EXPECT_TRUE(r.afleidingen().empty());
        const std::string verwacht = als_html(met_uitleg, {}, {});
        const Advies& a = r.raadpleeg_voor_rapport(*p.invoer, Opdracht::advies);
        ASSERT_FALSE(a.adviezen.empty());
        ASSERT_EQ(r.afleidingen().size(), a.adviezen.size());
        for (const auto& item : a.adviezen) EXPECT_FALSE(item.uitleg);
        RapportGegevens g;
        g.afleidingen = r.afleidingen();
        g.standaard_sjablonen = standaard_sjablonen(*p.invoer);
        const std::string html = als_html(a, g, {});
        EXPECT_EQ(html, verwacht);
        EXPECT_NE(html.find("Hoe dit advies tot stand kwam"), std::string::npos);
        EXPECT_NE(html.find("(profiel)"), std::string::npos);
        // A profile without a drijfveer section: drijfveer.bepalen rests on its defaults.
        const bool zonder_drijfveer = profiel.find("drijfveer") == std::string::npos;
        EXPECT_EQ(html.find("drijfveer(bepaald: false, soort: onbekend, gedeeld_met_bestuur: false)</code> (standaard)") !=
                      std::string::npos,
                  zonder_drijfveer);
        // Without the derivations the report has no fold: they are what it wrote it from.
        EXPECT_EQ(als_html(a, {}, {}).find("Hoe dit advies tot stand kwam"), std::string::npos);
    }
}

TEST(Raadpleging, HetAdviesBlijftTotDeVolgendeRaadpleging) {
    // raadpleeg() writes each advice over the buffers of the last one: a copy keeps its own, and a
    // different advice after it leaves nothing of the first behind.
    auto kb = test::test_kennisbank();
    Raadpleging r(*kb);
    auto lang = lees_profiel_tekst(stap2_profiel, "p.yaml", r.vocabulaire(), Opdracht::advies);
    auto kort = lees_profiel_tekst("gemeente: {naam: Anders}\n", "q.yaml", r.vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(lang.invoer && kort.invoer);
    const Advies eerste = r.raadpleeg(*lang.invoer, Opdracht::advies);
    const Advies& tweede = r.raadpleeg(*kort.invoer, Opdracht::advies);
    EXPECT_EQ(&r.raadpleeg(*kort.invoer, Opdracht::advies), &tweede);
    Raadpleging vers(*kb);
    EXPECT_EQ(als_json(tweede, {}), als_json(vers.raadpleeg(*kort.invoer, Opdracht::advies), {}));
    EXPECT_NE(als_json(tweede, {}), als_json(eerste, {}));
    EXPECT_EQ(tweede.gemeente, "Anders");
    EXPECT_EQ(eerste.gemeente, "Noorderdam");
    EXPECT_EQ(als_json(r.raadpleeg(*lang.invoer, Opdracht::advies), {}), als_json(eerste, {}));
}

TEST_F(RaadplegingTest, CommunicatieHoudtAlleenCommunicatieEnFraming) {
    const std::string plan = "gemeente: {naam: X}\ncommunicatie:\n  boodschappen:\n"
                             "    - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}\n";
    const Advies volledig = advies(plan);
    EXPECT_NE(vind(volledig, "drijfveer.bepalen"), nullptr);
    const Advies c = advies(plan, Opdracht::communicatie);
    ASSERT_EQ(c.adviezen.size(), 2u);
    for (const auto& x : c.adviezen) EXPECT_TRUE(x.onderwerp == "communicatie" || x.onderwerp == "framing") << x.id;
    const AdviesItem* b = vind(c, "communicatie.buikpijn-expliciet");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->tekst, "Over woninginbraak hebben bewoners buikpijn; communiceer er terughoudend over.");
    EXPECT_NE(vind(c, "framing.frame-onbekend"), nullptr);
}

TEST_F(RaadplegingTest, UitlegVolgtDeAfleiding) {
    const Advies a = advies(stap2_profiel, Opdracht::advies, true);
    const AdviesItem* w = vind(a, "informatie.kwalitatief-ontbreekt");
    ASSERT_NE(w, nullptr);
    ASSERT_TRUE(w->uitleg);
    EXPECT_EQ(w->uitleg->regel, "informatie.kwalitatief-ontbreekt");
    bool gemeente = false;
    for (const auto& p : w->uitleg->premissen)
        if (p.feit.find("gemeente(") == 0 && p.regel.empty()) gemeente = p.herkomst == Uitleg::Herkomst::profiel;
    EXPECT_TRUE(gemeente) << "the gemeente fact is a premise from the profile";
    // A derived premise carries its own derivation down to a knowledge-base fact.
    const Advies b = advies("gemeente: {naam: X}\nbronnen: [{id: straatgesprekken}]\ncommunicatie:\n  boodschappen:\n"
                            "    - {onderwerp: inbraak, buikpijn: ja, aanpak: expliciet}\n",
                            Opdracht::advies, true);
    const AdviesItem* c = vind(b, "communicatie.buikpijn-expliciet");
    ASSERT_NE(c, nullptr);
    ASSERT_TRUE(c->uitleg);
    ASSERT_EQ(c->uitleg->premissen.size(), 1u);
    EXPECT_EQ(c->uitleg->premissen[0].herkomst, Uitleg::Herkomst::profiel);
    EXPECT_EQ(c->uitleg->premissen[0].feit.rfind("boodschap(", 0), 0u);
    // A derived premise carries its own derivation, down to profile and knowledge-base facts.
    const AdviesItem* kw = vind(b, "informatie.kwalitatief-aanwezig");
    ASSERT_NE(kw, nullptr);
    ASSERT_TRUE(kw->uitleg);
    ASSERT_EQ(kw->uitleg->premissen.size(), 3u);
    const Uitleg& afgeleid = kw->uitleg->premissen[0];
    EXPECT_EQ(afgeleid.herkomst, Uitleg::Herkomst::regel);
    EXPECT_EQ(afgeleid.regel, "afleiding.kwalitatief");
    EXPECT_EQ(afgeleid.feit, "kwalitatieve_bron(nr: 1)");
    ASSERT_EQ(afgeleid.premissen.size(), 2u);
    EXPECT_EQ(afgeleid.premissen[0].herkomst, Uitleg::Herkomst::profiel);
    EXPECT_EQ(afgeleid.premissen[1].herkomst, Uitleg::Herkomst::kennisbank);
    EXPECT_EQ(afgeleid.premissen[1].feit.rfind("bronsoort(id: straatgesprekken", 0), 0u);
    EXPECT_EQ(kw->uitleg->premissen[2].herkomst, Uitleg::Herkomst::kennisbank);
    bool k = false;
    for (const auto& [naam, waarde] : w->uitleg->bindingen)
        if (naam == "?k") k = waarde == "2";
    EXPECT_TRUE(k);
    // In json the chain is an extra key.
    OpmaakOpties o;
    o.uitleg = true;
    const auto j = nlohmann::json::parse(als_json(a, o));
    bool gevonden = false;
    for (const auto& x : j["adviezen"])
        if (x["id"] == "informatie.kwalitatief-ontbreekt") gevonden = x["uitleg"]["regel"] == "informatie.kwalitatief-ontbreekt";
    EXPECT_TRUE(gevonden);
    // Without --uitleg nothing is recorded.
    for (const auto& x : advies(stap2_profiel).adviezen) EXPECT_FALSE(x.uitleg);
}

TEST_F(RaadplegingTest, OnbekendeIdGeeftFoutMetWoordenschatVanDeKennisbank) {
    auto p = lees_profiel_tekst("gemeente: {naam: X}\nbronnen: [{id: sfeerverhalen}]\n", "p.yaml", r_->vocabulaire(),
                                Opdracht::advies);
    ASSERT_EQ(p.fouten.size(), 1u);
        // The test knowledge base has three sources, so the message lists them.
    EXPECT_EQ(p.fouten[0].message, "onbekende bron 'sfeerverhalen' in 'bronnen[1].id'; kies veiligheidsmonitor, "
                                   "meldingen of straatgesprekken");
}

TEST(Raadpleging, KennisbankZonderInvoertemplatesWordtGeweigerd) {
    std::vector<SourceFile> bestanden;
    bestanden.emplace_back("kaal.yaml", "templates:\n  gemeente:\n    slots: {naam: string}\n");
    Kennisbank kb("kaal", RuleBase::load_sources(std::move(bestanden)));
    try {
        Raadpleging r(kb);
        FAIL() << "expected InvoerFout";
    } catch (const InvoerFout& e) {
        ASSERT_FALSE(e.fouten.empty());
        bool drijfveer = false, inwoners = false;
        for (const auto& f : e.fouten) {
            drijfveer |= f.message.find("template 'drijfveer'") != std::string::npos;
            inwoners |= f.message.find("slot 'inwoners'") != std::string::npos;
        }
        EXPECT_TRUE(drijfveer);
        EXPECT_TRUE(inwoners);
    }
}

// The reader names slots by their place in invoer.hpp; the knowledge base may order a template's
// slots otherwise, add slots of its own (which keep their default) and leave out `nr`.
TEST(Raadpleging, ProfielfeitenVolgenDeSlotsVanDeKennisbank) {
    std::string invoer = test::lees_bestand(std::string(WW_KB_SOURCE_DIR) + "/invoer.yaml");
    auto vervang = [&](const std::string& oud, const std::string& nieuw) {
        const auto i = invoer.find(oud);
        ASSERT_NE(i, std::string::npos) << oud;
        invoer.replace(i, oud.size(), nieuw);
    };
    vervang("  gemeente:\n    slots:\n      naam: string\n      inwoners: {type: int, nullable: true}\n",
            "  gemeente:\n    slots:\n      regio: {type: symbol, default: onbekend}\n"
            "      inwoners: {type: int, nullable: true}\n      naam: string\n");
    vervang("  meting:\n    slots:\n      nr: int\n      indicator: symbol\n",
            "  meting:\n    slots:\n      indicator: symbol\n");
    std::vector<SourceFile> bestanden;
    bestanden.emplace_back("invoer.yaml", invoer);
    const std::string vocabulaire = std::string(WW_TEST_DATA) + "/vocabulaire.yaml";
    bestanden.emplace_back(vocabulaire, test::lees_bestand(vocabulaire));
    Kennisbank kb("herschikt", RuleBase::load_sources(std::move(bestanden)));
    Raadpleging r(kb);
    auto p = lees_profiel_tekst("gemeente: {naam: Oost, inwoners: 1200}\n"
                                "metingen: [{indicator: overlast, waarde: 12, jaar: 2024}, {indicator: onveilig_buurt, waarde: 7}]\n",
                                "p.yaml", r.vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(p.invoer);
    for (int keer = 0; keer < 2; ++keer) {  // the second time over the slots of the rolled-back facts
        r.draai(*p.invoer);
        const Engine& e = r.engine();
        auto slot = [&](const Fact& f, std::string_view naam) {
            const int i = e.template_def(f.tmpl).slot_index(naam);
            EXPECT_GE(i, 0) << naam;
            return i < 0 ? Value() : f.slots[static_cast<std::size_t>(i)];
        };
        const auto gemeenten = e.facts_of(*e.find_template("gemeente"));
        ASSERT_EQ(gemeenten.size(), 1u);
        EXPECT_EQ(slot(*gemeenten[0], "naam"), Value::string("Oost"));
        EXPECT_EQ(slot(*gemeenten[0], "inwoners"), Value(1200));
        EXPECT_EQ(slot(*gemeenten[0], "regio"), Value::symbol("onbekend"));
        const auto metingen = e.facts_of(*e.find_template("meting"));
        ASSERT_EQ(metingen.size(), 2u);
        EXPECT_EQ(e.template_def(metingen[0]->tmpl).slot_index("nr"), -1);
        EXPECT_EQ(slot(*metingen[0], "indicator"), Value::symbol("overlast"));
        EXPECT_EQ(slot(*metingen[0], "waarde"), Value(12.0));
        EXPECT_EQ(slot(*metingen[0], "jaar"), Value(2024));
        EXPECT_EQ(slot(*metingen[1], "indicator"), Value::symbol("onveilig_buurt"));
        EXPECT_TRUE(slot(*metingen[1], "jaar").is_nil());
    }
}

}  // namespace
}  // namespace ww::advies

namespace ww::advies {
namespace {

// The errors of a consultation with one extra rule `id` (in kapot.yaml) whose action is `actie`;
// empty when the consultation succeeded.
std::vector<Fout> fouten_met_regel(const std::string& id, const std::string& actie) {
    std::vector<SourceFile> extra;
    extra.emplace_back("kapot.yaml", "rules:\n  - id: " + id + "\n    source: \"x\"\n    when: [\"gemeente(naam: ?g)\"]\n"
                                     "    then: [\"" + actie + "\"]\n");
    auto kb = test::test_kennisbank(std::move(extra));
    Raadpleging r(*kb);
    auto p = lees_profiel_tekst("gemeente: {naam: X}\n", "p.yaml", r.vocabulaire(), Opdracht::advies);
    if (!p.invoer) throw std::logic_error("het testprofiel is ongeldig");
    try {
        r.raadpleeg(*p.invoer, Opdracht::advies);
    } catch (const InvoerFout& e) {
        return e.fouten;
    }
    return {};
}

TEST(Raadpleging, RecordBuitenHetContractWijstNaarDeRegel) {
    const auto fouten = fouten_met_regel("kapot.onderwerp", "emit advies(soort: actie, stap: 1, onderwerp: zwembad, prioriteit: 1, "
                                                            "tekst: \\\"x\\\", factoren: [], onderbouwing: [])");
    ASSERT_EQ(fouten.size(), 1u);
    EXPECT_EQ(fouten[0].file, "kapot.yaml");
    EXPECT_EQ(fouten[0].line, 2);
    EXPECT_EQ(fouten[0].message, "regel 'kapot.onderwerp' zendt een advies-record uit dat niet aan het contract "
                                 "voldoet: onderwerp 'zwembad' staat niet in de lijst van het contract");
}

// Soort and status are checked against the words of the contract (as atoms); a word outside it
// is named in the error, whether it came as a symbol or as a text.
TEST(Raadpleging, SoortEnStatusBuitenHetContract) {
    const std::pair<std::string, std::string> gevallen[] = {
        {"emit advies(soort: advies, stap: 1, onderwerp: drijfveer, prioriteit: 1, tekst: \\\"x\\\")",
         "advies-record uit dat niet aan het contract voldoet: soort 'advies' is niet actie, waarschuwing of info"},
        {"emit advies(soort: \\\"info\\\", stap: 1, onderwerp: 3, prioriteit: 1, tekst: \\\"x\\\")",
         "advies-record uit dat niet aan het contract voldoet: veld 'onderwerp' is geheel getal, verwacht een woord"},
        {"emit stap(stap: 2, status: \\\"klaar\\\")",
         "stap-record uit dat niet aan het contract voldoet: status 'klaar' is niet afgerond, bezig of open"},
    };
    for (const auto& [actie, melding] : gevallen) {
        const auto fouten = fouten_met_regel("kapot.woord", actie);
        ASSERT_EQ(fouten.size(), 1u) << actie;
        EXPECT_EQ(fouten[0].message, "regel 'kapot.woord' zendt een " + melding) << actie;
    }
}

}  // namespace
}  // namespace ww::advies

namespace ww::advies {
namespace {

TEST(Raadpleging, BoodschaprecordBuitenHetContract) {
    const std::pair<std::string, std::string> gevallen[] = {
        {"emit boodschap(nr: 1, onderwerp: \\\"x\\\", buikpijn: ja, aanpak: expliciet, oordeel: goed, toelichting: \\\"t\\\")",
         "oordeel 'goed' is niet passend, botst, onbekend of tegenstrijdig"},
        {"emit boodschap(nr: 1, onderwerp: \\\"x\\\", buikpijn: soms, aanpak: expliciet, oordeel: botst, toelichting: \\\"t\\\")",
         "buikpijn 'soms' is niet ja, nee of onbekend"},
        {"emit boodschap(nr: 1, onderwerp: \\\"x\\\", buikpijn: ja, aanpak: expliciet, oordeel: botst)",
         "veld 'toelichting' ontbreekt"},
        // The test profile has no messages.
        {"emit boodschap(nr: 1, onderwerp: \\\"x\\\", buikpijn: ja, aanpak: expliciet, oordeel: botst, toelichting: \\\"t\\\")",
         "het profiel heeft geen boodschap 1"},
    };
    for (const auto& [actie, melding] : gevallen) {
        const auto fouten = fouten_met_regel("kapot.oordeel", actie);
        ASSERT_EQ(fouten.size(), 1u) << actie;
        EXPECT_EQ(fouten[0].message,
                  "regel 'kapot.oordeel' zendt een boodschap-record uit dat niet aan het contract voldoet: " + melding)
            << actie;
        EXPECT_EQ(fouten[0].file, "kapot.yaml");
    }
}

// Advice of equal urgency in the order the rules are written, not by id.
TEST(Raadpleging, WerkvolgordeVanDeRegels) {
    std::vector<SourceFile> extra;
    std::string regels = "rules:\n";
    for (const char* id : {"zz.eerst", "aa.daarna"})
        regels += fmt::format("  - id: {}\n    source: \"x\"\n    when: [\"gemeente(naam: ?g)\"]\n    then: ['emit "
                              "advies(soort: info, stap: 4, onderwerp: smart, prioriteit: 9, tekst: \"{}\", factoren: [], "
                              "onderbouwing: [])']\n",
                              id, id);
    extra.emplace_back("volgorde.yaml", regels);
    auto kb = test::test_kennisbank(std::move(extra));
    Raadpleging r(*kb);
    auto p = lees_profiel_tekst("gemeente: {naam: X}\n", "p.yaml", r.vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(p.invoer);
    const Advies& a = r.raadpleeg(*p.invoer, Opdracht::advies);
    std::vector<std::string> ids;
    for (const auto& x : a.adviezen)
        if (x.prioriteit == 9) ids.push_back(x.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"zz.eerst", "aa.daarna"}));
}

// The bundled knowledge base: its manifest and content key in every advice, and a verdict per message.
class MeegeleverdeKennisbank : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        kb_ = Kennisbank::laad(WW_KB_SOURCE_DIR).release();
        r_ = new Raadpleging(*kb_);
    }
    static void TearDownTestSuite() {
        delete r_;
        delete kb_;
    }
    static const Advies& advies(const std::string& profiel, Opdracht opdracht) {
        auto p = lees_profiel_tekst(profiel, "p.yaml", r_->vocabulaire(), opdracht);
        if (!p.invoer) throw std::logic_error(p.fouten[0].message);
        return r_->raadpleeg(*p.invoer, opdracht);
    }
    static Kennisbank* kb_;
    static Raadpleging* r_;
};
Kennisbank* MeegeleverdeKennisbank::kb_ = nullptr;
Raadpleging* MeegeleverdeKennisbank::r_ = nullptr;

TEST_F(MeegeleverdeKennisbank, HerkomstVanHetAdvies) {
    const Advies& a = advies("gemeente: {naam: X}\n", Opdracht::advies);
    EXPECT_EQ(a.herkomst.programma, programma());
    EXPECT_EQ(a.herkomst.programma.rfind("wegwijzer ", 0), 0u);
    ASSERT_TRUE(a.herkomst.naam);
    EXPECT_EQ(*a.herkomst.naam, "CCV Stappenplan Veiligheidsbeleving");
    ASSERT_TRUE(a.herkomst.versie);
    EXPECT_EQ(a.herkomst.sleutel.size(), 16u);
    EXPECT_EQ(a.herkomst.sleutel.find_first_not_of("0123456789abcdef"), std::string::npos);
    // The same knowledge base read again, with or without the image cache, has the same key.
    EXPECT_EQ(fmt::format("{:016x}", RuleBase::load(WW_KB_SOURCE_DIR).content_key()), a.herkomst.sleutel);
    EXPECT_TRUE(a.boodschappen.empty());
}

TEST_F(MeegeleverdeKennisbank, EenOordeelPerBoodschap) {
    const Advies& a = advies(R"(gemeente: {naam: Plandam}
communicatie:
  boodschappen:
    - {onderwerp: woninginbraak, buikpijn: ja, aanpak: terughoudend}
    - {onderwerp: fietsendiefstal, buikpijn: nee, aanpak: terughoudend}
    - {onderwerp: straatverlichting, buikpijn: onbekend, aanpak: expliciet}
    - {onderwerp: Woninginbraak, buikpijn: ja, aanpak: expliciet}
    - {onderwerp: drugsoverlast, buikpijn: ja}
    - {onderwerp: vuurwerk, buikpijn: nee, aanpak: expliciet}
)",
                             Opdracht::communicatie);
    EXPECT_EQ(a.opdracht, Opdracht::communicatie);
    std::vector<std::string> oordelen;
    for (const auto& b : a.boodschappen) oordelen.push_back(fmt::format("{} {} {}", b.nr, b.onderwerp, b.oordeel));
    EXPECT_EQ(oordelen, (std::vector<std::string>{"1 woninginbraak tegenstrijdig", "2 fietsendiefstal passend",
                                                  "3 straatverlichting onbekend", "4 Woninginbraak tegenstrijdig",
                                                  "5 drugsoverlast onbekend", "6 vuurwerk botst"}));
    // Only what differs is named: both say buikpijn ja, the aanpak differs.
    EXPECT_EQ(a.boodschappen[0].toelichting.find("Boodschap 4 gaat ook over dit onderwerp, maar kiest een expliciete aanpak "
                                                 "(hier: terughoudend)"),
              0u)
        << a.boodschappen[0].toelichting;
    EXPECT_EQ(a.boodschappen[4].aanpak, "onbekend");
    // The same in an advies on the whole profile.
    const Advies& b = advies("gemeente: {naam: Plandam}\ncommunicatie:\n  boodschappen:\n"
                             "    - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}\n",
                             Opdracht::advies);
    ASSERT_EQ(b.boodschappen.size(), 1u);
    EXPECT_EQ(b.boodschappen[0].oordeel, "passend");
    EXPECT_NE(b.boodschappen[0].toelichting.find("meestal"), std::string::npos);
}

// Stap 1 open (the bestuur does not share the drijfveer), the work of stappen 2 and 3 done: they are 'bezig' in the
// JSON, as the contract has it, and the human formats say that their work is done and what they wait for.
TEST_F(MeegeleverdeKennisbank, EenStapDieWachtZegtDatZijnWerkGedaanIs) {
    const Advies& a = advies(R"(gemeente: {naam: Grevenmaar}
drijfveer: {bepaald: true, soort: vergelijking, gedeeld_met_bestuur: false}
metingen:
  - {indicator: onveilig_buurt, waarde: 19.0, vergelijkbaar: 14.0, jaar: 2025}
  - {indicator: vermijdingsgedrag, waarde: 13.0, vergelijkbaar: 9.0, jaar: 2025}
bronnen: [{id: veiligheidsmonitor}, {id: meldingen, partner: politie}, {id: interviews-sleutelfiguren}, {id: schouwen}]
informatie: {ontbrekend_bepaald: true}
analyse: {uitgevoerd: true, vragen: [wie, waar, wanneer, waarom, waarvoor], problematisch: ja,
          factoren: [schurende-leefstijlen, sociale-verbondenheid, toezicht], rapportage: true}
communicatie: {frame: veiligheid, effect_onderzocht: true}
)",
                             Opdracht::advies);
    ASSERT_EQ(a.huidige_stap, 1);
    EXPECT_EQ(a.stappen[0].status, Status::bezig);
    EXPECT_FALSE(a.stappen[0].voldaan);
    EXPECT_TRUE(a.stappen[1].voldaan);
    EXPECT_TRUE(a.stappen[2].voldaan);
    EXPECT_FALSE(a.stappen[3].voldaan);
    const std::string tekst = als_tekst(a, {});
    EXPECT_NE(tekst.find("Haal informatie op                 bezig (werk gedaan, wacht op stap 1)"), std::string::npos) << tekst;
    EXPECT_NE(tekst.find("Maak de analyse                    bezig (werk gedaan, wacht op stap 1)"), std::string::npos) << tekst;
    EXPECT_EQ(tekst.find("Tijd voor beleidsmatige actie      bezig ("), std::string::npos) << tekst;
    EXPECT_EQ(tekst.find("Tijd voor beleidsmatige actie      open ("), std::string::npos) << tekst;
    EXPECT_NE(als_markdown(a, {}).find("| 2 | Haal informatie op | bezig (werk gedaan, wacht op stap 1) |"), std::string::npos);
    EXPECT_NE(als_html(a, {}, {}).find("bezig (werk gedaan, wacht op stap 1)</td>"), std::string::npos);
    const std::string json = als_json(a, {});
    EXPECT_EQ(json.find("werk gedaan"), std::string::npos);
    EXPECT_NE(json.find("\"stap\": 2,\n        \"naam\": \"Haal informatie op\",\n        \"status\": \"bezig\"\n"),
              std::string::npos)
        << json;
}

}  // namespace
}  // namespace ww::advies
