// SPDX-License-Identifier: EUPL-1.2
#include "web/metrieken.hpp"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace ww::web {

void Metrieken::verzoek(std::string_view eindpunt, int status, double seconden) {
    std::size_t emmer = 0;
    while (emmer < grenzen.size() && seconden > grenzen[emmer]) ++emmer;
    std::lock_guard lock(mutex_);
    ++verzoeken_[{std::string(eindpunt), status}];
    Histogram& h = duur_[std::string(eindpunt)];
    ++h.emmers[emmer];
    h.som += seconden;
    ++h.aantal;
}

std::uint64_t resident_geheugen() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long long totaal = 0, resident = 0;
    const bool gelezen = std::fscanf(f, "%llu %llu", &totaal, &resident) == 2;
    std::fclose(f);
    const long pagina = sysconf(_SC_PAGESIZE);
    return gelezen && pagina > 0 ? resident * static_cast<std::uint64_t>(pagina) : 0;
}

std::string Metrieken::tekst() const {
    std::string uit;
    // Label values are route patterns: no quote, backslash or newline to escape.
    uit += "# HELP wegwijzer_http_verzoeken_total Beantwoorde HTTP-verzoeken per eindpunt en status.\n"
           "# TYPE wegwijzer_http_verzoeken_total counter\n";
    std::lock_guard lock(mutex_);
    for (const auto& [sleutel, aantal] : verzoeken_)
        uit += fmt::format("wegwijzer_http_verzoeken_total{{eindpunt=\"{}\",status=\"{}\"}} {}\n", sleutel.first, sleutel.second, aantal);
    uit += "# HELP wegwijzer_http_verzoek_duur_seconden Tijd van het lezen van de kopregels tot het versturen van het antwoord.\n"
           "# TYPE wegwijzer_http_verzoek_duur_seconden histogram\n";
    for (const auto& [eindpunt, h] : duur_) {
        std::uint64_t cumulatief = 0;
        for (std::size_t i = 0; i < grenzen.size(); ++i) {
            cumulatief += h.emmers[i];
            uit += fmt::format("wegwijzer_http_verzoek_duur_seconden_bucket{{eindpunt=\"{}\",le=\"{}\"}} {}\n", eindpunt, grenzen[i], cumulatief);
        }
        uit += fmt::format("wegwijzer_http_verzoek_duur_seconden_bucket{{eindpunt=\"{}\",le=\"+Inf\"}} {}\n", eindpunt, h.aantal);
        uit += fmt::format("wegwijzer_http_verzoek_duur_seconden_sum{{eindpunt=\"{}\"}} {}\n", eindpunt, h.som);
        uit += fmt::format("wegwijzer_http_verzoek_duur_seconden_count{{eindpunt=\"{}\"}} {}\n", eindpunt, h.aantal);
    }
    uit += fmt::format("# HELP wegwijzer_raadplegingen_total Raadplegingen van de kennisbank (advies, communicatie, waarom-niet).\n"
                       "# TYPE wegwijzer_raadplegingen_total counter\n"
                       "wegwijzer_raadplegingen_total {}\n",
                       raadplegingen_.load(std::memory_order_relaxed));
    uit += fmt::format("# HELP process_resident_memory_bytes Residentgeheugen van het proces in bytes.\n"
                       "# TYPE process_resident_memory_bytes gauge\n"
                       "process_resident_memory_bytes {}\n",
                       resident_geheugen());
    return uit;
}

}  // namespace ww::web
