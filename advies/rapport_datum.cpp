// SPDX-License-Identifier: EUPL-1.2
#include "advies/rapport_datum.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <ctime>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "advies/fout.hpp"

namespace ww::advies {

namespace {

constexpr std::array<std::string_view, 12> maanden{"januari", "februari", "maart",     "april",   "mei",      "juni",
                                                   "juli",    "augustus", "september", "oktober", "november", "december"};

// Days since 1970-01-01 to a civil date (proleptic Gregorian; Howard Hinnant's algorithm), so that no
// time zone or C library table is involved.
Datum uit_dagen(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Datum{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

std::optional<Datum> datum_uit_epoch(std::string_view tekst) {
    std::int64_t seconden = 0;
    const auto* eind = tekst.data() + tekst.size();
    auto [p, ec] = std::from_chars(tekst.data(), eind, seconden);
    // Up to the year 9999: a four-digit year in every format the report writes.
    if (tekst.empty() || ec != std::errc() || p != eind || seconden < 0 || seconden > 253402300799) return std::nullopt;
    return uit_dagen(seconden / 86400);
}

Datum rapport_datum() {
    if (const char* bron = std::getenv("SOURCE_DATE_EPOCH"); bron != nullptr) {
        if (auto d = datum_uit_epoch(bron)) return *d;
        Fout f;
        f.file = "SOURCE_DATE_EPOCH";
        f.line = 1;
        f.col = 1;
        f.message = fmt::format("'{}' is geen geldig tijdstip; verwacht het aantal seconden sinds 1 januari 1970 "
                                "(een geheel getal vanaf 0), of laat de variabele weg voor de datum van vandaag",
                                bron);
        throw InvoerFout({f});
    }
    // One second has one date: localtime_r (which takes glibc's time zone lock and looks at TZ each
    // time) once a second per thread, not for every report the service writes.
    thread_local std::time_t laatste = -1;
    thread_local Datum datum{};
    const std::time_t nu = std::time(nullptr);
    if (nu != laatste) {
        std::tm lokaal{};
        localtime_r(&nu, &lokaal);
        datum = Datum{lokaal.tm_year + 1900, lokaal.tm_mon + 1, lokaal.tm_mday};
        laatste = nu;
    }
    return datum;
}

std::string datum_nl(const Datum& d) {
    return fmt::format(FMT_COMPILE("{} {} {}"), d.dag, maanden.at(static_cast<std::size_t>(d.maand - 1)), d.jaar);
}

std::string datum_iso(const Datum& d) { return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), d.jaar, d.maand, d.dag); }

}  // namespace ww::advies
