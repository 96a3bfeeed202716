// SPDX-License-Identifier: EUPL-1.2
// wegwijzer-dienst: the service program that `wegwijzer serve` hands over to (web/dienstprogramma.hpp).
// It reads the options `wegwijzer serve` already checked, in the form dienstargumenten() writes them;
// people start the service with `wegwijzer serve`, which has the help and the Dutch usage errors.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "web/dienst.hpp"
#include "web/grootte.hpp"
#include "web/routes.hpp"

namespace {

int gebruik(std::string_view wat) {
    std::cerr << "wegwijzer-dienst: fout: " << wat << "\n(start de dienst met: wegwijzer serve --help)\n";
    return 2;
}

bool geheel(const std::string& s, long lo, long hi, long& uit) {
    char* eind = nullptr;
    errno = 0;
    const long v = std::strtol(s.c_str(), &eind, 10);
    if (s.empty() || *eind != '\0' || errno != 0 || v < lo || v > hi) return false;
    uit = v;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    // A reader that goes away must not kill the service (as in `wegwijzer`, which may have set this).
    std::signal(SIGPIPE, SIG_IGN);
    ww::web::DienstOpties o;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view optie = argv[i];
        if (i + 1 >= argc) return gebruik(std::string(optie) + " mist een waarde");
        const std::string waarde = argv[i + 1];
        long getal = 0;
        if (optie == "--adres") o.adres = waarde;
        else if (optie == "--kb") o.kb = waarde;
        else if (optie == "--cors") o.cors = waarde;
        else if (optie == "--poort" && geheel(waarde, 0, 65535, getal)) o.poort = static_cast<int>(getal);
        else if (optie == "--threads" && geheel(waarde, 0, 1024, getal)) o.threads = static_cast<unsigned>(getal);
        else if (optie == "--leestijd" && geheel(waarde, 1, 3600, getal)) o.leestijd = static_cast<int>(getal);
        else if (optie == "--max-body" && ww::web::lees_grootte(waarde) && *ww::web::lees_grootte(waarde) > 0)
            o.max_body = static_cast<std::size_t>(*ww::web::lees_grootte(waarde));
        else return gebruik("onbekende optie of ongeldige waarde: " + std::string(optie) + " " + waarde);
    }
    return ww::web::draai_dienst(o, ww::web::api_routes());
}
