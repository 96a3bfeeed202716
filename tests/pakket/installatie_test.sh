#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Installs the build into a throwaway prefix and uses it as an outside developer would:
#   - the installed program finds its knowledge base next to itself; a copy elsewhere finds none and
#     says where it looked (no silent fallback to the build machine), unless WEGWIJZER_KB names one;
#   - a consumer project builds with find_package(wegwijzer), another with pkg-config (C and C++);
#   - each gives byte for byte the command line's JSON for every example profile, and the problems
#     of a bad profile as JSON with exit status 2;
#   - the installed `wegwijzer serve` (which hands over to libexec/wegwijzer/wegwijzer-dienst) finds the
#     same knowledge base, answers the command line's JSON and stops with status 0 on SIGTERM.
set -eu
bouw=$1
bron=$2
t=$(mktemp -d)
dienst=""
trap '[ -z "$dienst" ] || kill "$dienst" 2>/dev/null; rm -rf "$t"' EXIT
export XDG_CACHE_HOME="$t/cache"
unset WEGWIJZER_KB || true
fout() { echo "FOUT: $*"; exit 1; }

cmake --install "$bouw" --prefix "$t/prefix" > "$t/install.log" || { cat "$t/install.log"; fout "cmake --install"; }
p=$t/prefix
libdir=$(dirname "$(find "$p" -name 'libwegwijzer.so' | head -n 1)")
[ -n "$libdir" ] || fout "geen libwegwijzer.so geïnstalleerd"
for f in bin/wegwijzer include/wegwijzer/wegwijzer.h include/wegwijzer/wegwijzer.hpp \
         share/wegwijzer/knowledge-base/invoer.yaml share/man/man1/wegwijzer.1.gz \
         share/bash-completion/completions/wegwijzer share/doc/wegwijzer/copyright share/doc/wegwijzer/NOTICE; do
    [ -e "$p/$f" ] || fout "$f ontbreekt in de installatie"
done
for f in cmake/wegwijzer/wegwijzerConfig.cmake cmake/wegwijzer/wegwijzerConfigVersion.cmake \
         cmake/wegwijzer/wegwijzerTargets.cmake pkgconfig/wegwijzer.pc; do
    [ -e "$libdir/$f" ] || fout "$libdir/$f ontbreekt in de installatie"
done
[ -n "$(find "$libdir" -name 'libwegwijzer.so.0' -type l)" ] || fout "libwegwijzer.so.0 (soname) ontbreekt"

# The installed program, run from the prefix with no hint where the knowledge base is.
mkdir -p "$t/ref"
for profiel in "$bron"/examples/*.yaml; do
    naam=$(basename "$profiel" .yaml)
    "$p/bin/wegwijzer" advies "$profiel" --format json > "$t/ref/$naam.json" || fout "geïnstalleerd programma, $naam"
    "$bouw/wegwijzer" advies "$profiel" --format json | cmp -s - "$t/ref/$naam.json" || fout "$naam: geïnstalleerd programma wijkt af van de build"
done

# A copy of the program outside any prefix or build tree: an error naming where it looked.
mkdir -p "$t/elders"
cp "$p/bin/wegwijzer" "$t/elders/wegwijzer"
status=0
"$t/elders/wegwijzer" advies "$bron/examples/01-beginnend.yaml" > "$t/uit" 2> "$t/fout" || status=$?
[ "$status" = 2 ] || fout "kopie zonder kennisbank: status $status, verwacht 2"
[ ! -s "$t/uit" ] || fout "kopie zonder kennisbank schreef toch advies"
grep -q "geen kennisbank gevonden (gezocht: $t/elders/../share/wegwijzer/knowledge-base\|geen kennisbank gevonden (gezocht: .*share/wegwijzer/knowledge-base (naast het programma))" "$t/fout" || { cat "$t/fout"; fout "melding van de kopie"; }
grep -q "WEGWIJZER_KB" "$t/fout" || fout "melding noemt WEGWIJZER_KB niet"
WEGWIJZER_KB="$p/share/wegwijzer/knowledge-base" "$t/elders/wegwijzer" advies "$bron/examples/01-beginnend.yaml" --format json \
    | cmp -s - "$t/ref/01-beginnend.json" || fout "kopie met WEGWIJZER_KB"
status=0
WEGWIJZER_KB="$t/bestaat-niet" "$p/bin/wegwijzer" advies "$bron/examples/01-beginnend.yaml" > /dev/null 2> "$t/fout" || status=$?
[ "$status" = 2 ] && grep -q "$t/bestaat-niet (WEGWIJZER_KB)" "$t/fout" || { cat "$t/fout"; fout "WEGWIJZER_KB naar een map die niet bestaat: status $status"; }

# Consumer 1: CMake, find_package(wegwijzer), the C++ and the C example.
cmake -S "$bron/examples/api" -B "$t/cmake" -DCMAKE_PREFIX_PATH="$p" -DCMAKE_BUILD_TYPE=Release > "$t/cmake.log" 2>&1 \
    || { cat "$t/cmake.log"; fout "find_package(wegwijzer)"; }
cmake --build "$t/cmake" > "$t/cmake-bouw.log" 2>&1 || { cat "$t/cmake-bouw.log"; fout "bouwen met find_package"; }

# Consumer 2: pkg-config, the same two examples built by hand.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
[ "$(pkg-config --modversion wegwijzer)" = "$(sed -n 's/^project(wegwijzer VERSION \([0-9.]*\).*/\1/p' "$bron/CMakeLists.txt")" ] || fout "pkg-config --modversion"
mkdir -p "$t/pc"
# shellcheck disable=SC2046
c++ -std=c++17 -o "$t/pc/advies-cpp" "$bron/examples/api/advies.cpp" $(pkg-config --cflags --libs wegwijzer) -Wl,-rpath,"$libdir" \
    || fout "C++ bouwen met pkg-config"
# shellcheck disable=SC2046
cc -std=c99 -o "$t/pc/advies-c" "$bron/examples/api/advies.c" $(pkg-config --cflags --libs wegwijzer) -Wl,-rpath,"$libdir" \
    || fout "C bouwen met pkg-config"

aantal=0
for profiel in "$bron"/examples/*.yaml; do
    naam=$(basename "$profiel" .yaml)
    for prog in "$t/cmake/advies-cpp" "$t/cmake/advies-c" "$t/pc/advies-cpp" "$t/pc/advies-c"; do
        "$prog" "$profiel" 2> "$t/fout" > "$t/uit" || { cat "$t/fout"; fout "$prog $naam"; }
        cmp -s "$t/uit" "$t/ref/$naam.json" || { diff "$t/uit" "$t/ref/$naam.json" | head; fout "$prog $naam: andere JSON dan de command line"; }
        aantal=$((aantal + 1))
    done
done

# The human formats through the C++ API: the command line's text and markdown (factor names, not ids).
for soort in tekst markdown; do
    formaat=$soort; [ "$soort" = tekst ] && formaat=text
    "$t/cmake/advies-cpp" "$bron/examples/03-analyse-wijk-noord.yaml" "$soort" > "$t/uit" 2> "$t/fout" || { cat "$t/fout"; fout "advies-cpp $soort"; }
    "$bouw/wegwijzer" advies "$bron/examples/03-analyse-wijk-noord.yaml" --format "$formaat" > "$t/ref/03.$soort"
    cmp -s "$t/uit" "$t/ref/03.$soort" || { diff "$t/uit" "$t/ref/03.$soort" | head; fout "advies-cpp $soort: anders dan de command line"; }
    aantal=$((aantal + 1))
done

# A bad profile: status 2 and the problems as JSON, with their positions.
printf 'gemeente:\n  naam: Testdorp\nmetingen: 12\n' > "$t/fout.yaml"
status=0
"$t/pc/advies-c" "$t/fout.yaml" > "$t/uit" 2> "$t/fout" || status=$?
[ "$status" = 2 ] || fout "fout profiel via C: status $status"
grep -q '^{"fouten":\[{"bestand":".*fout.yaml","regel":3,"kolom":11,"melding":"' "$t/fout" || { cat "$t/fout"; fout "fout profiel via C: JSON"; }
status=0
"$t/cmake/advies-cpp" "$t/fout.yaml" > "$t/uit" 2> "$t/fout" || status=$?
[ "$status" = 2 ] && grep -q 'fout.yaml:3:11: fout: ' "$t/fout" || { cat "$t/fout"; fout "fout profiel via C++: status $status"; }

# The installed service, as the systemd unit of docs/dienst.md starts it, from another directory.
(cd / && exec "$p/bin/wegwijzer" serve --poort 0) > "$t/dienst.uit" 2> "$t/dienst.fout" &
dienst=$!
poort=""
for _ in $(seq 1 100); do
    poort=$(sed -n 's|^wegwijzer luistert op http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$t/dienst.uit")
    [ -n "$poort" ] || ! kill -0 "$dienst" 2>/dev/null && break
    sleep 0.1
done
[ -n "$poort" ] || { cat "$t/dienst.fout"; fout "de geïnstalleerde wegwijzer serve start niet"; }
python3 - "$poort" "$bron/examples/03-analyse-wijk-noord.yaml" > "$t/uit" <<'PY' || fout "POST /api/v1/advies aan de geïnstalleerde dienst"
import sys, urllib.request
with open(sys.argv[2], "rb") as f:
    verzoek = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/api/v1/advies", data=f.read(),
                                     headers={"Content-Type": "application/yaml"})
with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
    sys.stdout.buffer.write(antwoord.read())
PY
cmp -s "$t/uit" "$t/ref/03-analyse-wijk-noord.json" || { diff "$t/uit" "$t/ref/03-analyse-wijk-noord.json" | head; fout "geïnstalleerde dienst: andere JSON dan de command line"; }
kill -TERM "$dienst"
status=0
wait "$dienst" || status=$?
dienst=""
[ "$status" = 0 ] || { cat "$t/dienst.fout"; fout "geïnstalleerde dienst stopte op SIGTERM met status $status"; }
aantal=$((aantal + 1))

echo "installatie: in orde ($aantal vergelijkingen met de command line)"
