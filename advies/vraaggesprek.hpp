// SPDX-License-Identifier: EUPL-1.2
// The guided interview (docs/vraaggesprek.md): the questions of the knowledge base (vragen.yaml),
// which of them are open for a profile so far (the knowledge base's rules decide, in the same run
// as the advice), why each is asked, and an interview that fills a profile answer by answer.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "advies/fout.hpp"
#include "advies/kennisbank.hpp"
#include "advies/raadpleging.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::advies {

struct Keuze {
    std::string id, naam;
};

// A question of the knowledge base (a `vraagdef` fact with its `keuze` facts or word list).
struct Vraagdef {
    std::string veld;  // "drijfveer.soort"; "metingen[].marge" for every row of a list
    std::string tekst, hulp;
    std::string type;  // ja-nee | keuze | meerkeuze | getal | tekst | lijst
    int stap = 1;
    int volgorde = 0;
    std::vector<Keuze> keuzes;
    std::string velden;     // lijst: the keys of a row
    std::string voorbeeld;  // lijst: a row as an example
};

// A question that is open now: a definition, for a row of a list with its row number.
struct OpenVraag {
    const Vraagdef* def = nullptr;
    int nr = 0;           // row (from 1) of a `[]` field, else 0
    std::string id;       // the field it fills, the row written in: "metingen[2].marge"
    std::string tekst;    // the question, [rij] replaced by what the row is about
    std::string regel;    // the rule that found it relevant
};

// The questions of a knowledge base, and per field what of the knowledge base depends on it.
class Vragenlijst {
public:
    explicit Vragenlijst(const Kennisbank& kennisbank) : Vragenlijst(kennisbank.regels()) {}
    explicit Vragenlijst(const RuleBase& regels);

    const std::vector<Vraagdef>& vragen() const { return vragen_; }
    const Vraagdef* zoek(std::string_view veld) const;
    // Why the question is asked, in plain Dutch: the rule that asks it, the advice (rules) that read
    // its answer, and whether it counts for a step being done.
    std::string waarom(const OpenVraag& vraag) const;
    // The rules that read the field's answer directly (for lint and the why).
    std::vector<const RuleDef*> lezers(std::string_view veld) const;

private:
    const RuleBase& regels_;
    std::vector<Vraagdef> vragen_;
};

// What `wegwijzer lint` checks of the questions (docs/vraaggesprek.md): each names a field of the
// profile and has an answer type; each field the rules read has a question (itself or its list); each
// question but the name has a rule that asks it. Problems as (text to place them at, message).
std::vector<std::pair<std::string, std::string>> controleer_vragen(const RuleBase& regels);

// The template and slot of knowledge-base/invoer.yaml that a field of the profile becomes ("" for the
// slot: the field is a list, each element a fact of the template).
std::pair<std::string, std::string> sjabloon_van_veld(std::string_view veld);

// The fields of `profiel` that are answered: present, or recorded as "weet ik niet" under
// `vraaggesprek.onbekend`; as (field with [] for rows, row).
std::vector<std::pair<std::string, int>> bekende_velden(const YamlNode& profiel, const Vragenlijst& vragen);

// The next consultations of `raadpleging` run in interview mode for `profiel` (its `bekend` facts);
// null: back to plain advice.
void zet_vraaggesprek(Raadpleging& raadpleging, const Vragenlijst& vragen, const YamlNode* profiel);
// The open questions of the last consultation (in interview mode), in order.
std::vector<OpenVraag> lees_open_vragen(const Raadpleging& raadpleging, const Vragenlijst& vragen);

// The open questions for a profile that has been read (`invoer`) from `profiel`, in order. Runs the
// consultation in interview mode; afterwards the Raadpleging holds this run.
std::vector<OpenVraag> open_vragen(Raadpleging& raadpleging, const Vragenlijst& vragen, const Invoer& invoer,
                                   const YamlNode& profiel);

// The answer of POST /api/v1/vragen for open questions (docs/vraaggesprek.md).
nlohmann::ordered_json vragen_json(const std::vector<OpenVraag>& open, const Vragenlijst& vragen);

// For a profile text: the JSON of POST /api/v1/vragen, or the profile's errors (`fouten` set).
struct VragenAntwoord {
    nlohmann::ordered_json json;
    std::vector<Fout> fouten;
};
VragenAntwoord vragen_voor_tekst(Raadpleging& raadpleging, const Vragenlijst& vragen, std::string_view tekst,
                                 const std::string& bestand);

// One interview over a profile file: answers are written into the profile one by one.
class Vraaggesprek {
public:
    // `tekst`: the profile so far ("" for a new one).
    Vraaggesprek(Raadpleging& raadpleging, const Vragenlijst& vragen, std::string_view tekst, std::string bestand);

    // The open questions now; the name first when the profile has none.
    std::vector<OpenVraag> open();
    // The profile's current advice (empty Advies without a name).
    const Advies& advies();
    bool heeft_naam() const;

    // Applies an answer typed by the user (one line; a `lijst` gets one line per row). Empty when
    // taken, else what is wrong with it, in Dutch; a refused answer leaves the profile as it was.
    std::vector<std::string> beantwoord(const OpenVraag& vraag, const std::vector<std::string>& regels);
    // Applies an answer given as YAML (the scripted interview): `waarde` is the field's content.
    std::vector<std::string> beantwoord_waarde(const OpenVraag& vraag, const YAML::Node& waarde);
    // "Weet ik niet".
    void onbekend(const OpenVraag& vraag);
    // Undoes the last answer; false when there is none.
    bool terug();

    // The profile as YAML text, as it would be saved.
    std::string tekst() const;
    // The fields answered with "weet ik niet".
    std::vector<std::string> onbekende_velden() const;

private:
    std::vector<std::string> neem_over(YAML::Node nieuw);

    Raadpleging& raadpleging_;
    const Vragenlijst& vragen_;
    std::string bestand_;
    YAML::Node profiel_;
    std::vector<std::string> geschiedenis_;  // the profile's text before each answer, for terug
    Advies advies_;
};

// Writes `tekst` to `pad` through a temporary file in the same folder and a rename: an interrupted
// interview leaves the old file or the new one, never half of one. Throws std::runtime_error.
void schrijf_atomair(const std::string& pad, std::string_view tekst);

// The terminal interview, with input and output as functions (for the program: a terminal).
// Returns the exit status.
struct Terminal {
    std::function<std::optional<std::string>()> lees_regel;  // nullopt: end of input
    std::function<void(std::string_view)> schrijf;
    std::function<void(std::string_view)> schrijf_fout;  // problems with the profile (standard error)
    int breedte = 80;
};
int voer_vraaggesprek(Raadpleging& raadpleging, const Vragenlijst& vragen, const std::string& pad, Terminal& t);

// The scripted interview (the tests of docs/vraaggesprek.md): starting from an empty profile, every
// question is answered from `voorbeeld` (a field it lacks: "weet ik niet"). The report holds the
// questions in the order asked, per question whether another answer would change the advice or the
// questions after it, the profile it ends with, and whether its advice equals the example's.
nlohmann::json speel_na(Raadpleging& raadpleging, const Vragenlijst& vragen, std::string_view voorbeeld,
                        const std::string& bestand);

}  // namespace ww::advies
