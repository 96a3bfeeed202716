# SPDX-License-Identifier: EUPL-1.2
# `cpack -G DEB` in the build directory: two Debian packages,
#   wegwijzer_VERSION_amd64.deb           the program, the knowledge base, libwegwijzer.so.N, man page,
#                                          bash completion, docs, license
#   libwegwijzer-dev_VERSION_amd64.deb    headers, the CMake package and wegwijzer.pc
# The dependencies on Debian's shared libraries come from dpkg-shlibdeps: the program itself (lean
# linked by default, cmake/LeanLink.cmake) needs only libc, libwegwijzer and wegwijzer-dienst need
# libstdc++, yaml-cpp, fmt and cpp-httplib.
set(CPACK_PACKAGE_NAME wegwijzer)
set(CPACK_PACKAGE_VENDOR "wegwijzer")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "advies over lokaal veiligheidsbeleid volgens het stappenplan Veiligheidsbeleving")
set(CPACK_PACKAGE_CONTACT "wegwijzer <wegwijzer@localhost>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_COMPONENT_PROGRAMMA_GROUP wegwijzer)
set(CPACK_COMPONENT_BIBLIOTHEEK_GROUP wegwijzer)
set(CPACK_COMPONENT_ONTWIKKELING_GROUP ontwikkeling)
set(CPACK_COMPONENTS_ALL programma bibliotheek ontwikkeling)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A program linked with packed relative relocations (cmake/LeanLink.cmake) needs glibc 2.36's DT_RELR, which
# dpkg-shlibdeps does not see: it reads only the versioned symbols, which say 2.35. CPack appends what
# dpkg-shlibdeps finds to this.
if(WW_PACK_RELATIVE_RELOCS)
  set(CPACK_DEBIAN_WEGWIJZER_PACKAGE_DEPENDS "libc6 (>= 2.36)")
endif()
set(CPACK_DEBIAN_WEGWIJZER_PACKAGE_NAME wegwijzer)
set(CPACK_DEBIAN_WEGWIJZER_DESCRIPTION "advies over lokaal veiligheidsbeleid volgens het stappenplan Veiligheidsbeleving
 wegwijzer legt een gemeenteprofiel (YAML) naast het CCV-stappenplan Veiligheidsbeleving
 en geeft geordend advies: waar de gemeente staat, wat ontbreekt, wat de volgende stap is,
 en waarom. Met de C- en C++-bibliotheek libwegwijzer.")
set(CPACK_DEBIAN_ONTWIKKELING_PACKAGE_NAME libwegwijzer-dev)
set(CPACK_DEBIAN_ONTWIKKELING_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_ONTWIKKELING_PACKAGE_DEPENDS "wegwijzer (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_ONTWIKKELING_DESCRIPTION "wegwijzer: headers, CMake-pakket en pkg-config voor libwegwijzer
 Om wegwijzer in een eigen programma te gebruiken: wegwijzer.h (C) en wegwijzer.hpp (C++),
 find_package(wegwijzer) en pkg-config wegwijzer.")
include(CPack)
