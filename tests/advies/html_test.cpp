// SPDX-License-Identifier: EUPL-1.2
// The pieces of the HTML report: Dutch numbers and dates, escaping, margins, axes, the charts, and
// reading the profile's facts by slot name. The report as a whole is checked by
// tests/advies/html/html_rapport_test.py with a real parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "advies/compacte_stijl.hpp"
#include "advies/fout.hpp"
#include "advies/getal_nl.hpp"
#include "advies/grafiek_svg.hpp"
#include "advies/html_tekst.hpp"
#include "advies/indeling.hpp"
#include "advies/opmaak_html.hpp"
#include "advies/rapport_datum.hpp"
#include "advies/rapport_gegevens.hpp"

namespace ww::advies {
namespace {

TEST(GetalNl, DecimaleKommaEnDuizendtallen) {
    EXPECT_EQ(getal_nl(21.5), "21,5");
    EXPECT_EQ(getal_nl(21.0), "21");
    EXPECT_EQ(getal_nl(2.04), "2");
    EXPECT_EQ(getal_nl(2.06), "2,1");
    EXPECT_EQ(getal_nl(11400), "11.400");
    EXPECT_EQ(getal_nl(1234567.25, 2), "1.234.567,25");
    EXPECT_EQ(getal_nl(999), "999");
    EXPECT_EQ(getal_nl(-0.01), "0");
    EXPECT_EQ(getal_nl(-1500.5), "-1.500,5");
}

TEST(RapportDatum, UitSourceDateEpoch) {
    auto d = datum_uit_epoch("1764633600");
    ASSERT_TRUE(d);
    EXPECT_EQ(datum_nl(*d), "2 december 2025");
    EXPECT_EQ(datum_iso(*d), "2025-12-02");
    EXPECT_EQ(datum_iso(*datum_uit_epoch("0")), "1970-01-01");
    EXPECT_EQ(datum_iso(*datum_uit_epoch("951782400")), "2000-02-29");
    EXPECT_EQ(datum_nl(*datum_uit_epoch("1709251199")), "29 februari 2024");  // the last second of the day
    EXPECT_FALSE(datum_uit_epoch(""));
    EXPECT_FALSE(datum_uit_epoch("-1"));
    EXPECT_FALSE(datum_uit_epoch("12abc"));
    EXPECT_FALSE(datum_uit_epoch("99999999999999999999"));
}

TEST(RapportDatum, OngeldigeOmgevingIsEenFout) {
    ::setenv("SOURCE_DATE_EPOCH", "morgen", 1);
    EXPECT_THROW(rapport_datum(), InvoerFout);
    ::setenv("SOURCE_DATE_EPOCH", "86400", 1);
    EXPECT_EQ(datum_iso(rapport_datum()), "1970-01-02");
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_GE(rapport_datum().jaar, 2024);
}

TEST(HtmlTekst, EscapetMarkupEnVervangtStuurtekens) {
    EXPECT_EQ(html_tekst("<script>alert('x')</script> & \"y\""),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
    EXPECT_EQ(html_tekst("één\tregel\nnog"), "één\tregel\nnog");
    EXPECT_EQ(html_tekst(std::string("a\x1b[2Jb\x7f") + '\0'), "a\xEF\xBF\xBD[2Jb\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(html_tekst("\xC2\x85"), "\xEF\xBF\xBD");  // C1 control NEL
    EXPECT_EQ(html_tekst("a\xEF\xBF\xBF" "z"), "a\xEF\xBF\xBD" "z");  // U+FFFF
    EXPECT_EQ(html_tekst("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    EXPECT_EQ(html_tekst("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    EXPECT_EQ(html_tekst("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut short
    EXPECT_EQ(html_tekst("€ 😀"), "€ 😀");
}

// vast() rounds by integer arithmetic where it can: the same text as std::to_chars for every number,
// exact halves (ties go to even), neighbours of halves, negatives rounding to zero, the largest
// products it takes and the first it does not.
// getal_nl rewrites vast's text on the stack; the same as it did on strings (this reference), for
// every sign, size, rounding and number of decimals, also past the integer fast path of vast.
TEST(GetalNl, ZoalsOpStrings) {
    const auto verwacht = [](double x, int decimalen) -> std::string {
        if (!std::isfinite(x)) return "?";
        std::string s = vast(x, decimalen);
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
        if (s == "-0") s = "0";
        const std::size_t begin = s[0] == '-' ? 1 : 0;
        const std::size_t punt = s.find('.');
        const std::size_t einde_geheel = punt == std::string::npos ? s.size() : punt;
        if (punt != std::string::npos) s[punt] = ',';
        if (einde_geheel - begin > 3) {
            std::string uit = s.substr(0, begin);
            for (std::size_t i = begin; i < einde_geheel; ++i) {
                if (i > begin && (einde_geheel - i) % 3 == 0) uit += '.';
                uit += s[i];
            }
            uit += s.substr(einde_geheel);
            s = std::move(uit);
        }
        return s;
    };
    std::vector<double> waarden = {0.0, -0.0, 0.04, -0.04, 0.05, -0.05, 999.96, -999.96, 1000, 1234.5, -1234.56, 12345678.9,
                                   4503599627370495.0, 4503599627370496.0, 9007199254740993.0, 1e20, -1e20, 1e300,
                                   std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                                   std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
    std::uint64_t toestand = 0x853C49E6748FEA9BULL;
    for (int i = 0; i < 20000; ++i) {
        toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
        const double eenheid = static_cast<double>(toestand >> 11) / 9007199254740992.0;
        const double schaal[] = {1.0, 100.0, 1e4, 1e7, 1e12, 1e17};
        waarden.push_back((eenheid - 0.5) * schaal[(toestand >> 3) % 6]);
    }
    for (const double x : waarden)
        for (int d = 0; d <= 5; ++d) ASSERT_EQ(getal_nl(x, d), verwacht(x, d)) << x << " met " << d << " decimalen";
}

// The inwoners of the report's header: a whole number written straight into the report, the same as
// getal_nl makes of it through a double, for every length of number and both signs up to the limit.
TEST(GetalNl, GeheelZoalsGetalNl) {
    std::vector<long long> waarden = {0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 9999, 10000, 42000, 999999, 1000000,
                                      -1234567, geheel_nl_grens - 1, -(geheel_nl_grens - 1)};
    for (long long macht = 10; macht < geheel_nl_grens; macht *= 10)
        for (const long long n : {macht - 1, macht, macht + 1}) {
            waarden.push_back(n);
            waarden.push_back(-n);
        }
    std::uint64_t toestand = 0x2545F4914F6CDD1DULL;
    for (int i = 0; i < 20000; ++i) {
        toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto n = static_cast<long long>((toestand >> 12) % static_cast<std::uint64_t>(geheel_nl_grens));
        waarden.push_back(i % 2 == 0 ? n : -n);
        waarden.push_back(n % 100000);
    }
    for (const long long n : waarden) {
        char buf[27];
        const char* eind = geheel_nl_in(buf, n);
        ASSERT_EQ(std::string_view(buf, static_cast<std::size_t>(eind - buf)), getal_nl(static_cast<double>(n))) << n;
    }
}

TEST(GetalNl, VastZoalsToChars) {
    const auto verwacht = [](double x, int d) {
        char buf[512];
        const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, d);
        return std::string(buf, r.ptr);
    };
    std::vector<double> waarden = {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 2.5, 3.5, -2.5, -0.04, -0.05, 0.45, 1e-300, -1e-300,
                                   123456.789, 4503599627370495.0, 4503599627370496.0, 9007199254740993.0, 1e20, -1e20,
                                   450359962737.0495, 450359962737.05, std::numeric_limits<double>::max(),
                                   std::numeric_limits<double>::denorm_min()};
    for (int i = -1000; i <= 1000; ++i)
        for (const double noemer : {2.0, 4.0, 8.0, 16.0, 20.0, 200.0, 2000.0, 20000.0, 3.0, 7.0}) {
            const double x = i / noemer;
            waarden.push_back(x);
            waarden.push_back(std::nextafter(x, 1e9));
            waarden.push_back(std::nextafter(x, -1e9));
        }
    std::uint64_t toestand = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 20000; ++i) {
        toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
        const double eenheid = static_cast<double>(toestand >> 11) / 9007199254740992.0;
        const double schaal[] = {1.0, 100.0, 640.0, 1e6, 1e12};
        waarden.push_back((eenheid - 0.5) * schaal[(toestand >> 3) % 5]);
    }
    for (const double x : waarden)
        for (int d = 0; d <= 5; ++d) ASSERT_EQ(vast(x, d), verwacht(x, d)) << x << " met " << d << " decimalen";
}

// Ordinary characters are skipped sixteen bytes at a time: every byte value at every place of a long
// text, in and across those blocks, comes out as it does on its own between plain letters.
TEST(HtmlTekst, ElkeByteOpElkePlaats) {
    for (int b = 0; b < 256; ++b) {
        const std::string alleen = html_tekst(std::string(1, static_cast<char>(b)));
        for (std::size_t plaats = 0; plaats < 35; ++plaats) {
            std::string t(35, 'a');
            t[plaats] = static_cast<char>(b);
            const std::string verwacht = std::string(plaats, 'a') + alleen + std::string(34 - plaats, 'a');
            EXPECT_EQ(html_tekst(t), verwacht) << "byte " << b << " op " << plaats;
        }
    }
}

// Against escaping byte by byte as the contract says (a reference written here, without the sixteen-byte
// blocks): random texts of every length up to 70 bytes, of ASCII, markup, UTF-8 of every length, C1
// controls, noncharacters, surrogates, overlong and cut-short sequences.
TEST(HtmlTekst, GelijkAanEenVoorDeVoet) {
    const auto referentie = [](std::string_view s) {
        std::string uit;
        for (std::size_t i = 0; i < s.size();) {
            const auto c = static_cast<unsigned char>(s[i]);
            const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
            std::size_t n = 0;
            if (c < 0x80) n = 1;
            else if (c >= 0xC2 && c <= 0xDF) n = b(1) >= 0x80 && b(1) <= 0xBF ? 2 : 0;
            else if (c >= 0xE0 && c <= 0xEF) {
                const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
                n = b(1) >= lo && b(1) <= hi && b(2) >= 0x80 && b(2) <= 0xBF ? 3 : 0;
            } else if (c >= 0xF0 && c <= 0xF4) {
                const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
                n = b(1) >= lo && b(1) <= hi && b(2) >= 0x80 && b(2) <= 0xBF && b(3) >= 0x80 && b(3) <= 0xBF ? 4 : 0;
            }
            if (n == 0) {
                uit += "\xEF\xBF\xBD";
                ++i;
                continue;
            }
            if (n == 1) {
                switch (c) {
                    case '&': uit += "&amp;"; break;
                    case '<': uit += "&lt;"; break;
                    case '>': uit += "&gt;"; break;
                    case '"': uit += "&quot;"; break;
                    case '\'': uit += "&#39;"; break;
                    default: uit += (c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' ? std::string(1, s[i]) : "\xEF\xBF\xBD";
                }
            } else if ((c == 0xC2 && b(1) <= 0x9F) || (c == 0xEF && b(1) == 0xBF && b(2) >= 0xBE)) {
                uit += "\xEF\xBF\xBD";
            } else {
                uit.append(s.substr(i, n));
            }
            i += n;
        }
        return uit;
    };
    const std::string_view stukken[] = {"a", "Heuvelrode ", "<", ">", "&", "\"", "'", "\t", "\n", "\x01", "\x7F", "é", "\xC2\x85",
                                        "\xC2\xA0", "\xE2\x80\x99", "\xEF\xBF\xBE", "\xEF\xBF\xBD", "\xE0\xA0\x80", "\xE0\x9F\x80",
                                        "\xED\x9F\xBF", "\xED\xA0\x80", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xE2\x82",
                                        "\xC3", "\xFF", "\x80", "\xC0\xAF", "\xF5\x80\x80\x80"};
    std::uint64_t toestand = 0x243F6A8885A308D3ULL;
    for (int ronde = 0; ronde < 20000; ++ronde) {
        std::string invoer;
        toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto lengte = (toestand >> 33) % 71;
        while (invoer.size() < lengte) {
            toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
            invoer += stukken[(toestand >> 33) % std::size(stukken)];
        }
        invoer.resize(lengte);  // may cut a sequence short at the end, as a text may end
        ASSERT_EQ(html_tekst(invoer), referentie(invoer)) << "ronde " << ronde;
        std::string voor = "<p>";
        html_tekst(voor, invoer);
        ASSERT_EQ(voor, "<p>" + referentie(invoer)) << "ronde " << ronde;
    }
}

// Long texts of pieces that each end where a character ends: escaped whole, they are escaped piece by
// piece, however the pieces fall on the blocks of sixteen bytes.
TEST(HtmlTekst, LangeTekstIsDeSomVanZijnStukken) {
    const std::string_view stukken[] = {"a",  "de gemeente ", "<", ">", "&", "\"", "'", "é", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                        "\t", "\n", "\x7F", "\x01", "\xC2\x85", "\xEF\xBF\xBE", "\xE2\x82x", "\xFFy", "\xC0\xAFz"};
    std::uint64_t toestand = 0x2545F4914F6CDD1DULL;
    for (int ronde = 0; ronde < 3000; ++ronde) {
        std::string invoer, verwacht;
        const auto n = (toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL) >> 58;
        for (std::uint64_t i = 0; i < n; ++i) {
            toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
            const std::string_view stuk = stukken[(toestand >> 33) % std::size(stukken)];
            invoer += stuk;
            verwacht += html_tekst(stuk);
        }
        ASSERT_EQ(html_tekst(invoer), verwacht) << "ronde " << ronde;
    }
}

// Whatever bytes a profile holds: the escaped text is UTF-8 without control characters, and holds no
// character that could start or end markup, or an entity that is not one of the five it writes.
TEST(HtmlTekst, WillekeurigeBytesGevenVeiligeTekst) {
    std::uint64_t toestand = 0x9E3779B97F4A7C15ULL;
    auto volgende = [&] {
        toestand ^= toestand << 13;
        toestand ^= toestand >> 7;
        toestand ^= toestand << 17;
        return toestand;
    };
    const std::string_view bouwstenen[] = {"<", ">", "&", "\"", "'", "é", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC2\x85", "\xEF\xBF\xBE"};
    for (int ronde = 0; ronde < 5000; ++ronde) {
        std::string invoer;
        const auto lengte = volgende() % 24;
        for (std::uint64_t i = 0; i < lengte; ++i) {
            const auto r = volgende();
            if (r % 3 == 0) invoer += bouwstenen[(r >> 8) % std::size(bouwstenen)];
            else invoer += static_cast<char>((r >> 16) & 0xFF);
        }
        const std::string uit = html_tekst(invoer);
        for (std::size_t i = 0; i < uit.size();) {
            const auto c = static_cast<unsigned char>(uit[i]);
            ASSERT_TRUE(c != '<' && c != '>' && c != '"' && c != '\'' && c != 0x7F) << "ronde " << ronde;
            ASSERT_TRUE(c >= 0x20 || c == '\t' || c == '\n') << "ronde " << ronde;
            if (c == '&') {
                const auto rest = std::string_view(uit).substr(i);
                ASSERT_TRUE(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
                            rest.starts_with("&quot;") || rest.starts_with("&#39;"))
                    << "ronde " << ronde;
            }
            // A well-formed UTF-8 sequence, not a C1 control, U+FFFE or U+FFFF.
            std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            ASSERT_TRUE(c < 0x80 || (c >= 0xC2 && c <= 0xF4)) << "ronde " << ronde;
            ASSERT_LE(i + n, uit.size());
            for (std::size_t k = 1; k < n; ++k) ASSERT_EQ(static_cast<unsigned char>(uit[i + k]) & 0xC0, 0x80);
            ASSERT_FALSE(c == 0xC2 && static_cast<unsigned char>(uit[i + 1]) < 0xA0);
            ASSERT_FALSE(c == 0xEF && static_cast<unsigned char>(uit[i + 1]) == 0xBF && static_cast<unsigned char>(uit[i + 2]) >= 0xBE);
            i += n;
        }
    }
}

TEST(RapportMeting, MargeGegevenOfUitRespondenten) {
    RapportMeting m;
    m.waarde = 20;
    EXPECT_FALSE(m.marge_bekend());
    m.respondenten = 1000;
    ASSERT_TRUE(m.marge_bekend());
    EXPECT_NEAR(*m.marge_bekend(), 1.96 * std::sqrt(0.2 * 0.8 / 1000) * 100, 1e-9);  // 2.479...
    EXPECT_TRUE(m.marge_berekend());
    m.marge = 1.5;
    EXPECT_DOUBLE_EQ(*m.marge_bekend(), 1.5);
    EXPECT_FALSE(m.marge_berekend());
}

TEST(Grafiek, AsVanafNulMetEenRondeStap) {
    EXPECT_DOUBLE_EQ(as_voor(21).top, 25);
    EXPECT_DOUBLE_EQ(as_voor(21).stap, 5);
    EXPECT_DOUBLE_EQ(as_voor(3.2).top, 4);
    EXPECT_DOUBLE_EQ(as_voor(41).top, 50);
    EXPECT_DOUBLE_EQ(as_voor(99).top, 100);
    EXPECT_DOUBLE_EQ(as_voor(0).top, 5);
    for (double h : {0.3, 1.0, 7.7, 13.0, 28.0, 64.0, 100.0}) {
        const As a = as_voor(h);
        EXPECT_GE(a.top, h);
        EXPECT_LE(a.top / a.stap, 6.0 + 1e-9);
    }
}

// The names of the knowledge base the reports below point to (a report does not copy them).
const KennisbankNamen& onveilig_buurt_namen() {
    static const KennisbankNamen namen{
        {}, {{"onveilig_buurt", "het onveiligheidsgevoel in de eigen buurt", "voelt zich wel eens onveilig", false}}, {}};
    return namen;
}

RapportGegevens met_groepen() {
    RapportGegevens g;
    g.kennisbanknamen = &onveilig_buurt_namen();
    auto meting = [&](int nr, double waarde, std::string gebied, std::string groep, std::optional<long long> jaar) {
        RapportMeting m;
        m.nr = nr;
        m.indicator = "onveilig_buurt";
        m.waarde = waarde;
        m.gebied = std::move(gebied);
        m.groep = std::move(groep);
        m.jaar = jaar;
        return m;
    };
    g.metingen.push_back(meting(1, 21.5, "", "", 2023));
    g.metingen.back().marge = 1.8;
    g.metingen.back().vergelijkbaar = 16;
    g.metingen.push_back(meting(2, 14, "", "", 2017));
    g.metingen.back().respondenten = 900;
    g.metingen.push_back(meting(3, 30, "", "65+", 2023));
    g.metingen.push_back(meting(4, 25, "Noord", "", 2021));
    g.metingen.push_back(meting(5, 28, "Noord", "", 2023));
    g.metingen.push_back(meting(6, 33, "Noord", "vrouwen", 2023));
    g.metingen.push_back(meting(7, 9, "Zuid", "", std::nullopt));
    return g;
}

TEST(Grafiek, ReeksEnLaatsteCijferPerWijkEnGroep) {
    const auto g = met_groepen();
    const auto c = cijfers_van(g, "onveilig_buurt", "Heuvelrade");
    EXPECT_EQ(c.naam, "Het onveiligheidsgevoel in de eigen buurt");
    ASSERT_EQ(c.reeks.size(), 2u);
    EXPECT_EQ(c.reeks[0]->jaar, 2017);
    EXPECT_EQ(c.reeks[1]->jaar, 2023);
    std::vector<std::string> delen;
    for (const auto* m : c.delen) delen.push_back(deel_naam(*m) + "@" + (m->jaar ? std::to_string(*m->jaar) : "-"));
    EXPECT_EQ(delen, (std::vector<std::string>{"65+@2023", "Noord@2023", "Noord, vrouwen@2023", "Zuid@-"}));
    EXPECT_EQ(beschrijving_verloop(c),
              "Het onveiligheidsgevoel in de eigen buurt in Heuvelrade: 14% (marge ± 2,3) in 2017 en 21,5% (marge ± "
              "1,8) in 2023. Vergelijkbare gemeenten: 16% in 2023.");
}

TEST(Grafiek, SvgMetMargesTitelEnNederlandseGetallen) {
    const auto g = met_groepen();
    const auto c = cijfers_van(g, "onveilig_buurt", "Heuvelrade & <Co>");
    const std::string verloop = svg_verloop(c, "g1");
    EXPECT_NE(verloop.find("role=\"img\" aria-labelledby=\"g1-verloop-titel g1-verloop-desc\""), std::string::npos);
    EXPECT_NE(verloop.find("<title id=\"g1-verloop-titel\">"), std::string::npos);
    EXPECT_NE(verloop.find(">21,5%</text>"), std::string::npos);
    EXPECT_NE(verloop.find(">2017</text>"), std::string::npos);
    EXPECT_NE(verloop.find("Heuvelrade &amp; &lt;Co&gt;"), std::string::npos);
    EXPECT_EQ(verloop.find("<Co>"), std::string::npos);
    // Two error bars (a given margin and one from respondenten) and the legend's.
    std::size_t balken = 0;
    for (auto p = verloop.find("<path d=\"M"); p != std::string::npos; p = verloop.find("<path d=\"M", p + 1)) ++balken;
    EXPECT_EQ(balken, 3u);
    EXPECT_NE(verloop.find("marge (95%-betrouwbaarheid)"), std::string::npos);
    const std::string delen = svg_delen(c, "g1");
    EXPECT_NE(delen.find("<title>Noord, vrouwen</title>"), std::string::npos);
    EXPECT_NE(delen.find("<title>Zuid (zonder jaar)</title>"), std::string::npos);
    EXPECT_NE(delen.find("hele gemeente (2023): 21,5%"), std::string::npos);
    EXPECT_EQ(svg_delen(cijfers_van(g, "overlast", "X"), "g2"), "");
    EXPECT_EQ(svg_verloop(cijfers_van(g, "overlast", "X"), "g2"), "");
}

// Blind run 77 (session 31): the squares of comparable gemeenten carried no value, and one close to the gemeente's
// figure hid under its point; on paper the table beside the chart stays folded. The latest one is named, once,
// on the side away from the gemeente's value.
TEST(Grafiek, LaatsteVergelijkbareCijferGenoemd) {
    auto g = met_groepen();
    const std::string verloop = svg_verloop(cijfers_van(g, "onveilig_buurt", "Heuvelrade"), "g1");
    const auto bij = verloop.find(">vergelijkbaar 16%</text>");
    ASSERT_NE(bij, std::string::npos);
    EXPECT_EQ(verloop.find(">vergelijkbaar ", bij + 1), std::string::npos);
    // 16% lies under the gemeente's 21,5%, whose label is above its point: this one goes below its square,
    // before the point (the gemeente's label is after it).
    const auto tekst = verloop.rfind("<text ", bij);
    const std::string element = verloop.substr(tekst, bij - tekst);
    EXPECT_NE(element.find("text-anchor=\"end\""), std::string::npos) << element;
    const auto y_van = [&](std::string_view el) { return std::stod(std::string(el.substr(el.find("y=\"") + 3))); };
    const auto vierkant = verloop.find("<title>vergelijkbare gemeenten, 2023: 16%</title>");
    ASSERT_NE(vierkant, std::string::npos);
    const auto rect = verloop.rfind("<rect ", vierkant);
    EXPECT_GT(y_van(element), y_van(std::string_view(verloop).substr(rect)) + 8);
    // A comparable figure above the gemeente's: the gemeente's label goes below, this one above its square.
    g.metingen.front().vergelijkbaar = 24;
    const std::string boven = svg_verloop(cijfers_van(g, "onveilig_buurt", "Heuvelrade"), "g1");
    const auto b = boven.find(">vergelijkbaar 24%</text>");
    ASSERT_NE(b, std::string::npos);
    const auto bt = boven.rfind("<text ", b);
    const auto br = boven.rfind("<rect ", boven.find("<title>vergelijkbare gemeenten, 2023: 24%</title>"));
    EXPECT_LT(y_van(std::string_view(boven).substr(bt)), y_van(std::string_view(boven).substr(br)));
    // Without a comparable figure, no such label.
    g.metingen.front().vergelijkbaar.reset();
    EXPECT_EQ(svg_verloop(cijfers_van(g, "onveilig_buurt", "Heuvelrade"), "g1").find(">vergelijkbaar "), std::string::npos);
}

TEST(ProfielFeiten, SlotsOpNaamEnOntbrekendeSlotsAfwezig) {
    Invoer invoer;
    const auto& vorm = vorm_van(InvoerSjabloon::meting);
    InvoerFeit f{InvoerSjabloon::meting, std::vector<Value>(vorm.slots.size())};
    auto zet = [&](std::string_view slot, Value v) {
        for (std::size_t i = 0; i < vorm.slots.size(); ++i)
            if (vorm.slots[i] == slot) f.eigen[i] = v;
    };
    zet("nr", Value(std::int64_t{3}));
    zet("indicator", Value::symbol("overlast"));
    zet("waarde", Value(41.0));
    zet("gebied", Value::string("Noord"));
    zet("jaar", Value(std::int64_t{2023}));
    zet("marge", Value(2.0));  // only once the reader's form has it
    invoer.feiten.push_back(f);
    const auto& actievorm = vorm_van(InvoerSjabloon::actie);
    InvoerFeit a{InvoerSjabloon::actie, std::vector<Value>(actievorm.slots.size())};
    a.eigen[0] = Value(std::int64_t{1});
    a.eigen[1] = Value::string("Schouw <1>");
    a.eigen[2] = Value::symbol("verloedering");
    invoer.feiten.push_back(a);
    RapportGegevens g;
    lees_profielfeiten(invoer, g);
    ASSERT_EQ(g.metingen.size(), 1u);
    const auto& m = g.metingen[0];
    EXPECT_EQ(m.nr, 3);
    EXPECT_EQ(m.indicator, "overlast");
    EXPECT_DOUBLE_EQ(m.waarde, 41.0);
    EXPECT_EQ(m.gebied, "Noord");
    EXPECT_EQ(m.jaar, 2023);
    EXPECT_FALSE(m.vergelijkbaar);
    const bool vorm_heeft_marge = std::find(vorm.slots.begin(), vorm.slots.end(), "marge") != vorm.slots.end();
    EXPECT_EQ(m.marge.has_value(), vorm_heeft_marge);
    EXPECT_EQ(m.groep, "");
    ASSERT_EQ(g.acties.size(), 1u);
    EXPECT_EQ(g.acties[0].naam, "Schouw <1>");
    EXPECT_EQ(g.acties[0].factor, "verloedering");
    EXPECT_EQ(g.acties[0].status, "");
}

// Blind run 77 (session 31): the reader gives every action its status, `gepland` where the profile names none.
// Without a status on any action (a version-1 profile) that is only the contract's default, and the report must
// not say the actions were planned; with one, the others are `gepland` by the contract, and say so.
TEST(ProfielFeiten, StatusAlleenAlsHetProfielEenStatusGeeft) {
    const auto& vorm = vorm_van(InvoerSjabloon::actie);
    auto actie = [&](std::int64_t nr, std::string naam, std::string_view status) {
        InvoerFeit a{InvoerSjabloon::actie, std::vector<Value>(vorm.slots.size())};
        for (std::size_t i = 0; i < vorm.slots.size(); ++i) {
            if (vorm.slots[i] == "nr") a.eigen[i] = Value(nr);
            if (vorm.slots[i] == "naam") a.eigen[i] = Value::string(naam);
            if (vorm.slots[i] == "factor") a.eigen[i] = Value::symbol("toezicht");
            if (vorm.slots[i] == "status") a.eigen[i] = Value::symbol(status);
        }
        return a;
    };
    Invoer zonder;
    zonder.feiten = {actie(1, "Wijkboa", "gepland"), actie(2, "Camera", "gepland")};
    RapportGegevens g;
    lees_profielfeiten(zonder, g);
    ASSERT_EQ(g.acties.size(), 2u);
    EXPECT_EQ(g.acties[0].status, "");
    EXPECT_EQ(g.acties[1].status, "");
    Invoer met = zonder;
    met.feiten[1] = actie(2, "Camera", "lopend");
    const auto& sectievorm = vorm_van(InvoerSjabloon::sectie);
    InvoerFeit sectie{InvoerSjabloon::sectie, std::vector<Value>(sectievorm.slots.size())};
    sectie.eigen[0] = Value::symbol("actie_status");
    met.feiten.push_back(sectie);
    RapportGegevens h;
    lees_profielfeiten(met, h);
    ASSERT_EQ(h.acties.size(), 2u);
    EXPECT_EQ(h.acties[0].status, "gepland");
    EXPECT_EQ(h.acties[1].status, "lopend");
}

// An advice item of `soort` for step `stap` with text `tekst`.
AdviesItem item(std::string id, Soort soort, int stap, std::string tekst = {}) {
    AdviesItem i;
    i.id = std::move(id);
    i.soort = soort;
    i.stap = stap;
    i.tekst = std::move(tekst);
    return i;
}

// An advice for `gemeente` with the five steps in `stand` (step 1 first) and `adviezen` in order.
Advies advies_voor(std::string gemeente, const std::array<Status, 5>& stand, std::vector<AdviesItem> adviezen) {
    Advies a;
    a.gemeente = std::move(gemeente);
    for (std::size_t i = 0; i < stand.size(); ++i) a.stappen[i] = StapStand{static_cast<int>(i + 1), stand[i]};
    a.adviezen = std::move(adviezen);
    return a;
}

TEST(Indeling, GroepenMetDeNummersVanDeLijst) {
    Advies a;
    a.huidige_stap = 2;
    // In the order of ordening: the acties of the current step, the warnings, the rest.
    a.adviezen = {item("a2", Soort::actie, 2), item("w", Soort::waarschuwing, 2), item("a3", Soort::actie, 3), item("i", Soort::info, 2)};
    const auto g = indeling(a);
    ASSERT_EQ(g.size(), 3u);
    ASSERT_EQ(g[0].items.size(), 1u);
    EXPECT_EQ(g[0].items[0].nr, 1);
    EXPECT_EQ(g[0].items[0].item->id, "a2");
    ASSERT_EQ(g[1].items.size(), 1u);
    EXPECT_EQ(g[1].items[0].nr, 2);
    ASSERT_EQ(g[2].items.size(), 2u);
    EXPECT_EQ(g[2].items[0].nr, 3);
    EXPECT_EQ(g[2].items[1].nr, 4);
    // Without an actie of the current step, "Nu doen" is empty: an actie of another step is no next step.
    a.huidige_stap = 4;
    a.adviezen = {item("w", Soort::waarschuwing, 2), item("a3", Soort::actie, 3), item("i", Soort::info, 2)};
    const auto zonder = indeling(a);
    EXPECT_TRUE(zonder[0].items.empty());
    ASSERT_EQ(zonder[1].items.size(), 1u);
    EXPECT_EQ(zonder[1].items[0].item->id, "w");
    ASSERT_EQ(zonder[2].items.size(), 2u);
    EXPECT_EQ(zonder[2].items[0].nr, 2);
}

TEST(CompacteStijl, ZonderOverbodigeWitruimte) {
    const auto compact = [](std::string_view css) {
        std::string uit(compacte_stijl_in(css, nullptr), '?');
        EXPECT_EQ(compacte_stijl_in(css, uit.data()), uit.size());
        return uit;
    };
    EXPECT_EQ(compact("\n  a { color: red;  margin: 0 auto; }\n"), "a{color:red;margin:0 auto}");
    // A descendant selector keeps its space, a space before ':' (another selector than without) too.
    EXPECT_EQ(compact("li.factor .naam , dl.meta dt { x: y }"), "li.factor .naam,dl.meta dt{x:y}");
    EXPECT_EQ(compact("a :hover{x:y}"), "a :hover{x:y}");
    // Quoted text as it is, also its spaces, ';' and '}'.
    EXPECT_EQ(compact("p { content: \"pagina  ;}\" counter(page) \" van \"; }"),
              "p{content:\"pagina  ;}\" counter(page) \" van \"}");
    EXPECT_EQ(compact("@page { size: A4;\n  @bottom-right { content: \"x\"; } }"), "@page{size:A4;@bottom-right{content:\"x\"}}");
    EXPECT_EQ(compact("@media (max-width: 44rem) { .t { g: repeat(3, 1fr); } }"), "@media (max-width:44rem){.t{g:repeat(3,1fr)}}");
    EXPECT_EQ(compact("   "), "");
    static_assert(compacte_stijl<3>("a { }")[2] == '}');
}

TEST(OpmaakHtml, ZonderProfielfeitenAlleenHetAdvies) {
    AdviesItem i = item("drijfveer.bepalen", Soort::actie, 1, "Bepaal <de> drijfveer");
    i.bron = "Stap 1";
    const Advies a = advies_voor("A&B", {Status::bezig, Status::open, Status::open, Status::open, Status::open}, {i});
    const std::string html = opmaak(a, Formaat::html, {});
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0), 0u);
    EXPECT_NE(html.find("<h1>A&amp;B</h1>"), std::string::npos);
    EXPECT_NE(html.find("Bepaal &lt;de&gt; drijfveer"), std::string::npos);
    EXPECT_NE(html.find("id=\"advies-1\""), std::string::npos);
    EXPECT_EQ(html.find("tafel-van-12\""), std::string::npos);  // no vocabulary: no grid
    EXPECT_EQ(html.find("<svg"), std::string::npos);
    EXPECT_EQ(formaat_uit("html"), Formaat::html);
}

TEST(OpmaakHtml, MeerFactorenGeciteerdOmdatHunNamenEenBevatten) {
    AdviesItem twee = item("tafel.factor-zonder-actie", Soort::actie, 1, "t");
    twee.factoren = {"verloedering", "sociale-verbondenheid"};
    AdviesItem een = item("werkhouding.sessies", Soort::actie, 1, "t");
    een.factoren = {"verloedering"};
    const Advies a =
        advies_voor("G", {Status::afgerond, Status::afgerond, Status::afgerond, Status::bezig, Status::open}, {twee, een});
    KennisbankNamen namen;
    namen.factoren = {RapportFactor{"verloedering", "fysieke verloedering", "p"},
                      RapportFactor{"sociale-verbondenheid", "sociale verbondenheid en samenredzaamheid", "p"}};
    RapportGegevens g;
    g.kennisbanknamen = &namen;
    const std::string html = als_html(a, g, {});
    EXPECT_NE(html.find("<dd>&#39;fysieke verloedering&#39; en &#39;sociale verbondenheid en samenredzaamheid&#39;</dd>"),
              std::string::npos);
    EXPECT_NE(html.find("<dd>fysieke verloedering</dd>"), std::string::npos);
}

TEST(OpmaakHtml, FactorenInDeVolgordeVanDeTafel) {
    // The rule collected the ids in fact order; the names read in the Tafel van 12's order, as the texts do.
    AdviesItem a1 = item("tafel.factor-zonder-actie", Soort::actie, 1, "t");
    a1.factoren = {"nazorg", "toezicht", "onbekend-id", "verloedering"};
    const Advies a =
        advies_voor("G", {Status::afgerond, Status::afgerond, Status::afgerond, Status::bezig, Status::open}, {a1});
    KennisbankNamen namen;
    namen.factoren = {RapportFactor{"verloedering", "fysieke verloedering", "p"}, RapportFactor{"toezicht", "toezicht", "p"},
                      RapportFactor{"nazorg", "nazorg na schokkende gebeurtenissen", "p"}};
    EXPECT_EQ(namen.in_tafelvolgorde(a1.factoren),
              (std::vector<std::string_view>{"verloedering", "toezicht", "nazorg", "onbekend-id"}));
    RapportGegevens g;
    g.kennisbanknamen = &namen;
    const std::string html = als_html(a, g, {});
    EXPECT_NE(html.find("<dd>&#39;fysieke verloedering&#39;, &#39;toezicht&#39;, &#39;nazorg na schokkende gebeurtenissen&#39;"),
              std::string::npos);
}

TEST(OpmaakHtml, TafelVoorafGeschrevenIsDezelfde) {
    // lees_kennisbanknamen writes the grid's fixed markup once (HtmlTafel); names put together by hand
    // have none, and the report writes it in place: both give the same report, byte for byte. Two
    // pillars, one empty; a name to escape; a factor without a name; every kind of item.
    const Advies a = advies_voor("G", {Status::afgerond, Status::afgerond, Status::afgerond, Status::bezig, Status::open},
                                 {item("tafel.factor-zonder-actie", Soort::actie, 4, "t")});
    KennisbankNamen namen;
    namen.factoren = {RapportFactor{"verloedering", "fysieke verloedering", "fysieke <omgeving>"},
                      RapportFactor{"toezicht", "toezicht & handhaving", ""}, RapportFactor{"nazorg", "", "fysieke <omgeving>"},
                      RapportFactor{"cohesie", "\"sociale\" cohesie", "sociaal"}, RapportFactor{"zorg", "zorg", "sociaal"}};
    RapportGegevens g;
    g.kennisbanknamen = &namen;
    g.gekozen_factoren = {"verloedering", "cohesie"};
    g.ivp_prioriteiten = {"cohesie", "toezicht"};
    g.acties = {RapportActie{"Opknapploeg", "verloedering", "", "", "gestopt"}, RapportActie{"Wijkboa", "toezicht", "", "", "lopend"},
                RapportActie{"Buurtavond", "nazorg", "", "", "gestopt"}, RapportActie{"Buurt<app>", "cohesie", "", "", ""}};
    ASSERT_TRUE(namen.html_tafel.naam.empty());
    const std::string ter_plaatse = als_html(a, g, {});
    namen.html_tafel = html_tafel(namen.factoren);
    ASSERT_EQ(namen.html_tafel.naam.size(), namen.factoren.size());
    ASSERT_EQ(namen.html_tafel.pijler_kop.size(), 3u);
    EXPECT_EQ(als_html(a, g, {}), ter_plaatse);
    EXPECT_NE(ter_plaatse.find("<h3 id=\"pijler-1\">fysieke &lt;omgeving&gt;</h3>"), std::string::npos);
    EXPECT_NE(ter_plaatse.find("<h3 id=\"pijler-2\">Zonder pijler</h3>"), std::string::npos);
    EXPECT_NE(ter_plaatse.find("<span class=\"naam\">Toezicht &amp; handhaving</span>"), std::string::npos);
    EXPECT_NE(ter_plaatse.find("<span class=\"naam\">&quot;sociale&quot; cohesie</span>"), std::string::npos);
    EXPECT_NE(ter_plaatse.find("<span class=\"naam\">Nazorg</span>"), std::string::npos);
    EXPECT_NE(ter_plaatse.find("<li class=\"factor\"><span class=\"naam\">Zorg</span>\n<span class=\"geen\">niet gekozen, niet in het "
                               "IVP, geen acties</span>\n</li>\n"),
              std::string::npos);
}

TEST(OpmaakHtml, OngemarkeerdeTafelVoorafGeschrevenIsDezelfde) {
    // A profile that marks no factor gets the section html_tafel wrote whole (HtmlTafel::ongemarkeerd);
    // written in place it is the same. A name to escape and a factor without a name or pillar.
    const Advies a = advies_voor("G", {Status::bezig, Status::open, Status::open, Status::open, Status::open},
                                 {item("drijfveer.bepalen", Soort::actie, 1, "t")});
    KennisbankNamen namen;
    namen.factoren = {RapportFactor{"verloedering", "fysieke verloedering", "fysieke <omgeving>"},
                      RapportFactor{"toezicht", "toezicht & handhaving", ""}, RapportFactor{"nazorg", "", "fysieke <omgeving>"}};
    RapportGegevens g;
    g.kennisbanknamen = &namen;
    const std::string ter_plaatse = als_html(a, g, {});
    namen.html_tafel = html_tafel(namen.factoren);
    ASSERT_FALSE(namen.html_tafel.ongemarkeerd.empty());
    EXPECT_NE(ter_plaatse.find(namen.html_tafel.ongemarkeerd), std::string::npos);
    EXPECT_EQ(als_html(a, g, {}), ter_plaatse);
    // Nothing marked: a sentence a person writes, not "0 factoren" three times.
    EXPECT_NE(ter_plaatse.find("Nog geen factor is gekozen in de analyse, heeft prioriteit in het IVP of heeft een actie."),
              std::string::npos);
    EXPECT_EQ(ter_plaatse.find("0 factoren"), std::string::npos);
    // The footer speaks to an adviseur, not in the engine's words.
    EXPECT_NE(ter_plaatse.find("legt uit waarom een regel geen advies gaf."), std::string::npos);
    EXPECT_EQ(ter_plaatse.find("vuurde"), std::string::npos);
    // An action on a factor: the section is written in place again, with the action, and the counts in words.
    g.acties = {RapportActie{"Wijkboa", "toezicht", "", "", "lopend"}};
    const std::string met_actie = als_html(a, g, {});
    EXPECT_NE(met_actie.find("<li>Wijkboa (lopend)</li>"), std::string::npos);
    EXPECT_NE(met_actie.find("Gekozen in de analyse: geen; prioriteit in het IVP: geen; met acties: één factor."),
              std::string::npos);
    g.gekozen_factoren = {"verloedering", "toezicht"};
    EXPECT_NE(als_html(a, g, {}).find("Gekozen in de analyse: twee factoren;"), std::string::npos);
}

TEST(OpmaakHtml, GrootRapportLaatDeBufferGroeien) {
    // Texts far larger than the report's first buffer (64 kB): the buffer grows, nothing is lost, and the
    // next report on the thread is whole too.
    const std::string lang(300000, 'x');
    const Advies a = advies_voor("G", {Status::bezig, Status::open, Status::open, Status::open, Status::open},
                                 {item("drijfveer.bepalen", Soort::actie, 1, lang + "<" + lang)});
    const std::string groot = als_html(a, {}, {});
    EXPECT_NE(groot.find("<p class=\"tekst\">" + lang + "&lt;" + lang + "</p>"), std::string::npos);
    EXPECT_EQ(groot.substr(groot.size() - 8), "</html>\n");
    const Advies b = advies_voor("G", {Status::bezig, Status::open, Status::open, Status::open, Status::open},
                                 {item("drijfveer.bepalen", Soort::actie, 1, "kort")});
    const std::string klein = als_html(b, {}, {});
    EXPECT_LT(klein.size(), 20000u);
    EXPECT_NE(klein.find("<p class=\"tekst\">kort</p>"), std::string::npos);
    EXPECT_EQ(klein.substr(klein.size() - 8), "</html>\n");
}

TEST(OpmaakHtml, GestopteActieTeltNietInDeTafel) {
    // The advice calls a factor whose only action stopped a factor without action; the grid agrees.
    const Advies a = advies_voor("G", {Status::afgerond, Status::afgerond, Status::afgerond, Status::bezig, Status::open},
                                 {item("tafel.factor-zonder-actie", Soort::actie, 4, "t")});
    KennisbankNamen namen;
    namen.factoren = {RapportFactor{"verloedering", "fysieke verloedering", "p"}, RapportFactor{"toezicht", "toezicht", "p"},
                      RapportFactor{"nazorg", "nazorg na schokkende gebeurtenissen", "p"}};
    RapportGegevens g;
    g.kennisbanknamen = &namen;
    g.gekozen_factoren = {"verloedering", "toezicht"};
    g.acties = {RapportActie{"Opknapploeg", "verloedering", "", "", "gestopt"}, RapportActie{"Wijkboa", "toezicht", "", "", "lopend"},
                RapportActie{"Buurtavond", "nazorg", "", "", "gestopt"}};
    const std::string html = als_html(a, g, {});
    EXPECT_NE(html.find("met acties: één factor."), std::string::npos);
    EXPECT_NE(html.find("<li>Opknapploeg (gestopt)</li>"), std::string::npos);
    // The state beside each name where the profile gives one: "▶ 1 actie" alone reads as work under way.
    EXPECT_NE(html.find("<li>Wijkboa (lopend)</li>"), std::string::npos);
    EXPECT_NE(html.find("niet gekozen, niet in het IVP, alleen gestopte acties"), std::string::npos);
    // One marker, on toezicht: the stopped actions on verloedering and nazorg give none.
    const auto eerste = html.find("▶ 1 actie");
    ASSERT_NE(eerste, std::string::npos);
    EXPECT_EQ(html.find("▶ 1 actie", eerste + 1), std::string::npos);
    EXPECT_LT(html.find(">Toezicht<"), eerste);
    // Without a status (a version-1 profile), the name alone.
    g.acties = {RapportActie{"Wijkboa", "toezicht", "", "", ""}};
    EXPECT_NE(als_html(a, g, {}).find("<li>Wijkboa</li>"), std::string::npos);
    g.acties = {RapportActie{"Wijkboa", "toezicht", "", "", "gepland"}};
    EXPECT_NE(als_html(a, g, {}).find("<li>Wijkboa (gepland)</li>"), std::string::npos);
}

}  // namespace
}  // namespace ww::advies
