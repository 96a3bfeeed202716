#include "advies/raadpleging.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "advies/fout.hpp"
#include "advies/ordening.hpp"
#include "advies/uitleg.hpp"
#include "engine/template.hpp"

namespace ww::advies {

const std::vector<std::pair<std::string, std::vector<std::string>>>& invoer_sjablonen() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> sjablonen = {
        {"sectie", {"naam"}},
        {"gemeente", {"naam", "inwoners"}},
        {"drijfveer", {"bepaald", "soort", "gedeeld_met_bestuur"}},
        {"meting", {"indicator", "waarde", "vergelijkbaar", "vorige", "gebied", "jaar"}},
        {"bron", {"id", "partner"}},
        {"informatie", {"ontbrekend_bepaald"}},
        {"analyse", {"uitgevoerd", "problematisch", "rapportage"}},
        {"analysevraag", {"vraag"}},
        {"gekozen_factor", {"factor"}},
        {"communicatie", {"frame", "effect_onderzocht"}},
        {"boodschap", {"onderwerp", "buikpijn", "aanpak"}},
        {"beleid", {"doel_benoemd", "uitvoeringsplan", "werkhouding_sessies", "vuistregels", "gedeelde_visie"}},
        {"smart", {"gekozen", "indicator", "daling_pct", "termijn_jaren"}},
        {"ivp", {"opgenomen"}},
        {"ivp_prioriteit", {"factor"}},
        {"actie", {"naam", "factor"}},
        {"evaluatie", {"momenten_vastgelegd", "nulmeting"}},
        {"evaluatie_aspect", {"aspect"}},
        {"modus", {"opdracht"}},
    };
    return sjablonen;
}

namespace {

// The index of the first element from `begin` on, wrapping round, that satisfies `past`; the
// size when none does.
template <class T, class Past>
std::size_t zoek_vanaf(const std::vector<T>& v, std::size_t begin, Past&& past) {
    const std::size_t n = v.size();
    if (begin >= n) begin = 0;
    for (std::size_t i = begin; i < n; ++i)
        if (past(v[i])) return i;
    for (std::size_t i = 0; i < begin; ++i)
        if (past(v[i])) return i;
    return n;
}

const Value* veld(const Record& r, std::string_view naam) {
    for (const auto& [k, v] : r.fields)
        if (k == naam) return &v;
    return nullptr;
}

[[noreturn]] void record_fout(const Record& r, std::string_view wat) {
    throw KennisbankFout(fmt::format("regel '{}' zendt een {}-record uit dat niet aan het contract voldoet: {}", r.rule_id,
                                     r.name, wat),
                         r.rule_id);
}

const Value& verplicht(const Record& r, std::string_view naam, ValueKind soort) {
    const Value* v = veld(r, naam);
    if (v == nullptr) record_fout(r, fmt::format("veld '{}' ontbreekt", naam));
    if (v->kind() != soort) record_fout(r, fmt::format("veld '{}' is {}, verwacht {}", naam, kind_name(v->kind()), kind_name(soort)));
    return *v;
}

// A view of the interned text: it lives as long as the program.
std::string_view tekst_of_symbool(const Record& r, std::string_view naam) {
    const Value* v = veld(r, naam);
    if (v == nullptr) record_fout(r, fmt::format("veld '{}' ontbreekt", naam));
    if (v->kind() != ValueKind::symbol && v->kind() != ValueKind::string)
        record_fout(r, fmt::format("veld '{}' is {}, verwacht een woord", naam, kind_name(v->kind())));
    return v->as_text();
}

int stap_van(const Record& r) {
    const auto stap = verplicht(r, "stap", ValueKind::integer).as_int();
    if (stap < 1 || stap > 5) record_fout(r, fmt::format("stap {} ligt niet tussen 1 en 5", stap));
    return static_cast<int>(stap);
}

std::vector<std::string> lijst_van(const Record& r, std::string_view naam) {
    std::vector<std::string> uit;
    const Value* v = veld(r, naam);
    if (v == nullptr || v->is_nil()) return uit;
    if (v->kind() != ValueKind::list) record_fout(r, fmt::format("veld '{}' is geen lijst", naam));
    const auto& lijst = v->as_list();
    uit.reserve(lijst.size());
    for (const auto& e : lijst) {
        // Texts and symbols display as themselves: no detour through a temporary string.
        if (e.kind() == ValueKind::string || e.kind() == ValueKind::symbol) uit.emplace_back(e.as_text());
        else uit.push_back(e.display());
    }
    return uit;
}

AdviesItem advies_uit(const Record& r) {
    AdviesItem a;
    a.id = r.rule_id;
    const auto soort = tekst_of_symbool(r, "soort");
    if (auto s = soort_uit(soort)) a.soort = *s;
    else record_fout(r, fmt::format("soort '{}' is niet actie, waarschuwing of info", soort));
    a.stap = stap_van(r);
    a.onderwerp = tekst_of_symbool(r, "onderwerp");
    if (!is_onderwerp(a.onderwerp)) record_fout(r, fmt::format("onderwerp '{}' staat niet in de lijst van het contract", a.onderwerp));
    a.prioriteit = verplicht(r, "prioriteit", ValueKind::integer).as_int();
    a.tekst = std::string(verplicht(r, "tekst", ValueKind::string).as_text());
    a.factoren = lijst_van(r, "factoren");
    a.onderbouwing = lijst_van(r, "onderbouwing");
    if (r.rule_meta != nullptr) {
        for (const char* sleutel : {"source", "bron"}) {
            auto it = r.rule_meta->find(sleutel);
            if (it != r.rule_meta->end() && !it->second.is_nil()) {
                const Value& v = it->second;
                if (v.kind() == ValueKind::string || v.kind() == ValueKind::symbol) a.bron = v.as_text();
                else a.bron = v.display();
                break;
            }
        }
    }
    return a;
}

}  // namespace

Raadpleging::Raadpleging(const Kennisbank& kennisbank) : kennisbank_(kennisbank), engine_(kennisbank.nieuwe_engine()) {
    std::vector<Fout> fouten;
    auto fout = [&](std::string melding) {
        Fout f;
        f.file = kennisbank.map();
        f.line = 1;  // the contract promises FILE:LINE:COL; the problem is the knowledge base as a whole
        f.col = 1;
        f.message = std::move(melding);
        fouten.push_back(std::move(f));
    };
    for (const auto& [naam, slots] : invoer_sjablonen()) {
        auto id = engine_->find_template(naam);
        if (!id) {
            fout(fmt::format("de kennisbank definieert template '{}' niet; de profiellezer vult het (zie invoer.yaml)", naam));
            continue;
        }
        const auto& def = engine_->template_def(*id);
        Sjabloon sjabloon{naam, *id, {}, {}};
        for (const SlotDef& s : def.slots) {
            sjabloon.standaard.push_back(s.default_value ? *s.default_value : zero_of(s.type));
            sjabloon.slots.push_back(s.name);
        }
        sjablonen_.push_back(std::move(sjabloon));
        for (const auto& slot : slots)
            if (def.slot_index(slot) < 0)
                fout(fmt::format("template '{}' in de kennisbank mist slot '{}', dat de profiellezer vult", naam, slot));
    }
    if (!fouten.empty()) throw InvoerFout(std::move(fouten));
    vocabulaire_ = lees_vocabulaire(*engine_);
    // What the rules derive from the knowledge base's own facts alone (the sign of each indicator,
    // ...) is the same for every profile: derived once here, it is part of the state every
    // consultation starts from, instead of being derived again by each.
    draai_engine();
    engine_->checkpoint();
    vers_ = true;
}

void Raadpleging::draai(const Invoer& invoer) { voer_uit(invoer, true); }

void Raadpleging::voer_uit(const Invoer& invoer, bool afleiding) {
    snel_teruggezet_ = !vers_ && kennisbank_.begin(*engine_);
    // The firing log and the archive of retracted facts cost an allocation or two per firing; only
    // --uitleg, why-not and the scenario runner's coverage read them.
    engine_->set_explanation(afleiding);
    vers_ = false;
    // One batch: an aggregate over profile facts (how many sources, ...) passes on its result once,
    // not once per fact.
    feiten_.clear();
    feiten_.reserve(invoer.feiten.size());
    // The reader writes the facts of one template in a row and a fact's slots mostly in the
    // template's order: a name is looked for first where the last one was found (or just after it),
    // which makes most lookups one comparison. Any order still finds every name.
    for (const auto& feit : invoer.feiten) {
        vorig_sjabloon_ = zoek_vanaf(sjablonen_, vorig_sjabloon_, [&](const Sjabloon& s) { return s.naam == feit.tmpl; });
        if (vorig_sjabloon_ == sjablonen_.size()) {
            vorig_sjabloon_ = 0;
            throw std::out_of_range(fmt::format("de profiellezer vult template '{}', dat de raadpleging niet kent", feit.tmpl));
        }
        const Sjabloon& sjabloon = sjablonen_[vorig_sjabloon_];
        // What Engine::assert_fact by slot name does, in the buffers of the last consultation's facts.
        std::vector<Value> slots = engine_->spare_slots(sjabloon.id);
        slots.assign(sjabloon.standaard.begin(), sjabloon.standaard.end());
        std::size_t volgend = 0;
        for (const auto& [naam, waarde] : feit.slots) {
            const std::size_t i = zoek_vanaf(sjabloon.slots, volgend, [&](const std::string& s) { return s == naam; });
            if (i < slots.size()) {
                slots[i] = waarde;
                volgend = i + 1;
            }
            // `nr` is given for every list element; a template without it does not want it.
            else if (naam != "nr") throw std::invalid_argument(fmt::format("'{}' heeft geen slot '{}'", sjabloon.naam, naam));
        }
        feiten_.emplace_back(sjabloon.id, std::move(slots));
    }
    engine_->assert_batch(feiten_);
    draai_engine();
}

void Raadpleging::draai_engine() {
    try {
        engine_->run();
    } catch (const ActionError& e) {
        throw InvoerFout({kennisbank_.regels().diagnostic_at(e.rule_id, e.source_offset, e.what())});
    } catch (const FiringLimitError& e) {
        std::string regels;
        for (const auto& r : e.rules) regels += (regels.empty() ? "" : ", ") + r;
        throw KennisbankFout(fmt::format("{} (regels die bleven vuren: {})", e.what(), regels));
    }
}

Advies Raadpleging::raadpleeg(const Invoer& invoer, Opdracht opdracht, bool uitleg) {
    voer_uit(invoer, uitleg || vuurlog_bewaren_);
    Advies advies;
    advies.gemeente = invoer.gemeente;
    std::array<bool, 5> gezien{};
    // Read in place: the engine's record vector keeps its capacity from one consultation to the next.
    const auto& records = engine_->records();
    try {
        verwerk(records, opdracht, uitleg, advies, gezien);
    } catch (const KennisbankFout& e) {
        // A rule broke the contract: point at the rule, where the fix goes.
        if (e.regel.empty() || !kennisbank_.regels().origin(e.regel)) throw;
        const auto* o = kennisbank_.regels().origin(e.regel);
        throw InvoerFout({kennisbank_.regels().diagnostic_at(e.regel, o->offset, e.what())});
    }
    for (std::size_t i = 0; i < gezien.size(); ++i)
        if (!gezien[i])
            throw KennisbankFout(fmt::format("de kennisbank gaf geen status voor stap {} (verwacht: precies één "
                                             "'emit stap(stap: {}, status: ...)')", i + 1, i + 1));
    advies.huidige_stap = huidige_stap(advies.stappen);
    orden(advies.adviezen, advies.huidige_stap);
    return advies;
}

void Raadpleging::verwerk(const std::vector<Record>& records, Opdracht opdracht, bool uitleg, Advies& advies,
                          std::array<bool, 5>& gezien) const {
    advies.adviezen.reserve(records.size());
    for (const auto& r : records) {
        if (r.name == "stap") {
            const int stap = stap_van(r);
            const auto status = tekst_of_symbool(r, "status");
            auto s = status_uit(status);
            if (!s) record_fout(r, fmt::format("status '{}' is niet afgerond, bezig of open", status));
            if (gezien[static_cast<std::size_t>(stap - 1)]) record_fout(r, fmt::format("stap {} kreeg al een status", stap));
            gezien[static_cast<std::size_t>(stap - 1)] = true;
            advies.stappen[static_cast<std::size_t>(stap - 1)] = StapStand{stap, *s};
        } else if (r.name == "advies") {
            AdviesItem a = advies_uit(r);
            if (opdracht == Opdracht::communicatie && a.onderwerp != "communicatie" && a.onderwerp != "framing") continue;
            if (uitleg) a.uitleg = uitleg_uit(engine_->how_record(r));
            advies.adviezen.push_back(std::move(a));
        }
    }
}

}  // namespace ww::advies
