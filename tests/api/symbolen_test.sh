#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The ABI of libwegwijzer: the symbols it exports for the two public headers are exactly those of
# tests/api/symbolen.txt (mangled, so that a changed signature is a changed name). A symbol gone or
# changed breaks every program built against an earlier release of the same soname; a new one is
# added to the list on purpose, with docs/api.md and the CHANGELOG.
#
#   symbolen_test.sh LIBWEGWIJZER.SO SYMBOLEN.TXT
set -eu
bibliotheek=$1
lijst=$2
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fout() { echo "FOUT: $*"; exit 1; }

nm -D --defined-only "$bibliotheek" > "$t/nm" || fout "nm -D $bibliotheek"
awk '{ print $3 }' "$t/nm" | LC_ALL=C sort -u > "$t/alle"
c++filt < "$t/alle" > "$t/leesbaar"
# The library's own: the C functions, the namespace wegwijzer and the type information of its classes
# (not the standard library's, which come along with its templates).
paste "$t/alle" "$t/leesbaar" | awk -F '\t' '
    $2 ~ /^wegwijzer/ || $2 ~ /^(typeinfo|typeinfo name|vtable) for wegwijzer::/ { print $1 }' > "$t/export"
grep -v '^#' "$lijst" | grep -v '^$' | LC_ALL=C sort -u > "$t/verwacht"

LC_ALL=C comm -23 "$t/verwacht" "$t/export" > "$t/weg"
LC_ALL=C comm -13 "$t/verwacht" "$t/export" > "$t/nieuw"
if [ -s "$t/weg" ]; then
    echo "Niet meer geëxporteerd (breekt de ABI van libwegwijzer.so.0):"
    c++filt < "$t/weg" | sed 's/^/  /'
fi
if [ -s "$t/nieuw" ]; then
    echo "Nieuw geëxporteerd, niet in $lijst (zet het erin als het zo bedoeld is):"
    while IFS= read -r m; do printf '  %s  (%s)\n' "$m" "$(echo "$m" | c++filt)"; done < "$t/nieuw"
fi
[ ! -s "$t/weg" ] && [ ! -s "$t/nieuw" ] || exit 1
echo "symbolen: in orde ($(wc -l < "$t/export") geëxporteerd, zoals $lijst)"
