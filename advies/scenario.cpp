// SPDX-License-Identifier: EUPL-1.2
#include "advies/scenario.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include "advies/ordening.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/suggestie.hpp"
#include "advies/tekstkeuring.hpp"
#include "advies/vraaggesprek.hpp"
#include "advies/yaml_lezer.hpp"
#include "rules/diagnostic.hpp"
#include "rules/input_limits.hpp"
#include "rules/yaml_syntax_error.hpp"

namespace ww::advies {

namespace {

using Lijst = std::vector<std::string>;
const Lijst sleutels_scenario = {"naam", "opdracht", "profiel", "verwacht"};
const Lijst sleutels_verwacht = {"huidige_stap", "wel", "niet", "volgorde", "eerste_actie", "geen_waarschuwingen",
                                 "boodschappen", "vragen"};
const Lijst sleutels_boodschap = {"nr", "oordeel", "toelichting_bevat"};
const Lijst oordeel_woorden = {"passend", "botst", "onbekend", "tegenstrijdig"};
const Lijst sleutels_wel = {"id", "soort", "onderwerp", "stap", "prioriteit", "tekst_bevat", "tekst_mist",
                                 "onderbouwing_bevat", "onderbouwing_mist"};
const Lijst opdrachten = {"advies", "communicatie"};
const Lijst soorten = {"actie", "waarschuwing", "info"};

// One expected advice: an id and, optionally, what it must look like.
struct Verwachting {
    std::string id;
    // tekst_mist: what the text must not say (a remedy another advice gives); onderbouwing_bevat: a line of
    // the onderbouwing that holds it ("niet vastgelegd" where the profile gave nothing); onderbouwing_mist:
    // what no line may say (an untrue "geen ..." line that was mended).
    std::optional<std::string> soort, onderwerp, tekst_bevat, tekst_mist, onderbouwing_bevat, onderbouwing_mist;
    std::optional<std::int64_t> stap;
    // How urgent the advice is: a rule that gives one advice at two priorities (a problem the cases bear
    // out, or one they contradict) is pinned on which one, not only on its being there.
    std::optional<std::int64_t> prioriteit;

    bool past(const AdviesItem& a) const {
        const auto in_onderbouwing = [&](const std::string& s) { return regel_met(a, s) != nullptr; };
        return a.id == id && (!soort || naam_van(a.soort) == *soort) && (!onderwerp || a.onderwerp == *onderwerp) &&
               (!stap || a.stap == *stap) && (!prioriteit || a.prioriteit == *prioriteit) &&
               (!tekst_bevat || a.tekst.find(*tekst_bevat) != std::string::npos) &&
               (!tekst_mist || a.tekst.find(*tekst_mist) == std::string::npos) &&
               (!onderbouwing_bevat || in_onderbouwing(*onderbouwing_bevat)) &&
               (!onderbouwing_mist || !in_onderbouwing(*onderbouwing_mist));
    }
    // The first line of the onderbouwing that holds `s`, or none.
    static const std::string* regel_met(const AdviesItem& a, const std::string& s) {
        auto it = std::find_if(a.onderbouwing.begin(), a.onderbouwing.end(),
                               [&](const std::string& r) { return r.find(s) != std::string::npos; });
        return it == a.onderbouwing.end() ? nullptr : &*it;
    }
    std::string beschrijving() const {
        std::string b = "'" + id + "'";
        std::vector<std::string> delen;
        if (soort) delen.push_back("soort " + *soort);
        if (onderwerp) delen.push_back("onderwerp " + *onderwerp);
        if (stap) delen.push_back(fmt::format("stap {}", *stap));
        if (prioriteit) delen.push_back(fmt::format("prioriteit {}", *prioriteit));
        if (tekst_bevat) delen.push_back("tekst met \"" + *tekst_bevat + "\"");
        if (tekst_mist) delen.push_back("tekst zonder \"" + *tekst_mist + "\"");
        if (onderbouwing_bevat) delen.push_back("onderbouwing met \"" + *onderbouwing_bevat + "\"");
        if (onderbouwing_mist) delen.push_back("onderbouwing zonder \"" + *onderbouwing_mist + "\"");
        if (!delen.empty()) {
            b += " (";
            for (std::size_t i = 0; i < delen.size(); ++i) b += (i ? ", " : "") + delen[i];
            b += ")";
        }
        return b;
    }
};

// The verdict expected on one message of the plan.
struct BoodschapVerwachting {
    std::int64_t nr = 0;
    std::optional<std::string> oordeel, toelichting_bevat;
};

// With the priority when the expectation asks for one: then it is what tells the two apart.
std::string kort(const AdviesItem& a, bool met_prioriteit = false) {
    if (met_prioriteit)
        return fmt::format("{} ({}, stap {}, {}, prioriteit {})", a.id, naam_van(a.soort), a.stap, a.onderwerp, a.prioriteit);
    return fmt::format("{} ({}, stap {}, {})", a.id, naam_van(a.soort), a.stap, a.onderwerp);
}

class ScenarioLezer {
public:
    ScenarioLezer(const std::string& bestand, const std::string& tekst, Raadpleging& r, TestVerslag& v,
                  std::vector<bool>& gevuurd)
        : bestand_(bestand), tekst_(tekst), y_(bestand, tekst), r_(r), verslag_(v),
          gevuurd_(gevuurd),
          onleesbare_ids_(onleesbare_ids(r.vocabulaire())) {
        const auto regels = r.engine().rules();
        for (std::size_t i = 0; i < regels.size(); ++i) index_.emplace(regels[i]->id, i);
    }

    void lees() {
        try {
            docs_ = load_yaml_documents(tekst_);
        } catch (const YAML::Exception& e) {
            const YamlSyntaxError f = explain_yaml_error(tekst_, e.mark, e.msg);
            y_.fout(f.mark, f.message);
            mislukt(bestand_, "het bestand is geen geldige YAML");
            neem_fouten_over();  // a file that is not YAML is bad input: status 2, with its position
            return;
        }
        const auto& docs = docs_.roots;
        if (docs.empty() || afwezig(docs[0])) {
            y_.fout(YAML::Mark::null_mark(), "het bestand bevat geen scenario");
            mislukt(bestand_, "geen scenario");
        }
        for (const auto& doc : docs) {
            if (afwezig(doc)) continue;
            if (doc.is_sequence()) {
                for (const auto& s : doc.items())
                    if (!binnen_grens(s)) break;
                    else scenario(s);
            } else if (binnen_grens(doc)) {
                scenario(doc);
            }
            if (verslag_.te_veel) break;
        }
        neem_fouten_over();
    }

private:
    void neem_fouten_over() {
        auto fouten = y_.neem_fouten();
        std::stable_sort(fouten.begin(), fouten.end(),
                         [](const Fout& a, const Fout& b) { return std::tie(a.line, a.col) < std::tie(b.line, b.col); });
        for (auto& f : fouten) verslag_.fouten.push_back(std::move(f));
    }

    bool binnen_grens(const YamlNode& node) {
        if (verslag_.te_veel) return false;
        if (verslag_.scenarios.size() < limits::max_scenarios) return true;
        verslag_.te_veel = true;
        y_.fout(node, fmt::format("meer dan {} scenario's in één run; verdeel ze over meerdere mappen",
                                  limits::max_scenarios));
        return false;
    }

    void mislukt(std::string naam, std::string reden) {
        verslag_.scenarios.push_back(ScenarioUitslag{bestand_, std::move(naam), {std::move(reden)}});
    }

    std::optional<Verwachting> verwachting(const YamlNode& n, const std::string& pad) {
        if (n.is_scalar()) {
            Verwachting w;
            w.id = n.scalar();
            return w;
        }
        auto v = y_.kaart(n, pad, sleutels_wel);
        if (!v) return std::nullopt;
        Verwachting w;
        auto id = y_.tekst((*v)["id"], pad + ".id");
        if (!id) {
            if (afwezig((*v)["id"])) y_.fout(n, fmt::format("'{}.id' ontbreekt", pad));
            return std::nullopt;
        }
        w.id = *id;
        w.soort = y_.keuze((*v)["soort"], pad + ".soort", soorten, "soort");
        w.onderwerp = y_.keuze((*v)["onderwerp"], pad + ".onderwerp",
                               std::vector<std::string>(onderwerpen.begin(), onderwerpen.end()), "onderwerp");
        w.stap = y_.geheel((*v)["stap"], pad + ".stap");
        w.prioriteit = y_.geheel((*v)["prioriteit"], pad + ".prioriteit");
        // As lint holds a rule's advice to it: 1 is the most urgent, there is nothing before it.
        if (w.prioriteit && *w.prioriteit < 1) {
            y_.fout((*v)["prioriteit"],
                    fmt::format("'{}.prioriteit' moet een geheel getal vanaf 1 zijn (1 is het dringendst), niet {}", pad,
                                *w.prioriteit));
            w.prioriteit.reset();
        }
        w.tekst_bevat = y_.tekst((*v)["tekst_bevat"], pad + ".tekst_bevat");
        w.tekst_mist = y_.tekst((*v)["tekst_mist"], pad + ".tekst_mist");
        w.onderbouwing_bevat = y_.tekst((*v)["onderbouwing_bevat"], pad + ".onderbouwing_bevat");
        w.onderbouwing_mist = y_.tekst((*v)["onderbouwing_mist"], pad + ".onderbouwing_mist");
        return w;
    }

    // Reports an id no rule has: a typo in a scenario would otherwise pass `niet` silently.
    void bestaat(const YamlNode& n, const std::string& id) {
        if (index_.count(id)) return;
        // A suggestion compares with every rule id: only for messages that will be shown (a hostile
        // file may hold 150,000 unknown ids; the reader keeps Diagnostics::max_items).
        if (y_.fouten().size() >= Diagnostics::max_items) {
            y_.fout(n, fmt::format("geen regel met id '{}' in de kennisbank", id));
            return;
        }
        std::vector<std::string> ids;
        for (const auto* regel : r_.engine().rules()) ids.push_back(regel->id);
        y_.fout(n, fmt::format("geen regel met id '{}' in de kennisbank{}", id, bedoelde_je_regel(id, ids)));
    }
    static std::string bedoelde_je_regel(const std::string& id, const std::vector<std::string>& ids) {
        return bedoelde_je(id, ids);
    }

    void scenario(const YamlNode& node) {
        const std::size_t fouten_voor = y_.fouten().size();
        auto s = y_.kaart(node, "scenario", sleutels_scenario);
        if (!s) {
            mislukt(bestand_, "het scenario is geen kaart");
            return;
        }
        std::string naam = y_.tekst((*s)["naam"], "naam").value_or(fmt::format("{} (regel {})", bestand_, node.mark().line + 1));
        const auto opdracht_tekst = y_.keuze((*s)["opdracht"], "opdracht", opdrachten, "opdracht").value_or("advies");
        const Opdracht opdracht = opdracht_tekst == "communicatie" ? Opdracht::communicatie : Opdracht::advies;
        if (!s->heeft("profiel")) y_.fout(node, "'profiel' ontbreekt in het scenario");
        if (!s->heeft("verwacht")) y_.fout(node, "'verwacht' ontbreekt in het scenario");
        auto v = y_.kaart((*s)["verwacht"], "verwacht", sleutels_verwacht);

        std::optional<std::int64_t> huidige;
        std::vector<Verwachting> wel;
        std::vector<std::string> niet;
        std::vector<Verwachting> volgorde;
        std::optional<std::string> eerste_actie;
        bool geen_waarschuwingen = false;
        std::vector<BoodschapVerwachting> boodschappen;
        // The open questions of the interview (knowledge-base/vragen.yaml), exactly and in order; the
        // scenario then runs in interview mode.
        std::optional<std::vector<std::string>> vragen;
        if (v) {
            if (auto l = (*v)["vragen"].is_defined() ? y_.lijst((*v)["vragen"], "verwacht.vragen") : std::nullopt) {
                vragen.emplace();
                for (std::size_t i = 0; i < l->size(); ++i)
                    if (auto id = y_.tekst((*l)[i], fmt::format("verwacht.vragen[{}]", i + 1))) vragen->push_back(*id);
            }
            huidige = y_.geheel((*v)["huidige_stap"], "verwacht.huidige_stap");
            if (huidige && (*huidige < 1 || *huidige > 5))
                y_.fout((*v)["huidige_stap"], fmt::format("'verwacht.huidige_stap' moet tussen 1 en 5 liggen, niet {}", *huidige));
            if (auto l = y_.lijst((*v)["wel"], "verwacht.wel"))
                for (std::size_t i = 0; i < l->size(); ++i)
                    if (auto w = verwachting((*l)[i], fmt::format("verwacht.wel[{}]", i + 1))) {
                        bestaat((*l)[i], w->id);
                        wel.push_back(std::move(*w));
                    }
            if (auto l = y_.lijst((*v)["niet"], "verwacht.niet"))
                for (std::size_t i = 0; i < l->size(); ++i)
                    if (auto id = y_.tekst((*l)[i], fmt::format("verwacht.niet[{}]", i + 1))) {
                        bestaat((*l)[i], *id);
                        niet.push_back(*id);
                    }
            // Advice that must come in this order (each one after the one before it, others between them).
            if (auto l = y_.lijst((*v)["volgorde"], "verwacht.volgorde"))
                for (std::size_t i = 0; i < l->size(); ++i)
                    if (auto w = verwachting((*l)[i], fmt::format("verwacht.volgorde[{}]", i + 1))) {
                        bestaat((*l)[i], w->id);
                        volgorde.push_back(std::move(*w));
                    }
            eerste_actie = y_.tekst((*v)["eerste_actie"], "verwacht.eerste_actie");
            if (eerste_actie) bestaat((*v)["eerste_actie"], *eerste_actie);
            geen_waarschuwingen = y_.boolean((*v)["geen_waarschuwingen"], "verwacht.geen_waarschuwingen").value_or(false);
            if (auto l = y_.lijst((*v)["boodschappen"], "verwacht.boodschappen"))
                for (std::size_t i = 0; i < l->size(); ++i) {
                    const std::string pad = fmt::format("verwacht.boodschappen[{}]", i + 1);
                    auto b = y_.kaart((*l)[i], pad, sleutels_boodschap);
                    if (!b) continue;
                    auto nr = y_.geheel((*b)["nr"], pad + ".nr");
                    if (!nr) {
                        if (afwezig((*b)["nr"])) y_.fout((*l)[i], fmt::format("'{}.nr' ontbreekt", pad));
                        continue;
                    }
                    boodschappen.push_back({*nr, y_.keuze((*b)["oordeel"], pad + ".oordeel", oordeel_woorden, "oordeel"),
                                            y_.tekst((*b)["toelichting_bevat"], pad + ".toelichting_bevat")});
                }
        }
        if (y_.fouten().size() > fouten_voor) {
            mislukt(naam, "het scenario zelf bevat fouten (zie hierboven)");
            return;
        }

        auto profiel = lees_profiel((*s)["profiel"], bestand_, tekst_, r_.vocabulaire(), opdracht);
        if (!profiel.invoer) {
            ScenarioUitslag u{bestand_, naam, {}};
            for (const auto& f : profiel.fouten)
                u.redenen.push_back(fmt::format("profiel ongeldig: {}:{}: {}", f.line, f.col, f.message));
            verslag_.scenarios.push_back(std::move(u));
            return;
        }
        ScenarioUitslag u{bestand_, naam, {}};
        Advies advies;
        if (vragen && !vragenlijst_) vragenlijst_ = std::make_unique<Vragenlijst>(r_.kennisbank());
        const YamlNode profielknoop = (*s)["profiel"];
        if (vragen) zet_vraaggesprek(r_, *vragenlijst_, &profielknoop);
        try {
            advies = r_.raadpleeg(*profiel.invoer, opdracht);
        } catch (const KennisbankFout& e) {
            u.redenen.push_back(std::string("kennisbank: ") + e.what());
        } catch (const InvoerFout& e) {
            for (const auto& f : e.fouten) u.redenen.push_back("kennisbank: " + f.message);
        }
        for (const auto& f : r_.engine().firing_log())
            if (f.rule)
                if (auto it = index_.find(f.rule->id); it != index_.end()) gevuurd_[it->second] = true;
        if (vragen) {
            zet_vraaggesprek(r_, *vragenlijst_, nullptr);
            std::vector<std::string> open;
            for (const auto& o : lees_open_vragen(r_, *vragenlijst_)) open.push_back(o.id);
            if (open != *vragen)
                u.redenen.push_back(fmt::format("open vragen zijn [{}], verwacht [{}]", fmt::join(open, ", "),
                                                fmt::join(*vragen, ", ")));
        }
        if (!u.redenen.empty()) {
            verslag_.scenarios.push_back(std::move(u));
            return;
        }
        controleer(advies, huidige, wel, niet, eerste_actie, geen_waarschuwingen, u);
        controleer_volgorde(advies, volgorde, u);
        controleer_boodschappen(advies, boodschappen, u);
        if (opdracht == Opdracht::advies && verslag_.contract_getoetst) controleer_contract(advies, u);
        verslag_.scenarios.push_back(std::move(u));
    }

    // Each expected advice must come after the one matched before it (any advice may stand between them).
    static void controleer_volgorde(const Advies& a, const std::vector<Verwachting>& volgorde, ScenarioUitslag& u) {
        std::size_t k = 0;
        for (std::size_t i = 0; i < a.adviezen.size() && k < volgorde.size(); ++i)
            if (volgorde[k].past(a.adviezen[i])) ++k;
        if (k == volgorde.size()) return;
        std::string lijst;
        for (std::size_t i = 0; i < a.adviezen.size(); ++i)
            lijst += fmt::format("{}{}. {}", i ? "; " : "", i + 1, a.adviezen[i].id);
        u.redenen.push_back(fmt::format("volgorde: verwacht {} na {}, maar dat komt er niet na (de lijst: {})",
                                        volgorde[k].beschrijving(), k == 0 ? std::string("het begin") : volgorde[k - 1].beschrijving(), lijst));
    }

    static void controleer_boodschappen(const Advies& a, const std::vector<BoodschapVerwachting>& verwacht,
                                        ScenarioUitslag& u) {
        for (const auto& v : verwacht) {
            auto it = std::find_if(a.boodschappen.begin(), a.boodschappen.end(),
                                   [&](const Boodschapoordeel& b) { return b.nr == v.nr; });
            if (it == a.boodschappen.end()) {
                u.redenen.push_back(fmt::format("boodschap {} kreeg geen oordeel", v.nr));
                continue;
            }
            if (v.oordeel && it->oordeel != *v.oordeel)
                u.redenen.push_back(fmt::format("boodschap {} ({}) kreeg oordeel '{}', verwacht '{}': \"{}\"", v.nr,
                                                it->onderwerp, it->oordeel, *v.oordeel, it->toelichting));
            if (v.toelichting_bevat && it->toelichting.find(*v.toelichting_bevat) == std::string::npos)
                u.redenen.push_back(fmt::format("de toelichting bij boodschap {} bevat \"{}\" niet: \"{}\"", v.nr,
                                                *v.toelichting_bevat, it->toelichting));
        }
    }

    static void controleer(const Advies& a, std::optional<std::int64_t> huidige, const std::vector<Verwachting>& wel,
                           const std::vector<std::string>& niet, const std::optional<std::string>& eerste_actie,
                           bool geen_waarschuwingen, ScenarioUitslag& u) {
        if (huidige && a.huidige_stap != *huidige)
            u.redenen.push_back(fmt::format("huidige stap is {}, verwacht {}", a.huidige_stap, *huidige));
        for (const auto& w : wel) {
            if (std::any_of(a.adviezen.begin(), a.adviezen.end(), [&](const AdviesItem& x) { return w.past(x); })) continue;
            std::string reden = "verwacht advies " + w.beschrijving() + " ontbreekt";
            for (const auto& x : a.adviezen)
                if (x.id == w.id) {
                    reden += fmt::format("; wel gegeven als {}: \"{}\"", kort(x, w.prioriteit.has_value()), x.tekst);
                    // The text alone does not show why an onderbouwing failed: name the line.
                    if (const std::string* r = w.onderbouwing_mist ? Verwachting::regel_met(x, *w.onderbouwing_mist) : nullptr)
                        reden += fmt::format(", met in de onderbouwing \"{}\"", *r);
                    break;
                }
            u.redenen.push_back(std::move(reden));
        }
        for (const auto& id : niet)
            for (const auto& x : a.adviezen)
                if (x.id == id) {
                    u.redenen.push_back(fmt::format("advies '{}' had niet mogen komen: \"{}\"", id, x.tekst));
                    break;
                }
        if (eerste_actie) {
            auto it = std::find_if(a.adviezen.begin(), a.adviezen.end(), [](const AdviesItem& x) { return x.soort == Soort::actie; });
            if (it == a.adviezen.end())
                u.redenen.push_back(fmt::format("eerste actie zou '{}' zijn, maar er is geen enkele actie", *eerste_actie));
            else if (it->id != *eerste_actie)
                u.redenen.push_back(fmt::format("eerste actie is '{}', verwacht '{}'", it->id, *eerste_actie));
        }
        if (geen_waarschuwingen)
            for (const auto& x : a.adviezen)
                if (x.soort == Soort::waarschuwing)
                    u.redenen.push_back(fmt::format("onverwachte waarschuwing '{}': \"{}\"", x.id, x.tekst));
    }

    // What the advice contract promises of every advice, whatever the scenario expects: the steps are
    // done in order, `huidige_stap` is the first step not done (5 when all are), and the first action
    // answers "what now" for that step. A knowledge base that breaks it misleads every caller that
    // reads only the top of the list.
    void controleer_contract(const Advies& a, ScenarioUitslag& u) const {
        for (std::size_t k = 1; k < a.stappen.size(); ++k) {
            if (a.stappen[k].status != Status::afgerond) continue;
            for (std::size_t j = 0; j < k; ++j)
                if (a.stappen[j].status != Status::afgerond) {
                    u.redenen.push_back(fmt::format("contract: stap {} is afgerond terwijl stap {} {} is",
                                                    a.stappen[k].stap, a.stappen[j].stap, naam_van(a.stappen[j].status)));
                    break;
                }
        }
        if (const int h = huidige_stap(a.stappen); a.huidige_stap != h)
            u.redenen.push_back(fmt::format("contract: de huidige stap is {}, maar de eerste stap die niet afgerond is, is {}",
                                            a.huidige_stap, h));
        for (const auto& x : a.adviezen) {
            controleer_tekst(x, x.tekst, u);
            for (const auto& o : x.onderbouwing) controleer_tekst(x, o, u);
        }
        const auto actie = std::find_if(a.adviezen.begin(), a.adviezen.end(), [](const AdviesItem& x) { return x.soort == Soort::actie; });
        if (actie == a.adviezen.end())
            u.redenen.push_back("contract: het advies heeft geen enkele actie, dus niets dat zegt wat nu te doen");
        else if (actie->stap != a.huidige_stap)
            u.redenen.push_back(fmt::format("contract: de eerste actie '{}' hoort bij stap {}, niet bij de huidige stap {}",
                                            actie->id, actie->stap, a.huidige_stap));
    }

    void controleer_tekst(const AdviesItem& x, const std::string& t, ScenarioUitslag& u) const {
        for (const auto& bezwaar : tekstbezwaren(t, onleesbare_ids_))
            u.redenen.push_back(fmt::format("contract: '{}' {}: \"{}\"", x.id, bezwaar, t));
    }

    std::string bestand_;
    std::string tekst_;
    YamlLezer y_;
    YamlDocuments docs_;  // the scenarios' nodes live here
    Raadpleging& r_;
    TestVerslag& verslag_;
    std::vector<bool>& gevuurd_;
    std::map<std::string, std::size_t, std::less<>> index_;
    std::unique_ptr<Vragenlijst> vragenlijst_;
    std::vector<OnleesbaarId> onleesbare_ids_;
};

}  // namespace

int TestVerslag::geslaagd() const {
    return static_cast<int>(std::count_if(scenarios.begin(), scenarios.end(), [](const auto& s) { return s.geslaagd(); }));
}
int TestVerslag::mislukt() const { return static_cast<int>(scenarios.size()) - geslaagd(); }
int TestVerslag::status() const {
    if (!fouten.empty()) return 2;
    return (mislukt() > 0 || (dekking_beoordeeld && !nooit_gevuurd.empty())) ? 1 : 0;
}

void draai_scenario_tekst(const std::string& bestand, const std::string& tekst, Raadpleging& raadpleging,
                          TestVerslag& verslag, std::vector<bool>& gevuurd) {
    raadpleging.bewaar_vuurlog(true);  // the rule coverage reads every consultation's firing log
    ScenarioLezer(bestand, tekst, raadpleging, verslag, gevuurd).lees();
}

TestVerslag draai_scenarios(const std::string& map, Raadpleging& raadpleging, bool contract_toetsen) {
    namespace fs = std::filesystem;
    TestVerslag verslag;
    verslag.contract_getoetst = contract_toetsen;
    raadpleging.bewaar_vuurlog(true);  // the rule coverage reads every consultation's firing log
    const auto regels = raadpleging.engine().rules();
    verslag.regels = regels.size();
    std::vector<bool> gevuurd(regels.size(), false);

    std::vector<fs::path> bestanden;
    std::error_code ec;
    if (fs::is_regular_file(map, ec)) {
        bestanden.push_back(map);
        verslag.dekking_beoordeeld = false;
    } else {
        // Every call with an error_code: a link that points to itself (ELOOP) would otherwise throw.
        for (fs::directory_iterator it(map, ec), eind; !ec && it != eind; it.increment(ec)) {
            std::error_code gewoon;
            const bool yaml = it->path().extension() == ".yaml";
            if (it->is_regular_file(gewoon) && yaml) {
                bestanden.push_back(it->path());
            } else if (yaml && gewoon == std::errc::too_many_symbolic_link_levels) {
                Fout f;
                f.file = it->path().string();
                f.line = 1;
                f.col = 1;
                f.message = "een lus van symbolische links";
                verslag.fouten.push_back(std::move(f));
                return verslag;
            }
        }
        std::error_code map_ec;
        if (ec || !fs::is_directory(map, map_ec)) {
            const bool lus = ec == std::errc::too_many_symbolic_link_levels || map_ec == std::errc::too_many_symbolic_link_levels;
            Fout f;
            f.file = map;
            f.line = 1;
            f.col = 1;
            f.message = lus ? "een lus van symbolische links" : "kan de map met scenario's niet lezen";
            verslag.fouten.push_back(std::move(f));
            return verslag;
        }
    }
    std::sort(bestanden.begin(), bestanden.end());
    if (bestanden.empty()) {
        Fout f;
        f.file = map;
        f.line = 1;
        f.col = 1;
        f.message = "geen scenariobestanden (*.yaml) in deze map";
        verslag.fouten.push_back(std::move(f));
        return verslag;
    }
    for (const auto& pad : bestanden) {
        std::string tekst;
        try {
            tekst = read_input_file(pad.string());
        } catch (const LoadError& e) {
            // Too large, unreadable: the same limits and messages as for a profile.
            for (Fout f : e.diagnostics.items()) {
                f.line = 1;
                f.col = 1;
                verslag.fouten.push_back(std::move(f));
            }
            continue;
        }
        draai_scenario_tekst(pad.string(), tekst, raadpleging, verslag, gevuurd);
        if (verslag.te_veel) break;
    }
    for (std::size_t i = 0; i < regels.size(); ++i)
        if (!gevuurd[i]) verslag.nooit_gevuurd.push_back(regels[i]->id);
    return verslag;
}

std::string verslag_tekst(const TestVerslag& v) {
    std::string uit;
    for (const auto& s : v.scenarios) {
        uit += fmt::format("{:<5} {}: {}\n", s.geslaagd() ? "ok" : "FOUT", s.bestand, s.naam);
        for (const auto& r : s.redenen) uit += "      - " + r + "\n";
    }
    if (!v.dekking_beoordeeld) {
        uit += fmt::format("\nregeldekking: niet beoordeeld bij één bestand ({} van de {} regels gevuurd; geef de map "
                           "voor het oordeel)\n",
                           v.regels - v.nooit_gevuurd.size(), v.regels);
    } else {
        uit += fmt::format("\nregeldekking: {} van de {} regels gevuurd\n", v.regels - v.nooit_gevuurd.size(), v.regels);
    }
    if (v.dekking_beoordeeld && !v.nooit_gevuurd.empty()) {
        uit += "FOUT  nooit gevuurd door een scenario:\n";
        for (const auto& id : v.nooit_gevuurd) uit += "      - " + id + "\n";
    }
    uit += fmt::format("{} passed, {} failed\n", v.geslaagd(), v.mislukt());
    return uit;
}

}  // namespace ww::advies
