// SPDX-License-Identifier: EUPL-1.2
// The group of each advice through the C++ face (wegwijzer::groep), against the library's own JSON
// and text, for every example profile; and for lists an embedder builds itself.
#include <wegwijzer/wegwijzer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::string lees(const std::filesystem::path& pad) {
    std::ifstream in(pad, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::filesystem::path> voorbeelden() {
    std::vector<std::filesystem::path> v;
    for (const auto& e : std::filesystem::directory_iterator(WW_EXAMPLES_DIR))
        if (e.path().extension() == ".yaml") v.push_back(e.path());
    std::sort(v.begin(), v.end());
    return v;
}

class Groepen : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        kennisbank_ = new wegwijzer::Kennisbank(wegwijzer::Kennisbank::open(WW_KB_SOURCE_DIR));
    }
    static void TearDownTestSuite() {
        delete kennisbank_;
        kennisbank_ = nullptr;
    }
    static wegwijzer::Kennisbank* kennisbank_;
};
wegwijzer::Kennisbank* Groepen::kennisbank_ = nullptr;

std::vector<wegwijzer::Groep> groepen_van(const wegwijzer::Advies& advies) {
    std::vector<wegwijzer::Groep> g;
    for (std::size_t i = 0; i < advies.adviezen.size(); ++i) g.push_back(wegwijzer::groep(advies, i));
    return g;
}

TEST_F(Groepen, ZoalsDeJsonVanElkVoorbeeldprofiel) {
    wegwijzer::Raadpleging raadpleging(*kennisbank_);
    const auto profielen = voorbeelden();
    ASSERT_FALSE(profielen.empty());
    for (const auto& pad : profielen) {
        SCOPED_TRACE(pad.filename().string());
        const std::string tekst = lees(pad);
        const wegwijzer::Advies advies = raadpleging.advies(tekst);
        const auto json = nlohmann::json::parse(raadpleging.advies_als(tekst, wegwijzer::Formaat::json));
        ASSERT_EQ(json["adviezen"].size(), advies.adviezen.size());
        const auto g = groepen_van(advies);
        for (std::size_t i = 0; i < g.size(); ++i) {
            EXPECT_EQ(json["adviezen"][i]["groep"].get<std::string>(), wegwijzer::naam_van(g[i])) << "advies " << i;
            // The list is in group order: a group never comes back after the next one began.
            if (i > 0) {
                EXPECT_LE(static_cast<int>(g[i - 1]), static_cast<int>(g[i])) << "advies " << i;
            }
            const auto& a = advies.adviezen[i];
            if (g[i] == wegwijzer::Groep::nu_doen) {
                EXPECT_EQ(a.soort, wegwijzer::Soort::actie);
                EXPECT_EQ(a.stap, advies.huidige_stap);
            }
            EXPECT_EQ(g[i] == wegwijzer::Groep::waarschuwingen, a.soort == wegwijzer::Soort::waarschuwing);
        }
    }
}

// 05-acties-los-van-analyse has all three groups (stap 4): its acties, the warning that an actie lies
// outside the analysis, the rest. That warning has priority 1 and still comes after acties of
// priority 2: the group, not the place or the priority, says where "Nu doen" ends.
TEST_F(Groepen, EenProfielMetAlleDrieGroepen) {
    wegwijzer::Raadpleging raadpleging(*kennisbank_);
    const std::string tekst = lees(std::filesystem::path(WW_EXAMPLES_DIR) / "05-acties-los-van-analyse.yaml");
    const wegwijzer::Advies advies = raadpleging.advies(tekst);
    ASSERT_EQ(advies.huidige_stap, 4);
    std::vector<std::string> nu, waarschuwingen, verder;
    long long hoogste_nu = 0;
    for (std::size_t i = 0; i < advies.adviezen.size(); ++i) {
        const auto& a = advies.adviezen[i];
        switch (wegwijzer::groep(advies, i)) {
            case wegwijzer::Groep::nu_doen:
                nu.push_back(a.id);
                hoogste_nu = std::max(hoogste_nu, a.prioriteit);
                break;
            case wegwijzer::Groep::waarschuwingen: waarschuwingen.push_back(a.id); break;
            case wegwijzer::Groep::verder: verder.push_back(a.id); break;
        }
    }
    EXPECT_NE(std::find(nu.begin(), nu.end(), "ivp.afwijkend-van-analyse"), nu.end());
    EXPECT_EQ(waarschuwingen, (std::vector<std::string>{"tafel.actie-buiten-analyse"}));
    EXPECT_FALSE(verder.empty());
    const auto w = std::find_if(advies.adviezen.begin(), advies.adviezen.end(),
                                [](const auto& a) { return a.id == "tafel.actie-buiten-analyse"; });
    ASSERT_NE(w, advies.adviezen.end());
    EXPECT_EQ(w->prioriteit, 1);
    EXPECT_GT(hoogste_nu, w->prioriteit);
    // The text heads each group with kop_van, in that order.
    const std::string als_tekst = raadpleging.advies_als(tekst, wegwijzer::Formaat::tekst);
    std::size_t vorige = 0;
    for (auto g : {wegwijzer::Groep::nu_doen, wegwijzer::Groep::waarschuwingen, wegwijzer::Groep::verder}) {
        const auto plaats = als_tekst.find("\n" + std::string(wegwijzer::kop_van(g)) + "\n");
        ASSERT_NE(plaats, std::string::npos) << wegwijzer::kop_van(g);
        EXPECT_GT(plaats, vorige) << wegwijzer::kop_van(g);
        vorige = plaats;
    }
}

TEST_F(Groepen, CommunicatiecheckZetElkeActieBijNuDoen) {
    wegwijzer::Raadpleging raadpleging(*kennisbank_);
    const std::string tekst = lees(std::filesystem::path(WW_EXAMPLES_DIR) / "04-communicatie-buikpijn.yaml");
    const wegwijzer::Advies advies = raadpleging.advies(tekst, wegwijzer::Opdracht::communicatie);
    ASSERT_TRUE(advies.communicatie);
    const auto json = nlohmann::json::parse(
        raadpleging.advies_als(tekst, wegwijzer::Formaat::json, wegwijzer::Opdracht::communicatie));
    ASSERT_EQ(json["adviezen"].size(), advies.adviezen.size());
    for (std::size_t i = 0; i < advies.adviezen.size(); ++i) {
        const auto g = wegwijzer::groep(advies, i);
        EXPECT_EQ(g == wegwijzer::Groep::nu_doen, advies.adviezen[i].soort == wegwijzer::Soort::actie) << i;
        EXPECT_EQ(json["adviezen"][i]["groep"].get<std::string>(), wegwijzer::naam_van(g)) << i;
    }
}

wegwijzer::AdviesItem item(const char* id, wegwijzer::Soort soort, int stap) {
    wegwijzer::AdviesItem a;
    a.id = id;
    a.soort = soort;
    a.stap = stap;
    return a;
}

// A list an embedder put together (or reordered) itself: the group follows from the item, not its place.
TEST(Groep, VolgtUitSoortEnStapNietUitDePlaats) {
    wegwijzer::Advies advies;
    advies.huidige_stap = 2;
    advies.adviezen = {item("i", wegwijzer::Soort::info, 2), item("a1", wegwijzer::Soort::actie, 1),
                       item("w", wegwijzer::Soort::waarschuwing, 4), item("a2", wegwijzer::Soort::actie, 2)};
    EXPECT_EQ(groepen_van(advies), (std::vector<wegwijzer::Groep>{wegwijzer::Groep::verder, wegwijzer::Groep::verder,
                                                                 wegwijzer::Groep::waarschuwingen,
                                                                 wegwijzer::Groep::nu_doen}));
    advies.communicatie = true;  // every actie is "Nu doen", whatever its step
    EXPECT_EQ(groepen_van(advies), (std::vector<wegwijzer::Groep>{wegwijzer::Groep::verder, wegwijzer::Groep::nu_doen,
                                                                 wegwijzer::Groep::waarschuwingen,
                                                                 wegwijzer::Groep::nu_doen}));
}

// opmaak puts a list of one's own into its groups first: the JSON's order and `groep` and the text's
// headings then agree, and within a group the caller's order stays.
TEST(Groep, OpmaakZetEenEigenLijstInHaarGroepen) {
    wegwijzer::Advies advies;
    advies.huidige_stap = 2;
    advies.adviezen = {item("i", wegwijzer::Soort::info, 2), item("a1", wegwijzer::Soort::actie, 1),
                       item("w", wegwijzer::Soort::waarschuwing, 4), item("a2", wegwijzer::Soort::actie, 2)};
    for (auto& a : advies.adviezen) a.tekst = "tekst-" + a.id;
    const auto json = nlohmann::json::parse(wegwijzer::opmaak(advies, wegwijzer::Formaat::json));
    std::vector<std::string> ids, groepen;
    for (const auto& a : json["adviezen"]) {
        ids.push_back(a["id"].get<std::string>());
        groepen.push_back(a["groep"].get<std::string>());
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"a2", "w", "i", "a1"}));
    EXPECT_EQ(groepen, (std::vector<std::string>{"nu_doen", "waarschuwingen", "verder", "verder"}));
    const std::string tekst = wegwijzer::opmaak(advies, wegwijzer::Formaat::tekst);
    const auto plaats = [&](std::string_view s) { return tekst.find(s); };
    ASSERT_NE(plaats("Nu doen"), std::string::npos);
    ASSERT_NE(plaats("Waarschuwingen"), std::string::npos);
    ASSERT_NE(plaats("Verder"), std::string::npos);
    EXPECT_LT(plaats("Nu doen"), plaats("tekst-a2"));
    EXPECT_LT(plaats("tekst-a2"), plaats("Waarschuwingen"));
    EXPECT_LT(plaats("Waarschuwingen"), plaats("tekst-w"));
    EXPECT_LT(plaats("tekst-w"), plaats("Verder"));
    EXPECT_LT(plaats("Verder"), plaats("tekst-i"));
    EXPECT_LT(plaats("tekst-i"), plaats("tekst-a1"));
}

// huidige_stap 0 (an embedder's own list that does not know where the gemeente stands), or any other
// number that is no step, has no acties to do now: none is "Nu doen", where 0 once made every actie so.
// A communication check is not a place in the stappenplan: there every actie still is.
TEST(Groep, GeenStapGeeftGeenNuDoen) {
    for (const int stap : {0, -1, 6}) {
        SCOPED_TRACE(stap);
        wegwijzer::Advies advies;
        advies.huidige_stap = stap;
        advies.adviezen = {item("a0", wegwijzer::Soort::actie, 0), item("a1", wegwijzer::Soort::actie, 1),
                           item("a", wegwijzer::Soort::actie, stap), item("w", wegwijzer::Soort::waarschuwing, 1),
                           item("i", wegwijzer::Soort::info, 1)};
        EXPECT_EQ(groepen_van(advies),
                  (std::vector<wegwijzer::Groep>{wegwijzer::Groep::verder, wegwijzer::Groep::verder,
                                                 wegwijzer::Groep::verder, wegwijzer::Groep::waarschuwingen,
                                                 wegwijzer::Groep::verder}));
        advies.communicatie = true;
        EXPECT_EQ(groepen_van(advies),
                  (std::vector<wegwijzer::Groep>{wegwijzer::Groep::nu_doen, wegwijzer::Groep::nu_doen,
                                                 wegwijzer::Groep::nu_doen, wegwijzer::Groep::waarschuwingen,
                                                 wegwijzer::Groep::verder}));
    }
}

// The formats of the contract know the steps 1 to 5 only: opmaak refuses an advice of one's own with
// another step number (std::invalid_argument naming the field) in every format, rather than writing
// a huidige_stap the contract does not have or a step name it does not know.
TEST(Groep, OpmaakWeigertEenStapBuitenHetStappenplan) {
    wegwijzer::Advies goed;
    goed.huidige_stap = 2;
    for (int s = 1; s <= 5; ++s) goed.stappen.push_back({s, "", wegwijzer::Status::open});
    goed.adviezen = {item("a", wegwijzer::Soort::actie, 2)};
    for (auto f : {wegwijzer::Formaat::json, wegwijzer::Formaat::tekst, wegwijzer::Formaat::markdown})
        EXPECT_NO_THROW(wegwijzer::opmaak(goed, f));

    const auto melding = [](const wegwijzer::Advies& advies, wegwijzer::Formaat f) -> std::string {
        try {
            wegwijzer::opmaak(advies, f);
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "geen std::invalid_argument";
    };
    for (auto f : {wegwijzer::Formaat::json, wegwijzer::Formaat::tekst, wegwijzer::Formaat::markdown}) {
        SCOPED_TRACE(static_cast<int>(f));
        auto advies = goed;
        advies.huidige_stap = 0;
        EXPECT_EQ(melding(advies, f), "wegwijzer::opmaak: huidige_stap 0 is geen stap van het stappenplan (1 tot 5)");
        advies.communicatie = true;  // the JSON of a communication check has a huidige_stap too
        EXPECT_EQ(melding(advies, f), "wegwijzer::opmaak: huidige_stap 0 is geen stap van het stappenplan (1 tot 5)");
        advies = goed;
        advies.stappen[4].stap = 6;
        EXPECT_EQ(melding(advies, f), "wegwijzer::opmaak: stappen[4].stap 6 is geen stap van het stappenplan (1 tot 5)");
        advies = goed;
        advies.adviezen.push_back(item("b", wegwijzer::Soort::info, 0));
        EXPECT_EQ(melding(advies, f), "wegwijzer::opmaak: adviezen[1].stap 0 is geen stap van het stappenplan (1 tot 5)");
    }
}

TEST(Groep, IndexBuitenDeLijstGooitOutOfRange) {
    wegwijzer::Advies advies;
    EXPECT_THROW(wegwijzer::groep(advies, 0), std::out_of_range);
    advies.adviezen = {item("a", wegwijzer::Soort::actie, 1)};
    EXPECT_EQ(wegwijzer::groep(advies, 0), wegwijzer::Groep::nu_doen);
    try {
        wegwijzer::groep(advies, 1);
        FAIL() << "geen std::out_of_range";
    } catch (const std::out_of_range& e) {
        EXPECT_STREQ(e.what(), "wegwijzer::groep: index 1 valt buiten de lijst van 1 adviezen");
    }
    EXPECT_THROW(wegwijzer::groep(advies, static_cast<std::size_t>(-1)), std::out_of_range);
}

// The header's version is the library's (the build of both from one project version), and its three
// numbers make its text.
TEST(Versie, VanDeHeaderIsDieVanDeBibliotheek) {
    EXPECT_EQ(std::to_string(WEGWIJZER_VERSIE_MAJOR) + "." + std::to_string(WEGWIJZER_VERSIE_MINOR) + "." +
                  std::to_string(WEGWIJZER_VERSIE_PATCH),
              WEGWIJZER_VERSIE);
    EXPECT_EQ(wegwijzer::versie(), WEGWIJZER_VERSIE);
}

TEST(Groep, NamenEnKoppen) {
    EXPECT_EQ(wegwijzer::naam_van(wegwijzer::Groep::nu_doen), "nu_doen");
    EXPECT_EQ(wegwijzer::naam_van(wegwijzer::Groep::waarschuwingen), "waarschuwingen");
    EXPECT_EQ(wegwijzer::naam_van(wegwijzer::Groep::verder), "verder");
    EXPECT_EQ(wegwijzer::kop_van(wegwijzer::Groep::nu_doen), "Nu doen");
    EXPECT_EQ(wegwijzer::kop_van(wegwijzer::Groep::waarschuwingen), "Waarschuwingen");
    EXPECT_EQ(wegwijzer::kop_van(wegwijzer::Groep::verder), "Verder");
    // A value outside the enum (only a cast makes one) reads as Verder, never past the table of texts.
    EXPECT_EQ(wegwijzer::naam_van(static_cast<wegwijzer::Groep>(7)), "verder");
    EXPECT_EQ(wegwijzer::kop_van(static_cast<wegwijzer::Groep>(-1)), "Verder");
}

}  // namespace
