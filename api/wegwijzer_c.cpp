// SPDX-License-Identifier: EUPL-1.2
// The C face (include/wegwijzer/wegwijzer.h) over the C++ one. Every entry point catches everything:
// no exception crosses into C.
#include "wegwijzer/wegwijzer.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <string_view>

#include "wegwijzer/wegwijzer.hpp"

// A knowledge base and the one consultation that serves it; the mutex makes the handle safe to share
// between threads (consultations one at a time).
struct wegwijzer_kennisbank {
    explicit wegwijzer_kennisbank(const wegwijzer::Kennisbank& kb) : raadpleging(kb) {}
    std::mutex slot;
    wegwijzer::Raadpleging raadpleging;  // keeps the knowledge base alive
};

// The advice as data; nothing changes it after wegwijzer_raadpleeg, so readers need no lock.
struct wegwijzer_adviezen {
    wegwijzer::Advies advies;
};

namespace {

// A copy the caller frees with wegwijzer_vrij (malloc, so that any allocator mismatch is ruled out).
char* kopie(const std::string& s) noexcept {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p == nullptr) return nullptr;
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

std::string enkele_fout(const std::string& melding) {
    return wegwijzer::Fout({wegwijzer::Melding{"wegwijzer", 0, 0, melding}}).json();
}

void zet(char** doel, const std::string& tekst) noexcept {
    if (doel != nullptr) *doel = kopie(tekst);
}

// zet with a text that is still to be made, for the exception handlers, from which nothing may leave
// for C: false, with *doel NULL, when even that fails (out of memory).
template <typename Maak>
bool zet_zo_mogelijk(char** doel, Maak&& maak) noexcept {
    if (doel == nullptr) return true;
    try {
        *doel = kopie(maak());
    } catch (...) {
        *doel = nullptr;
    }
    return *doel != nullptr;
}

// Which status a wegwijzer::Fout is, by what the entry point was doing (met_status takes one of these;
// they run in its handler, so they do not throw).

// Opening a knowledge base: whatever is wrong is the knowledge base's.
int fout_van_kennisbank(const wegwijzer::Fout&) noexcept { return WEGWIJZER_FOUT_KENNISBANK; }

// A consultation of the profile named `naam`: a problem of the profile names the profile. One that
// names anything else is the knowledge base's: its own ("kennisbank": no status for a step, rules that
// keep firing) or a rule's file and line (a record outside the contract, an action that fails), where
// the fix goes.
int fout_van_raadpleging(const wegwijzer::Fout& e, std::string_view naam) noexcept {
    const bool van_het_profiel = e.meldingen().empty() || e.meldingen().front().bestand == naam;
    return van_het_profiel ? WEGWIJZER_FOUT_INVOER : WEGWIJZER_FOUT_KENNISBANK;
}

// Formatting an advice that a consultation made: it throws no Fout, so one would be the library's bug.
int fout_van_opmaak(const wegwijzer::Fout&) noexcept { return WEGWIJZER_FOUT_INTERN; }

// The one catch chain of the entry points: runs `werk` (which returns a status) with every exception
// as a status code and, in *fouten when given, the problems as JSON: a wegwijzer::Fout as `fout_status`
// says, std::bad_alloc as WEGWIJZER_FOUT_GEHEUGEN (without JSON), anything else as
// WEGWIJZER_FOUT_INTERN. A JSON that cannot be made is WEGWIJZER_FOUT_GEHEUGEN too, so that every
// other failure comes with its problems. No exception leaves it, so none crosses into C.
template <typename FoutStatus, typename Werk>
int met_status(char** fouten, FoutStatus&& fout_status, Werk&& werk) noexcept {
    try {
        return werk();
    } catch (const wegwijzer::Fout& e) {
        return zet_zo_mogelijk(fouten, [&] { return e.json(); }) ? fout_status(e) : WEGWIJZER_FOUT_GEHEUGEN;
    } catch (const std::bad_alloc&) {
        return WEGWIJZER_FOUT_GEHEUGEN;
    } catch (const std::exception& e) {
        const bool gezet = zet_zo_mogelijk(fouten, [&] { return enkele_fout(e.what()); });
        return gezet ? WEGWIJZER_FOUT_INTERN : WEGWIJZER_FOUT_GEHEUGEN;
    } catch (...) {
        const bool gezet = zet_zo_mogelijk(fouten, [] { return enkele_fout("onbekende interne fout"); });
        return gezet ? WEGWIJZER_FOUT_INTERN : WEGWIJZER_FOUT_GEHEUGEN;
    }
}

// The checks of wegwijzer_advies and wegwijzer_raadpleeg on their common arguments: "" when they are
// fine, else the message (`functie` names the entry point).
std::string ongeldige_raadpleging(const char* functie, const wegwijzer_kennisbank* kennisbank, const char* profiel,
                                  size_t lengte, int opties) {
    if (kennisbank == nullptr || (profiel == nullptr && lengte > 0))
        return std::string(functie) + ": kennisbank of profiel is NULL";
    if ((opties & ~(WEGWIJZER_UITLEG | WEGWIJZER_COMMUNICATIE)) != 0)
        return std::string(functie) + ": onbekende opties " + std::to_string(opties);
    return {};
}

// The name of the profile in messages: the caller's, else "profiel".
std::string_view profielnaam(const char* naam) noexcept { return naam != nullptr ? naam : "profiel"; }

// Runs a consultation `werk(raadpleging, profiel, opdracht, uitleg)` on the knowledge base's one
// engine, one at a time; its exceptions are met_status's to turn into a status.
template <typename Werk>
int raadpleeg(wegwijzer_kennisbank& kennisbank, const char* profiel, size_t lengte, int opties, Werk&& werk) {
    const auto opdracht = (opties & WEGWIJZER_COMMUNICATIE) != 0 ? wegwijzer::Opdracht::communicatie
                                                                 : wegwijzer::Opdracht::advies;
    const bool uitleg = (opties & WEGWIJZER_UITLEG) != 0;
    std::lock_guard<std::mutex> slot(kennisbank.slot);
    return werk(kennisbank.raadpleging, std::string_view(profiel == nullptr ? "" : profiel, lengte), opdracht, uitleg);
}

// The group's word and heading, by the C API's number; nullptr for a number that is no group.
const char* groepstekst(int groep, std::string_view (*tekst)(wegwijzer::Groep)) {
    static_assert(WEGWIJZER_NU_DOEN == static_cast<int>(wegwijzer::Groep::nu_doen) &&
                  WEGWIJZER_WAARSCHUWINGEN == static_cast<int>(wegwijzer::Groep::waarschuwingen) &&
                  WEGWIJZER_VERDER == static_cast<int>(wegwijzer::Groep::verder));
    if (groep < WEGWIJZER_NU_DOEN || groep > WEGWIJZER_VERDER) return nullptr;
    // The views are of the library's static texts, each ended by a zero byte.
    return tekst(static_cast<wegwijzer::Groep>(groep)).data();
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
        case WEGWIJZER_FOUT_KENNISBANK:
            return "de kennisbank ontbreekt, laadt niet of past niet bij het programma, of een regel ervan faalt";
        case WEGWIJZER_FOUT_ARGUMENT: return "ongeldig argument";
        case WEGWIJZER_FOUT_GEHEUGEN: return "onvoldoende geheugen";
        default: return "onbekende status";
    }
}

int wegwijzer_kennisbank_open(const char* map, wegwijzer_kennisbank** kennisbank, char** fouten_json) {
    if (fouten_json != nullptr) *fouten_json = nullptr;
    return met_status(fouten_json, fout_van_kennisbank, [&]() -> int {
        if (kennisbank == nullptr) {
            zet(fouten_json, enkele_fout("wegwijzer_kennisbank_open: kennisbank is NULL"));
            return WEGWIJZER_FOUT_ARGUMENT;
        }
        *kennisbank = nullptr;
        auto kb = map != nullptr ? wegwijzer::Kennisbank::open(map) : wegwijzer::Kennisbank::standaard();
        // The engine is built here, so that a knowledge base that does not fit the profile reader
        // is reported as the knowledge base's problem, at opening.
        *kennisbank = new wegwijzer_kennisbank(kb);
        return WEGWIJZER_OK;
    });
}

void wegwijzer_kennisbank_sluit(wegwijzer_kennisbank* kennisbank) { delete kennisbank; }

int wegwijzer_advies(wegwijzer_kennisbank* kennisbank, const char* profiel, size_t lengte, const char* naam,
                     int formaat, int opties, char** uitvoer) {
    if (uitvoer == nullptr) return WEGWIJZER_FOUT_ARGUMENT;
    *uitvoer = nullptr;
    const std::string_view n = profielnaam(naam);
    const auto fout_status = [n](const wegwijzer::Fout& e) noexcept { return fout_van_raadpleging(e, n); };
    return met_status(uitvoer, fout_status, [&]() -> int {
        if (const auto fout = ongeldige_raadpleging("wegwijzer_advies", kennisbank, profiel, lengte, opties);
            !fout.empty()) {
            zet(uitvoer, enkele_fout(fout));
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
        return raadpleeg(*kennisbank, profiel, lengte, opties,
                         [&](wegwijzer::Raadpleging& r, std::string_view p, wegwijzer::Opdracht opdracht, bool uitleg) {
                             *uitvoer = kopie(r.advies_als(p, f, opdracht, uitleg, n));
                             return *uitvoer != nullptr ? WEGWIJZER_OK : WEGWIJZER_FOUT_GEHEUGEN;
                         });
    });
}

int wegwijzer_raadpleeg(wegwijzer_kennisbank* kennisbank, const char* profiel, size_t lengte, const char* naam,
                        int opties, wegwijzer_adviezen** adviezen, char** fouten_json) {
    if (fouten_json != nullptr) *fouten_json = nullptr;
    const std::string_view n = profielnaam(naam);
    const auto fout_status = [n](const wegwijzer::Fout& e) noexcept { return fout_van_raadpleging(e, n); };
    return met_status(fouten_json, fout_status, [&]() -> int {
        if (adviezen == nullptr) {
            zet(fouten_json, enkele_fout("wegwijzer_raadpleeg: adviezen is NULL"));
            return WEGWIJZER_FOUT_ARGUMENT;
        }
        *adviezen = nullptr;
        if (const auto fout = ongeldige_raadpleging("wegwijzer_raadpleeg", kennisbank, profiel, lengte, opties);
            !fout.empty()) {
            zet(fouten_json, enkele_fout(fout));
            return WEGWIJZER_FOUT_ARGUMENT;
        }
        return raadpleeg(*kennisbank, profiel, lengte, opties,
                         [&](wegwijzer::Raadpleging& r, std::string_view p, wegwijzer::Opdracht opdracht, bool uitleg) {
                             *adviezen = new wegwijzer_adviezen{r.advies(p, opdracht, uitleg, n)};
                             return WEGWIJZER_OK;
                         });
    });
}

size_t wegwijzer_adviezen_aantal(const wegwijzer_adviezen* adviezen) {
    return adviezen != nullptr ? adviezen->advies.adviezen.size() : 0;
}

int wegwijzer_adviezen_groep(const wegwijzer_adviezen* adviezen, size_t i, int* groep) {
    if (adviezen == nullptr || groep == nullptr || i >= adviezen->advies.adviezen.size()) return WEGWIJZER_FOUT_ARGUMENT;
    try {
        *groep = static_cast<int>(wegwijzer::groep(adviezen->advies, i));
        return WEGWIJZER_OK;
    } catch (...) {
        return WEGWIJZER_FOUT_INTERN;  // wegwijzer::groep throws only for an index checked above
    }
}

int wegwijzer_adviezen_json(const wegwijzer_adviezen* adviezen, char** uitvoer) {
    if (uitvoer == nullptr) return WEGWIJZER_FOUT_ARGUMENT;
    *uitvoer = nullptr;
    return met_status(uitvoer, fout_van_opmaak, [&]() -> int {
        if (adviezen == nullptr) {
            zet(uitvoer, enkele_fout("wegwijzer_adviezen_json: adviezen is NULL"));
            return WEGWIJZER_FOUT_ARGUMENT;
        }
        *uitvoer = kopie(wegwijzer::opmaak(adviezen->advies, wegwijzer::Formaat::json));
        return *uitvoer != nullptr ? WEGWIJZER_OK : WEGWIJZER_FOUT_GEHEUGEN;
    });
}

void wegwijzer_adviezen_sluit(wegwijzer_adviezen* adviezen) { delete adviezen; }

const char* wegwijzer_groep_naam(int groep) { return groepstekst(groep, wegwijzer::naam_van); }

const char* wegwijzer_groep_kop(int groep) { return groepstekst(groep, wegwijzer::kop_van); }

void wegwijzer_vrij(char* tekst) { std::free(tekst); }

}  // extern "C"
