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
# cpp-httplib for `wegwijzer serve`: Debian ships it as a shared library (built with OpenSSL, zlib and
# brotli support, hence its compile definitions), found through pkg-config.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
endif()
if(NOT HTTPLIB_FOUND)
  message(FATAL_ERROR
    "wegwijzer: 'cpp-httplib' niet gevonden. Installeer het Debian-pakket 'libcpp-httplib-dev' "
    "(sudo apt-get install libcpp-httplib-dev pkg-config) of draai scripts/install-deps.")
endif()
find_package(Threads REQUIRED)
if(WW_TESTS)
  ww_require(GTest libgtest-dev)
endif()
if(WW_BENCH)
  ww_require(benchmark libbenchmark-dev)
endif()
