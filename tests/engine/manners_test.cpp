// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "manners.hpp"

using namespace ww;
using namespace ww::test;

namespace {

// The seating the run printed: seat -> guest, and whether neighbours alternate sex and share a hobby.
void check_seating(const Engine& e, const Manners& m, int guests) {
    std::map<std::int64_t, std::string> seats;
    for (const Record& r : e.records())
        if (r.name == "seat") seats[r.fields[0].second.as_int()] = std::string(r.fields[1].second.as_text());
    ASSERT_EQ(seats.size(), static_cast<std::size_t>(guests));
    std::map<std::string, std::pair<std::string, std::set<std::string>>> info;
    for (const Fact* f : e.facts_of(m.guest)) {
        auto& [sex, hobbies] = info[std::string(f->slots[0].as_text())];
        sex = std::string(f->slots[1].as_text());
        hobbies.insert(std::string(f->slots[2].as_text()));
    }
    std::set<std::string> seen;
    for (int s = 1; s <= guests; ++s) {
        const std::string& g = seats.at(s);
        EXPECT_TRUE(seen.insert(g).second) << g << " zit twee keer";
        if (s == 1) continue;
        const auto& a = info.at(seats.at(s - 1));
        const auto& b = info.at(g);
        EXPECT_NE(a.first, b.first) << "stoel " << s;
        bool shared = false;
        for (const auto& h : a.second) shared = shared || b.second.count(h);
        EXPECT_TRUE(shared) << "stoel " << s;
    }
}

}  // namespace

TEST(Manners, SeatsSixteenGuests) {
    Engine e;
    Manners m(e);
    m.load(e, 16);
    auto r = e.run();
    EXPECT_TRUE(r.halted);
    check_seating(e, m, 16);
}

TEST(Manners, SameResultWithoutExplanation) {
    std::vector<std::pair<Value, Value>> with, without;
    for (bool explain : {true, false}) {
        Engine e;
        e.set_explanation(explain);
        Manners m(e);
        m.load(e, 32, 7);
        e.run();
        check_seating(e, m, 32);
        auto& out = explain ? with : without;
        for (const Record& r : e.records()) out.emplace_back(r.fields[0].second, r.fields[1].second);
        EXPECT_EQ(e.firing_log().empty(), !explain);
    }
    EXPECT_EQ(with, without);
}
