# SPDX-License-Identifier: EUPL-1.2
# find_package for every dependency, each with the Debian package that provides it.
# scripts/install-deps installs them all.

macro(ww_require package debian)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "wegwijzer: '${package}' niet gevonden. Installeer het Debian-pakket '${debian}' "
      "(sudo apt-get install ${debian}) of draai scripts/install-deps.")
  endif()
endmacro()

ww_require(Boost libboost-dev 1.74)
ww_require(yaml-cpp libyaml-cpp-dev)
ww_require(fmt libfmt-dev)
ww_require(CLI11 libcli11-dev)
ww_require(nlohmann_json nlohmann-json3-dev)
if(WW_TESTS)
  ww_require(GTest libgtest-dev)
endif()
if(WW_BENCH)
  ww_require(benchmark libbenchmark-dev)
endif()
