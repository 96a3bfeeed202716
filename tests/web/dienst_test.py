#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""API tests of `wegwijzer serve` against the real program on a free loopback port.

Gebruik: dienst_test.py WEGWIJZER BRONMAP

Every endpoint and every error status of the contract (the HTTP service, version 1); for every example
profile (examples/) and every scenario profile (knowledge-base/tests) the JSON answer equals
`wegwijzer advies --format json` byte for byte, and openapi.json describes every key of it; hostile
input; the limits; a graceful stop with requests in flight. Python's standard library only.
"""
import concurrent.futures
import gzip
import http.client
import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

WEGWIJZER = os.path.abspath(sys.argv[1])
BRON = os.path.abspath(sys.argv[2])
# Reports carry a date: fixed here, for the service and the command line alike.
OMGEVING = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
OMGEVING.pop("WEGWIJZER_KB", None)
MAX_BODY = 64 * 1024

mislukt = []


def controleer(voorwaarde, wat):
    if not voorwaarde:
        mislukt.append(wat)
        print("MISLUKT:", wat, file=sys.stderr)
    return voorwaarde


class Dienst:
    """The program serving on port 0; its first line names the port."""

    def __init__(self, *opties):
        self.log = tempfile.TemporaryFile()
        self.proces = subprocess.Popen([WEGWIJZER, "serve", "--poort", "0", *opties], stdout=subprocess.PIPE,
                                       stderr=self.log, env=OMGEVING)
        regel = self.proces.stdout.readline().decode()
        m = re.fullmatch(r"wegwijzer luistert op http://127\.0\.0\.1:(\d+)/\n", regel)
        if not m:
            self.proces.kill()
            raise SystemExit(f"de dienst meldde zich niet zoals het contract zegt: {regel!r}, {self.logtekst()}")
        self.poort = int(m.group(1))

    def logtekst(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def verbinding(self):
        return http.client.HTTPConnection("127.0.0.1", self.poort, timeout=30)

    def stop(self):
        self.proces.send_signal(signal.SIGTERM)
        return self.proces.wait(timeout=30)


class Antwoord:
    def __init__(self, r):
        self.status = r.status
        self.kop = {k.lower(): v for k, v in r.getheaders()}
        self.lichaam = r.read()

    def json(self):
        return json.loads(self.lichaam)


def vraag(verbinding, methode, pad, lichaam=None, kop=None):
    verbinding.request(methode, pad, body=lichaam, headers=kop or {})
    return Antwoord(verbinding.getresponse())


def cli(*argumenten):
    r = subprocess.run([WEGWIJZER, *argumenten], capture_output=True, env=OMGEVING)
    return r.returncode, r.stdout, r.stderr


# -- profiles: the examples, and the profiles inside the scenario files ------------------------------

def scenario_profielen():
    """(name, opdracht, YAML text) of every scenario: the `profiel:` block of each document, dedented."""
    uit = []
    map_ = os.path.join(BRON, "knowledge-base", "tests")
    for naam in sorted(os.listdir(map_)):
        if not naam.endswith(".yaml"):
            continue
        with open(os.path.join(map_, naam), encoding="utf-8") as f:
            documenten = re.split(r"^---\s*$", f.read(), flags=re.M)
        for i, doc in enumerate(documenten):
            regels = doc.split("\n")
            begin = next((j for j, r in enumerate(regels) if r.startswith("profiel:")), None)
            if begin is None:
                continue
            opdracht = "communicatie" if re.search(r"^opdracht:\s*communicatie\s*$", doc, re.M) else "advies"
            kop = regels[begin][len("profiel:"):].strip()
            blok = []
            for r in regels[begin + 1:]:
                if r and not r[0].isspace() and not r.startswith("#"):
                    break
                blok.append(r)
            tekst = kop + "\n" if kop and not kop.startswith("#") else ""
            inspringing = min((len(r) - len(r.lstrip())) for r in blok if r.strip() and not r.lstrip().startswith("#")) if any(r.strip() for r in blok) else 0
            tekst += "\n".join(r[inspringing:] for r in blok) + "\n"
            uit.append((f"{naam}#{i + 1}", opdracht, tekst))
    return uit


def voorbeelden():
    map_ = os.path.join(BRON, "examples")
    uit = []
    for naam in sorted(os.listdir(map_)):
        if naam.endswith(".yaml"):
            with open(os.path.join(map_, naam), encoding="utf-8") as f:
                uit.append((naam, "advies", f.read()))
    return uit


# -- the tests -------------------------------------------------------------------------------------

def test_byte_voor_byte(d, werkmap):
    """Every example and scenario profile: the service's JSON is the command line's, byte for byte."""
    profielen = voorbeelden() + scenario_profielen()
    controleer(len(profielen) > 100, f"te weinig profielen gevonden ({len(profielen)})")

    def referentie(i_profiel):
        i, (naam, opdracht, tekst) = i_profiel
        pad = os.path.join(werkmap, f"p{i}.yaml")
        with open(pad, "w", encoding="utf-8") as f:
            f.write(tekst)
        return cli(opdracht, pad, "--format", "json")

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        verwacht = list(pool.map(referentie, enumerate(profielen)))
    c = d.verbinding()
    gegeven = 0
    for (naam, opdracht, tekst), (status, uit, fout) in zip(profielen, verwacht):
        a = vraag(c, "POST", f"/api/v1/{opdracht}", tekst.encode(), {"Content-Type": "application/yaml"})
        if status == 0:
            gegeven += 1
            controleer(a.status == 200, f"{naam}: status {a.status}, verwacht 200")
            controleer(a.lichaam == uit, f"{naam}: JSON van de dienst wijkt af van de opdrachtregel")
            controleer(a.kop.get("content-type", "").startswith("application/json"), f"{naam}: Content-Type {a.kop.get('content-type')}")
        else:
            controleer(a.status == 422, f"{naam}: status {a.status}, de opdrachtregel gaf {status}")
    controleer(gegeven > 100, f"te weinig profielen met advies ({gegeven})")
    return profielen, verwacht


def onbeschreven(waarde, schema, componenten, pad="$"):
    """The places in `waarde` that `schema` does not describe: a key its object has no property for, or
    a value outside its enum. Follows #/components/schemas references; an object whose schema gives
    additionalProperties a schema (a map of names) takes any key."""
    while "$ref" in schema:
        schema = componenten[schema["$ref"].removeprefix("#/components/schemas/")]
    if "enum" in schema and waarde not in schema["enum"]:
        return [f"{pad}: {waarde!r} niet in {schema['enum']}"]
    if isinstance(waarde, dict):
        open_ = schema.get("additionalProperties")
        gaten = []
        for k, v in waarde.items():
            if k in schema.get("properties", {}):
                gaten += onbeschreven(v, schema["properties"][k], componenten, f"{pad}.{k}")
            elif isinstance(open_, dict):
                gaten += onbeschreven(v, open_, componenten, f"{pad}.{k}")
            else:
                gaten.append(f"{pad}.{k}: niet in openapi.json")
        return gaten
    if isinstance(waarde, list) and "items" in schema:
        return [g for i, v in enumerate(waarde) for g in onbeschreven(v, schema["items"], componenten, f"{pad}[{i}]")]
    return []


def test_openapi_beschrijft_het_advies(d, verwacht):
    """Every key and enum value of the JSON advice, with uitleg and boodschappen too, stands in the
    service's own description (GET /api/v1/openapi.json): a field the program emits and openapi.json
    does not name is one no client generated from it can read."""
    c = d.verbinding()
    componenten = vraag(c, "GET", "/api/v1/openapi.json").json()["components"]["schemas"]
    adviezen = [json.loads(uit) for status, uit, _ in verwacht if status == 0]
    pad = os.path.join(BRON, "examples", "04-communicatie-buikpijn.yaml")
    with open(pad, "rb") as f:
        tekst = f.read()
    for eindpunt in ["advies?uitleg=1", "communicatie?uitleg=1"]:
        adviezen.append(vraag(c, "POST", f"/api/v1/{eindpunt}", tekst, {"Content-Type": "application/yaml"}).json())
    gezien, gaten = set(), {}
    for advies in adviezen:
        gezien |= {k for a in advies["adviezen"] for k in a} | set(advies)
        for gat in onbeschreven(advies, componenten["Advies"], componenten):
            gaten.setdefault(re.sub(r"\[\d+\]", "[]", gat), advies["gemeente"])
    for gat, gemeente in sorted(gaten.items()):
        controleer(False, f"openapi.json beschrijft het advies niet ({gemeente}): {gat}")
    # The walk saw what it is to check: without these the test above would pass on nothing.
    for sleutel in ["groep", "uitleg", "boodschappen", "onderbouwing"]:
        controleer(sleutel in gezien, f"openapi.json: geen antwoord met '{sleutel}' bekeken")


def test_formaten(d, werkmap):
    """Accept chooses the format; each equals the command line's; uitleg as yes or no, other values refused;
    JSON and YAML bodies."""
    pad = os.path.join(BRON, "examples", "03-analyse-wijk-noord.yaml")
    with open(pad, "rb") as f:
        tekst = f.read()
    c = d.verbinding()
    for accept, formaat, type_ in [("text/html", "html", "text/html"), ("text/markdown", "markdown", "text/markdown"),
                                   ("application/json", "json", "application/json"), ("*/*", "json", "application/json"),
                                   ("text/markdown;q=0.5, text/html", "html", "text/html"), ("image/png", "json", "application/json"),
                                   # Media types without case (RFC 9110), parameters and spaces around them.
                                   ("Text/HTML", "html", "text/html"),
                                   (" TEXT/MARKDOWN ; Q=0.9, Application/JSON;q=0.1", "markdown", "text/markdown")]:
        a = vraag(c, "POST", "/api/v1/advies", tekst, {"Content-Type": "application/yaml", "Accept": accept})
        _, uit, _ = cli("advies", pad, "--format", formaat)
        controleer(a.status == 200 and a.lichaam == uit, f"Accept {accept}: niet de uitvoer van --format {formaat}")
        controleer(a.kop.get("content-type", "").startswith(type_), f"Accept {accept}: Content-Type {a.kop.get('content-type')}")
    a = vraag(c, "POST", "/api/v1/advies?uitleg=1", tekst, {"Content-Type": "text/yaml"})
    _, uit, _ = cli("advies", pad, "--format", "json", "--uitleg")
    controleer(a.status == 200 and a.lichaam == uit, "uitleg=1: niet de uitvoer van --uitleg")
    controleer(b'"uitleg"' in a.lichaam, "uitleg=1: geen afleiding in het antwoord")
    # The other spellings of yes and no give the same answers; any other value is a 400 in the error
    # form, never silently the advice without derivation.
    _, zonder, _ = cli("advies", pad, "--format", "json")
    for waarde, verwacht in [("ja", uit), ("TRUE", uit), ("Ja", uit), ("0", zonder), ("nee", zonder), ("false", zonder),
                             ("1&uitleg=ja", uit)]:
        a = vraag(c, "POST", f"/api/v1/advies?uitleg={waarde}", tekst, {"Content-Type": "text/yaml"})
        controleer(a.status == 200 and a.lichaam == verwacht, f"uitleg={waarde}: {a.status}, niet de uitvoer van de opdrachtregel")
    for waarde in ["2", "yes", "", "ja%20", "%3Cscript%3E", "1&uitleg=0"]:
        for eindpunt in ["advies", "communicatie"]:
            a = vraag(c, "POST", f"/api/v1/{eindpunt}?uitleg={waarde}", tekst, {"Content-Type": "text/yaml"})
            controleer(a.status == 400 and a.kop.get("content-type", "").startswith("application/json"),
                       f"{eindpunt}?uitleg={waarde}: status {a.status}, verwacht 400 als JSON")
            fouten = json.loads(a.lichaam)["fouten"]
            controleer(len(fouten) == 1 and "de parameter uitleg" in fouten[0]["melding"] and "regel" not in fouten[0],
                       f"{eindpunt}?uitleg={waarde}: {fouten}")
    a = vraag(c, "POST", "/api/v1/advies?uitleg=misschien", tekst, {"Content-Type": "text/yaml"})
    controleer(json.loads(a.lichaam)["fouten"][0]["melding"]
               == "de parameter uitleg heeft de waarde 'misschien'; kies 1, true of ja (wel) of 0, false of nee (niet)",
               f"uitleg=misschien: {a.lichaam[:200]!r}")
    # A JSON body, read as the command line reads a .json file.
    profiel = {"gemeente": {"naam": "Jsonstad", "inwoners": 42000}, "drijfveer": {"bepaald": True, "soort": "leren"}}
    jpad = os.path.join(werkmap, "profiel.json")
    with open(jpad, "w") as f:
        json.dump(profiel, f)
    _, uit, _ = cli("advies", jpad, "--format", "json")
    for type_ in ["application/json; charset=utf-8", "Application/JSON", "application/vnd.gemeenteprofiel+JSON", "Application/YAML"]:
        a = vraag(c, "POST", "/api/v1/advies", json.dumps(profiel).encode(), {"Content-Type": type_})
        controleer(a.status == 200 and a.lichaam == uit, f"JSON-lichaam als {type_}: niet de uitvoer van de opdrachtregel")
    for type_ in ["application/jsonx", "application/+jsonx", "xapplication/json", "text/yamlx"]:
        a = vraag(c, "POST", "/api/v1/advies", json.dumps(profiel).encode(), {"Content-Type": type_})
        controleer(a.status == 415, f"Content-Type {type_}: {a.status}")
    # Header names, media types, codings and yes or no: one comparison, which folds the case of ASCII letters
    # and of nothing else ('/' and '\x0f', '+' and '\x0b' differ by the same bit as 'a' and 'A').
    lichaam = json.dumps(profiel).encode()
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall(f"POST /api/v1/advies?uitleg=jA HTTP/1.1\r\nHost: x\r\nCONTENT-TYPE: APPLICATION/JSON\r\nACCEPT: TEXT/HTML\r\n"
              f"CONTENT-LENGTH: {len(lichaam)}\r\n\r\n".encode() + lichaam)
    ontvangen = lees_antwoorden(s, 1)
    s.close()
    _, html, _ = cli("advies", jpad, "--format", "html", "--uitleg")
    controleer(len(ontvangen) == 1 and ontvangen[0][0].startswith("HTTP/1.1 200") and ontvangen[0][1] == html,
               f"kopregels in hoofdletters: {ontvangen[:1]!r:.200}")
    for type_ in ["application\x0fjson", "application/vnd.gemeenteprofiel\x0bjson"]:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": type_})
        controleer(a.status == 415, f"Content-Type {type_!r}: {a.status}, verwacht 415")
    # The communication check of a full example.
    a = vraag(c, "POST", "/api/v1/communicatie", tekst, {"Content-Type": "application/x-yaml"})
    _, uit, _ = cli("communicatie", pad, "--format", "json")
    controleer(a.status == 200 and a.lichaam == uit, "communicatie: niet de uitvoer van de opdrachtregel")


def test_app_en_koppen(d):
    c = d.verbinding()
    a = vraag(c, "GET", "/")
    controleer(a.status == 200 and a.kop.get("content-type", "").startswith("text/html"), f"GET /: {a.status} {a.kop.get('content-type')}")
    html = a.lichaam.decode()
    controleer("<form" in html, "GET /: geen formulier")
    csp = a.kop.get("content-security-policy", "")
    controleer("script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0],
               f"CSP staat inline scripts toe of ontbreekt: {csp!r}")
    controleer("default-src 'none'" in csp, f"CSP zonder default-src 'none': {csp!r}")
    controleer(a.kop.get("x-content-type-options") == "nosniff", "geen nosniff")
    controleer(a.kop.get("referrer-policy") == "no-referrer", "geen Referrer-Policy no-referrer")
    controleer("access-control-allow-origin" not in a.kop, "CORS zonder --cors")
    controleer(not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script in de webapp")
    # Every asset the page names is served, with its type.
    soorten = {".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript", ".svg": "image/svg+xml",
               ".png": "image/png", ".json": "application/json", ".html": "text/html", ".ico": "image/"}
    verwijzingen = set(re.findall(r'(?:src|href)="([^"#?:]+)"', html))
    controleer(verwijzingen, "de webapp noemt geen enkel bestand")
    for v in sorted(verwijzingen):
        pad = urllib.parse.urljoin("/", v)
        a = vraag(c, "GET", pad)
        controleer(a.status == 200, f"{pad}: status {a.status}")
        ext = os.path.splitext(pad)[1]
        if ext in soorten:
            controleer(a.kop.get("content-type", "").startswith(soorten[ext]), f"{pad}: Content-Type {a.kop.get('content-type')}")
    a = vraag(c, "HEAD", "/")
    controleer(a.status == 200 and a.lichaam == b"", f"HEAD /: {a.status}, {len(a.lichaam)} bytes")
    # No path reaches the disk.
    for pad in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd",
                "/web/app/index.html", "/CMakeLists.txt", "/index.html/", "/%00"]:
        a = vraag(c, "GET", pad)
        controleer(a.status in (400, 404), f"{pad}: status {a.status}")
        controleer(b"root:" not in a.lichaam, f"{pad}: een bestand van de schijf")


def test_eindpunten(d):
    c = d.verbinding()
    a = vraag(c, "GET", "/healthz")
    controleer(a.status == 200 and a.lichaam == b"ok\n", f"/healthz: {a.status} {a.lichaam!r}")
    a = vraag(c, "GET", "/api/v1/kennisbank")
    controleer(a.status == 200, f"/api/v1/kennisbank: {a.status}")
    kb = a.json()
    advies = vraag(c, "POST", "/api/v1/advies", b"gemeente: {naam: X}\n", {"Content-Type": "application/yaml"}).json()
    controleer(kb["naam"] == advies["kennisbank"]["naam"] and kb["versie"] == advies["kennisbank"]["versie"]
               and kb["sleutel"] == advies["kennisbank"]["sleutel"], "kennisbank: naam/versie/sleutel niet als in het advies")
    ids = {r["id"] for r in kb["regels"]}
    controleer(all(a["id"] in ids for a in advies["adviezen"]), "kennisbank: een regel uit het advies ontbreekt")
    controleer(all(r["soort"] in ("actie", "waarschuwing", "info") for r in kb["regels"] if r["id"] in {a["id"] for a in advies["adviezen"]}),
               "kennisbank: soort van een adviesregel")
    factoren = kb["woordenschat"]["factoren"]
    controleer(len(factoren) == 12 and all(f["naam"] and f["pijler"] for f in factoren), "kennisbank: de Tafel van 12")
    controleer(all(b["soort"] in ("kwantitatief", "kwalitatief") for b in kb["woordenschat"]["bronnen"]), "kennisbank: bronnen")
    controleer(all(isinstance(i["hoger_is_beter"], bool) and i["betekenis"] for i in kb["woordenschat"]["indicatoren"]),
               "kennisbank: indicatoren")
    a = vraag(c, "GET", "/api/v1/openapi.json")
    controleer(a.status == 200, f"openapi.json: {a.status}")
    api = a.json()
    controleer(api.get("openapi", "").startswith("3.1"), "openapi.json: geen OpenAPI 3.1")
    for pad in ["/api/v1/advies", "/api/v1/communicatie", "/api/v1/waarom-niet/{regel}", "/api/v1/vragen",
                "/api/v1/kennisbank", "/api/v1/schema/gemeenteprofiel", "/api/v1/openapi.json", "/healthz", "/metrics"]:
        controleer(pad in api.get("paths", {}), f"openapi.json: pad {pad} ontbreekt")
    a = vraag(c, "GET", "/api/v1/schema/gemeenteprofiel")
    controleer(a.status == 200, f"schema: {a.status}")
    if a.status == 200:
        schema = a.json()
        controleer(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", "schema: geen draft 2020-12")
        _, uit, _ = cli("schema")
        controleer(a.lichaam == uit, "schema: niet wat `wegwijzer schema` schrijft")
    # waarom-niet: the command line's text; an unknown rule is 404 with its message.
    pad = os.path.join(BRON, "examples", "01-beginnend.yaml")
    with open(pad, "rb") as f:
        tekst = f.read()
    a = vraag(c, "POST", "/api/v1/waarom-niet/smart.afwegen", tekst, {"Content-Type": "application/yaml"})
    _, uit, _ = cli("waarom-niet", "smart.afwegen", pad)
    controleer(a.status == 200 and a.json() == {"regel": "smart.afwegen", "tekst": uit.decode()}, f"waarom-niet: {a.status}")
    a = vraag(c, "POST", "/api/v1/waarom-niet/smart.afwegn", tekst, {"Content-Type": "application/yaml"})
    status, _, fout = cli("waarom-niet", "smart.afwegn", pad)
    controleer(a.status == 404, f"waarom-niet onbekende regel: {a.status}")
    controleer(status == 2 and [f["melding"] for f in a.json()["fouten"]] == [fout.decode().removeprefix("wegwijzer: fout: ").rstrip("\n")],
               "waarom-niet onbekende regel: niet de melding van de opdrachtregel")


def test_fouten(d, werkmap):
    c = d.verbinding()
    # 422: every problem, at its place in the body, with the command line's message.
    slecht = ("gemeente:\n  naam: Foutdorp\n  inwoners: veel\n"
              "drijfveer:\n  bepaald: misschien\n  soort: hobby\nonbekend: 1\n")
    pad = os.path.join(werkmap, "slecht.yaml")
    with open(pad, "w") as f:
        f.write(slecht)
    a = vraag(c, "POST", "/api/v1/advies", slecht.encode(), {"Content-Type": "application/yaml"})
    controleer(a.status == 422, f"ongeldig profiel: status {a.status}")
    fouten = a.json()["fouten"]
    status, _, fout = cli("advies", pad)
    cli_fouten = re.findall(r"^[^\n]*?:(\d+):(\d+): fout: (.*)$", fout.decode(), re.M)
    controleer(status == 2 and len(cli_fouten) >= 3, "de opdrachtregel geeft niet alle fouten")
    controleer([(str(f.get("regel")), str(f.get("kolom")), f["melding"]) for f in fouten] == cli_fouten,
               f"422: fouten wijken af van de opdrachtregel: {fouten} tegen {cli_fouten}")
    paden = {f.get("pad") for f in fouten}
    controleer({"gemeente.inwoners", "drijfveer.bepaald", "drijfveer.soort", "onbekend"} <= paden, f"422: paden {paden}")
    # A missing key has no node of its own: its error is said at the map that should hold it, and the
    # path is the missing key's (the field to fill in), not the map's first key.
    for lichaam, type_ in [(b"communicatie:\n  boodschappen:\n    - buikpijn: ja\n", "application/yaml"),
                           (b'{"communicatie": {"boodschappen": [{"buikpijn": "ja"}]}}', "application/json")]:
        a = vraag(c, "POST", "/api/v1/communicatie", lichaam, {"Content-Type": type_})
        paden = [f.get("pad") for f in a.json()["fouten"]]
        controleer(a.status == 422 and paden == ["gemeente", "communicatie.boodschappen[1].onderwerp"],
                   f"ontbrekende sleutels ({type_}): paden {paden}")
    a = vraag(c, "POST", "/api/v1/advies", b"gemeente:\n  inwoners: 5000\n", {"Content-Type": "application/yaml"})
    controleer(a.status == 422 and [f.get("pad") for f in a.json()["fouten"]] == ["gemeente.naam"],
               f"ontbrekende naam: {a.json()}")
    # An absurd term is the profile's error at its field, with the command line's message, not a failure in the
    # knowledge base's arithmetic on the end year.
    termijn = "gemeente: {naam: X}\nbeleid:\n  smart: {gekozen: true, indicator: overlast, daling_pct: 10, termijn_jaren: 1e300}\n"
    termijn_pad = os.path.join(werkmap, "termijn.yaml")
    with open(termijn_pad, "w") as f:
        f.write(termijn)
    a = vraag(c, "POST", "/api/v1/advies", termijn.encode(), {"Content-Type": "application/yaml"})
    status, _, fout = cli("advies", termijn_pad)
    cli_fouten = re.findall(r"^[^\n]*?:(\d+):(\d+): fout: (.*)$", fout.decode(), re.M)
    fouten = a.json()["fouten"] if a.status == 422 else []
    controleer(status == 2 and cli_fouten == [("3", "78", "'beleid.smart.termijn_jaren' moet groter dan 0 en hoogstens 100 zijn, niet 1e300")]
               and [(str(f.get("regel")), str(f.get("kolom")), f["melding"]) for f in fouten] == cli_fouten
               and [f.get("pad") for f in fouten] == ["beleid.smart.termijn_jaren"],
               f"termijn 1e300: {a.status} {fouten} tegen {cli_fouten}")
    # The path is what the reader was reading, not what a position or a message suggests: a duplicate row
    # is the row in block style too (where the row and its first key start at one place), and a second
    # document is no field at all.
    dubbel = {"gemeente": {"naam": "X"}, "metingen": [{"indicator": "overlast", "waarde": 20, "jaar": 2023},
                                                      {"indicator": "overlast", "waarde": 21, "jaar": 2023}]}
    for lichaam, type_ in [(("gemeente: {naam: X}\nmetingen:\n" + "".join(
                                f"  - indicator: overlast\n    waarde: {w}\n    jaar: 2023\n" for w in (20, 21))).encode(),
                            "application/yaml"),
                           (json.dumps(dubbel).encode(), "application/json"),
                           (json.dumps(dubbel, indent=2).encode(), "application/json")]:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": type_})
        paden = [f.get("pad") for f in a.json()["fouten"]]
        controleer(a.status == 422 and paden == ["metingen[2]"], f"dubbele meting ({type_}): paden {paden}")
    # A word a person writes for a status ('afgerond') is still an error, with the word meant, at the field.
    for lichaam, type_ in [(b"gemeente: {naam: X}\nbeleid:\n  acties:\n    - {naam: A, status: afgerond}\n", "application/yaml"),
                           (b'{"gemeente": {"naam": "X"}, "beleid": {"acties": [{"naam": "A", "status": "afgerond"}]}}',
                            "application/json")]:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": type_})
        fouten = a.json()["fouten"] if a.status == 422 else []
        controleer([(f.get("pad"), f["melding"]) for f in fouten] ==
                   [("beleid.acties[1].status",
                     "onbekende status 'afgerond' in 'beleid.acties[1].status'; bedoelde je 'uitgevoerd'?")],
                   f"status afgerond ({type_}): {a.status} {fouten}")
    # The knowledge base's name of a factor, source or indicator instead of its id: the id and its name, at the field.
    namen = {"gemeente": {"naam": "X"}, "metingen": [{"indicator": "overlast van jongeren", "waarde": 3}],
             "bronnen": [{"id": "Meldingen en aangiften"}], "analyse": {"factoren": ["Fysieke verloedering"]}}
    a = vraag(c, "POST", "/api/v1/advies", json.dumps(namen).encode(), {"Content-Type": "application/json"})
    fouten = a.json()["fouten"] if a.status == 422 else []
    controleer([(f.get("pad"), f["melding"]) for f in fouten] ==
               [("metingen[1].indicator", "onbekende indicator 'overlast van jongeren' in 'metingen[1].indicator'; "
                                          "bedoelde je 'overlast' (de ervaren overlast)?"),
                ("bronnen[1].id", "onbekende bron 'Meldingen en aangiften' in 'bronnen[1].id'; "
                                  "bedoelde je 'meldingen' (meldingen en aangiften)?"),
                ("analyse.factoren[1]", "onbekende factor 'Fysieke verloedering' in 'analyse.factoren[1]'; "
                                        "bedoelde je 'verloedering' (fysieke verloedering)?")],
               f"namen uit de kennisbank: {a.status} {fouten}")
    a = vraag(c, "POST", "/api/v1/advies", b"gemeente:\n  naam: X\n---\nfoo: 1\n", {"Content-Type": "application/yaml"})
    controleer(a.status == 422 and [f.get("pad") for f in a.json()["fouten"]] == [None], f"twee documenten: {a.json()}")
    # YAML and JSON syntax.
    for lichaam, type_ in [(b"gemeente: {naam: [\n", "application/yaml"), (b'{"gemeente": {"naam": "x",}', "application/json"),
                           (b"", "application/json"), (b"\xff\xfe\x00", "application/yaml")]:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": type_})
        controleer(a.status == 422 and a.json()["fouten"], f"syntaxfout {lichaam!r}: {a.status}")
    # A syntax error has its place and the command line's Dutch message, and the field it is in where the text
    # up to it tells (http.md: "pad"), in block and flow style and in JSON; where it does not (a tab in the
    # indentation), no path rather than a wrong one.
    syntax = [
        (b'gemeente:\n  naam: "Foutdorp\n  inwoners: 5000\n', "application/yaml", "gemeente.naam"),
        (b"gemeente: {naam: X}\nanalyse:\n  factoren: [toezicht, verloedering\n  rapportage: true\n", "application/yaml",
         "analyse.factoren"),
        (b"gemeente: {naam: X}\nmetingen:\n  - indicator: overlast\n    waarde: 20\n  - indicator: overlast\n"
         b'    waarde: "21\n', "application/yaml", "metingen[2].waarde"),
        (b'{"gemeente": {"naam": "X"},\n "metingen": [{"indicator": "overlast", "waarde": 20},\n'
         b'  {"indicator": "overlast" "waarde": 21}]}', "application/json", "metingen[2]"),
        (b"gemeente:\n  naam X\n  inwoners: 3\n", "application/yaml", "gemeente"),
        (b'{"gemeente": {"naam": "X"}, "analyse": {"factoren": ["toezicht" "verloedering"]}}', "application/json",
         "analyse.factoren"),
        (b"gemeente:\n\tnaam: X\n", "application/yaml", None),
    ]
    for lichaam, type_, verwacht in syntax:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": type_})
        pad = os.path.join(werkmap, "syntax.json" if type_ == "application/json" else "syntax.yaml")
        with open(pad, "wb") as f:
            f.write(lichaam)
        status, _, fout = cli("advies", pad)
        cli_fouten = re.findall(r"^[^\n]*?:(\d+):(\d+): fout: (.*)$", fout.decode(), re.M)
        fouten = a.json()["fouten"] if a.status == 422 else []
        controleer(a.status == 422 and status == 2 and len(fouten) == 1 and cli_fouten and
                   [(str(f.get("regel")), str(f.get("kolom")), f["melding"]) for f in fouten] == cli_fouten and
                   fouten[0]["melding"].startswith("ongeldige YAML: ") and fouten[0].get("pad") == verwacht,
                   f"syntaxfout {lichaam!r}: {a.status} {fouten} tegen {cli_fouten}, pad verwacht {verwacht}")
    # 415: another or no Content-Type.
    for type_ in ["text/plain", "application/xml", "multipart/form-data; boundary=x", None]:
        kop = {"Content-Type": type_} if type_ else {}
        a = vraag(c, "POST", "/api/v1/advies", b"gemeente: {naam: X}\n", kop)
        controleer(a.status == 415 and a.json()["fouten"][0]["melding"], f"Content-Type {type_}: {a.status}")
    # 404 and 405 (with Allow).
    a = vraag(c, "GET", "/bestaat-niet")
    controleer(a.status == 404 and a.json()["fouten"], f"onbekend pad: {a.status}")
    a = vraag(c, "POST", "/api/v1/bestaat-niet", b"{}", {"Content-Type": "application/json"})
    controleer(a.status == 404, f"onbekend API-pad: {a.status}")
    for methode, pad_, allow in [("GET", "/api/v1/advies", "POST"), ("DELETE", "/api/v1/advies", "POST"),
                                 ("POST", "/healthz", "GET"), ("PUT", "/", "GET"), ("POST", "/api/v1/kennisbank", "GET"),
                                 ("GET", "/api/v1/waarom-niet/x", "POST")]:
        a = vraag(c, methode, pad_, b"{}" if methode != "GET" else None, {"Content-Type": "application/json"})
        controleer(a.status == 405 and allow in a.kop.get("allow", "") and a.json()["fouten"],
                   f"{methode} {pad_}: {a.status}, Allow {a.kop.get('allow')}")
    a = vraag(c, "OPTIONS", "/api/v1/advies")
    controleer(a.status == 204 and "POST" in a.kop.get("allow", ""), f"OPTIONS: {a.status}")
    # 413: a body over --max-body, announced (refused before it is read) and chunked.
    # The client goes on sending the refused body, lines that read as requests: the service closes the
    # connection after its answer instead of taking the rest of the body for next requests.
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall(f"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n".encode())
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" * 2000)
    ontvangen = b""
    gesloten = False
    try:
        while True:
            deel = s.recv(65536)
            if not deel:
                gesloten = True
                break
            ontvangen += deel
    except (socket.timeout, ConnectionError):
        pass
    s.close()
    kop = ontvangen.decode(errors="replace")
    controleer(kop.startswith("HTTP/1.1 413"), f"te groot lichaam: {kop[:40]!r}")
    controleer('"fouten"' in kop and sluit_alleen(kop), f"413 zonder foutlichaam, of niet alleen Connection: close: {kop[:400]!r}")
    controleer("het verzoek is groter dan 64 KiB, de grens van deze dienst (--max-body)" in kop, f"413: melding {kop[-120:]!r}")
    controleer(gesloten and kop.count("HTTP/1.1 ") == 1,
               f"na de 413 blijft de verbinding open of volgt nog een antwoord: {kop.count('HTTP/1.1 ')} antwoorden, gesloten {gesloten}")
    c2 = d.verbinding()
    try:
        a = vraag(c2, "POST", "/api/v1/advies", b"# " + b"x" * (MAX_BODY + 10) + b"\n", {"Content-Type": "application/yaml"})
        controleer(a.status == 413, f"te groot lichaam (verstuurd): {a.status}")
    except (ConnectionError, http.client.HTTPException):
        pass  # the service may close before the client has sent it all: refused as well


def test_vijandig(d):
    """Texts from the body never become markup or script; JSON stays valid; never a 5xx."""
    c = d.verbinding()
    namen = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "**vet** [klik](javascript:alert(1)) # kop",
             "Noord & Zuid's \"wijk\"", "</style><svg onload=alert(1)>", "`code` | tabel |\n- lijst"]
    for naam in namen:
        profiel = {"gemeente": {"naam": naam, "inwoners": 30000}, "drijfveer": {"bepaald": True, "soort": "leren"},
                   "bronnen": [{"id": "veiligheidsmonitor"}],
                   "metingen": [{"indicator": "onveilig_buurt", "jaar": 2023, "waarde": 30.0, "gebied": naam, "groep": naam},
                                {"indicator": "onveilig_buurt", "jaar": 2023, "waarde": 20.0}],
                   "analyse": {"uitgevoerd": True, "vragen": ["wie"], "factoren": ["verloedering"]}}
        lichaam = json.dumps(profiel).encode()
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": "application/json"})
        controleer(a.status < 500, f"{naam!r}: status {a.status}")
        try:
            doc = a.json()
        except ValueError:
            controleer(False, f"{naam!r}: geen geldige JSON")
            continue
        if a.status == 200:
            controleer(doc["gemeente"] == naam, f"{naam!r}: naam niet ongeschonden in JSON")
        h = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": "application/json", "Accept": "text/html"})
        controleer(h.status < 500, f"{naam!r} (html): status {h.status}")
        html = h.lichaam.decode(errors="replace")
        for gevaarlijk in ["<script>alert", "<img src=x", "onerror=alert(1)>", "<svg onload", "</style><svg"]:
            controleer(gevaarlijk not in html, f"{naam!r}: {gevaarlijk!r} onontsnapt in het rapport")
        controleer("javascript:" not in html or 'href="javascript:' not in html, f"{naam!r}: javascript-link in het rapport")
        controleer("<script" not in html, f"{naam!r}: script in het rapport")
        controleer(h.kop.get("content-security-policy", "").startswith("default-src 'none'"), "rapport zonder CSP")
        m = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": "application/json", "Accept": "text/markdown"})
        controleer(m.status < 500, f"{naam!r} (markdown): status {m.status}")
    # Control characters are refused with a valid JSON error, wherever they are.
    for lichaam in [b"gemeente: {naam: \"a\\u0007b\"}\n", b"gemeente: {naam: a\x1b[2Jb}\n", b"gemeente: {naam: \"a\x00b\"}\n",
                    '{"gemeente": {"naam": "a\\u001b]0;titel\\u0007"}}'.encode()]:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": "application/yaml"})
        controleer(a.status == 422, f"stuurteken {lichaam!r}: {a.status}")
        try:
            controleer(a.json()["fouten"], f"stuurteken {lichaam!r}: geen fouten")
        except ValueError:
            controleer(False, f"stuurteken {lichaam!r}: geen geldige JSON")
    # Garbage of every kind: a client's fault is never a 5xx.
    for lichaam in [b"\x00" * 100, b"[" * 5000, b"{a: " * 3000, b"a: &x [*x]\n", b"- " * 10000, "ë".encode() * 5000,
                    b"gemeente: !!binary aGVsbG8=\n", b"--- a\n--- b\n", b"gemeente: {naam: X}\nmetingen: " + b"[1," * 2000]:
        a = vraag(c, "POST", "/api/v1/advies", lichaam, {"Content-Type": "application/yaml"})
        controleer(400 <= a.status < 500, f"rommel {lichaam[:20]!r}: {a.status}")
        json.loads(a.lichaam)
    a = vraag(c, "POST", "/api/v1/waarom-niet/%3Cscript%3E", b"gemeente: {naam: X}\n", {"Content-Type": "application/yaml"})
    controleer(a.status == 404 and a.json()["fouten"][0]["melding"].find("<script>") >= 0, "waarom-niet met vreemde regel")


def sluit_alleen(antwoord):
    """Whether an answer (its text from the status line on) closes the connection and says only that: one
    Connection: close and no Keep-Alive, which would promise the opposite."""
    kopregels = antwoord.split("\r\n\r\n")[0].lower()
    return kopregels.count("\r\nconnection: close") == 1 and "\r\nkeep-alive:" not in kopregels


def lees(s, klaar=lambda ontvangen: False, stilte=5):
    """What the service sends on socket s, until klaar(what came so far) holds, it closes, or it is silent
    for `stilte` seconds (a reset counts as closing)."""
    s.settimeout(stilte)
    ontvangen = b""
    try:
        while not klaar(ontvangen):
            deel = s.recv(65536)
            if not deel:
                break
            ontvangen += deel
    except (ConnectionError, socket.timeout):
        pass
    return ontvangen


def tot_kopregels(ontvangen):
    """Whether the status line and headers of an answer are in."""
    return b"\r\n\r\n" in ontvangen


def lees_antwoorden(s, n):
    """Reads n answers (with Content-Length) from socket s: [(status line and headers, body)]."""
    ontvangen = b""
    uit = []
    while len(uit) < n:
        kop_eind = ontvangen.find(b"\r\n\r\n")
        if kop_eind >= 0:
            kop = ontvangen[:kop_eind].decode()
            lengte = int(re.search(r"^Content-Length: (\d+)\r?$", kop, re.M | re.I).group(1))
            if len(ontvangen) >= kop_eind + 4 + lengte:
                uit.append((kop, ontvangen[kop_eind + 4:kop_eind + 4 + lengte]))
                ontvangen = ontvangen[kop_eind + 4 + lengte:]
                continue
        deel = s.recv(65536)
        if not deel:
            break
        ontvangen += deel
    return uit


def test_lichaam_en_pijplijn(d):
    """A body with Content-Length (which the service reads itself), chunked, in pieces or with the next
    request in the same packet (pipelined): the same answer each time, and no request lost."""
    profiel = b'{"gemeente": {"naam": "Pijpstad", "inwoners": 30000}, "drijfveer": {"bepaald": true, "soort": "leren"}}'
    kop = "POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    met_lengte = (kop + f"Content-Length: {len(profiel)}\r\n\r\n").encode() + profiel
    chunked = (kop + "Transfer-Encoding: chunked\r\n\r\n").encode() + f"{len(profiel):x}\r\n".encode() + profiel + b"\r\n0\r\n\r\n"
    gezond = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    antwoorden = {}
    for naam, stukken in [("lengte", [met_lengte]), ("chunked", [chunked]),
                          ("in stukken", [met_lengte[:len(kop) + 5], met_lengte[len(kop) + 5:-7], met_lengte[-7:]]),
                          ("pijplijn", [met_lengte + gezond + met_lengte])]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        for stuk in stukken:
            s.sendall(stuk)
            time.sleep(0.05)
        verwacht = 3 if naam == "pijplijn" else 1
        ontvangen = lees_antwoorden(s, verwacht)
        s.close()
        controleer(len(ontvangen) == verwacht, f"{naam}: {len(ontvangen)} antwoorden in plaats van {verwacht}")
        if not ontvangen:
            continue
        controleer(ontvangen[0][0].startswith("HTTP/1.1 200"), f"{naam}: {ontvangen[0][0][:40]!r}")
        antwoorden[naam] = ontvangen[0]
        if naam == "pijplijn" and len(ontvangen) == 3:
            controleer(ontvangen[1][1] == b"ok\n" and ontvangen[2] == ontvangen[0], "pijplijn: tweede of derde antwoord wijkt af")
    controleer(len(set(antwoorden.values())) == 1, f"het antwoord hangt af van hoe het lichaam kwam: {sorted(antwoorden)}")

    # The report and JSON go out from the worker's buffer, right after their headers: in a pipeline
    # with other answers each body once, whole, in its place, and as on a connection of its own.
    rapport = (kop + f"Accept: text/html\r\nContent-Length: {len(profiel)}\r\n\r\n").encode() + profiel
    los = {}
    for naam, verzoek in [("rapport", rapport), ("json", met_lengte)]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        s.sendall(verzoek)
        los[naam] = lees_antwoorden(s, 1)
        s.close()
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall(rapport + gezond + met_lengte + rapport + rapport)
    ontvangen = lees_antwoorden(s, 5)
    s.sendall(b"GET /bestaat-niet HTTP/1.1\r\nHost: x\r\n\r\n")
    daarna = lees_antwoorden(s, 1)
    s.close()
    controleer(len(ontvangen) == 5 and len(daarna) == 1, f"pijplijn met rapport: {len(ontvangen)} en {len(daarna)} antwoorden")
    if len(ontvangen) == 5 and len(daarna) == 1 and los["rapport"] and los["json"]:
        html, json_ = los["rapport"][0][1], los["json"][0][1]
        controleer(html.startswith(b"<!DOCTYPE html>") and html.endswith(b"</html>\n"), "rapport: geen heel HTML-document")
        controleer([b for _, b in ontvangen] == [html, b"ok\n", json_, html, html],
                   "pijplijn met rapport: een lichaam wijkt af van dat op een eigen verbinding")
        controleer(all("text/html" in k for k, _ in [ontvangen[0], ontvangen[3], ontvangen[4]]), "pijplijn met rapport: Content-Type")
        controleer(daarna[0][0].startswith("HTTP/1.1 404") and b"bestaat-niet" in daarna[0][1],
                   "na de pijplijn: het volgende antwoord is niet dat op het volgende verzoek")


def test_lichaamsvorm(d):
    """How a request frames its body (RFC 9112, section 6), and the limit on what it decodes to: a chunked
    body counts against --max-body as one with Content-Length does; a compressed body (Content-Encoding)
    is refused rather than inflated without a limit; a request without Content-Length or Transfer-Encoding
    has no body (and gets the status of its path and method, without waiting for the read timeout); a
    Content-Length that is no number, or one next to Transfer-Encoding, is a bad request, not a body of
    some other length."""
    profiel = b"gemeente:\n  naam: Stukstad\n"
    kop = "POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
    # Chunked, four times the limit in chunks of 16 KiB: 413 with the error as JSON, and the connection closed.
    stuk = b"#" + b"x" * (16 * 1024 - 2) + b"\n"
    lichaam = f"{len(profiel):x}\r\n".encode() + profiel + b"\r\n" + (f"{len(stuk):x}\r\n".encode() + stuk + b"\r\n") * 16 + b"0\r\n\r\n"
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    try:
        s.sendall((kop + "Transfer-Encoding: chunked\r\n\r\n").encode() + lichaam)
    except ConnectionError:
        pass  # the service may close before the client has sent it all
    ontvangen = lees(s).decode(errors="replace")
    s.close()
    controleer(ontvangen.startswith("HTTP/1.1 413"), f"chunked boven --max-body: {ontvangen[:40]!r}")
    controleer("het verzoek is groter dan 64 KiB, de grens van deze dienst (--max-body)" in ontvangen
               and sluit_alleen(ontvangen) and ontvangen.count("HTTP/1.1 ") == 1,
               f"chunked boven --max-body: {ontvangen[-160:]!r}")
    # Chunked within the limit, in many chunks, with an extension and a trailer: read as one body.
    delen = [profiel[i:i + 5] for i in range(0, len(profiel), 5)]
    lichaam = b"".join(f"{len(x):x};naam=waarde\r\n".encode() + x + b"\r\n" for x in delen) + b"0\r\nX-Naloop: 1\r\n\r\n"
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall((kop + "Transfer-Encoding: Chunked\r\n\r\n").encode() + lichaam + b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    antwoorden = lees_antwoorden(s, 2)
    s.close()
    controleer(len(antwoorden) == 2 and antwoorden[0][0].startswith("HTTP/1.1 200") and b'"Stukstad"' in antwoorden[0][1]
               and antwoorden[1][1] == b"ok\n", f"chunked in stukken: {[a[0][:20] for a in antwoorden]}")
    # A broken chunk size: 400, as JSON, and closed.
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall((kop + "Transfer-Encoding: chunked\r\n\r\n").encode() + b"zz\r\nabc\r\n0\r\n\r\n")
    ontvangen = lees(s).decode(errors="replace")
    s.close()
    controleer(ontvangen.startswith("HTTP/1.1 400") and '"fouten"' in ontvangen, f"kapotte chunk: {ontvangen[:40]!r}")
    # Framing to the letter of RFC 9112 (7.1), since a proxy in front may read it differently (request
    # smuggling): every line ends in CR LF, and after a chunk's size comes nothing or, after optional white
    # space, ';' and an extension. Otherwise a 400 that says so, the connection closed, and what follows
    # (here a request a lenient parser would find in the body) is not answered.
    binnen = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    for naam, lichaam in [("kale LF na de lengte", b"5\ngemee\r\n0\r\n\r\n"),
                          ("kale LF na een stuk", b"5\r\ngemee\n0\r\n\r\n"),
                          ("kale LF na de laatste lengte", b"5\r\ngemee\r\n0\n\r\n"),
                          ("kale LF in de naloop", b"5\r\ngemee\r\n0\r\nX-Naloop: 1\n\r\n"),
                          ("kale LF aan het einde", b"5\r\ngemee\r\n0\r\n\n"),
                          ("CR in een extensie", b"5;a\rb\r\ngemee\r\n0\r\n\r\n"),
                          ("tekst na een spatie", b"5 gemee\r\ngemee\r\n0\r\n\r\n"),
                          ("witruimte zonder extensie", b"5 \r\ngemee\r\n0\r\n\r\n"),
                          ("stuk langer dan zijn lengte", b"3\r\ngemee\r\n0\r\n\r\n")]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        s.sendall((kop + "Transfer-Encoding: chunked\r\n\r\n").encode() + lichaam + binnen)
        ontvangen = lees(s).decode(errors="replace")
        s.close()
        controleer(ontvangen.startswith("HTTP/1.1 400") and ontvangen.count("HTTP/1.1 ") == 1
                   and "het lichaam is niet goed in stukken (chunked) verdeeld: elke regel eindigt op CR LF" in ontvangen
                   and sluit_alleen(ontvangen),
                   f"chunked, {naam}: {ontvangen[:40]!r}, {ontvangen.count('HTTP/1.1 ')} antwoorden")
    # White space before the ';' of an extension is allowed (BWS), as are extensions on the last chunk.
    lichaam = (b"5 ;naam=waarde\r\n" + profiel[:5] + f"\r\n{len(profiel) - 5:x}\t; a=1\r\n".encode() + profiel[5:]
               + b"\r\n0;x\r\n\r\n")
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall((kop + "Transfer-Encoding: chunked\r\n\r\n").encode() + lichaam + binnen)
    antwoorden = lees_antwoorden(s, 2)
    s.close()
    controleer(len(antwoorden) == 2 and antwoorden[0][0].startswith("HTTP/1.1 200") and b'"Stukstad"' in antwoorden[0][1]
               and antwoorden[1][1] == b"ok\n", f"chunked, witruimte voor een extensie: {[a[0][:20] for a in antwoorden]}")

    # gzip: 6 MB of profile in 7 kB. Refused (415), not inflated.
    groot = profiel + b"# " + b"y" * (6 * 1000 * 1000) + b"\n"
    c = d.verbinding()
    a = vraag(c, "POST", "/api/v1/advies", gzip.compress(groot, 9),
              {"Content-Type": "application/yaml", "Content-Encoding": "gzip"})
    controleer(a.status == 415 and "Content-Encoding" in a.json()["fouten"][0]["melding"],
               f"Content-Encoding: gzip: {a.status} {a.lichaam[:160]!r}")
    a = vraag(d.verbinding(), "POST", "/api/v1/advies", profiel, {"Content-Type": "application/yaml", "Content-Encoding": "identity"})
    controleer(a.status == 200, f"Content-Encoding: identity: {a.status}")
    # Two Content-Encoding headers are one list: gzip, then identity, is still compressed.
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    gz = gzip.compress(profiel)
    s.sendall((kop + f"Content-Encoding: gzip\r\nContent-Encoding: identity\r\nContent-Length: {len(gz)}\r\n\r\n").encode() + gz)
    ontvangen = lees(s).decode(errors="replace")
    s.close()
    controleer(ontvangen.startswith("HTTP/1.1 415") and "Content-Encoding: gzip" in ontvangen,
               f"Content-Encoding gzip en identity: {ontvangen[:40]!r}")

    # No Content-Length, no Transfer-Encoding: no body. The status of the path, at once, and the connection
    # goes on with the next request.
    for verzoek, status in [("POST /healthz", 405), ("POST /nergens", 404), ("PUT /api/v1/advies", 405)]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        begin = time.monotonic()
        s.sendall(f"{verzoek} HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        antwoorden = lees_antwoorden(s, 2)
        duur = time.monotonic() - begin
        s.close()
        controleer(len(antwoorden) == 2 and antwoorden[0][0].startswith(f"HTTP/1.1 {status}") and antwoorden[1][1] == b"ok\n",
                   f"{verzoek} zonder lichaam: {[a[0][:20] for a in antwoorden]}")
        controleer(duur < 0.5, f"{verzoek} zonder lichaam: antwoord pas na {duur:.1f} s")
    s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    s.sendall(b"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n")
    antwoorden = lees_antwoorden(s, 1)
    s.close()
    controleer(len(antwoorden) == 1 and antwoorden[0][0].startswith("HTTP/1.1 422") and "het profiel is leeg" in antwoorden[0][1].decode(),
               f"advies zonder lichaam: {antwoorden[:1]!r}")

    # Refused before the body is read, yet counted at the endpoint it was for (http.md: "requests by endpoint
    # and status"), not as an unknown path.
    metingen = vraag(d.verbinding(), "GET", "/metrics").lichaam.decode()
    for status in ["413", "415"]:
        controleer(f'wegwijzer_http_verzoeken_total{{eindpunt="/api/v1/advies",status="{status}"}}' in metingen,
                   f"/metrics: geen {status} bij /api/v1/advies")
    # A Content-Length that is no length, or that disagrees with Transfer-Encoding: 400, and closed.
    for kopregels in ["Content-Length: abc", "Content-Length: -1", "Content-Length: 5, 7",
                      "Content-Length: 5\r\nContent-Length: 7", "Content-Length: 30\r\nTransfer-Encoding: chunked",
                      "Transfer-Encoding: gzip"]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        s.sendall((kop + kopregels + "\r\n\r\n").encode() + f"{len(profiel):x}\r\n".encode() + profiel + b"\r\n0\r\n\r\n")
        ontvangen = lees(s).decode(errors="replace")
        s.close()
        controleer(ontvangen.startswith("HTTP/1.1 400") and '"fouten"' in ontvangen and ontvangen.count("HTTP/1.1 ") == 1,
                   f"{kopregels!r}: {ontvangen[:40]!r}, {ontvangen.count('HTTP/1.1 ')} antwoorden")
        if kopregels == "Content-Length: 5\r\nContent-Length: 7":
            controleer("het verzoek noemt twee verschillende lengtes (Content-Length)" in ontvangen, f"{kopregels!r}: {ontvangen[-120:]!r}")


def test_bereik(d):
    """Range: the service answers whole (RFC 9110 lets a server ignore Range; its answers are small). cpp-httplib
    0.11 answered a range past the end with 416 and an empty body, not the JSON every error has (http.md), and a
    range beyond a short body with 200 and a Content-Range that does not fit it."""
    c = d.verbinding()
    for pad, bereik in [("/healthz", "bytes=999999-"), ("/healthz", "bytes=0-10"), ("/app.js", "bytes=0-9"), ("/", "bytes=-5")]:
        heel = vraag(c, "GET", pad)
        a = vraag(c, "GET", pad, kop={"Range": bereik})
        controleer(a.status == 200 and a.lichaam == heel.lichaam and "content-range" not in a.kop,
                   f"GET {pad} met Range {bereik}: {a.status}, Content-Range {a.kop.get('content-range')}, {len(a.lichaam)} bytes")
    # And it does not promise ranges (cpp-httplib says "Accept-Ranges: bytes" to every HEAD).
    for pad in ["/", "/healthz", "/app.js"]:
        a = vraag(c, "HEAD", pad)
        controleer(a.status == 200 and a.kop.get("accept-ranges") == "none", f"HEAD {pad}: Accept-Ranges {a.kop.get('accept-ranges')}")
    a = vraag(c, "POST", "/api/v1/advies", b"gemeente: {naam: Bereikstad}\n", {"Content-Type": "application/yaml", "Range": "bytes=999999-"})
    controleer(a.status == 200 and a.json()["gemeente"] == "Bereikstad", f"advies met Range: {a.status}")


def test_trage_client(d):
    """A client that sends half a request and stops is cut off after --leestijd (1 s here); others go on."""
    for half in [b"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 100\r\n\r\ngemeente:",
                 b"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Le", b"GET /hea"]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        s.sendall(half)
        begin = time.monotonic()
        c = d.verbinding()
        controleer(vraag(c, "GET", "/healthz").status == 200, "andere verzoeken wachten op een trage client")
        ontvangen = lees(s, tot_kopregels, stilte=10)
        duur = time.monotonic() - begin
        controleer(duur < 3, f"trage client ({half[:20]!r}) na {duur:.1f} s nog niet afgekapt")
        controleer(not ontvangen or ontvangen.startswith(b"HTTP/1.1 4"), f"trage client: {ontvangen[:40]!r}")
        s.close()


def test_afgebroken_lichaam(d):
    """A body cut off by the read timeout is a 400 that closes the connection (the error handler's
    sluit_na_antwoord): what the client sends after it is the rest of that body, not a request of its own."""
    for kop, begin_lichaam in [(b"Content-Length: 100", b"gemeente:"), (b"Transfer-Encoding: chunked", b"64\r\ngemeente:")]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        s.sendall(b"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n" + kop + b"\r\n\r\n" + begin_lichaam)
        eerste = lees(s, tot_kopregels, stilte=10)
        try:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        except OSError:
            pass  # closed already
        rest = lees(s)
        s.close()
        controleer(eerste.startswith(b"HTTP/1.1 400") and sluit_alleen(eerste.decode(errors="replace")),
                   f"afgebroken lichaam ({kop!r}): {eerste[:80]!r}")
        controleer(b"HTTP/1.1 " not in rest, f"afgebroken lichaam ({kop!r}): daarna nog {rest[:40]!r}")


def test_druppelende_client(d):
    """A client that never stalls for --leestijd but sends a byte every half second (slowloris): it held a
    worker for as long as it went on, and --threads of them held the service. A request must be in whole
    within three times --leestijd (3 s here), headers and body alike."""
    for verzoek in [b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Langzaam: " + b"a" * 40 + b"\r\n\r\n",
                    b"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 40\r\n\r\n"
                    + b"# " + b"b" * 37 + b"\n"]:
        s = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
        kop_eind = verzoek.find(b"\r\n\r\n") + 4
        s.sendall(verzoek[:kop_eind - 30] if verzoek.startswith(b"GET") else verzoek[:kop_eind])
        begin = time.monotonic()
        afgekapt = None
        for byte in verzoek[kop_eind - 30 if verzoek.startswith(b"GET") else kop_eind:]:
            try:
                s.send(bytes([byte]))
            except OSError:
                afgekapt = time.monotonic() - begin
                break
            time.sleep(0.5)
            r, _, _ = select.select([s], [], [], 0)
            if r:
                afgekapt = time.monotonic() - begin
                break
        s.close()
        controleer(afgekapt is not None and afgekapt < 4.5,
                   f"druppelende client ({verzoek[:4]!r}): {'niet afgekapt' if afgekapt is None else f'pas na {afgekapt:.1f} s afgekapt'}")


def test_metrics_en_log(d):
    c = d.verbinding()
    a = vraag(c, "GET", "/metrics")
    controleer(a.status == 200 and a.kop.get("content-type", "").startswith("text/plain"), f"/metrics: {a.status}")
    tekst = a.lichaam.decode()
    m = re.search(r'^wegwijzer_http_verzoeken_total\{eindpunt="/api/v1/advies",status="200"\} (\d+)$', tekst, re.M)
    controleer(m and int(m.group(1)) > 100, "metrics: adviesverzoeken niet geteld")
    controleer(re.search(r'^wegwijzer_http_verzoeken_total\{eindpunt="/api/v1/advies",status="422"\} \d+$', tekst, re.M),
               "metrics: 422 niet geteld")
    controleer(re.search(r'^wegwijzer_http_verzoek_duur_seconden_bucket\{eindpunt="/api/v1/advies",le="\+Inf"\} \d+$', tekst, re.M),
               "metrics: geen histogram")
    m = re.search(r"^wegwijzer_raadplegingen_total (\d+)$", tekst, re.M)
    controleer(m and int(m.group(1)) > 100, "metrics: raadplegingen niet geteld")
    m = re.search(r"^process_resident_memory_bytes (\d+)$", tekst, re.M)
    controleer(m and int(m.group(1)) > 1 << 20, "metrics: residentgeheugen")
    controleer('eindpunt="/bestaat-niet"' not in tekst, "metrics: een label per onbekend pad")
    log = d.logtekst().splitlines()
    patroon = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (GET|POST|HEAD|PUT|DELETE|OPTIONS|-) \S+ \d{3} \d+,\dms in=\d+ uit=\d+$")
    verzoeken = [r for r in log if patroon.match(r)]
    controleer(len(verzoeken) > 100, f"log: {len(verzoeken)} regels in het formaat")
    controleer(any(" POST /api/v1/advies 200 " in r for r in verzoeken), "log: geen adviesverzoek")
    # The size of a report the service sent from the worker's buffer, not from the response's string.
    rapport = vraag(c, "POST", "/api/v1/advies", b'{"gemeente": {"naam": "Logstad", "inwoners": 1000}}',
                    {"Content-Type": "application/json", "Accept": "text/html"})
    controleer(rapport.status == 200 and int(rapport.kop.get("content-length", -1)) == len(rapport.lichaam) > 5000,
               f"rapport: status {rapport.status}, Content-Length {rapport.kop.get('content-length')}, {len(rapport.lichaam)} bytes")
    time.sleep(0.2)
    laatste = [r for r in d.logtekst().splitlines() if " POST /api/v1/advies 200 " in r][-1:]
    controleer(laatste and laatste[0].endswith(f" uit={len(rapport.lichaam)}"), f"log: het rapport van {len(rapport.lichaam)} bytes als {laatste}")
    vreemd = [r for r in log if not patroon.match(r)]
    controleer(not vreemd, f"log: regels buiten het formaat: {vreemd[:3]}")


def test_poort_bezet(d):
    r = subprocess.run([WEGWIJZER, "serve", "--poort", str(d.poort)], capture_output=True, env=OMGEVING, timeout=30)
    controleer(r.returncode == 2, f"poort in gebruik: status {r.returncode}")
    controleer("al in gebruik" in r.stderr.decode(), f"poort in gebruik: melding {r.stderr!r}")
    r = subprocess.run([WEGWIJZER, "serve", "--max-body", "veel"], capture_output=True, env=OMGEVING, timeout=30)
    controleer(r.returncode == 2 and "grootte" in r.stderr.decode(), f"--max-body veel: {r.returncode} {r.stderr!r}")


def test_stoppen():
    """SIGTERM: no new connections, requests in flight are finished, one that starts meanwhile gets 503, exit 0."""
    d = Dienst("--threads", "4", "--cors", "https://intranet.example")
    c = d.verbinding()
    a = vraag(c, "GET", "/healthz")
    controleer(a.kop.get("access-control-allow-origin") == "https://intranet.example", "--cors: geen Allow-Origin")
    a = vraag(c, "OPTIONS", "/api/v1/advies", kop={"Origin": "https://intranet.example", "Access-Control-Request-Method": "POST"})
    controleer(a.status == 204 and "POST" in a.kop.get("access-control-allow-methods", ""), "--cors: preflight")
    a = vraag(c, "POST", "/api/v1/advies", b"gemeente: {naam: X}\n", {"Content-Type": "application/yaml"})
    controleer(a.kop.get("vary") == "Origin, Accept", f"--cors: Vary {a.kop.get('vary')!r}")
    with open(os.path.join(BRON, "examples", "02-informatie-alleen-cijfers.yaml"), "rb") as f:
        profiel = f.read()
    lopend = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    lopend.sendall(f"POST /api/v1/advies HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: {len(profiel)}\r\n\r\n".encode()
                   + profiel[:10])
    later = socket.create_connection(("127.0.0.1", d.poort), timeout=10)
    later.sendall(b"GET /hea")
    time.sleep(0.3)
    d.proces.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    try:
        socket.create_connection(("127.0.0.1", d.poort), timeout=2).close()
        controleer(False, "na SIGTERM neemt de dienst nog verbindingen aan")
    except OSError:
        pass
    later.sendall(b"lthz HTTP/1.1\r\nHost: x\r\n\r\n")
    antwoord = later.recv(65536).decode(errors="replace")
    controleer(antwoord.startswith("HTTP/1.1 503") and sluit_alleen(antwoord), f"verzoek tijdens het stoppen: {antwoord[:400]!r}")
    lopend.sendall(profiel[10:])
    antwoord = b""
    while True:
        deel = lopend.recv(65536)
        if not deel:
            break
        antwoord += deel
        if b"\r\n\r\n" in antwoord:
            kop, _, lichaam = antwoord.partition(b"\r\n\r\n")
            m = re.search(rb"Content-Length: (\d+)", kop, re.I)
            if m and len(lichaam) >= int(m.group(1)):
                break
    _, uit, _ = cli("advies", os.path.join(BRON, "examples", "02-informatie-alleen-cijfers.yaml"), "--format", "json")
    controleer(antwoord.startswith(b"HTTP/1.1 200") and antwoord.endswith(uit), f"lopend verzoek niet afgemaakt: {antwoord[:60]!r}")
    status = d.proces.wait(timeout=30)
    controleer(status == 0, f"exitstatus na SIGTERM: {status}")


def test_ongecomprimeerd(d):
    """The service never compresses (the reverse proxy does): a browser's Accept-Encoding changes nothing."""
    pad = os.path.join(BRON, "examples", "03-analyse-wijk-noord.yaml")
    with open(pad, "rb") as f:
        tekst = f.read()
    c = d.verbinding()
    verzoeken = [("POST", "/api/v1/advies", tekst, {"Content-Type": "application/yaml", "Accept": "text/html"}),
                 ("POST", "/api/v1/advies", tekst, {"Content-Type": "application/yaml", "Accept": "text/markdown"}),
                 ("POST", "/api/v1/communicatie", tekst, {"Content-Type": "application/yaml", "Accept": "text/html"}),
                 ("POST", "/api/v1/advies", tekst, {"Content-Type": "application/yaml"}),
                 ("GET", "/", None, {})]
    html = vraag(c, "GET", "/").lichaam.decode()
    for v in sorted(set(re.findall(r'(?:src|href)="([^"#?:]+)"', html))):
        verzoeken.append(("GET", urllib.parse.urljoin("/", v), None, {}))
    for methode, pad_, lichaam, kop in verzoeken:
        zonder = vraag(c, methode, pad_, lichaam, kop)
        controleer(zonder.status == 200, f"{methode} {pad_}: status {zonder.status}")
        for codering in ["gzip, deflate, br, zstd", "br", "gzip", "deflate, gzip;q=1.0, *;q=0.5"]:
            met = vraag(c, methode, pad_, lichaam, dict(kop, **{"Accept-Encoding": codering}))
            controleer("content-encoding" not in met.kop, f"{methode} {pad_} met Accept-Encoding {codering}: {met.kop.get('content-encoding')}")
            controleer(met.status == zonder.status and met.lichaam == zonder.lichaam,
                       f"{methode} {pad_} met Accept-Encoding {codering}: een ander antwoord")
            controleer(met.kop.get("content-type") == zonder.kop.get("content-type"), f"{methode} {pad_}: een ander Content-Type")


def main():
    d = Dienst("--threads", "4", "--max-body", "64KiB", "--leestijd", "1")
    try:
        with tempfile.TemporaryDirectory() as werkmap:
            test_app_en_koppen(d)
            test_eindpunten(d)
            _, verwacht = test_byte_voor_byte(d, werkmap)
            test_openapi_beschrijft_het_advies(d, verwacht)
            test_formaten(d, werkmap)
            test_ongecomprimeerd(d)
            test_fouten(d, werkmap)
            test_vijandig(d)
            test_lichaam_en_pijplijn(d)
            test_lichaamsvorm(d)
            test_bereik(d)
            test_trage_client(d)
            test_afgebroken_lichaam(d)
            test_druppelende_client(d)
            test_poort_bezet(d)
            test_metrics_en_log(d)
        status = d.stop()
        controleer(status == 0, f"exitstatus na SIGTERM: {status}")
    finally:
        if d.proces.poll() is None:
            d.proces.kill()
    test_stoppen()
    if mislukt:
        print(f"{len(mislukt)} controles mislukt", file=sys.stderr)
        return 1
    print("alle controles geslaagd")
    return 0


if __name__ == "__main__":
    sys.exit(main())
