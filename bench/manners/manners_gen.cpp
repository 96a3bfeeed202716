// SPDX-License-Identifier: EUPL-1.2
// manners_gen: Miss Manners data as a CLIPS deffacts file in the classic form
// `(guest (name n1) (sex m) (hobby h1))`, plus last_seat, count and context.
//
// Guests alternate in sex and each has 2 or 3 of 3 hobbies, so any two guests share a hobby and,
// with as many men as women, the depth-first search never has to backtrack: the run does the same
// work in every engine. bench/clips2ww turns the file into wegwijzer facts.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

int main(int argc, char** argv) {
    CLI::App app{"Maakt Miss Manners-gegevens (CLIPS deffacts)."};
    int guests = 0;
    std::uint32_t seed = 1;
    std::string output = "-";
    app.add_option("gasten", guests, "aantal gasten (even, 2 of meer)")->required();
    app.add_option("--seed", seed, "zaad van de toevalsgenerator (zelfde zaad, zelfde gegevens)");
    app.add_option("-o,--uitvoer", output, "CLIPS-bestand; '-' is stdout");
    CLI11_PARSE(app, argc, argv);
    if (guests < 2 || guests % 2 != 0) {
        std::cerr << "manners_gen: fout: het aantal gasten moet even zijn en minstens 2 (kreeg " << guests << ")\n";
        return 2;
    }

    // mt19937's sequence is fixed by the standard; the distributions are not, so take raw numbers.
    std::mt19937 rng(seed);
    std::ostringstream out;
    out << ";; Miss Manners, " << guests << " gasten, zaad " << seed << "; gemaakt door bench/manners/manners_gen\n";
    out << "(deffacts manners-gegevens\n";
    for (int g = 1; g <= guests; ++g) {
        const char sex = (g % 2 == 1) ? 'm' : 'f';
        // 2 or 3 hobbies: with 2, leave one of the three out.
        const bool three = rng() % 2 == 0;
        const std::uint32_t left_out = three ? 0 : 1 + rng() % 3;
        for (std::uint32_t h = 1; h <= 3; ++h) {
            if (h == left_out) continue;
            out << "  (guest (name n" << g << ") (sex " << sex << ") (hobby h" << h << "))\n";
        }
    }
    out << "  (last_seat (seat " << guests << "))\n";
    out << "  (count (c 1))\n";
    out << "  (context (state start)))\n";

    if (output == "-") {
        std::cout << out.str();
        return 0;
    }
    std::ofstream file(output);
    file << out.str();
    if (!file) {
        std::cerr << output << ":1:1: fout: kan het bestand niet schrijven\n";
        return 1;
    }
    return 0;
}
