// SPDX-License-Identifier: EUPL-1.2
#include "advies/profiel_lezer.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "advies/yaml_lezer.hpp"
#include "advies/yaml_syntax.hpp"
#include "rules/input_limits.hpp"

namespace ww::advies {

namespace {

using Lijst = std::vector<std::string>;

// The shape of the contract. Enumerations that are part of the contract itself live here; ids of
// factors, sources and indicators come from the knowledge base's vocabulary.
const Lijst secties = {"versie", "gemeente", "drijfveer", "metingen", "bronnen", "informatie",
                       "analyse", "communicatie", "beleid", "evaluatie"};
const Lijst sleutels_gemeente = {"naam", "inwoners"};
const Lijst sleutels_drijfveer = {"bepaald", "soort", "gedeeld_met_bestuur"};
const Lijst sleutels_meting = {"indicator", "waarde", "vergelijkbaar", "vorige",     "gebied",
                               "jaar",      "groep",  "marge",         "respondenten"};
const Lijst sleutels_bron = {"id", "partner"};
const Lijst sleutels_informatie = {"ontbrekend_bepaald"};
const Lijst sleutels_analyse = {"uitgevoerd", "vragen", "problematisch", "factoren", "rapportage"};
const Lijst sleutels_communicatie = {"frame", "effect_onderzocht", "boodschappen"};
const Lijst sleutels_boodschap = {"onderwerp", "buikpijn", "aanpak"};
const Lijst sleutels_beleid = {"doel_benoemd", "smart", "ivp", "uitvoeringsplan", "acties",
                               "werkhouding_sessies", "vuistregels", "gedeelde_visie"};
const Lijst sleutels_smart = {"gekozen", "indicator", "daling_pct", "termijn_jaren", "stijging_pct", "startjaar"};
const Lijst sleutels_ivp = {"opgenomen", "prioritaire_factoren"};
const Lijst sleutels_actie = {"naam", "factor", "gebied", "groep", "status"};
const Lijst sleutels_evaluatie = {"momenten_vastgelegd", "aspecten", "nulmeting", "nulmeting_jaar"};

const Lijst soorten_drijfveer = {"vergelijking", "streven", "leren", "anders"};
const Lijst partners = {"gemeente", "politie", "woningcorporatie", "anders"};
const Lijst ja_nee = {"ja", "nee", "onbekend"};
const Lijst frames = {"veiligheid", "onveiligheid", "onbekend"};
const Lijst aanpakken = {"expliciet", "terughoudend"};
const Lijst w_vragen = {"wie", "waar", "wanneer", "waarom", "waarvoor"};
const Lijst aspecten = {"inhoud", "effect", "proces"};
const Lijst actiestatussen = {"gepland", "lopend", "uitgevoerd", "gestopt"};

// A plausible year for a measurement, a baseline or the start of a target: anything outside is a
// typing error (23 for 2023), not data.
constexpr std::int64_t eerste_jaar = 1900, laatste_jaar = 2100;

// Free text without the spaces and tabs around it: " Noord" and "Noord" are one wijk.
std::string bijgesneden(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    const auto eind = s.find_last_not_of(" \t");
    return std::string(s.substr(begin, eind - begin + 1));
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
        } else if (auto v = y_.kaart(wortel, "", secties)) {
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
        std::vector<bool> gegeven(vorm.slots.size());
        for (const auto& [naam, waarde] : slots) {
            const auto plaats = static_cast<std::size_t>(std::find(vorm.slots.begin(), vorm.slots.end(), naam) - vorm.slots.begin());
            if (plaats == vorm.slots.size() || gegeven[plaats])
                throw std::logic_error(fmt::format("de profiellezer vult slot '{}' van '{}' niet één keer zoals invoer.hpp zegt",
                                                   naam, vorm.naam));
            gegeven[plaats] = true;
            f.waarden[plaats] = waarde;
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
    void sectie(const Velden& s, std::string_view naam, Lees&& lees) {
        if (telt_mee(naam)) {
            lees(s[naam]);
            return;
        }
        bewaar_ = false;
        lees(s[naam]);
        bewaar_ = true;
        lees(YamlNode());
    }

    void lees_secties(const Velden& s) {
        for (const auto& i : s.items)
            if (i.sleutel != "versie" && telt_mee(i.sleutel)) feit(InvoerSjabloon::sectie, {{"naam", sym(i.sleutel)}});

        if (auto versie = s["versie"]; versie.is_defined()) {
            if (auto v = y_.geheel(versie, "versie"); v && *v != 1)
                y_.fout(versie, fmt::format("versie {} wordt niet ondersteund; deze wegwijzer leest versie 1", *v));
        }
        lees_gemeente(s);
        sectie(s, "drijfveer", [&](const YamlNode& n) { lees_drijfveer(n); });
        sectie(s, "metingen", [&](const YamlNode& n) { lees_metingen(n); });
        sectie(s, "bronnen", [&](const YamlNode& n) { lees_bronnen(n); });
        sectie(s, "informatie", [&](const YamlNode& n) { lees_informatie(n); });
        sectie(s, "analyse", [&](const YamlNode& n) { lees_analyse(n); });
        lees_communicatie(s["communicatie"]);
        sectie(s, "beleid", [&](const YamlNode& n) { lees_beleid(n); });
        sectie(s, "evaluatie", [&](const YamlNode& n) { lees_evaluatie(n); });
        feit(InvoerSjabloon::modus, {{"opdracht", sym(opdracht_ == Opdracht::advies ? "advies" : "communicatie")}});
        for (const auto& h : herhalingen_)
            feit(InvoerSjabloon::herhaling, {{"lijst", sym(h.lijst)}, {"id", sym(h.id)}, {"keer", h.keer}});
    }

    void lees_gemeente(const Velden& s) {
        if (!s.heeft("gemeente")) {
            y_.fout(s.kaart, "sectie 'gemeente' ontbreekt; elk profiel noemt minstens 'gemeente: {naam: ...}'");
            return;
        }
        auto v = y_.kaart(s["gemeente"], "gemeente", sleutels_gemeente);
        if (!v) return;
        std::optional<std::string> naam;
        if (!v->heeft("naam")) {
            y_.fout(afwezig(v->kaart) ? s.plaats("gemeente") : v->kaart.mark(),
                    "'gemeente.naam' ontbreekt; de naam van de gemeente is verplicht");
        } else {
            naam = y_.tekst((*v)["naam"], "gemeente.naam");
            if (afwezig((*v)["naam"]) || (naam && naam->find_first_not_of(" \t") == std::string::npos)) {
                y_.fout(v->plaats("naam"), "'gemeente.naam' mag niet leeg zijn");
                naam.reset();
            }
        }
        auto inwoners = y_.geheel((*v)["inwoners"], "gemeente.inwoners");
        if (inwoners && *inwoners <= 0) {
            y_.fout((*v)["inwoners"], fmt::format("'gemeente.inwoners' moet groter dan 0 zijn, niet {}", *inwoners));
            inwoners.reset();
        }
        if (naam) invoer_.gemeente = *naam;
        feit(InvoerSjabloon::gemeente, {{"naam", str(naam.value_or(""))}, {"inwoners", inwoners ? Value(*inwoners) : Value()}});
    }

    void lees_drijfveer(const YamlNode& node) {
        auto v = y_.kaart(node, "drijfveer", sleutels_drijfveer);
        if (!v) return;
        auto bepaald = y_.boolean((*v)["bepaald"], "drijfveer.bepaald");
        auto soort = y_.keuze((*v)["soort"], "drijfveer.soort", soorten_drijfveer, "soort drijfveer");
        auto gedeeld = y_.boolean((*v)["gedeeld_met_bestuur"], "drijfveer.gedeeld_met_bestuur");
        feit(InvoerSjabloon::drijfveer, {{"bepaald", bepaald.value_or(false)},
                           {"soort", sym(soort.value_or("onbekend"))},
                           {"gedeeld_met_bestuur", gedeeld.value_or(false)}});
    }

    std::optional<double> percentage(const YamlNode& node, const std::string& pad) {
        auto p = y_.getal(node, pad);
        if (p && (*p < 0 || *p > 100)) {
            y_.fout(node, fmt::format("'{}' is een percentage en moet tussen 0 en 100 liggen, niet {}", pad, node.scalar()));
            return std::nullopt;
        }
        return p;
    }

    // A required key of a list element; reports its absence at the element.
    bool verplicht(const Velden& v, std::string_view sleutel, const std::string& pad) {
        if (!afwezig(v[sleutel])) return true;
        y_.fout(v.heeft(sleutel) ? v.plaats(sleutel) : v.kaart.mark(), fmt::format("'{}.{}' ontbreekt", pad, sleutel));
        return false;
    }

    std::optional<std::int64_t> jaartal(const YamlNode& node, const std::string& pad) {
        auto j = y_.geheel(node, pad);
        if (j && (*j < eerste_jaar || *j > laatste_jaar)) {
            y_.fout(node, fmt::format("'{}' moet een jaartal tussen {} en {} zijn, niet {}", pad, eerste_jaar, laatste_jaar, *j));
            return std::nullopt;
        }
        return j;
    }

    std::optional<std::int64_t> positief_geheel(const YamlNode& node, const std::string& pad) {
        auto n = y_.geheel(node, pad);
        if (n && *n <= 0) {
            y_.fout(node, fmt::format("'{}' moet groter dan 0 zijn, niet {}", pad, *n));
            return std::nullopt;
        }
        return n;
    }

    // A free text (wijk, group) without the spaces around it; absent is "".
    std::string vrije_tekst(const YamlNode& node, const std::string& pad) {
        return bijgesneden(y_.tekst(node, pad).value_or(""));
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

    void lees_metingen(const YamlNode& node) {
        auto lijst = y_.lijst(node, "metingen");
        if (!lijst) return;
        std::map<Meetpunt, YAML::Mark> gezien;
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const std::string pad = fmt::format("metingen[{}]", i + 1);
            auto v = y_.kaart((*lijst)[i], pad, sleutels_meting);
            if (!v) continue;
            verplicht(*v, "indicator", pad);
            verplicht(*v, "waarde", pad);
            auto indicator = y_.keuze((*v)["indicator"], pad + ".indicator", voc_.indicatoren, "indicator");
            auto waarde = percentage((*v)["waarde"], pad + ".waarde");
            auto vergelijkbaar = percentage((*v)["vergelijkbaar"], pad + ".vergelijkbaar");
            auto vorige = percentage((*v)["vorige"], pad + ".vorige");
            const std::string gebied = vrije_tekst((*v)["gebied"], pad + ".gebied");
            auto jaar = jaartal((*v)["jaar"], pad + ".jaar");
            const std::string groep = vrije_tekst((*v)["groep"], pad + ".groep");
            auto marge = positief((*v)["marge"], pad + ".marge", 100.0);
            auto respondenten = positief_geheel((*v)["respondenten"], pad + ".respondenten");
            // A row whose year was written wrong is not compared: its fault is already reported.
            if (indicator && (jaar || afwezig((*v)["jaar"]))) {
                Meetpunt punt{*indicator, gebied, groep, jaar};
                const YAML::Mark hier = (*lijst)[i].mark();
                if (auto [it, nieuw] = gezien.emplace(punt, hier); !nieuw)
                    y_.fout(hier, fmt::format("dubbele meting: {} staat al op regel {} (kolom {})", beschrijf_meetpunt(punt),
                                              it->second.line + 1, kolom_in_tekens(tekst_, it->second)));
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

    void lees_bronnen(const YamlNode& node) {
        auto lijst = y_.lijst(node, "bronnen");
        if (!lijst) return;
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const std::string pad = fmt::format("bronnen[{}]", i + 1);
            auto v = y_.kaart((*lijst)[i], pad, sleutels_bron);
            if (!v) continue;
            verplicht(*v, "id", pad);
            auto id = y_.keuze((*v)["id"], pad + ".id", voc_.bronnen, "bron");
            auto partner = y_.keuze((*v)["partner"], pad + ".partner", partners, "partner");
            feit(InvoerSjabloon::bron, {{"nr", static_cast<std::int64_t>(i + 1)},
                          {"id", of_nil_sym(id)},
                          {"partner", sym(partner.value_or("gemeente"))}});
        }
    }

    void lees_informatie(const YamlNode& node) {
        auto v = y_.kaart(node, "informatie", sleutels_informatie);
        if (!v) return;
        auto bepaald = y_.boolean((*v)["ontbrekend_bepaald"], "informatie.ontbrekend_bepaald");
        feit(InvoerSjabloon::informatie, {{"ontbrekend_bepaald", bepaald.value_or(false)}});
    }

    // A list of words from `opties` (w-questions, factors, aspects): one fact per word, at the place
    // it first appears; a word written more than once counts once and is reported as a `herhaling`
    // of `lijst` (the knowledge base warns: usually the tool that wrote the file went wrong).
    void woordenlijst(const YamlNode& node, const std::string& pad, std::span<const std::string> opties,
                      std::string_view wat, InvoerSjabloon sjabloon, std::string_view slot, std::string_view lijstnaam) {
        auto lijst = y_.lijst(node, pad);
        if (!lijst) return;
        std::vector<std::pair<std::string, std::int64_t>> keren;  // in order of first appearance
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const YamlNode& e = (*lijst)[i];
            const std::string epad = fmt::format("{}[{}]", pad, i + 1);
            if (afwezig(e)) {
                y_.fout(e.is_defined() ? e : node, fmt::format("'{}' is leeg; verwacht een {}", epad, wat));
                continue;
            }
            auto w = y_.keuze(e, epad, opties, wat);
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

    void lees_analyse(const YamlNode& node) {
        auto v = y_.kaart(node, "analyse", sleutels_analyse);
        if (!v) return;
        auto uitgevoerd = y_.boolean((*v)["uitgevoerd"], "analyse.uitgevoerd");
        auto problematisch = y_.keuze((*v)["problematisch"], "analyse.problematisch", ja_nee, "waarde");
        auto rapportage = y_.boolean((*v)["rapportage"], "analyse.rapportage");
        feit(InvoerSjabloon::analyse, {{"uitgevoerd", uitgevoerd.value_or(false)},
                         {"problematisch", sym(problematisch.value_or("onbekend"))},
                         {"rapportage", rapportage.value_or(false)}});
        woordenlijst((*v)["vragen"], "analyse.vragen", w_vragen, "w-vraag", InvoerSjabloon::analysevraag, "vraag",
                     "analyse_vragen");
        woordenlijst((*v)["factoren"], "analyse.factoren", voc_.factoren, "factor", InvoerSjabloon::gekozen_factor, "factor",
                     "analyse_factoren");
    }

    void lees_communicatie(const YamlNode& node) {
        auto v = y_.kaart(node, "communicatie", sleutels_communicatie);
        if (!v) return;
        auto frame = y_.keuze((*v)["frame"], "communicatie.frame", frames, "frame");
        auto effect = y_.boolean((*v)["effect_onderzocht"], "communicatie.effect_onderzocht");
        feit(InvoerSjabloon::communicatie, {{"frame", sym(frame.value_or("onbekend"))}, {"effect_onderzocht", effect.value_or(false)}});
        auto lijst = y_.lijst((*v)["boodschappen"], "communicatie.boodschappen");
        if (!lijst) return;
        for (std::size_t i = 0; i < lijst->size(); ++i) {
            const std::string pad = fmt::format("communicatie.boodschappen[{}]", i + 1);
            auto b = y_.kaart((*lijst)[i], pad, sleutels_boodschap);
            if (!b) continue;
            verplicht(*b, "onderwerp", pad);
            auto onderwerp = y_.tekst((*b)["onderwerp"], pad + ".onderwerp");
            auto buikpijn = y_.keuze((*b)["buikpijn"], pad + ".buikpijn", ja_nee, "waarde");
            auto aanpak = y_.keuze((*b)["aanpak"], pad + ".aanpak", aanpakken, "aanpak");
            feit(InvoerSjabloon::boodschap, {{"nr", static_cast<std::int64_t>(i + 1)},
                               {"onderwerp", str(onderwerp.value_or(""))},
                               {"buikpijn", sym(buikpijn.value_or("onbekend"))},
                               {"aanpak", of_nil_sym(aanpak)}});
        }
    }

    std::optional<double> positief(const YamlNode& node, const std::string& pad, std::optional<double> max = {}) {
        auto p = y_.getal(node, pad);
        if (p && (*p <= 0 || (max && *p > *max))) {
            y_.fout(node, max ? fmt::format("'{}' moet groter dan 0 en hoogstens {} zijn, niet {}", pad, *max, node.scalar())
                              : fmt::format("'{}' moet groter dan 0 zijn, niet {}", pad, node.scalar()));
            return std::nullopt;
        }
        return p;
    }

    void lees_beleid(const YamlNode& node) {
        auto v = y_.kaart(node, "beleid", sleutels_beleid);
        std::optional<Velden> smart, ivp;
        if (v) {
            auto b = [&](const char* k) { return y_.boolean((*v)[k], std::string("beleid.") + k).value_or(false); };
            feit(InvoerSjabloon::beleid, {{"doel_benoemd", b("doel_benoemd")},
                            {"uitvoeringsplan", b("uitvoeringsplan")},
                            {"werkhouding_sessies", b("werkhouding_sessies")},
                            {"vuistregels", b("vuistregels")},
                            {"gedeelde_visie", b("gedeelde_visie")}});
            if (v->heeft("smart")) {
                feit(InvoerSjabloon::sectie, {{"naam", sym("smart")}});
                smart = y_.kaart((*v)["smart"], "beleid.smart", sleutels_smart);
            }
            if (v->heeft("ivp")) {
                feit(InvoerSjabloon::sectie, {{"naam", sym("ivp")}});
                ivp = y_.kaart((*v)["ivp"], "beleid.ivp", sleutels_ivp);
            }
        }
        // smart and ivp are always asserted, with defaults when absent (the agreement between reader
        // and knowledge base): rules then need not test for their absence separately.
        if (smart) {
            auto gekozen = y_.boolean((*smart)["gekozen"], "beleid.smart.gekozen");
            auto indicator = y_.keuze((*smart)["indicator"], "beleid.smart.indicator", voc_.indicatoren, "indicator");
            auto daling = positief((*smart)["daling_pct"], "beleid.smart.daling_pct", 100.0);
            auto termijn = positief((*smart)["termijn_jaren"], "beleid.smart.termijn_jaren");
            // Either direction on any indicator is read as given: a daling on an indicator where
            // higher is better is the knowledge base's to point out, not an input error.
            auto stijging = positief((*smart)["stijging_pct"], "beleid.smart.stijging_pct");
            auto startjaar = jaartal((*smart)["startjaar"], "beleid.smart.startjaar");
            feit(InvoerSjabloon::smart, {{"gekozen", gekozen.value_or(false)},
                           {"indicator", of_nil_sym(indicator)},
                           {"daling_pct", of_nil(daling)},
                           {"termijn_jaren", of_nil(termijn)},
                           {"stijging_pct", of_nil(stijging)},
                           {"startjaar", startjaar ? Value(*startjaar) : Value()}});
        } else {
            feit(InvoerSjabloon::smart, {{"gekozen", false}, {"indicator", Value()}, {"daling_pct", Value()},
                                         {"termijn_jaren", Value()}, {"stijging_pct", Value()}, {"startjaar", Value()}});
        }
        if (ivp) {
            auto opgenomen = y_.boolean((*ivp)["opgenomen"], "beleid.ivp.opgenomen");
            feit(InvoerSjabloon::ivp, {{"opgenomen", opgenomen.value_or(false)}});
            woordenlijst((*ivp)["prioritaire_factoren"], "beleid.ivp.prioritaire_factoren", voc_.factoren, "factor",
                         InvoerSjabloon::ivp_prioriteit, "factor", "ivp_prioritaire_factoren");
        } else {
            feit(InvoerSjabloon::ivp, {{"opgenomen", false}});
        }
        if (!v) return;
        auto acties = y_.lijst((*v)["acties"], "beleid.acties");
        if (!acties) return;
        for (std::size_t i = 0; i < acties->size(); ++i) {
            const std::string pad = fmt::format("beleid.acties[{}]", i + 1);
            auto a = y_.kaart((*acties)[i], pad, sleutels_actie);
            if (!a) continue;
            verplicht(*a, "naam", pad);
            auto naam = y_.tekst((*a)["naam"], pad + ".naam");
            auto factor = y_.keuze((*a)["factor"], pad + ".factor", voc_.factoren, "factor");
            const std::string gebied = vrije_tekst((*a)["gebied"], pad + ".gebied");
            const std::string groep = vrije_tekst((*a)["groep"], pad + ".groep");
            auto status = y_.keuze((*a)["status"], pad + ".status", actiestatussen, "status");
            feit(InvoerSjabloon::actie, {{"nr", static_cast<std::int64_t>(i + 1)},
                                         {"naam", str(naam.value_or(""))},
                                         {"factor", of_nil_sym(factor)},
                                         {"gebied", str(gebied)},
                                         {"groep", str(groep)},
                                         {"status", sym(status.value_or("gepland"))}});
        }
    }

    void lees_evaluatie(const YamlNode& node) {
        auto v = y_.kaart(node, "evaluatie", sleutels_evaluatie);
        if (!v) return;
        auto momenten = y_.boolean((*v)["momenten_vastgelegd"], "evaluatie.momenten_vastgelegd");
        auto nulmeting = y_.boolean((*v)["nulmeting"], "evaluatie.nulmeting");
        auto jaar = jaartal((*v)["nulmeting_jaar"], "evaluatie.nulmeting_jaar");
        feit(InvoerSjabloon::evaluatie, {{"momenten_vastgelegd", momenten.value_or(false)},
                                         {"nulmeting", nulmeting.value_or(false)},
                                         {"nulmeting_jaar", jaar ? Value(*jaar) : Value()}});
        woordenlijst((*v)["aspecten"], "evaluatie.aspecten", aspecten, "aspect", InvoerSjabloon::evaluatie_aspect, "aspect",
                     "evaluatie_aspecten");
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

ProfielResultaat lees_profiel_bestand(const std::string& pad, const Vocabulaire& vocabulaire, Opdracht opdracht) {
    const std::string naam = pad == "-" ? "<stdin>" : pad;
    std::string tekst;
    try {
        tekst = pad == "-" ? read_input_stream(std::cin, naam) : read_input_file(pad);
    } catch (const LoadError& e) {
        ProfielResultaat r;
        for (Fout f : e.diagnostics.items()) {
            f.line = 1;  // the contract promises FILE:LINE:COL for every problem
            f.col = 1;
            r.fouten.push_back(std::move(f));
        }
        return r;
    }
    return lees_profiel_tekst(tekst, naam, vocabulaire, opdracht);
}

}  // namespace ww::advies
