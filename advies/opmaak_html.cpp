// SPDX-License-Identifier: EUPL-1.2
#include "advies/opmaak_html.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <tuple>
#include <utility>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "advies/compacte_stijl.hpp"
#include "advies/getal_nl.hpp"
#include "advies/grafiek_svg.hpp"
#include "advies/hoofdletter.hpp"
#include "advies/html_tekst.hpp"
#include "advies/uitbuffer.hpp"
#include "advies/uitleg.hpp"
#include "advies/indeling.hpp"
#include "engine/functions.hpp"

namespace ww::advies {

using namespace std::string_view_literals;

namespace {

// The style sheet, for screen and for print on A4. Polyglot on purpose (no '<' or '&'): the whole
// report parses as XML too, which the tests use as a strict check of well-formedness. Laid out for
// people here; the report carries it compacted (`stijl` below). The page's margins are the report's own:
// Chromium prints its header (an American date and time, the title) and footer (the file's address) only
// where a page defines no margin box, so the empty top box keeps both off beside "pagina 1 van 9".
constexpr std::string_view stijl_bron = R"css(
:root { color-scheme: light; --inkt: #1a1a1a; --zacht: #4d4d4d; --lijn: #c4c4c4; --blauw: #1f4e79;
  --groen: #1c6b33; --rood: #a3161b; --paars: #5b2a86; --band: #f2f4f7; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  color: var(--inkt); background: #ffffff; max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
  line-height: 1.45; font-size: 1rem; }
header.kop { border-bottom: 3px solid var(--blauw); margin-bottom: 1rem; }
.bovenschrift { margin: 0; color: var(--zacht); font-size: .95rem; letter-spacing: .02em; }
h1 { font-size: 1.7rem; margin: .1rem 0 .6rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--lijn); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 0 0 .35rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
nav.inhoud ul { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
a { color: var(--blauw); }
p.samenvatting { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--lijn); padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8edf3; }
th.groepkop { background: var(--band); font-size: .95rem; }
.getal { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.huidig td, tr.huidig th { font-weight: 700; }
td.oordeel { font-weight: 600; white-space: nowrap; }
table.boodschappen td.toelichting { width: 45%; }
table.feiten th { width: 30%; font-weight: 600; }
.teken { display: inline-block; width: 1.2em; }
article.advies { border: 1px solid var(--lijn); border-left: 6px solid var(--zacht); border-radius: 4px;
  padding: .6rem .9rem .5rem; margin: .7rem 0; break-inside: avoid; page-break-inside: avoid; }
article.actie { border-left-color: var(--groen); }
article.waarschuwing { border-left-color: var(--rood); }
article.advies p.tekst { margin: .2rem 0 .5rem; }
.soort { font-weight: 700; }
article.advies dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; font-size: .9rem; }
article.advies dt { color: var(--zacht); }
article.advies dd { margin: 0; }
article.advies dd ul { margin: 0; padding-left: 1.1rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
details { margin-top: .4rem; }
summary { cursor: pointer; color: var(--blauw); }
ul.afleiding, ul.afleiding ul { font-size: .85rem; padding-left: 1.1rem; }
ul.legenda { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; }
.tafel { display: grid; grid-template-columns: repeat(3, 1fr); gap: .8rem; }
.pijler h3 { margin-top: 0; font-size: 1rem; background: var(--band); padding: .3rem .5rem; border-radius: 4px; }
ul.factoren { list-style: none; padding: 0; margin: 0; }
li.factor { border: 1px solid var(--lijn); border-radius: 4px; padding: .4rem .55rem; margin: 0 0 .5rem;
  break-inside: avoid; page-break-inside: avoid; }
li.factor.gekozen { border: 2px solid var(--blauw); background: #eef4fb; }
li.factor .naam { display: block; font-weight: 600; }
.merk { display: inline-block; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; border-radius: 3px;
  padding: 0 .35rem; margin: .2rem .25rem 0 0; background: #ffffff; }
.merk.analyse { color: var(--blauw); }
.merk.ivp { color: var(--paars); }
.merk.acties { color: var(--groen); }
.geen { color: var(--zacht); font-size: .85rem; }
li.factor ul { margin: .25rem 0 0; padding-left: 1rem; font-size: .85rem; }
figure { margin: .6rem 0 1.2rem; }
figcaption { color: var(--zacht); font-size: .9rem; }
svg.grafiek { display: block; max-width: 100%; height: auto; margin: .4rem 0; }
p.betekenis { margin: 0 0 .3rem; color: var(--zacht); }
p.grafiektitel { margin: .8rem 0 0; font-weight: 600; font-size: .95rem; }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid var(--lijn); color: var(--zacht); font-size: .85rem; }
@media screen and (max-width: 44rem) { .tafel { grid-template-columns: 1fr; } dl.meta, article.advies dl { grid-template-columns: 1fr; } }
@page { size: A4; margin: 16mm 15mm 18mm;
  @top-left { content: ""; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #4d4d4d; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.inhoud, details:not([open]) { display: none; }
  details[open] summary { color: inherit; font-weight: 600; list-style: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h2 { margin-top: 1.4rem; }
  tr, svg.grafiek, li.factor, article.advies, table.cijfers tbody { break-inside: avoid; page-break-inside: avoid; }
  div.grafiekblok:has(> svg.grafiek:only-of-type) { break-inside: avoid; page-break-inside: avoid; }
  th.groepkop { break-after: avoid; page-break-after: avoid; }
  p.betekenis, p.grafiektitel, p.inleiding { break-after: avoid; page-break-after: avoid; }
  section.cijfers, section.profiel { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  .tafel { gap: .3rem .5rem; break-inside: avoid; page-break-inside: avoid; }
  .pijler h3 { font-size: 10pt; padding: .15rem .35rem; margin-bottom: .3rem; }
  li.factor { padding: .2rem .35rem; margin-bottom: .3rem; font-size: 9pt; line-height: 1.3; }
  li.factor.gekozen { border-width: 1.5pt; }
  li.factor ul { margin-top: .1rem; padding-left: .8rem; font-size: 8.5pt; }
  .merk { font-size: 7.5pt; padding: 0 .25rem; margin: .1rem .15rem 0 0; }
  li.factor .geen { font-size: 8.5pt; }
  ul.legenda { font-size: 9pt; margin: .3rem 0 .5rem; }
}
)css";

constexpr auto stijl_tekens = compacte_stijl<compacte_stijl_in(stijl_bron, nullptr)>(stijl_bron);
constexpr std::string_view stijl(stijl_tekens.data(), stijl_tekens.size());

std::string e(std::string_view s) { return html_tekst(s); }

void geheel(Uitbuffer& uit, long long n) { uit.geheel(n); }

// A number of factors as running Dutch text writes it: "geen", "één factor", "drie factoren" (up to twenty in words,
// as the knowledge base's texts do with telwoord; the Tafel has twelve).
void aantal_factoren(Uitbuffer& uit, long n) {
    if (n == 0) {
        uit += "geen"sv;
        return;
    }
    if (const std::string_view woord = dutch_count_word(static_cast<double>(n)); !woord.empty()) uit += woord;
    else geheel(uit, n);
    uit += n == 1 ? " factor"sv : " factoren"sv;
}

// A piece fmt formats, into a buffer on the stack and then into the report (fmt's output iterators do
// not know Uitbuffer).
template <class Opmaak, class... Args>
void opmaak(Uitbuffer& uit, const Opmaak& f, Args&&... args) {
    fmt::memory_buffer b;
    fmt::format_to(std::back_inserter(b), f, std::forward<Args>(args)...);
    uit += std::string_view(b.data(), b.size());
}

// Appends `s` escaped with its first letter a capital, without the copy hoofdletter makes: a lower
// case ASCII letter is its own escape, so it stands at the end of `uit` as it was.
void html_tekst_hoofdletter(std::string& uit, std::string_view s) {
    const std::size_t begin = uit.size();
    html_tekst(uit, s);
    if (!s.empty()) uit[begin] = hoofdletter_van(uit[begin]);
}

std::string factor_naam(const RapportGegevens& g, std::string_view id) {
    const RapportFactor* f = g.namen().factor(id);
    return f && !f->naam.empty() ? f->naam : std::string(id);
}

// An indicator by its name, as a heading or table cell starts it; its id when the knowledge base names none.
std::string indicator_naam(const RapportGegevens& g, std::string_view id) {
    const RapportIndicator* ind = g.namen().indicator(id);
    return hoofdletter(ind && !ind->naam.empty() ? ind->naam : std::string(id));
}

// The names of `ids` in the Tafel van 12's order, escaped: "a, b en c". Several are quoted, as in the
// advice texts: most hold "en" themselves ('fysieke verloedering', 'sociale verbondenheid en
// samenredzaamheid'). One name stands bare, with a capital when `hoofdletter_vooraan` (a table cell).
void factornamen(Uitbuffer& uit, const RapportGegevens& g, const std::vector<std::string>& ids_in, bool hoofdletter_vooraan = false) {
    const auto ids = g.namen().in_tafelvolgorde(ids_in);
    if (ids.size() == 1) {
        uit.html_tekst(hoofdletter_vooraan ? hoofdletter(factor_naam(g, ids[0])) : factor_naam(g, ids[0]));
        return;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        uit += i == 0 ? ""sv : i + 1 == ids.size() ? " en "sv : ", "sv;
        uit += "&#39;"sv;
        uit.html_tekst(factor_naam(g, ids[i]));
        uit += "&#39;"sv;
    }
}

std::string_view status_teken(Status s) {
    switch (s) {
        case Status::afgerond: return "✔";
        case Status::bezig: return "●";
        case Status::open: return "○";
    }
    return "";
}

// The date's line of the header, kept per thread: every report of a day has the same (formatting it took
// two strings and fmt, some 900 instructions per report).
std::string_view datum_regel(const Datum& d) {
    struct Laatste {
        Datum datum{};
        std::string regel;
    };
    thread_local Laatste laatste;
    if (laatste.regel.empty() || laatste.datum.jaar != d.jaar || laatste.datum.maand != d.maand || laatste.datum.dag != d.dag) {
        laatste.datum = d;
        laatste.regel = "<dt>Datum</dt><dd><time datetime=\"";
        laatste.regel += datum_iso(d);
        laatste.regel += "\">";
        laatste.regel += datum_nl(d);
        laatste.regel += "</time></dd>\n";
    }
    return laatste.regel;
}

void kop(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g) {
    const bool communicatie = advies.opdracht == Opdracht::communicatie;
    uit += "<header class=\"kop\">\n"sv;
    uit += communicatie ? "<p class=\"bovenschrift\">Toets van het communicatieplan</p>\n"sv
                        : "<p class=\"bovenschrift\">Advies veiligheidsbeleving</p>\n"sv;
    uit += "<h1>"sv;
    uit.html_tekst(advies.gemeente);
    uit += "</h1>\n"sv;
    uit += "<dl class=\"meta\">\n"sv;
    uit += datum_regel(g.datum);
    if (g.inwoners) {
        uit += "<dt>Inwoners</dt><dd>"sv;
        if (*g.inwoners > -geheel_nl_grens && *g.inwoners < geheel_nl_grens) uit.tot(geheel_nl_in(uit.ruimte_voor(27), *g.inwoners));
        else uit += getal_nl(static_cast<double>(*g.inwoners));
        uit += "</dd>\n"sv;
    }
    uit += "<dt>Gebaseerd op</dt><dd>het Stappenplan Veiligheidsbeleving op gemeentelijk niveau van het CCV, in de "
           "kennisbank in eigen woorden uitgewerkt (geen uitgave van het CCV)</dd>\n"sv;
    if (!g.programma.empty() || !g.kennisbank.empty()) {
        uit += "<dt>Gemaakt met</dt><dd>"sv;
        uit.html_tekst(g.programma);
        if (!g.kennisbank.empty()) {
            uit += g.programma.empty() ? "kennisbank "sv : ", kennisbank "sv;
            uit.html_tekst(g.kennisbank);
        }
        uit += "</dd>\n"sv;
    }
    uit += "</dl>\n"sv;
    uit += "<nav class=\"inhoud\" aria-label=\"Inhoud\"><ul>\n"sv;
    if (!communicatie) uit += "<li><a href=\"#stappenplan\">Stappenplan</a></li>\n"sv;
    else uit += "<li><a href=\"#boodschappen\">Boodschappen</a></li>\n"sv;
    uit += "<li><a href=\"#adviezen\">Adviezen</a></li>\n"sv;
    if (!communicatie) {
        if (!g.namen().factoren.empty()) uit += "<li><a href=\"#tafel-van-12\">Tafel van 12</a></li>\n"sv;
        if (!g.metingen.empty()) uit += "<li><a href=\"#cijfers\">Cijfers per indicator</a></li>\n"sv;
        uit += "<li><a href=\"#profiel\">Wat het profiel bevat</a></li>\n"sv;
    }
    uit += "</ul></nav>\n</header>\n"sv;
}

void samenvatting(Uitbuffer& uit, const Advies& advies, const Indeling& groepen, bool communicatie) {
    uit += "<p class=\"samenvatting\">"sv;
    if (!communicatie) {
        uit += "De gemeente staat bij <strong>stap "sv;
        geheel(uit, advies.huidige_stap);
        uit += ": "sv;
        uit += stap_namen[static_cast<std::size_t>(advies.huidige_stap - 1)];
        uit += "</strong>. "sv;
    }
    if (advies.adviezen.empty()) {
        uit += "Er zijn geen adviezen.</p>\n"sv;
        return;
    }
    // "2 adviezen: 1 om nu te doen, 1 waarschuwing en 3 verder." (the number comes first: no capital to make)
    const std::size_t n = advies.adviezen.size();
    geheel(uit, static_cast<long long>(n));
    uit += n == 1 ? " advies: "sv : " adviezen: "sv;
    std::size_t delen = 0, geschreven = 0;
    for (const auto& groep : groepen) delen += groep.items.empty() ? 0 : 1;
    const auto deel = [&](std::size_t aantal, std::string_view enkelvoud, std::string_view meervoud) {
        if (aantal == 0) return;
        uit += geschreven == 0 ? ""sv : geschreven + 1 == delen ? " en "sv : ", "sv;
        ++geschreven;
        geheel(uit, static_cast<long long>(aantal));
        uit += ' ';
        uit += aantal == 1 ? enkelvoud : meervoud;
    };
    deel(groepen[0].items.size(), "om nu te doen", "om nu te doen");
    deel(groepen[1].items.size(), "waarschuwing", "waarschuwingen");
    deel(groepen[2].items.size(), "verder", "verder");
    uit += ".</p>\n"sv;
}

// A row of the steps' table depends on nothing but the step, its status and whether it is the
// current one: 30 rows, written once, appended whole.
std::string_view stap_rij(int stap, Status status, bool huidig) {
    static const auto rijen = [] {
        std::array<std::string, 5 * 3 * 2> r;
        for (int s = 1; s <= 5; ++s)
            for (const Status st : {Status::afgerond, Status::bezig, Status::open})
                for (const bool h : {false, true})
                    r[static_cast<std::size_t>(((s - 1) * 3 + static_cast<int>(st)) * 2 + (h ? 1 : 0))] = fmt::format(
                        FMT_COMPILE("<tr{}><td class=\"getal\">{}</td><th scope=\"row\">{}</th><td><span class=\"teken\" "
                                    "aria-hidden=\"true\">{}</span>{}{}</td></tr>\n"),
                        h ? " class=\"huidig\" aria-current=\"step\"" : "", s, stap_namen[static_cast<std::size_t>(s - 1)],
                        status_teken(st), naam_van(st), h ? " (hier staat de gemeente)" : "");
        return r;
    }();
    return rijen[static_cast<std::size_t>(((stap - 1) * 3 + static_cast<int>(status)) * 2 + (huidig ? 1 : 0))];
}

void stappen(Uitbuffer& uit, const Advies& advies) {
    uit += "<section id=\"stappenplan\" aria-labelledby=\"kop-stappenplan\">\n"sv;
    uit += "<h2 id=\"kop-stappenplan\">Waar staat de gemeente in het stappenplan</h2>\n"sv;
    uit += "<table class=\"stappen\">\n<thead><tr><th scope=\"col\" class=\"getal\">Stap</th><th scope=\"col\">Wat</th>"
           "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n"sv;
    for (const auto& s : advies.stappen) {
        if (s.status == Status::bezig && s.voldaan && s.stap > advies.huidige_stap) {
            // Rare (a later step done while an earlier one is open): made here, not in the table of rows.
            uit += fmt::format(FMT_COMPILE("<tr><td class=\"getal\">{}</td><th scope=\"row\">{}</th><td><span class=\"teken\" "
                                           "aria-hidden=\"true\">{}</span>{}</td></tr>\n"),
                               s.stap, stap_namen[static_cast<std::size_t>(s.stap - 1)], status_teken(s.status),
                               status_tekst(s, advies.huidige_stap));
            continue;
        }
        uit += stap_rij(s.stap, s.status, s.stap == advies.huidige_stap);
    }
    uit += "</tbody>\n</table>\n</section>\n"sv;
}

// The derivation behind an advice's fold, from an Uitleg (an item that carries one) or straight from
// the engine's Derivation (the report of a consultation, advies/uitleg.hpp says how it reads one):
// the same markup from either.
std::string_view feit_van(const Uitleg& u) { return u.feit; }
std::string_view feit_van(const Derivation& d) { return d.text; }
std::string_view regel_in(const Uitleg& u) { return u.regel; }
std::string_view regel_in(const Derivation& d) { return regel_van(d); }
Uitleg::Herkomst herkomst_in(const Uitleg& u, std::uint32_t) { return u.herkomst; }
Uitleg::Herkomst herkomst_in(const Derivation& d, std::uint32_t standaard) { return herkomst_van(d, standaard); }
const std::vector<Uitleg>& premissen_van(const Uitleg& u) { return u.premissen; }
const std::vector<Derivation>& premissen_van(const Derivation& d) { return d.premises; }

// " met <code>?g = " before a node's first binding, ", <code>?later = " before each next one.
void binding_kop(Uitbuffer& uit, bool& eerste, std::string_view naam) {
    uit += eerste ? " met <code>"sv : ", <code>"sv;
    eerste = false;
    uit.html_tekst(naam);
    uit += " = "sv;
}

void bindingen_html(Uitbuffer& uit, const Uitleg& u, std::string&) {
    bool eerste = true;
    for (const auto& [naam, waarde] : u.bindingen) {
        binding_kop(uit, eerste, naam);
        uit.html_tekst(waarde);
        uit += "</code>"sv;
    }
}

// A value as append_repr writes it (and uitleg_in keeps it), escaped straight into the report: a whole
// number, a truth value, a symbol, and a text without a quote, backslash or line break (which repr
// writes between quotes as it is). Nearly every binding of a derivation is one of those (the
// gemeente's name, counters, choices); false for the rest, which go through a string first.
bool waarde_html(Uitbuffer& uit, const Value& w) {
    switch (w.kind()) {
        case ValueKind::integer: uit.geheel(w.as_int()); return true;
        case ValueKind::boolean: uit += w.as_bool() ? "true"sv : "false"sv; return true;
        case ValueKind::symbol: uit.html_tekst(w.as_text()); return true;
        case ValueKind::string: {
            const std::string_view t = w.as_text();
            for (const char c : t)
                if (c == '"' || c == '\\' || c == '\n') return false;
            uit += "&quot;"sv;
            uit.html_tekst(t);
            uit += "&quot;"sv;
            return true;
        }
        default: return false;
    }
}

void bindingen_html(Uitbuffer& uit, const Derivation& d, std::string& klad) {
    bool eerste = true;
    for (const auto& [naam, waarde] : d.bindings) {
        if (!getoonde_binding(waarde)) continue;
        binding_kop(uit, eerste, naam);
        if (!waarde_html(uit, waarde)) {
            klad.clear();
            waarde.append_repr(klad);
            uit.html_tekst(klad);
        }
        uit += "</code>"sv;
    }
}

// The derivation and the advice are most of a report's text: written straight into `uit`, each text
// escaped in place, without a string per part.
template <class Knoop>
void uitleg_html(Uitbuffer& uit, const Knoop& u, int diepte, std::string& klad, std::uint32_t standaard) {
    uit += "<li>"sv;
    const std::string_view regel = regel_in(u);
    if (regel.empty()) {
        uit += "<code>"sv;
        uit.html_tekst(feit_van(u));
        uit += "</code> ("sv;
        uit += naam_van(herkomst_in(u, standaard));
        uit += ")"sv;
    } else {
        if (diepte == 0) {
            uit += "regel <code>"sv;
        } else {
            uit += "<code>"sv;
            uit.html_tekst(feit_van(u));
            uit += "</code> door regel <code>"sv;
        }
        uit.html_tekst(regel);
        uit += "</code>"sv;
        bindingen_html(uit, u, klad);
    }
    const auto& premissen = premissen_van(u);
    if (!premissen.empty()) {
        uit += "\n<ul>\n"sv;
        for (const auto& p : premissen) uitleg_html(uit, p, diepte + 1, klad, standaard);
        uit += "</ul>\n"sv;
    }
    uit += "</li>\n"sv;
}

void advies_item(Uitbuffer& uit, const Genummerd& g, const Derivation* afleiding, const RapportGegevens& gegevens,
                 std::string& klad) {
    const AdviesItem& a = *g.item;
    char nr[24];
    const auto nr_eind = std::to_chars(nr, nr + sizeof nr, g.nr).ptr;
    const std::string_view nummer(nr, static_cast<std::size_t>(nr_eind - nr));
    uit += "<article class=\"advies "sv;
    uit += naam_van(a.soort);
    uit += "\" id=\"advies-"sv;
    uit += nummer;
    uit += "\" aria-labelledby=\"kop-advies-"sv;
    uit += nummer;
    uit += "\">\n<h4 id=\"kop-advies-"sv;
    uit += nummer;
    uit += "\">"sv;
    uit += nummer;
    uit += ". <span class=\"soort\">"sv;
    const std::size_t soort = uit.size();
    uit += naam_van(a.soort);  // a word of the contract: nothing to escape
    uit[soort] = hoofdletter_van(uit[soort]);
    uit += "</span>: "sv;
    uit.html_tekst(onderwerp_naam(a.onderwerp));
    uit += " (stap "sv;
    geheel(uit, a.stap);
    uit += ")</h4>\n<p class=\"tekst\">"sv;
    uit.html_tekst(a.tekst);
    uit += "</p>\n<dl>\n<dt>Bron</dt><dd>"sv;
    if (a.bron.empty()) uit += "—"sv;
    else uit.html_tekst(a.bron);
    uit += "</dd>\n"sv;
    if (!a.factoren.empty()) {
        uit += "<dt>Factoren</dt><dd>"sv;
        factornamen(uit, gegevens, a.factoren);
        uit += "</dd>\n"sv;
    }
    if (!a.onderbouwing.empty()) {
        uit += "<dt>Onderbouwing</dt><dd><ul>\n"sv;
        for (const auto& o : a.onderbouwing) {
            uit += "<li>"sv;
            uit.html_tekst(o);
            uit += "</li>\n"sv;
        }
        uit += "</ul></dd>\n"sv;
    }
    uit += "<dt>Regel</dt><dd><code>"sv;
    uit.html_tekst(a.id);
    uit += "</code>, prioriteit "sv;
    geheel(uit, a.prioriteit);
    uit += "</dd>\n</dl>\n"sv;
    if (a.uitleg || afleiding) {
        uit += "<details class=\"uitleg\">\n<summary>Hoe dit advies tot stand kwam</summary>\n<ul class=\"afleiding\">\n"sv;
        if (a.uitleg) uitleg_html(uit, *a.uitleg, 0, klad, 0);
        else uitleg_html(uit, *afleiding, 0, klad, gegevens.standaard_sjablonen);
        uit += "</ul>\n</details>\n"sv;
    }
    uit += "</article>\n"sv;
}

void adviezen(Uitbuffer& uit, const Advies& advies, const Indeling& groepen, const RapportGegevens& g) {
    std::string klad;
    uit += "<section id=\"adviezen\" aria-labelledby=\"kop-adviezen\">\n<h2 id=\"kop-adviezen\">Adviezen</h2>\n"sv;
    if (advies.adviezen.empty()) uit += "<p>Geen adviezen.</p>\n"sv;
    else
        uit += "<p class=\"inleiding\">Op volgorde van urgentie; de nummers zijn die van de lijst, zoals in de andere uitvoervormen. "
               "Bij elk advies staan de sectie van het stappenplan waarop het rust en de feiten uit het profiel die het "
               "opriepen.</p>\n"sv;
    for (std::size_t i = 0; i < groepen.size(); ++i) {
        if (groepen[i].items.empty()) continue;
        uit += "<h3 id=\"groep-"sv;
        geheel(uit, static_cast<long long>(i + 1));
        uit += "\">"sv;
        uit += groepen[i].kop;
        uit += "</h3>\n"sv;
        for (const auto& item : groepen[i].items) {
            const auto plaats = static_cast<std::size_t>(item.item - advies.adviezen.data());
            advies_item(uit, item, plaats < g.afleidingen.size() ? &g.afleidingen[plaats] : nullptr, g, klad);
        }
    }
    uit += "</section>\n"sv;
}

void tafel_van_12(Uitbuffer& uit, const RapportGegevens& g) {
    const std::vector<RapportFactor>& factoren = g.namen().factoren;
    if (factoren.empty()) return;
    const auto bevat = [](const std::vector<std::string>& lijst, std::string_view id) {
        return std::find(lijst.begin(), lijst.end(), id) != lijst.end();
    };
    // A stopped action no longer works on its factor: the advice says such a factor has no action
    // (tafel.factor-zonder-actie), so the grid must not mark it as one that has.
    const auto telt = [](const RapportActie& a) { return a.status != "gestopt"; };
    // A profile that marks no factor (a young one) gets the section html_tafel wrote once.
    if (const HtmlTafel& vooraf = g.namen().html_tafel; g.gekozen_factoren.empty() && g.ivp_prioriteiten.empty() &&
                                                        g.acties.empty() && vooraf.naam.size() == factoren.size() &&
                                                        !vooraf.ongemarkeerd.empty()) {
        uit += vooraf.ongemarkeerd;
        return;
    }
    uit += "<section id=\"tafel-van-12\" aria-labelledby=\"kop-tafel\">\n<h2 id=\"kop-tafel\">Tafel van 12</h2>\n"sv;
    const auto factoren_met = [&](auto&& heeft) { return std::count_if(factoren.begin(), factoren.end(), heeft); };
    const long analyse_n = factoren_met([&](const RapportFactor& f) { return bevat(g.gekozen_factoren, f.id); });
    const long ivp_n = factoren_met([&](const RapportFactor& f) { return bevat(g.ivp_prioriteiten, f.id); });
    const long acties_n = factoren_met([&](const RapportFactor& f) {
        return std::any_of(g.acties.begin(), g.acties.end(), [&](const RapportActie& a) { return a.factor == f.id && telt(a); });
    });
    uit += "<p>De factoren die veiligheidsbeleving beïnvloeden, in drie pijlers. "sv;
    if (analyse_n == 0 && ivp_n == 0 && acties_n == 0) {
        // "0 factoren" three times is how a counter writes, not an adviseur (session 24's open doubt).
        uit += "Nog geen factor is gekozen in de analyse, heeft prioriteit in het IVP of heeft een actie.</p>\n"sv;
    } else {
        uit += "Gekozen in de analyse: "sv;
        aantal_factoren(uit, analyse_n);
        uit += "; prioriteit in het IVP: "sv;
        aantal_factoren(uit, ivp_n);
        uit += "; met acties: "sv;
        aantal_factoren(uit, acties_n);
        uit += ".</p>\n"sv;
    }
    uit += "<ul class=\"legenda\" aria-label=\"Legenda\">\n"
           "<li><span class=\"merk analyse\">✓ analyse</span> gekozen in de analyse (ook: dikke rand)</li>\n"
           "<li><span class=\"merk ivp\">★ IVP</span> prioriteit in het integraal veiligheidsplan</li>\n"
           "<li><span class=\"merk acties\">▶ acties</span> het aantal acties op de factor, met hun namen en, waar het profiel die geeft, hun stand (een gestopte actie telt niet)</li>\n"
           "</ul>\n"sv;
    HtmlTafel eigen;
    const HtmlTafel* t = &g.namen().html_tafel;
    if (t->naam.size() != factoren.size()) {
        eigen = html_tafel(factoren);
        t = &eigen;
    }
    uit += "<div class=\"tafel\">\n"sv;
    for (std::size_t p = 0; p < t->pijler_kop.size(); ++p) {
        uit += t->pijler_kop[p];
        for (const std::uint32_t i : t->factoren[p]) {
            const RapportFactor& f = factoren[i];
            const bool analyse = bevat(g.gekozen_factoren, f.id);
            const bool ivp = bevat(g.ivp_prioriteiten, f.id);
            std::size_t alle = 0, actief = 0;
            for (const auto& a : g.acties)
                if (a.factor == f.id) {
                    ++alle;
                    if (telt(a)) ++actief;
                }
            if (!analyse && !ivp && alle == 0) {
                uit += t->kaal[i];
                continue;
            }
            uit += analyse ? "<li class=\"factor gekozen\"><span class=\"naam\">"sv : "<li class=\"factor\"><span class=\"naam\">"sv;
            uit += t->naam[i];
            if (!analyse && !ivp && actief == 0) {
                uit += "</span>\n<span class=\"geen\">niet gekozen, niet in het IVP, alleen gestopte acties</span>\n"sv;
            } else {
                uit += "</span>\n"sv;
                if (analyse) uit += "<span class=\"merk analyse\">✓ analyse</span>"sv;
                if (ivp) uit += "<span class=\"merk ivp\">★ IVP</span>"sv;
                if (actief > 0) opmaak(uit, FMT_COMPILE("<span class=\"merk acties\">▶ {} {}</span>"), actief, actief == 1 ? "actie"sv : "acties"sv);
                uit += "\n"sv;
            }
            if (alle == 0) {
                uit += "</li>\n"sv;
                continue;
            }
            uit += "<ul>\n"sv;
            for (const auto& a : g.acties) {
                if (a.factor != f.id) continue;
                uit += "<li>"sv;
                uit.html_tekst(a.naam);
                // The state where the profile gives one: "▶ 2 acties" alone reads as work under way, also
                // where both are only planned, and on paper the grid is what the bestuur looks at.
                if (a.status.empty()) {
                    uit += "</li>\n"sv;
                } else {
                    uit += " ("sv;
                    uit.html_tekst(a.status);
                    uit += ")</li>\n"sv;
                }
            }
            uit += "</ul>\n</li>\n"sv;
        }
        uit += "</ul>\n</section>\n"sv;
    }
    uit += "</div>\n</section>\n"sv;
}

std::string marge_cel(const RapportMeting& m) {
    if (m.marge) return "± " + getal_nl(*m.marge);
    if (auto berekend = m.marge_bekend())
        return fmt::format(FMT_COMPILE("± {} <span class=\"geen\">(n = {})</span>"), getal_nl(*berekend),
                           getal_nl(static_cast<double>(*m.respondenten)));
    return "";
}

// The rows of one indicator: the gemeente first, then wijken and groups, each oldest first.
std::vector<const RapportMeting*> rijen_van(const RapportGegevens& g, std::string_view indicator) {
    std::vector<const RapportMeting*> rijen;
    for (const auto& m : g.metingen)
        if (m.indicator == indicator) rijen.push_back(&m);
    std::stable_sort(rijen.begin(), rijen.end(), [](const RapportMeting* a, const RapportMeting* b) {
        const auto sleutel = [](const RapportMeting* m) {
            return std::make_tuple(!m->gemeentebreed(), std::string_view(m->gebied), std::string_view(m->groep),
                                   m->jaar.has_value() ? 0 : 1, m->jaar.value_or(0), m->nr);
        };
        return sleutel(a) < sleutel(b);
    });
    return rijen;
}

// The indicators measured, in the knowledge base's order (ids it does not know after them, by id).
std::vector<std::string> gemeten_indicatoren(const RapportGegevens& g) {
    std::vector<std::string> ids;
    for (const auto& i : g.namen().indicatoren)
        if (std::any_of(g.metingen.begin(), g.metingen.end(), [&](const RapportMeting& m) { return m.indicator == i.id; }))
            ids.push_back(i.id);
    std::vector<std::string> onbekend;
    for (const auto& m : g.metingen)
        if (!g.namen().indicator(m.indicator) && std::find(onbekend.begin(), onbekend.end(), m.indicator) == onbekend.end())
            onbekend.push_back(m.indicator);
    std::sort(onbekend.begin(), onbekend.end());
    ids.insert(ids.end(), onbekend.begin(), onbekend.end());
    return ids;
}

// A table of figures; `per_indicator`: a header row per indicator (the profile's table), else the rows
// of one indicator (the data beside its chart).
void cijfertabel(Uitbuffer& uit, const RapportGegevens& g, const std::vector<std::string>& indicatoren,
                 std::string_view bijschrift, bool per_indicator) {
    bool groep = false, marge = false, vergelijkbaar = false, vorige = false;
    for (const auto& m : g.metingen) {
        if (std::find(indicatoren.begin(), indicatoren.end(), m.indicator) == indicatoren.end()) continue;
        groep = groep || !m.groep.empty();
        marge = marge || m.marge_bekend().has_value();
        vergelijkbaar = vergelijkbaar || m.vergelijkbaar.has_value();
        vorige = vorige || m.vorige.has_value();
    }
    const int kolommen = 3 + (groep ? 1 : 0) + (marge ? 1 : 0) + (vergelijkbaar ? 1 : 0) + (vorige ? 1 : 0);
    opmaak(uit, FMT_COMPILE("<table class=\"cijfers\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Gebied</th>"), e(bijschrift));
    if (groep) uit += "<th scope=\"col\">Groep</th>"sv;
    uit += "<th scope=\"col\" class=\"getal\">Jaar</th><th scope=\"col\" class=\"getal\">Waarde</th>"sv;
    if (marge) uit += "<th scope=\"col\" class=\"getal\">Marge (procentpunt)</th>"sv;
    if (vergelijkbaar) uit += "<th scope=\"col\" class=\"getal\">Vergelijkbaar</th>"sv;
    if (vorige) uit += "<th scope=\"col\" class=\"getal\">Vorige meting</th>"sv;
    uit += "</tr></thead>\n"sv;
    for (const auto& id : indicatoren) {
        uit += "<tbody>\n"sv;
        if (per_indicator) {
            uit += "<tr><th scope=\"rowgroup\" colspan=\""sv;
            geheel(uit, kolommen);
            uit += "\" class=\"groepkop\">"sv;
            uit.html_tekst(indicator_naam(g, id));
            uit += "</th></tr>\n"sv;
        }
        // A row in pieces appended (a report with figures has hundreds): fmt wrote each piece with a
        // resize of the report and a string per cell.
        const auto procent_cel = [&](const std::optional<double>& v) {
            uit += "<td class=\"getal\">"sv;
            if (v) {
                uit += getal_nl(*v);
                uit += '%';
            }
            uit += "</td>"sv;
        };
        for (const auto* m : rijen_van(g, id)) {
            uit += "<tr><th scope=\"row\">"sv;
            if (m->gebied.empty()) uit += "hele gemeente"sv;
            else uit.html_tekst(m->gebied);
            uit += "</th>"sv;
            if (groep) {
                uit += "<td>"sv;
                if (m->groep.empty()) uit += "alle inwoners"sv;
                else uit.html_tekst(m->groep);
                uit += "</td>"sv;
            }
            uit += "<td class=\"getal\">"sv;
            if (m->jaar) geheel(uit, *m->jaar);
            uit += "</td><td class=\"getal\">"sv;
            uit += getal_nl(m->waarde);
            uit += "%</td>"sv;
            if (marge) {
                uit += "<td class=\"getal\">"sv;
                uit += marge_cel(*m);
                uit += "</td>"sv;
            }
            if (vergelijkbaar) procent_cel(m->vergelijkbaar);
            if (vorige) procent_cel(m->vorige);
            uit += "</tr>\n"sv;
        }
        uit += "</tbody>\n"sv;
    }
    uit += "</table>\n"sv;
}

void grafieken(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g) {
    // Most profiles the web app sends have no figures yet: no lists of indicators to make for them.
    if (g.metingen.empty()) return;
    const auto ids = gemeten_indicatoren(g);
    if (ids.empty()) return;
    uit += "<section class=\"cijfers\" id=\"cijfers\" aria-labelledby=\"kop-cijfers\">\n"
           "<h2 id=\"kop-cijfers\">Cijfers per indicator</h2>\n"
           "<p>Per indicator het verloop van het cijfer van de hele gemeente, met de marge waar die bekend is, naast "
           "vergelijkbare gemeenten; daaronder de laatste meting van elke wijk en groep naast die van de hele "
           "gemeente.</p>\n"sv;
    for (const auto& id : ids) {
        const IndicatorCijfers c = cijfers_van(g, id, advies.gemeente);
        const std::string sleutel = "grafiek-" + id;
        opmaak(uit, FMT_COMPILE("<section class=\"indicator\" aria-labelledby=\"kop-{0}\">\n<h3 id=\"kop-{0}\">{1}</h3>\n"), e(sleutel), e(c.naam));
        if (const RapportIndicator* ind = g.namen().indicator(id); ind && !ind->betekenis.empty())
            opmaak(uit, FMT_COMPILE("<p class=\"betekenis\">Het percentage inwoners dat zegt: ‘{}’. {} is gunstiger.</p>\n"),
                               e(ind->betekenis), ind->hoger_is_beter ? "Hoger" : "Lager");
        uit += "<figure>\n"sv;
        // A chart's title and the chart in one block that a printed page does not divide (break-after on the
        // title alone left "Verloop in ..." at the foot of a page, its chart on the next).
        if (!c.reeks.empty()) {
            opmaak(uit, FMT_COMPILE("<div class=\"grafiekblok\">\n<p class=\"grafiektitel\">Verloop in {}</p>\n"), e(c.gemeente));
            uit += svg_verloop(c, sleutel);
            uit += "</div>\n"sv;
        }
        if (!c.delen.empty()) {
            uit += "<div class=\"grafiekblok\">\n<p class=\"grafiektitel\">Laatste meting per wijk en groep</p>\n"sv;
            uit += svg_delen(c, sleutel);
            uit += "</div>\n"sv;
        }
        std::string bijschrift = c.reeks.empty() ? "Het profiel heeft van deze indicator geen cijfer van de hele gemeente. " : "";
        const bool marges = std::any_of(c.reeks.begin(), c.reeks.end(), [](const RapportMeting* m) { return m->marge_bekend().has_value(); }) ||
                            std::any_of(c.delen.begin(), c.delen.end(), [](const RapportMeting* m) { return m->marge_bekend().has_value(); });
        bijschrift += marges ? "De streep om een punt is de marge: binnen die afstand is een verschil niet zeker."
                             : "Het profiel geeft bij deze cijfers geen marge (of aantal respondenten); kleine verschillen kunnen toeval zijn.";
        opmaak(uit, FMT_COMPILE("<figcaption>{}</figcaption>\n</figure>\n"), e(bijschrift));
        uit += "<details class=\"data\">\n<summary>De cijfers bij deze grafiek als tabel</summary>\n"sv;
        cijfertabel(uit, g, {id}, c.naam, false);
        uit += "</details>\n</section>\n"sv;
    }
    uit += "</section>\n"sv;
}

void feitrij(Uitbuffer& uit, std::string_view kop, std::string_view waarde_html) {
    uit += "<tr><th scope=\"row\">"sv;
    uit += kop;
    uit += "</th><td>"sv;
    uit += waarde_html;
    uit += "</td></tr>\n"sv;
}

std::string pct_nl(double x) { return getal_nl(x) + "%"; }

// The SMART target as the profile gives it, with the figure it starts from and the target figure as the
// advice works with them (RapportDoel::streef); only what the profile says, nothing for a key it lacks.
void smart_doel(Uitbuffer& uit, const RapportGegevens& g) {
    const RapportDoel& d = *g.doel;
    uit += "<h3>SMART-doel</h3>\n<table class=\"feiten doel\">\n<tbody>\n"sv;
    if (d.gekozen)
        feitrij(uit, "Gekozen"sv, *d.gekozen ? "ja"sv
                                             : d.heeft_doel() ? "nee (maar het profiel noemt wel doelgegevens: zie de adviezen)"sv
                                                              : "nee, bewust geen SMART-doel"sv);
    else feitrij(uit, "Gekozen"sv, "niet vastgelegd"sv);
    if (!d.indicator.empty()) feitrij(uit, "Indicator"sv, e(indicator_naam(g, d.indicator)));
    if (d.daling_pct || d.stijging_pct) {
        std::string doel;
        if (d.daling_pct) doel = "daling van " + pct_nl(*d.daling_pct);
        if (d.stijging_pct) doel += (doel.empty() ? "" : " en ") + std::string("stijging van ") + pct_nl(*d.stijging_pct);
        feitrij(uit, "Doel"sv, doel);
    }
    if (d.termijn_jaren) {
        std::string termijn = getal_nl(*d.termijn_jaren) + " jaar";
        if (const auto eind = d.eindjaar()) termijn += ", tot " + jaar_nl(*eind);
        feitrij(uit, "Termijn"sv, termijn);
    }
    if (d.startjaar) feitrij(uit, "Startjaar"sv, std::to_string(*d.startjaar));
    if (d.streef) {
        feitrij(uit, "Uitgangspunt"sv, e(pct_nl(d.streef->basis) + " " + d.streef->van));
        std::string streef = getal_nl(d.streef->streef, 2) + "%";  // with the decimals the advice gives it
        if (const auto eind = d.eindjaar()) streef += " in " + jaar_nl(*eind);
        feitrij(uit, "Streefcijfer"sv, streef);
    } else if (d.gekozen.value_or(false) || d.heeft_doel()) {
        feitrij(uit, "Streefcijfer"sv, "niet te berekenen uit het profiel (de adviezen over het SMART-doel zeggen wat ontbreekt)"sv);
    }
    uit += "</tbody>\n</table>\n"sv;
}

void nulmeting(Uitbuffer& uit, const RapportGegevens& g) {
    const RapportNulmeting& n = *g.nulmeting;
    uit += "<h3>Nulmeting</h3>\n<table class=\"feiten nulmeting\">\n<tbody>\n"sv;
    std::string stand;
    if (n.uitgevoerd && !*n.uitgevoerd) stand = "nog niet uitgevoerd";
    else if (n.jaar) stand = (n.uitgevoerd ? "uitgevoerd, in " : "in ") + std::to_string(*n.jaar);
    else stand = "uitgevoerd (zonder jaar: de eerste meting van elke indicator is de nulmeting)";
    if (n.uitgevoerd && !*n.uitgevoerd && n.jaar) stand += " (het profiel noemt wel " + std::to_string(*n.jaar) + " als jaar)";
    feitrij(uit, "Nulmeting"sv, stand);
    for (const auto& w : n.waarden) {
        std::string waarde = pct_nl(w.waarde);
        waarde += w.jaar ? " in " + std::to_string(*w.jaar) : std::string(" (de vorige meting, zonder jaar)");
        feitrij(uit, e(indicator_naam(g, w.indicator)), waarde);
    }
    uit += "</tbody>\n</table>\n"sv;
}

void ivp(Uitbuffer& uit, const RapportGegevens& g) {
    uit += "<h3>Integraal veiligheidsplan</h3>\n<table class=\"feiten ivp\">\n<tbody>\n"sv;
    feitrij(uit, "Veiligheidsbeleving in het IVP"sv,
            !g.ivp_opgenomen ? "niet vastgelegd"sv : *g.ivp_opgenomen ? "opgenomen"sv : "niet opgenomen"sv);
    // Without any: "geen" when the profile gives an empty list, "niet vastgelegd" when it lacks the key.
    uit += "<tr><th scope=\"row\">Prioritaire factoren</th><td>"sv;
    if (g.ivp_prioriteiten.empty()) uit += g.ivp_prioriteiten_gegeven ? "geen"sv : "niet vastgelegd"sv;
    else factornamen(uit, g, g.ivp_prioriteiten, true);
    uit += "</td></tr>\n"sv;
    uit += "</tbody>\n</table>\n"sv;
}

void boodschappen_tabel(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g);

void profiel(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g, bool communicatie) {
    if (communicatie) return;
    uit += "<section class=\"profiel\" id=\"profiel\" aria-labelledby=\"kop-profiel\">\n"
           "<h2 id=\"kop-profiel\">Wat het profiel bevat</h2>\n"sv;
    const bool beleid = g.doel || g.nulmeting || g.ivp_gegeven || !g.boodschappen.empty();
    if (g.metingen.empty() && g.bronnen.empty() && g.acties.empty() && !beleid)
        uit += "<p>Het profiel bevat geen cijfers, bronnen of acties.</p>\n"sv;
    if (!g.metingen.empty()) {
        uit += "<h3>Cijfers</h3>\n"sv;
        cijfertabel(uit, g, gemeten_indicatoren(g), "De cijfers in het profiel per indicator, gebied, groep en jaar", true);
    }
    if (!g.bronnen.empty()) {
        uit += "<h3>Bronnen</h3>\n<table class=\"bronnen\">\n<thead><tr><th scope=\"col\">Bron</th><th scope=\"col\">Partner</th></tr></thead>\n<tbody>\n"sv;
        for (const auto& b : g.bronnen) {
            const auto it = g.namen().bron_omschrijving.find(b.id);
            const std::string naam = it != g.namen().bron_omschrijving.end() && !it->second.empty() ? hoofdletter(it->second) : b.id;
            opmaak(uit, FMT_COMPILE("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n"), e(naam), e(b.partner));
        }
        uit += "</tbody>\n</table>\n"sv;
    }
    if (!g.acties.empty()) {
        const auto heeft = [&](std::string RapportActie::*veld) {
            return std::any_of(g.acties.begin(), g.acties.end(), [&](const RapportActie& a) { return !(a.*veld).empty(); });
        };
        const bool gebied = heeft(&RapportActie::gebied), groep = heeft(&RapportActie::groep), status = heeft(&RapportActie::status);
        uit += "<h3>Acties</h3>\n<table class=\"acties\">\n<thead><tr><th scope=\"col\">Actie</th><th scope=\"col\">Factor (Tafel van 12)</th>"sv;
        if (gebied) uit += "<th scope=\"col\">Gebied</th>"sv;
        if (groep) uit += "<th scope=\"col\">Groep</th>"sv;
        if (status) uit += "<th scope=\"col\">Status</th>"sv;
        uit += "</tr></thead>\n<tbody>\n"sv;
        for (const auto& a : g.acties) {
            opmaak(uit, FMT_COMPILE("<tr><th scope=\"row\">{}</th><td>{}</td>"), e(a.naam), a.factor.empty() ? "—" : e(factor_naam(g, a.factor)));
            if (gebied) opmaak(uit, FMT_COMPILE("<td>{}</td>"), a.gebied.empty() ? std::string("hele gemeente") : e(a.gebied));
            if (groep) opmaak(uit, FMT_COMPILE("<td>{}</td>"), a.groep.empty() ? std::string("alle inwoners") : e(a.groep));
            if (status) opmaak(uit, FMT_COMPILE("<td>{}</td>"), e(a.status));
            uit += "</tr>\n"sv;
        }
        uit += "</tbody>\n</table>\n"sv;
    }
    // The facts of steps 4 and 5 the bestuur decides on, which the advice texts name only in passing.
    if (beleid) {
        if (g.doel) smart_doel(uit, g);
        if (g.nulmeting) nulmeting(uit, g);
        if (g.ivp_gegeven) ivp(uit, g);
        if (!g.boodschappen.empty()) {
            uit += "<h3>Boodschappen in het communicatieplan</h3>\n"sv;
            boodschappen_tabel(uit, advies, g);
        }
    }
    uit += "</section>\n"sv;
}

std::string_view oordeel_teken(std::string_view oordeel) {
    if (oordeel == "passend") return "✔";
    if (oordeel == "botst" || oordeel == "tegenstrijdig") return "✖";
    return "?";
}

// One verdict per message, as the knowledge base gives it (a knowledge base without verdicts: the
// messages as the plan has them).
// The messages with their verdicts (or, without verdicts, as the plan has them); nothing when the plan has none.
void boodschappen_tabel(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g) {
    if (!advies.boodschappen.empty()) {
        uit += "<table class=\"boodschappen\">\n<thead><tr><th scope=\"col\" class=\"getal\">Nr</th><th scope=\"col\">Onderwerp</th>"
               "<th scope=\"col\">Buikpijn bij bewoners</th><th scope=\"col\">Aanpak</th><th scope=\"col\">Oordeel</th>"
               "<th scope=\"col\">Toelichting</th></tr></thead>\n<tbody>\n"sv;
        for (const auto& b : advies.boodschappen)
            opmaak(uit, FMT_COMPILE("<tr><td class=\"getal\">{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"oordeel\">"
                               "<span class=\"teken\" aria-hidden=\"true\">{}</span>{}</td><td class=\"toelichting\">{}</td></tr>\n"),
                               b.nr, e(b.onderwerp), e(b.buikpijn), e(b.aanpak), oordeel_teken(b.oordeel), e(b.oordeel),
                               e(b.toelichting));
        uit += "</tbody>\n</table>\n"sv;
        return;
    }
    if (g.boodschappen.empty()) return;
    uit += "<table class=\"boodschappen\">\n<thead><tr><th scope=\"col\">Onderwerp</th><th scope=\"col\">Buikpijn bij bewoners</th>"
           "<th scope=\"col\">Aanpak</th></tr></thead>\n<tbody>\n"sv;
    for (const auto& b : g.boodschappen)
        opmaak(uit, FMT_COMPILE("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n"), e(b.onderwerp), e(b.buikpijn),
                           b.aanpak.empty() ? "—" : e(b.aanpak));
    uit += "</tbody>\n</table>\n"sv;
}

void boodschappen(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g) {
    uit += "<section id=\"boodschappen\" aria-labelledby=\"kop-boodschappen\">\n"
           "<h2 id=\"kop-boodschappen\">Boodschappen in het communicatieplan</h2>\n"sv;
    if (advies.boodschappen.empty() && g.boodschappen.empty()) uit += "<p>Het plan noemt geen boodschappen.</p>\n"sv;
    else boodschappen_tabel(uit, advies, g);
    uit += "</section>\n"sv;
}

}  // namespace

std::string als_html(const Advies& advies, const RapportGegevens& g, const OpmaakOpties& opties) {
    Uitbuffer uit;
    als_html_in(uit, advies, g, opties);
    return uit.klaar();
}

void als_html_in(Uitbuffer& uit, const Advies& advies, const RapportGegevens& g, const OpmaakOpties&) {
    const bool communicatie = advies.opdracht == Opdracht::communicatie;
    const auto groepen = indeling(advies);
    uit += "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\"/>\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
           // Nothing leaves the file: no script runs, nothing is fetched, even if a text slipped through.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'\"/>\n";
    uit += "<meta name=\"generator\" content=\""sv;
    uit.html_tekst(g.programma.empty() ? "wegwijzer"sv : std::string_view(g.programma));
    uit += communicatie ? "\"/>\n<title>Toets communicatieplan: "sv : "\"/>\n<title>Advies veiligheidsbeleving: "sv;
    uit.html_tekst(advies.gemeente);
    uit += "</title>\n"sv;
    uit += "<style>"sv;
    uit += stijl;
    uit += "</style>\n</head>\n<body>\n"sv;
    kop(uit, advies, g);
    uit += "<main>\n"sv;
    samenvatting(uit, advies, groepen, communicatie);
    if (communicatie) boodschappen(uit, advies, g);
    else stappen(uit, advies);
    adviezen(uit, advies, groepen, g);
    if (!communicatie) {
        tafel_van_12(uit, g);
        grafieken(uit, advies, g);
        profiel(uit, advies, g, communicatie);
    }
    uit += "</main>\n<footer>\n"sv;
    uit += "<p>Dit advies volgt uit de regels van de kennisbank, toegepast op het gemeenteprofiel van "sv;
    uit.html_tekst(advies.gemeente);
    uit += ". Elk advies noemt de regel waarop het rust; <code>wegwijzer waarom-niet REGEL PROFIEL</code> legt uit "
           "waarom een regel geen advies gaf.</p>\n"sv;
    uit += "</footer>\n</body>\n</html>\n"sv;
}

HtmlTafel html_tafel(const std::vector<RapportFactor>& factoren) {
    HtmlTafel t;
    // Pillars in the order the knowledge base first names them.
    std::vector<std::string_view> pijlers;
    for (std::size_t i = 0; i < factoren.size(); ++i) {
        const RapportFactor& f = factoren[i];
        auto p = std::find(pijlers.begin(), pijlers.end(), f.pijler);
        if (p == pijlers.end()) {
            const std::size_t nr = pijlers.size() + 1;
            pijlers.push_back(f.pijler);
            std::string kop = fmt::format(FMT_COMPILE("<section class=\"pijler\" aria-labelledby=\"pijler-{0}\">\n<h3 id=\"pijler-{0}\">"), nr);
            if (f.pijler.empty()) kop += "Zonder pijler"sv;
            else html_tekst(kop, f.pijler);
            kop += "</h3>\n<ul class=\"factoren\">\n"sv;
            t.pijler_kop.push_back(std::move(kop));
            t.factoren.emplace_back();
            p = pijlers.end() - 1;
        }
        t.factoren[static_cast<std::size_t>(p - pijlers.begin())].push_back(static_cast<std::uint32_t>(i));
        std::string naam;
        html_tekst_hoofdletter(naam, f.naam.empty() ? f.id : f.naam);
        t.kaal.push_back("<li class=\"factor\"><span class=\"naam\">" + naam +
                         "</span>\n<span class=\"geen\">niet gekozen, niet in het IVP, geen acties</span>\n</li>\n");
        t.naam.push_back(std::move(naam));
    }
    // The whole section for a profile that marks no factor, written by tafel_van_12 itself.
    KennisbankNamen namen;
    namen.factoren = factoren;
    namen.html_tafel = t;
    RapportGegevens leeg;
    leeg.kennisbanknamen = &namen;
    Uitbuffer uit;
    tafel_van_12(uit, leeg);
    t.ongemarkeerd = uit.klaar();
    return t;
}

}  // namespace ww::advies
