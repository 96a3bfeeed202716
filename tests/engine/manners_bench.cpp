// SPDX-License-Identifier: EUPL-1.2
// Miss Manners timing for tuning: manners_bench GUESTS [SEED]. Prints firings and run time.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "manners.hpp"

int main(int argc, char** argv) {
    int guests = argc > 1 ? std::atoi(argv[1]) : 128;
    unsigned seed = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 1;
    ww::Engine e;
    if (argc > 3) e.set_explanation(false);
    ww::test::Manners m(e);
    m.load(e, guests, seed);
    auto t0 = std::chrono::steady_clock::now();
    auto r = e.run();
    auto t1 = std::chrono::steady_clock::now();
    std::printf("gasten %d: %llu vuringen, %.3f s, %zu records, tokens %zu\n", guests,
                static_cast<unsigned long long>(r.firings), std::chrono::duration<double>(t1 - t0).count(),
                e.records().size(), e.stats().tokens);
    return 0;
}
