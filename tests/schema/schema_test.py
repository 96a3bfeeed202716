# SPDX-License-Identifier: EUPL-1.2
"""The JSON Schema of the gemeenteprofiel (`wegwijzer schema`) against the profile reader.

Gebruik: schema_test.py WEGWIJZER KENNISBANK VOORBEELDEN SCENARIO'S ONGELDIG

- The printed schema is a valid draft 2020-12 schema, the same text run after run, with the
  vocabulary's ids (as `wegwijzer woordenschat` lists them) as enums and their names as titles.
- Every example profile, every scenario profile and the filled-in `wegwijzer sjabloon` are valid
  against it.
- Every profile in ONGELDIG (*.yaml, each saying in its first comment what is wrong) is rejected by
  the schema and by `wegwijzer advies` with exit status 2.
- Generated from the schema itself: a complete profile (every key, at valid values) is accepted by
  both; for every constraint (type, enum, minimum, maximum, exclusiveMinimum, required,
  additionalProperties, pattern) a profile that violates it is rejected by both; and at every
  boundary and every empty optional key, a profile the reader accepts is accepted by the schema.
- Contradicting facts, which the advice names as warnings, are valid for both.
"""
import concurrent.futures
import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

wegwijzer, kb, voorbeelden, scenarios, ongeldig = sys.argv[1:6]
fouten = []


def fout(tekst):
    fouten.append(tekst)
    print("FOUT:", tekst)


class Yaml12Loader(yaml.SafeLoader):
    """YAML as the profile reader types it (the core schema of YAML 1.2): only true/false are booleans,
    no dates, no yes/no; quoted scalars stay text."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, patroon, begin in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(patroon), list(begin))


def draai(*args, invoer=None):
    return subprocess.run([wegwijzer, *args], capture_output=True, text=True, input=invoer)


# --- The schema itself ---------------------------------------------------------------------------
r = draai("schema", "--kb", kb)
if r.returncode != 0 or r.stderr:
    sys.exit(f"wegwijzer schema: status {r.returncode}: {r.stderr}")
tekst = r.stdout
if draai("schema", "--kb", kb).stdout != tekst:
    fout("wegwijzer schema geeft niet twee keer dezelfde tekst")
schema = json.loads(tekst)
jsonschema.Draft202012Validator.check_schema(schema)
if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
    fout(f"$schema is {schema.get('$schema')!r}")
validator = jsonschema.Draft202012Validator(schema)

# The vocabulary: the ids of `wegwijzer woordenschat`, in its order, with a title for each.
woordenschat = draai("woordenschat", "--kb", kb).stdout
blokken = {"Factoren": "factor", "Bronnen": "bron", "Indicatoren": "indicator"}
huidig = None
ids = {d: [] for d in blokken.values()}
for regel in woordenschat.splitlines():
    if not regel.startswith(" ") and regel.strip():
        huidig = next((d for kop, d in blokken.items() if regel.startswith(kop)), None)
    elif huidig and regel.strip():
        ids[huidig].append(regel.split()[0])
for naam, lijst in ids.items():
    d = schema["$defs"][naam]
    if not lijst or d["enum"] != lijst:
        fout(f"$defs/{naam}: enum {d['enum']} is niet de woordenschat {lijst}")
    if [e["const"] for e in d["oneOf"]] != lijst or not all(e.get("title") for e in d["oneOf"]):
        fout(f"$defs/{naam}: niet elke id met een titel")
if schema["$defs"]["factor"]["oneOf"][1] != {"const": "verloedering", "title": "fysieke verloedering"}:
    fout(f"factor verloedering: {schema['$defs']['factor']['oneOf'][1]}")

# --- Valid profiles --------------------------------------------------------------------------------
profielen = []
for pad in sorted(glob.glob(os.path.join(voorbeelden, "*.yaml"))):
    with open(pad, encoding="utf-8") as f:
        profielen.append((os.path.basename(pad), yaml.load(f, Loader=Yaml12Loader)))
aantal_scenarios = 0
for pad in sorted(glob.glob(os.path.join(scenarios, "*.yaml"))):
    with open(pad, encoding="utf-8") as f:
        for i, doc in enumerate(yaml.load_all(f, Loader=Yaml12Loader)):
            if isinstance(doc, dict) and "profiel" in doc:
                aantal_scenarios += 1
                profielen.append((f"{os.path.basename(pad)} scenario {i + 1}", doc["profiel"]))
if aantal_scenarios < 100:
    fout(f"maar {aantal_scenarios} scenario's gevonden in {scenarios}")
# `wegwijzer sjabloon` with every field switched on (each "# " at the start of a line removed).
sjabloon = re.sub(r"(?m)^# ", "", draai("sjabloon").stdout)
profielen.append(("het ingevulde sjabloon", yaml.load(sjabloon, Loader=Yaml12Loader)))
for naam, profiel in profielen:
    for e in validator.iter_errors(profiel):
        fout(f"{naam}: geldig voor het programma, niet voor het schema: {e.json_path}: {e.message}")

werkmap = tempfile.mkdtemp(prefix="ww-schema-")
gevallen = []  # (name, profile, accepted): judged together at the end, the program runs in parallel


def advies(nr, profiel):
    """Status, standard error and standard output of `wegwijzer advies` on the profile, written as JSON."""
    pad = os.path.join(werkmap, f"p{nr}.json")
    with open(pad, "w", encoding="utf-8") as f:
        json.dump(profiel, f, ensure_ascii=False)
    r = draai("advies", pad, "--kb", kb, "--format", "json")
    os.remove(pad)
    return r.returncode, r.stderr, r.stdout


def beide_weigeren(naam, profiel):
    gevallen.append((naam, profiel, False))


def beide_nemen_aan(naam, profiel):
    gevallen.append((naam, profiel, True))


def beoordeel():
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        uitslagen = list(pool.map(lambda g: advies(g[0], g[1][1]), enumerate(gevallen)))
    for (naam, profiel, geldig), (status, melding, uit) in zip(gevallen, uitslagen):
        schema_fouten = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(profiel)]
        if geldig:
            if status != 0:
                fout(f"{naam}: het programma geeft status {status}: {melding[:300]}")
            if schema_fouten:
                fout(f"{naam}: het programma neemt aan, het schema niet: {schema_fouten[:3]}")
        else:
            if not schema_fouten:
                fout(f"{naam}: het schema neemt aan wat het programma moet weigeren")
            if status != 2 or ": fout: " not in melding:
                fout(f"{naam}: het schema weigert, het programma geeft status {status}: {melding[:200]}")
    return uitslagen


# --- Hand-written invalid profiles -----------------------------------------------------------------
ongeldige = sorted(glob.glob(os.path.join(ongeldig, "*.yaml")))
if len(ongeldige) < 10:
    fout(f"maar {len(ongeldige)} ongeldige profielen in {ongeldig}")
for pad in ongeldige:
    with open(pad, encoding="utf-8") as f:
        beide_weigeren(os.path.basename(pad), yaml.load(f, Loader=Yaml12Loader))

# --- Generated from the schema ---------------------------------------------------------------------


def los_op(s):
    """The schema of a value: a $ref or an anyOf with null resolved to the word's definition."""
    if "$ref" in s:
        return schema["$defs"][s["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in s:
        return los_op(next(a for a in s["anyOf"] if a.get("type") != "null"))
    return s


def typen(s):
    t = los_op(s).get("type", [])
    return [t] if isinstance(t, str) else t


def geldige_waarde(s):
    s = los_op(s)
    t = typen(s)
    if "enum" in s:
        return next(w for w in s["enum"] if w is not None)
    if "examples" in s:
        return s["examples"][0]
    if "object" in t:
        return {k: geldige_waarde(v) for k, v in s["properties"].items()}
    if "array" in t:
        return [geldige_waarde(s["items"])]
    if "boolean" in t and "string" not in t:
        return True
    if "integer" in t or "number" in t:
        laag = s.get("minimum", s.get("exclusiveMinimum", 0))
        hoog = s.get("maximum", laag + 10)
        return (laag + hoog) // 2 if "integer" in t else (laag + hoog) / 2
    return "Noord"


volledig = geldige_waarde(schema)
beide_nemen_aan("het volledige profiel", volledig)


def zet(profiel, pad, waarde):
    p = copy.deepcopy(profiel)
    x = p
    for k in pad[:-1]:
        x = x[k]
    x[pad[-1]] = waarde
    return p


def zonder(profiel, pad):
    p = copy.deepcopy(profiel)
    x = p
    for k in pad[:-1]:
        x = x[k]
    del x[pad[-1]]
    return p


def naam_van(pad):
    return ".".join(str(k) for k in pad) or "het profiel"


def andere_soort(t):
    """A value of a type that `t` does not allow."""
    if "string" not in t:
        return "tekst"
    return ["een", "lijst"]


gecontroleerd = set()


def controleer(s, pad):
    """Every constraint of the schema at `pad`, violated in the complete profile; and its edges kept."""
    s_eigen = s
    s = los_op(s)
    t = typen(s)
    naam = naam_van(pad)
    if pad:
        beide_weigeren(f"{naam}: verkeerde soort", zet(volledig, pad, andere_soort(t)))
        gecontroleerd.add("type")
        mag_null = "null" in typen(s_eigen) or any(a.get("type") == "null" for a in s_eigen.get("anyOf", []))
        if mag_null:
            beide_nemen_aan(f"{naam}: leeg", zet(volledig, pad, None))
        else:
            beide_weigeren(f"{naam}: leeg terwijl het verplicht is", zet(volledig, pad, None))
    if "enum" in s:
        beide_weigeren(f"{naam}: geen woord uit de lijst", zet(volledig, pad, 2 if "integer" in t else "geen_woord"))
        gecontroleerd.add("enum")
        # Every word of the contract's own lists; of the vocabulary's the first and the last (the
        # vocabulary itself is compared with `wegwijzer woordenschat` above).
        woorden = [w for w in s["enum"] if w is not None]
        for w in woorden if s_eigen is s else [woorden[0], woorden[-1]]:
            beide_nemen_aan(f"{naam}: {w}", zet(volledig, pad, w))
    if "minimum" in s:
        beide_weigeren(f"{naam}: onder het minimum", zet(volledig, pad, s["minimum"] - 1))
        beide_nemen_aan(f"{naam}: het minimum", zet(volledig, pad, s["minimum"]))
        gecontroleerd.add("minimum")
    if "maximum" in s:
        beide_weigeren(f"{naam}: boven het maximum", zet(volledig, pad, s["maximum"] + (1 if "integer" in t else 0.5)))
        beide_nemen_aan(f"{naam}: het maximum", zet(volledig, pad, s["maximum"]))
        gecontroleerd.add("maximum")
    if "exclusiveMinimum" in s:
        beide_weigeren(f"{naam}: niet groter dan het minimum", zet(volledig, pad, s["exclusiveMinimum"]))
        gecontroleerd.add("exclusiveMinimum")
    if "integer" in t:
        beide_weigeren(f"{naam}: geen geheel getal", zet(volledig, pad, 1.5))
        gecontroleerd.add("integer")
    for w in s.get("examples", []):
        beide_nemen_aan(f"{naam}: {w}", zet(volledig, pad, w))
    if "examples" in s:
        beide_weigeren(f"{naam}: geen veld", zet(volledig, pad, "drijfveer.kleur"))
        beide_weigeren(f"{naam}: rij 0", zet(volledig, pad, "metingen[0].marge"))
    if "pattern" in s or "minLength" in s:
        beide_weigeren(f"{naam}: alleen spaties", zet(volledig, pad, " \t "))
        beide_weigeren(f"{naam}: alleen harde spaties", zet(volledig, pad, "\u00a0\u202f\u3000"))
        if "minLength" in s:  # a free text that must not be empty, not a field path
            beide_nemen_aan(f"{naam}: harde spaties eromheen", zet(volledig, pad, "\u00a0Noord\u00a0"))
        beide_weigeren(f"{naam}: lege tekst", zet(volledig, pad, ""))
        gecontroleerd.add("pattern")
    if "string" in t and "number" in t and "enum" not in s:
        # The reader takes any scalar as text; so does the schema.
        beide_nemen_aan(f"{naam}: een getal als tekst", zet(volledig, pad, 12))
    if "object" in t:
        for k in s.get("required", []):
            beide_weigeren(f"{naam}: zonder {k}", zonder(volledig, pad + [k]))
            gecontroleerd.add("required")
        if s.get("additionalProperties") is False:
            beide_weigeren(f"{naam}: onbekende sleutel", zet(volledig, pad + ["onbekende_sleutel"], True))
            gecontroleerd.add("additionalProperties")
        for k, v in s["properties"].items():
            controleer(v, pad + [k])
    if "array" in t:
        controleer(s["items"], pad + [0])


controleer(schema, [])
for soort in ["type", "enum", "minimum", "maximum", "exclusiveMinimum", "integer", "pattern", "required",
              "additionalProperties"]:
    if soort not in gecontroleerd:
        fout(f"geen enkele beperking '{soort}' gevonden in het schema")

# --- Contradictions are warnings, not input errors -------------------------------------------------
tegenstrijdig = {
    "versie": 1,
    "gemeente": {"naam": "Tegenstad"},
    "drijfveer": {"bepaald": False, "soort": "streven"},
    "metingen": [{"indicator": "oordeel_gemeente", "waarde": 55, "jaar": 2023}],
    "analyse": {"uitgevoerd": False, "factoren": ["toezicht", "toezicht"], "problematisch": "ja", "rapportage": True,
                "vragen": ["wie", "wie"]},
    "communicatie": {"boodschappen": [{"onderwerp": "inbraak", "buikpijn": "ja"},
                                      {"onderwerp": "inbraak", "buikpijn": "nee"}]},
    "beleid": {"smart": {"gekozen": False, "indicator": "oordeel_gemeente", "daling_pct": 10, "termijn_jaren": 4},
               "ivp": {"prioritaire_factoren": ["nazorg", "nazorg"]}},
    "evaluatie": {"aspecten": ["effect", "effect"]},
}
beide_nemen_aan("tegenstrijdige feiten", tegenstrijdig)
uit = beoordeel()[-1][2]
if uit.count('"soort": "waarschuwing"') < 5:
    fout(f"tegenstrijdige feiten: het advies geeft {uit.count(chr(34) + 'soort' + chr(34) + ': ' + chr(34) + 'waarschuwing')} "
         "waarschuwingen, niet één per tegenstrijdigheid en herhaling")

print(f"{len(profielen)} geldige profielen ({aantal_scenarios} scenario's), {len(ongeldige)} ongeldige, "
      f"{len(gevallen)} keer wegwijzer advies; {len(fouten)} fouten")
sys.exit(1 if fouten else 0)
