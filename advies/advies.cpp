// SPDX-License-Identifier: EUPL-1.2
#include "advies/advies.hpp"

#include <algorithm>

#include "rules/versie.hpp"

namespace ww::advies {

const std::array<std::string_view, 5> stap_namen = {
    "Bepaal de onderliggende drijfveer", "Haal informatie op", "Maak de analyse",
    "Tijd voor beleidsmatige actie", "Evalueer"};

const std::array<std::string_view, 15> onderwerpen = {
    "drijfveer", "informatie", "kwalitatief", "partners", "framing", "analyse", "indicatoren", "tafel-van-12",
    "communicatie", "smart", "ivp", "werkhouding", "gedeelde-visie", "evaluatie", "nulmeting"};

const std::array<std::string_view, 4> oordelen = {"passend", "botst", "onbekend", "tegenstrijdig"};

std::string_view programma() { return programma_met_versie(); }

bool is_onderwerp(std::string_view onderwerp) {
    return std::find(onderwerpen.begin(), onderwerpen.end(), onderwerp) != onderwerpen.end();
}

std::string_view naam_van(Soort soort) {
    switch (soort) {
        case Soort::actie: return "actie";
        case Soort::waarschuwing: return "waarschuwing";
        case Soort::info: return "info";
    }
    return "info";
}

std::string_view naam_van(Status status) {
    switch (status) {
        case Status::afgerond: return "afgerond";
        case Status::bezig: return "bezig";
        case Status::open: return "open";
    }
    return "open";
}

std::string_view naam_van(Uitleg::Herkomst herkomst) {
    switch (herkomst) {
        case Uitleg::Herkomst::regel: return "regel";
        case Uitleg::Herkomst::profiel: return "profiel";
        case Uitleg::Herkomst::kennisbank: return "kennisbank";
        case Uitleg::Herkomst::standaard: return "standaard";
    }
    return "regel";
}

std::string status_tekst(const StapStand& stap, int huidige_stap) {
    std::string t(naam_van(stap.status));
    // "Bezig" alone reads as work still to do (session 29, scenario 134-3): say that it is done and what it waits for.
    if (stap.status == Status::bezig && stap.voldaan && huidige_stap < stap.stap)
        t += " (werk gedaan, wacht op stap " + std::to_string(huidige_stap) + ")";
    return t;
}

std::optional<Soort> soort_uit(std::string_view t) {
    if (t == "actie") return Soort::actie;
    if (t == "waarschuwing") return Soort::waarschuwing;
    if (t == "info") return Soort::info;
    return std::nullopt;
}

std::optional<Status> status_uit(std::string_view t) {
    if (t == "afgerond") return Status::afgerond;
    if (t == "bezig") return Status::bezig;
    if (t == "open") return Status::open;
    return std::nullopt;
}

}  // namespace ww::advies
