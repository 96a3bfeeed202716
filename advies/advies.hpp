// SPDX-License-Identifier: EUPL-1.2
// The advice for one gemeente: the output contract (version 1) as data, before it is formatted.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ww::advies {

// What was asked: advice on a whole profile, or a check of its communication plan alone.
enum class Opdracht { advies, communicatie };

enum class Soort { actie, waarschuwing, info };
enum class Status { afgerond, bezig, open };

std::string_view naam_van(Soort soort);
std::string_view naam_van(Status status);
std::optional<Soort> soort_uit(std::string_view tekst);
std::optional<Status> status_uit(std::string_view tekst);

// The five steps of the stappenplan, as the contract names them. Index 0 is step 1.
extern const std::array<std::string_view, 5> stap_namen;
// The fifteen topics an advice may have (the contract's table).
extern const std::array<std::string_view, 15> onderwerpen;
bool is_onderwerp(std::string_view onderwerp);

// How an advice came about: the rule that fired, its bindings, and the facts it matched, each with
// its own derivation when a rule made it (a tree built from the engine's how_record).
struct Uitleg {
    // standaard: the profile reader, for a section the profile does not have (its defaults).
    enum class Herkomst { regel, profiel, kennisbank, standaard };
    Herkomst herkomst = Herkomst::regel;                       // who made the fact
    std::string regel;                                         // rule id; "" for a given fact
    std::string feit;                                          // the fact or record, as source text
    std::vector<std::pair<std::string, std::string>> bindingen;  // ?naam -> value (source form)
    std::vector<Uitleg> premissen;
};

// The word for a fact's origin in every format: `regel`, `profiel`, `kennisbank` or `standaard`.
std::string_view naam_van(Uitleg::Herkomst herkomst);

struct AdviesItem {
    std::string id;  // the rule that emitted it
    Soort soort = Soort::info;
    int stap = 1;
    std::string onderwerp;
    long long prioriteit = 0;
    std::string tekst;
    std::string bron;  // the rule's source: the stappenplan section
    std::vector<std::string> factoren;
    std::vector<std::string> onderbouwing;
    std::optional<Uitleg> uitleg;  // only with --uitleg
};

struct StapStand {
    int stap = 1;
    Status status = Status::open;
    // Bezig with its own work done: it waits for an earlier step (the record's optional `voldaan`). The human
    // formats say so after the status; the JSON keeps the contract's `bezig`.
    bool voldaan = false;
};

// The status of a step as the human formats show it: "bezig (werk gedaan, wacht op stap 1)" for a step whose
// work is done while an earlier one is open, else the status itself.
std::string status_tekst(const StapStand& stap, int huidige_stap);

// The knowledge base's verdict on one message of the communication plan: the record
// `boodschap(nr, onderwerp, buikpijn, aanpak, oordeel, toelichting)`, one per message.
struct Boodschapoordeel {
    long long nr = 0;  // the message's place in communicatie.boodschappen, from 1
    std::string onderwerp;
    std::string buikpijn;     // ja | nee | onbekend
    std::string aanpak;       // expliciet | terughoudend | onbekend (not given)
    std::string oordeel;      // passend | botst | onbekend | tegenstrijdig
    std::string toelichting;
};
// The words a verdict may have, in the order of the contract.
extern const std::array<std::string_view, 4> oordelen;

// What produced an advice: the program and the knowledge base (its manifest and content hash).
struct Herkomst {
    std::string programma;                 // "wegwijzer X.Y.Z"
    std::optional<std::string> naam;       // of the knowledge base; none without a manifest
    std::optional<std::string> versie;
    std::string sleutel;                   // 16 hex digits
};

// "wegwijzer X.Y.Z": the project's version from CMake (rules/versie.hpp).
std::string_view programma();

struct Advies {
    int versie = 1;
    std::string gemeente;
    Herkomst herkomst;
    Opdracht opdracht = Opdracht::advies;
    int huidige_stap = 1;
    std::array<StapStand, 5> stappen{};
    std::vector<AdviesItem> adviezen;
    std::vector<Boodschapoordeel> boodschappen;  // by nr; empty when the plan has no messages
};

}  // namespace ww::advies
