# SPDX-License-Identifier: EUPL-1.2
# ww_bed_in(UITVOER NAAM MAP): every file under MAP (recursively; names starting with '.' skipped; no
# '|' in a path)
# becomes a byte array in the generated C++ source UITVOER, with a function
#   std::span<const ww::web::IngebedBestand> NAAM();
# listing them sorted by their path relative to MAP (web/ingebed_bestand.hpp). The program serves
# them from memory: nothing is read from disk at run time, and no request path can name a file.
# The list of files is taken when configuring (CONFIGURE_DEPENDS: a new file re-runs it); the
# contents at build time.
set(WW_INBEDDEN_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/inbedden_script.cmake")

function(ww_bed_in uitvoer naam map)
  file(GLOB_RECURSE bestanden CONFIGURE_DEPENDS LIST_DIRECTORIES false "${map}/*")
  list(FILTER bestanden EXCLUDE REGEX "/\\.[^/]*$")
  list(SORT bestanden)
  # As one argument: a list would become several on the command line.
  string(REPLACE ";" "|" lijst "${bestanden}")
  add_custom_command(OUTPUT "${uitvoer}"
    COMMAND ${CMAKE_COMMAND} -DUITVOER=${uitvoer} -DNAAM=${naam} -DMAP=${map} "-DBESTANDEN=${lijst}"
            -P "${WW_INBEDDEN_SCRIPT}"
    DEPENDS ${bestanden} "${WW_INBEDDEN_SCRIPT}"
    COMMENT "Ingebedde bestanden ${naam}"
    VERBATIM)
endfunction()
