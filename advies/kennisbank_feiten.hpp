// SPDX-License-Identifier: EUPL-1.2
// Reading the knowledge base's own facts (its factors, sources, indicators and their names), and what a
// consultation derived from them (the report's target and nulmeting figures), from an engine that loaded
// it. The vocabulary (vocabulaire.hpp), the report (rapport_gegevens.hpp) and `wegwijzer woordenschat`
// (woordenschat.hpp) read them alike: a template or slot the knowledge base lacks, or a value of another
// type, reads as nothing or empty, never as an error (another knowledge base need not name everything
// this one does).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/engine.hpp"

namespace ww::advies {

// Slot `naam` of `f` as text; "" when the template lacks it or it is no text.
std::string kb_tekst(const Engine& engine, const Fact& f, std::string_view naam);

// Whether slot `naam` of `f` is the boolean true (false when the template lacks it).
bool kb_waar(const Engine& engine, const Fact& f, std::string_view naam);

// Slot `naam` of `f` as a number, and rounded to a whole number; absent when the template lacks it or
// it is no number.
std::optional<double> kb_getal(const Engine& engine, const Fact& f, std::string_view naam);
std::optional<long long> kb_geheel(const Engine& engine, const Fact& f, std::string_view naam);

// `doe` for every fact of template `sjabloon`, in the engine's order; none when the knowledge base
// has no such template.
template <typename F>
void per_feit(const Engine& engine, std::string_view sjabloon, F&& doe) {
    const auto id = engine.find_template(sjabloon);
    if (!id) return;
    for (const Fact* f : engine.facts_of(*id)) doe(*f);
}

}  // namespace ww::advies
