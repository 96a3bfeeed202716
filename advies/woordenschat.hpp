// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer woordenschat`: the ids a profile may use for factors, sources and indicators, with
// their names, from the knowledge base's vocabulary.
#pragma once

#include <string>

namespace ww {
class Engine;
}

namespace ww::advies {

// The engine holds the knowledge base's initial facts.
std::string woordenschat_tekst(const Engine& engine);

}  // namespace ww::advies
