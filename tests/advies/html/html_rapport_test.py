#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Checks of `wegwijzer advies|communicatie --format html` (ctest).

Gebruik: html_rapport_test.py WEGWIJZER KENNISBANK TESTMAP VOORBEELDMAP VERSIE

Each check fails with a message naming the profile and what is wrong. The report must be:
well-formed (as XML, the strictest parser in Python's standard library, and tag-balanced as HTML),
byte-identical across runs with SOURCE_DATE_EPOCH, self-contained (no external reference), accessible
in its structure, escaped, and hold the sections and figures the contract lists.
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

WEGWIJZER, KB, TESTMAP, VOORBEELDEN, VERSIE = sys.argv[1:6]
EPOCH = "1764633600"  # 2 december 2025, 00:00 UTC
# A cache of the compiled knowledge base of this test's own, so that it neither reads nor writes the
# user's and every run after the first is quick.
CACHE = tempfile.TemporaryDirectory(prefix="ww-html-test-")
fouten = []


def fout(profiel, melding):
    fouten.append(f"{os.path.basename(profiel)}: {melding}")


def draai(args, epoch=EPOCH):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    env.pop("WW_GEEN_CACHE", None)
    env["XDG_CACHE_HOME"] = CACHE.name
    return subprocess.run([WEGWIJZER, *args, "--kb", KB], capture_output=True, env=env)


VOID = {"meta", "br", "img", "hr", "input", "link", "col", "area", "base", "embed", "source", "track", "wbr"}


class Structuur(html.parser.HTMLParser):
    """Tag balance as an HTML parser sees it, plus what the accessibility checks need."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stapel, self.problemen, self.koppen, self.ids = [], [], [], []
        self.elementen = []  # (tag, attrs)
        self.opmaak = []  # the start tags as written, and the style sheet: all but the text a reader sees

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elementen.append((tag, a))
        self.opmaak.append(self.get_starttag_text() or "")
        if "id" in a:
            self.ids.append(a["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.koppen.append(int(tag[1]))
        if tag not in VOID:
            self.stapel.append(tag)

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        self.elementen.append((tag, a))
        self.opmaak.append(self.get_starttag_text() or "")
        if "id" in a:
            self.ids.append(a["id"])

    def handle_data(self, data):
        if self.stapel and self.stapel[-1] in ("style", "script"):
            self.opmaak.append(data)

    def handle_endtag(self, tag):
        if not self.stapel or self.stapel[-1] != tag:
            self.problemen.append(f"</{tag}> sluit {self.stapel[-1] if self.stapel else 'niets'}")
        else:
            self.stapel.pop()


def controleer_algemeen(profiel, uit):
    tekst = uit.decode("utf-8")  # must be UTF-8
    try:
        wortel = ET.fromstring(uit)
    except ET.ParseError as e:
        fout(profiel, f"geen goedgevormde opmaak (XML-parser): {e}")
        return None
    if wortel.tag != "html" or wortel.get("lang") != "nl":
        fout(profiel, "het wortelelement is geen <html lang=\"nl\">")
    s = Structuur()
    s.feed(tekst)
    s.close()
    if s.problemen or s.stapel:
        fout(profiel, f"HTML-elementen niet in balans: {s.problemen[:3]} open: {s.stapel}")
    if not tekst.startswith("<!DOCTYPE html>\n"):
        fout(profiel, "begint niet met <!DOCTYPE html>")
    # Nothing external: no address, no script, no stylesheet link, no CSS url() or @import. An address is looked for
    # in the markup and the style sheet: a text from the profile that holds one (a message's topic in vijandig.yaml)
    # is shown escaped, as text, which nothing fetches; that it stays text is checked below.
    if re.search(r"https?:", "\n".join(s.opmaak), re.I):
        fout(profiel, "bevat een http(s)-adres in de opmaak")
    for patroon, wat in [(r"<script", "een script"), (r"<link", "een <link>"),
                         (r"url\(", "een CSS url()"), (r"@import", "een CSS @import"), (r"<iframe|<object|<embed|<img", "een ingebed element")]:
        if re.search(patroon, tekst, re.I):
            fout(profiel, f"bevat {wat}")
    for tag, a in s.elementen:
        for attr in ("src", "href", "action", "data", "poster", "srcset", "xlink:href"):
            if attr in a and not (attr == "href" and a[attr].startswith("#")):
                fout(profiel, f"<{tag} {attr}=\"{a[attr]}\"> verwijst naar buiten het bestand")
        if tag == "a" and a.get("href", "#").startswith("#") and a.get("href", "#")[1:] not in s.ids:
            fout(profiel, f"interne link {a.get('href')} wijst naar geen element")
    # Accessibility in structure: one h1, no skipped heading level, th with scope, svg with role and label.
    if s.koppen.count(1) != 1 or not s.koppen or s.koppen[0] != 1:
        fout(profiel, f"verwacht precies één h1, als eerste kop: {s.koppen[:5]}")
    for vorige, kop in zip(s.koppen, s.koppen[1:]):
        if kop > vorige + 1:
            fout(profiel, f"kop h{kop} volgt op h{vorige}")
            break
    if len(set(s.ids)) != len(s.ids):
        fout(profiel, "dubbele id's: " + ", ".join(sorted({i for i in s.ids if s.ids.count(i) > 1})))
    for tag, a in s.elementen:
        if tag == "th" and a.get("scope") not in ("col", "row", "rowgroup", "colgroup"):
            fout(profiel, f"<th> zonder scope: {a}")
        if tag == "svg":
            if a.get("role") != "img":
                fout(profiel, "<svg> zonder role=\"img\"")
            labels = a.get("aria-labelledby", "").split()
            if not labels or any(l not in s.ids for l in labels):
                fout(profiel, f"<svg> zonder geldig aria-labelledby: {labels}")
    return wortel, s, tekst


def alle_tekst(e):
    return "".join(e.itertext())


def zoek(wortel, tag, klasse=None):
    return [e for e in wortel.iter(tag) if klasse is None or klasse in (e.get("class") or "").split()]


def controleer_profiel(profiel, opdracht="advies"):
    een = draai([opdracht, profiel, "--format", "html"])
    if een.returncode != 0:
        fout(profiel, f"exitstatus {een.returncode}: {een.stderr.decode(errors='replace')[:300]}")
        return None
    twee = draai([opdracht, profiel, "--format", "html"])
    if een.stdout != twee.stdout:
        fout(profiel, "twee runs met dezelfde SOURCE_DATE_EPOCH geven verschillende uitvoer")
    r = controleer_algemeen(profiel, een.stdout)
    if r is None:
        return None
    wortel, s, tekst = r
    if "2 december 2025" not in tekst or 'datetime="2025-12-02"' not in tekst:
        fout(profiel, "de datum uit SOURCE_DATE_EPOCH staat er niet in")
    if f"wegwijzer {VERSIE}" not in tekst:
        fout(profiel, f"de programmaversie 'wegwijzer {VERSIE}' staat er niet in")
    # The same advice in the same order with the same numbers as the JSON.
    j = draai([opdracht, profiel, "--format", "json"])
    verwacht = [a["id"] for a in json.loads(j.stdout)["adviezen"]]
    gevonden = {}
    for art in zoek(wortel, "article", "advies"):
        nr = int(art.get("id").split("-")[1])
        regel = [dd for dd in art.iter("dd") if dd.find("code") is not None]
        gevonden[nr] = regel[-1].find("code").text if regel else None
        if art.find("details") is None or art.find("details").find("summary") is None:
            fout(profiel, f"advies {nr} heeft geen uitklapbare afleiding")
    if [gevonden.get(i + 1) for i in range(len(verwacht))] != verwacht or len(gevonden) != len(verwacht):
        fout(profiel, f"adviezen en nummers wijken af van de JSON: {gevonden} tegen {verwacht}")
    return wortel, s, tekst


def controleer_reeks():
    profiel = os.path.join(TESTMAP, "reeks-en-wijken.yaml")
    r = controleer_profiel(profiel)
    if r is None:
        return
    wortel, s, tekst = r
    for sectie in ("stappenplan", "adviezen", "tafel-van-12", "cijfers", "profiel"):
        if sectie not in s.ids:
            fout(profiel, f"sectie #{sectie} ontbreekt")
    for kop in ("Nu doen", "Waarschuwingen"):
        if not any(alle_tekst(h) == kop for h in wortel.iter("h3")):
            fout(profiel, f"groep '{kop}' ontbreekt")
    # The Tafel van 12: three pillars of four factors, marked as the profile says.
    pijlers = zoek(wortel, "section", "pijler")
    if [len(zoek(p, "li", "factor")) for p in pijlers] != [4, 4, 4]:
        fout(profiel, f"de Tafel van 12 heeft niet drie pijlers van vier factoren: {[len(zoek(p, 'li', 'factor')) for p in pijlers]}")
    if [alle_tekst(p.find("h3")) for p in pijlers] != ["Aanpakken onveiligheid", "Versterken veiligheid", "Publiek leiderschap"]:
        fout(profiel, "de pijlers hebben niet de namen uit de woordenschat")
    merken = {}
    for li in zoek(wortel, "li", "factor"):
        naam = alle_tekst(li.find("span"))
        merken[naam] = [alle_tekst(m) for m in li.iter("span") if "merk" in (m.get("class") or "")]
    verwacht = {"Fysieke verloedering": ["✓ analyse", "▶ 2 acties"], "Toezicht": ["✓ analyse", "★ IVP", "▶ 1 actie"],
                "Sociale verbondenheid en samenredzaamheid": ["✓ analyse"],
                "Nazorg na schokkende gebeurtenissen": ["★ IVP"], "Invloed en perspectief": []}
    for naam, m in verwacht.items():
        if merken.get(naam) != m:
            fout(profiel, f"factor '{naam}' gemarkeerd als {merken.get(naam)}, verwacht {m}")
    if sum(1 for li in zoek(wortel, "li", "factor") if "gekozen" in li.get("class")) != 3:
        fout(profiel, "niet precies de drie gekozen factoren hebben een dikke rand")
    # Charts: onveilig_buurt has a series and wijken, overlast only wijken, oordeel_gemeente a series with vorige.
    svgs = {e.get("aria-labelledby").split()[0] for e in wortel.iter("svg")}
    if svgs != {"grafiek-onveilig_buurt-verloop-titel", "grafiek-onveilig_buurt-delen-titel",
                "grafiek-overlast-delen-titel", "grafiek-oordeel_gemeente-verloop-titel"}:
        fout(profiel, f"onverwachte grafieken: {sorted(svgs)}")
    for svg in wortel.iter("svg"):
        teksten = [alle_tekst(t) for t in svg.iter("text")]
        if any("." in t and t.rstrip("%").replace(".", "").isdigit() for t in teksten):
            fout(profiel, f"getal met decimale punt in een grafiek: {teksten}")
        if svg.find("title") is None or svg.find("desc") is None or not alle_tekst(svg.find("desc")):
            fout(profiel, "grafiek zonder <title> en <desc>")
    verloop = next(e for e in wortel.iter("svg") if e.get("aria-labelledby").startswith("grafiek-onveilig_buurt-verloop"))
    labels = [alle_tekst(t) for t in verloop.iter("text")]
    for verwacht_label in ("2017", "2019", "2021", "2023", "18,5%", "21%", "0%", "vergelijkbare gemeenten", "Heuvelrade"):
        if verwacht_label not in labels:
            fout(profiel, f"'{verwacht_label}' ontbreekt in de grafiek van onveilig_buurt: {labels}")
    if len(verloop.findall("circle")) < 4 or len(verloop.findall("rect")) < 4:
        fout(profiel, "de reeks van onveilig_buurt heeft niet vier punten en vier vergelijkbare punten")
    delen = next(e for e in wortel.iter("svg") if e.get("aria-labelledby").startswith("grafiek-onveilig_buurt-delen"))
    rijen = [alle_tekst(t.find("title")) for t in delen.iter("text") if t.find("title") is not None]
    if rijen != ["Centrum en Stationskwartier (2021)", "Noord", "Zuid"]:
        fout(profiel, f"wijken in de grafiek: {rijen} (Noord alleen met de laatste meting, Centrum met zijn jaar)")
    if "hele gemeente (2023): 21%" not in [alle_tekst(t) for t in delen.iter("text")]:
        fout(profiel, "de grafiek van de wijken noemt het cijfer van de hele gemeente niet")
    # The profile's table: every figure once, with its wijk and year.
    tabel = next(t for t in wortel.iter("table") if t.find("caption") is not None and "per indicator, gebied" in alle_tekst(t.find("caption")))
    rijen = [[alle_tekst(c) for c in tr] for tbody in tabel.iter("tbody") for tr in tbody.iter("tr") if tr.find("td") is not None]
    if len(rijen) != 11 or rijen[4][:3] != ["Centrum en Stationskwartier", "2021", "19%"] or rijen[5][:3] != ["Noord", "2021", "22%"]:
        fout(profiel, f"de tabel van het profiel: {rijen}")
    if "64.350" not in tekst:
        fout(profiel, "het aantal inwoners staat er niet in Nederlandse notatie in (64.350)")
    # A print style sheet for A4 that keeps an advice on one page.
    stijl = alle_tekst(next(wortel.iter("style")))
    if not re.search(r"@page\s*\{[^}]*size:\s*A4", stijl) or "@media print" not in stijl:
        fout(profiel, "geen afdrukstijl voor A4")
    if not re.search(r"article\.advies[^{]*\{[^}]*break-inside:\s*avoid", stijl):
        fout(profiel, "een advies kan over twee pagina's breken")


def controleer_vijandig():
    profiel = os.path.join(TESTMAP, "vijandig.yaml")
    r = controleer_profiel(profiel)
    if r is None:
        return
    wortel, s, tekst = r
    for rauw in ("<script", "<img", "<b>", "<style>body", "<a href=\"https", "onerror=alert(1)>"):
        if rauw in tekst:
            fout(profiel, f"'{rauw}' uit het profiel staat onge-escaped in het rapport")
    if alle_tekst(wortel.find(".//h1")) != "<script>alert('g')</script> & \"Zoet\" 'dal'":
        fout(profiel, f"de naam van de gemeente komt niet letterlijk terug: {alle_tekst(wortel.find('.//h1'))!r}")
    if "&lt;script&gt;alert(&#39;g&#39;)&lt;/script&gt; &amp; &quot;Zoet&quot;" not in tekst:
        fout(profiel, "de naam van de gemeente is niet als tekens ge-escaped")
    acties = [alle_tekst(th) for t in wortel.iter("table") if "acties" in (t.get("class") or "") for th in t.iter("th") if th.get("scope") == "row"]
    if acties != ["<style>body{display:none}</style>Actie & 'zo'"]:
        fout(profiel, f"de actienaam komt niet letterlijk terug: {acties}")
    # The message with an address, in the appendix: as text, with the check's verdict.
    boodschappen = [alle_tekst(th) for t in wortel.iter("table") if "boodschappen" in (t.get("class") or "")
                    for th in t.iter("th") if th.get("scope") == "row"]
    if boodschappen != ["<a href=\"https://example.org/x\">klik</a> & ' \""]:
        fout(profiel, f"het onderwerp van de boodschap komt niet letterlijk terug: {boodschappen}")
    wijken = [alle_tekst(t.find("title")) for svg in wortel.iter("svg") for t in svg.iter("text") if t.find("title") is not None]
    if sorted(wijken) != sorted(["\"><img src=x onerror=alert(1)>", "Noord & <b>Zuid</b>"]):
        fout(profiel, f"de wijknamen komen niet letterlijk terug in de grafiek: {wijken}")
    plan = draai(["communicatie", os.path.join(TESTMAP, "communicatieplan.yaml"), "--format", "html"])
    # The topic of a message in the communication report.
    r = controleer_algemeen("communicatieplan.yaml", plan.stdout)
    if r:
        onderwerpen = [alle_tekst(th) for th in r[0].iter("th") if th.get("scope") == "row"]
        if onderwerpen != ["woninginbraak", "fietsendiefstal & <overlast>"]:
            fout("communicatieplan.yaml", f"de onderwerpen van de boodschappen: {onderwerpen}")


def controleer_communicatie():
    profiel = os.path.join(TESTMAP, "communicatieplan.yaml")
    r = controleer_profiel(profiel, "communicatie")
    if r is None:
        return
    wortel, s, tekst = r
    if "stappenplan" in s.ids or "tafel-van-12" in s.ids:
        fout(profiel, "een communicatietoets toont het stappenplan of de Tafel van 12")
    if "boodschappen" not in s.ids or "Toets van het communicatieplan" not in tekst:
        fout(profiel, "de boodschappen of de kop van de communicatietoets ontbreken")
    # One verdict per message, from the knowledge base.
    tabel = next(t for t in wortel.iter("table") if "boodschappen" in (t.get("class") or ""))
    oordelen = [alle_tekst(td)[1:] for td in tabel.iter("td") if td.get("class") == "oordeel"]
    if len(oordelen) != 2 or any(o not in ("passend", "botst", "onbekend", "tegenstrijdig") for o in oordelen):
        fout(profiel, f"oordelen per boodschap: {oordelen}")


def controleer_datum():
    profiel = os.path.join(TESTMAP, "reeks-en-wijken.yaml")
    r = draai(["advies", profiel, "--format", "html"], epoch="gisteren")
    if r.returncode != 2 or b"SOURCE_DATE_EPOCH" not in r.stderr or r.stdout:
        fout(profiel, f"een ongeldige SOURCE_DATE_EPOCH geeft geen fout met status 2: {r.returncode} {r.stderr[:200]!r}")
    ander = draai(["advies", profiel, "--format", "html"], epoch="1767139200")  # 31 december 2025
    if b"31 december 2025" not in ander.stdout:
        fout(profiel, "de datum volgt SOURCE_DATE_EPOCH niet")


def controleer_tweede_editie():
    """The second edition's slots (groep, marge, respondenten; an action's gebied and status) in the report."""
    profiel = os.path.join(TESTMAP, "tweede-editie.yaml")
    r = controleer_profiel(profiel)
    if r is None:
        return
    wortel, s, tekst = r
    tabel = next(t for t in wortel.iter("table") if t.find("caption") is not None and "per indicator, gebied" in alle_tekst(t.find("caption")))
    koppen = [alle_tekst(th) for th in tabel.find("thead").iter("th")]
    if koppen[:3] != ["Gebied", "Groep", "Jaar"] or "Marge (procentpunt)" not in koppen:
        fout(profiel, f"kolommen van de tabel: {koppen}")
    rijen = [[alle_tekst(c) for c in tr] for tbody in tabel.iter("tbody") for tr in tbody.iter("tr") if tr.find("td") is not None]
    verwacht = [["hele gemeente", "alle inwoners", "2019", "14%", "± 1,9"],
                ["hele gemeente", "alle inwoners", "2023", "21%", "± 2 (n = 1.600)"],
                ["hele gemeente", "65+", "2023", "31%", "± 4,5"],
                ["Noord", "alle inwoners", "2023", "27,5%", "± 4,4 (n = 400)"],
                ["Noord", "vrouwen", "2023", "35%", ""]]
    if [r[:5] for r in rijen] != verwacht:
        fout(profiel, f"rijen van de tabel: {rijen}")
    verloop = next(e for e in wortel.iter("svg") if e.get("aria-labelledby").startswith("grafiek-onveilig_buurt-verloop"))
    if len([p for p in verloop.iter("path")]) != 3:  # two error bars and the legend's
        fout(profiel, "de reeks heeft geen foutstreep voor elke marge")
    if "(marge ± 2)" not in alle_tekst(verloop.find("desc")):
        fout(profiel, f"de beschrijving noemt de marge uit de respondenten niet: {alle_tekst(verloop.find('desc'))}")
    delen = next(e for e in wortel.iter("svg") if e.get("aria-labelledby").startswith("grafiek-onveilig_buurt-delen"))
    namen = [alle_tekst(t.find("title")) for t in delen.iter("text") if t.find("title") is not None]
    if namen != ["65+", "Noord", "Noord, vrouwen"]:
        fout(profiel, f"groepen en wijken in de grafiek: {namen}")
    acties = [[alle_tekst(c) for c in tr] for t in wortel.iter("table") if "acties" in (t.get("class") or "") for tr in t.find("tbody")]
    if acties != [["Buurtschouw in Noord", "fysieke verloedering", "Noord", "alle inwoners", "lopend"],
                  ["Seniorenavond", "sociale verbondenheid en samenredzaamheid", "hele gemeente", "65+", "uitgevoerd"]]:
        fout(profiel, f"acties met gebied, groep en status: {acties}")
    if "kennisbank CCV Stappenplan Veiligheidsbeleving" not in tekst or "(sleutel " not in tekst:
        fout(profiel, "de naam en sleutel van de kennisbank staan er niet in")


def controleer_afdruk():
    """What a bestuur gets on paper (sessie 26, h-mend8): every chart whole on an A4 page, labels that fit and
    differ, a long series not crowded, a title with its chart, and the folds printed as the adviseur left them."""
    profiel = os.path.join(TESTMAP, "lange-reeks.yaml")
    r = controleer_profiel(profiel)
    if r is None:
        return
    wortel, s, tekst = r
    stijl = alle_tekst(next(wortel.iter("style")))
    druk = stijl[stijl.index("@media print"):]
    # A closed fold (the derivation, the data beside a chart) is a control, not content: it stays off the
    # paper; one the adviseur opened is printed open. Hiding every fold threw away what was opened on purpose.
    if not re.search(r"details:not\(\[open\]\)\s*\{\s*display:\s*none", druk):
        fout(profiel, "een dichte uitklapper wordt afgedrukt (of de regel ervoor ontbreekt)")
    if re.search(r"(^|[{},])\s*details\s*[{,]", druk):
        fout(profiel, "de afdrukstijl verbergt ook een opengeklapte uitklapper")
    # The margins are the report's: with a box at the top and the page number at the bottom, Chromium leaves
    # out its own header ("12/6/26, 4:30 PM" and the title) and footer (the file's address).
    if not re.search(r"@page\s*\{[^}]*@top-left\s*\{", stijl) or "counter(pages)" not in stijl:
        fout(profiel, "de afdruk krijgt de kop- en voettekst van de browser (datum, adres) naast het paginanummer")
    # The Tafel van 12 on A4 (sessie 27, h-mend9): the paper is 680 px wide, narrower than the breakpoint of a narrow
    # screen; a rule for narrow screens that is not for screens alone put the printed Tafel in one column over pages.
    for m in re.finditer(r"@media([^{]*)\{", stijl):
        if "max-width" in m.group(1) and "screen" not in m.group(1):
            fout(profiel, f"'@media{m.group(1)}' geldt ook voor de afdruk op A4 (680 px breed)")
    if not re.search(r"\.tafel\s*\{[^}]*break-inside:\s*avoid", druk):
        fout(profiel, "de Tafel van 12 kan in de afdruk over twee pagina's breken")
    # A title with its chart, and an indicator's rows with its header row, on one page.
    for selector in (r"div\.grafiekblok", r"table\.cijfers tbody", r"svg\.grafiek"):
        if not re.search(selector + r"[^{]*\{[^}]*break-inside:\s*avoid", druk):
            fout(profiel, f"'{selector}' mag in de afdruk over twee pagina's breken")
    # A figure holds a series and the wijken: together taller than a page, so it must be allowed to break
    # between its charts (kept whole, it left the indicator's heading alone on the page before).
    if re.search(r"figure\s*\{[^}]*break-inside:\s*avoid", stijl):
        fout(profiel, "een figuur met twee grafieken wordt heel gehouden: dat laat lege halve pagina's")
    titels = [p for p in wortel.iter("p") if "grafiektitel" in (p.get("class") or "")]
    for t in titels:
        ouder = next((d for d in wortel.iter("div") if t in list(d)), None)
        if ouder is None or "grafiekblok" not in (ouder.get("class") or "") or ouder.find("{*}svg") is None and ouder.find("svg") is None:
            fout(profiel, f"de grafiektitel '{alle_tekst(t)}' staat niet met zijn grafiek in een blok")
    # The wijken and groups: 40 rows in charts of at most 25, each row once, labels within 30 characters
    # (the label column's width) and as distinct as the rows.
    delen = [e for e in wortel.iter("svg") if "-delen" in e.get("aria-labelledby")]
    rijen = [[(alle_tekst(t.find("title")), "".join(t.itertext()).replace(alle_tekst(t.find("title")), "", 1))
              for t in svg.iter("text") if t.find("title") is not None] for svg in delen]
    if len(delen) != 2 or any(len(r) > 25 for r in rijen) or sum(len(r) for r in rijen) != 40:
        fout(profiel, f"40 rijen per wijk en groep in grafieken van hoogstens 25: {[len(r) for r in rijen]}")
    if any(float(svg.get("height")) > 900 for svg in delen):
        fout(profiel, f"een grafiek is hoger dan een A4-pagina: {[svg.get('height') for svg in delen]}")
    alle = [rij for r in rijen for rij in r]
    if len({naam for naam, _ in alle}) != len({label for _, label in alle}):
        fout(profiel, f"verschillende rijen met hetzelfde label: {sorted(label for _, label in alle)}")
    for naam, label in alle:
        if len(label) > 30:
            fout(profiel, f"label langer dan 30 tekens: {label!r}")
        if "," in naam and ", " + naam.split(", ")[-1][:6] not in label:
            fout(profiel, f"het label {label!r} verliest de groep van {naam!r}")
    if len({svg.get("aria-labelledby") for svg in delen}) != len(delen):
        fout(profiel, "de delen van een grafiek delen een id")
    # The series of sixteen years: the years named under the axis stand at least a label's width apart
    # (four digits at 12px), so do the values printed beside points.
    verloop = next(e for e in wortel.iter("svg") if "-verloop" in e.get("aria-labelledby"))
    onder = [t for t in verloop.iter("text") if t.get("text-anchor") == "middle"]
    jaren = [float(t.get("x")) for t in onder if re.fullmatch(r"\d{4}", alle_tekst(t))]
    if not jaren or "2023" not in [alle_tekst(t) for t in onder] or min(b - a for a, b in zip(jaren, jaren[1:])) < 38:
        fout(profiel, f"de jaren onder de as staan te dicht op elkaar: {jaren}")
    waarden = sorted(float(t.get("x")) for t in verloop.iter("text") if t.get("font-weight") == "600")
    if len(waarden) < 2 or min(b - a for a, b in zip(waarden, waarden[1:])) < 45:
        fout(profiel, f"de waarden bij de punten overlappen: {waarden}")


controleer_reeks()
controleer_afdruk()
controleer_tweede_editie()
controleer_vijandig()
controleer_communicatie()
controleer_datum()
for naam in sorted(os.listdir(VOORBEELDEN)):
    if naam.endswith(".yaml"):
        controleer_profiel(os.path.join(VOORBEELDEN, naam))

for f in fouten:
    print("FOUT:", f)
print(f"{len(fouten)} fouten")
sys.exit(1 if fouten else 0)
