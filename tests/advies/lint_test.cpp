// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <iterator>
#include <regex>

#include "advies/lint.hpp"
#include "testkennisbank.hpp"

namespace ww::advies {
namespace {

std::vector<std::string> meldingen(const LintVerslag& v) {
    std::vector<std::string> uit;
    for (const auto& f : v.fouten) uit.push_back(f.message);
    return uit;
}

TEST(Lint, TestkennisbankIsInOrde) {
    auto kb = test::test_kennisbank();
    const auto v = lint(kb->regels(), "test");
    EXPECT_TRUE(v.fouten.empty()) << v.fouten[0].message;
    EXPECT_GT(v.regels, 5u);
}

TEST(Lint, AdviesRegelsMoetenBijHetContractPassen) {
    std::vector<SourceFile> extra;
    extra.emplace_back("kapot.yaml", R"Y(rules:
  - id: kapot.geen-bron
    when: ["gemeente(naam: ?g)"]
    then: ["emit advies(soort: actie, stap: 2, onderwerp: informatie, prioriteit: 1, tekst: \"x\", factoren: [], onderbouwing: [])"]
  - id: kapot.onderwerp
    source: "Stap 2"
    when: ["gemeente(naam: ?g)"]
    then: ["emit advies(soort: tip, stap: 7, onderwerp: informatei, prioriteit: 1, tekst: \"x\", factoren: [toezcht], onderbouwing: [])"]
  - id: kapot.velden
    source: "Stap 2"
    when: ["gemeente(naam: ?g)"]
    then: ["emit advies(soort: info, stap: 2, onderwerp: framing, prioriteit: 1, tekst: \"x\", factor: [])"]
)Y");
    auto kb = test::test_kennisbank(std::move(extra));
    const auto v = lint(kb->regels(), "test");
    const auto m = meldingen(v);
    auto heeft = [&](const std::string& s) {
        for (const auto& x : m)
            if (x == s) return true;
        return false;
    };
    EXPECT_TRUE(heeft("regel 'kapot.geen-bron': geeft advies maar heeft geen 'source' (de sectie van het stappenplan "
                      "waarop het rust)"));
    EXPECT_TRUE(heeft("regel 'kapot.onderwerp': soort 'tip' is niet toegestaan; kies uit actie, waarschuwing, info"));
    EXPECT_TRUE(heeft("regel 'kapot.onderwerp': stap 7 ligt niet tussen 1 en 5"));
    EXPECT_TRUE(heeft("regel 'kapot.onderwerp': onderwerp 'informatei' is niet toegestaan; bedoelde je 'informatie'?"));
    EXPECT_TRUE(heeft("regel 'kapot.onderwerp': factor 'toezcht' staat niet in de woordenschat; bedoelde je 'toezicht'?"));
    EXPECT_TRUE(heeft("regel 'kapot.velden': 'emit advies' heeft een onbekend veld 'factor'; bedoelde je 'factoren'?"));
    EXPECT_TRUE(heeft("regel 'kapot.velden': 'emit advies' mist veld 'factoren'"));
    EXPECT_TRUE(heeft("regel 'kapot.velden': 'emit advies' mist veld 'onderbouwing'"));
    EXPECT_EQ(m.size(), 8u);
    // Each problem points into the file that holds the rule.
    for (const auto& f : v.fouten) EXPECT_EQ(f.file, "kapot.yaml") << f.message;
}

TEST(Lint, LetterlijkeTekstenVolgenHetContract) {
    std::vector<SourceFile> extra;
    extra.emplace_back("slordig.yaml", R"Y(rules:
  - id: slordig.meervoud
    source: "Stap 2"
    when: ["gemeente(naam: ?g)"]
    then: ["emit advies(soort: info, stap: 2, onderwerp: informatie, prioriteit: 1, tekst: \"{?g} heeft bron(nen)\", factoren: [], onderbouwing: [])"]
  - id: slordig.id
    source: "Stap 2"
    when: ["gemeente(naam: ?g)"]
    then: ["emit advies(soort: info, stap: 2, onderwerp: informatie, prioriteit: 1, tekst: \"Meet het opnieuw.\", factoren: [], onderbouwing: [\"gemeten: onveilig_buurt\"])"]
  - id: slordig.goed
    source: "Stap 2"
    when: ["gemeente(naam: ?g)"]
    then: ["emit advies(soort: info, stap: 2, onderwerp: informatie, prioriteit: 1, tekst: \"Zie stap 2. Onveilig_buurtje mag.\", factoren: [], onderbouwing: []) "]
)Y");
    auto kb = test::test_kennisbank(std::move(extra));
    const auto m = meldingen(lint(kb->regels(), "test"));
    EXPECT_EQ(m, (std::vector<std::string>{
                     "regel 'slordig.meervoud': de tekst \" heeft bron(nen)\" schrijft 'n(nen)' in plaats van enkelvoud of meervoud",
                     "regel 'slordig.id': de tekst \"gemeten: onveilig_buurt\" noemt het id 'onveilig_buurt' in plaats van "
                     "'voelt zich wel eens onveilig in de buurt'"}));
}

// The texts a function of the knowledge base builds reach the advice through the rules that call it:
// lint holds what it binds, returns and emits as advice to what it holds a rule's text to, at the
// action in the function's own file; what it only compares is not judged.
TEST(Lint, TekstenInEigenFunctiesVolgenHetContract) {
    const std::string pad = std::string(WW_TEST_DATA) + "/functieteksten.yaml";
    std::vector<SourceFile> extra;
    extra.emplace_back(pad, test::lees_bestand(pad));
    auto kb = test::test_kennisbank(std::move(extra));
    const auto v = lint(kb->regels(), "test");
    EXPECT_EQ(meldingen(v), (std::vector<std::string>{
                                "functie 'bronnen_zin': de tekst \" heeft 1 bron(nen)\" schrijft 'n(nen)' in plaats van "
                                "enkelvoud of meervoud",
                                "functie 'bronnen_zin': de tekst \"gemeten: onveilig_buurt\" noemt het id 'onveilig_buurt' in "
                                "plaats van 'voelt zich wel eens onveilig in de buurt'",
                                "functie 'meld_indicatoren': de tekst \" heeft indicator(en)\" schrijft 'r(en)' in plaats van "
                                "enkelvoud of meervoud"}));
    ASSERT_EQ(v.fouten.size(), 3u);
    for (const auto& f : v.fouten) EXPECT_EQ(f.file, pad) << f.message;
    EXPECT_EQ(v.fouten[0].line, 11);
    EXPECT_EQ(v.fouten[1].line, 12);
    EXPECT_EQ(v.fouten[2].line, 27);
}

TEST(Lint, WoordenschatEnStappen) {
    std::vector<SourceFile> bestanden;
    const std::string invoer = std::string(WW_KB_SOURCE_DIR) + "/invoer.yaml";
    bestanden.emplace_back(invoer, test::lees_bestand(invoer));
    bestanden.emplace_back("voc.yaml", R"Y(templates:
  factor: {slots: {id: symbol, naam: string}}
  bronsoort: {slots: {id: symbol, soort: symbol}}
facts:
  - "factor(id: toezicht, naam: \"toezicht\")"
  - "factor(id: toezicht, naam: \"toezicht\")"
  - "bronsoort(id: media, soort: kwalitatif)"
rules:
  - id: stap.een
    when: ["gemeente(naam: ?g)"]
    then: ["emit stap(stap: 1, status: open)"]
)Y");
    RuleBase kb = RuleBase::load_sources(std::move(bestanden));
    const auto m = meldingen(lint(kb, "kb"));
    auto heeft = [&](const std::string& s) {
        for (const auto& x : m)
            if (x == s) return true;
        return false;
    };
    EXPECT_TRUE(heeft("de woordenschat ontbreekt: template 'indicator' (de indicatoren die een profiel mag noemen)"));
    EXPECT_TRUE(heeft("bron 'media' heeft geen soort kwantitatief of kwalitatief"));
    EXPECT_TRUE(heeft("geen regel zendt 'stap(stap: 2, status: ...)' uit; elke stap heeft een status nodig"));
    EXPECT_TRUE(heeft("geen regel zendt 'stap(stap: 5, status: ...)' uit; elke stap heeft een status nodig"));
    EXPECT_FALSE(heeft("geen regel zendt 'stap(stap: 1, status: ...)' uit; elke stap heeft een status nodig"));
}

// A `not` first stands in the state a warm consultation rolls back to; a profile fact that blocks it
// turns every rollback into a rebuild of that state. Lint names each rule that starts so, in any of
// its alternatives, and not a rule with the `not` further on.
TEST(Lint, GeenRegelBegintMetNot) {
    std::vector<SourceFile> extra;
    extra.emplace_back("warm.yaml", R"Y(rules:
  - id: warm.not-vooraan
    when: ["not bron()", "gemeente(naam: ?g)"]
    then: []
  - id: warm.not-in-een-tak
    when: [{or: ["gemeente(naam: ?g)", "not bron()"]}]
    then: []
  - id: warm.not-erna
    when: ["gemeente(naam: ?g)", "not bron()"]
    then: []
)Y");
    auto kb = test::test_kennisbank(std::move(extra));
    const auto v = lint(kb->regels(), "test");
    const std::string waarom = ": begint met een 'not'; een warme raadpleging met een feit dat die 'not' blokkeert, bouwt "
                               "dan de hele begintoestand opnieuw op in plaats van haar eigen feiten in te trekken: zet "
                               "'modus()' of 'afgeleid()' ervoor (knowledge-base/README.md)";
    EXPECT_EQ(meldingen(v), (std::vector<std::string>{"regel 'warm.not-vooraan'" + waarom, "regel 'warm.not-in-een-tak'" + waarom}));
    for (const auto& f : v.fouten) EXPECT_EQ(f.file, "warm.yaml") << f.message;
}

// The verdict on a difference is written out in every rule of metingen.yaml that makes a `beoordeling`,
// because a function of its own costs a warm consultation 0,74% (knowledge-base/README.md): the copies
// must stay one rule, only the name of the threshold may differ.
TEST(Kennisbank, HetOordeelOverEenVerschilIsOveralHetzelfde) {
    const std::string tekst = test::lees_bestand(std::string(WW_KB_SOURCE_DIR) + "/metingen.yaml");
    const std::regex oordeel(R"(oordeel: als\(\?sl - (\?\w+) > \$rekenruis, ongunstig, als\(\?sl \+ \1 < -\$rekenruis, gunstig, gelijk\)\))");
    std::size_t geschreven = 0;
    for (auto p = tekst.find("oordeel: als("); p != std::string::npos; p = tekst.find("oordeel: als(", p + 1)) ++geschreven;
    const auto zo = static_cast<std::size_t>(std::distance(std::sregex_iterator(tekst.begin(), tekst.end(), oordeel), std::sregex_iterator()));
    EXPECT_EQ(geschreven, 9u) << "knowledge-base/README.md telt negen regels met het oordeel";
    EXPECT_EQ(zo, geschreven) << "een oordeel in metingen.yaml wijkt af van de andere";
}

}  // namespace
}  // namespace ww::advies
