// SPDX-License-Identifier: EUPL-1.2
#include "advies/profiel_schema.hpp"

#include <nlohmann/json.hpp>

#include "advies/profiel_definitie.hpp"

namespace ww::advies {

namespace {

using Json = nlohmann::ordered_json;
using profiel::Grens;
using profiel::Soort;
using profiel::Veld;
using profiel::Woorden;

const char* def_naam(Woorden w) {
    switch (w) {
        case Woorden::factoren: return "factor";
        case Woorden::bronnen: return "bron";
        case Woorden::indicatoren: return "indicator";
        case Woorden::vast: break;
    }
    return "";
}

// The type keyword of a scalar, with "null" where an empty value counts as absent.
Json typen(std::initializer_list<const char*> namen, bool leeg) {
    Json t = Json::array();
    for (const char* n : namen) t.push_back(n);
    if (leeg) t.push_back("null");
    return t.size() == 1 ? t[0] : t;
}

Json schema_van(const Veld& v);

Json bereik(const Veld& v, Json s) {
    switch (v.grens) {
        case Grens::percentage:
            s["minimum"] = 0;
            s["maximum"] = 100;
            break;
        case Grens::jaartal:
            s["minimum"] = profiel::eerste_jaar;
            s["maximum"] = profiel::laatste_jaar;
            break;
        case Grens::positief:
            s["exclusiveMinimum"] = 0;
            if (v.hoogstens) s["maximum"] = *v.hoogstens;
            break;
        case Grens::geen: break;
    }
    return s;
}

Json schema_van(const Veld& v) {
    Json s = Json::object();
    if (!v.omschrijving.empty()) s["description"] = v.omschrijving;
    const bool leeg = v.mag_leeg();
    switch (v.soort) {
        case Soort::kaart: {
            s["type"] = typen({"object"}, leeg);
            Json eigenschappen = Json::object();
            Json verplicht = Json::array();
            for (const auto& k : v.velden) {
                eigenschappen[k.naam] = schema_van(k);
                if (k.verplicht) verplicht.push_back(k.naam);
            }
            s["properties"] = std::move(eigenschappen);
            if (!verplicht.empty()) s["required"] = std::move(verplicht);
            s["additionalProperties"] = false;
            break;
        }
        case Soort::lijst:
            s["type"] = typen({"array"}, leeg);
            s["items"] = schema_van(v.element());
            break;
        case Soort::ja_nee: s["type"] = typen({"boolean"}, leeg); break;
        case Soort::geheel:
            s["type"] = typen({"integer"}, leeg);
            if (v.enige) {
                s["enum"] = Json::array({*v.enige});
                if (leeg) s["enum"].push_back(nullptr);
            }
            s = bereik(v, std::move(s));
            break;
        case Soort::getal:
            s["type"] = typen({"number"}, leeg);
            s = bereik(v, std::move(s));
            break;
        case Soort::tekst:
            // The reader takes any scalar as text: `gebied: 12` is the wijk "12".
            s["type"] = typen({"string", "number", "boolean"}, leeg);
            if (v.niet_leeg) {
                s["minLength"] = 1;
                // Something besides white space, as engine/text_space.hpp defines it (Unicode's White_Space):
                // the reader refuses a name of only (no-break) spaces, so the schema does too.
                s["pattern"] = "[^\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
            }
            break;
        case Soort::veldpad: {
            // One alternative per field path, a list's row as its number from 1.
            std::string patroon = "^(";
            for (const auto& pad : profiel::veldpaden()) {
                if (patroon.size() > 2) patroon += '|';
                for (char c : pad) {
                    if (c == '.') patroon += "\\.";
                    else if (c == '[') patroon += "\\[[1-9][0-9]*";
                    else if (c == ']') patroon += "\\]";
                    else patroon += c;
                }
            }
            patroon += ")$";
            s["type"] = typen({"string"}, leeg);
            s["pattern"] = patroon;
            s["examples"] = Json::array({"drijfveer.soort", "metingen[2].marge"});
            break;
        }
        case Soort::keuze:
            if (v.woorden != Woorden::vast) {
                const Json ref = {{"$ref", std::string("#/$defs/") + def_naam(v.woorden)}};
                if (leeg)
                    s["anyOf"] = Json::array({ref, {{"type", "null"}}});
                else
                    s["$ref"] = ref["$ref"];
            } else {
                s["type"] = typen({"string"}, leeg);
                Json woorden(v.opties);
                if (leeg) woorden.push_back(nullptr);
                s["enum"] = std::move(woorden);
            }
            if (v.standaard) s["default"] = *v.standaard;
            break;
    }
    return s;
}

// A word of the vocabulary: the ids as an enum (for validation and tools that offer choices), and
// each id with its human name as a title (for forms and documentation).
Json woorden(std::string_view titel, const std::vector<std::string>& ids,
             const std::map<std::string, std::string>& namen) {
    Json s = Json::object();
    s["title"] = titel;
    s["type"] = "string";
    s["enum"] = ids;
    Json met_naam = Json::array();
    for (const auto& id : ids) {
        Json e = {{"const", id}};
        if (auto it = namen.find(id); it != namen.end() && !it->second.empty()) e["title"] = it->second;
        met_naam.push_back(std::move(e));
    }
    s["oneOf"] = std::move(met_naam);
    return s;
}

}  // namespace

std::string profiel_schema(const Vocabulaire& vocabulaire) {
    Json s = Json::object();
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    s["title"] = "Gemeenteprofiel";
    Json profiel = schema_van(profiel::gemeenteprofiel());
    for (auto& [k, w] : profiel.items()) s[k] = w;
    s["$comment"] = "Versie 1, tweede editie (2026-12). Gegenereerd door wegwijzer uit de definitie waartegen het "
                    "programma een profiel controleert; de id's komen uit de woordenschat van de kennisbank.";
    Json defs = Json::object();
    defs["factor"] = woorden("Factor van de Tafel van 12", vocabulaire.factoren, vocabulaire.factor_naam);
    defs["bron"] = woorden("Soort informatiebron", vocabulaire.bronnen, vocabulaire.bron_omschrijving);
    defs["indicator"] = woorden("Indicator van veiligheidsbeleving (een percentage)", vocabulaire.indicatoren,
                                vocabulaire.indicator_naam);
    s["$defs"] = std::move(defs);
    return s.dump(2) + "\n";
}

}  // namespace ww::advies
