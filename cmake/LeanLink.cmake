# SPDX-License-Identifier: EUPL-1.2
# ww_lean_link(TARGET): link a program with libstdc++, libgcc and yaml-cpp static and fmt from its
# own copy of fmt's compiled part (fmt_header_only.cpp), dropping unused sections. Same code and
# compiler flags; what goes is the work of the dynamic loader (relocating and binding the shared
# libstdc++, yaml-cpp and fmt at every start: 2.2 M of the 18.1 M instructions of a cold `wegwijzer
# advies`) and the resident pages of those libraries (docs/prestaties.md, "Koud").
# Not under the sanitizers, whose runtimes expect the shared libstdc++, nor when Debian's static
# yaml-cpp is missing: then the program links as usual, and configuring says so.
# On by default, also for our own .deb (README.md, "Installeren, pakket, bibliotheek", says why); the
# service program and libwegwijzer keep linking the shared libraries. WW_LEAN_LINK=OFF links the
# program as distributions do. The benchmark runner always links lean (ALTIJD): its figures stand next to
# CLIPS's in docs/prestaties.md and should not move with the build's packaging choice.
option(WW_LEAN_LINK "Link the program with static libstdc++ and yaml-cpp (a standalone binary)" ON)
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
  # The static libstdc++ brings some 3,800 relative relocations (vtables, typeinfo, tables of
  # pointers); packed (DT_RELR, binutils 2.38 and glibc 2.36, Debian 12 has both) the loader
  # applies them as a bitmap, a few instructions per word instead of a loop step per entry.
  include(CheckLinkerFlag)
  check_linker_flag(CXX "LINKER:-z,pack-relative-relocs" WW_PACK_RELATIVE_RELOCS)
  if(WW_PACK_RELATIVE_RELOCS)
    target_link_options(${target} PRIVATE LINKER:-z,pack-relative-relocs)
  endif()
endfunction()
