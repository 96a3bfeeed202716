// SPDX-License-Identifier: EUPL-1.2
// waltz_gen: a Waltz-N drawing as a CLIPS deffacts file: N cubes in a row, each drawn as the
// familiar hexagon with three inner lines (7 points, 9 lines: three L, three arrow and one fork
// junction), with integer coordinates. Size, height and the direction each line is written in
// come from the seed. bench/clips2ww turns the file into wegwijzer facts.
#include <CLI/CLI.hpp>

#include <array>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <utility>

int main(int argc, char** argv) {
    CLI::App app{"Maakt een Waltz-tekening (CLIPS deffacts)."};
    int cubes = 0;
    std::uint32_t seed = 1;
    std::string output = "-";
    app.add_option("kubussen", cubes, "aantal kubussen (1 of meer)")->required()->check(CLI::Range(1, 1'000'000));
    app.add_option("--seed", seed, "zaad van de toevalsgenerator (zelfde zaad, zelfde tekening)");
    app.add_option("-o,--uitvoer", output, "CLIPS-bestand; '-' is stdout");
    CLI11_PARSE(app, argc, argv);

    std::mt19937 rng(seed);  // raw numbers only: the distributions are not portable
    std::ostringstream out;
    out << ";; Waltz, " << cubes << " kubussen, zaad " << seed << "; gemaakt door bench/waltz/waltz_gen\n";
    out << "(deffacts waltz-gegevens\n";
    long next_id = 1;
    for (int c = 0; c < cubes; ++c) {
        const long s = 1 + static_cast<long>(rng() % 4);  // half width is 2s; cubes are 20 apart
        const long cx = 20L * c + 10;
        const long cy = static_cast<long>(rng() % 10);
        // centre, top, upper right, lower right, bottom, lower left, upper left
        const std::array<std::pair<long, long>, 7> at{{{cx, cy}, {cx, cy + 2 * s}, {cx + 2 * s, cy + s},
                                                       {cx + 2 * s, cy - s}, {cx, cy - 2 * s},
                                                       {cx - 2 * s, cy - s}, {cx - 2 * s, cy + s}}};
        const long base = next_id;
        next_id += 7;
        for (std::size_t i = 0; i < at.size(); ++i)
            out << "  (point (id " << base + static_cast<long>(i) << ") (x " << at[i].first << ") (y "
                << at[i].second << "))\n";
        // the hexagon, then the centre to top, lower right and lower left
        const std::array<std::pair<int, int>, 9> lines{{{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 1},
                                                        {0, 1}, {0, 3}, {0, 5}}};
        for (auto [a, b] : lines) {
            if (rng() % 2) std::swap(a, b);
            out << "  (line (p1 " << base + a << ") (p2 " << base + b << "))\n";
        }
    }
    out << ")\n";

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
