// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <algorithm>

#include "advies/ordening.hpp"

namespace ww::advies {
namespace {

AdviesItem item(std::string id, Soort soort, int stap, long long prio) {
    AdviesItem a;
    a.id = std::move(id);
    a.soort = soort;
    a.stap = stap;
    a.prioriteit = prio;
    a.tekst = "t";
    return a;
}

std::vector<std::string> ids(const std::vector<AdviesItem>& v) {
    std::vector<std::string> uit;
    for (const auto& a : v) uit.push_back(a.id);
    return uit;
}

TEST(Ordening, HuidigeStapIsDeEersteDieNietAfIs) {
    std::array<StapStand, 5> s{};
    for (int i = 0; i < 5; ++i) s[static_cast<std::size_t>(i)] = {i + 1, Status::afgerond};
    EXPECT_EQ(huidige_stap(s), 5);  // all done
    s[3].status = Status::open;
    EXPECT_EQ(huidige_stap(s), 4);
    s[1].status = Status::bezig;
    EXPECT_EQ(huidige_stap(s), 2);
}

TEST(Ordening, EerstNuDoenDanWaarschuwingenDanDeRest) {
    // The items' order in the vector is their working order (their rules' places).
    std::vector<AdviesItem> v = {item("info2", Soort::info, 2, 1),      item("later", Soort::actie, 3, 1),
                                 item("waarschuw3", Soort::waarschuwing, 3, 1), item("nu-b", Soort::actie, 2, 2),
                                 item("waarschuw2", Soort::waarschuwing, 2, 2), item("nu-a", Soort::actie, 2, 1),
                                 item("info1", Soort::info, 1, 3)};
    orden(v, 2);
    // Nu doen: the acties of step 2 by prioriteit; warnings: by prioriteit, then the current step
    // first; the rest: what belongs to step 2 or before by prioriteit, then step 3's.
    EXPECT_EQ(ids(v), (std::vector<std::string>{"nu-a", "nu-b", "waarschuw3", "waarschuw2", "info2", "info1", "later"}));
}

// Blind run 68 and 69: at stap 1 with stap 2 open and some analysis in the profile, the stap-2 work comes
// before the stap-3 actions, though those have prioriteit 1 and the stap-2 ones 2; a stap-4 action after
// both. Warnings of a later step keep their urgency.
TEST(Ordening, EenLatereStapWachtOpDeStappenErvoor) {
    std::vector<AdviesItem> v = {item("drijfveer", Soort::actie, 1, 1),   item("w-vragen", Soort::actie, 3, 1),
                                 item("rapport", Soort::actie, 3, 1),     item("ontbreekt", Soort::actie, 2, 2),
                                 item("framing", Soort::actie, 2, 2),     item("ivp", Soort::actie, 4, 1),
                                 item("ivp-wijkt-af", Soort::waarschuwing, 4, 1), item("kwalitatief", Soort::actie, 2, 1),
                                 item("info3", Soort::info, 3, 2),        item("info1", Soort::info, 1, 3)};
    orden(v, 1);
    EXPECT_EQ(ids(v), (std::vector<std::string>{"drijfveer", "ivp-wijkt-af", "info1", "kwalitatief", "ontbreekt",
                                                "framing", "w-vragen", "rapport", "info3", "ivp"}));
}

// The key is one number per advice, so the order does not depend on where the items start.
TEST(Ordening, DezelfdeVolgordeUitElkeBeginvolgorde) {
    std::vector<Ordesleutel> sleutels = {{1, 3, Soort::actie, 5, "a"}, {2, 2, Soort::actie, 9, "b"},
                                         {1, 4, Soort::waarschuwing, 7, "c"}, {3, 1, Soort::info, 1, "d"},
                                         {1, 2, Soort::info, 8, "e"}, {2, 4, Soort::actie, 6, "f"}};
    std::vector<std::uint32_t> eerste;
    orden(sleutels, 1, eerste);
    std::vector<std::string> verwacht;
    for (const auto i : eerste) verwacht.emplace_back(sleutels[i].tekst);
    EXPECT_EQ(verwacht, (std::vector<std::string>{"c", "d", "e", "b", "a", "f"}));
    std::vector<std::size_t> p = {0, 1, 2, 3, 4, 5};
    while (std::next_permutation(p.begin(), p.end())) {
        std::vector<Ordesleutel> anders;
        for (const auto i : p) anders.push_back(sleutels[i]);
        std::vector<std::uint32_t> volgorde;
        orden(anders, 1, volgorde);
        std::vector<std::string> teksten;
        for (const auto i : volgorde) teksten.emplace_back(anders[i].tekst);
        EXPECT_EQ(teksten, verwacht);
    }
}

TEST(Ordening, BijGelijkeUrgentieDeWerkvolgorde) {
    // Same prioriteit and step: the rule written first comes first, whatever its id.
    const std::vector<Ordesleutel> sleutels = {{2, 3, Soort::actie, 7, "rapporteer"},
                                               {2, 3, Soort::actie, 4, "beantwoord de open vragen"},
                                               {2, 3, Soort::info, 9, "a"},
                                               {2, 3, Soort::info, 8, "z"}};
    std::vector<std::uint32_t> volgorde = {7, 7, 7, 7, 7, 7};  // a buffer of an earlier call
    orden(sleutels, 3, volgorde);
    EXPECT_EQ(volgorde, (std::vector<std::uint32_t>{1, 0, 3, 2}));
}

TEST(Ordening, TekstBeslistTussenAdviezenVanEenRegel) {
    const std::vector<Ordesleutel> sleutels = {{2, 3, Soort::info, 5, "Zuid"}, {2, 3, Soort::info, 5, "Noord"}};
    std::vector<std::uint32_t> volgorde;
    orden(sleutels, 3, volgorde);
    EXPECT_EQ(volgorde, (std::vector<std::uint32_t>{1, 0}));
}

// A rule that gives its records a volgorde (the message number of a contradiction) is put in that
// order, not by text: "Woninginbraak" (boodschappen 1 and 4) before "Jeugdoverlast" (2 and 3).
TEST(Ordening, VolgordeVanHetRecordVoorDeTekst) {
    const std::vector<Ordesleutel> sleutels = {{1, 3, Soort::waarschuwing, 5, "Het plan noemt 'Jeugdoverlast'", 2},
                                               {1, 3, Soort::waarschuwing, 5, "Het plan noemt 'Woninginbraak'", 1},
                                               {1, 3, Soort::waarschuwing, 4, "z", 9}};
    std::vector<std::uint32_t> volgorde;
    orden(sleutels, 3, volgorde);
    EXPECT_EQ(volgorde, (std::vector<std::uint32_t>{2, 1, 0}));  // the rule's place still comes first
}

TEST(Ordening, ZonderActieVoorDeHuidigeStapGeenNuDoen) {
    // A finished stappenplan (current step 5) whose only acties are of other steps: none of them is
    // "what to do now", so none moves in front.
    std::vector<AdviesItem> v = {item("w", Soort::waarschuwing, 4, 1), item("info", Soort::info, 5, 1),
                                 item("x", Soort::actie, 4, 2), item("y", Soort::actie, 3, 1)};
    orden(v, 5);
    EXPECT_EQ(ids(v), (std::vector<std::string>{"w", "info", "y", "x"}));
    Advies a;
    a.huidige_stap = 5;
    a.adviezen = v;
    const Groepen g = groepen(a);
    EXPECT_EQ(g.nu_doen, 0u);
    EXPECT_EQ(g.waarschuwingen, 1u);
}

TEST(Ordening, AlleStappenAfgerondEersteActieVanStap5) {
    std::vector<AdviesItem> v = {item("stap3", Soort::actie, 3, 1), item("stap5", Soort::actie, 5, 2),
                                 item("w4", Soort::waarschuwing, 4, 1)};
    orden(v, 5);
    EXPECT_EQ(ids(v), (std::vector<std::string>{"stap5", "w4", "stap3"}));
}

TEST(Ordening, CommunicatiecheckZetElkeActieVooraan) {
    std::vector<AdviesItem> v = {item("w", Soort::waarschuwing, 2, 1), item("i", Soort::info, 3, 1),
                                 item("a3", Soort::actie, 3, 2), item("a2", Soort::actie, 2, 2)};
    orden(v, alle_stappen);
    EXPECT_EQ(ids(v), (std::vector<std::string>{"a2", "a3", "w", "i"}));
    Advies a;
    a.opdracht = Opdracht::communicatie;
    a.huidige_stap = 1;
    a.adviezen = v;
    EXPECT_EQ(groepen(a).nu_doen, 2u);
    EXPECT_EQ(groepen(a).waarschuwingen, 3u);
}

TEST(Ordening, GroepenVanEenGeordendeLijst) {
    std::vector<AdviesItem> v = {item("a", Soort::actie, 2, 1), item("b", Soort::actie, 2, 2),
                                 item("w", Soort::waarschuwing, 1, 1), item("i", Soort::info, 2, 1),
                                 item("c", Soort::actie, 3, 1)};
    orden(v, 2);
    Advies a;
    a.huidige_stap = 2;
    a.adviezen = v;
    const Groepen g = groepen(a);
    EXPECT_EQ(g.nu_doen, 2u);
    EXPECT_EQ(g.waarschuwingen, 3u);
    a.adviezen.clear();
    EXPECT_EQ(groepen(a).nu_doen, 0u);
    EXPECT_EQ(groepen(a).waarschuwingen, 0u);
    // No actie at all: no "Nu doen".
    a.adviezen = {item("w", Soort::waarschuwing, 2, 1), item("i", Soort::info, 2, 1)};
    EXPECT_EQ(groepen(a).nu_doen, 0u);
    EXPECT_EQ(groepen(a).waarschuwingen, 1u);
}

}  // namespace
}  // namespace ww::advies
