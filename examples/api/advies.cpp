// SPDX-License-Identifier: EUPL-1.2
// wegwijzer from C++: advice for a gemeenteprofiel, as JSON (or text, markdown) on standard output,
// exactly what `wegwijzer advies PROFIEL --format json` writes.
//
//   advies-cpp PROFIEL [json|tekst|markdown]
//
// Build (docs/api.md): find_package(wegwijzer) and target_link_libraries(... wegwijzer::wegwijzer),
// or  g++ -std=c++17 advies.cpp $(pkg-config --cflags --libs wegwijzer)
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <wegwijzer/wegwijzer.hpp>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "gebruik: advies-cpp PROFIEL [json|tekst|markdown]\n";
        return 2;
    }
    const std::string pad = argv[1];
    const std::string soort = argc > 2 ? argv[2] : "json";
    const auto formaat = soort == "tekst" ? wegwijzer::Formaat::tekst
                         : soort == "markdown" ? wegwijzer::Formaat::markdown
                                               : wegwijzer::Formaat::json;
    std::ifstream in(pad, std::ios::binary);
    if (!in) {
        std::cerr << pad << ": kan niet gelezen worden\n";
        return 2;
    }
    std::ostringstream tekst;
    tekst << in.rdbuf();

    try {
        // The bundled knowledge base ($WEGWIJZER_KB, else the one installed with the library). A
        // Kennisbank may be shared by threads; a Raadpleging is for one thread at a time.
        const auto kennisbank = wegwijzer::Kennisbank::standaard();
        wegwijzer::Raadpleging raadpleging(kennisbank);

        // The advice as data ...
        const wegwijzer::Advies advies = raadpleging.advies(tekst.str(), wegwijzer::Opdracht::advies, false, pad);
        std::cerr << advies.gemeente << ": stap " << advies.huidige_stap << ", " << advies.adviezen.size()
                  << " adviezen\n";
        // ... and in one of the contract's formats, as `wegwijzer advies --format ...` writes it.
        std::cout << raadpleging.advies_als(tekst.str(), formaat, wegwijzer::Opdracht::advies, false, pad);
        return 0;
    } catch (const wegwijzer::Fout& fout) {
        // Every problem, in the command line's format (what()) or as JSON (json()).
        std::cerr << fout.what();
        return 2;
    }
}
