// SPDX-License-Identifier: EUPL-1.2
#include "advies/profiel_lezer.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "advies/en_lijst.hpp"
#include "advies/getal_nl.hpp"
#include "advies/profiel_definitie.hpp"
#include "advies/reeksen.hpp"
#include "advies/yaml_lezer.hpp"
#include "advies/yaml_syntax.hpp"
#include "engine/text_case.hpp"
#include "engine/text_space.hpp"
#include "rules/input_limits.hpp"

namespace ww::advies {

namespace {

using profiel::Soort;
using profiel::Veld;
using profiel::Woorden;

// The path of key `sleutel` in the map at `pad`, as messages name it: "versie", "metingen[1].waarde".
// One for every key read, also for keys that are absent, and needed only for a message: joined by hand,
// not by fmt::format (15K of the 55K instructions of reading a small profile over HTTP), and on the stack
// up to 64 bytes, where a std::string allocated for every path longer than 15 ("gemeente.inwoners").
// Made where it is used (pad_van returns it by guaranteed elision) and never copied: the text may be in
// the object itself.
class Pad {
public:
    Pad(std::string_view pad, std::string_view sleutel) {
        const std::size_t n = pad.empty() ? sleutel.size() : pad.size() + 1 + sleutel.size();
        char* p = kort_.data();
        if (n > kort_.size()) {
            lang_.resize(n);
            p = lang_.data();
        }
        tekst_ = std::string_view(p, n);
        if (!pad.empty()) {
            std::memcpy(p, pad.data(), pad.size());
            p += pad.size();
            *p++ = '.';
        }
        std::memcpy(p, sleutel.data(), sleutel.size());
    }
    Pad(const Pad&) = delete;
    Pad& operator=(const Pad&) = delete;

    operator std::string_view() const { return tekst_; }
    std::string_view tekst() const { return tekst_; }

private:
    std::array<char, 64> kort_;
    std::string lang_;
    std::string_view tekst_;
};

Pad pad_van(std::string_view pad, std::string_view sleutel) { return Pad(pad, sleutel); }

}  // namespace
}  // namespace ww::advies

// A path in a message as its text.
template <>
struct fmt::formatter<ww::advies::Pad> : fmt::formatter<std::string_view> {
    auto format(const ww::advies::Pad& p, fmt::format_context& ctx) const { return fmt::formatter<std::string_view>::format(p.tekst(), ctx); }
};

namespace ww::advies {
namespace {

// The definition says what the reader checks; a reader that asks for a key as something else than
// the definition has it is a mistake in this file, not in the profile.
const Veld& als(const Veld& veld, Soort soort) {
    if (veld.soort != soort)
        throw std::logic_error(fmt::format("de profiellezer leest '{}' anders dan de definitie van het gemeenteprofiel", veld.naam));
    return veld;
}

// The 1-based column of a mark in characters, as messages count it (yaml-cpp counts bytes).
int kolom_in_tekens(std::string_view tekst, const YAML::Mark& m) {
    if (m.is_null() || m.pos < m.column || static_cast<std::size_t>(m.pos) > tekst.size()) return m.column + 1;
    int tekens = 0;
    for (std::size_t i = static_cast<std::size_t>(m.pos - m.column); i < static_cast<std::size_t>(m.pos); ++i)
        tekens += (static_cast<unsigned char>(tekst[i]) & 0xC0) != 0x80;
    return tekens + 1;
}

// Computed, not interned: a profile's names and texts must not outlive the consultation.
Value sym(std::string_view s) { return Value::computed_symbol(s); }
Value str(std::string_view s) { return Value::computed_string(s); }
Value of_nil(const std::optional<double>& d) { return d ? Value(*d) : Value(); }
Value of_nil_sym(const std::optional<std::string>& s) { return s ? sym(*s) : Value(); }

// The sections read through ProfielLezer::sectie, each with its facts when absent.
enum class Sectie : std::uint8_t { drijfveer, metingen, bronnen, informatie, analyse, communicatie, beleid, evaluatie, aantal };

struct AfwezigeSectie {
    std::once_flag gelezen;
    bool vast = false;  // the facts below are what reading the absent section gives
    std::vector<InvoerFeit> feiten;
};

std::array<AfwezigeSectie, static_cast<std::size_t>(Sectie::aantal)>& afwezige_secties() {
    static std::array<AfwezigeSectie, static_cast<std::size_t>(Sectie::aantal)> secties;
    return secties;
}

class ProfielLezer {
public:
    ProfielLezer(const std::string& bestand, std::string_view tekst, const Vocabulaire& voc, Opdracht opdracht)
        : y_(bestand, tekst), tekst_(tekst), voc_(voc), opdracht_(opdracht) {}

    ProfielResultaat lees(const YamlNode& wortel) {
        if (afwezig(wortel)) {
            y_.fout(wortel, "het profiel is leeg; het moet minstens 'gemeente: {naam: ...}' bevatten");
        } else if (!wortel.is_map()) {
            y_.fout(wortel, fmt::format("het profiel moet een kaart met secties (gemeente, drijfveer, ...) zijn, niet {}",
                                        beschrijf(wortel)));
        } else if (auto v = kaart(profiel::gemeenteprofiel(), wortel, "")) {
            // Room for a young profile's facts (a dozen or two) at once, not four moves of all; in at
            // most 1 kB, which glibc hands out from the thread's cache (a larger first block came from
            // the heap's bins: some 690 instructions instead of 50).
            invoer_.feiten.reserve(1024 / sizeof(InvoerFeit));
            lees_secties(*v);
        }
        ProfielResultaat r;
        r.fouten = y_.neem_fouten();
        if (r.fouten.empty()) r.invoer = std::move(invoer_);
        return r;
    }

private:
    // Slots are written here by name, for the reader's sake, and stored by their place in the
    // template's form: names are matched once per profile read, not once per consultation. Every
    // slot of the form must be given, once.
    void feit(InvoerSjabloon sjabloon, std::initializer_list<std::pair<std::string_view, Value>> slots) {
        if (!bewaar_) return;
        const InvoerVorm& vorm = vorm_van(sjabloon);
        InvoerFeit& f = invoer_.feiten.emplace_back(InvoerFeit{sjabloon, std::vector<Value>(vorm.slots.size())});
        // Which slots are filled, as bits: a fact has far fewer than 64 slots, and this runs for every
        // fact of every profile (a vector<bool> was an allocation per fact).
        static_assert(std::numeric_limits<std::uint64_t>::digits == 64);
        std::uint64_t gegeven = 0;
        std::size_t volgende = 0;
        for (const auto& [naam, waarde] : slots) {
            // The slots are written in the form's order here; the search is for the exception.
            const auto plaats = volgende < vorm.slots.size() && vorm.slots[volgende] == naam
                                    ? volgende
                                    : static_cast<std::size_t>(std::find(vorm.slots.begin(), vorm.slots.end(), naam) - vorm.slots.begin());
            volgende = plaats + 1;
            if (plaats == vorm.slots.size() || plaats >= 64 || (gegeven >> plaats & 1) != 0)
                throw std::logic_error(fmt::format("de profiellezer vult slot '{}' van '{}' niet één keer zoals invoer.hpp zegt",
                                                   naam, vorm.naam));
            gegeven |= std::uint64_t{1} << plaats;
            f.eigen[plaats] = waarde;
        }
        if (slots.size() != vorm.slots.size())
            throw std::logic_error(fmt::format("de profiellezer vult niet elk slot van '{}' uit invoer.hpp", vorm.naam));
    }

    // A communication check reads only gemeente and communicatie as facts: every other section is
    // checked as in a full profile, and then gives the facts it gives when absent.
    bool telt_mee(std::string_view sectie) const {
        return opdracht_ == Opdracht::advies || sectie == "gemeente" || sectie == "communicatie";
    }

    template <class Lees>
    void sectie(const Velden& s, Sectie welke, std::string_view naam, Lees&& lees) {
        const YamlNode node = s[naam];
        if (telt_mee(naam)) {
            if (afwezig(node)) afwezige_sectie(welke, lees);
            else lees(node);
            return;
        }
        bewaar_ = false;
        lees(node);
        bewaar_ = true;
        afwezige_sectie(welke, lees);
    }

    // An absent (or empty) section gives the same facts in every profile: its defaults, which the
    // definition and this file fix, whatever the knowledge base or the rest of the profile. They are
    // read once per process, by the same code as any section, and copied after that: a young
    // profile, the one the web app sends first, is mostly absent sections, and reading their
    // defaults key by key was a third of reading it (docs/prestaties.md, "De dienst"). A section
    // whose absent reading reports a problem or leaves anything else behind (which none does) is
    // read every time instead.
    template <class Lees>
    void afwezige_sectie(Sectie welke, Lees& lees) {
        AfwezigeSectie& a = afwezige_secties()[static_cast<std::size_t>(welke)];
        bool nu_gelezen = false;
        std::call_once(a.gelezen, [&] {
            const std::size_t begin = invoer_.feiten.size();
            const std::size_t fouten = y_.fouten().size();
            const std::size_t herhalingen = herhalingen_.size();
            lees(YamlNode());
            als_standaard(begin);
            a.vast = y_.fouten().size() == fouten && herhalingen_.size() == herhalingen;
            if (a.vast) a.feiten.assign(invoer_.feiten.begin() + static_cast<std::ptrdiff_t>(begin), invoer_.feiten.end());
            nu_gelezen = true;
        });
        if (nu_gelezen) return;
        if (!a.vast) {
            const std::size_t begin = invoer_.feiten.size();
            lees(YamlNode());
            als_standaard(begin);
            return;
        }
        // Pointing at the kept values: a.feiten does not change after call_once, and lives as long as
        // the process.
        for (const InvoerFeit& f : a.feiten) {
            InvoerFeit& gedeeld = invoer_.feiten.emplace_back();
            gedeeld.sjabloon = f.sjabloon;
            gedeeld.gedeeld = &f.waarden();
            gedeeld.standaard = true;
        }
    }

    // The facts from `begin` on are defaults, not what the profile says.
    void als_standaard(std::size_t begin) {
        for (std::size_t i = begin; i < invoer_.feiten.size(); ++i) invoer_.feiten[i].standaard = true;
    }

    // --- Checks, each as the definition has the key ------------------------------------------------

    std::optional<Velden> kaart(const Veld& def, const YamlNode& node, std::string_view pad) {
        return y_.kaart(node, pad, als(def, Soort::kaart).sleutels);
    }

    // The checks below return at once for an absent key, before its path is joined: the path is only
    // for messages, and most keys of a small profile are absent (a third of reading one, else).
    std::optional<std::vector<YamlNode>> lijst(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        als(def.veld(sleutel), Soort::lijst);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return std::vector<YamlNode>{};
        return y_.lijst(node, pad_van(pad, sleutel));
    }

    // The required keys of a list element, in the definition's order; absence is reported at the element.
    void verplichte(const Veld& def, const Velden& v, const std::string& pad) {
        for (const auto& k : def.velden) {
            if (!k.verplicht || !afwezig(v[k.naam])) continue;
            // Said at the element (the key has no place of its own); the path is the key's: the field to fill in.
            const Pad ontbrekend = pad_van(pad, k.naam);
            y_.fout(v.heeft(k.naam) ? v.plaats(k.naam) : v.kaart.mark(), fmt::format("'{}' ontbreekt", ontbrekend.tekst()), ontbrekend);
        }
    }

    std::optional<bool> ja_nee(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        als(def.veld(sleutel), Soort::ja_nee);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return std::nullopt;
        return y_.boolean(node, pad_van(pad, sleutel));
    }

    std::optional<std::string> tekst(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        const Veld& veld = als(def.veld(sleutel), Soort::tekst);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return std::nullopt;
        auto waarde = y_.tekst(node, pad_van(pad, sleutel));
        // A name or topic of only spaces names nothing: an advice would show a blank where it belongs.
        if (veld.niet_leeg && waarde && only_white_space(*waarde)) {
            y_.fout(v.plaats(sleutel), fmt::format("'{}' mag niet leeg zijn", pad_van(pad, sleutel).tekst()), pad_van(pad, sleutel));
            return std::nullopt;
        }
        return waarde;
    }

    // A free text (wijk, group, message topic) without the white space around it, each run inside as one
    // space; absent is "". A topic copied with a trailing (no-break) space is the same topic to a reader,
    // and must meet its twin in the contradiction check. The spelling otherwise stays the user's (case is
    // compared in the knowledge base, with lower(), and for figures in lees_metingen); white space is what the rule language's trim() cuts
    // (engine/text_space.hpp), so the knowledge base need not trim again.
    std::string vrije_tekst(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        return squeezed(tekst(def, v, sleutel, pad).value_or(""));
    }

    // A factor of the Tafel van 12 where an indicator belongs, or the other way round, is a mix-up of two
    // kinds, not a typo: say what the word is and what to use instead (the indicator that measures the
    // factor, or the factor the indicator points at), instead of only listing what is allowed.
    bool andere_soort(const Veld& woord, const YamlNode& node, std::string_view pad) {
        if (!node.is_scalar()) return false;
        const std::string& s = node.scalar();
        const auto naam = [](const std::map<std::string, std::string>& namen, const std::string& id) {
            const auto it = namen.find(id);
            return it == namen.end() || it->second.empty() ? id : it->second;
        };
        if (woord.woorden == Woorden::indicatoren && voc_.is_factor(s)) {
            std::vector<std::string> passend;
            for (const auto& [indicator, factor] : voc_.signalen)
                if (factor == s) passend.push_back(fmt::format("{} ({})", indicator, naam(voc_.indicator_naam, indicator)));
            y_.fout(node, fmt::format(
                "'{}' in '{}' is een factor van de Tafel van 12{}, geen indicator: een indicator is een gemeten cijfer. {} "
                "Zet de factor zelf in analyse.factoren en plan er acties op (beleid.acties).",
                s, pad, naam(voc_.factor_naam, s) == s ? "" : fmt::format(" ({})", naam(voc_.factor_naam, s)),
                passend.empty() ? fmt::format("Bij deze factor hoort geen eigen indicator; kies een indicator die je meet, zoals "
                                              "{} ({}).", voc_.indicatoren.front(), naam(voc_.indicator_naam, voc_.indicatoren.front()))
                                : fmt::format("Een ongunstig cijfer op {} wijst op deze factor; gebruik {} als indicator.",
                                              en_lijst(passend), passend.size() == 1 ? "die" : "een daarvan")),
                    pad);
            return true;
        }
        if (woord.woorden == Woorden::factoren && voc_.is_indicator(s)) {
            std::vector<std::string> passend;
            for (const auto& [indicator, factor] : voc_.signalen)
                if (indicator == s) passend.push_back(fmt::format("{} ({})", factor, naam(voc_.factor_naam, factor)));
            y_.fout(node, fmt::format(
                "'{}' in '{}' is een indicator ({}), geen factor van de Tafel van 12. {}", s, pad, naam(voc_.indicator_naam, s),
                passend.empty() ? fmt::format("Kies de factor waar het cijfer op wijst: {}.", samen(voc_.factoren))
                                : fmt::format("Een ongunstig cijfer op deze indicator wijst op {}.", en_lijst(passend))),
                    pad);
            return true;
        }
        return false;
    }

    std::optional<std::string> keuze(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        const Veld& k = als(def.veld(sleutel), Soort::keuze);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return std::nullopt;
        if (andere_soort(k, node, pad_van(pad, sleutel))) return std::nullopt;
        const auto woorden = profiel::keuzewoorden(k, voc_);
        return y_.keuze(node, pad_van(pad, sleutel), woorden.opties, k.wat, k.bedoeld, woorden.namen);
    }

    // A keuze with what its absence means, as the definition says.
    std::string keuze_of_standaard(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        auto w = keuze(def, v, sleutel, pad);
        return w ? *w : def.veld(sleutel).standaard.value();
    }

    std::optional<std::int64_t> geheel(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        const Veld& k = als(def.veld(sleutel), Soort::geheel);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return std::nullopt;
        const Pad p = pad_van(pad, sleutel);
        auto n = y_.geheel(node, p);
        if (!n) return n;
        if (k.enige && *n != *k.enige) {
            y_.fout(node, fmt::format("{} {} wordt niet ondersteund; deze wegwijzer leest {} {}", p, *n, p, *k.enige), p);
            return std::nullopt;
        }
        switch (k.grens) {
            case profiel::Grens::jaartal:
                if (*n >= profiel::eerste_jaar && *n <= profiel::laatste_jaar) return n;
                y_.fout(node, fmt::format("'{}' moet een jaartal tussen {} en {} zijn, niet {}", p, profiel::eerste_jaar,
                                          profiel::laatste_jaar, *n), p);
                return std::nullopt;
            case profiel::Grens::positief:
                if (*n > 0 && (!k.hoogstens || *n <= *k.hoogstens)) return n;
                y_.fout(node, k.hoogstens ? fmt::format("'{}' moet groter dan 0 en hoogstens {} zijn, niet {}", p, getal_nl(*k.hoogstens), *n)
                                          : fmt::format("'{}' moet groter dan 0 zijn, niet {}", p, *n), p);
                return std::nullopt;
            case profiel::Grens::percentage:
                if (*n >= 0 && *n <= 100) return n;
                y_.fout(node, fmt::format("'{}' is een percentage en moet tussen 0 en 100 liggen, niet {}", p, *n), p);
                return std::nullopt;
            case profiel::Grens::geen: break;
        }
        return n;
    }

    std::optional<double> getal(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad) {
        const Veld& k = als(def.veld(sleutel), Soort::getal);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return std::nullopt;
        const Pad p = pad_van(pad, sleutel);
        auto g = y_.getal(node, p);
        if (!g) return g;
        switch (k.grens) {
            case profiel::Grens::percentage:
                if (*g >= 0 && *g <= 100) return g;
                y_.fout(node, fmt::format("'{}' is een percentage en moet tussen 0 en 100 liggen, niet {}", p, node.scalar()), p);
                return std::nullopt;
            case profiel::Grens::positief:
                if (*g > 0 && (!k.hoogstens || *g <= *k.hoogstens)) return g;
                y_.fout(node, k.hoogstens
                                  ? fmt::format("'{}' moet groter dan 0 en hoogstens {} zijn, niet {}", p, getal_nl(*k.hoogstens),
                                                node.scalar())
                                  : fmt::format("'{}' moet groter dan 0 zijn, niet {}", p, node.scalar()), p);
                return std::nullopt;
            case profiel::Grens::jaartal:
                if (*g >= profiel::eerste_jaar && *g <= profiel::laatste_jaar) return g;
                y_.fout(node, fmt::format("'{}' moet een jaartal tussen {} en {} zijn, niet {}", p, profiel::eerste_jaar,
                                          profiel::laatste_jaar, node.scalar()), p);
                return std::nullopt;
            case profiel::Grens::geen: break;
        }
        return g;
    }

    // --- The sections ------------------------------------------------------------------------------

    void lees_secties(const Velden& s) {
        const Veld& def = profiel::gemeenteprofiel();
        for (const auto& i : s.items)
            if (i.sleutel != "versie" && i.sleutel != "vraaggesprek" && telt_mee(i.sleutel))
                feit(InvoerSjabloon::sectie, {{"naam", sym(i.sleutel)}});

        geheel(def, s, "versie", "");
        lees_gemeente(def.veld("gemeente"), s);
        sectie(s, Sectie::drijfveer, "drijfveer", [&](const YamlNode& n) { lees_drijfveer(def.veld("drijfveer"), n); });
        sectie(s, Sectie::metingen, "metingen", [&](const YamlNode& n) { lees_metingen(def.veld("metingen"), n); });
        sectie(s, Sectie::bronnen, "bronnen", [&](const YamlNode& n) { lees_bronnen(def.veld("bronnen"), n); });
        sectie(s, Sectie::informatie, "informatie", [&](const YamlNode& n) { lees_informatie(def.veld("informatie"), n); });
        sectie(s, Sectie::analyse, "analyse", [&](const YamlNode& n) { lees_analyse(def.veld("analyse"), n); });
        // Counts for both opdrachten: sectie() reads it as it is.
        sectie(s, Sectie::communicatie, "communicatie",
               [&](const YamlNode& n) { lees_communicatie(def.veld("communicatie"), n); });
        sectie(s, Sectie::beleid, "beleid", [&](const YamlNode& n) { lees_beleid(def.veld("beleid"), n); });
        sectie(s, Sectie::evaluatie, "evaluatie", [&](const YamlNode& n) { lees_evaluatie(def.veld("evaluatie"), n); });
        lees_vraaggesprek(def.veld("vraaggesprek"), s["vraaggesprek"]);
        for (const ReeksPlaats& p : plaats_in_reeksen(invoer_.feiten))
            feit(InvoerSjabloon::reeks_plaats, {{"nr", p.nr},
                                                {"reeks", p.reeks},
                                                {"positie", p.positie ? Value(*p.positie) : Value()},
                                                {"jaren", p.jaren}});
        feit(InvoerSjabloon::modus, {{"opdracht", sym(opdracht_ == Opdracht::advies ? "advies" : "communicatie")}});
        for (const auto& h : herhalingen_)
            feit(InvoerSjabloon::herhaling, {{"lijst", sym(h.lijst)}, {"id", sym(h.id)}, {"keer", h.keer}});
    }

    // The one required section and key, with messages that say what the profile must at least hold.
    void lees_gemeente(const Veld& def, const Velden& s) {
        if (!s.heeft("gemeente")) {
            y_.fout(s.kaart, "sectie 'gemeente' ontbreekt; elk profiel noemt minstens 'gemeente: {naam: ...}'", "gemeente");
            return;
        }
        auto v = kaart(def, s["gemeente"], "gemeente");
        if (!v) return;
        std::optional<std::string> naam;
        if (!v->heeft("naam")) {
            y_.fout(afwezig(v->kaart) ? s.plaats("gemeente") : v->kaart.mark(),
                    "'gemeente.naam' ontbreekt; de naam van de gemeente is verplicht", "gemeente.naam");
        } else {
            if (afwezig((*v)["naam"])) y_.fout(v->plaats("naam"), "'gemeente.naam' mag niet leeg zijn", "gemeente.naam");
            else naam = tekst(def, *v, "naam", "gemeente");
        }
        auto inwoners = geheel(def, *v, "inwoners", "gemeente");
        if (naam) invoer_.gemeente = *naam;
        feit(InvoerSjabloon::gemeente, {{"naam", str(naam.value_or(""))}, {"inwoners", inwoners ? Value(*inwoners) : Value()}});
    }

    void lees_drijfveer(const Veld& def, const YamlNode& node) {
        const std::string pad = def.naam;
        auto v = kaart(def, node, pad);
        if (!v) return;
        auto bepaald = ja_nee(def, *v, "bepaald", pad);
        auto soort = keuze(def, *v, "soort", pad);
        auto gedeeld = ja_nee(def, *v, "gedeeld_met_bestuur", pad);
        // A missing key means "not known yet", which the advice must not report as "not shared".
        if (gedeeld) feit(InvoerSjabloon::sectie, {{"naam", sym("drijfveer_gedeeld")}});
        if (bepaald) feit(InvoerSjabloon::sectie, {{"naam", sym("drijfveer_bepaald")}});
        feit(InvoerSjabloon::drijfveer, {{"bepaald", bepaald.value_or(false)},
                           {"soort", sym(soort.value_or("onbekend"))},
                           {"gedeeld_met_bestuur", gedeeld.value_or(false)}});
    }

    // What makes a measurement one row of a series: two rows alike in all of it are one figure twice.
    struct Meetpunt {
        std::string indicator, gebied, groep;
        std::optional<std::int64_t> jaar;
        auto operator<=>(const Meetpunt&) const = default;
    };

    static std::string beschrijf_meetpunt(const Meetpunt& m) {
        std::string uit = fmt::format("'{}' {}", m.indicator, m.gebied.empty() ? "voor de hele gemeente" : "in " + m.gebied);
        if (!m.groep.empty()) uit += fmt::format(" (groep {})", m.groep);
        uit += m.jaar ? fmt::format(" in {}", *m.jaar) : std::string(" zonder jaar");
        return uit;
    }

    // Without this, "'x' in Noord in 2023 staat al op regel 4" under a row that says 'noord' reads as a wrong
    // message: say what made the two rows one (the capitals, or a hyphen or space).
    static std::string andere_schrijfwijze(const std::string& gebied_geschreven, const std::string& gebied,
                                           const std::string& groep_geschreven, const std::string& groep) {
        const auto waarom = [](const std::string& a, const std::string& b) {
            std::string la, lb;
            append_lower(a, la);
            append_lower(b, lb);
            return la == lb ? "hoofdletters maken" : "hoofdletters, koppeltekens en spaties maken";
        };
        if (gebied_geschreven != gebied)
            return fmt::format(" ('{}' en '{}' zijn dezelfde wijk: {} geen andere wijk)", gebied_geschreven, gebied,
                               waarom(gebied_geschreven, gebied));
        if (groep_geschreven != groep)
            return fmt::format(" ('{}' en '{}' zijn dezelfde groep: {} geen andere groep)", groep_geschreven, groep,
                               waarom(groep_geschreven, groep));
        return {};
    }

    // A wijk or group written in other capitals in another row ('Noord' in 2021, 'noord' in 2023), or with a
    // hyphen where another row has a space ('Oud-West' in the figures, 'Oud West' in an action), is the same
    // place: an export that changed its spelling between two years must not split a series into two wijken, each
    // with one figure, and an action must not miss the wijk it names (blind run 87, Hardenveld). The first spelling
    // in the figures (then in the actions) names the place everywhere, so the advice keeps the profile's own
    // spelling and never names one wijk in two ways. The figures are read before the actions.
    static std::string eerste_schrijfwijze(std::map<std::string, std::string>& spellingen, std::string naam) {
        if (naam.empty()) return naam;
        std::string klein, sleutel;
        append_lower(naam, klein);
        for (char c : klein) {
            const bool scheiding = c == '-' || c == ' ' || c == '\t';
            if (!scheiding) sleutel += c;
            else if (!sleutel.empty() && sleutel.back() != ' ') sleutel += ' ';
        }
        while (!sleutel.empty() && sleutel.back() == ' ') sleutel.pop_back();
        if (sleutel.empty()) sleutel = klein;  // a name of hyphens only stays its own place
        return spellingen.try_emplace(std::move(sleutel), naam).first->second;
    }

    void lees_metingen(const Veld& def, const YamlNode& node) {
        auto lijst = y_.lijst(node, als(def, Soort::lijst).naam);
        if (!lijst) return;
        const Veld& m = def.element();
        std::map<Meetpunt, YAML::Mark> gezien;
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const std::string pad = fmt::format("{}[{}]", def.naam, i + 1);
            auto v = kaart(m, (*lijst)[i], pad);
            if (!v) continue;
            verplichte(m, *v, pad);
            auto indicator = keuze(m, *v, "indicator", pad);
            auto waarde = getal(m, *v, "waarde", pad);
            auto vergelijkbaar = getal(m, *v, "vergelijkbaar", pad);
            auto vorige = getal(m, *v, "vorige", pad);
            const std::string gebied_geschreven = vrije_tekst(m, *v, "gebied", pad);
            const std::string gebied = eerste_schrijfwijze(gebieden_, gebied_geschreven);
            auto jaar = geheel(m, *v, "jaar", pad);
            const std::string groep_geschreven = vrije_tekst(m, *v, "groep", pad);
            const std::string groep = eerste_schrijfwijze(groepen_, groep_geschreven);
            auto marge = getal(m, *v, "marge", pad);
            auto respondenten = geheel(m, *v, "respondenten", pad);
            // A row whose year was written wrong is not compared: its fault is already reported.
            if (indicator && (jaar || afwezig((*v)["jaar"]))) {
                Meetpunt punt{*indicator, gebied, groep, jaar};
                const YAML::Mark hier = (*lijst)[i].mark();
                if (auto [it, nieuw] = gezien.emplace(punt, hier); !nieuw)
                    y_.fout(hier, fmt::format("dubbele meting: {} staat al op regel {} (kolom {}){}", beschrijf_meetpunt(punt),
                                              it->second.line + 1, kolom_in_tekens(tekst_, it->second),
                                              andere_schrijfwijze(gebied_geschreven, gebied, groep_geschreven, groep)),
                            pad);
            }
            feit(InvoerSjabloon::meting, {{"nr", static_cast<std::int64_t>(i + 1)},
                            {"indicator", of_nil_sym(indicator)},
                            {"waarde", waarde.value_or(0.0)},
                            {"vergelijkbaar", of_nil(vergelijkbaar)},
                            {"vorige", of_nil(vorige)},
                            {"gebied", str(gebied)},
                            {"jaar", jaar ? Value(*jaar) : Value()},
                            {"groep", str(groep)},
                            {"marge", of_nil(marge)},
                            {"respondenten", respondenten ? Value(*respondenten) : Value()}});
        }
    }

    void lees_bronnen(const Veld& def, const YamlNode& node) {
        auto lijst = y_.lijst(node, als(def, Soort::lijst).naam);
        if (!lijst) return;
        const Veld& b = def.element();
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const std::string pad = fmt::format("{}[{}]", def.naam, i + 1);
            auto v = kaart(b, (*lijst)[i], pad);
            if (!v) continue;
            verplichte(b, *v, pad);
            auto id = keuze(b, *v, "id", pad);
            const std::string partner = keuze_of_standaard(b, *v, "partner", pad);
            feit(InvoerSjabloon::bron, {{"nr", static_cast<std::int64_t>(i + 1)},
                          {"id", of_nil_sym(id)},
                          {"partner", sym(partner)}});
        }
    }

    void lees_informatie(const Veld& def, const YamlNode& node) {
        auto v = kaart(def, node, def.naam);
        if (!v) return;
        auto bepaald = ja_nee(def, *v, "ontbrekend_bepaald", def.naam);
        if (bepaald) feit(InvoerSjabloon::sectie, {{"naam", sym("informatie_ontbrekend_bepaald")}});
        feit(InvoerSjabloon::informatie, {{"ontbrekend_bepaald", bepaald.value_or(false)}});
    }

    // A list of words (w-questions, factors, aspects), key `sleutel` of the map `def` at `pad`: one
    // fact per word, at the place it first appears; a word written more than once counts once and is
    // reported as a `herhaling` of `lijstnaam` (the knowledge base warns: usually the tool that wrote
    // the file went wrong).
    void woordenlijst(const Veld& def, const Velden& v, std::string_view sleutel, std::string_view pad,
                      InvoerSjabloon sjabloon, std::string_view slot, std::string_view lijstnaam) {
        const Veld& woord = als(als(def.veld(sleutel), Soort::lijst).element(), Soort::keuze);
        const auto [opties, namen] = profiel::keuzewoorden(woord, voc_);
        const YamlNode node = v[sleutel];
        if (afwezig(node)) return;
        const Pad lpad = pad_van(pad, sleutel);
        auto lijst = y_.lijst(node, lpad);
        if (!lijst) return;
        std::vector<std::pair<std::string, std::int64_t>> keren;  // in order of first appearance
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const YamlNode& e = (*lijst)[i];
            const std::string epad = fmt::format("{}[{}]", lpad, i + 1);
            if (afwezig(e)) {
                y_.fout(e.is_defined() ? e : node, fmt::format("'{}' is leeg; verwacht een {}", epad, woord.wat), epad);
                continue;
            }
            if (andere_soort(woord, e, epad)) continue;
            auto w = y_.keuze(e, epad, opties, woord.wat, woord.bedoeld, namen);
            if (!w) continue;
            auto it = std::find_if(keren.begin(), keren.end(), [&](const auto& k) { return k.first == *w; });
            if (it != keren.end()) {
                ++it->second;
                continue;
            }
            keren.emplace_back(*w, 1);
            feit(sjabloon, {{"nr", static_cast<std::int64_t>(i + 1)}, {slot, sym(*w)}});
        }
        if (!bewaar_) return;
        for (const auto& [id, keer] : keren)
            if (keer > 1) herhalingen_.push_back({std::string(lijstnaam), id, keer});
    }

    void lees_analyse(const Veld& def, const YamlNode& node) {
        const std::string pad = def.naam;
        auto v = kaart(def, node, pad);
        if (!v) return;
        auto uitgevoerd = ja_nee(def, *v, "uitgevoerd", pad);
        auto problematisch = keuze(def, *v, "problematisch", pad);
        auto rapportage = ja_nee(def, *v, "rapportage", pad);
        // Whether the profile says the analysis was (not) carried out, or is silent about it: a missing key
        // with results beside it is a gap, not the contradiction an explicit 'uitgevoerd: false' is.
        if (uitgevoerd) feit(InvoerSjabloon::sectie, {{"naam", sym("analyse_uitgevoerd")}});
        if (rapportage) feit(InvoerSjabloon::sectie, {{"naam", sym("analyse_rapportage")}});
        // Without 'vragen' the profile does not say which questions the analysis answers ("niet vastgelegd");
        // an empty or given list says which ones it does.
        if (v->heeft("vragen")) feit(InvoerSjabloon::sectie, {{"naam", sym("analyse_vragen")}});
        feit(InvoerSjabloon::analyse, {{"uitgevoerd", uitgevoerd.value_or(false)},
                         {"problematisch", sym(problematisch.value_or("onbekend"))},
                         {"rapportage", rapportage.value_or(false)}});
        woordenlijst(def, *v, "vragen", pad, InvoerSjabloon::analysevraag, "vraag", "analyse_vragen");
        woordenlijst(def, *v, "factoren", pad, InvoerSjabloon::gekozen_factor, "factor", "analyse_factoren");
    }

    void lees_communicatie(const Veld& def, const YamlNode& node) {
        const std::string cpad = def.naam;
        auto v = kaart(def, node, cpad);
        if (!v) return;
        auto frame = keuze(def, *v, "frame", cpad);
        auto effect = ja_nee(def, *v, "effect_onderzocht", cpad);
        if (effect) feit(InvoerSjabloon::sectie, {{"naam", sym("communicatie_effect_onderzocht")}});
        feit(InvoerSjabloon::communicatie, {{"frame", sym(frame.value_or("onbekend"))}, {"effect_onderzocht", effect.value_or(false)}});
        auto lijst = this->lijst(def, *v, "boodschappen", cpad);
        if (!lijst) return;
        const Veld& bd = def.veld("boodschappen").element();
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const std::string pad = fmt::format("{}.boodschappen[{}]", cpad, i + 1);
            auto b = kaart(bd, (*lijst)[i], pad);
            if (!b) continue;
            verplichte(bd, *b, pad);
            const std::string onderwerp = vrije_tekst(bd, *b, "onderwerp", pad);
            auto buikpijn = keuze(bd, *b, "buikpijn", pad);
            auto aanpak = keuze(bd, *b, "aanpak", pad);
            feit(InvoerSjabloon::boodschap, {{"nr", static_cast<std::int64_t>(i + 1)},
                               {"onderwerp", str(onderwerp)},
                               {"buikpijn", sym(buikpijn.value_or("onbekend"))},
                               {"aanpak", of_nil_sym(aanpak)}});
        }
    }

    void lees_beleid(const Veld& def, const YamlNode& node) {
        const std::string bpad = def.naam;
        const Veld& smart_def = def.veld("smart");
        const Veld& ivp_def = def.veld("ivp");
        auto v = kaart(def, node, bpad);
        std::optional<Velden> smart, ivp;
        if (v) {
            auto b = [&](const char* k) { return ja_nee(def, *v, k, bpad).value_or(false); };
            feit(InvoerSjabloon::beleid, {{"doel_benoemd", b("doel_benoemd")},
                            {"uitvoeringsplan", b("uitvoeringsplan")},
                            {"werkhouding_sessies", b("werkhouding_sessies")},
                            {"vuistregels", b("vuistregels")},
                            {"gedeelde_visie", b("gedeelde_visie")}});
            // Without the key, false is only the default: the advice then says "niet vastgelegd", not "nee",
            // and does not reopen a step-4 example action once step 4 is done (knowledge-base/invoer.yaml).
            for (const char* k : {"doel_benoemd", "uitvoeringsplan", "werkhouding_sessies", "vuistregels", "gedeelde_visie"})
                if (v->heeft(k)) feit(InvoerSjabloon::sectie, {{"naam", sym(fmt::format("beleid_{}", k))}});
            if (v->heeft("smart")) {
                feit(InvoerSjabloon::sectie, {{"naam", sym("smart")}});
                smart = kaart(smart_def, (*v)["smart"], pad_van(bpad, "smart"));
            }
            if (v->heeft("ivp")) {
                feit(InvoerSjabloon::sectie, {{"naam", sym("ivp")}});
                ivp = kaart(ivp_def, (*v)["ivp"], pad_van(bpad, "ivp"));
            }
        }
        // smart and ivp are always asserted, with defaults when absent (the agreement between reader
        // and knowledge base): rules then need not test for their absence separately.
        if (smart) {
            const Pad spad = pad_van(bpad, "smart");
            auto gekozen = ja_nee(smart_def, *smart, "gekozen", spad);
            auto indicator = keuze(smart_def, *smart, "indicator", spad);
            auto daling = getal(smart_def, *smart, "daling_pct", spad);
            auto termijn = getal(smart_def, *smart, "termijn_jaren", spad);
            // Either direction on any indicator is read as given: a daling on an indicator where
            // higher is better is the knowledge base's to point out, not an input error.
            auto stijging = getal(smart_def, *smart, "stijging_pct", spad);
            auto startjaar = geheel(smart_def, *smart, "startjaar", spad);
            if (gekozen) feit(InvoerSjabloon::sectie, {{"naam", sym("smart_gekozen")}});
            feit(InvoerSjabloon::smart, {{"gekozen", gekozen.value_or(false)},
                           {"indicator", of_nil_sym(indicator)},
                           {"daling_pct", of_nil(daling)},
                           {"termijn_jaren", of_nil(termijn)},
                           {"stijging_pct", of_nil(stijging)},
                           {"startjaar", startjaar ? Value(*startjaar) : Value()}});
        } else {
            const std::size_t begin = invoer_.feiten.size();
            feit(InvoerSjabloon::smart, {{"gekozen", false}, {"indicator", Value()}, {"daling_pct", Value()},
                                         {"termijn_jaren", Value()}, {"stijging_pct", Value()}, {"startjaar", Value()}});
            als_standaard(begin);
        }
        if (ivp) {
            const Pad ipad = pad_van(bpad, "ivp");
            auto opgenomen = ja_nee(ivp_def, *ivp, "opgenomen", ipad);
            if (opgenomen) feit(InvoerSjabloon::sectie, {{"naam", sym("ivp_opgenomen")}});
            feit(InvoerSjabloon::ivp, {{"opgenomen", opgenomen.value_or(false)}});
            // Without 'prioritaire_factoren' the profile does not say which factors the IVP puts first ("niet
            // vastgelegd"); an empty list says it puts none first ("geen"). A key without a value says nothing, as
            // everywhere in the reader (woordenlijst, ja_nee).
            if (!afwezig((*ivp)["prioritaire_factoren"])) feit(InvoerSjabloon::sectie, {{"naam", sym("ivp_prioritaire_factoren")}});
            woordenlijst(ivp_def, *ivp, "prioritaire_factoren", ipad, InvoerSjabloon::ivp_prioriteit, "factor",
                         "ivp_prioritaire_factoren");
        } else {
            const std::size_t begin = invoer_.feiten.size();
            feit(InvoerSjabloon::ivp, {{"opgenomen", false}});
            als_standaard(begin);
        }
        if (!v) return;
        auto acties = lijst(def, *v, "acties", bpad);
        if (!acties) return;
        const Veld& ad = def.veld("acties").element();
        // Whether any action states its status: without one (a version-1 profile) `gepland` is only the
        // default, not a statement that nothing has started.
        bool status_gegeven = false;
        for (std::size_t i = 0; i < acties->size(); ++i) {
            const std::string pad = fmt::format("{}.acties[{}]", bpad, i + 1);
            auto a = kaart(ad, (*acties)[i], pad);
            if (!a) continue;
            verplichte(ad, *a, pad);
            auto naam = tekst(ad, *a, "naam", pad);
            auto factor = keuze(ad, *a, "factor", pad);
            const std::string gebied = eerste_schrijfwijze(gebieden_, vrije_tekst(ad, *a, "gebied", pad));
            const std::string groep = eerste_schrijfwijze(groepen_, vrije_tekst(ad, *a, "groep", pad));
            const std::string status = keuze_of_standaard(ad, *a, "status", pad);
            status_gegeven = status_gegeven || a->heeft("status");
            feit(InvoerSjabloon::actie, {{"nr", static_cast<std::int64_t>(i + 1)},
                                         {"naam", str(naam.value_or(""))},
                                         {"factor", of_nil_sym(factor)},
                                         {"gebied", str(gebied)},
                                         {"groep", str(groep)},
                                         {"status", sym(status)}});
        }
        if (status_gegeven) feit(InvoerSjabloon::sectie, {{"naam", sym("actie_status")}});
    }

    void lees_evaluatie(const Veld& def, const YamlNode& node) {
        const std::string pad = def.naam;
        auto v = kaart(def, node, pad);
        if (!v) return;
        auto momenten = ja_nee(def, *v, "momenten_vastgelegd", pad);
        auto nulmeting = ja_nee(def, *v, "nulmeting", pad);
        auto jaar = geheel(def, *v, "nulmeting_jaar", pad);
        if (momenten) feit(InvoerSjabloon::sectie, {{"naam", sym("evaluatie_momenten_vastgelegd")}});
        if (nulmeting) feit(InvoerSjabloon::sectie, {{"naam", sym("evaluatie_nulmeting")}});
        feit(InvoerSjabloon::evaluatie, {{"momenten_vastgelegd", momenten.value_or(false)},
                                         {"nulmeting", nulmeting.value_or(false)},
                                         {"nulmeting_jaar", jaar ? Value(*jaar) : Value()}});
        woordenlijst(def, *v, "aspecten", pad, InvoerSjabloon::evaluatie_aspect, "aspect", "evaluatie_aspecten");
    }

    // What an interview recorded as answered "weet ik niet" (docs/vraaggesprek.md): no facts for the
    // advice, which reads a missing field as not known; checked so that a typo does not pass.
    void lees_vraaggesprek(const Veld& def, const YamlNode& node) {
        const std::string pad = def.naam;
        auto v = kaart(def, node, pad);
        if (!v) return;
        auto l = lijst(def, *v, "onbekend", pad);
        if (!l) return;
        als(def.veld("onbekend").element(), Soort::veldpad);
        for (std::size_t i = 0; i < l->size(); ++i) {
            const YamlNode& item = (*l)[i];
            const std::string ipad = fmt::format("{}.onbekend[{}]", pad, i + 1);
            if (afwezig(item)) {
                y_.fout(item, fmt::format("'{}' is leeg; noem het veld dat onbekend is, bijvoorbeeld drijfveer.soort", ipad), ipad);
                continue;
            }
            auto veld = y_.tekst(item, ipad);
            if (veld && !profiel::is_veldpad(*veld))
                y_.fout(item, fmt::format("'{}' is geen veld van het gemeenteprofiel", *veld), ipad);
        }
    }

    struct Herhaling {
        std::string lijst, id;
        std::int64_t keer = 0;
    };

    YamlLezer y_;
    std::string_view tekst_;
    const Vocabulaire& voc_;
    Opdracht opdracht_;
    Invoer invoer_;
    // Off while a section that does not count for the opdracht is only checked.
    bool bewaar_ = true;
    std::vector<Herhaling> herhalingen_;  // asserted last, in the order found
    // The first spelling of each wijk and group, by its name in lower case (eerste_schrijfwijze).
    std::map<std::string, std::string> gebieden_, groepen_;
};

}  // namespace

ProfielResultaat lees_profiel(const YamlNode& wortel, const std::string& bestand, const Vocabulaire& vocabulaire,
                              Opdracht opdracht) {
    return ProfielLezer(bestand, {}, vocabulaire, opdracht).lees(wortel);
}

ProfielResultaat lees_profiel(const YamlNode& wortel, const std::string& bestand, std::string_view tekst,
                              const Vocabulaire& vocabulaire, Opdracht opdracht) {
    return ProfielLezer(bestand, tekst, vocabulaire, opdracht).lees(wortel);
}

ProfielResultaat lees_profiel_tekst(std::string_view tekst, const std::string& bestand, const Vocabulaire& vocabulaire,
                                    Opdracht opdracht) {
    // Syntax errors in Dutch, at the place to fix (advies/yaml_syntax.cpp).
    ProfielYaml gelezen = lees_profiel_yaml(tekst, bestand);
    if (!gelezen.fouten.empty()) {
        ProfielResultaat r;
        r.fouten = std::move(gelezen.fouten);
        return r;
    }
    const auto& documenten = gelezen.documenten.roots;
    if (documenten.size() > 1) {
        ProfielResultaat r;
        YamlLezer y(bestand, tekst);
        y.fout(documenten[1], "het bestand bevat meer dan één YAML-document; een profiel is één document");
        r.fouten = y.neem_fouten();
        return r;
    }
    return lees_profiel(documenten.empty() ? YamlNode() : documenten[0], bestand, tekst, vocabulaire, opdracht);
}

Profieltekst lees_profieltekst(const std::string& pad) {
    Profieltekst t;
    t.naam = pad == "-" ? "<stdin>" : pad;
    try {
        t.tekst = pad == "-" ? read_input_stream(std::cin, t.naam) : read_input_file(pad);
    } catch (const LoadError& e) {
        for (Fout f : e.diagnostics.items()) {
            f.line = 1;  // the contract promises FILE:LINE:COL for every problem
            f.col = 1;
            t.fouten.push_back(std::move(f));
        }
    }
    return t;
}

ProfielResultaat lees_profiel(const Profieltekst& tekst, const Vocabulaire& vocabulaire, Opdracht opdracht) {
    if (!tekst.fouten.empty()) {
        ProfielResultaat r;
        r.fouten = tekst.fouten;
        return r;
    }
    return lees_profiel_tekst(tekst.tekst, tekst.naam, vocabulaire, opdracht);
}

ProfielResultaat lees_profiel_bestand(const std::string& pad, const Vocabulaire& vocabulaire, Opdracht opdracht) {
    return lees_profiel(lees_profieltekst(pad), vocabulaire, opdracht);
}

}  // namespace ww::advies
