// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <algorithm>

#include "advies/kennisbank.hpp"
#include "advies/profiel_lezer.hpp"

namespace ww::advies {
namespace {

Vocabulaire test_vocabulaire() {
    Vocabulaire v;
    v.factoren = {"toezicht", "verloedering", "nazorg"};
    v.bronnen = {"veiligheidsmonitor", "meldingen", "straatgesprekken"};
    v.indicatoren = {"onveilig_buurt", "overlast", "oordeel_gemeente"};
    return v;
}

ProfielResultaat lees(const std::string& tekst, Opdracht opdracht = Opdracht::advies) {
    static const Vocabulaire v = test_vocabulaire();
    return lees_profiel_tekst(tekst, "p.yaml", v, opdracht);
}

// "LINE:COL: MESSAGE" of every problem, for exact comparisons.
std::vector<std::string> meldingen(const ProfielResultaat& r) {
    std::vector<std::string> uit;
    for (const auto& f : r.fouten) uit.push_back(std::to_string(f.line) + ":" + std::to_string(f.col) + ": " + f.message);
    return uit;
}

std::vector<const InvoerFeit*> feiten(const Invoer& in, std::string_view tmpl) {
    std::vector<const InvoerFeit*> uit;
    for (const auto& f : in.feiten)
        if (f.naam() == tmpl) uit.push_back(&f);
    return uit;
}

Value slot(const InvoerFeit& f, std::string_view naam) {
    const auto& slots = vorm_van(f.sjabloon).slots;
    for (std::size_t plaats = 0; plaats < slots.size(); ++plaats)
        if (slots[plaats] == naam) return f.waarden().at(plaats);
    ADD_FAILURE() << "slot " << naam << " ontbreekt in " << f.naam();
    return Value();
}

const char* volledig = R"(versie: 1
gemeente:
  naam: Voorbeeldstad
  inwoners: 85000
drijfveer: {bepaald: true, soort: vergelijking, gedeeld_met_bestuur: false}
metingen:
  - {indicator: onveilig_buurt, waarde: 21.0, vergelijkbaar: 15, gebied: Noord, jaar: 2023}
  - {indicator: overlast, waarde: 30}
bronnen:
  - id: veiligheidsmonitor
  - {id: straatgesprekken, partner: politie}
analyse:
  vragen: [wie, waar]
  factoren: [toezicht, nazorg]
communicatie:
  boodschappen:
    - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}
beleid:
  smart: {gekozen: true, indicator: overlast, daling_pct: 10, termijn_jaren: 4}
  acties:
    - {naam: Buurtschouw, factor: verloedering}
evaluatie:
  aspecten: [effect]
)";

TEST(ProfielLezer, VolledigProfielGeeftDeFeitenVanHetContract) {
    auto r = lees(volledig);
    ASSERT_TRUE(r.fouten.empty()) << meldingen(r)[0];
    ASSERT_TRUE(r.invoer);
    const Invoer& in = *r.invoer;
    EXPECT_EQ(in.gemeente, "Voorbeeldstad");

    auto g = feiten(in, "gemeente");
    ASSERT_EQ(g.size(), 1u);
    EXPECT_EQ(slot(*g[0], "naam"), Value::string("Voorbeeldstad"));
    EXPECT_EQ(slot(*g[0], "inwoners"), Value(85000));

    auto m = feiten(in, "meting");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(slot(*m[0], "nr"), Value(1));
    EXPECT_EQ(slot(*m[0], "gebied"), Value::string("Noord"));
    EXPECT_EQ(slot(*m[0], "vergelijkbaar"), Value(15.0));
    EXPECT_EQ(slot(*m[1], "nr"), Value(2));
    EXPECT_EQ(slot(*m[1], "indicator"), Value::symbol("overlast"));
    EXPECT_TRUE(slot(*m[1], "vorige").is_nil());
    EXPECT_EQ(slot(*m[1], "gebied"), Value::string(""));

    auto b = feiten(in, "bron");
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(slot(*b[0], "partner"), Value::symbol("gemeente"));  // the contract's default
    EXPECT_EQ(slot(*b[1], "partner"), Value::symbol("politie"));

    EXPECT_EQ(feiten(in, "analysevraag").size(), 2u);
    auto f = feiten(in, "gekozen_factor");
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(slot(*f[1], "factor"), Value::symbol("nazorg"));
    EXPECT_EQ(slot(*f[1], "nr"), Value(2));

    auto s = feiten(in, "smart");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(slot(*s[0], "gekozen"), Value(true));
    EXPECT_EQ(slot(*s[0], "daling_pct"), Value(10.0));

    auto a = feiten(in, "actie");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(slot(*a[0], "naam"), Value::string("Buurtschouw"));
    EXPECT_EQ(slot(*a[0], "factor"), Value::symbol("verloedering"));

    // Sections present, including beleid.smart; ivp and informatie absent.
    std::vector<std::string> secties;
    for (const auto* x : feiten(in, "sectie")) secties.push_back(std::string(slot(*x, "naam").as_text()));
    EXPECT_EQ(secties, (std::vector<std::string>{"gemeente", "drijfveer", "metingen", "bronnen", "analyse",
                                                 "communicatie", "beleid", "evaluatie", "drijfveer_gedeeld", "drijfveer_bepaald",
                                                 "analyse_vragen", "smart", "smart_gekozen"}));
    auto modus = feiten(in, "modus");
    ASSERT_EQ(modus.size(), 1u);
    EXPECT_EQ(slot(*modus[0], "opdracht"), Value::symbol("advies"));
}

// A drijfveer without gedeeld_met_bestuur is "not known yet": no sectie says it was given, so the advice
// does not report it as "not shared".
TEST(ProfielLezer, GedeeldMetBestuurAlleenAlsSectieAlsHetErStaat) {
    auto zonder = lees("gemeente: {naam: Testdorp}\ndrijfveer: {bepaald: true, soort: leren}\n");
    ASSERT_TRUE(zonder.invoer) << meldingen(zonder)[0];
    for (const auto* x : feiten(*zonder.invoer, "sectie")) EXPECT_NE(slot(*x, "naam"), Value::symbol("drijfveer_gedeeld"));
    auto met = lees("gemeente: {naam: Testdorp}\ndrijfveer: {bepaald: true, gedeeld_met_bestuur: false}\n");
    ASSERT_TRUE(met.invoer) << meldingen(met)[0];
    bool gezien = false;
    for (const auto* x : feiten(*met.invoer, "sectie")) gezien = gezien || slot(*x, "naam") == Value::symbol("drijfveer_gedeeld");
    EXPECT_TRUE(gezien);
}

// Without analyse.vragen the profile does not say which questions are answered; an empty list says none is.
TEST(ProfielLezer, AnalyseVragenAlleenAlsSectieAlsZeErStaan) {
    auto heeft = [](const Invoer& in) {
        bool gezien = false;
        for (const auto* x : feiten(in, "sectie")) gezien = gezien || slot(*x, "naam") == Value::symbol("analyse_vragen");
        return gezien;
    };
    auto zonder = lees("gemeente: {naam: Testdorp}\nanalyse: {uitgevoerd: true}\n");
    ASSERT_TRUE(zonder.invoer) << meldingen(zonder)[0];
    EXPECT_FALSE(heeft(*zonder.invoer));
    auto leeg = lees("gemeente: {naam: Testdorp}\nanalyse: {uitgevoerd: true, vragen: []}\n");
    ASSERT_TRUE(leeg.invoer) << meldingen(leeg)[0];
    EXPECT_TRUE(heeft(*leeg.invoer));
    EXPECT_TRUE(feiten(*leeg.invoer, "analysevraag").empty());
}

// Without beleid.ivp.prioritaire_factoren the profile does not say which factors the IVP puts first ("niet
// vastgelegd"); an empty list says it puts none first ("geen").
TEST(ProfielLezer, IvpPrioriteitenAlleenAlsSectieAlsZeErStaan) {
    auto heeft = [](const Invoer& in) {
        bool gezien = false;
        for (const auto* x : feiten(in, "sectie")) gezien = gezien || slot(*x, "naam") == Value::symbol("ivp_prioritaire_factoren");
        return gezien;
    };
    auto zonder = lees("gemeente: {naam: Testdorp}\nbeleid: {ivp: {opgenomen: true}}\n");
    ASSERT_TRUE(zonder.invoer) << meldingen(zonder)[0];
    EXPECT_FALSE(heeft(*zonder.invoer));
    auto leeg = lees("gemeente: {naam: Testdorp}\nbeleid: {ivp: {opgenomen: true, prioritaire_factoren: []}}\n");
    ASSERT_TRUE(leeg.invoer) << meldingen(leeg)[0];
    EXPECT_TRUE(heeft(*leeg.invoer));
    EXPECT_TRUE(feiten(*leeg.invoer, "ivp_prioriteit").empty());
    auto met = lees("gemeente: {naam: Testdorp}\nbeleid: {ivp: {prioritaire_factoren: [toezicht]}}\n");
    ASSERT_TRUE(met.invoer) << meldingen(met)[0];
    EXPECT_TRUE(heeft(*met.invoer));
    EXPECT_EQ(feiten(*met.invoer, "ivp_prioriteit").size(), 1u);
    // A key without a value says nothing (review of session 33): not "geen".
    auto zonder_waarde = lees("gemeente: {naam: Testdorp}\nbeleid:\n  ivp:\n    opgenomen: true\n    prioritaire_factoren:\n");
    ASSERT_TRUE(zonder_waarde.invoer) << meldingen(zonder_waarde)[0];
    EXPECT_FALSE(heeft(*zonder_waarde.invoer));
}

// A relative rise beyond tenfold is no target on a percentage; an absurd one is the profile's own error.
TEST(ProfielLezer, StijgingHeeftEenBovengrens) {
    EXPECT_TRUE(lees("gemeente: {naam: X}\nbeleid:\n  smart: {stijging_pct: 1000}\n").fouten.empty());
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleid:\n  smart: {stijging_pct: 1e300}\n")),
              (std::vector<std::string>{"3:25: 'beleid.smart.stijging_pct' moet groter dan 0 en hoogstens 1.000 zijn, niet 1e300"}));
}

TEST(ProfielLezer, OntbrekendeSectiesGevenStandaardfeiten) {
    auto r = lees("gemeente: {naam: Testdorp}\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    // One fact each of the always-asserted templates, with defaults.
    for (const char* t : {"gemeente", "drijfveer", "informatie", "analyse", "communicatie", "beleid", "smart", "ivp",
                          "evaluatie", "modus"})
        EXPECT_EQ(feiten(*r.invoer, t).size(), 1u) << t;
    auto d = feiten(*r.invoer, "drijfveer");
    EXPECT_EQ(slot(*d[0], "bepaald"), Value(false));
    EXPECT_EQ(slot(*d[0], "soort"), Value::symbol("onbekend"));
    EXPECT_TRUE(slot(*feiten(*r.invoer, "gemeente")[0], "inwoners").is_nil());
    EXPECT_TRUE(slot(*feiten(*r.invoer, "smart")[0], "indicator").is_nil());
    EXPECT_EQ(slot(*feiten(*r.invoer, "analyse")[0], "problematisch"), Value::symbol("onbekend"));
    ASSERT_EQ(feiten(*r.invoer, "sectie").size(), 1u);
    EXPECT_TRUE(feiten(*r.invoer, "meting").empty());
}

// An absent section's facts are read once per process and copied after that (ProfielLezer::sectie):
// they must be those of the same section written empty, which is read key by key every time, and
// stay so from read to read, with or without other sections beside them.
TEST(ProfielLezer, AfwezigeSectieGeeftDezelfdeFeitenAlsEenLege) {
    const std::string gemeente = "gemeente:\n  naam: Voorbeeldstad\n";
    const std::string leeg = gemeente +
                             "drijfveer: {}\nmetingen: []\nbronnen: []\ninformatie: {}\nanalyse: {}\ncommunicatie: {}\n"
                             "beleid: {}\nevaluatie: {}\n";
    const std::vector<std::string> sectienamen = {"gemeente",   "drijfveer",    "metingen", "bronnen",  "informatie",
                                                  "analyse",    "communicatie", "beleid",   "evaluatie"};
    // The facts without the `sectie` facts of the keys written (present, even empty).
    const auto zonder_secties = [&](const Invoer& in) {
        std::vector<const InvoerFeit*> uit;
        for (const auto& f : in.feiten) {
            const bool sectienaam =
                f.sjabloon == InvoerSjabloon::sectie &&
                std::find(sectienamen.begin(), sectienamen.end(), f.waarden().at(0).as_text()) != sectienamen.end();
            if (!sectienaam) uit.push_back(&f);
        }
        return uit;
    };
    for (const Opdracht opdracht : {Opdracht::advies, Opdracht::communicatie, Opdracht::advies}) {
        for (int keer = 0; keer < 2; ++keer) {
            const auto afwezig = lees(gemeente, opdracht);
            const auto geschreven = lees(leeg, opdracht);
            ASSERT_TRUE(afwezig.invoer && geschreven.invoer);
            const auto a = zonder_secties(*afwezig.invoer);
            const auto g = zonder_secties(*geschreven.invoer);
            ASSERT_EQ(a.size(), g.size());
            // drijfveer, informatie, analyse, communicatie, beleid, smart, ivp, evaluatie and more
            EXPECT_GE(a.size(), 9u);
            for (std::size_t i = 0; i < a.size(); ++i) {
                EXPECT_EQ(a[i]->sjabloon, g[i]->sjabloon) << i;
                EXPECT_EQ(a[i]->waarden(), g[i]->waarden()) << i << " " << a[i]->naam();
            }
        }
    }
    // Between present sections, in the profile's order of reading.
    const auto tussen = lees(gemeente + "analyse:\n  uitgevoerd: true\n");
    ASSERT_TRUE(tussen.invoer);
    std::vector<std::string_view> namen;
    for (const auto& f : tussen.invoer->feiten)
        if (f.sjabloon != InvoerSjabloon::sectie) namen.push_back(f.naam());
    const std::vector<std::string_view> verwacht = {"gemeente", "drijfveer", "informatie", "analyse", "communicatie",
                                                    "beleid",   "smart",     "ivp",        "evaluatie", "modus"};
    EXPECT_EQ(namen, verwacht);
    EXPECT_EQ(slot(*feiten(*tussen.invoer, "analyse")[0], "uitgevoerd"), Value(true));
}

TEST(ProfielLezer, LegeWaardeIsNietOpgegeven) {
    auto r = lees("gemeente: {naam: Testdorp, inwoners: }\ndrijfveer:\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    EXPECT_TRUE(slot(*feiten(*r.invoer, "gemeente")[0], "inwoners").is_nil());
    // An empty section is still a section that was written.
    EXPECT_EQ(feiten(*r.invoer, "sectie").size(), 2u);
}

TEST(ProfielLezer, JsonWordtGelezen) {
    auto r = lees(R"({"gemeente": {"naam": "Jsonstad", "inwoners": 1200}, "bronnen": [{"id": "meldingen"}]})");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    EXPECT_EQ(r.invoer->gemeente, "Jsonstad");
    EXPECT_EQ(feiten(*r.invoer, "bron").size(), 1u);
}

TEST(ProfielLezer, GemeenteOntbreekt) {
    auto r = lees("drijfveer: {bepaald: true}\n");
    EXPECT_FALSE(r.invoer);
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
                                "1:1: sectie 'gemeente' ontbreekt; elk profiel noemt minstens 'gemeente: {naam: ...}'"}));
}

TEST(ProfielLezer, NaamOntbreektOfIsLeeg) {
    EXPECT_EQ(meldingen(lees("gemeente:\n  inwoners: 5\n")),
              (std::vector<std::string>{"2:3: 'gemeente.naam' ontbreekt; de naam van de gemeente is verplicht"}));
    EXPECT_EQ(meldingen(lees("gemeente:\n  naam: \"  \"\n")),
              (std::vector<std::string>{"2:3: 'gemeente.naam' mag niet leeg zijn"}));
}

// A message topic or an action name of only spaces names nothing: refused where it stands, as the
// gemeente's name is (the schema says the same with minLength and a pattern).
TEST(ProfielLezer, OnderwerpEnActienaamNietLeeg) {
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\ncommunicatie:\n  boodschappen:\n    - {onderwerp: \" \\t\", buikpijn: ja}\n"
                             "beleid:\n  acties:\n    - {naam: \"  \", factor: toezicht}\n")),
              (std::vector<std::string>{"4:8: 'communicatie.boodschappen[1].onderwerp' mag niet leeg zijn",
                                        "7:8: 'beleid.acties[1].naam' mag niet leeg zijn"}));
    // Spaces around a real topic are only trimmed.
    EXPECT_TRUE(meldingen(lees("gemeente: {naam: X}\ncommunicatie:\n  boodschappen:\n    - {onderwerp: \" Inbraak \"}\n")).empty());
}

TEST(ProfielLezer, OnbekendeSleutelMetSuggestie) {
    auto r = lees("gemeente:\n  naam: X\n  inwonrs: 5\n");
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{"3:3: onbekende sleutel 'inwonrs' in 'gemeente'; bedoelde je 'inwoners'?"}));
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleidd: {}\n")),
              (std::vector<std::string>{"2:1: onbekende sectie 'beleidd'; bedoelde je 'beleid'?"}));
    // Nothing near: no suggestion.
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nzwembad: 3\n")),
              (std::vector<std::string>{"2:1: onbekende sectie 'zwembad'"}));
}

TEST(ProfielLezer, OnbekendeIdsUitDeWoordenschat) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n  - {indicator: onveilig_buur, waarde: 3}\n"
                  "bronnen:\n  - id: sfeerverhalen\nanalyse: {factoren: [toezcht]}\n");
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "3:17: onbekende indicator 'onveilig_buur' in 'metingen[1].indicator'; bedoelde je 'onveilig_buurt'?",
                  "5:9: onbekende bron 'sfeerverhalen' in 'bronnen[1].id'; kies veiligheidsmonitor, meldingen of "
                  "straatgesprekken",
                  "6:22: onbekende factor 'toezcht' in 'analyse.factoren[1]'; bedoelde je 'toezicht'?"}));
}

// A factor where an indicator belongs (a SMART target on 'toezicht') or an indicator where a factor belongs
// is a mix-up of kinds: the message says what the word is and what to use instead, not only the list.
TEST(ProfielLezer, FactorAlsIndicatorEnOmgekeerd) {
    Vocabulaire v = test_vocabulaire();
    v.factor_naam = {{"toezicht", "toezicht"}, {"nazorg", "nazorg na schokkende gebeurtenissen"}};
    v.indicator_naam = {{"onveilig_buurt", "het onveiligheidsgevoel in de eigen buurt"}, {"overlast", "de ervaren overlast"}};
    v.signalen = {{"overlast", "toezicht"}};
    auto r = lees_profiel_tekst("gemeente: {naam: X}\nmetingen:\n  - {indicator: nazorg, waarde: 3}\n"
                                "analyse: {factoren: [onveilig_buurt, overlast]}\n"
                                "beleid:\n  smart: {gekozen: true, indicator: toezicht}\n",
                                "p.yaml", v, Opdracht::advies);
    const auto m = meldingen(r);
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(m[0], "3:17: 'nazorg' in 'metingen[1].indicator' is een factor van de Tafel van 12 (nazorg na schokkende "
                    "gebeurtenissen), geen indicator: een indicator is een gemeten cijfer. Bij deze factor hoort geen eigen "
                    "indicator; kies een indicator die je meet, zoals onveilig_buurt (het onveiligheidsgevoel in de eigen "
                    "buurt). Zet de factor zelf in analyse.factoren en plan er acties op (beleid.acties).");
    EXPECT_EQ(m[1], "4:22: 'onveilig_buurt' in 'analyse.factoren[1]' is een indicator (het onveiligheidsgevoel in de eigen "
                    "buurt), geen factor van de Tafel van 12. Kies de factor waar het cijfer op wijst: toezicht, "
                    "verloedering of nazorg.");
    EXPECT_EQ(m[2], "4:38: 'overlast' in 'analyse.factoren[2]' is een indicator (de ervaren overlast), geen factor van de "
                    "Tafel van 12. Een ongunstig cijfer op deze indicator wijst op toezicht (toezicht).");
    EXPECT_EQ(m[3], "6:37: 'toezicht' in 'beleid.smart.indicator' is een factor van de Tafel van 12, geen indicator: een "
                    "indicator is een gemeten cijfer. Een ongunstig cijfer op overlast (de ervaren overlast) wijst op deze "
                    "factor; gebruik die als indicator. Zet de factor zelf in analyse.factoren en plan er acties op "
                    "(beleid.acties).");
}

// Topics that differ only in the white space around or inside them are one topic; the spelling stays.
TEST(ProfielLezer, OnderwerpZonderOverbodigeWitruimte) {
    auto r = lees("gemeente: {naam: X}\ncommunicatie:\n  boodschappen:\n"
                  "    - {onderwerp: \"  Jeugd   overlast \", buikpijn: ja}\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    auto b = feiten(*r.invoer, "boodschap");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(slot(*b[0], "onderwerp"), Value::string("Jeugd overlast"));
}

// The reader cuts the white space that the rule language's trim() cuts (engine/text_space.hpp), also the
// no-break space a word processor puts around a name: the knowledge base compares the names as they come.
TEST(ProfielLezer, NamenZonderHardeSpatie) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n"
                  "  - {indicator: overlast, waarde: 20, gebied: \"\u00a0Oud\u00a0 West\u00a0\", groep: \"65+\u202f\"}\n"
                  "communicatie:\n  boodschappen:\n    - {onderwerp: \"\u00a0Woninginbraak\u00a0\", buikpijn: ja}\n"
                  "beleid:\n  acties:\n    - {naam: Schouw, gebied: \"Oud West\u00a0\"}\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    auto m = feiten(*r.invoer, "meting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(slot(*m[0], "gebied"), Value::string("Oud West"));
    EXPECT_EQ(slot(*m[0], "groep"), Value::string("65+"));
    auto b = feiten(*r.invoer, "boodschap");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(slot(*b[0], "onderwerp"), Value::string("Woninginbraak"));
    auto a = feiten(*r.invoer, "actie");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(slot(*a[0], "gebied"), Value::string("Oud West"));
    // A topic of only no-break spaces names nothing, like one of only spaces.
    auto leeg = lees("gemeente: {naam: X}\ncommunicatie:\n  boodschappen:\n    - {onderwerp: \"\u00a0\u00a0\", buikpijn: ja}\n");
    EXPECT_EQ(meldingen(leeg), (std::vector<std::string>{"4:8: 'communicatie.boodschappen[1].onderwerp' mag niet leeg zijn"}));
}

// Which booleans of beleid and evaluatie the profile states: without the key, false is only the default.
TEST(ProfielLezer, GegevenBeleidssleutelsAlsSectie) {
    auto r = lees("gemeente: {naam: X}\nbeleid: {werkhouding_sessies: false, doel_benoemd: true}\n"
                  "evaluatie: {nulmeting: true}\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    std::vector<std::string> secties;
    for (const auto* x : feiten(*r.invoer, "sectie")) secties.push_back(std::string(slot(*x, "naam").as_text()));
    EXPECT_EQ(secties, (std::vector<std::string>{"gemeente", "beleid", "evaluatie", "beleid_doel_benoemd",
                                                 "beleid_werkhouding_sessies", "evaluatie_nulmeting"}));
}

// Without a near miss, the message lists every id of the vocabulary in its order, also when there are
// many (the Tafel van 12 has twelve factors).
TEST(ProfielLezer, OnbekendIdZonderBijnaNoemtDeGeldige) {
    Vocabulaire v = test_vocabulaire();
    v.factoren = {"signaalcriminaliteit", "verloedering", "schurende-leefstijlen", "spreken-over-veiligheid",
                  "sociale-verbondenheid", "invloed-en-perspectief", "gebouwde-omgeving", "toezicht"};
    auto r = lees_profiel_tekst("gemeente: {naam: X}\nbeleid: {acties: [{naam: A, factor: zwembad}]}\n", "p.yaml", v,
                                Opdracht::advies);
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
                                "2:37: onbekende factor 'zwembad' in 'beleid.acties[1].factor'; kies signaalcriminaliteit, "
                                "verloedering, schurende-leefstijlen, spreken-over-veiligheid, sociale-verbondenheid, "
                                "invloed-en-perspectief, gebouwde-omgeving of toezicht"}));
}

// A name cut short is suggested when one known name starts so; a start that many share, or a few
// letters, give the list. Capitals and a swapped pair of letters are near misses.
TEST(ProfielLezer, AfgekapteOfVerwisseldeNaamKrijgtEenSuggestie) {
    Vocabulaire v = test_vocabulaire();
    v.indicatoren = {"onveilig_buurt", "onveilig_algemeen", "vermijdingsgedrag", "overlast"};
    auto r = lees_profiel_tekst("gemeente: {naam: X}\nmetingen:\n  - {indicator: vermijding, waarde: 3}\n"
                                "  - {indicator: onveilig, waarde: 3}\n  - {indicator: verm, waarde: 3}\n"
                                "  - {indicator: Overlsat, waarde: 3}\n",
                                "p.yaml", v, Opdracht::advies);
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "3:17: onbekende indicator 'vermijding' in 'metingen[1].indicator'; bedoelde je 'vermijdingsgedrag'?",
                  "4:17: onbekende indicator 'onveilig' in 'metingen[2].indicator'; kies onveilig_buurt, onveilig_algemeen, "
                  "vermijdingsgedrag of overlast",
                  "5:17: onbekende indicator 'verm' in 'metingen[3].indicator'; bedoelde je 'vermijdingsgedrag'?",
                  "6:17: onbekende indicator 'Overlsat' in 'metingen[4].indicator'; bedoelde je 'overlast'?"}));
}

TEST(ProfielLezer, OnbekendeWaardeVanEenVasteLijst) {
    auto r = lees("gemeente: {naam: X}\ndrijfveer: {soort: vergelijkng}\ncommunicatie: {frame: rood}\n");
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "2:20: onbekende soort drijfveer 'vergelijkng' in 'drijfveer.soort'; bedoelde je 'vergelijking'?",
                  "3:23: onbekende frame 'rood' in 'communicatie.frame'; kies veiligheid, onveiligheid of onbekend"}));
}

// Capitals outside ASCII are folded as the rule language's `lower` folds them: 'GEÏMPLEMENTEERD' is the
// word 'geïmplementeerd' people write for `uitgevoerd`.
TEST(ProfielLezer, HoofdlettersMetAccentTellenNietBijHetBedoeldeWoord) {
    auto r = lees("gemeente: {naam: X}\nbeleid:\n  acties:\n    - {naam: A, status: GEÏMPLEMENTEERD}\n"
                  "    - {naam: B, status: Geïmplementeerd}\n");
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
        "4:25: onbekende status 'GEÏMPLEMENTEERD' in 'beleid.acties[1].status'; bedoelde je 'uitgevoerd'?",
        "5:25: onbekende status 'Geïmplementeerd' in 'beleid.acties[2].status'; bedoelde je 'uitgevoerd'?"}));
}

// A factor, source or indicator written as a person names it (the knowledge base's name of a factor,
// the description of a source, the short name of an indicator, or some of their words) instead of its
// id: still an error, but the message names the id and its name, from the knowledge base itself. In
// every field that takes an id of the vocabulary; words that fit two ids as well, or none, get the list.
TEST(ProfielLezer, NaamUitDeKennisbankNoemtHaarId) {
    const auto kb = Kennisbank::laad(WW_KB_SOURCE_DIR);
    const auto r = lees_profiel_tekst(R"(gemeente: {naam: X}
metingen:
  - {indicator: het vermijdingsgedrag, waarde: 3}
  - {indicator: overlast van jongeren, waarde: 3}
  - {indicator: Onveiligheidsgevoel in de buurt, waarde: 3}
  - {indicator: onveilig, waarde: 3}
bronnen:
  - id: Meldingen en aangiften
  - id: EEN EIGEN BEWONERSENQUÊTE
  - id: gesprekken
analyse:
  factoren: [Fysieke verloedering, overlast van jongeren, toezicht door politie]
beleid:
  smart: {indicator: tevredenheid over de politie}
  ivp: {prioritaire_factoren: [sociale cohesie]}
  acties:
    - {naam: A, factor: zwembad}
)",
                                      "p.yaml", kb->vocabulaire(), Opdracht::advies);
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
        "3:17: onbekende indicator 'het vermijdingsgedrag' in 'metingen[1].indicator'; bedoelde je 'vermijdingsgedrag' "
        "(het vermijdingsgedrag)?",
        "4:17: onbekende indicator 'overlast van jongeren' in 'metingen[2].indicator'; bedoelde je 'overlast' "
        "(de ervaren overlast)?",
        "5:17: onbekende indicator 'Onveiligheidsgevoel in de buurt' in 'metingen[3].indicator'; bedoelde je "
        "'onveilig_buurt' (het onveiligheidsgevoel in de eigen buurt)?",
        "6:17: onbekende indicator 'onveilig' in 'metingen[4].indicator'; kies onveilig_buurt, onveilig_algemeen, "
        "onveilig_vaak, vermijdingsgedrag, overlast, verloedering_ervaren, slachtofferschap, kans_slachtoffer, "
        "oordeel_gemeente of oordeel_politie",
        "8:9: onbekende bron 'Meldingen en aangiften' in 'bronnen[1].id'; bedoelde je 'meldingen' (meldingen en aangiften)?",
        "9:9: onbekende bron 'EEN EIGEN BEWONERSENQUÊTE' in 'bronnen[2].id'; bedoelde je 'bewonersenquete' "
        "(een eigen bewonersenquête)?",
        "10:9: onbekende bron 'gesprekken' in 'bronnen[3].id'; bedoelde je 'straatgesprekken' (korte gesprekken op straat)?",
        "12:14: onbekende factor 'Fysieke verloedering' in 'analyse.factoren[1]'; bedoelde je 'verloedering' "
        "(fysieke verloedering)?",
        "12:36: onbekende factor 'overlast van jongeren' in 'analyse.factoren[2]'; bedoelde je 'signaalcriminaliteit' "
        "(signaalcriminaliteit en signaaloverlast)?",
        "12:59: onbekende factor 'toezicht door politie' in 'analyse.factoren[3]'; bedoelde je 'toezicht'?",
        "14:22: onbekende indicator 'tevredenheid over de politie' in 'beleid.smart.indicator'; bedoelde je "
        "'oordeel_politie' (de tevredenheid over de politie)?",
        "15:32: onbekende factor 'sociale cohesie' in 'beleid.ivp.prioritaire_factoren[1]'; bedoelde je "
        "'sociale-verbondenheid' (sociale verbondenheid en samenredzaamheid)?",
        "17:25: onbekende factor 'zwembad' in 'beleid.acties[1].factor'; kies signaalcriminaliteit, verloedering, "
        "schurende-leefstijlen, spreken-over-veiligheid, sociale-verbondenheid, invloed-en-perspectief, "
        "gebouwde-omgeving, toezicht, geloofwaardige-aanpak, nazorg, responsieve-instituties of communicatie-instituties"}));
    // A typo of an id shows the name too.
    EXPECT_EQ(meldingen(lees_profiel_tekst("gemeente: {naam: X}\nanalyse: {factoren: [verlodering]}\n", "p.yaml",
                                           kb->vocabulaire(), Opdracht::advies)),
              (std::vector<std::string>{"2:22: onbekende factor 'verlodering' in 'analyse.factoren[1]'; bedoelde je "
                                        "'verloedering' (fysieke verloedering)?"}));
}

// A word a person writes for one of a fixed list's words ('afgerond' for `uitgevoerd`, 'true' for `ja`)
// is still an error, but the message names the word meant: in every field with a fixed list of words.
// A word that means none of them gets the list.
TEST(ProfielLezer, WoordDatEenMensSchrijftNoemtHetBedoeldeWoord) {
    auto r = lees(R"(gemeente: {naam: X}
drijfveer: {soort: benchmark}
bronnen:
  - {id: meldingen, partner: corporatie}
analyse:
  problematisch: true
  vragen: [locatie]
communicatie:
  frame: positief
  boodschappen:
    - {onderwerp: inbraak, buikpijn: weet niet, aanpak: open}
beleid:
  acties:
    - {naam: A, status: afgerond}
    - {naam: B, status: Klaar}
    - {naam: C, status: In uitvoering}
    - {naam: D, status: gestaakt}
    - {naam: E, status: nog niet gestart}
    - {naam: F, status: 'Gepland?'}
    - {naam: G, status: zwembad}
evaluatie: {aspecten: [resultaat]}
)");
    EXPECT_FALSE(r.invoer);
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
        "2:20: onbekende soort drijfveer 'benchmark' in 'drijfveer.soort'; bedoelde je 'vergelijking'?",
        "4:30: onbekende partner 'corporatie' in 'bronnen[1].partner'; bedoelde je 'woningcorporatie'?",
        "6:18: onbekende waarde 'true' in 'analyse.problematisch'; bedoelde je 'ja'?",
        "7:12: onbekende w-vraag 'locatie' in 'analyse.vragen[1]'; bedoelde je 'waar'?",
        "9:10: onbekende frame 'positief' in 'communicatie.frame'; bedoelde je 'veiligheid'?",
        "11:38: onbekende waarde 'weet niet' in 'communicatie.boodschappen[1].buikpijn'; bedoelde je 'onbekend'?",
        "11:57: onbekende aanpak 'open' in 'communicatie.boodschappen[1].aanpak'; bedoelde je 'expliciet'?",
        "14:25: onbekende status 'afgerond' in 'beleid.acties[1].status'; bedoelde je 'uitgevoerd'?",
        "15:25: onbekende status 'Klaar' in 'beleid.acties[2].status'; bedoelde je 'uitgevoerd'?",
        "16:25: onbekende status 'In uitvoering' in 'beleid.acties[3].status'; bedoelde je 'lopend'?",
        "17:25: onbekende status 'gestaakt' in 'beleid.acties[4].status'; bedoelde je 'gestopt'?",
        "18:25: onbekende status 'nog niet gestart' in 'beleid.acties[5].status'; bedoelde je 'gepland'?",
        "19:25: onbekende status 'Gepland?' in 'beleid.acties[6].status'; bedoelde je 'gepland'?",
        "20:25: onbekende status 'zwembad' in 'beleid.acties[7].status'; kies gepland, lopend, uitgevoerd of gestopt",
        "21:24: onbekende aspect 'resultaat' in 'evaluatie.aspecten[1]'; bedoelde je 'effect'?"}));
}

TEST(ProfielLezer, VerkeerdeTypen) {
    auto r = lees("gemeente: {naam: X, inwoners: veel}\ndrijfveer: {bepaald: \"true\"}\n"
                  "metingen: {indicator: overlast}\nanalyse: {vragen: wie}\n");
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
                                "1:31: 'gemeente.inwoners' moet een geheel getal zijn, niet 'veel'",
                                "2:22: 'drijfveer.bepaald' moet true of false zijn, niet de tekst \"true\"",
                                "3:11: 'metingen' moet een lijst zijn, niet een kaart",
                                "4:19: 'analyse.vragen' moet een lijst zijn, niet 'wie'"}));
}

TEST(ProfielLezer, DecimaleKommaKrijgtEenHint) {
    // Block style: in flow style the comma would separate entries.
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nmetingen:\n  - indicator: overlast\n    waarde: 21,5\n")),
              (std::vector<std::string>{
                  "4:13: 'metingen[1].waarde' moet een getal zijn, niet '21,5'; schrijf een decimale punt: 21.5"}));
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nmetingen: [{indicator: overlast, waarde: \"12\"}]\n")),
              (std::vector<std::string>{
                  "2:42: 'metingen[1].waarde' moet een getal zijn, niet de tekst \"12\"; schrijf geen aanhalingstekens: 12"}));
}

TEST(ProfielLezer, GetalZoalsEenMensHetSchrijftKrijgtEenHint) {
    EXPECT_EQ(meldingen(lees("gemeente:\n  naam: X\n  inwoners: 38.000\nmetingen:\n  - indicator: overlast\n"
                             "    waarde: 12,5%\n  - indicator: oordeel_gemeente\n    waarde: \"12.5 %\"\n"
                             "    jaar: \"2023\"\n    respondenten: 1,200\n")),
              (std::vector<std::string>{
                  "3:13: 'gemeente.inwoners' moet een geheel getal zijn, niet '38.000'; schrijf geen punt tussen de "
                  "duizendtallen: 38000",
                  "6:13: 'metingen[1].waarde' moet een getal zijn, niet '12,5%'; schrijf een decimale punt en geen %: 12.5",
                  "8:13: 'metingen[2].waarde' moet een getal zijn, niet de tekst \"12.5 %\"; schrijf geen % en geen "
                  "aanhalingstekens: 12.5",
                  "9:11: 'metingen[2].jaar' moet een geheel getal zijn, niet de tekst \"2023\"; schrijf geen "
                  "aanhalingstekens: 2023",
                  "10:19: 'metingen[2].respondenten' moet een geheel getal zijn, niet '1,200'; schrijf geen komma tussen de "
                  "duizendtallen: 1200"}));
    // No hint where no number is meant, or where the number is not whole: '2023.0' and '12,5' for a count.
    EXPECT_EQ(meldingen(lees("gemeente:\n  naam: X\n  inwoners: 12,5\nmetingen:\n  - indicator: overlast\n"
                             "    waarde: veel%\n    jaar: 2023.0\n")),
              (std::vector<std::string>{"3:13: 'gemeente.inwoners' moet een geheel getal zijn, niet '12,5'",
                                        "6:13: 'metingen[1].waarde' moet een getal zijn, niet 'veel%'",
                                        "7:11: 'metingen[1].jaar' moet een geheel getal zijn, niet '2023.0'"}));
}

TEST(ProfielLezer, GetallenBuitenBereik) {
    auto r = lees("gemeente: {naam: X, inwoners: 0}\nmetingen:\n  - {indicator: overlast, waarde: 120}\n"
                  "beleid:\n  smart: {daling_pct: 0, termijn_jaren: -2}\n");
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
                                "1:31: 'gemeente.inwoners' moet groter dan 0 zijn, niet 0",
                                "3:35: 'metingen[1].waarde' is een percentage en moet tussen 0 en 100 liggen, niet 120",
                                "5:23: 'beleid.smart.daling_pct' moet groter dan 0 en hoogstens 100 zijn, niet 0",
                                "5:41: 'beleid.smart.termijn_jaren' moet groter dan 0 en hoogstens 100 zijn, niet -2"}));
}

// A syntax error has no tree, yet it is in a field the text up to it names (http.md: "pad"): the service's
// client marks that field. Where the text does not say (a tab in the indentation, the top level), no path.
TEST(ProfielLezer, SyntaxfoutNoemtHetVeldWaarinZeStaat) {
    const std::vector<std::pair<std::string, std::string>> gevallen = {
        {"gemeente:\n  naam: \"Foutdorp\n  inwoners: 5000\n", "gemeente.naam"},
        {"gemeente: {naam: X}\nanalyse:\n  factoren: [toezicht, verloedering\n  rapportage: true\n", "analyse.factoren"},
        {"gemeente: {naam: X}\nmetingen:\n  - indicator: overlast\n    waarde: 20\n  - indicator: overlast\n    waarde: \"21\n",
         "metingen[2].waarde"},
        {"gemeente: {naam: X}\nmetingen:\n- {indicator: overlast, waarde: 20}\n- indicator: overlast\n  waarde: \"21\n",
         "metingen[2].waarde"},
        {"{\"gemeente\": {\"naam\": \"X\"},\n \"metingen\": [{\"indicator\": \"overlast\", \"waarde\": 20},\n"
         "  {\"indicator\": \"overlast\" \"waarde\": 21}]}",
         "metingen[2]"},
        {"gemeente: {naam: X, inwoners: 3: 4}\n", "gemeente.inwoners"},
        {"gemeente:\n  naam: X\n inwoners: 3\n", "gemeente"},
        {"gemeente:\n  naam: X\ncommunicatie:\n  boodschappen:\n    - onderwerp: |\n        a: b\n        - c\n"
         "      buikpijn: \"ja\n",
         "communicatie.boodschappen[1].buikpijn"},
        {"gemeente:\n\tnaam: X\n", ""},
        // At the start of a line: what starts there is no part of the key above it.
        {"versie: 1\n[gemeente:\n  naam: X\n", ""},
        {"drijfveer:\n  gedeeld_met_bestuur: true\n]metingen:\n", ""},
        {"gemeente: {naam: X}\nmetingen:\n  -' {indicator: overlast, waarde: 12.5}\n", "metingen"},
        {"{\"gemeente\": {\"naam\": \"x\",}", ""},
    };
    for (const auto& [tekst, pad] : gevallen) {
        const auto r = lees(tekst);
        ASSERT_EQ(r.fouten.size(), 1U) << tekst;
        EXPECT_TRUE(r.fouten[0].message.starts_with("ongeldige YAML: ")) << r.fouten[0].message;
        EXPECT_GT(r.fouten[0].line, 0) << tekst;
        EXPECT_EQ(r.fouten[0].path, pad) << tekst;
    }
}

// gemeenteprofiel.md asks a term greater than 0 and at most 100, not a whole number: two and a half years is a term, the web form
// and the JSON Schema take it too (tests/browser, tests/schema); 0, a text and a Dutch decimal comma are not.
TEST(ProfielLezer, TermijnIsEenGetalGroterDanNul) {
    auto goed = lees("gemeente: {naam: X}\nbeleid:\n  smart: {gekozen: true, indicator: overlast, daling_pct: 10, termijn_jaren: 2.5}\n");
    ASSERT_TRUE(goed.fouten.empty()) << meldingen(goed).front();
    EXPECT_EQ(slot(*feiten(*goed.invoer, "smart")[0], "termijn_jaren"), Value(2.5));
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleid:\n  smart: {termijn_jaren: 0}\n")),
              (std::vector<std::string>{"3:26: 'beleid.smart.termijn_jaren' moet groter dan 0 en hoogstens 100 zijn, niet 0"}));
    // A century is the bound (gemeenteprofiel.md): beyond any policy term, and an absurd one such as 1e300 is
    // said here, at the profile's own place, not later by the knowledge base's arithmetic on the end year.
    EXPECT_TRUE(lees("gemeente: {naam: X}\nbeleid:\n  smart: {termijn_jaren: 100}\n").fouten.empty());
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleid:\n  smart: {termijn_jaren: 100.5}\n")),
              (std::vector<std::string>{"3:26: 'beleid.smart.termijn_jaren' moet groter dan 0 en hoogstens 100 zijn, niet 100.5"}));
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleid:\n  smart: {termijn_jaren: 1e300}\n")),
              (std::vector<std::string>{"3:26: 'beleid.smart.termijn_jaren' moet groter dan 0 en hoogstens 100 zijn, niet 1e300"}));
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleid:\n  smart: {termijn_jaren: vier}\n")),
              (std::vector<std::string>{"3:26: 'beleid.smart.termijn_jaren' moet een getal zijn, niet 'vier'"}));
    EXPECT_EQ(meldingen(lees("gemeente: {naam: X}\nbeleid:\n  smart: {termijn_jaren: '2,5'}\n")).size(), 1U);
}

TEST(ProfielLezer, VerplichteVeldenInLijstelementen) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n  - gebied: Noord\n");
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{"3:5: 'metingen[1].indicator' ontbreekt",
                                                      "3:5: 'metingen[1].waarde' ontbreekt"}));
}

TEST(ProfielLezer, AndereVersie) {
    EXPECT_EQ(meldingen(lees("versie: 2\ngemeente: {naam: X}\n")),
              (std::vector<std::string>{"1:9: versie 2 wordt niet ondersteund; deze wegwijzer leest versie 1"}));
}

TEST(ProfielLezer, DubbeleSleutel) {
    EXPECT_EQ(meldingen(lees("gemeente:\n  naam: X\n  naam: Y\n")),
              (std::vector<std::string>{"3:3: sleutel 'naam' staat twee keer in 'gemeente' (eerder op regel 2)"}));
}

TEST(ProfielLezer, VerkeerdeVorm) {
    EXPECT_EQ(meldingen(lees("- gemeente\n- naam\n")),
              (std::vector<std::string>{
                  "1:1: het profiel moet een kaart met secties (gemeente, drijfveer, ...) zijn, niet een lijst"}));
    EXPECT_EQ(meldingen(lees("")),
              (std::vector<std::string>{"1:1: het profiel is leeg; het moet minstens 'gemeente: {naam: ...}' bevatten"}));
}

TEST(ProfielLezer, OngeldigeYaml) {
    auto r = lees("gemeente: {naam: X\n");
    ASSERT_EQ(r.fouten.size(), 1u);
    EXPECT_EQ(r.fouten[0].file, "p.yaml");
    EXPECT_EQ(r.fouten[0].message.rfind("ongeldige YAML: ", 0), 0u) << r.fouten[0].message;
}

TEST(ProfielLezer, AlleFoutenWordenGemeld) {
    auto r = lees("versie: 3\ngemeente: {naam: X}\ndrijfveer: {bepaald: ja}\nmetingen:\n"
                  "  - {indicator: overlast, waarde: -1}\n  - {indicator: onveilig_buurt, waarde: 50, vorige: 101}\n");
    EXPECT_FALSE(r.invoer);
    ASSERT_EQ(r.fouten.size(), 4u);
    EXPECT_EQ(r.fouten[0].line, 1);
    EXPECT_EQ(r.fouten[1].line, 3);
    EXPECT_EQ(r.fouten[2].line, 5);
    EXPECT_EQ(r.fouten[3].line, 6);
    // The diagnostic carries the source line for the caret display.
    EXPECT_EQ(r.fouten[1].source_line, "drijfveer: {bepaald: ja}");
}

TEST(ProfielLezer, CommunicatieplanMagEenVolledigProfielZijn) {
    // Every section is checked, but only gemeente and communicatie count: the rest gives the facts of
    // a plan without it.
    auto r = lees(std::string(volledig), Opdracht::communicatie);
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    auto alleen = lees("gemeente:\n  naam: Voorbeeldstad\n  inwoners: 85000\ncommunicatie:\n  boodschappen:\n"
                       "    - {onderwerp: woninginbraak, buikpijn: ja, aanpak: expliciet}\n",
                       Opdracht::communicatie);
    ASSERT_TRUE(alleen.invoer) << meldingen(alleen)[0];
    ASSERT_EQ(r.invoer->feiten.size(), alleen.invoer->feiten.size());
    for (std::size_t i = 0; i < r.invoer->feiten.size(); ++i) {
        EXPECT_EQ(r.invoer->feiten[i].sjabloon, alleen.invoer->feiten[i].sjabloon) << i;
        EXPECT_EQ(r.invoer->feiten[i].waarden(), alleen.invoer->feiten[i].waarden()) << i;
    }
    EXPECT_TRUE(feiten(*r.invoer, "meting").empty());
    EXPECT_EQ(slot(*feiten(*r.invoer, "drijfveer")[0], "bepaald"), Value(false));
    EXPECT_EQ(feiten(*r.invoer, "boodschap").size(), 1u);
    EXPECT_EQ(slot(*feiten(*r.invoer, "modus")[0], "opdracht"), Value::symbol("communicatie"));
    // The other sections are still checked, with their positions.
    auto fout = lees("gemeente: {naam: X}\ncommunicatie: {frame: veiligheid}\ndrijfveer: {bepaald: ja}\n"
                     "analyse: {factoren: [toezicht, toezicht]}\n",
                     Opdracht::communicatie);
    EXPECT_EQ(meldingen(fout), (std::vector<std::string>{"3:22: 'drijfveer.bepaald' moet true of false zijn, niet 'ja'"}));
    // A repeated factor outside communicatie gives no herhaling in a communication check.
    auto herhaald = lees("gemeente: {naam: X}\nanalyse: {factoren: [toezicht, toezicht]}\n", Opdracht::communicatie);
    ASSERT_TRUE(herhaald.invoer);
    EXPECT_TRUE(feiten(*herhaald.invoer, "herhaling").empty());
    EXPECT_TRUE(feiten(*herhaald.invoer, "gekozen_factor").empty());
}

const char* tweede_editie = R"(gemeente: {naam: Reeksdam}
metingen:
  - {indicator: onveilig_buurt, waarde: 14, jaar: 2017, marge: 1.5}
  - {indicator: onveilig_buurt, waarde: 21, jaar: 2023, respondenten: 850}
  - {indicator: onveilig_buurt, waarde: 30, jaar: 2023, gebied: "  Noord ", groep: " 65+ "}
  - {indicator: onveilig_buurt, waarde: 25, jaar: 2023, gebied: Noord}
beleid:
  smart: {gekozen: true, indicator: oordeel_gemeente, stijging_pct: 15, startjaar: 2019, termijn_jaren: 4}
  acties:
    - {naam: Buurtschouw, factor: verloedering, gebied: " Noord", groep: jongeren, status: lopend}
    - {naam: Cameratoezicht}
evaluatie: {nulmeting: true, nulmeting_jaar: 2017}
)";

TEST(ProfielLezer, TweedeEditieGeeftDeNieuweSlots) {
    auto r = lees(tweede_editie);
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    auto m = feiten(*r.invoer, "meting");
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(slot(*m[0], "marge"), Value(1.5));
    EXPECT_TRUE(slot(*m[0], "respondenten").is_nil());
    EXPECT_EQ(slot(*m[0], "groep"), Value::string(""));
    EXPECT_EQ(slot(*m[0], "jaar"), Value(2017));
    EXPECT_EQ(slot(*m[1], "respondenten"), Value(850));
    EXPECT_TRUE(slot(*m[1], "marge").is_nil());
    // Free texts without the spaces around them.
    EXPECT_EQ(slot(*m[2], "gebied"), Value::string("Noord"));
    EXPECT_EQ(slot(*m[2], "groep"), Value::string("65+"));
    EXPECT_EQ(slot(*m[3], "groep"), Value::string(""));

    auto s = feiten(*r.invoer, "smart");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(slot(*s[0], "stijging_pct"), Value(15.0));
    EXPECT_EQ(slot(*s[0], "startjaar"), Value(2019));
    EXPECT_TRUE(slot(*s[0], "daling_pct").is_nil());

    auto a = feiten(*r.invoer, "actie");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(slot(*a[0], "gebied"), Value::string("Noord"));
    EXPECT_EQ(slot(*a[0], "groep"), Value::string("jongeren"));
    EXPECT_EQ(slot(*a[0], "status"), Value::symbol("lopend"));
    EXPECT_EQ(slot(*a[1], "gebied"), Value::string(""));
    EXPECT_EQ(slot(*a[1], "status"), Value::symbol("gepland"));  // the contract's default

    auto e = feiten(*r.invoer, "evaluatie");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(slot(*e[0], "nulmeting_jaar"), Value(2017));
}

TEST(ProfielLezer, VersieEenKrijgtDeNieuweStandaardslots) {
    auto r = lees(volledig);
    ASSERT_TRUE(r.invoer);
    const auto m = feiten(*r.invoer, "meting");
    EXPECT_EQ(slot(*m[0], "groep"), Value::string(""));
    EXPECT_TRUE(slot(*m[0], "marge").is_nil());
    EXPECT_TRUE(slot(*m[0], "respondenten").is_nil());
    EXPECT_TRUE(slot(*feiten(*r.invoer, "smart")[0], "stijging_pct").is_nil());
    EXPECT_TRUE(slot(*feiten(*r.invoer, "smart")[0], "startjaar").is_nil());
    EXPECT_EQ(slot(*feiten(*r.invoer, "actie")[0], "status"), Value::symbol("gepland"));
    EXPECT_TRUE(slot(*feiten(*r.invoer, "evaluatie")[0], "nulmeting_jaar").is_nil());
    EXPECT_TRUE(feiten(*r.invoer, "herhaling").empty());
}

TEST(ProfielLezer, DubbeleMetingNoemtBeidePlaatsen) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n"
                  "  - {indicator: onveilig_buurt, waarde: 20, gebied: Noord, jaar: 2023}\n"
                  "  - {indicator: onveilig_buurt, waarde: 20, gebied: Noord, jaar: 2021}\n"
                  "  - {indicator: onveilig_buurt, waarde: 22, gebied: \" Noord\", jaar: 2023}\n"
                  "  - {indicator: overlast, waarde: 20}\n"
                  "  - {indicator: overlast, waarde: 20, groep: 65+}\n"
                  "  - {indicator: overlast, waarde: 21}\n"
                  "  - {indicator: overlast, waarde: 21, groep: 65+, gebied: Zuid, jaar: 2020}\n"
                  "  - {indicator: overlast, waarde: 21, groep: 65+, gebied: Zuid, jaar: 2020}\n");
    EXPECT_FALSE(r.invoer);
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "5:5: dubbele meting: 'onveilig_buurt' in Noord in 2023 staat al op regel 3 (kolom 5)",
                  "8:5: dubbele meting: 'overlast' voor de hele gemeente zonder jaar staat al op regel 6 (kolom 5)",
                  "10:5: dubbele meting: 'overlast' in Zuid (groep 65+) in 2020 staat al op regel 9 (kolom 5)"}));
}

// Capitals do not make another wijk or group: 'NOORD' in the same year as 'Noord' is one figure twice, named
// as the first row spells the place.
TEST(ProfielLezer, HoofdlettersMakenGeenAndereWijkOfGroep) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n"
                  "  - {indicator: onveilig_buurt, waarde: 26, gebied: Noord, jaar: 2023}\n"
                  "  - {indicator: onveilig_buurt, waarde: 27, gebied: NOORD, jaar: 2023}\n"
                  "  - {indicator: overlast, waarde: 20, groep: Jongeren, jaar: 2021}\n"
                  "  - {indicator: overlast, waarde: 20, groep: jongeren, jaar: 2023}\n"
                  "  - {indicator: overlast, waarde: 21, groep: JONGEREN, jaar: 2023}\n");
    EXPECT_FALSE(r.invoer);
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "4:5: dubbele meting: 'onveilig_buurt' in Noord in 2023 staat al op regel 3 (kolom 5) ('NOORD' en 'Noord' zijn "
                  "dezelfde wijk: hoofdletters maken geen andere wijk)",
                  "7:5: dubbele meting: 'overlast' voor de hele gemeente (groep Jongeren) in 2023 staat al op regel 6 (kolom 5) "
                  "('JONGEREN' en 'Jongeren' zijn dezelfde groep: hoofdletters maken geen andere groep)"}));
}

// Nor does a hyphen where another row or an action has a space: 'Oud-West' in the figures and 'Oud West' in an
// action are one wijk (blind run 87, Hardenveld: "geen actie noemt die wijk" beside three actions in 'Oud West').
TEST(ProfielLezer, KoppeltekenOfSpatieMaaktGeenAndereWijk) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n"
                  "  - {indicator: onveilig_buurt, waarde: 26, gebied: Oud-West, jaar: 2021}\n"
                  "  - {indicator: onveilig_buurt, waarde: 27, gebied: oud  west, jaar: 2023}\n"
                  "beleid:\n  acties: [{naam: A, gebied: Oud West, status: lopend}, {naam: B, gebied: Oudwest}]\n");
    ASSERT_TRUE(r.invoer) << ::testing::PrintToString(meldingen(r));
    const auto m = feiten(*r.invoer, "meting");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(slot(*m[0], "gebied"), Value::string("Oud-West"));
    EXPECT_EQ(slot(*m[1], "gebied"), Value::string("Oud-West"));
    const auto a = feiten(*r.invoer, "actie");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(slot(*a[0], "gebied"), Value::string("Oud-West"));
    // Without a separator it is another word, and the knowledge base asks which wijk is meant.
    EXPECT_EQ(slot(*a[1], "gebied"), Value::string("Oudwest"));

    auto dubbel = lees("gemeente: {naam: X}\nmetingen:\n"
                       "  - {indicator: onveilig_buurt, waarde: 26, gebied: Oud-West, jaar: 2023}\n"
                       "  - {indicator: onveilig_buurt, waarde: 27, gebied: Oud West, jaar: 2023}\n");
    EXPECT_FALSE(dubbel.invoer);
    EXPECT_EQ(meldingen(dubbel),
              (std::vector<std::string>{
                  "4:5: dubbele meting: 'onveilig_buurt' in Oud-West in 2023 staat al op regel 3 (kolom 5) ('Oud West' en "
                  "'Oud-West' zijn dezelfde wijk: hoofdletters, koppeltekens en spaties maken geen andere wijk)"}));
}

TEST(ProfielLezer, JaartallenMoetenAannemelijkZijn) {
    auto r = lees("gemeente: {naam: X}\nmetingen: [{indicator: overlast, waarde: 3, jaar: 23}]\n"
                  "beleid: {smart: {startjaar: 2200}}\nevaluatie: {nulmeting_jaar: 1899}\n");
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
                                "2:51: 'metingen[1].jaar' moet een jaartal tussen 1900 en 2100 zijn, niet 23",
                                "3:29: 'beleid.smart.startjaar' moet een jaartal tussen 1900 en 2100 zijn, niet 2200",
                                "4:29: 'evaluatie.nulmeting_jaar' moet een jaartal tussen 1900 en 2100 zijn, niet 1899"}));
}

TEST(ProfielLezer, MargeRespondentenEnStatusBuitenBereik) {
    auto r = lees("gemeente: {naam: X}\nmetingen:\n  - {indicator: overlast, waarde: 3, marge: 0, respondenten: -5}\n"
                  "  - {indicator: overlast, waarde: 3, jaar: 2020, marge: 101, respondenten: 2.5}\n"
                  "beleid:\n  smart: {stijging_pct: 0}\n  acties: [{naam: A, status: uitgevoert}]\n");
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "3:45: 'metingen[1].marge' moet groter dan 0 en hoogstens 100 zijn, niet 0",
                  "3:62: 'metingen[1].respondenten' moet groter dan 0 zijn, niet -5",
                  "4:57: 'metingen[2].marge' moet groter dan 0 en hoogstens 100 zijn, niet 101",
                  "4:76: 'metingen[2].respondenten' moet een geheel getal zijn, niet '2.5'",
                  "6:25: 'beleid.smart.stijging_pct' moet groter dan 0 en hoogstens 1.000 zijn, niet 0",
                  "7:30: onbekende status 'uitgevoert' in 'beleid.acties[1].status'; bedoelde je 'uitgevoerd'?"}));
}

TEST(ProfielLezer, HerhaaldeIdsTellenEenKeerEnWordenGemeld) {
    auto r = lees("gemeente: {naam: X}\nanalyse:\n  vragen: [wie, waar, wie, wie]\n"
                  "  factoren: [toezicht, nazorg, toezicht]\n"
                  "beleid: {ivp: {prioritaire_factoren: [nazorg, nazorg]}}\nevaluatie: {aspecten: [effect, inhoud]}\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    auto f = feiten(*r.invoer, "gekozen_factor");
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(slot(*f[0], "factor"), Value::symbol("toezicht"));
    EXPECT_EQ(slot(*f[1], "factor"), Value::symbol("nazorg"));
    EXPECT_EQ(slot(*f[1], "nr"), Value(2));
    EXPECT_EQ(feiten(*r.invoer, "analysevraag").size(), 2u);
    EXPECT_EQ(feiten(*r.invoer, "ivp_prioriteit").size(), 1u);
    std::vector<std::string> h;
    for (const auto* x : feiten(*r.invoer, "herhaling"))
        h.push_back(std::string(slot(*x, "lijst").as_text()) + " " + std::string(slot(*x, "id").as_text()) + " " +
                    std::to_string(slot(*x, "keer").as_int()));
    EXPECT_EQ(h, (std::vector<std::string>{"analyse_vragen wie 3", "analyse_factoren toezicht 2",
                                           "ivp_prioritaire_factoren nazorg 2"}));
}

TEST(ProfielLezer, TegenstrijdighedenWordenGelezenZoalsGegeven) {
    // Not input errors: the knowledge base names the contradiction.
    auto r = lees("gemeente: {naam: X}\ndrijfveer: {bepaald: false, soort: streven}\n"
                  "analyse: {uitgevoerd: false, problematisch: ja, factoren: [toezicht], rapportage: true}\n"
                  "beleid: {smart: {gekozen: false, indicator: oordeel_gemeente, daling_pct: 10}}\n");
    ASSERT_TRUE(r.invoer) << meldingen(r)[0];
    EXPECT_EQ(slot(*feiten(*r.invoer, "drijfveer")[0], "soort"), Value::symbol("streven"));
    EXPECT_EQ(slot(*feiten(*r.invoer, "analyse")[0], "problematisch"), Value::symbol("ja"));
    EXPECT_EQ(slot(*feiten(*r.invoer, "analyse")[0], "rapportage"), Value(true));
    EXPECT_EQ(feiten(*r.invoer, "gekozen_factor").size(), 1u);
    EXPECT_EQ(slot(*feiten(*r.invoer, "smart")[0], "daling_pct"), Value(10.0));
}

TEST(ProfielLezer, KolomTeltTekensNietBytes) {
    auto r = lees("gemeente: {naam: Één, inwoners: nul}\n");
    ASSERT_EQ(r.fouten.size(), 1u);
    EXPECT_EQ(r.fouten[0].col, 33);
}

// Each problem names where in the profile it is (Fout::path, the API's `pad`), from what the reader
// was reading, not from its message (in the order found; the API sorts by position): a missing key by the key that should be there, a duplicate row by
// the row (in block and flow style alike), a second document and a syntax error by nothing.
TEST(ProfielLezer, ElkeFoutNoemtHaarPad) {
    const auto paden = [](const ProfielResultaat& r) {
        std::vector<std::string> uit;
        for (const auto& f : r.fouten) uit.push_back(std::to_string(f.line) + ":" + std::to_string(f.col) + " " + f.path);
        return uit;
    };
    EXPECT_EQ(paden(lees("gemeente:\n  naam: X\n  inwoners: veel\ndrijfveer:\n  bepaald: misschien\n  soort: hobby\nonbekend: 1\n")),
              (std::vector<std::string>{"7:1 onbekend", "3:13 gemeente.inwoners", "5:12 drijfveer.bepaald", "6:10 drijfveer.soort"}));
    EXPECT_EQ(paden(lees("communicatie:\n  boodschappen:\n    - buikpijn: ja\n")),
              (std::vector<std::string>{"1:1 gemeente", "3:7 communicatie.boodschappen[1].onderwerp"}));
    EXPECT_EQ(paden(lees("gemeente:\n  inwoners: 5000\n")), (std::vector<std::string>{"2:3 gemeente.naam"}));
    EXPECT_EQ(paden(lees("gemeente: {naam: '  ', naam: Y}\n")),
              (std::vector<std::string>{"1:24 gemeente.naam", "1:12 gemeente.naam"}));
    const char* dubbel_blok = "gemeente: {naam: X}\nmetingen:\n  - indicator: overlast\n    waarde: 20\n"
                              "  - indicator: overlast\n    waarde: 21\n";
    const char* dubbel_flow = "gemeente: {naam: X}\nmetingen: [{indicator: overlast, waarde: 20}, {indicator: overlast, waarde: 21}]\n";
    EXPECT_EQ(paden(lees(dubbel_blok)), (std::vector<std::string>{"5:5 metingen[2]"}));
    EXPECT_EQ(paden(lees(dubbel_flow)), (std::vector<std::string>{"2:47 metingen[2]"}));
    EXPECT_EQ(paden(lees("gemeente: {naam: X}\nanalyse:\n  factoren:\n    - toezicht\n    -\n")),
              (std::vector<std::string>{"6:1 analyse.factoren[2]"}));
    EXPECT_EQ(paden(lees("gemeente: {naam: X}\nvraaggesprek: {onbekend: [drijfveer.sort]}\n")),
              (std::vector<std::string>{"2:27 vraaggesprek.onbekend[1]"}));
    EXPECT_EQ(paden(lees("versie: 2\ngemeente: {naam: X}\n")), (std::vector<std::string>{"1:9 versie"}));
    EXPECT_EQ(paden(lees("gemeente:\n  naam: X\n---\nfoo: 1\n")), (std::vector<std::string>{"4:1 "}));
    EXPECT_EQ(paden(lees("gemeente: {naam: [\n")).size(), 1u);
    // A syntax error: the field the text up to it is in (SyntaxfoutNoemtHetVeldWaarinZeStaat).
    EXPECT_EQ(lees("gemeente: {naam: [\n").fouten.at(0).path, "gemeente.naam");
    EXPECT_EQ(paden(lees("- a\n")), (std::vector<std::string>{"1:1 "}));
}

}  // namespace
}  // namespace ww::advies
