// SPDX-License-Identifier: EUPL-1.2
#include "advies/reeksen.hpp"

#include <gtest/gtest.h>

namespace ww::advies {
namespace {

InvoerFeit meting(std::int64_t nr, std::string_view indicator, std::string_view gebied, std::optional<std::int64_t> jaar) {
    InvoerFeit f{InvoerSjabloon::meting, std::vector<Value>(invoer_slots::meting.size())};
    f.eigen[0] = Value(nr);
    f.eigen[1] = Value::symbol(indicator);
    f.eigen[5] = Value::string(gebied);
    f.eigen[6] = jaar ? Value(*jaar) : Value();
    f.eigen[7] = Value::string("");
    return f;
}

TEST(Reeksen, NieuwsteJaarEerstPerIndicatorGebiedEnGroep) {
    static_assert(invoer_slots::meting[5] == "gebied" && invoer_slots::meting[6] == "jaar" &&
                  invoer_slots::meting[7] == "groep");
    const std::vector<InvoerFeit> feiten{
        meting(1, "onveilig_buurt", "", 2019), meting(2, "onveilig_buurt", "", 2023),
        meting(3, "onveilig_buurt", "Noord", 2023), meting(4, "onveilig_buurt", "", 2021),
        meting(5, "overlast", "", std::nullopt), meting(6, "onveilig_buurt", "", std::nullopt),
        InvoerFeit{InvoerSjabloon::bron, {}}};
    const auto p = plaats_in_reeksen(feiten);
    ASSERT_EQ(p.size(), 6u);
    // nr, reeks, positie, jaren
    EXPECT_EQ(p[0].nr, 1);
    EXPECT_EQ(p[0].reeks, 1);
    EXPECT_EQ(p[0].positie, 3);
    EXPECT_EQ(p[1].positie, 1);
    EXPECT_EQ(p[3].positie, 2);
    EXPECT_EQ(p[1].jaren, 3);
    EXPECT_EQ(p[2].reeks, 2);  // a wijk is a series of its own
    EXPECT_EQ(p[2].positie, 1);
    EXPECT_EQ(p[2].jaren, 1);
    EXPECT_EQ(p[4].reeks, 3);  // a series without years: its one row is the current figure
    EXPECT_EQ(p[4].positie, 1);
    EXPECT_EQ(p[4].jaren, 0);
    EXPECT_EQ(p[5].reeks, 1);  // a row without a year in a series with years has no place
    EXPECT_FALSE(p[5].positie.has_value());
}

}  // namespace
}  // namespace ww::advies
