#include <gtest/gtest.h>

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
        if (slots[plaats] == naam) return f.waarden.at(plaats);
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
                                                 "communicatie", "beleid", "evaluatie", "smart"}));
    auto modus = feiten(in, "modus");
    ASSERT_EQ(modus.size(), 1u);
    EXPECT_EQ(slot(*modus[0], "opdracht"), Value::symbol("advies"));
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

TEST(ProfielLezer, OnbekendeWaardeVanEenVasteLijst) {
    auto r = lees("gemeente: {naam: X}\ndrijfveer: {soort: vergelijkng}\ncommunicatie: {frame: rood}\n");
    EXPECT_EQ(meldingen(r),
              (std::vector<std::string>{
                  "2:20: onbekende soort drijfveer 'vergelijkng' in 'drijfveer.soort'; bedoelde je 'vergelijking'?",
                  "3:23: onbekende frame 'rood' in 'communicatie.frame'; kies veiligheid, onveiligheid of onbekend"}));
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
              (std::vector<std::string>{"2:42: 'metingen[1].waarde' moet een getal zijn, niet de tekst \"12\""}));
}

TEST(ProfielLezer, GetallenBuitenBereik) {
    auto r = lees("gemeente: {naam: X, inwoners: 0}\nmetingen:\n  - {indicator: overlast, waarde: 120}\n"
                  "beleid:\n  smart: {daling_pct: 0, termijn_jaren: -2}\n");
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{
                                "1:31: 'gemeente.inwoners' moet groter dan 0 zijn, niet 0",
                                "3:35: 'metingen[1].waarde' is een percentage en moet tussen 0 en 100 liggen, niet 120",
                                "5:23: 'beleid.smart.daling_pct' moet groter dan 0 en hoogstens 100 zijn, niet 0",
                                "5:41: 'beleid.smart.termijn_jaren' moet groter dan 0 zijn, niet -2"}));
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
                  "  - {indicator: overlast, waarde: -1}\n  - {indicator: overlast, waarde: 50, vorige: 101}\n");
    EXPECT_FALSE(r.invoer);
    ASSERT_EQ(r.fouten.size(), 4u);
    EXPECT_EQ(r.fouten[0].line, 1);
    EXPECT_EQ(r.fouten[1].line, 3);
    EXPECT_EQ(r.fouten[2].line, 5);
    EXPECT_EQ(r.fouten[3].line, 6);
    // The diagnostic carries the source line for the caret display.
    EXPECT_EQ(r.fouten[1].source_line, "drijfveer: {bepaald: ja}");
}

TEST(ProfielLezer, CommunicatieplanMagAlleenGemeenteEnCommunicatieBevatten) {
    const std::string plan = "gemeente: {naam: X}\ncommunicatie:\n  frame: veiligheid\ndrijfveer: {bepaald: true}\n";
    auto r = lees(plan, Opdracht::communicatie);
    EXPECT_EQ(meldingen(r), (std::vector<std::string>{"4:1: sectie 'drijfveer' hoort niet in een communicatieplan; dat "
                                                      "bevat alleen 'gemeente' en 'communicatie'"}));
    auto ok = lees("gemeente: {naam: X}\ncommunicatie: {frame: veiligheid}\n", Opdracht::communicatie);
    ASSERT_TRUE(ok.invoer);
    EXPECT_EQ(slot(*feiten(*ok.invoer, "modus")[0], "opdracht"), Value::symbol("communicatie"));
    // The same plan is a fine profile for `advies`.
    EXPECT_TRUE(lees(plan).invoer);
}

TEST(ProfielLezer, KolomTeltTekensNietBytes) {
    auto r = lees("gemeente: {naam: Één, inwoners: nul}\n");
    ASSERT_EQ(r.fouten.size(), 1u);
    EXPECT_EQ(r.fouten[0].col, 33);
}

}  // namespace
}  // namespace ww::advies
