# SPDX-License-Identifier: EUPL-1.2
# Run by ww_bed_in (cmake/Inbedden.cmake) at build time: writes UITVOER, a C++ source holding every
# file in BESTANDEN (paths under MAP) as a byte array, and the function NAAM listing them.
string(REPLACE "|" ";" BESTANDEN "${BESTANDEN}")
set(tekst "// Gemaakt door cmake/inbedden_script.cmake uit ${MAP}; niet met de hand wijzigen.\n")
string(APPEND tekst "#include \"web/ingebed_bestand.hpp\"\n\nnamespace ww::web {\n\nnamespace {\n\n")
set(tabel "")
set(i 0)
foreach(bestand IN LISTS BESTANDEN)
  file(RELATIVE_PATH pad "${MAP}" "${bestand}")
  file(READ "${bestand}" hex HEX)
  string(LENGTH "${hex}" lengte)
  math(EXPR grootte "${lengte} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # An empty file still needs an array with an element; its size is the file's, not the array's.
  string(APPEND tekst "const unsigned char b${i}[] = {${bytes}0};\n")
  string(APPEND tabel "    {\"${pad}\", b${i}, ${grootte}},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND tekst "\n// Sorted by path, as CMake listed them.\nconst IngebedBestand tabel[] = {\n${tabel}    {\"\", nullptr, 0},\n};\n\n}  // namespace\n\n")
string(APPEND tekst "std::span<const IngebedBestand> ${NAAM}() { return {tabel, ${i}}; }\n\n}  // namespace ww::web\n")
file(WRITE "${UITVOER}" "${tekst}")
