// SPDX-License-Identifier: EUPL-1.2
// The program's version, from CMake's project(VERSION) through one generated header
// (cmake/versie.hpp.in): in the advice (advies::programma), the library (wegwijzer::versie), -V and
// the key of a knowledge-base image. It lives in the lowest layer that needs it, the image's.
#pragma once

#include <string_view>

namespace ww {

std::string_view versie();                // "0.2.0"
std::string_view programma_met_versie();  // "wegwijzer 0.2.0"

}  // namespace ww
