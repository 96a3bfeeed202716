// SPDX-License-Identifier: EUPL-1.2
#include "advies/vraaggesprek.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "advies/getal_nl.hpp"
#include "advies/opmaak.hpp"
#include "advies/profiel_definitie.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/yaml_syntax.hpp"
#include "engine/text_space.hpp"

namespace ww::advies {

namespace {

// The fields of the contract that take `onbekend` as a value (gemeenteprofiel.md); "weet ik niet"
// writes it there when the section is already in the profile, so that the answer adds no section.
const std::set<std::string, std::less<>> velden_met_onbekend = {"analyse.problematisch", "communicatie.frame"};

// The lists of the profile whose elements are facts of their own template.
const std::map<std::string, std::string, std::less<>> lijst_sjablonen = {
    {"metingen", "meting"},
    {"bronnen", "bron"},
    {"analyse.vragen", "analysevraag"},
    {"analyse.factoren", "gekozen_factor"},
    {"communicatie.boodschappen", "boodschap"},
    {"beleid.ivp.prioritaire_factoren", "ivp_prioriteit"},
    {"beleid.acties", "actie"},
    {"evaluatie.aspecten", "evaluatie_aspect"},
};

std::string tekst_van(const Value& v) {
    if (v.kind() == ValueKind::string || v.kind() == ValueKind::symbol) return std::string(v.as_text());
    if (v.is_nil()) return {};
    return v.display();
}

std::vector<std::string> splits(std::string_view s, char teken) {
    std::vector<std::string> uit;
    std::size_t begin = 0;
    while (true) {
        const auto p = s.find(teken, begin);
        uit.emplace_back(s.substr(begin, p == std::string_view::npos ? std::string_view::npos : p - begin));
        if (p == std::string_view::npos) return uit;
        begin = p + 1;
    }
}

// What a person types is trimmed as the profile reader trims a name: a no-break space pasted from a
// word processor is white space here too.
std::string trim(std::string_view s) { return std::string(ww::trimmed(s)); }

std::string klein(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// "metingen[2].marge" -> ("metingen[].marge", 2); "drijfveer.soort" -> (itself, 0).
std::pair<std::string, int> veld_en_rij(std::string_view pad) {
    int nr = 0;
    if (const auto open = pad.find('['); open != std::string_view::npos)
        std::from_chars(pad.data() + open + 1, pad.data() + pad.size(), nr);
    return {profiel::zonder_rij(pad), nr};
}

std::string met_rij(std::string_view veld, int nr) {
    if (nr == 0) return std::string(veld);
    const auto p = veld.find("[]");
    return std::string(veld.substr(0, p + 1)) + std::to_string(nr) + std::string(veld.substr(p + 1));
}

YamlNode kind_van(const YamlNode& n, std::string_view sleutel) {
    if (!n.is_defined() || !n.is_map()) return {};
    for (const auto& [k, v] : n.entries())
        if (k.is_scalar() && k.scalar() == sleutel) return v;
    return {};
}

YamlNode zoek_pad(const YamlNode& wortel, std::string_view pad) {
    YamlNode n = wortel;
    for (const auto& deel : splits(pad, '.')) n = kind_van(n, deel);
    return n;
}

// yaml-cpp assigns through a Node; reset() rebinds it.
YAML::Node pad_in(YAML::Node wortel, std::string_view pad) {
    YAML::Node n;
    n.reset(wortel);
    for (const auto& deel : splits(pad, '.')) {
        YAML::Node volgende = n[deel];
        n.reset(volgende);
    }
    return n;
}

// Rows of lists and lists of ids in flow style: one line per row, as the examples are written.
void maak_compact(YAML::Node n) {
    if (n.IsMap()) {
        for (auto it = n.begin(); it != n.end(); ++it) maak_compact(it->second);
    } else if (n.IsSequence()) {
        bool scalairen = true;
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (it->IsMap()) it->SetStyle(YAML::EmitterStyle::Flow);
            if (!it->IsScalar()) scalairen = false;
        }
        if (scalairen) n.SetStyle(YAML::EmitterStyle::Flow);
    }
}

std::string als_yaml(const YAML::Node& profiel) {
    YAML::Node kopie = YAML::Clone(profiel);
    // The interview's own notes last, after the sections of the stappenplan.
    if (kopie.IsMap() && kopie["vraaggesprek"]) {
        YAML::Node notities = YAML::Clone(kopie["vraaggesprek"]);
        kopie.remove("vraaggesprek");
        kopie["vraaggesprek"] = notities;
    }
    maak_compact(kopie);
    YAML::Emitter e;
    e.SetIndent(2);
    e << kopie;
    std::string uit = e.c_str();
    if (!uit.empty() && uit.back() != '\n') uit += '\n';
    if (uit == "null\n" || uit == "~\n" || uit == "{}\n") return "";
    return uit;
}

// What a row is about, for the question text: "de Veiligheidsmonitor", "onveilig_buurt 2023 (19)".
std::string rij_beschrijving(const YAML::Node& profiel, std::string_view veld, int nr, const Vragenlijst& vragen) {
    const std::string lijst(veld.substr(0, veld.find("[]")));
    YAML::Node l = pad_in(YAML::Clone(profiel), lijst);
    if (!l.IsSequence() || nr < 1 || static_cast<std::size_t>(nr) > l.size()) return fmt::format("rij {}", nr);
    const YAML::Node rij = l[static_cast<std::size_t>(nr - 1)];
    if (lijst == "bronnen") {
        const std::string id = rij["id"] ? rij["id"].as<std::string>() : "";
        if (const auto* d = vragen.zoek("bronnen"))
            for (const auto& k : d->keuzes)
                if (k.id == id) return k.naam;
        return id;
    }
    if (lijst == "metingen") {
        std::string s;
        auto veldtekst = [&](const char* k) { return rij[k] ? rij[k].as<std::string>() : std::string(); };
        std::string naam = veldtekst("indicator");
        if (const auto* d = vragen.zoek("beleid.smart.indicator"))
            for (const auto& k : d->keuzes)
                if (k.id == naam) naam = k.naam;
        s = fmt::format("het cijfer voor {}", naam);
        if (!veldtekst("gebied").empty()) s += " in " + veldtekst("gebied");
        if (!veldtekst("groep").empty()) s += " bij " + veldtekst("groep");
        if (!veldtekst("jaar").empty()) s += " in " + veldtekst("jaar");
        // The figure as the report writes it (21,5%), not as YAML holds it (21.5).
        const std::string waarde = veldtekst("waarde");
        double x = 0;
        const auto [eind, ec] = std::from_chars(waarde.data(), waarde.data() + waarde.size(), x);
        const bool getal = ec == std::errc() && eind == waarde.data() + waarde.size() && !waarde.empty();
        s += fmt::format(" ({}%)", getal ? getal_nl(x, 2) : waarde);
        return s;
    }
    return fmt::format("rij {}", nr);
}

}  // namespace

std::pair<std::string, std::string> sjabloon_van_veld(std::string_view veld) {
    std::string pad;
    for (char c : veld)
        if (c != '[' && c != ']') pad += c;
    for (const auto& [lijst, sjabloon] : lijst_sjablonen) {
        if (pad == lijst) return {sjabloon, ""};
        if (pad.size() > lijst.size() && pad.compare(0, lijst.size(), lijst) == 0 && pad[lijst.size()] == '.')
            return {sjabloon, pad.substr(lijst.size() + 1)};
    }
    const auto delen = splits(pad, '.');
    if (delen.size() < 2) return {pad, ""};
    return {delen[delen.size() - 2], delen.back()};
}

Vragenlijst::Vragenlijst(const RuleBase& regels) : regels_(regels) {
    const RuleBase& rb = regels;
    auto slot = [](const FactSpec& f, std::string_view naam) -> const Value* {
        for (const auto& [n, v] : f.slots)
            if (n == naam) return &v;
        return nullptr;
    };
    auto tekst = [&](const FactSpec& f, std::string_view naam) {
        const Value* v = slot(f, naam);
        return v ? tekst_van(*v) : std::string();
    };
    auto geheel = [&](const FactSpec& f, std::string_view naam) {
        const Value* v = slot(f, naam);
        return v && v->kind() == ValueKind::integer ? static_cast<int>(v->as_int()) : 0;
    };
    struct Gekozen {
        std::string veld;
        Keuze keuze;
        int volgorde;
    };
    std::vector<Gekozen> keuzes;
    std::vector<std::tuple<std::size_t, std::string, std::string, std::string>> lijsten;  // vraag, template, id, naam
    for (const FactSpec& f : rb.facts()) {
        const std::string& t = rb.templates()[f.tmpl].name;
        if (t == "vraagdef") {
            Vraagdef d;
            d.veld = tekst(f, "veld");
            d.tekst = tekst(f, "tekst");
            d.hulp = tekst(f, "hulp");
            d.type = tekst(f, "type");
            d.stap = geheel(f, "stap");
            d.volgorde = geheel(f, "volgorde");
            d.velden = tekst(f, "velden");
            d.voorbeeld = tekst(f, "voorbeeld");
            if (const auto w = tekst(f, "woordenlijst"); !w.empty())
                lijsten.emplace_back(vragen_.size(), w, tekst(f, "woord_id"), tekst(f, "woord_naam"));
            vragen_.push_back(std::move(d));
        } else if (t == "keuze") {
            keuzes.push_back({tekst(f, "veld"), {tekst(f, "id"), tekst(f, "naam")}, geheel(f, "volgorde")});
        }
    }
    std::stable_sort(keuzes.begin(), keuzes.end(), [](const auto& a, const auto& b) { return a.volgorde < b.volgorde; });
    for (const auto& k : keuzes)
        for (auto& d : vragen_)
            if (d.veld == k.veld) d.keuzes.push_back(k.keuze);
    for (const auto& [i, sjabloon, id, naam] : lijsten)
        for (const FactSpec& f : rb.facts())
            if (rb.templates()[f.tmpl].name == sjabloon) vragen_[i].keuzes.push_back({tekst(f, id), tekst(f, naam)});
    std::stable_sort(vragen_.begin(), vragen_.end(), [](const auto& a, const auto& b) { return a.volgorde < b.volgorde; });
}

const Vraagdef* Vragenlijst::zoek(std::string_view veld) const {
    for (const auto& d : vragen_)
        if (d.veld == veld) return &d;
    return nullptr;
}

namespace {

// Does the condition (or any of its parts) read `slot` of template `tmpl`; slot -1: any pattern on it.
bool leest(const Condition& c, TemplateId tmpl, int slot) {
    auto patroon = [&](const Pattern& p) {
        if (p.tmpl != tmpl) return false;
        if (slot < 0) return true;
        return std::any_of(p.constraints.begin(), p.constraints.end(), [&](const SlotConstraint& s) { return s.slot == slot; });
    };
    if (c.kind != Condition::Kind::test && patroon(c.pattern)) return true;
    return std::any_of(c.also.begin(), c.also.end(), [&](const Condition& a) { return leest(a, tmpl, slot); });
}

bool regel_leest(const RuleDef& r, TemplateId tmpl, int slot) {
    for (const auto& alt : r.alternatives)
        for (const auto& c : alt)
            if (leest(c, tmpl, slot)) return true;
    return false;
}

bool zendt(const RuleDef& r, std::string_view record) {
    return std::any_of(r.actions.begin(), r.actions.end(),
                       [&](const Action& a) { return a.kind == Action::Kind::emit && a.record_name == record; });
}

std::string regel_tekst(const RuleDef& r) {
    if (!r.description.empty()) return fmt::format("{} ({})", r.description, r.id);
    return r.id;
}

}  // namespace

std::vector<const RuleDef*> Vragenlijst::lezers(std::string_view veld) const {
    const RuleBase& rb = regels_;
    const auto [sjabloon, slotnaam] = sjabloon_van_veld(veld);
    const auto id = rb.template_id(sjabloon);
    std::vector<const RuleDef*> uit;
    if (!id) return uit;
    const int slot = slotnaam.empty() ? -1 : rb.templates()[*id].slot_index(slotnaam);
    if (!slotnaam.empty() && slot < 0) return uit;
    for (const auto& r : rb.rules())
        if (regel_leest(*r, *id, slot)) uit.push_back(r.get());
    return uit;
}

std::string Vragenlijst::waarom(const OpenVraag& vraag) const {
    const RuleBase& rb = regels_;
    std::string uit;
    for (const auto& r : rb.rules())
        if (r->id == vraag.regel && !r->description.empty()) uit += "Waarom nu: " + r->description + "\n";
    if (vraag.def->veld == "gemeente.naam") uit += "Waarom nu: zonder naam is er geen profiel; de naam staat in elk advies.\n";
    std::vector<std::string> advies, vragen;
    std::set<int> stappen;
    std::set<std::string> gezien;
    auto voeg = [&](const RuleDef& r) {
        if (!gezien.insert(r.id).second) return;
        if (zendt(r, "advies") || zendt(r, "boodschap")) advies.push_back(regel_tekst(r));
        else if (zendt(r, "vraag") && r.id != vraag.regel) vragen.push_back(regel_tekst(r));
    };
    for (const RuleDef* r : lezers(vraag.def->veld)) {
        voeg(*r);
        // One step further: the advice that reads what this rule derives, except the step status,
        // which every advice reads and which is said once below.
        for (const auto& a : r->actions) {
            if (a.kind != Action::Kind::assert_fact) continue;
            const std::string& t = rb.templates()[a.tmpl].name;
            if (t == "stap_voldaan" || t == "stap_begonnen") {
                for (const auto& [s, e] : a.slots)
                    if (s == 0 && e.op == Op::constant && e.value.kind() == ValueKind::integer)
                        stappen.insert(static_cast<int>(e.value.as_int()));
                continue;
            }
            for (const auto& r2 : rb.rules())
                if (regel_leest(*r2, a.tmpl, -1)) voeg(*r2);
        }
    }
    if (!stappen.empty()) {
        std::vector<std::string> s;
        for (int x : stappen) s.push_back(std::to_string(x));
        uit += fmt::format("Het antwoord bepaalt mee hoe ver stap {} is, en daarmee welk advies aan de beurt is.\n",
                           fmt::join(s, " en "));
    }
    if (!advies.empty()) {
        uit += "Het advies dat van het antwoord afhangt:\n";
        const std::size_t max = 8;
        for (std::size_t i = 0; i < advies.size() && i < max; ++i) uit += "  - " + advies[i] + "\n";
        if (advies.size() > max) uit += fmt::format("  en nog {} adviezen.\n", advies.size() - max);
    }
    if (!vragen.empty()) {
        uit += "Het antwoord beslist over vervolgvragen:\n";
        for (const auto& v : vragen) uit += "  - " + v + "\n";
    }
    if (uit.empty()) uit = "Geen regel leest dit antwoord direct.\n";
    return uit;
}

std::vector<std::pair<std::string, std::string>> controleer_vragen(const RuleBase& regels) {
    std::vector<std::pair<std::string, std::string>> uit;
    if (!regels.find_template("vraagdef")) return uit;  // a knowledge base without an interview
    const Vragenlijst vragen(regels);
    const auto& velden = profiel::veldpaden();
    static const std::set<std::string, std::less<>> typen = {"ja-nee", "keuze", "meerkeuze", "getal", "tekst", "lijst"};
    std::set<std::string> gevraagd;
    for (const auto& r : regels.rules())
        for (const auto& a : r->actions)
            if (a.kind == Action::Kind::emit && a.record_name == "vraag")
                for (const auto& [naam, e] : a.fields)
                    if (naam == "veld" && e.op == Op::constant && e.value.kind() == ValueKind::string)
                        gevraagd.insert(std::string(e.value.as_text()));
    for (const auto& d : vragen.vragen()) {
        const std::string plek = "\"" + d.veld + "\"";
        if (std::find(velden.begin(), velden.end(), d.veld) == velden.end())
            uit.emplace_back(plek, fmt::format("de vraag naar '{}' noemt geen veld van het gemeenteprofiel", d.veld));
        if (!typen.count(d.type))
            uit.emplace_back(plek, fmt::format("de vraag naar '{}' heeft type '{}'; kies ja-nee, keuze, meerkeuze, getal, "
                                               "tekst of lijst", d.veld, d.type));
        if ((d.type == "keuze" || d.type == "meerkeuze") && d.keuzes.empty())
            uit.emplace_back(plek, fmt::format("de vraag naar '{}' is een keuze zonder keuzes", d.veld));
        if (d.veld != "gemeente.naam" && !gevraagd.count(d.veld))
            uit.emplace_back(plek, fmt::format("geen regel stelt de vraag naar '{}' (emit vraag(veld: \"{}\", ...))", d.veld, d.veld));
    }
    for (const auto& v : gevraagd)
        if (!vragen.zoek(v)) uit.emplace_back("\"" + v + "\"", fmt::format("een regel stelt een vraag naar '{}', maar er is geen vraagdef voor", v));
    // Every field a rule reads has a question: its own, or that of the list it is a row of.
    for (const auto& veld : velden) {
        bool gelezen = false;
        for (const RuleDef* r : vragen.lezers(veld))
            if (!zendt(*r, "vraag")) gelezen = true;
        if (!gelezen) continue;
        bool gedekt = vragen.zoek(veld) != nullptr;
        for (const auto& d : vragen.vragen())
            if (veld.size() > d.veld.size() + 2 && veld.compare(0, d.veld.size() + 3, d.veld + "[].") == 0) gedekt = true;
        if (!gedekt) uit.emplace_back("", fmt::format("de regels lezen '{}', maar het vraaggesprek heeft er geen vraag voor", veld));
    }
    return uit;
}

std::vector<std::pair<std::string, int>> bekende_velden(const YamlNode& profiel, const Vragenlijst& vragen) {
    std::vector<std::pair<std::string, int>> uit;
    for (const auto& d : vragen.vragen()) {
        const auto p = d.veld.find("[]");
        if (p == std::string::npos) {
            if (zoek_pad(profiel, d.veld).is_defined()) uit.emplace_back(d.veld, 0);
            continue;
        }
        const YamlNode lijst = zoek_pad(profiel, d.veld.substr(0, p));
        if (!lijst.is_defined() || !lijst.is_sequence()) continue;
        const std::string sleutel = d.veld.substr(p + 3);
        for (std::size_t i = 0; i < lijst.items().size(); ++i)
            if (zoek_pad(lijst.items()[i], sleutel).is_defined()) uit.emplace_back(d.veld, static_cast<int>(i + 1));
    }
    const YamlNode onbekend = zoek_pad(profiel, "vraaggesprek.onbekend");
    if (onbekend.is_defined() && onbekend.is_sequence())
        for (const auto& n : onbekend.items())
            if (n.is_scalar()) uit.push_back(veld_en_rij(n.scalar()));
    return uit;
}

void zet_vraaggesprek(Raadpleging& raadpleging, const Vragenlijst& vragen, const YamlNode* profiel) {
    if (!profiel) {
        raadpleging.zet_extra_feiten({});
        return;
    }
    const Engine& e = raadpleging.engine();
    const auto gesprek = e.find_template("vraaggesprek");
    const auto bekend = e.find_template("bekend");
    if (!gesprek || !bekend) return;
    std::vector<std::pair<TemplateId, std::vector<Value>>> extra;
    extra.emplace_back(*gesprek, std::vector<Value>{});
    const auto& def = e.template_def(*bekend);
    const int s_veld = def.slot_index("veld"), s_nr = def.slot_index("nr");
    for (const auto& [veld, nr] : bekende_velden(*profiel, vragen)) {
        std::vector<Value> slots(def.slots.size());
        slots[static_cast<std::size_t>(s_veld)] = Value::string(veld);
        slots[static_cast<std::size_t>(s_nr)] = Value(nr);
        extra.emplace_back(*bekend, std::move(slots));
    }
    raadpleging.zet_extra_feiten(std::move(extra));
}

std::vector<OpenVraag> lees_open_vragen(const Raadpleging& raadpleging, const Vragenlijst& vragen) {
    std::vector<OpenVraag> uit;
    for (const Record& r : raadpleging.engine().records()) {
        if (r.name != "vraag") continue;
        OpenVraag v;
        for (const auto& [naam, waarde] : r.fields) {
            if (naam == "veld") v.def = vragen.zoek(tekst_van(waarde));
            if (naam == "nr" && waarde.kind() == ValueKind::integer) v.nr = static_cast<int>(waarde.as_int());
        }
        if (!v.def) continue;
        v.id = met_rij(v.def->veld, v.nr);
        v.regel = std::string(r.rule_id);
        v.tekst = v.def->tekst;
        uit.push_back(std::move(v));
    }
    std::stable_sort(uit.begin(), uit.end(), [](const OpenVraag& a, const OpenVraag& b) {
        return std::tie(a.def->volgorde, a.nr) < std::tie(b.def->volgorde, b.nr);
    });
    uit.erase(std::unique(uit.begin(), uit.end(), [](const auto& a, const auto& b) { return a.id == b.id; }), uit.end());
    return uit;
}

std::vector<OpenVraag> open_vragen(Raadpleging& raadpleging, const Vragenlijst& vragen, const Invoer& invoer,
                                   const YamlNode& profiel) {
    zet_vraaggesprek(raadpleging, vragen, &profiel);
    try {
        raadpleging.raadpleeg(invoer, Opdracht::advies);
    } catch (...) {
        zet_vraaggesprek(raadpleging, vragen, nullptr);
        throw;
    }
    zet_vraaggesprek(raadpleging, vragen, nullptr);
    return lees_open_vragen(raadpleging, vragen);
}

nlohmann::ordered_json vragen_json(const std::vector<OpenVraag>& open, const Vragenlijst& vragen) {
    nlohmann::ordered_json lijst = nlohmann::ordered_json::array();
    for (const auto& v : open) {
        nlohmann::ordered_json keuzes = nlohmann::ordered_json::array();
        for (const auto& k : v.def->keuzes) keuzes.push_back({{"id", k.id}, {"naam", k.naam}});
        lijst.push_back({{"id", v.id},
                         {"veld", v.id},
                         {"tekst", v.tekst},
                         {"hulp", v.def->hulp},
                         {"type", v.def->type},
                         {"keuzes", keuzes},
                         {"stap", v.def->stap},
                         {"waarom", vragen.waarom(v)}});
    }
    return nlohmann::ordered_json{{"vragen", lijst}};
}

namespace {

// The row texts in [rij], from the profile as YAML.
void vul_rijen(std::vector<OpenVraag>& open, const YAML::Node& profiel, const Vragenlijst& vragen) {
    for (auto& v : open) {
        const auto p = v.tekst.find("[rij]");
        if (p != std::string::npos) v.tekst.replace(p, 5, rij_beschrijving(profiel, v.def->veld, v.nr, vragen));
    }
}

YAML::Node laad_yaml(std::string_view tekst) {
    YAML::Node n = YAML::Load(std::string(tekst));
    if (!n || n.IsNull()) return YAML::Node(YAML::NodeType::Map);
    return n;
}

}  // namespace

VragenAntwoord vragen_voor_tekst(Raadpleging& raadpleging, const Vragenlijst& vragen, std::string_view tekst,
                                 const std::string& bestand) {
    VragenAntwoord a;
    auto profiel = lees_profiel_tekst(tekst, bestand, raadpleging.vocabulaire(), Opdracht::advies);
    if (!profiel.invoer) {
        a.fouten = std::move(profiel.fouten);
        return a;
    }
    ProfielYaml y = lees_profiel_yaml(tekst, bestand);
    const YamlNode wortel = y.documenten.roots.empty() ? YamlNode() : y.documenten.roots[0];
    auto open = open_vragen(raadpleging, vragen, *profiel.invoer, wortel);
    try {
        vul_rijen(open, laad_yaml(tekst), vragen);
    } catch (const YAML::Exception&) {
        // The project's reader took it; yaml-cpp alone may not (the rows then keep their number).
    }
    a.json = vragen_json(open, vragen);
    return a;
}

Vraaggesprek::Vraaggesprek(Raadpleging& raadpleging, const Vragenlijst& vragen, std::string_view tekst, std::string bestand)
    : raadpleging_(raadpleging), vragen_(vragen), bestand_(std::move(bestand)), profiel_(laad_yaml(tekst)) {}

bool Vraaggesprek::heeft_naam() const {
    const YAML::Node n = YAML::Clone(profiel_);
    if (!n.IsMap() || !n["gemeente"] || !n["gemeente"].IsMap()) return false;
    const YAML::Node naam = n["gemeente"]["naam"];
    return naam && naam.IsScalar() && !naam.Scalar().empty();
}

std::vector<OpenVraag> Vraaggesprek::open() {
    if (!heeft_naam()) {
        OpenVraag v;
        v.def = vragen_.zoek("gemeente.naam");
        if (!v.def) return {};
        v.id = v.def->veld;
        v.tekst = v.def->tekst;
        return {v};
    }
    const std::string t = tekst();
    auto profiel = lees_profiel_tekst(t, bestand_, raadpleging_.vocabulaire(), Opdracht::advies);
    if (!profiel.invoer) throw InvoerFout(std::move(profiel.fouten));
    ProfielYaml y = lees_profiel_yaml(t, bestand_);
    auto open = open_vragen(raadpleging_, vragen_, *profiel.invoer, y.documenten.roots.at(0));
    vul_rijen(open, profiel_, vragen_);
    return open;
}

const Advies& Vraaggesprek::advies() {
    if (!heeft_naam()) {
        advies_ = Advies{};
        return advies_;
    }
    auto profiel = lees_profiel_tekst(tekst(), bestand_, raadpleging_.vocabulaire(), Opdracht::advies);
    if (!profiel.invoer) throw InvoerFout(std::move(profiel.fouten));
    advies_ = raadpleging_.raadpleeg(*profiel.invoer, Opdracht::advies);
    return advies_;
}

std::string Vraaggesprek::tekst() const { return als_yaml(profiel_); }

std::vector<std::string> Vraaggesprek::onbekende_velden() const {
    std::vector<std::string> uit;
    const YAML::Node n = YAML::Clone(profiel_);
    if (n["vraaggesprek"] && n["vraaggesprek"]["onbekend"])
        for (const auto& v : n["vraaggesprek"]["onbekend"]) uit.push_back(v.as<std::string>());
    return uit;
}

std::vector<std::string> Vraaggesprek::neem_over(YAML::Node nieuw) {
    const std::string t = als_yaml(nieuw);
    auto profiel = lees_profiel_tekst(t, bestand_, raadpleging_.vocabulaire(), Opdracht::advies);
    if (!profiel.invoer) {
        std::vector<std::string> fouten;
        for (const auto& f : profiel.fouten) fouten.push_back(f.message);
        return fouten;
    }
    geschiedenis_.push_back(tekst());
    profiel_ = nieuw;
    return {};
}

namespace {

// Sets the field of `vraag` in `profiel` (a copy) to `waarde`; drops a "weet ik niet" for it.
void zet_veld(YAML::Node profiel, const OpenVraag& vraag, const YAML::Node& waarde) {
    const std::string& veld = vraag.def->veld;
    const auto p = veld.find("[]");
    if (p == std::string::npos) {
        const auto delen = splits(veld, '.');
        if (delen.size() == 1) {
            profiel[veld] = waarde;
        } else {
            YAML::Node ouder = pad_in(profiel, veld.substr(0, veld.rfind('.')));
            ouder[delen.back()] = waarde;
        }
    } else {
        YAML::Node lijst = pad_in(profiel, veld.substr(0, p));
        YAML::Node rij = lijst[static_cast<std::size_t>(vraag.nr - 1)];
        rij[veld.substr(p + 3)] = waarde;
    }
    if (profiel["vraaggesprek"] && profiel["vraaggesprek"]["onbekend"]) {
        YAML::Node oud = profiel["vraaggesprek"]["onbekend"];
        YAML::Node nieuw(YAML::NodeType::Sequence);
        for (const auto& v : oud)
            if (v.as<std::string>() != vraag.id) nieuw.push_back(v.as<std::string>());
        if (nieuw.size() == 0) profiel.remove("vraaggesprek");
        else profiel["vraaggesprek"]["onbekend"] = nieuw;
    }
}

// A row of a list is read as a YAML map between { }, where a comma separates the fields: "waarde: 21,5"
// would be the value 21 and a key "5". The interview takes a decimal comma in a number (as in a
// question for a number), so a field whose value is a number with one, between two fields separated by
// a comma and a space, gets a decimal point. Other text keeps its commas.
std::string decimale_punten(const std::string& rij) {
    std::string uit;
    std::size_t begin = 0;
    while (begin <= rij.size()) {
        std::size_t eind = rij.find(", ", begin);
        if (eind == std::string::npos) eind = rij.size();
        std::string veld = rij.substr(begin, eind - begin);
        const auto dubbele_punt = veld.find(": ");
        if (dubbele_punt != std::string::npos) {
            const std::string waarde = trim(veld.substr(dubbele_punt + 2));
            const auto komma = waarde.find(',');
            const auto cijfers = [](std::string_view t) {
                return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
            };
            if (komma != std::string::npos && cijfers(waarde.substr(0, komma)) && cijfers(waarde.substr(komma + 1)))
                veld = veld.substr(0, dubbele_punt + 2) + waarde.substr(0, komma) + "." + waarde.substr(komma + 1);
        }
        uit += veld;
        if (eind == rij.size()) break;
        uit += ", ";
        begin = eind + 2;
    }
    return uit;
}

// Whether the field `veld` ("gemeente.inwoners", "metingen[].marge") holds a whole number: a
// question's type says 'getal' for every number, the definition of the profile says which.
bool is_geheel(std::string_view veld) {
    const std::string pad = profiel::zonder_rij(veld);
    // A question about no field of the profile (lint reports it) is no whole number.
    const auto& paden = profiel::veldpaden();
    if (std::find(paden.begin(), paden.end(), pad) == paden.end()) return false;
    const profiel::Veld* v = &profiel::gemeenteprofiel();
    for (const std::string& deel : splits(pad, '.')) {
        const bool rij = deel.ends_with("[]");
        v = &v->veld(rij ? std::string_view(deel).substr(0, deel.size() - 2) : std::string_view(deel));
        if (rij) v = &v->element();
    }
    return v->soort == profiel::Soort::geheel;
}

std::optional<std::string> keuze_uit(const Vraagdef& d, const std::string& invoer) {
    const std::string s = klein(trim(invoer));
    int n = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && p == s.data() + s.size() && n >= 1 && static_cast<std::size_t>(n) <= d.keuzes.size())
        return d.keuzes[static_cast<std::size_t>(n - 1)].id;
    for (const auto& k : d.keuzes)
        if (klein(k.id) == s) return k.id;
    return std::nullopt;
}

}  // namespace

std::vector<std::string> Vraaggesprek::beantwoord_waarde(const OpenVraag& vraag, const YAML::Node& waarde) {
    if (vraag.def->veld == "gemeente.naam" && !profiel_.IsMap()) profiel_ = YAML::Node(YAML::NodeType::Map);
    YAML::Node nieuw = YAML::Clone(profiel_);
    zet_veld(nieuw, vraag, YAML::Clone(waarde));
    return neem_over(nieuw);
}

std::vector<std::string> Vraaggesprek::beantwoord(const OpenVraag& vraag, const std::vector<std::string>& regels) {
    const Vraagdef& d = *vraag.def;
    const std::string invoer = regels.empty() ? std::string() : trim(regels[0]);
    YAML::Node waarde;
    if (d.type == "ja-nee") {
        const std::string s = klein(invoer);
        if (s == "1" || s == "ja" || s == "j") waarde = true;
        else if (s == "2" || s == "nee" || s == "n") waarde = false;
        else return {"antwoord met ja of nee (of 1 of 2)"};
    } else if (d.type == "keuze") {
        const auto k = keuze_uit(d, invoer);
        if (!k) return {fmt::format("kies een nummer van 1 tot {}", d.keuzes.size())};
        waarde = *k;
    } else if (d.type == "meerkeuze") {
        waarde = YAML::Node(YAML::NodeType::Sequence);
        if (klein(invoer) != "geen") {
            std::string s = invoer;
            std::replace(s.begin(), s.end(), ',', ' ');
            std::replace(s.begin(), s.end(), ';', ' ');
            std::set<std::string> gehad;
            for (const auto& deel : splits(s, ' ')) {
                if (trim(deel).empty()) continue;
                const auto k = keuze_uit(d, deel);
                if (!k) return {fmt::format("'{}' is geen van de keuzes; geef nummers van 1 tot {}, of 'geen'", trim(deel),
                                            d.keuzes.size())};
                if (gehad.insert(*k).second) waarde.push_back(*k);
            }
            if (waarde.size() == 0) return {"kies een of meer nummers, of typ 'geen'"};
        }
        if (d.veld == "bronnen") {
            YAML::Node rijen(YAML::NodeType::Sequence);
            for (const auto& id : waarde) {
                YAML::Node rij(YAML::NodeType::Map);
                rij["id"] = id.as<std::string>();
                rijen.push_back(rij);
            }
            waarde = rijen;
        }
    } else if (d.type == "getal") {
        std::string s = invoer;
        // As the web app reads a number (web/app/getal.js), by the type of the field the question
        // fills: a whole number (inhabitants, a year) may group thousands with a point or a space,
        // 85.000 or 85 000; any other (a percentage, a margin) may end in %, 21,5%, and a point in
        // it is a decimal point. Both read a decimal comma, 21,5.
        const bool geheel = is_geheel(d.veld);
        if (!geheel && !s.empty() && s.back() == '%') {
            s.pop_back();
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
        }
        if (const auto scheiding = duizendtalscheiding(s); geheel && (scheiding == '.' || scheiding == ' ')) std::erase(s, *scheiding);
        std::replace(s.begin(), s.end(), ',', '.');
        double x = 0;
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
        if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return {"geef een getal, bijvoorbeeld 12 of 1,5"};
        waarde = s;
    } else if (d.type == "tekst") {
        if (invoer.empty()) return {"geef een tekst"};
        waarde = invoer;
    } else if (d.type == "lijst") {
        waarde = YAML::Node(YAML::NodeType::Sequence);
        for (const auto& r : regels) {
            const std::string rij = trim(r);
            if (rij.empty() || klein(rij) == "geen") continue;
            try {
                YAML::Node n = YAML::Load("{" + decimale_punten(rij) + "}");
                if (!n.IsMap()) return {fmt::format("'{}' is geen rij van 'sleutel: waarde'", rij)};
                waarde.push_back(n);
            } catch (const YAML::Exception&) {
                return {fmt::format("'{}' is geen rij van 'sleutel: waarde, sleutel: waarde'", rij)};
            }
        }
    }
    return beantwoord_waarde(vraag, waarde);
}

void Vraaggesprek::onbekend(const OpenVraag& vraag) {
    geschiedenis_.push_back(tekst());
    const std::string& veld = vraag.def->veld;
    const std::string sectie = veld.substr(0, veld.find('.'));
    if (velden_met_onbekend.count(veld) && profiel_[sectie]) {
        zet_veld(profiel_, vraag, YAML::Node("onbekend"));
        return;
    }
    YAML::Node lijst = profiel_["vraaggesprek"]["onbekend"];
    for (const auto& v : lijst)
        if (v.as<std::string>() == vraag.id) return;
    lijst.push_back(vraag.id);
}

bool Vraaggesprek::terug() {
    if (geschiedenis_.empty()) return false;
    profiel_ = laad_yaml(geschiedenis_.back());
    geschiedenis_.pop_back();
    return true;
}

void schrijf_atomair(const std::string& pad, std::string_view tekst) {
    namespace fs = std::filesystem;
    const fs::path doel(pad);
    const fs::path map = doel.has_parent_path() ? doel.parent_path() : fs::path(".");
    std::string sjabloon = (map / ("." + doel.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(sjabloon.data());
    if (fd < 0) throw std::runtime_error(fmt::format("kan geen tijdelijk bestand maken naast {}", pad));
    std::size_t geschreven = 0;
    while (geschreven < tekst.size()) {
        const auto n = ::write(fd, tekst.data() + geschreven, tekst.size() - geschreven);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(sjabloon.c_str());
            throw std::runtime_error(fmt::format("kan {} niet schrijven", pad));
        }
        geschreven += static_cast<std::size_t>(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(sjabloon.c_str());
        throw std::runtime_error(fmt::format("kan {} niet schrijven", pad));
    }
    if (std::rename(sjabloon.c_str(), pad.c_str()) != 0) {
        ::unlink(sjabloon.c_str());
        throw std::runtime_error(fmt::format("kan {} niet vervangen", pad));
    }
}

namespace {

std::string stapnaam(int stap) {
    static const char* namen[] = {"", "Bepaal de onderliggende drijfveer", "Haal informatie op", "Maak de analyse",
                                  "Tijd voor beleidsmatige actie", "Evalueer"};
    return stap >= 1 && stap <= 5 ? fmt::format("Stap {}: {}", stap, namen[stap]) : "";
}

std::string toon_vraag(const OpenVraag& v, std::size_t nummer) {
    std::string uit = fmt::format("\n[{}] {}\n", nummer, v.tekst);
    uit += "    " + v.def->hulp + "\n";
    if (v.def->type == "ja-nee") {
        uit += "    1. ja\n    2. nee\n";
    } else if (v.def->type == "keuze" || v.def->type == "meerkeuze") {
        for (std::size_t i = 0; i < v.def->keuzes.size(); ++i)
            uit += fmt::format("    {}. {}\n", i + 1, v.def->keuzes[i].naam);
        if (v.def->type == "meerkeuze") uit += "    (een of meer nummers, gescheiden door spaties; of 'geen')\n";
    } else if (v.def->type == "lijst") {
        uit += fmt::format("    Per regel één rij met {}.\n", v.def->velden);
        if (!v.def->voorbeeld.empty()) uit += fmt::format("    Bijvoorbeeld: {}\n", v.def->voorbeeld);
        uit += "    (een lege regel sluit af; 'geen' als er niets is)\n";
    }
    uit += "    (? waarom deze vraag, w weet ik niet, terug, stop)\n";
    return uit;
}

}  // namespace

int voer_vraaggesprek(Raadpleging& raadpleging, const Vragenlijst& vragen, const std::string& pad, Terminal& t) {
    std::string tekst;
    {
        std::ifstream in(pad, std::ios::binary);
        if (in) tekst.assign(std::istreambuf_iterator<char>(in), {});
    }
    // A file that is there must be a profile: its problems as for `wegwijzer advies`, before anything
    // is asked or written over it.
    if (tekst.find_first_not_of(" \t\r\n") != std::string::npos) {
        auto gelezen = lees_profiel_tekst(tekst, pad, raadpleging.vocabulaire(), Opdracht::advies);
        if (!gelezen.invoer) {
            (t.schrijf_fout ? t.schrijf_fout : t.schrijf)(formatteer(gelezen.fouten));
            return 2;
        }
    }
    Vraaggesprek g(raadpleging, vragen, tekst, pad);
    OpmaakOpties opmaak;
    opmaak.breedte = t.breedte;
    t.schrijf(fmt::format("Vraaggesprek voor {}. Elk antwoord wordt meteen bewaard; later verder gaan kan.\n", pad));
    std::set<std::string> gesteld;
    std::size_t nummer = 0;
    int vorige_stap = 0;
    auto toon_advies = [&](std::string_view kop) {
        t.schrijf(fmt::format("\n== {} ==\n", kop));
        t.schrijf(als_tekst(g.advies(), opmaak));
        const auto onbekend = g.onbekende_velden();
        if (!onbekend.empty()) {
            t.schrijf("\nNog onbekend (weet ik niet):\n");
            for (const auto& o : onbekend) {
                const auto [veld, nr] = veld_en_rij(o);
                const Vraagdef* d = vragen.zoek(veld);
                t.schrijf(fmt::format("  - {}{}\n", d ? d->tekst : o, nr ? fmt::format(" (rij {})", nr) : ""));
            }
        }
    };
    while (true) {
        std::vector<OpenVraag> open;
        try {
            open = g.open();
        } catch (const InvoerFout& e) {
            (t.schrijf_fout ? t.schrijf_fout : t.schrijf)(formatteer(e.fouten));
            return 2;
        }
        if (open.empty()) {
            toon_advies("Klaar: het advies");
            return 0;
        }
        const OpenVraag& v = open.front();
        if (vorige_stap != 0 && v.def->stap > vorige_stap) toon_advies(fmt::format("Advies na {}", stapnaam(vorige_stap)));
        if (v.def->stap != vorige_stap) t.schrijf(fmt::format("\n--- {} ---\n", stapnaam(v.def->stap)));
        vorige_stap = v.def->stap;
        t.schrijf(toon_vraag(v, ++nummer));
        while (true) {
            t.schrijf("> ");
            auto regel = t.lees_regel();
            if (!regel) {
                t.schrijf("\nGestopt; de antwoorden tot nu toe zijn bewaard.\n");
                return 0;
            }
            const std::string s = klein(trim(*regel));
            if (s == "stop") {
                t.schrijf(fmt::format("Gestopt; de antwoorden staan in {}. Start opnieuw om verder te gaan.\n", pad));
                return 0;
            }
            if (s == "?" || s == "waarom") {
                t.schrijf(vragen.waarom(v));
                continue;
            }
            if (s == "terug") {
                if (!g.terug()) {
                    t.schrijf("Er is nog geen antwoord om terug te nemen.\n");
                    continue;
                }
                schrijf_atomair(pad, g.tekst());
                t.schrijf("Het vorige antwoord is teruggenomen.\n");
                nummer = nummer >= 2 ? nummer - 2 : 0;
                vorige_stap = 0;
                break;
            }
            if (s == "w" || s == "weet ik niet") {
                if (v.def->veld == "gemeente.naam") {
                    t.schrijf("Zonder naam kan wegwijzer geen advies geven; geef de naam van de gemeente.\n");
                    continue;
                }
                g.onbekend(v);
                schrijf_atomair(pad, g.tekst());
                break;
            }
            std::vector<std::string> regels{*regel};
            if (v.def->type == "lijst" && s != "geen") {
                while (auto verder = (t.schrijf(". "), t.lees_regel())) {
                    if (trim(*verder).empty()) break;
                    regels.push_back(*verder);
                }
            }
            const auto fouten = g.beantwoord(v, regels);
            if (!fouten.empty()) {
                for (const auto& f : fouten) t.schrijf("  " + f + "\n");
                continue;
            }
            schrijf_atomair(pad, g.tekst());
            gesteld.insert(v.id);
            break;
        }
    }
}

namespace {

// The value the example gives a question's field; undefined when it has none.
YAML::Node antwoord_uit(const YAML::Node& voorbeeld, const OpenVraag& v) {
    const std::string& veld = v.def->veld;
    const auto p = veld.find("[]");
    YAML::Node n;
    if (p == std::string::npos) {
        n.reset(pad_in(YAML::Clone(voorbeeld), veld));
    } else {
        YAML::Node lijst = pad_in(YAML::Clone(voorbeeld), veld.substr(0, p));
        if (!lijst.IsSequence() || v.nr < 1 || static_cast<std::size_t>(v.nr) > lijst.size()) return YAML::Node();
        n.reset(lijst[static_cast<std::size_t>(v.nr - 1)][veld.substr(p + 3)]);
    }
    if (!n.IsDefined() || n.IsNull()) return YAML::Node(YAML::NodeType::Undefined);
    if (veld == "bronnen") {
        // The list of sources is asked as a choice of ids; where each comes from is a question of its own.
        YAML::Node ids(YAML::NodeType::Sequence);
        for (const auto& rij : n) {
            YAML::Node r(YAML::NodeType::Map);
            r["id"] = rij["id"].as<std::string>();
            ids.push_back(r);
        }
        return ids;
    }
    return YAML::Clone(n);
}

// Other answers to try for a question: is the question relevant (does any of them change anything)?
std::vector<YAML::Node> andere_antwoorden(const Vraagdef& d, const YAML::Node& voorbeeld) {
    std::vector<YAML::Node> uit;
    if (d.type == "ja-nee") {
        uit.emplace_back(true);
        uit.emplace_back(false);
    } else if (d.type == "keuze") {
        for (const auto& k : d.keuzes) uit.emplace_back(k.id);
    } else if (d.type == "meerkeuze") {
        YAML::Node leeg(YAML::NodeType::Sequence), een(YAML::NodeType::Sequence), alle(YAML::NodeType::Sequence);
        for (std::size_t i = 0; i < d.keuzes.size(); ++i) {
            YAML::Node w(d.keuzes[i].id);
            if (d.veld == "bronnen") {
                w = YAML::Node(YAML::NodeType::Map);
                w["id"] = d.keuzes[i].id;
            }
            if (i == 0) een.push_back(YAML::Clone(w));
            if (i < 4) alle.push_back(w);
        }
        uit.push_back(leeg);
        uit.push_back(een);
        uit.push_back(alle);
    } else if (d.type == "getal") {
        for (const char* g : {"0.5", "5", "20", "2019", "2020", "2023", "5000", "200000"}) uit.emplace_back(std::string(g));
    } else if (d.type == "lijst") {
        uit.emplace_back(YAML::NodeType::Sequence);
        if (voorbeeld.IsDefined()) uit.push_back(YAML::Clone(voorbeeld));
        if (!d.voorbeeld.empty()) {
            YAML::Node rij(YAML::NodeType::Sequence);
            rij.push_back(YAML::Load("{" + d.voorbeeld + "}"));
            uit.push_back(rij);
        }
    }
    return uit;
}

// Whether stap 3 is done but for the bestuur: an explicit "nee" from the bestuur holds stap 1 open, and with it
// the `afgerond` of every later step, while the interview goes on to ask what there is (vragen.yaml,
// vraag.verder-na-nee-bestuur). The same profile with a "ja" says whether steps 2 and 3 are done on their own.
bool stap3_af_buiten_bestuur(Raadpleging& raadpleging, const Vragenlijst& vragen, const std::string& tekst,
                             const std::string& bestand) {
    YAML::Node profiel = laad_yaml(tekst);
    YAML::Node drijfveer = profiel["drijfveer"];
    if (!drijfveer.IsMap() || !drijfveer["gedeeld_met_bestuur"].IsScalar() ||
        drijfveer["gedeeld_met_bestuur"].as<bool>(true))
        return false;
    drijfveer["gedeeld_met_bestuur"] = true;
    Vraaggesprek ja(raadpleging, vragen, als_yaml(profiel), bestand);
    return ja.advies().stappen[2].status == Status::afgerond;
}

}  // namespace

nlohmann::json speel_na(Raadpleging& raadpleging, const Vragenlijst& vragen, std::string_view voorbeeld,
                        const std::string& bestand) {
    const YAML::Node bron = laad_yaml(voorbeeld);
    auto verwacht_profiel = lees_profiel_tekst(voorbeeld, bestand, raadpleging.vocabulaire(), Opdracht::advies);
    if (!verwacht_profiel.invoer) throw InvoerFout(std::move(verwacht_profiel.fouten));
    const std::string verwacht = als_json(raadpleging.raadpleeg(*verwacht_profiel.invoer, Opdracht::advies), {});

    // What the interview shows after an answer: the advice and the questions still open.
    auto stand = [&](const std::string& tekst) -> std::optional<std::string> {
        Vraaggesprek g(raadpleging, vragen, tekst, bestand);
        std::string s = als_json(g.advies(), {});
        for (const auto& v : g.open()) s += "\n" + v.id;
        return s;
    };

    Vraaggesprek g(raadpleging, vragen, "", bestand);
    nlohmann::json gesteld = nlohmann::json::array();
    std::set<std::string> ids;
    bool dubbel = false, te_vroeg = false;
    int eerste_advies = 0;
    int vorige_stap = 0;
    for (int ronde = 0; ronde < 500; ++ronde) {
        const auto open = g.open();
        if (open.empty()) break;
        const OpenVraag v = open.front();
        if (!ids.insert(v.id).second) dubbel = true;
        if (v.def->stap >= 4 && g.advies().stappen[2].status != Status::afgerond &&
            !stap3_af_buiten_bestuur(raadpleging, vragen, g.tekst(), bestand))
            te_vroeg = true;
        if (eerste_advies == 0 && vorige_stap != 0 && v.def->stap > vorige_stap) eerste_advies = static_cast<int>(gesteld.size());
        vorige_stap = v.def->stap;
        const std::string voor = g.tekst();
        const YAML::Node antwoord = antwoord_uit(bron, v);
        // Relevance: the states after the example's answer, after "weet ik niet" and after other answers.
        std::set<std::string> standen;
        bool relevant = v.def->veld == "gemeente.naam";  // without it there is no advice at all
        if (!relevant) {
            for (const auto& a : andere_antwoorden(*v.def, antwoord)) {
                Vraaggesprek proef(raadpleging, vragen, voor, bestand);
                if (!proef.beantwoord_waarde(v, a).empty()) continue;
                if (auto s = stand(proef.tekst())) standen.insert(*s);
            }
            Vraaggesprek proef(raadpleging, vragen, voor, bestand);
            proef.onbekend(v);
            if (auto s = stand(proef.tekst())) standen.insert(*s);
            relevant = standen.size() > 1;
        }
        std::string gegeven;
        if (antwoord.IsDefined()) {
            const auto fouten = g.beantwoord_waarde(v, antwoord);
            if (!fouten.empty()) throw std::runtime_error(fmt::format("{}: {}", v.id, fouten.front()));
            YAML::Emitter e;
            e << YAML::Flow << antwoord;
            gegeven = e.c_str();
        } else {
            g.onbekend(v);
            gegeven = "weet ik niet";
        }
        gesteld.push_back({{"id", v.id}, {"stap", v.def->stap}, {"antwoord", gegeven}, {"relevant", relevant}});
    }
    if (eerste_advies == 0) eerste_advies = static_cast<int>(gesteld.size());
    const std::string gekregen = als_json(g.advies(), {});
    return {{"voorbeeld", bestand},
            {"vragen", gesteld},
            {"vragen_tot_eerste_advies", eerste_advies},
            {"dubbel_gesteld", dubbel},
            {"stap4_voor_stap3_af", te_vroeg},
            {"advies_gelijk", gekregen == verwacht},
            {"profiel", g.tekst()}};
}

}  // namespace ww::advies
