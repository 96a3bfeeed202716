// SPDX-License-Identifier: EUPL-1.2
// wegwijzer for C++ programs: a knowledge base, a consultation, and the advice as data and in the
// formats of the output contract (docs/api.md). C++17 or newer; link wegwijzer::wegwijzer (CMake) or
// `pkg-config --libs wegwijzer`.
//
// This header is the library's whole stable face. The classes hold their state behind a pointer
// (no engine internals in these types), so that a new release of the engine keeps this ABI; the
// data types below are plain values whose layout is part of the ABI (a caller builds, copies and
// indexes them with its own code), so within a major version (the soname libwegwijzer.so.MAJOR) they
// stay as they are and what is new comes as a function (such as groep): a later minor version only adds.
//
// Thread safety, per type:
//   Kennisbank   immutable once opened; copies share it; use it from any number of threads at once.
//   Raadpleging  one thread at a time (it reuses its engine for every profile); give each thread its
//                own, all on the same Kennisbank. Moving it to another thread between calls is fine.
//   Advies, Fout and the other data types: ordinary values (const use from many threads is safe).
//   Free functions: safe from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The version this header declares (wegwijzer.h states the same), for an #if on what a minor version
// added (#if WEGWIJZER_VERSIE_MINOR >= 2 for groep); versie() says which library is loaded.
#ifndef WEGWIJZER_VERSIE_MAJOR
#define WEGWIJZER_VERSIE_MAJOR 0
#define WEGWIJZER_VERSIE_MINOR 2
#define WEGWIJZER_VERSIE_PATCH 0
#define WEGWIJZER_VERSIE "0.2.0"
#endif

#if defined(_WIN32)
#define WEGWIJZER_API
#else
#define WEGWIJZER_API __attribute__((visibility("default")))
#endif

namespace wegwijzer {

// "0.2.0": the version of the library as loaded (WEGWIJZER_VERSIE: as compiled against).
WEGWIJZER_API std::string versie();

// One problem in the input, as the command line prints it: BESTAND:REGEL:KOLOM: fout: TEKST.
struct Melding {
    std::string bestand;
    int regel = 0;  // 1-based; 0 when the problem concerns the file as a whole
    int kolom = 0;  // 1-based, in characters
    std::string tekst;  // Dutch, without "fout: "
};

// Thrown for input that cannot be used: a profile with problems, a knowledge base that does not load
// or does not fit the program. what() is the whole list in the command line's format.
class WEGWIJZER_API Fout : public std::runtime_error {
public:
    explicit Fout(std::vector<Melding> meldingen);
    const std::vector<Melding>& meldingen() const noexcept { return meldingen_; }
    // {"fouten": [{"bestand": ..., "regel": 3, "kolom": 5, "melding": "..."}]}; regel and kolom are
    // absent where there is no position.
    std::string json() const;

private:
    std::vector<Melding> meldingen_;
};

enum class Soort { actie, waarschuwing, info };
enum class Status { afgerond, bezig, open };
enum class Opdracht { advies, communicatie };  // `wegwijzer advies` or `wegwijzer communicatie`
enum class Formaat { json, tekst, markdown };

// How an advice came about (only when asked for): the rule that fired and the facts it matched, each
// with its own derivation when a rule made it.
struct Uitleg {
    // standaard: a default the profile reader filled in for a section the profile does not have.
    enum class Herkomst { regel, profiel, kennisbank, standaard };
    Herkomst herkomst = Herkomst::regel;
    std::string regel;  // "" for a fact given by the profile or the knowledge base
    std::string feit;
    std::vector<std::pair<std::string, std::string>> bindingen;
    std::vector<Uitleg> premissen;
};

struct AdviesItem {
    std::string id;  // the rule that gave it
    Soort soort = Soort::info;
    int stap = 1;
    std::string onderwerp;
    long long prioriteit = 0;
    std::string tekst;
    std::string bron;  // the section of the stappenplan
    std::vector<std::string> factoren;
    std::vector<std::string> onderbouwing;
    std::optional<Uitleg> uitleg;
};

struct StapStand {
    int stap = 1;
    std::string naam;
    Status status = Status::open;
};

// The advice for one gemeente (the output contract, version 1, as data).
// What produced an advice (JSON "programma" and "kennisbank").
struct Herkomst {
    std::string programma;                 // "wegwijzer X.Y.Z"
    std::optional<std::string> kennisbank;  // its name; none without a manifest
    std::optional<std::string> versie;      // the knowledge base's version
    std::string sleutel;                    // content hash of the knowledge base, 16 hex digits
};

// The verdict on one message of a communication plan (JSON "boodschappen").
struct Boodschap {
    long long nr = 0;  // its place in communicatie.boodschappen, from 1
    std::string onderwerp;
    std::string buikpijn;     // ja | nee | onbekend
    std::string aanpak;       // expliciet | terughoudend | onbekend
    std::string oordeel;      // passend | botst | onbekend | tegenstrijdig
    std::string toelichting;
};

struct Advies {
    int versie = 1;
    std::string gemeente;
    Herkomst herkomst;
    int huidige_stap = 1;
    std::vector<StapStand> stappen;  // steps 1 to 5
    std::vector<AdviesItem> adviezen;  // in the contract's order
    std::vector<Boodschap> boodschappen;  // one per message of the communication plan
    bool communicatie = false;  // made by a communication check (the human formats differ)
};

// The group of an advice, as the human formats head the list and the JSON's field `groep` names it:
// "Nu doen" (the acties of the current step; for a communication check every actie), "Waarschuwingen"
// and "Verder" (the rest). advies.adviezen is in that order, group after group (docs/advies.md,
// "Volgorde"), so a tool that shows the list finds where each group ends. A function, not a field of
// AdviesItem: a field would change the layout of AdviesItem, and with it the ABI.
enum class Groep { nu_doen, waarschuwingen, verder };

// The group of advies.adviezen[i], from its soort and stap and the advice's huidige_stap and
// communicatie (not from its place, so also for a list of your own). A huidige_stap that is no step of
// the stappenplan (0 for "not known") has no acties to do now: no actie is "Nu doen" then, except in a
// communication check. Throws std::out_of_range when i is not an index of advies.adviezen. Since 0.2,
// as Groep, naam_van and kop_van.
WEGWIJZER_API Groep groep(const Advies& advies, std::size_t i);
// "nu_doen", "waarschuwingen", "verder": the word of the JSON's field `groep`. Static text.
WEGWIJZER_API std::string_view naam_van(Groep groep);
// "Nu doen", "Waarschuwingen", "Verder": the group's heading in the text, markdown and HTML. Static text.
WEGWIJZER_API std::string_view kop_van(Groep groep);

// The advice in one of the contract's formats, byte for byte what `wegwijzer advies --format ...`
// writes (text: without colour, `breedte` columns wide), except that markdown, having no knowledge
// base here, names factors by their id; Raadpleging::advies_als gives the command line's markdown.
// A list of your own is put into its groups first (groep; within a group in your order), so that every
// format shows each item in the same group and numbers it the same. The contract knows the steps 1 to
// 5 only: throws std::invalid_argument, naming the field, for a huidige_stap, a stap of stappen or of
// an advice outside them.
WEGWIJZER_API std::string opmaak(const Advies& advies, Formaat formaat, int breedte = 80);

struct KennisbankImpl;
struct RaadplegingImpl;

class WEGWIJZER_API Kennisbank {
public:
    // Loads every *.yaml in `map` (or one file). Throws Fout with every problem found.
    static Kennisbank open(const std::string& map);
    // The bundled knowledge base: $WEGWIJZER_KB when set, else the one installed with the library
    // (../share/wegwijzer/knowledge-base beside its lib directory). Throws Fout naming where it looked.
    static Kennisbank standaard();

    const std::string& map() const;

private:
    explicit Kennisbank(std::shared_ptr<const KennisbankImpl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const KennisbankImpl> impl_;
    friend class Raadpleging;
};

class WEGWIJZER_API Raadpleging {
public:
    // Builds the engine for this knowledge base once (the costly part); the consultation keeps the
    // knowledge base alive. Throws Fout when the knowledge base does not fit the profile reader.
    explicit Raadpleging(const Kennisbank& kennisbank);
    ~Raadpleging();
    Raadpleging(Raadpleging&&) noexcept;
    Raadpleging& operator=(Raadpleging&&) noexcept;
    Raadpleging(const Raadpleging&) = delete;
    Raadpleging& operator=(const Raadpleging&) = delete;

    // The advice for a profile given as text (YAML or JSON); `naam` names it in messages. Throws Fout
    // listing every problem of the profile, each with its position in `profiel`.
    Advies advies(std::string_view profiel, Opdracht opdracht = Opdracht::advies, bool uitleg = false,
                  std::string_view naam = "profiel");

    // The same, formatted straight away (a little cheaper than advies() plus opmaak()): byte for byte
    // what `wegwijzer advies --format ...` writes, markdown with the factors' names.
    std::string advies_als(std::string_view profiel, Formaat formaat, Opdracht opdracht = Opdracht::advies,
                           bool uitleg = false, std::string_view naam = "profiel");

private:
    std::unique_ptr<RaadplegingImpl> impl_;
};

}  // namespace wegwijzer
