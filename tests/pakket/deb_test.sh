#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# `cpack -G DEB` builds wegwijzer_VERSION_amd64.deb (and libwegwijzer-dev); the package is installed
# with dpkg into a throwaway root (its own dpkg database; CI has no network for a chroot with apt), and
# from there `wegwijzer advies` works with the packaged knowledge base and `man` shows the page.
set -eu
bouw=$1
bron=$2
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export XDG_CACHE_HOME="$t/cache"
unset WEGWIJZER_KB || true
fout() { echo "FOUT: $*"; exit 1; }

versie=$(sed -n 's/^project(wegwijzer VERSION \([0-9.]*\).*/\1/p' "$bron/CMakeLists.txt")
arch=$(dpkg --print-architecture)
(cd "$bouw" && cpack -G DEB -B "$t/pakketten" > "$t/cpack.log" 2>&1) || { cat "$t/cpack.log"; fout "cpack -G DEB"; }
deb=$t/pakketten/wegwijzer_${versie}_${arch}.deb
dev=$t/pakketten/libwegwijzer-dev_${versie}_${arch}.deb
[ -f "$deb" ] || { ls "$t/pakketten"; fout "wegwijzer_${versie}_${arch}.deb ontbreekt"; }
[ -f "$dev" ] || { ls "$t/pakketten"; fout "libwegwijzer-dev_${versie}_${arch}.deb ontbreekt"; }

[ "$(dpkg-deb -f "$deb" Package)" = wegwijzer ] || fout "Package"
[ "$(dpkg-deb -f "$deb" Version)" = "$versie" ] || fout "Version"
dpkg-deb -f "$deb" Depends | grep -q 'libc6' || fout "Depends noemt libc6 niet: $(dpkg-deb -f "$deb" Depends)"
# Packed relative relocations (DT_RELR) need glibc 2.36; dpkg-shlibdeps alone says 2.35.
if readelf -d "$bouw/wegwijzer" | grep -q '(RELR)'; then
    dpkg-deb -f "$deb" Depends | grep -q 'libc6 (>= 2.36)' ||
        fout "het programma gebruikt DT_RELR, maar Depends vraagt geen libc6 (>= 2.36): $(dpkg-deb -f "$deb" Depends)"
fi
# A program linked against Debian's shared libraries (the default) must depend on their packages.
for bib in libyaml-cpp libfmt; do
    if ldd "$bouw/wegwijzer" | grep -q "$bib"; then
        dpkg-deb -f "$deb" Depends | grep -q "$bib" || fout "Depends noemt $bib niet: $(dpkg-deb -f "$deb" Depends)"
    fi
done
dpkg-deb -c "$deb" > "$t/inhoud"
for f in ./usr/bin/wegwijzer ./usr/share/wegwijzer/knowledge-base/invoer.yaml ./usr/share/man/man1/wegwijzer.1.gz \
         ./usr/share/bash-completion/completions/wegwijzer ./usr/share/doc/wegwijzer/copyright \
         ./usr/share/doc/wegwijzer/NOTICE ./usr/share/doc/wegwijzer/README.md \
         ./usr/share/wegwijzer/gemeenteprofiel.schema.json; do
    grep -q " $f\$" "$t/inhoud" || fout "$f ontbreekt in het pakket"
done
grep -q ' ./usr/lib/.*libwegwijzer\.so\.0' "$t/inhoud" || fout "libwegwijzer.so.0 ontbreekt in het pakket"
dpkg-deb -c "$dev" | grep -q ' ./usr/include/wegwijzer/wegwijzer.h$' || fout "wegwijzer.h ontbreekt in libwegwijzer-dev"

# Installed by dpkg into an empty root with a database of its own.
r=$t/root
mkdir -p "$r/var/lib/dpkg/info" "$r/var/lib/dpkg/updates"
touch "$r/var/lib/dpkg/status"
dpkg --root="$r" --force-depends --force-script-chrootless -i "$deb" > "$t/dpkg.log" 2>&1 || { cat "$t/dpkg.log"; fout "dpkg -i"; }
dpkg --root="$r" -s wegwijzer 2>/dev/null | grep -q '^Status: install ok installed' || fout "dpkg -s: niet geïnstalleerd"

mkdir -p "$t/ref"
for profiel in "$bron"/examples/*.yaml; do
    naam=$(basename "$profiel" .yaml)
    "$r/usr/bin/wegwijzer" advies "$profiel" --format json > "$t/uit" 2> "$t/fout" || { cat "$t/fout"; fout "wegwijzer advies $naam uit het pakket"; }
    "$bouw/wegwijzer" advies "$profiel" --format json | cmp -s - "$t/uit" || fout "$naam: pakket wijkt af van de build"
done
"$r/usr/bin/wegwijzer" -V | grep -q "^wegwijzer $versie\$" || fout "wegwijzer -V"
"$r/usr/bin/wegwijzer" schema | cmp -s - "$r/usr/share/wegwijzer/gemeenteprofiel.schema.json" ||
    fout "gemeenteprofiel.schema.json in het pakket wijkt af van wegwijzer schema"

MANWIDTH=80 man -l "$r/usr/share/man/man1/wegwijzer.1.gz" > "$t/man" 2> "$t/man.fout" || { cat "$t/man.fout"; fout "man -l"; }
tr -s " " < "$t/man" | grep -q "advies over lokaal veiligheidsbeleid" || fout "man: NAAM ontbreekt"
grep -q 'WEGWIJZER_KB' "$t/man" || fout "man: OMGEVING ontbreekt"
echo "deb: in orde ($(basename "$deb"), $(wc -l < "$t/inhoud") bestanden)"
