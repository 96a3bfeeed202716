#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# wegwijzer pulled into another project with add_subdirectory (as FetchContent does): configuring
# works, the knowledge-base path points into wegwijzer's source (not the consumer's), the build-tree
# check uses wegwijzer's own build directory, and tests, benchmarks and install rules stay out.
# Only configured: building it all again would take minutes, and the installed library is built and
# used by installatie_test.sh.
set -eu
bron=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fout() { echo "FOUT: $*"; exit 1; }
mkdir -p "$t/consument"
cat > "$t/consument/CMakeLists.txt" <<EOT
cmake_minimum_required(VERSION 3.20)
project(consument CXX)
add_subdirectory("$bron" wegwijzer)
add_executable(consument main.cpp)
target_link_libraries(consument PRIVATE wegwijzer::wegwijzer)
EOT
printf '#include <wegwijzer/wegwijzer.hpp>\nint main() { return wegwijzer::versie().empty(); }\n' > "$t/consument/main.cpp"
cmake -S "$t/consument" -B "$t/b" -DCMAKE_BUILD_TYPE=Release > "$t/log" 2>&1 || { cat "$t/log"; fout "configureren met add_subdirectory"; }
vlaggen=$t/b/wegwijzer/advies/CMakeFiles/ww_advies.dir/flags.make
[ -f "$vlaggen" ] || fout "$vlaggen ontbreekt"
grep -F -q "WW_KB_BRON=\"$bron/knowledge-base\"" "$vlaggen" || { grep -o 'WW_KB_BRON=[^ ]*' "$vlaggen"; fout "WW_KB_BRON wijst niet naar de broncode van wegwijzer"; }
grep -F -q "WW_BOUWMAP=\"$t/b/wegwijzer\"" "$vlaggen" || { grep -o 'WW_BOUWMAP=[^ ]*' "$vlaggen"; fout "WW_BOUWMAP is niet de buildmap van wegwijzer"; }
grep -q "$t/consument/knowledge-base" "$vlaggen" && fout "pad naar de kennisbank in het project van de consument"
cmake --build "$t/b" --target help > "$t/doelen"
grep -q '\.\.\. wegwijzer_lib' "$t/doelen" || fout "doel wegwijzer_lib ontbreekt"
grep -q '\.\.\. consument' "$t/doelen" || fout "doel consument ontbreekt"
grep -E -q '\.\.\. (advies_tests|engine_tests|ww_advies_warm|install)$' "$t/doelen" && fout "tests, benchmarks of install in een ander project"
echo "add_subdirectory: in orde"
