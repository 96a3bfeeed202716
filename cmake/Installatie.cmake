# SPDX-License-Identifier: EUPL-1.2
# What `cmake --install` puts where (GNUInstallDirs), in three components:
#   programma     bin/wegwijzer, the knowledge base, man page, bash completion, docs, license
#   bibliotheek   libwegwijzer.so.N (it finds the knowledge base the same way: ../share/wegwijzer)
#   ontwikkeling  headers, libwegwijzer.so, the CMake package (wegwijzer::wegwijzer), wegwijzer.pc
include(CMakePackageConfigHelpers)

install(TARGETS wegwijzer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT programma)
install(DIRECTORY knowledge-base/ DESTINATION ${WW_KB_INSTALL_DIR} COMPONENT programma)

install(TARGETS wegwijzer_lib EXPORT wegwijzerTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT bibliotheek NAMELINK_COMPONENT ontwikkeling
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/wegwijzer DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT ontwikkeling)

set(WW_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/wegwijzer)
install(EXPORT wegwijzerTargets NAMESPACE wegwijzer:: DESTINATION ${WW_CMAKE_DIR} COMPONENT ontwikkeling)
configure_package_config_file(cmake/pakket/wegwijzerConfig.cmake.in
  ${PROJECT_BINARY_DIR}/wegwijzerConfig.cmake INSTALL_DESTINATION ${WW_CMAKE_DIR})
# The soname follows the major version, and within a soname the interface only grows (the ABI test
# tests/api/symbolen.txt): a later minor version has all an earlier one had, so it serves a request for
# that one, in 0.x too (find_package(wegwijzer 0.1) takes 0.2). A break gets a new major version.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/wegwijzerConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/wegwijzerConfig.cmake ${PROJECT_BINARY_DIR}/wegwijzerConfigVersion.cmake
  DESTINATION ${WW_CMAKE_DIR} COMPONENT ontwikkeling)

# pkg-config: relocatable (prefix from where the .pc file is), so that an install with --prefix or
# DESTDIR works without reconfiguring.
file(RELATIVE_PATH WW_PC_NAAR_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" WW_PC_NAAR_PREFIX "${WW_PC_NAAR_PREFIX}")
configure_file(cmake/pakket/wegwijzer.pc.in ${PROJECT_BINARY_DIR}/wegwijzer.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/wegwijzer.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT ontwikkeling)

# Man page (gzip -9n as Debian wants it, when gzip is there), bash completion, docs, license.
set(ww_man ${PROJECT_SOURCE_DIR}/docs/wegwijzer.1)
find_program(WW_GZIP gzip)
if(WW_GZIP)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/wegwijzer.1.gz
    COMMAND ${WW_GZIP} -9n -c ${ww_man} > ${PROJECT_BINARY_DIR}/wegwijzer.1.gz
    DEPENDS ${ww_man} VERBATIM)
  add_custom_target(ww_man ALL DEPENDS ${PROJECT_BINARY_DIR}/wegwijzer.1.gz)
  set(ww_man ${PROJECT_BINARY_DIR}/wegwijzer.1.gz)
endif()
install(FILES ${ww_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT programma)
install(FILES cmake/pakket/wegwijzer.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME wegwijzer COMPONENT programma)
install(FILES README.md NOTICE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT programma)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright COMPONENT programma)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs COMPONENT programma FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT programma)
