#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The command line for the adviseur: help in Dutch, -V, a suggestion for a mistyped command,
# `sjabloon` (nothing counts until uncommented; uncommented it is a valid profile), `woordenschat`, `functies`,
# and --kleur auto|altijd|nooit with NO_COLOR and TERM=dumb.
set -u
ww=$1
bron=$2
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export XDG_CACHE_HOME="$t/cache"
ok=0
mis=0
goed() { ok=$((ok + 1)); }
fout() { echo "FOUT: $*"; mis=$((mis + 1)); }
esc=$(printf '\033')

# Help in Dutch.
"$ww" --help > "$t/hulp" 2>&1
for w in 'Gebruik:' 'OPTIES' 'Opdrachten:' 'Opties:' 'sjabloon' 'woordenschat' 'schema'; do
    grep -q -- "$w" "$t/hulp" && goed || fout "--help mist '$w'"
done
"$ww" advies --help > "$t/hulp-advies" 2>&1
for w in 'TEKST' 'PROFIEL BESTAND VERPLICHT' '--kb MAP' '--kleur'; do
    grep -q -- "$w" "$t/hulp-advies" && goed || fout "advies --help mist '$w'"
done
# The service's options as docs/dienst.md and the man page name them; a range in Dutch, once.
"$ww" serve --help > "$t/hulp-serve" 2>&1
for w in '--adres ADRES' '--poort N (0 t/m 65535)' '--kb MAP' '--threads N (1 t/m 1024)' '--max-body GROOTTE' '--cors HERKOMST' '--leestijd S (1 t/m 3600)'; do
    grep -q -F -- "$w" "$t/hulp-serve" && goed || fout "serve --help mist '$w'"
done
"$ww" run --help > "$t/hulp-run" 2>&1
grep -q -F -- '--max-firings GETAL (> 0)' "$t/hulp-run" && goed || fout "run --help: $(grep -- --max-firings "$t/hulp-run")"
if grep -E -q 'GETAL:GETAL| in \[|\bINT\b|TEKST' "$t/hulp-serve"; then
    fout "serve --help: $(grep -E 'GETAL:GETAL| in \[|\bINT\b|TEKST' "$t/hulp-serve" | head -n 2)"
else goed; fi
if grep -E -q 'Usage|REQUIRED|\bTEXT\b|Subcommands|Positionals|Options:' "$t/hulp" "$t/hulp-advies"; then
    fout "Engels in de hulp: $(grep -E -h 'Usage|REQUIRED|\bTEXT\b|Subcommands|Positionals|Options:' "$t/hulp" "$t/hulp-advies" | head -n 2)"
else goed; fi

# -V
versie=$(sed -n 's/^project(wegwijzer VERSION \([0-9.]*\).*/\1/p' "$bron/CMakeLists.txt")
[ "$("$ww" -V)" = "wegwijzer $versie" ] && goed || fout "-V gaf '$("$ww" -V)'"
# The same version in every advice (one generated header, rules/versie.hpp).
"$ww" advies "$bron/examples/01-beginnend.yaml" --format json | grep -q "\"programma\": \"wegwijzer $versie\"" && goed ||
    fout "advies --format json noemt niet programma wegwijzer $versie"

# A mistyped command.
"$ww" advise x.yaml > /dev/null 2> "$t/fout"; status=$?
[ $status -eq 2 ] && grep -q "onbekende opdracht 'advise'; bedoelde je 'advies'?" "$t/fout" && goed || fout "advise: status $status, $(cat "$t/fout")"

# sjabloon: as printed, only the name counts.
"$ww" sjabloon > "$t/sjabloon.yaml"; status=$?
[ $status -eq 0 ] && goed || fout "sjabloon: status $status"
actief=$(grep -v -E '^[[:space:]]*(#|$)' "$t/sjabloon.yaml" | sed 's/ *##.*//' | tr '\n' '|')
[ "$actief" = "versie: 1|gemeente:|  naam: Mijn gemeente|" ] && goed || fout "sjabloon: actieve regels '$actief'"
printf 'versie: 1\ngemeente:\n  naam: Mijn gemeente\n' > "$t/minimaal.yaml"
"$ww" advies "$t/sjabloon.yaml" --format json > "$t/sjabloon.json" 2> "$t/fout" || fout "advies op het sjabloon: $(cat "$t/fout")"
"$ww" advies "$t/minimaal.yaml" --format json > "$t/minimaal.json"
cmp -s "$t/sjabloon.json" "$t/minimaal.json" && goed || fout "het sjabloon geeft ander advies dan een profiel met alleen de naam"
# Uncommented (every "# " at the start of a line removed): a valid profile with every section.
sed 's/^# //' "$t/sjabloon.yaml" > "$t/ingevuld.yaml"
"$ww" advies "$t/ingevuld.yaml" --format json > "$t/ingevuld.json" 2> "$t/fout" && goed || fout "het ingevulde sjabloon is geen geldig profiel: $(head -n 3 "$t/fout")"
cmp -s "$t/ingevuld.json" "$t/minimaal.json" && fout "het ingevulde sjabloon geeft hetzelfde advies als een leeg profiel" || goed

# schema: the JSON Schema on standard output; a knowledge base that is not there is an error in Dutch.
"$ww" schema > "$t/schema.json"; status=$?
[ $status -eq 0 ] && grep -q '"\$schema": "https://json-schema.org/draft/2020-12/schema"' "$t/schema.json" && goed || fout "schema: status $status"
"$ww" schema --kb "$t/bestaat-niet" > "$t/uit" 2> "$t/fout"; status=$?
[ $status -eq 2 ] && [ ! -s "$t/uit" ] && grep -q 'fout' "$t/fout" && goed || fout "schema --kb zonder kennisbank: status $status, $(cat "$t/fout")"

# functies: the bundled knowledge base by name and version, not by where it is installed (the list is the
# same on every machine); one the user names, as they named it.
unset WEGWIJZER_KB || true
"$ww" functies > "$t/functies"; status=$?
kop=$(grep '^Eigen functies van ' "$t/functies")
case "$kop" in
    "Eigen functies van de meegeleverde kennisbank CCV Stappenplan Veiligheidsbeleving "*" (functions, docs/regeltaal.md):") goed ;;
    *) fout "functies: kop '$kop' (status $status)" ;;
esac
"$ww" functies --kb "$bron/knowledge-base" | grep -q -F "Eigen functies van de kennisbank $bron/knowledge-base (functions" \
    && goed || fout "functies --kb noemt de map niet zoals gegeven"

# woordenschat: every factor, source and indicator of the knowledge base, with its name.
"$ww" woordenschat > "$t/woorden"; status=$?
[ $status -eq 0 ] && goed || fout "woordenschat: status $status"
for soort in factor bronsoort indicator; do
    for id in $(sed -n "s/.*'$soort(id: \([a-z_-]*\),.*/\1/p" "$bron/knowledge-base/vocabulaire.yaml"); do
        grep -q "^  $id  " "$t/woorden" || { fout "woordenschat mist $soort $id"; continue; }
        goed
    done
done
grep -q '^  toezicht  *toezicht (Versterken veiligheid)$' "$t/woorden" && goed || fout "woordenschat: naam van toezicht"

# Colour.
p=$bron/examples/03-analyse-wijk-noord.yaml
"$ww" advies "$p" --kleur altijd | grep -q "$esc" && goed || fout "--kleur altijd zonder kleur"
NO_COLOR=1 "$ww" advies "$p" --kleur altijd | grep -q "$esc" && goed || fout "--kleur altijd moet NO_COLOR overstemmen"
"$ww" advies "$p" --kleur nooit | grep -q "$esc" && fout "--kleur nooit met kleur" || goed
"$ww" advies "$p" | grep -q "$esc" && fout "kleur in een pijp" || goed
if command -v script > /dev/null 2>&1; then
    # On a terminal (script gives the program one): colour unless NO_COLOR or TERM=dumb.
    TERM=xterm script -qec "$ww advies $p" /dev/null > "$t/tty" 2>&1 </dev/null
    grep -q "$esc" "$t/tty" && goed || fout "auto op een terminal zonder kleur"
    TERM=dumb script -qec "$ww advies $p" /dev/null > "$t/tty" 2>&1 </dev/null
    grep -q "$esc" "$t/tty" && fout "TERM=dumb met kleur" || goed
    TERM=xterm NO_COLOR=1 script -qec "$ww advies $p --kleur auto" /dev/null > "$t/tty" 2>&1 </dev/null
    grep -q "$esc" "$t/tty" && fout "NO_COLOR met kleur" || goed
    TERM=xterm script -qec "$ww advies $p --kleur nooit" /dev/null > "$t/tty" 2>&1 </dev/null
    grep -q "$esc" "$t/tty" && fout "--kleur nooit op een terminal met kleur" || goed
fi
"$ww" advies "$p" --kleur rood > /dev/null 2> "$t/fout"; status=$?
[ $status -eq 2 ] && grep -q "wegwijzer: fout: --kleur: 'rood' is geen van" "$t/fout" && goed || fout "--kleur rood: status $status, $(cat "$t/fout")"

echo "$ok passed, $mis failed"
[ $mis -eq 0 ]
