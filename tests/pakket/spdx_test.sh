#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# scripts/spdx on a small tree of its own: --controleer names each file without a header and fails;
# adding puts the header after a shebang or on the first line, in the file's comment syntax, keeps
# scripts executable and leaves test data alone; afterwards --controleer passes.
set -eu
spdx=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cd "$t"
git init -q .
mkdir -p src tests/bad-input/cases
printf '#pragma once\nint f();\n' > src/a.hpp
printf 'regels: []\n' > src/r.yaml
printf 'add_library(a a.cpp)\n' > src/CMakeLists.txt
printf '#!/bin/sh\necho hallo\n' > run && chmod +x run
printf '// SPDX-License-Identifier: EUPL-1.2\nint g();\n' > src/b.hpp
printf 'gemeente: X\n\tfout: 1\n' > tests/bad-input/cases/tab.yaml
printf 'gewone tekst\n' > LEESMIJ.txt
git add -A

if "$spdx" --controleer . > uit 2>&1; then echo "FOUT: --controleer slaagde op bestanden zonder kop"; exit 1; fi
for f in src/a.hpp src/r.yaml src/CMakeLists.txt run; do
    grep -q "^$f: " uit || { echo "FOUT: $f niet genoemd"; cat uit; exit 1; }
done
for f in src/b.hpp tests/bad-input/cases/tab.yaml LEESMIJ.txt; do
    if grep -q "^$f: " uit; then echo "FOUT: $f ten onrechte genoemd"; exit 1; fi
done

"$spdx" . > /dev/null
[ "$(head -n 1 src/a.hpp)" = "// SPDX-License-Identifier: EUPL-1.2" ] || { echo "FOUT: a.hpp"; head -n 2 src/a.hpp; exit 1; }
[ "$(sed -n 2p src/a.hpp)" = "#pragma once" ] || { echo "FOUT: a.hpp inhoud"; exit 1; }
[ "$(head -n 1 src/r.yaml)" = "# SPDX-License-Identifier: EUPL-1.2" ] || { echo "FOUT: r.yaml"; exit 1; }
[ "$(head -n 1 src/CMakeLists.txt)" = "# SPDX-License-Identifier: EUPL-1.2" ] || { echo "FOUT: CMakeLists.txt"; exit 1; }
[ "$(head -n 1 run)" = "#!/bin/sh" ] && [ "$(sed -n 2p run)" = "# SPDX-License-Identifier: EUPL-1.2" ] || { echo "FOUT: run"; cat run; exit 1; }
[ -x run ] || { echo "FOUT: run is niet meer uitvoerbaar"; exit 1; }
[ "$(./run)" = hallo ] || { echo "FOUT: run werkt niet meer"; exit 1; }
[ "$(grep -c SPDX src/b.hpp)" = 1 ] || { echo "FOUT: b.hpp kreeg een tweede kop"; exit 1; }
[ "$(head -n 1 tests/bad-input/cases/tab.yaml)" = "gemeente: X" ] || { echo "FOUT: testinvoer veranderd"; exit 1; }
"$spdx" --controleer . || { echo "FOUT: --controleer faalt na toevoegen"; exit 1; }
echo "spdx: in orde"
