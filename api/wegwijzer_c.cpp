// SPDX-License-Identifier: EUPL-1.2
// The C face (include/wegwijzer/wegwijzer.h) over the C++ one. Every entry point catches everything:
// no exception crosses into C.
#include "wegwijzer/wegwijzer.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

#include "wegwijzer/wegwijzer.hpp"

// A knowledge base and the one consultation that serves it; the mutex makes the handle safe to share
// between threads (consultations one at a time).
struct wegwijzer_kennisbank {
    explicit wegwijzer_kennisbank(const wegwijzer::Kennisbank& kb) : raadpleging(kb) {}
    std::mutex slot;
    wegwijzer::Raadpleging raadpleging;  // keeps the knowledge base alive
};

namespace {

// A copy the caller frees with wegwijzer_vrij (malloc, so that any allocator mismatch is ruled out).
char* kopie(const std::string& s) {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p == nullptr) return nullptr;
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

std::string enkele_fout(const std::string& melding) {
    return wegwijzer::Fout({wegwijzer::Melding{"wegwijzer", 0, 0, melding}}).json();
}

void zet(char** doel, const std::string& tekst) {
    if (doel != nullptr) *doel = kopie(tekst);
}

}  // namespace

extern "C" {

const char* wegwijzer_versie(void) {
    static const std::string v = wegwijzer::versie();
    return v.c_str();
}

const char* wegwijzer_status_tekst(int status) {
    switch (status) {
        case WEGWIJZER_OK: return "gelukt";
        case WEGWIJZER_FOUT_INTERN: return "interne fout";
        case WEGWIJZER_FOUT_INVOER: return "het profiel bevat fouten";
        case WEGWIJZER_FOUT_KENNISBANK: return "de kennisbank ontbreekt, laadt niet of past niet bij het programma";
        case WEGWIJZER_FOUT_ARGUMENT: return "ongeldig argument";
        case WEGWIJZER_FOUT_GEHEUGEN: return "onvoldoende geheugen";
        default: return "onbekende status";
    }
}

int wegwijzer_kennisbank_open(const char* map, wegwijzer_kennisbank** kennisbank, char** fouten_json) {
    if (fouten_json != nullptr) *fouten_json = nullptr;
    if (kennisbank == nullptr) {
        zet(fouten_json, enkele_fout("wegwijzer_kennisbank_open: kennisbank is NULL"));
        return WEGWIJZER_FOUT_ARGUMENT;
    }
    *kennisbank = nullptr;
    try {
        auto kb = map != nullptr ? wegwijzer::Kennisbank::open(map) : wegwijzer::Kennisbank::standaard();
        // The engine is built here, so that a knowledge base that does not fit the profile reader
        // is reported as the knowledge base's problem, at opening.
        *kennisbank = new wegwijzer_kennisbank(kb);
        return WEGWIJZER_OK;
    } catch (const wegwijzer::Fout& e) {
        zet(fouten_json, e.json());
        return WEGWIJZER_FOUT_KENNISBANK;
    } catch (const std::bad_alloc&) {
        return WEGWIJZER_FOUT_GEHEUGEN;
    } catch (const std::exception& e) {
        zet(fouten_json, enkele_fout(e.what()));
        return WEGWIJZER_FOUT_INTERN;
    } catch (...) {
        zet(fouten_json, enkele_fout("onbekende interne fout"));
        return WEGWIJZER_FOUT_INTERN;
    }
}

void wegwijzer_kennisbank_sluit(wegwijzer_kennisbank* kennisbank) { delete kennisbank; }

int wegwijzer_advies(wegwijzer_kennisbank* kennisbank, const char* profiel, size_t lengte, const char* naam,
                     int formaat, int opties, char** uitvoer) {
    if (uitvoer == nullptr) return WEGWIJZER_FOUT_ARGUMENT;
    *uitvoer = nullptr;
    if (kennisbank == nullptr || (profiel == nullptr && lengte > 0)) {
        zet(uitvoer, enkele_fout("wegwijzer_advies: kennisbank of profiel is NULL"));
        return WEGWIJZER_FOUT_ARGUMENT;
    }
    wegwijzer::Formaat f;
    switch (formaat) {
        case WEGWIJZER_JSON: f = wegwijzer::Formaat::json; break;
        case WEGWIJZER_TEKST: f = wegwijzer::Formaat::tekst; break;
        case WEGWIJZER_MARKDOWN: f = wegwijzer::Formaat::markdown; break;
        default:
            zet(uitvoer, enkele_fout("wegwijzer_advies: onbekend formaat " + std::to_string(formaat)));
            return WEGWIJZER_FOUT_ARGUMENT;
    }
    if ((opties & ~(WEGWIJZER_UITLEG | WEGWIJZER_COMMUNICATIE)) != 0) {
        zet(uitvoer, enkele_fout("wegwijzer_advies: onbekende opties " + std::to_string(opties)));
        return WEGWIJZER_FOUT_ARGUMENT;
    }
    const auto opdracht = (opties & WEGWIJZER_COMMUNICATIE) != 0 ? wegwijzer::Opdracht::communicatie
                                                                 : wegwijzer::Opdracht::advies;
    const bool uitleg = (opties & WEGWIJZER_UITLEG) != 0;
    try {
        std::lock_guard<std::mutex> slot(kennisbank->slot);
        const std::string tekst = kennisbank->raadpleging.advies_als(
            std::string_view(profiel == nullptr ? "" : profiel, lengte), f, opdracht, uitleg,
            naam != nullptr ? naam : "profiel");
        *uitvoer = kopie(tekst);
        return *uitvoer != nullptr ? WEGWIJZER_OK : WEGWIJZER_FOUT_GEHEUGEN;
    } catch (const wegwijzer::Fout& e) {
        zet(uitvoer, e.json());
        // A problem of the knowledge base (it does not fit the reader, a rule breaks the contract) is
        // not the profile's: its messages name the knowledge base.
        const bool kennisbank_fout = !e.meldingen().empty() && e.meldingen().front().bestand == "kennisbank";
        return kennisbank_fout ? WEGWIJZER_FOUT_KENNISBANK : WEGWIJZER_FOUT_INVOER;
    } catch (const std::bad_alloc&) {
        return WEGWIJZER_FOUT_GEHEUGEN;
    } catch (const std::exception& e) {
        zet(uitvoer, enkele_fout(e.what()));
        return WEGWIJZER_FOUT_INTERN;
    } catch (...) {
        zet(uitvoer, enkele_fout("onbekende interne fout"));
        return WEGWIJZER_FOUT_INTERN;
    }
}

void wegwijzer_vrij(char* tekst) { std::free(tekst); }

}  // extern "C"
