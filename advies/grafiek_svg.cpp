// SPDX-License-Identifier: EUPL-1.2
#include "advies/grafiek_svg.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <tuple>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "advies/getal_nl.hpp"
#include "advies/hoofdletter.hpp"
#include "advies/html_tekst.hpp"

namespace ww::advies {

using namespace std::string_view_literals;

namespace {

// Colours with at least 4.5:1 contrast on white; every series also differs in shape and line style,
// so that nothing depends on colour alone (nor on a colour printer).
constexpr std::string_view kleur_gemeente = "#1f4e79";
constexpr std::string_view kleur_vergelijkbaar = "#8a4200";
constexpr std::string_view kleur_tekst = "#333333";
constexpr std::string_view kleur_raster = "#d4d4d4";
constexpr std::string_view kleur_band = "#f2f4f7";
constexpr std::string_view kleur_doel = "#1c6b33";
constexpr std::string_view kleur_nulmeting = "#555555";

constexpr double breedte = 640;

// The most rows in one wijken chart: 25 rows with axis and legend are some 760 units high, at the report's
// print width (about 1.06 px per unit) three quarters of an A4 page's 990 px.
constexpr std::size_t rijen_per_deel = 25;

// A chart is drawn into an fmt buffer (on the stack up to 500 bytes, then on the heap): fmt appends to
// it directly, where each argument into a std::string through back_inserter was a resize of the
// string first. A chart with figures has some fifty coordinates and labels.
using Tekening = fmt::memory_buffer;

void voeg_toe(Tekening& t, std::string_view s) { t.append(s.data(), s.data() + s.size()); }

// A coordinate with one decimal as vast writes it, on the stack: fmt takes it as a string_view (its
// arg_mapper does for a type that converts to one), without a std::string per number.
class Kort {
public:
    explicit Kort(double x) {
        if (const char* eind = vast_in(tekens_, x, 1)) {
            tekst_ = std::string_view(tekens_, static_cast<std::size_t>(eind - tekens_));
        } else {
            lang_ = vast(x, 1);
            tekst_ = lang_;
        }
    }
    Kort(const Kort&) = delete;
    Kort& operator=(const Kort&) = delete;
    operator std::string_view() const { return tekst_; }

private:
    char tekens_[32];
    std::string lang_;
    std::string_view tekst_;
};

Kort f1(double x) { return Kort(x); }

std::string pct(double x) { return getal_nl(x) + "%"; }

// The SMART target figure with the two decimals it may have, as the advice writes it (9,45%, not 9,5%, which a measured
// 9,5% would seem to meet).
std::string streef_pct(double x) { return getal_nl(x, 2) + "%"; }

std::string jaar_tekst(const RapportMeting& m) { return m.jaar ? std::to_string(*m.jaar) : "zonder jaar"; }

// Roughly how wide a text is at 12px, for placing legend items and cutting long labels.
double tekstbreedte(std::string_view s) {
    std::size_t tekens = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++tekens;
    return static_cast<double>(tekens) * 6.6;
}

// At most `max` characters (not bytes), with "…" when cut.
std::string ingekort(std::string_view s, std::size_t max) {
    std::size_t tekens = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (tekens == max - 1) {
            // Only cut when more than one character remains.
            std::size_t rest = 0;
            for (std::size_t k = i; k < s.size(); ++k)
                if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) ++rest;
            if (rest > 1) return std::string(s.substr(0, i)) + "…";
            return std::string(s);
        }
        ++tekens;
    }
    return std::string(s);
}

std::size_t tekens_in(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// The longest row label of the wijken chart in characters: 30 of the system font at 12px stay within the
// label column (224 px) with room to spare; 34 did not, and a printed label lost its start past the edge.
constexpr std::size_t label_tekens = 30;

// A row's label within label_tekens: a long wijk is cut before its group, so that "Oude Westen en Cool-Zuid
// rond het Station, 65+" and "..., vrouwen" stay two labels ("Oude Westen en Cool-…, 65+"), not one cut
// twice to the same text.
std::string rij_label(const RapportMeting& m, std::string_view jaar) {
    const std::string heel = deel_naam(m) + std::string(jaar);
    if (tekens_in(heel) <= label_tekens || m.gebied.empty() || m.groep.empty()) return ingekort(heel, label_tekens);
    const std::size_t staart = tekens_in(m.groep) + 2 + tekens_in(jaar);
    const std::size_t ruimte = label_tekens > staart + 10 ? label_tekens - staart : 10;
    const std::string gebied = ingekort(m.gebied, ruimte);
    const std::size_t over = label_tekens > tekens_in(gebied) + 2 + tekens_in(jaar) ? label_tekens - tekens_in(gebied) - 2 - tekens_in(jaar) : 6;
    return gebied + ", " + ingekort(m.groep, std::max<std::size_t>(over, 6)) + std::string(jaar);
}

std::string lijst_nl(const std::vector<std::string>& delen) {
    std::string uit;
    for (std::size_t i = 0; i < delen.size(); ++i) {
        if (i > 0) uit += i + 1 == delen.size() ? " en " : ", ";
        uit += delen[i];
    }
    return uit;
}

std::string met_marge(const RapportMeting& m) {
    std::string uit = pct(m.waarde);
    if (auto marge = m.marge_bekend()) uit += " (marge ± " + getal_nl(*marge) + ")";
    return uit;
}

// Rows with a year, by year; rows without one after them; then the profile's order.
bool eerder(const RapportMeting* a, const RapportMeting* b) {
    const auto sleutel = [](const RapportMeting* m) {
        return std::make_tuple(m->jaar.has_value() ? 0 : 1, m->jaar.value_or(0), m->nr);
    };
    return sleutel(a) < sleutel(b);
}

void svg_kop(Tekening& uit, std::string_view sleutel, std::string_view soort, double hoogte, std::string_view titel,
             std::string_view beschrijving) {
    const std::string id = html_tekst(fmt::format(FMT_COMPILE("{}-{}"), sleutel, soort));
    fmt::format_to(fmt::appender(uit),
        FMT_COMPILE("<svg class=\"grafiek\" role=\"img\" aria-labelledby=\"{0}-titel {0}-desc\" viewBox=\"0 0 {1} {2}\" "
        "width=\"{1}\" height=\"{2}\" font-family=\"system-ui, 'DejaVu Sans', sans-serif\" font-size=\"12\" "
        "fill=\"{3}\">\n"),
        id, f1(breedte), f1(hoogte), kleur_tekst);
    fmt::format_to(fmt::appender(uit), FMT_COMPILE("<title id=\"{}-titel\">{}</title>\n"), id, html_tekst(titel));
    fmt::format_to(fmt::appender(uit), FMT_COMPILE("<desc id=\"{}-desc\">{}</desc>\n"), id, html_tekst(beschrijving));
}

// Legend items laid out left to right, wrapping onto a next line.
class Legenda {
public:
    Legenda(double x0, double y0) : x0_(x0), x_(x0), y_(y0) {}
    // `teken` draws the symbol in a 28x12 box whose left middle is at (x, y).
    template <typename Teken>
    void item(Tekening& uit, std::string_view tekst, Teken&& teken) {
        const double w = 34 + tekstbreedte(tekst) + 18;
        if (x_ > x0_ && x_ + w > breedte - 8) {
            x_ = x0_;
            y_ += 18;
        }
        teken(uit, x_, y_);
        fmt::format_to(fmt::appender(uit), FMT_COMPILE("<text x=\"{}\" y=\"{}\">{}</text>\n"), f1(x_ + 34), f1(y_ + 4), html_tekst(tekst));
        x_ += w;
    }
    double onderkant() const { return y_ + 10; }

private:
    double x0_, x_, y_;
};

void cirkel(Tekening& uit, double x, double y, bool vol, std::string_view titel = {}) {
    fmt::format_to(fmt::appender(uit), FMT_COMPILE("<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\""), f1(x), f1(y),
                       vol ? kleur_gemeente : std::string_view("#ffffff"), kleur_gemeente);
    if (titel.empty()) {
        voeg_toe(uit, "/>\n"sv);
    } else {
        fmt::format_to(fmt::appender(uit), FMT_COMPILE("><title>{}</title></circle>\n"), html_tekst(titel));
    }
}

void vierkant(Tekening& uit, double x, double y, std::string_view titel = {}) {
    fmt::format_to(fmt::appender(uit), FMT_COMPILE("<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\""),
                       f1(x - 4), f1(y - 4), kleur_vergelijkbaar);
    if (titel.empty()) {
        voeg_toe(uit, "/>\n"sv);
    } else {
        fmt::format_to(fmt::appender(uit), FMT_COMPILE("><title>{}</title></rect>\n"), html_tekst(titel));
    }
}

// The SMART target's figure: a diamond, a shape no other series has.
void ruit(Tekening& uit, double x, double y, std::string_view titel = {}) {
    fmt::format_to(fmt::appender(uit), FMT_COMPILE("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\""),
                   f1(x), f1(y - 6.5), f1(x + 6.5), f1(y), f1(x), f1(y + 6.5), f1(x - 6.5), f1(y), kleur_doel);
    if (titel.empty()) {
        voeg_toe(uit, "/>\n"sv);
    } else {
        fmt::format_to(fmt::appender(uit), FMT_COMPILE("><title>{}</title></path>\n"), html_tekst(titel));
    }
}

// "daling van 10%", as the appendix and the text alternative say the target.
std::string doel_omschrijving(const RapportDoel::Streef& s) {
    return (s.richting.empty() ? std::string("verandering") : s.richting) + " van " + pct(s.pct);
}

// An error bar from a to b (vertical when `staand`), with caps.
void foutbalk(Tekening& uit, double vast, double a, double b, bool staand) {
    if (staand)
        fmt::format_to(fmt::appender(uit), FMT_COMPILE("<path d=\"M{0} {1}V{2}M{3} {1}H{4}M{3} {2}H{4}\" fill=\"none\" stroke=\"{5}\" stroke-width=\"1.5\"/>\n"),
                           f1(vast), f1(a), f1(b), f1(vast - 5), f1(vast + 5), kleur_gemeente);
    else
        fmt::format_to(fmt::appender(uit), FMT_COMPILE("<path d=\"M{1} {0}H{2}M{1} {3}V{4}M{2} {3}V{4}\" fill=\"none\" stroke=\"{5}\" stroke-width=\"1.5\"/>\n"),
                           f1(vast), f1(a), f1(b), f1(vast - 5), f1(vast + 5), kleur_gemeente);
}

// The chart: its head (which needs the height the drawing reached), the drawing, and its end.
std::string samen(const Tekening& kop, const Tekening& tekening) {
    constexpr std::string_view eind = "</svg>\n";
    std::string uit;
    uit.reserve(kop.size() + tekening.size() + eind.size());
    uit.append(kop.data(), kop.size());
    uit.append(tekening.data(), tekening.size());
    uit += eind;
    return uit;
}

}  // namespace

As as_voor(double hoogste) {
    if (!(hoogste > 0) || !std::isfinite(hoogste)) return {};
    hoogste = std::min(hoogste, 100.0);
    for (double macht = 0.1; macht <= 100; macht *= 10)
        for (double factor : {1.0, 2.0, 2.5, 5.0}) {
            const double stap = factor * macht;
            const double top = std::ceil(hoogste / stap - 1e-9) * stap;
            if (top / stap <= 6 + 1e-9) return As{std::max(top, stap), stap};
        }
    return As{100, 20};
}

std::string jaar_nl(double jaar) {
    if (std::abs(jaar - std::round(jaar)) < 1e-9) return std::to_string(std::llround(jaar));
    return getal_nl(jaar, 2);
}

std::string deel_naam(const RapportMeting& m) {
    if (m.gebied.empty()) return m.groep;
    if (m.groep.empty()) return m.gebied;
    return m.gebied + ", " + m.groep;
}

IndicatorCijfers cijfers_van(const RapportGegevens& g, std::string_view indicator, std::string_view gemeente) {
    IndicatorCijfers c;
    c.id = std::string(indicator);
    c.gemeente = std::string(gemeente);
    const RapportIndicator* ind = g.namen().indicator(indicator);
    c.naam = ind && !ind->naam.empty() ? ind->naam : std::string(indicator);
    if (!c.naam.empty()) c.naam[0] = hoofdletter_van(c.naam[0]);
    std::vector<const RapportMeting*> overig;
    for (const auto& m : g.metingen) {
        if (m.indicator != indicator) continue;
        (m.gemeentebreed() ? c.reeks : overig).push_back(&m);
    }
    std::stable_sort(c.reeks.begin(), c.reeks.end(), eerder);
    if (g.doel && g.doel->streef && g.doel->indicator == indicator) c.doel = &*g.doel;
    if (g.nulmeting)
        for (const auto& w : g.nulmeting->waarden)
            if (w.indicator == indicator) c.nulmeting = &w;
    std::stable_sort(overig.begin(), overig.end(), [](const RapportMeting* a, const RapportMeting* b) {
        if (a->gebied != b->gebied) return a->gebied < b->gebied;
        if (a->groep != b->groep) return a->groep < b->groep;
        return eerder(a, b);
    });
    // The latest of each wijk and group: the last of its run.
    for (std::size_t i = 0; i < overig.size(); ++i) {
        const bool laatste = i + 1 == overig.size() || overig[i + 1]->gebied != overig[i]->gebied ||
                             overig[i + 1]->groep != overig[i]->groep;
        if (laatste) c.delen.push_back(overig[i]);
    }
    return c;
}

std::string beschrijving_verloop(const IndicatorCijfers& c) {
    if (c.reeks.empty()) return {};
    std::vector<std::string> punten, vergelijkbaar;
    if (c.reeks.front()->vorige) punten.push_back(pct(*c.reeks.front()->vorige) + " bij de vorige meting");
    for (const auto* m : c.reeks) {
        punten.push_back(met_marge(*m) + (m->jaar ? " in " + std::to_string(*m->jaar) : " (zonder jaar)"));
        if (m->vergelijkbaar)
            vergelijkbaar.push_back(pct(*m->vergelijkbaar) + (m->jaar ? " in " + std::to_string(*m->jaar) : " (zonder jaar)"));
    }
    std::string uit = fmt::format(FMT_COMPILE("{} in {}: {}."), c.naam, c.gemeente, lijst_nl(punten));
    if (!vergelijkbaar.empty()) fmt::format_to(std::back_inserter(uit), FMT_COMPILE(" Vergelijkbare gemeenten: {}."), lijst_nl(vergelijkbaar));
    if (c.nulmeting)
        fmt::format_to(std::back_inserter(uit), FMT_COMPILE(" Nulmeting: {}{}."), pct(c.nulmeting->waarde),
                       c.nulmeting->jaar ? " in " + std::to_string(*c.nulmeting->jaar) : std::string(" (de vorige meting)"));
    if (c.doel) {
        const RapportDoel::Streef& s = *c.doel->streef;
        const auto eind = c.doel->eindjaar();
        fmt::format_to(std::back_inserter(uit), FMT_COMPILE(" SMART-doel: {} ten opzichte van {} {}, dus een streefcijfer van {}{}."),
                       doel_omschrijving(s), pct(s.basis), s.van, streef_pct(s.streef),
                       eind ? " in " + jaar_nl(*eind) : std::string(" (zonder eindjaar: het profiel geeft geen termijn of startjaar)"));
    }
    return uit;
}

std::string beschrijving_delen(const IndicatorCijfers& c) {
    if (c.delen.empty()) return {};
    std::vector<std::string> punten;
    for (const auto* m : c.delen) {
        std::string p = deel_naam(*m) + " " + met_marge(*m) + " (" + jaar_tekst(*m) + ")";
        if (m->vergelijkbaar) p += ", vergelijkbaar " + pct(*m->vergelijkbaar);
        punten.push_back(std::move(p));
    }
    std::string uit = fmt::format(FMT_COMPILE("{}, laatste meting per wijk en groep: {}."), c.naam, lijst_nl(punten));
    if (!c.reeks.empty())
        fmt::format_to(std::back_inserter(uit), FMT_COMPILE(" Hele gemeente: {} ({})."), met_marge(*c.reeks.back()), jaar_tekst(*c.reeks.back()));
    return uit;
}

std::string svg_verloop(const IndicatorCijfers& c, std::string_view sleutel) {
    if (c.reeks.empty()) return {};
    // The x axis: one place per year of the series, and one before it for `vorige`, the measurement
    // before the first row that the profile gives only as a number.
    std::vector<std::string> plaatsen;
    std::vector<std::optional<double>> plaats_jaar;  // per place its year, if it has one
    const bool met_vorige = c.reeks.front()->vorige.has_value();
    if (met_vorige) {
        plaatsen.push_back("vorige meting");
        plaats_jaar.emplace_back();
    }
    for (const auto* m : c.reeks) {
        const std::string label = jaar_tekst(*m);
        if (plaatsen.empty() || plaatsen.back() != label) {
            plaatsen.push_back(label);
            plaats_jaar.push_back(m->jaar ? std::optional<double>(static_cast<double>(*m->jaar)) : std::nullopt);
        }
    }
    // The end of the target's term gets its place among the years (mostly after the last): the target
    // figure stands where the bestuur will measure it.
    const std::optional<double> eindjaar = c.doel ? c.doel->eindjaar() : std::nullopt;
    if (eindjaar && std::none_of(plaats_jaar.begin(), plaats_jaar.end(), [&](const auto& j) { return j && std::abs(*j - *eindjaar) < 1e-9; })) {
        std::size_t i = met_vorige ? 1 : 0;
        while (i < plaatsen.size() && plaats_jaar[i] && *plaats_jaar[i] < *eindjaar) ++i;
        plaatsen.insert(plaatsen.begin() + static_cast<std::ptrdiff_t>(i), jaar_nl(*eindjaar));
        plaats_jaar.insert(plaats_jaar.begin() + static_cast<std::ptrdiff_t>(i), *eindjaar);
    }
    const auto plaats_met_jaar = [&](std::optional<double> jaar) -> std::optional<std::size_t> {
        if (!jaar) return std::nullopt;
        for (std::size_t i = 0; i < plaatsen.size(); ++i)
            if (plaats_jaar[i] && std::abs(*plaats_jaar[i] - *jaar) < 1e-9) return i;
        return std::nullopt;
    };
    std::vector<std::size_t> plaats_van;
    for (const auto* m : c.reeks) {
        const std::string label = jaar_tekst(*m);
        std::size_t i = met_vorige ? 1 : 0;
        while (i + 1 < plaatsen.size() && plaatsen[i] != label) ++i;
        plaats_van.push_back(i);
    }
    double hoogste = 0;
    if (c.doel) hoogste = std::max(c.doel->streef->streef, c.doel->streef->basis);
    bool marges = false, vergelijkbaar = false;
    for (const auto* m : c.reeks) {
        const double marge = m->marge_bekend().value_or(0);
        marges = marges || m->marge_bekend().has_value();
        vergelijkbaar = vergelijkbaar || m->vergelijkbaar.has_value();
        hoogste = std::max({hoogste, m->waarde + marge, m->vergelijkbaar.value_or(0), m->vorige.value_or(0)});
    }
    // The nulmeting: a dotted line through its year, named above the plot (the year the evaluation and,
    // mostly, the target start from). Without a year it is the `vorige` of the first row.
    std::optional<std::size_t> nulmeting_plaats;
    if (c.nulmeting)
        nulmeting_plaats = c.nulmeting->jaar ? plaats_met_jaar(static_cast<double>(*c.nulmeting->jaar))
                                             : (met_vorige ? std::optional<std::size_t>(0) : std::nullopt);
    const As as = as_voor(hoogste);
    // Room above the plot for the word "nulmeting", under the axis's unit.
    const double extra = nulmeting_plaats ? 16 : 0;
    const double links = 56, rechts = breedte - 24, boven = 30 + extra, onder = 190 + extra;
    const auto y = [&](double v) { return onder - std::clamp(v, 0.0, as.top) / as.top * (onder - boven); };
    const auto x = [&](std::size_t i) {
        if (plaatsen.size() == 1) return (links + rechts) / 2;
        return links + 40 + static_cast<double>(i) * (rechts - links - 80) / static_cast<double>(plaatsen.size() - 1);
    };

    Tekening tekening;
    // A chart is some 3 kB: room at once, not a move of the drawing at each doubling.
    tekening.reserve(4096);
    // Grid and axes.
    for (double t = 0; t <= as.top + 1e-9; t += as.stap) {
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\"/>\n"), f1(links), f1(y(t)),
                                f1(rechts), t == 0 ? std::string_view("#555555") : kleur_raster);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n"), f1(links - 8), f1(y(t) + 4), pct(t));
    }
    fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"14\">% van de inwoners</text>\n"), f1(links - 48));
    // A long series (a yearly monitor since 2008) puts the places closer than a label is wide: then every
    // k-th year is named, counted back from the last, and only the first and the last point carry their
    // value (every value is in the chart's description and in the profile's table).
    const double afstand = plaatsen.size() > 1 ? x(1) - x(0) : breedte;
    double breedste = 0;
    for (const auto& p : plaatsen) breedste = std::max(breedste, tekstbreedte(p));
    const std::size_t om = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((breedste + 10) / afstand)));
    const bool alle_waarden = afstand >= tekstbreedte("00,0%") + 14;
    for (std::size_t i = 0; i < plaatsen.size(); ++i)
        if ((plaatsen.size() - 1 - i) % om == 0)
            fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n"), f1(x(i)), f1(onder + 18),
                                    html_tekst(plaatsen[i]));

    if (nulmeting_plaats) {
        const double nx = x(*nulmeting_plaats);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n"),
                       f1(nx), f1(boven - 4), f1(onder), kleur_nulmeting);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">nulmeting</text>\n"), f1(nx),
                       f1(boven - 8), kleur_nulmeting);
    }

    // Comparable gemeenten: dashed, squares.
    std::string lijn;
    int vergelijkpunten = 0;
    for (std::size_t k = 0; k < c.reeks.size(); ++k)
        if (c.reeks[k]->vergelijkbaar) {
            fmt::format_to(std::back_inserter(lijn), FMT_COMPILE("{}{},{}"), lijn.empty() ? "" : " ", f1(x(plaats_van[k])), f1(y(*c.reeks[k]->vergelijkbaar)));
            ++vergelijkpunten;
        }
    if (vergelijkpunten > 1)
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"),
                                lijn, kleur_vergelijkbaar);
    for (std::size_t k = 0; k < c.reeks.size(); ++k)
        if (const auto* m = c.reeks[k]; m->vergelijkbaar)
            vierkant(tekening, x(plaats_van[k]), y(*m->vergelijkbaar),
                     fmt::format(FMT_COMPILE("vergelijkbare gemeenten, {}: {}"), jaar_tekst(*m), pct(*m->vergelijkbaar)));

    // The gemeente: solid line, filled circles, margins as error bars, the value beside each point.
    if (met_vorige) {
        const double vx = x(0), vy = y(*c.reeks.front()->vorige);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"3 3\"/>\n"),
                                f1(vx), f1(vy), f1(x(plaats_van[0])), f1(y(c.reeks.front()->waarde)), kleur_gemeente);
        cirkel(tekening, vx, vy, false, "vorige meting: " + pct(*c.reeks.front()->vorige));
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\">{}</text>\n"), f1(vx + 8), f1(vy - 6), pct(*c.reeks.front()->vorige));
    }
    lijn.clear();
    for (std::size_t k = 0; k < c.reeks.size(); ++k)
        fmt::format_to(std::back_inserter(lijn), FMT_COMPILE("{}{},{}"), k ? " " : "", f1(x(plaats_van[k])), f1(y(c.reeks[k]->waarde)));
    if (c.reeks.size() > 1)
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n"), lijn, kleur_gemeente);
    for (std::size_t k = 0; k < c.reeks.size(); ++k) {
        const auto* m = c.reeks[k];
        const double px = x(plaats_van[k]), py = y(m->waarde);
        if (auto marge = m->marge_bekend()) foutbalk(tekening, px, y(m->waarde - *marge), y(m->waarde + *marge), true);
        cirkel(tekening, px, py, true, fmt::format(FMT_COMPILE("{}, {}: {}"), c.gemeente, jaar_tekst(*m), met_marge(*m)));
        if (!alle_waarden && k != 0 && k + 1 != c.reeks.size()) continue;
        // Beside the point, on the side away from the comparable figure of the same year (above it when below
        // would reach the year under the axis).
        const bool onder_uit = m->vergelijkbaar && *m->vergelijkbaar > m->waarde && py + 17 < onder - 2;
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" font-weight=\"600\">{}</text>\n"), f1(px + 8),
                                f1(onder_uit ? py + 17 : py - 8), pct(m->waarde));
    }
    // The latest comparable figure, named beside its square: a square carries no value, one within a point or
    // two of the gemeente's hides under its point and margin, and on paper the table beside the chart stays
    // folded, which would leave the bestuur only the appendix to see what the gemeente is compared with. On the
    // side away from the gemeente's value (below the square when that value is above it), and before the point,
    // where the gemeente's label is not.
    for (std::size_t k = c.reeks.size(); k-- > 0;) {
        const auto* m = c.reeks[k];
        if (!m->vergelijkbaar) continue;
        const double px = x(plaats_van[k]), vy = y(*m->vergelijkbaar);
        const bool gemeente_onder = *m->vergelijkbaar > m->waarde && y(m->waarde) + 17 < onder - 2;
        const double ty = gemeente_onder || vy + 17 >= onder - 2 ? vy - 8 : vy + 17;
        const std::string tekst = "vergelijkbaar " + pct(*m->vergelijkbaar);
        const bool ervoor = px - 8 - tekstbreedte(tekst) >= links;
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\"{} fill=\"{}\">{}</text>\n"), f1(ervoor ? px - 8 : px + 8),
                                f1(ty), ervoor ? " text-anchor=\"end\""sv : ""sv, kleur_vergelijkbaar, tekst);
        break;
    }

    // The SMART target: a dashed line from the figure it starts at to its target figure at the end of the
    // term, which shows the direction; without an end year a level line across the chart. Its figure is
    // named in the legend: beside the diamond it met the gemeente's and the comparable figure, which a
    // target that is being reached lies close to.
    std::string doel_legenda;
    bool doel_ruit = false;  // the figure at its end year; without one only the level line
    if (c.doel) {
        const RapportDoel::Streef& s = *c.doel->streef;
        const double sy = y(s.streef);
        const auto doel_plaats = plaats_met_jaar(eindjaar);
        const std::optional<std::size_t> basis_plaats =
            s.basis_jaar ? plaats_met_jaar(static_cast<double>(*s.basis_jaar)) : (met_vorige ? std::optional<std::size_t>(0) : std::nullopt);
        const std::string titel = fmt::format(FMT_COMPILE("SMART-doel: {}, streefcijfer {}{}"), doel_omschrijving(s), streef_pct(s.streef),
                                              eindjaar ? " in " + jaar_nl(*eindjaar) : std::string());
        doel_legenda = "SMART-doel: streefcijfer " + streef_pct(s.streef) + (eindjaar ? " in " + jaar_nl(*eindjaar) : std::string(" (geen eindjaar)"));
        if (doel_plaats) {
            const double dx = x(*doel_plaats);
            if (basis_plaats && *basis_plaats != *doel_plaats)
                fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"8 3 2 3\"/>\n"),
                               f1(x(*basis_plaats)), f1(y(s.basis)), f1(dx), f1(sy), kleur_doel);
            ruit(tekening, dx, sy, titel);
            doel_ruit = true;
        } else {
            fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"8 3 2 3\"><title>{}</title></line>\n"),
                           f1(links), f1(sy), f1(rechts), f1(sy), kleur_doel, html_tekst(titel));
        }
    }

    // Legend.
    Legenda legenda(links - 48, onder + 44);
    legenda.item(tekening, ingekort(c.gemeente, 40), [](Tekening& u, double lx, double ly) {
        fmt::format_to(fmt::appender(u), FMT_COMPILE("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"/>\n"), f1(lx), f1(ly),
                         f1(lx + 28), f1(ly), kleur_gemeente);
        cirkel(u, lx + 14, ly, true);
    });
    if (vergelijkbaar)
        legenda.item(tekening, "vergelijkbare gemeenten", [](Tekening& u, double lx, double ly) {
            fmt::format_to(fmt::appender(u), FMT_COMPILE("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"),
                             f1(lx), f1(ly), f1(lx + 28), f1(ly), kleur_vergelijkbaar);
            vierkant(u, lx + 14, ly);
        });
    if (met_vorige)
        legenda.item(tekening, "vorige meting (zonder jaar)", [](Tekening& u, double lx, double ly) { cirkel(u, lx + 14, ly, false); });
    if (marges)
        legenda.item(tekening, "marge (95%-betrouwbaarheid)",
                     [](Tekening& u, double lx, double ly) { foutbalk(u, lx + 14, ly - 7, ly + 7, true); });
    if (nulmeting_plaats)
        legenda.item(tekening, "nulmeting", [](Tekening& u, double lx, double ly) {
            fmt::format_to(fmt::appender(u), FMT_COMPILE("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n"),
                           f1(lx + 14), f1(ly - 7), f1(ly + 7), kleur_nulmeting);
        });
    if (c.doel)
        legenda.item(tekening, doel_legenda, [doel_ruit](Tekening& u, double lx, double ly) {
            fmt::format_to(fmt::appender(u), FMT_COMPILE("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"8 3 2 3\"/>\n"),
                           f1(lx), f1(ly), f1(lx + 28), f1(ly), kleur_doel);
            if (doel_ruit) ruit(u, lx + 14, ly);
        });

    Tekening kop;
    svg_kop(kop, sleutel, "verloop", legenda.onderkant() + 6, fmt::format(FMT_COMPILE("{} in {}, per jaar"), c.naam, c.gemeente),
            beschrijving_verloop(c));
    return samen(kop, tekening);
}

namespace {

// One wijken chart of at most rijen_per_deel rows; `soort` makes its ids unique, `deel` ("" or " (deel 2 van 3)")
// goes into its title.
std::string svg_delen_deel(const IndicatorCijfers& c, std::string_view sleutel, std::string_view soort, std::string_view deel) {
    const RapportMeting* gemeente = c.reeks.empty() ? nullptr : c.reeks.back();
    double hoogste = 0;
    bool marges = false, vergelijkbaar = false;
    for (const auto* m : c.delen) {
        marges = marges || m->marge_bekend().has_value();
        vergelijkbaar = vergelijkbaar || m->vergelijkbaar.has_value();
        hoogste = std::max({hoogste, m->waarde + m->marge_bekend().value_or(0), m->vergelijkbaar.value_or(0)});
    }
    if (gemeente) hoogste = std::max(hoogste, gemeente->waarde);
    const As as = as_voor(hoogste);
    const double label_rechts = 232, links = 248, rechts = breedte - 64, boven = gemeente ? 34 : 12, rij = 26;
    const double onder = boven + rij * static_cast<double>(c.delen.size());
    const auto x = [&](double v) { return links + std::clamp(v, 0.0, as.top) / as.top * (rechts - links); };

    Tekening tekening;
    tekening.reserve(4096);
    for (std::size_t i = 0; i < c.delen.size(); ++i)
        if (i % 2 == 0)
            fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<rect x=\"8\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n"),
                                    f1(boven + rij * static_cast<double>(i)), f1(breedte - 16), f1(rij), kleur_band);
    for (double t = 0; t <= as.top + 1e-9; t += as.stap) {
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\"/>\n"), f1(x(t)), f1(boven),
                                f1(onder), t == 0 ? std::string_view("#555555") : kleur_raster);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n"), f1(x(t)), f1(onder + 16), pct(t));
    }
    if (gemeente) {
        const double gx = x(gemeente->waarde);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n"),
                                f1(gx), f1(boven - 8), f1(onder), kleur_gemeente);
        const bool rechts_uit = gx > links + (rechts - links) * 0.6;
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n"), f1(rechts_uit ? gx - 4 : gx + 4),
                                f1(boven - 12), rechts_uit ? "end" : "start",
                                html_tekst(fmt::format(FMT_COMPILE("hele gemeente ({}): {}"), jaar_tekst(*gemeente), pct(gemeente->waarde))));
    }
    for (std::size_t i = 0; i < c.delen.size(); ++i) {
        const auto* m = c.delen[i];
        const double my = boven + rij * (static_cast<double>(i) + 0.5);
        const std::string jaar = !gemeente || m->jaar != gemeente->jaar ? " (" + jaar_tekst(*m) + ")" : "";
        const std::string naam = deel_naam(*m) + jaar;
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}</text>\n"), f1(label_rechts),
                                f1(my + 4), html_tekst(naam), html_tekst(rij_label(*m, jaar)));
        if (m->vergelijkbaar)
            vierkant(tekening, x(*m->vergelijkbaar), my, fmt::format(FMT_COMPILE("{}, vergelijkbaar: {}"), deel_naam(*m), pct(*m->vergelijkbaar)));
        const auto marge = m->marge_bekend();
        if (marge) foutbalk(tekening, my, x(m->waarde - *marge), x(m->waarde + *marge), false);
        cirkel(tekening, x(m->waarde), my, true, fmt::format(FMT_COMPILE("{}, {}: {}"), deel_naam(*m), jaar_tekst(*m), met_marge(*m)));
        double eind = x(m->waarde + marge.value_or(0));
        if (m->vergelijkbaar) eind = std::max(eind, x(*m->vergelijkbaar) + 4);
        fmt::format_to(fmt::appender(tekening), FMT_COMPILE("<text x=\"{}\" y=\"{}\" font-weight=\"600\">{}</text>\n"), f1(std::max(eind, x(m->waarde) + 4) + 6),
                                f1(my + 4), pct(m->waarde));
    }

    Legenda legenda(8, onder + 40);
    legenda.item(tekening, "laatste meting van de wijk of groep", [](Tekening& u, double lx, double ly) { cirkel(u, lx + 14, ly, true); });
    if (gemeente)
        legenda.item(tekening, "hele gemeente", [](Tekening& u, double lx, double ly) {
            fmt::format_to(fmt::appender(u), FMT_COMPILE("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n"),
                             f1(lx + 14), f1(ly - 7), f1(ly + 7), kleur_gemeente);
        });
    if (vergelijkbaar)
        legenda.item(tekening, "vergelijkbaar cijfer", [](Tekening& u, double lx, double ly) { vierkant(u, lx + 14, ly); });
    if (marges)
        legenda.item(tekening, "marge (95%-betrouwbaarheid)",
                     [](Tekening& u, double lx, double ly) { foutbalk(u, ly, lx + 7, lx + 21, false); });

    Tekening kop;
    svg_kop(kop, sleutel, soort, legenda.onderkant() + 6,
            fmt::format(FMT_COMPILE("{} per wijk en groep, laatste meting{}"), c.naam, deel), beschrijving_delen(c));
    return samen(kop, tekening);
}

}  // namespace

std::string svg_delen(const IndicatorCijfers& c, std::string_view sleutel) {
    if (c.delen.empty()) return {};
    if (c.delen.size() <= rijen_per_deel) return svg_delen_deel(c, sleutel, "delen", "");
    // More rows than a printed page holds: charts of equal size one below the other, each whole on its page
    // (an SVG does not break across pages; one of 45 rows ran off the page and lost its last rows).
    const std::size_t delen = (c.delen.size() + rijen_per_deel - 1) / rijen_per_deel;
    std::string uit;
    std::size_t begin = 0;
    for (std::size_t d = 0; d < delen; ++d) {
        const std::size_t eind = begin + (c.delen.size() - begin + (delen - d) - 1) / (delen - d);
        IndicatorCijfers stuk = c;
        stuk.delen.assign(c.delen.begin() + static_cast<std::ptrdiff_t>(begin), c.delen.begin() + static_cast<std::ptrdiff_t>(eind));
        uit += svg_delen_deel(stuk, sleutel, d == 0 ? std::string("delen") : fmt::format(FMT_COMPILE("delen-{}"), d + 1),
                              fmt::format(FMT_COMPILE(" (deel {} van {})"), d + 1, delen));
        begin = eind;
    }
    return uit;
}

}  // namespace ww::advies
