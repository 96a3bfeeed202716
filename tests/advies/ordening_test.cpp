#include <gtest/gtest.h>

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

TEST(Ordening, SorteertOpPrioriteitDanHuidigeStapDanStapSoortId) {
    std::vector<AdviesItem> v = {item("e", Soort::info, 2, 2), item("d", Soort::actie, 3, 2),
                                 item("c", Soort::waarschuwing, 2, 2), item("b", Soort::actie, 2, 2),
                                 item("a", Soort::actie, 1, 1), item("f", Soort::actie, 2, 2)};
    orden(v, 2);
    // Sorted: a (prioriteit 1), then step 2 by soort and id (b, f, c, e), then step 3 (d). Then the
    // first actie must be of the current step: b takes a's place.
    EXPECT_EQ(ids(v), (std::vector<std::string>{"b", "a", "f", "c", "e", "d"}));
    v.erase(v.begin());
    orden(v, 1);  // with step 1 current, a is first on both counts
    EXPECT_EQ(ids(v), (std::vector<std::string>{"a", "f", "c", "e", "d"}));
}

TEST(Ordening, EersteActieHoortBijDeHuidigeStap) {
    std::vector<AdviesItem> v = {item("w", Soort::waarschuwing, 2, 1), item("later", Soort::actie, 5, 1),
                                 item("nu", Soort::actie, 2, 3), item("info", Soort::info, 2, 2)};
    orden(v, 2);
    // Without the guarantee "later" (prio 1) would be the first actie; "nu" takes its place.
    EXPECT_EQ(ids(v), (std::vector<std::string>{"w", "nu", "later", "info"}));
}

TEST(Ordening, ZonderActieVoorDeHuidigeStapBlijftDeVolgorde) {
    std::vector<AdviesItem> v = {item("x", Soort::actie, 4, 2), item("y", Soort::actie, 5, 1)};
    orden(v, 2);
    EXPECT_EQ(ids(v), (std::vector<std::string>{"y", "x"}));
}

TEST(Ordening, GelijkeIdsOpTekst) {
    auto a = item("m", Soort::info, 3, 2);
    a.tekst = "b";
    auto b = item("m", Soort::info, 3, 2);
    b.tekst = "a";
    std::vector<AdviesItem> v = {a, b};
    orden(v, 3);
    EXPECT_EQ(v[0].tekst, "a");
}

TEST(Ordening, PositiesUitSleutelsZonderItemsTeVerplaatsen) {
    const std::vector<Ordesleutel> sleutels = {{2, 3, Soort::actie, "d", "t"},
                                               {1, 1, Soort::actie, "a", "t"},
                                               {2, 2, Soort::info, "e", "t"},
                                               {2, 2, Soort::actie, "b", "t"}};
    std::vector<std::uint32_t> volgorde = {7, 7, 7, 7, 7, 7};  // a buffer of an earlier call
    orden(sleutels, 2, volgorde);
    // Sorted a, b, e, d; the first actie (a, step 1) gives way to b, the first actie of step 2.
    EXPECT_EQ(volgorde, (std::vector<std::uint32_t>{3, 1, 2, 0}));
}

}  // namespace
}  // namespace ww::advies
