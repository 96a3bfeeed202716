// SPDX-License-Identifier: EUPL-1.2
// The thread's output buffer handed on (advies/uitbuffer.hpp): a moved Uitbuffer keeps what was written
// and the thread's buffer in use until it is gone, and the advice written into a caller's buffer
// (adviestekst_in, what the service sends) is the command line's (adviestekst) byte for byte.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "advies/adviestekst.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "advies/uitbuffer.hpp"
#include "testkennisbank.hpp"

namespace ww::advies {
namespace {

TEST(Uitbuffer, VerplaatstHoudtHijDeBufferVanDeThread) {
    const char* van_de_thread = nullptr;
    {
        Uitbuffer eerste;
        eerste += "<p>eerste</p>";
        van_de_thread = eerste.inhoud().data();
        std::optional<Uitbuffer> bewaard;
        bewaard.emplace(std::move(eerste));
        EXPECT_EQ(bewaard->inhoud(), "<p>eerste</p>");
        EXPECT_EQ(bewaard->inhoud().data(), van_de_thread);
        {
            // Written while the moved one still waits to be sent: in a buffer of its own.
            Uitbuffer tweede;
            tweede += std::string(100000, 'x');
            EXPECT_NE(tweede.inhoud().data(), van_de_thread);
            EXPECT_EQ(tweede.size(), 100000u);
        }
        EXPECT_EQ(bewaard->inhoud(), "<p>eerste</p>");
        // Assigned over, the earlier one gives the thread's buffer back and takes the other's.
        Uitbuffer derde;
        derde += "derde";
        const char* eigen = derde.inhoud().data();
        EXPECT_NE(eigen, van_de_thread);
        *bewaard = std::move(derde);
        EXPECT_EQ(bewaard->inhoud(), "derde");
        EXPECT_EQ(bewaard->inhoud().data(), eigen);
        Uitbuffer vierde;
        EXPECT_EQ(vierde.inhoud().data(), van_de_thread);
    }
    // All gone: the next one writes in the thread's buffer again.
    Uitbuffer daarna;
    EXPECT_EQ(daarna.inhoud().data(), van_de_thread);
    EXPECT_EQ(daarna.size(), 0u);
}

TEST(Uitbuffer, AdviestekstInIsAdviestekst) {
    const auto kb = test::test_kennisbank();
    Raadpleging raadpleging(*kb);
    const char* profiel = R"(gemeente: {naam: "Noorder<dam> & co", inwoners: 42000}
drijfveer: {bepaald: true, soort: leren}
bronnen: [{id: veiligheidsmonitor}, {id: meldingen}]
metingen: [{indicator: overlast, waarde: 31.5, vergelijkbaar: 20}]
)";
    auto p = lees_profiel_tekst(profiel, "p.yaml", raadpleging.vocabulaire(), Opdracht::advies);
    ASSERT_TRUE(p.invoer) << (p.fouten.empty() ? "" : p.fouten[0].message);
    for (const Formaat formaat : {Formaat::json, Formaat::html, Formaat::markdown, Formaat::text})
        for (const bool uitleg : {false, true}) {
            OpmaakOpties opties;
            opties.uitleg = uitleg;
            const std::string verwacht = adviestekst(raadpleging, *p.invoer, Opdracht::advies, formaat, opties);
            std::optional<Uitbuffer> uit;
            uit.emplace();
            *uit += "vooraf:";
            adviestekst_in(*uit, raadpleging, *p.invoer, Opdracht::advies, formaat, opties);
            // Moved on (as into the service's answer), and the buffer used once more meanwhile.
            Uitbuffer verplaatst(std::move(*uit));
            EXPECT_EQ(adviestekst(raadpleging, *p.invoer, Opdracht::advies, formaat, opties), verwacht);
            EXPECT_GT(verwacht.size(), 100u);
            EXPECT_EQ(verplaatst.inhoud(), "vooraf:" + verwacht) << static_cast<int>(formaat) << (uitleg ? " met uitleg" : "");
        }
}

}  // namespace
}  // namespace ww::advies
