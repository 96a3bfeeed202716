#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# examples/api/advies.py (Python, ctypes over the C API) prints byte for byte the command line's JSON
# for every example profile, and for a bad profile the problems as JSON with exit status 2; its
# groepen() gives the JSON's groups, and an index beyond the list is an argument error, not a crash.
set -eu
python=$1
bibliotheek=$2
wegwijzer=$3
bron=$4
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export XDG_CACHE_HOME="$t/cache"
fout() { echo "FOUT: $*"; exit 1; }

aantal=0
for profiel in "$bron"/examples/*.yaml; do
    naam=$(basename "$profiel" .yaml)
    "$wegwijzer" advies "$profiel" --format json > "$t/cli.json"
    "$python" "$bron/examples/api/advies.py" "$profiel" --bibliotheek "$bibliotheek" > "$t/py.json" 2> "$t/fout" \
        || { cat "$t/fout"; fout "advies.py $naam"; }
    cmp -s "$t/cli.json" "$t/py.json" || { diff "$t/cli.json" "$t/py.json" | head; fout "$naam: Python geeft andere JSON"; }
    aantal=$((aantal + 1))
done
[ "$aantal" -gt 0 ] || fout "geen voorbeeldprofielen"

printf 'gemeente:\n  naam: Testdorp\n\tinwoners: 5000\n' > "$t/tab.yaml"
status=0
"$python" "$bron/examples/api/advies.py" "$t/tab.yaml" --bibliotheek "$bibliotheek" > "$t/uit" 2> "$t/fout" || status=$?
[ "$status" = 2 ] || { cat "$t/fout"; fout "fout profiel: status $status, verwacht 2"; }
[ ! -s "$t/uit" ] || fout "fout profiel gaf toch uitvoer"
"$python" - "$t/fout" <<'PY' || fout "fout profiel: JSON"
import json, sys
fouten = json.load(open(sys.argv[1]))["fouten"]
assert len(fouten) >= 1, fouten
assert fouten[0]["regel"] == 3, fouten
assert fouten[0]["bestand"].endswith("tab.yaml"), fouten
assert fouten[0]["melding"], fouten
PY
"$python" - "$bron/examples/api" "$bibliotheek" "$bron/examples" <<'PY' || fout "groepen via ctypes"
import ctypes, glob, json, os, sys
sys.path.insert(0, sys.argv[1])
from advies import Wegwijzer, WEGWIJZER_FOUT_ARGUMENT, WEGWIJZER_OK

with Wegwijzer(sys.argv[2]) as ww:
    gezien = set()
    for pad in sorted(glob.glob(os.path.join(sys.argv[3], "*.yaml"))):
        profiel = open(pad, "rb").read()
        uit_json = [a["groep"] for a in json.loads(ww.advies(profiel))["adviezen"]]
        groepen = ww.groepen(profiel)
        assert groepen == uit_json, (pad, groepen, uit_json)
        gezien.update(groepen)
    assert gezien == {"nu_doen", "waarschuwingen", "verder"}, gezien
    # Beyond the list, and without an advice: an argument error, the group left as it was.
    lib = ww._lib
    profiel = open(os.path.join(sys.argv[3], "05-acties-los-van-analyse.yaml"), "rb").read()
    adviezen = ctypes.c_void_p()
    assert lib.wegwijzer_raadpleeg(ww._kb, profiel, len(profiel), None, 0, ctypes.byref(adviezen), None) == WEGWIJZER_OK
    aantal = lib.wegwijzer_adviezen_aantal(adviezen)
    groep = ctypes.c_int(7)
    assert lib.wegwijzer_adviezen_groep(adviezen, aantal, ctypes.byref(groep)) == WEGWIJZER_FOUT_ARGUMENT
    assert lib.wegwijzer_adviezen_groep(None, 0, ctypes.byref(groep)) == WEGWIJZER_FOUT_ARGUMENT
    assert groep.value == 7, groep.value
    assert lib.wegwijzer_groep_naam(3) is None
    lib.wegwijzer_adviezen_sluit(adviezen)
PY
echo "python: in orde ($aantal profielen)"
