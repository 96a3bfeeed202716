#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# examples/api/advies.py (Python, ctypes over the C API) prints byte for byte the command line's JSON
# for every example profile, and for a bad profile the problems as JSON with exit status 2.
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
echo "python: in orde ($aantal profielen)"
