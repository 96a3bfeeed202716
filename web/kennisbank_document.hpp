// SPDX-License-Identifier: EUPL-1.2
// GET /api/v1/kennisbank: what a client needs to know of the knowledge base in use, as JSON: its name,
// version and content key (as in every advice); every rule with its description, stappenplan section,
// onderwerp and soort; the vocabulary a profile draws from (factors with name and pillar, sources
// with kind, indicators with meaning and direction).
#pragma once

#include <string>

#include "advies/kennisbank.hpp"
#include "engine/engine.hpp"

namespace ww::web {

// `engine` holds the knowledge base's initial facts (a Raadpleging's engine).
std::string kennisbank_document(const advies::Kennisbank& kennisbank, const Engine& engine);

}  // namespace ww::web
