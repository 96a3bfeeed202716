// SPDX-License-Identifier: EUPL-1.2
// Memory stays bounded in a long-running process: one process consults many profiles, each with a
// gemeente and a wijk name of its own (so every advice text that names them is new), through the
// public library (libwegwijzer), as a service does. The resident memory after the last consultation
// must be within 10% of that after the first tenth of them; before texts computed in a consultation
// were freed with it, every profile left ~3.75 kB behind (docs/architectuur.md, "Teksten en hun
// levensduur").
//
//   geheugen_test KENNISBANK [AANTAL [METING_NA]]     (standaard 200000 en 10000)
#include <wegwijzer/wegwijzer.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

// Resident memory in kB, from the second field of /proc/self/statm (in pages).
long resident_kb() {
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// A small profile whose wijk stands out, so that advice texts interpolate the gemeente and the wijk
// (new texts every time) while a consultation stays cheap enough for 200,000 in one test.
std::string profiel(long i) {
    const std::string nr = std::to_string(i);
    return "versie: 1\ngemeente: {naam: Gemeente " + nr + ", inwoners: " + std::to_string(20000 + i % 90000) + "}\n"
           "metingen:\n"
           "  - {indicator: onveilig_buurt, waarde: 17.0, vergelijkbaar: 14.0, jaar: 2023, marge: 1.5}\n"
           "  - {indicator: onveilig_buurt, waarde: " + std::to_string(26 + i % 7) + ".0, gebied: Wijk " + nr + ", jaar: 2023}\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "gebruik: geheugen_test KENNISBANK [AANTAL [METING_NA]]\n");
        return 2;
    }
    const long aantal = argc > 2 ? std::atol(argv[2]) : 200000;
    const long meting_na = argc > 3 ? std::atol(argv[3]) : 10000;
    if (aantal <= meting_na || meting_na <= 0) {
        std::fprintf(stderr, "geheugen_test: fout: AANTAL moet groter zijn dan METING_NA (> 0)\n");
        return 2;
    }
    try {
        const auto kennisbank = wegwijzer::Kennisbank::open(argv[1]);
        wegwijzer::Raadpleging raadpleging(kennisbank);
        long na_begin = 0;
        std::size_t adviezen = 0;
        bool naam_gezien = false;
        for (long i = 1; i <= aantal; ++i) {
            const std::string tekst = profiel(i);
            const wegwijzer::Advies advies = raadpleging.advies(tekst);
            adviezen += advies.adviezen.size();
            // The names reach the advice: otherwise this test would measure nothing that is new per profile.
            for (const auto& a : advies.adviezen)
                if (a.tekst.find("Wijk " + std::to_string(i)) != std::string::npos) naam_gezien = true;
            if (i == meting_na) na_begin = resident_kb();
        }
        const long na_einde = resident_kb();
        std::printf("raadplegingen: %ld, adviezen: %zu\nresident na %ld: %ld kB, na %ld: %ld kB (%+.1f%%)\n", aantal,
                    adviezen, meting_na, na_begin, aantal, na_einde,
                    100.0 * static_cast<double>(na_einde - na_begin) / static_cast<double>(na_begin));
        if (!naam_gezien) {
            std::fprintf(stderr, "geheugen_test: fout: geen advies noemt de wijk van zijn profiel\n");
            return 1;
        }
        if (static_cast<double>(na_einde) > 1.10 * static_cast<double>(na_begin)) {
            std::fprintf(stderr, "geheugen_test: fout: het geheugen groeide meer dan 10%%\n");
            return 1;
        }
    } catch (const wegwijzer::Fout& e) {
        std::fprintf(stderr, "geheugen_test: fout: %s\n", e.what());
        return 1;
    }
    return 0;
}
