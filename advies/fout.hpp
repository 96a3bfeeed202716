// A problem with the user's input, reported as `BESTAND:REGEL:KOLOM: fout: MELDING`.
#pragma once

#include <string>
#include <vector>

namespace ww::advies {

struct Fout {
    std::string bestand;
    int regel = 1;   // from 1
    int kolom = 1;   // from 1
    std::string melding;
};

std::string formatteer(const Fout& fout);
// All problems, one per line, in the order found (which is document order).
std::string formatteer(const std::vector<Fout>& fouten);

// Thrown where carrying a list of problems back up is not worth the plumbing (knowledge base that
// does not fit the program, unreadable files); the cli turns it into exit status 2.
struct InvoerFout {
    std::vector<Fout> fouten;
};

}  // namespace ww::advies
