// SPDX-License-Identifier: EUPL-1.2
// The HTML report's appendix ("Wat het profiel bevat") and series chart with the SMART target, the
// nulmeting, the IVP and the messages (blind run 77, defects 4 and 6): for profiles with and without
// them, through the bundled knowledge base, so that the figures are those the advice works with.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "advies/adviestekst.hpp"
#include "advies/kennisbank.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"

namespace ww::advies {
namespace {

class RapportBijlage : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        kb_ = Kennisbank::laad(WW_KB_SOURCE_DIR).release();
        r_ = new Raadpleging(*kb_);
    }
    static void TearDownTestSuite() {
        delete r_;
        delete kb_;
    }
    static std::string rapport(const std::string& profiel) {
        auto p = lees_profiel_tekst(profiel, "p.yaml", r_->vocabulaire(), Opdracht::advies);
        if (!p.invoer) throw std::logic_error(p.fouten[0].message);
        return adviestekst(*r_, *p.invoer, Opdracht::advies, Formaat::html, {});
    }
    // The appendix alone: from its heading to the end of its section.
    static std::string bijlage(const std::string& html) {
        const auto begin = html.find("<h2 id=\"kop-profiel\">");
        if (begin == std::string::npos) return {};
        return html.substr(begin, html.find("</section>\n</main>", begin) - begin);
    }
    // The series chart of `indicator`.
    static std::string verloop(const std::string& html, std::string_view indicator) {
        const std::string id = "grafiek-" + std::string(indicator) + "-verloop";
        const auto begin = html.find("<svg class=\"grafiek\" role=\"img\" aria-labelledby=\"" + id);
        if (begin == std::string::npos) return {};
        return html.substr(begin, html.find("</svg>", begin) - begin);
    }
    static Kennisbank* kb_;
    static Raadpleging* r_;
};
Kennisbank* RapportBijlage::kb_ = nullptr;
Raadpleging* RapportBijlage::r_ = nullptr;

// Blind run 77, 05 Oosterlaak: a daling of 10% from 24% in 2019 over four years is 21,6% in 2023.
const std::string oosterlaak = R"(versie: 1
gemeente: {naam: Oosterlaak, inwoners: 102000}
drijfveer: {bepaald: true, soort: streven, gedeeld_met_bestuur: true}
metingen:
- {indicator: onveilig_buurt, waarde: 24.0, marge: 1.8, vergelijkbaar: 21.5, jaar: 2019}
- {indicator: onveilig_buurt, waarde: 22.5, marge: 1.8, vergelijkbaar: 21.0, jaar: 2021}
- {indicator: onveilig_buurt, waarde: 20.5, marge: 1.8, vergelijkbaar: 21.0, jaar: 2023}
- {indicator: oordeel_gemeente, waarde: 55.0, jaar: 2023}
bronnen: [{id: veiligheidsmonitor}]
informatie: {ontbrekend_bepaald: true}
analyse: {uitgevoerd: true, vragen: [wie, waar, wanneer, waarom, waarvoor], problematisch: ja,
          factoren: [toezicht, verloedering, invloed-en-perspectief], rapportage: true}
communicatie:
  frame: veiligheid
  effect_onderzocht: true
  boodschappen:
  - {onderwerp: 'Woninginbraak <Oost>', buikpijn: ja, aanpak: expliciet}
  - {onderwerp: Zwerfafval, buikpijn: nee, aanpak: expliciet}
beleid:
  doel_benoemd: true
  smart: {gekozen: true, indicator: onveilig_buurt, daling_pct: 10, termijn_jaren: 4, startjaar: 2019}
  ivp: {opgenomen: true, prioritaire_factoren: [toezicht, verloedering]}
  uitvoeringsplan: true
  acties:
  - {naam: Wijkagent op vaste tijden, factor: toezicht, status: uitgevoerd}
evaluatie: {momenten_vastgelegd: true, aspecten: [inhoud], nulmeting: true, nulmeting_jaar: 2019}
)";

TEST_F(RapportBijlage, DoelNulmetingIvpEnBoodschappenAlsFeiten) {
    const std::string html = rapport(oosterlaak);
    const std::string b = bijlage(html);
    ASSERT_FALSE(b.empty());
    EXPECT_NE(b.find("<h3>SMART-doel</h3>"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Gekozen</th><td>ja</td>"), std::string::npos);
    // The indicator by its name, not its id.
    EXPECT_NE(b.find("<th scope=\"row\">Indicator</th><td>Het onveiligheidsgevoel in de eigen buurt</td>"), std::string::npos) << b;
    EXPECT_NE(b.find("<th scope=\"row\">Doel</th><td>daling van 10%</td>"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Termijn</th><td>4 jaar, tot 2023</td>"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Uitgangspunt</th><td>24% bij de nulmeting (2019)</td>"), std::string::npos) << b;
    EXPECT_NE(b.find("<th scope=\"row\">Streefcijfer</th><td>21,6% in 2023</td>"), std::string::npos);
    // The nulmeting with its year and the gemeente's figure of that year, per indicator measured then.
    EXPECT_NE(b.find("<h3>Nulmeting</h3>"), std::string::npos);
    EXPECT_NE(b.find("<td>uitgevoerd, in 2019</td>"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Het onveiligheidsgevoel in de eigen buurt</th><td>24% in 2019</td>"), std::string::npos) << b;
    EXPECT_EQ(b.find("55% in"), std::string::npos);  // oordeel_gemeente has no figure of 2019
    // The IVP with the names of its factors in the Tafel's order.
    EXPECT_NE(b.find("<th scope=\"row\">Veiligheidsbeleving in het IVP</th><td>opgenomen</td>"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Prioritaire factoren</th><td>&#39;fysieke verloedering&#39; en &#39;toezicht&#39;</td>"), std::string::npos) << b;
    // The messages with the check's verdict, escaped.
    EXPECT_NE(b.find("<h3>Boodschappen in het communicatieplan</h3>"), std::string::npos);
    EXPECT_NE(b.find("Woninginbraak &lt;Oost&gt;"), std::string::npos);
    EXPECT_NE(b.find(">passend</td>"), std::string::npos);
    EXPECT_NE(b.find(">botst</td>"), std::string::npos);
    // The same report twice is the same report.
    EXPECT_EQ(rapport(oosterlaak), html);
}

TEST_F(RapportBijlage, GrafiekMetNulmetingEnDoel) {
    const std::string html = rapport(oosterlaak);
    const std::string svg = verloop(html, "onveilig_buurt");
    ASSERT_FALSE(svg.empty());
    // The nulmeting marked and named; the target as a diamond with its figure, in the legend too.
    EXPECT_NE(svg.find(">nulmeting</text>"), std::string::npos);
    EXPECT_NE(svg.find("<title>SMART-doel: daling van 10%, streefcijfer 21,6% in 2023</title>"), std::string::npos);
    EXPECT_NE(svg.find(">SMART-doel: streefcijfer 21,6% in 2023</text>"), std::string::npos);
    // The text alternative says the same.
    const auto desc = svg.find("-desc\">");
    ASSERT_NE(desc, std::string::npos);
    const std::string beschrijving = svg.substr(desc, svg.find("</desc>", desc) - desc);
    EXPECT_NE(beschrijving.find("Nulmeting: 24% in 2019."), std::string::npos) << beschrijving;
    EXPECT_NE(beschrijving.find("SMART-doel: daling van 10% ten opzichte van 24% bij de nulmeting (2019), dus een streefcijfer van 21,6% in 2023."),
              std::string::npos)
        << beschrijving;
    // An indicator without the target or a figure of the nulmeting year gets neither mark.
    const std::string ander = verloop(html, "oordeel_gemeente");
    ASSERT_FALSE(ander.empty());
    EXPECT_EQ(ander.find("nulmeting"), std::string::npos);
    EXPECT_EQ(ander.find("SMART"), std::string::npos);
}

// A target that ends after the last figure gets its own place on the axis, the year the term ends.
TEST_F(RapportBijlage, EindjaarNaDeLaatsteMetingOpDeAs) {
    const std::string html = rapport(R"(gemeente: {naam: Weidebeek, inwoners: 73000}
metingen:
- {indicator: onveilig_buurt, waarde: 12.5, jaar: 2021, marge: 1.5}
- {indicator: onveilig_buurt, waarde: 12.0, jaar: 2023, marge: 1.5}
beleid:
  smart: {gekozen: true, indicator: onveilig_buurt, daling_pct: 15, termijn_jaren: 2, startjaar: 2023}
)");
    const std::string svg = verloop(html, "onveilig_buurt");
    EXPECT_NE(svg.find("text-anchor=\"middle\">2025</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">SMART-doel: streefcijfer 10,2% in 2025</text>"), std::string::npos) << svg;
    EXPECT_EQ(svg.find(">nulmeting</text>"), std::string::npos);  // the profile records none
    const std::string b = bijlage(html);
    EXPECT_NE(b.find("<th scope=\"row\">Streefcijfer</th><td>10,2% in 2025</td>"), std::string::npos) << b;
    EXPECT_NE(b.find("<th scope=\"row\">Startjaar</th><td>2023</td>"), std::string::npos);
    EXPECT_EQ(b.find("<h3>Nulmeting</h3>"), std::string::npos);
    EXPECT_EQ(b.find("Integraal veiligheidsplan"), std::string::npos);
}

// Without a term the target has no end year: a level line on its figure, no diamond, and the text says why.
TEST_F(RapportBijlage, DoelZonderEindjaarAlsVlakkeLijn) {
    const std::string html = rapport(R"(gemeente: {naam: Havendam, inwoners: 90000}
metingen:
- {indicator: oordeel_gemeente, waarde: 50, jaar: 2019, marge: 2}
- {indicator: oordeel_gemeente, waarde: 54, jaar: 2023, marge: 2}
beleid:
  smart: {gekozen: true, indicator: oordeel_gemeente, stijging_pct: 10}
evaluatie: {nulmeting: true}
)");
    const std::string svg = verloop(html, "oordeel_gemeente");
    EXPECT_NE(svg.find(">SMART-doel: streefcijfer 55% (geen eindjaar)</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find("stroke=\"#1c6b33\" stroke-width=\"2\" stroke-dasharray=\"8 3 2 3\">"), std::string::npos);  // the level line
    EXPECT_EQ(svg.find("fill=\"#ffffff\" stroke=\"#1c6b33\""), std::string::npos);  // no diamond, in the chart nor the legend
    EXPECT_NE(svg.find("dus een streefcijfer van 55% (zonder eindjaar"), std::string::npos);
    // The nulmeting without a year is the first figure of the series, as the advice takes it.
    EXPECT_NE(bijlage(html).find("<td>50% in 2019</td>"), std::string::npos);
    EXPECT_NE(svg.find(">nulmeting</text>"), std::string::npos);
}

// Nothing for what the profile does not have: no target, nulmeting, IVP or messages, and no marks.
TEST_F(RapportBijlage, NietsVoorWatHetProfielNietHeeft) {
    const std::string html = rapport(R"(gemeente: {naam: Lindenvoort, inwoners: 48500}
metingen:
- {indicator: onveilig_buurt, waarde: 17, jaar: 2021}
- {indicator: onveilig_buurt, waarde: 18, jaar: 2023}
)");
    const std::string b = bijlage(html);
    ASSERT_FALSE(b.empty());
    for (const char* kop : {"SMART-doel", "Nulmeting", "Integraal veiligheidsplan", "Boodschappen"})
        EXPECT_EQ(b.find(kop), std::string::npos) << kop;
    const std::string svg = verloop(html, "onveilig_buurt");
    ASSERT_FALSE(svg.empty());
    EXPECT_EQ(svg.find("nulmeting"), std::string::npos);
    EXPECT_EQ(svg.find("SMART"), std::string::npos);
}

// A deliberate choice for no target, an IVP not holding veiligheidsbeleving and a nulmeting not done are
// facts too; priorities the profile does not list are not "geen".
TEST_F(RapportBijlage, BewustGeenDoelEnNogGeenNulmeting) {
    const std::string b = bijlage(rapport(R"(gemeente: {naam: Rietmonde, inwoners: 60000}
beleid:
  smart: {gekozen: false}
  ivp: {opgenomen: false}
evaluatie: {nulmeting: false}
)"));
    EXPECT_NE(b.find("<th scope=\"row\">Gekozen</th><td>nee, bewust geen SMART-doel</td>"), std::string::npos) << b;
    EXPECT_EQ(b.find("Streefcijfer"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Nulmeting</th><td>nog niet uitgevoerd</td>"), std::string::npos);
    EXPECT_NE(b.find("<td>niet opgenomen</td>"), std::string::npos);
    EXPECT_NE(b.find("<th scope=\"row\">Prioritaire factoren</th><td>niet vastgelegd</td>"), std::string::npos);
    EXPECT_EQ(b.find("Het profiel bevat geen cijfers"), std::string::npos);
}

// An empty list of priorities says the IVP puts no factor first: "geen", not "niet vastgelegd" as without
// the key.
TEST_F(RapportBijlage, LegeLijstPrioriteitenIsGeen) {
    const std::string b = bijlage(rapport(R"(gemeente: {naam: Rietmonde, inwoners: 60000}
beleid:
  ivp: {opgenomen: true, prioritaire_factoren: []}
)"));
    EXPECT_NE(b.find("<th scope=\"row\">Prioritaire factoren</th><td>geen</td>"), std::string::npos) << b;
    EXPECT_EQ(b.find("niet vastgelegd"), std::string::npos) << b;
}

// A target the knowledge base sets no figure for (a daling on an indicator where higher is better) is
// shown as the profile gives it, without a figure the advice does not have.
TEST_F(RapportBijlage, DoelZonderStreefcijferZegtDat) {
    const std::string html = rapport(R"(gemeente: {naam: Havendam, inwoners: 90000}
metingen:
- {indicator: oordeel_gemeente, waarde: 50, jaar: 2023}
beleid:
  smart: {gekozen: true, indicator: oordeel_gemeente, daling_pct: 10, termijn_jaren: 4}
)");
    const std::string b = bijlage(html);
    EXPECT_NE(b.find("<th scope=\"row\">Doel</th><td>daling van 10%</td>"), std::string::npos) << b;
    EXPECT_NE(b.find("<th scope=\"row\">Streefcijfer</th><td>niet te berekenen"), std::string::npos);
    // The chart is there (one figure of its own), or the check for its mark would pass on nothing.
    const std::string svg = verloop(html, "oordeel_gemeente");
    ASSERT_FALSE(svg.empty());
    EXPECT_EQ(svg.find("SMART"), std::string::npos);
}

// One priority factor stands bare (no quotes), with a capital as a table cell starts.
TEST_F(RapportBijlage, EenPrioritaireFactorMetHoofdletter) {
    const std::string html = rapport(R"(gemeente: {naam: Rietmonde, inwoners: 60000}
beleid:
  ivp: {opgenomen: true, prioritaire_factoren: [toezicht]}
)");
    EXPECT_NE(bijlage(html).find("<th scope=\"row\">Prioritaire factoren</th><td>Toezicht</td>"), std::string::npos) << bijlage(html);
}

// An IVP section without `opgenomen` does not say whether veiligheidsbeleving is in it: not "niet
// opgenomen", which the reader's default would state.
TEST_F(RapportBijlage, IvpZonderOpgenomenIsNietVastgelegd) {
    const std::string b = bijlage(rapport(R"(gemeente: {naam: Rietmonde, inwoners: 60000}
beleid:
  ivp: {prioritaire_factoren: [toezicht]}
)"));
    EXPECT_NE(b.find("<th scope=\"row\">Veiligheidsbeleving in het IVP</th><td>niet vastgelegd</td>"), std::string::npos) << b;
    EXPECT_EQ(b.find("niet opgenomen"), std::string::npos) << b;
}

}  // namespace
}  // namespace ww::advies
