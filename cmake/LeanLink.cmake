# SPDX-License-Identifier: EUPL-1.2
# ww_lean_link(TARGET): link a program with libstdc++, libgcc and yaml-cpp static and fmt from its
# headers, dropping unused sections. Same code and compiler flags; what goes is the work of the
# dynamic loader (relocating and binding the shared libstdc++, yaml-cpp and fmt at every start: about
# a third of a cold `wegwijzer advies`) and the resident pages of those libraries (docs/prestaties.md).
# Not under the sanitizers, whose runtimes expect the shared libstdc++, nor when Debian's static
# yaml-cpp is missing: then the program links as usual, and configuring says so.
# The program links as distributions do (shared system libraries) unless WW_LEAN_LINK=ON asks for a
# standalone download. The benchmark runner always links lean (ALTIJD): its figures stand next to
# CLIPS's in docs/prestaties.md and should not move with the build's packaging choice.
option(WW_LEAN_LINK "Link the program with static libstdc++ and yaml-cpp (a standalone binary)" OFF)
find_library(WW_YAML_CPP_STATIC NAMES libyaml-cpp.a)

function(ww_lean_link target)
  cmake_parse_arguments(PARSE_ARGV 1 ww "ALTIJD" "" "")
  if(WW_SANITIZE OR NOT WW_YAML_CPP_STATIC OR NOT (WW_LEAN_LINK OR ww_ALTIJD))
    message(STATUS "${target}: gewoon gelinkt (WW_LEAN_LINK uit, sanitizers aan of libyaml-cpp.a ontbreekt)")
    return()
  endif()
  target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/fmt_header_only.cpp)
  # After the project's libraries on the link line, so the archive resolves their yaml-cpp
  # references; --as-needed then drops the shared libyaml-cpp and libfmt they name.
  target_link_libraries(${target} PRIVATE ${WW_YAML_CPP_STATIC})
  target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc LINKER:--as-needed LINKER:--gc-sections)
endfunction()
