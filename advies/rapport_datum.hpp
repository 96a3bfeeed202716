// SPDX-License-Identifier: EUPL-1.2
// The date a report carries. Reports must be byte-identical run after run when asked for (a build, a
// test, an archived advice): the date then comes from SOURCE_DATE_EPOCH, the convention of
// reproducible builds (seconds since 1970-01-01 UTC), and otherwise is today's date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ww::advies {

struct Datum {
    int jaar = 1970;
    int maand = 1;  // 1..12
    int dag = 1;    // 1..31
};

// From SOURCE_DATE_EPOCH when it is set (a date in UTC), else today in local time. A value that is
// not a whole number of seconds from 0 on throws InvoerFout (exit 2): a reproducible report must
// not silently fall back on the clock.
Datum rapport_datum();

// The date of `epoch` (seconds since 1970-01-01 UTC); nullopt when `tekst` is no such number.
std::optional<Datum> datum_uit_epoch(std::string_view tekst);

std::string datum_nl(const Datum& d);   // "2 december 2026"
std::string datum_iso(const Datum& d);  // "2026-12-02"

}  // namespace ww::advies
