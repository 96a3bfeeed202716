// SPDX-License-Identifier: EUPL-1.2
// als_json writes the contract's layout itself; it must stay byte for byte what nlohmann's dump of
// the whole tree gives (the output of every earlier version). The reference below builds that tree.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "advies/opmaak.hpp"
#include "advies/ordening.hpp"

namespace ww::advies {
namespace {

using Json = nlohmann::ordered_json;

Json uitleg_boom(const Uitleg& u) {
    Json j;
    j["feit"] = u.feit;
    j["regel"] = u.regel.empty() ? Json(nullptr) : Json(u.regel);
    j["herkomst"] = u.herkomst == Uitleg::Herkomst::regel       ? "regel"
                    : u.herkomst == Uitleg::Herkomst::profiel   ? "profiel"
                    : u.herkomst == Uitleg::Herkomst::standaard ? "standaard"
                                                                : "kennisbank";
    Json bindingen = Json::object();
    for (const auto& [naam, waarde] : u.bindingen) bindingen[naam] = waarde;
    j["bindingen"] = std::move(bindingen);
    Json premissen = Json::array();
    for (const auto& p : u.premissen) premissen.push_back(uitleg_boom(p));
    j["premissen"] = std::move(premissen);
    return j;
}

std::string als_boom(const Advies& advies, const OpmaakOpties& opties) {
    Json j;
    j["versie"] = advies.versie;
    j["gemeente"] = advies.gemeente;
    const Herkomst& h = advies.herkomst;
    j["programma"] = h.programma;
    j["kennisbank"] = Json{{"naam", h.naam ? Json(*h.naam) : Json(nullptr)},
                           {"versie", h.versie ? Json(*h.versie) : Json(nullptr)},
                           {"sleutel", h.sleutel}};
    Json stappen = Json::array();
    for (const auto& s : advies.stappen)
        stappen.push_back(Json{{"stap", s.stap}, {"naam", stap_namen[static_cast<std::size_t>(s.stap - 1)]},
                               {"status", naam_van(s.status)}});
    j["fase"] = Json{{"huidige_stap", advies.huidige_stap}, {"stappen", std::move(stappen)}};
    Json adviezen = Json::array();
    const Groepen g = groepen(advies);
    for (const auto& a : advies.adviezen) {
        Json item;
        item["id"] = a.id;
        item["soort"] = naam_van(a.soort);
        item["stap"] = a.stap;
        item["onderwerp"] = a.onderwerp;
        item["prioriteit"] = a.prioriteit;
        item["tekst"] = a.tekst;
        item["bron"] = a.bron;
        item["factoren"] = a.factoren;
        item["onderbouwing"] = a.onderbouwing;
        const auto plaats = static_cast<std::size_t>(&a - advies.adviezen.data());
        item["groep"] = plaats < g.nu_doen ? "nu_doen" : plaats < g.waarschuwingen ? "waarschuwingen" : "verder";
        if (opties.uitleg && a.uitleg) item["uitleg"] = uitleg_boom(*a.uitleg);
        adviezen.push_back(std::move(item));
    }
    j["adviezen"] = std::move(adviezen);
    if (!advies.boodschappen.empty()) {
        Json boodschappen = Json::array();
        for (const auto& b : advies.boodschappen)
            boodschappen.push_back(Json{{"nr", b.nr}, {"onderwerp", b.onderwerp}, {"buikpijn", b.buikpijn},
                                        {"aanpak", b.aanpak}, {"oordeel", b.oordeel}, {"toelichting", b.toelichting}});
        j["boodschappen"] = std::move(boodschappen);
    }
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

AdviesItem item(std::string id, std::string tekst) {
    AdviesItem a;
    a.id = std::move(id);
    a.tekst = std::move(tekst);
    a.onderwerp = "analyse";
    a.bron = "Stap 3: Maak de analyse";
    return a;
}

Advies lastig() {
    Advies a;
    a.gemeente = "\"Sint-Oedenrode\" \\ \t\n\x01 é ‘x’ \xff\xfe kapot \xe2\x82";  // quotes, controls, invalid UTF-8
    a.herkomst = Herkomst{"wegwijzer 9.9.9", "kennis\"bank", std::nullopt, "0123456789abcdef"};
    a.huidige_stap = 4;
    a.stappen = {StapStand{1, Status::afgerond}, StapStand{2, Status::afgerond}, StapStand{3, Status::bezig},
                 StapStand{4, Status::open}, StapStand{5, Status::open}};
    auto eerste = item("a.b", "tekst met \"aanhalingstekens\", een \\ en een regel\neinde\x7f");
    eerste.soort = Soort::waarschuwing;
    eerste.prioriteit = -9223372036854775807LL - 1;
    eerste.factoren = {"", "toezicht", "\xc3"};
    eerste.onderbouwing = {"één"};
    eerste.uitleg = Uitleg{Uitleg::Herkomst::regel, "a.b", "advies(tekst: \"x\")", {{"?x", "3"}, {"?\"y", "\x80"}, {"?x", "4"}},
                           {Uitleg{Uitleg::Herkomst::profiel, "", "feit()\n", {}, {}},
                            Uitleg{Uitleg::Herkomst::kennisbank, "", "kb()", {}, {}},
                            Uitleg{Uitleg::Herkomst::standaard, "", "sectie_afwezig()", {}, {}}}};
    auto tweede = item("", "");
    tweede.bron = "";
    tweede.soort = Soort::actie;
    tweede.stap = 5;
    tweede.prioriteit = 9223372036854775807LL;
    tweede.uitleg = Uitleg{};  // an empty derivation: empty bindings and premises
    a.adviezen = {eerste, tweede, item("c", "gewoon"), item("d", " ~!#$%&()*+,-./:;<=>?@[]^_`{|}\x7f"),
                  item("e", "net geen gewone tekst\x1f")};
    a.boodschappen = {Boodschapoordeel{1, "overlast", "ja", "expliciet", "passend", "goed \"zo\""},
                      Boodschapoordeel{-2, "", "nee", "\xfe", "botst", ""}};
    return a;
}

TEST(OpmaakJson, GelijkAanDeDumpVanDeBoom) {
    std::vector<Advies> gevallen;
    gevallen.push_back(Advies{});  // no advice: "adviezen": []
    gevallen.push_back(lastig());
    Advies een;
    een.adviezen = {item("x", "y")};
    een.herkomst.naam = "kb";
    een.herkomst.versie = "1.0";
    gevallen.push_back(een);
    for (const auto& advies : gevallen)
        for (bool uitleg : {false, true}) {
            OpmaakOpties o;
            o.uitleg = uitleg;
            EXPECT_EQ(als_json(advies, o), als_boom(advies, o)) << "uitleg " << uitleg;
        }
}

// Plain texts are recognised eight bytes at a time: every byte value at every place of a text, in and
// across those words, must come out as the tree's dump writes it.
TEST(OpmaakJson, ElkeByteOpElkePlaats) {
    Advies advies;
    advies.adviezen = {item("x", "y")};
    auto& teksten = advies.adviezen[0].factoren;
    for (int b = 0; b < 256; ++b)
        for (std::size_t plaats = 0; plaats < 19; ++plaats) {
            std::string t(19, 'a');
            t[plaats] = static_cast<char>(b);
            teksten.push_back(t);
            teksten.push_back(t.substr(0, plaats + 1));
        }
    EXPECT_EQ(als_json(advies, {}), als_boom(advies, {}));
}

// Well-formed UTF-8 is copied as it is, anything else goes through the dump: sequences well-formed and
// not (overlong, surrogate, past U+10FFFF, cut short, a stray continuation byte), at every place of a
// text and cut off at every length.
TEST(OpmaakJson, Utf8ReeksenOpElkePlaats) {
    const std::string reeksen[] = {"é",           "’",           "😀",          "\xc2\x85",     "\xc2\xa0",      "\xdf\xbf",
                                   "\xe0\xa0\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xc0\x80",  "\xc1\xbf",
                                   "\xe0\x80\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\x80",
                                   "\xbf",         "\xe2\x82",    "\xf0\x9f\x98", "é\x80",        "\xff"};
    Advies advies;
    advies.adviezen = {item("x", "y")};
    auto& teksten = advies.adviezen[0].factoren;
    for (const auto& r : reeksen)
        for (std::size_t plaats = 0; plaats < 12; ++plaats) {
            const std::string t = std::string(plaats, 'a') + r + std::string(11 - plaats, 'b');
            for (std::size_t lengte = 1; lengte <= t.size(); ++lengte) teksten.push_back(t.substr(0, lengte));
        }
    EXPECT_EQ(als_json(advies, {}), als_boom(advies, {}));
}

// Long texts of random pieces (plain, Dutch, escaped, invalid), as the tree's dump writes them.
TEST(OpmaakJson, LangeWillekeurigeTeksten) {
    const std::string_view stukken[] = {"a", "de gemeente ", "\"", "\\", "é", "’", "😀", "\t", "\n", "\x7f", "\x01", "\xc2\x85",
                                        "\xe2\x82", "\xff", "\xc0\xaf", "\xed\xa0\x80"};
    Advies advies;
    advies.adviezen = {item("x", "y")};
    auto& teksten = advies.adviezen[0].onderbouwing;
    std::uint64_t toestand = 0x2545F4914F6CDD1DULL;
    for (int ronde = 0; ronde < 2000; ++ronde) {
        std::string t;
        const auto n = (toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL) >> 58;
        for (std::uint64_t i = 0; i < n; ++i) {
            toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
            // Mostly plain pieces, as in real texts, so that whole blocks of sixteen occur.
            const auto r = toestand >> 33;
            t += r % 4 != 0 ? stukken[r % 2] : stukken[(r >> 8) % std::size(stukken)];
        }
        teksten.push_back(t);
    }
    EXPECT_EQ(als_json(advies, {}), als_boom(advies, {}));
}

}  // namespace
}  // namespace ww::advies
