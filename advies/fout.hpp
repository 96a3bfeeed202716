// SPDX-License-Identifier: EUPL-1.2
// A problem with the user's input: the project-wide Diagnostic, printed as
// `BESTAND:REGEL:KOLOM: fout: MELDING` with the source line and a caret.
#pragma once

#include <string>
#include <vector>

#include "rules/diagnostic.hpp"

namespace ww::advies {

using Fout = ww::Diagnostic;

// All problems, each in the project's format, in order of position.
std::string formatteer(std::vector<Fout> fouten);

// Thrown where carrying a list of problems back up is not worth the plumbing (a knowledge base that
// does not fit the program, an unreadable file); the cli reports them and exits with status 2.
struct InvoerFout : std::exception {
    explicit InvoerFout(std::vector<Fout> f) : fouten(std::move(f)) {}
    const char* what() const noexcept override { return "invoer bevat fouten"; }
    std::vector<Fout> fouten;
};

}  // namespace ww::advies
