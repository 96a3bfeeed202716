// SPDX-License-Identifier: EUPL-1.2
#include "advies/raadpleging.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <stdexcept>

#include "advies/fout.hpp"
#include "advies/opmaak_html.hpp"
#include "advies/uitleg.hpp"
#include "engine/reused_slot.hpp"
#include "engine/template.hpp"

namespace ww::advies {

const std::vector<std::pair<std::string, std::vector<std::string>>>& invoer_sjablonen() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> sjablonen = [] {
        std::vector<std::pair<std::string, std::vector<std::string>>> uit;
        for (const InvoerVorm& vorm : invoer_vormen) {
            std::vector<std::string> slots;
            for (const auto slot : vorm.slots)
                if (slot != invoer_slot_nr) slots.emplace_back(slot);
            uit.emplace_back(std::string(vorm.naam), std::move(slots));
        }
        return uit;
    }();
    return sjablonen;
}

namespace {

// A knowledge base without a manifest, as a report names it: the name of its map.
std::string kennisbank_naam(const std::string& map) {
    std::string naam = map;
    while (naam.size() > 1 && naam.back() == '/') naam.pop_back();
    const auto schuin = naam.find_last_of('/');
    return schuin == std::string::npos ? naam : naam.substr(schuin + 1);
}

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

// The words of the contract as atoms: soort, status and onderwerp of a record are interned texts,
// and an atom is compared in one instruction where a text is first looked up and then compared.
struct Woorden {
    std::array<Atom, 3> soorten{};    // by Soort
    std::array<Atom, 3> statussen{};  // by Status
    std::array<Atom, advies::onderwerpen.size()> onderwerpen{};
    Atom communicatie, framing;
    std::array<Atom, 3> buikpijn{};  // ja, nee, onbekend
    std::array<Atom, 3> aanpak{};    // expliciet, terughoudend, onbekend
    std::array<Atom, advies::oordelen.size()> oordelen{};

    static const Woorden& van_het_contract() {
        static const Woorden woorden = [] {
            Woorden w;
            for (std::size_t i = 0; i < w.soorten.size(); ++i) w.soorten[i] = intern(naam_van(static_cast<Soort>(i)));
            for (std::size_t i = 0; i < w.statussen.size(); ++i) w.statussen[i] = intern(naam_van(static_cast<Status>(i)));
            for (std::size_t i = 0; i < w.onderwerpen.size(); ++i) w.onderwerpen[i] = intern(advies::onderwerpen[i]);
            w.communicatie = intern("communicatie");
            w.framing = intern("framing");
            w.buikpijn = {intern("ja"), intern("nee"), intern("onbekend")};
            w.aanpak = {intern("expliciet"), intern("terughoudend"), intern("onbekend")};
            for (std::size_t i = 0; i < w.oordelen.size(); ++i) w.oordelen[i] = intern(advies::oordelen[i]);
            return w;
        }();
        return woorden;
    }
};

// The position of `woord` in `woorden`, or the size when it is not there.
template <std::size_t N>
std::size_t plaats_van(const std::array<Atom, N>& woorden, Atom woord) {
    return static_cast<std::size_t>(std::find(woorden.begin(), woorden.end(), woord) - woorden.begin());
}

[[noreturn]] void record_fout(const Record& r, std::string_view wat) {
    throw KennisbankFout(fmt::format("regel '{}' zendt een {}-record uit dat niet aan het contract voldoet: {}", r.rule_id,
                                     r.name, wat),
                         std::string(r.rule_id));
}

// The fields of one record by name, with the checks of the contract. An emit action gives its
// fields in the same order every time and the readers below ask for them in the order the
// knowledge base writes them: each lookup starts just after the previous match, so that it is
// mostly one comparison. A record in another order only costs more comparisons.
class RecordVelden {
public:
    explicit RecordVelden(const Record& r) : r_(r) {}

    const Record& record() const { return r_; }

    const Value* veld(std::string_view naam) {
        const auto i = zoek_vanaf(r_.fields, volgend_, [&](const auto& veld) { return veld.first == naam; });
        if (i == r_.fields.size()) return nullptr;
        volgend_ = i + 1;
        return &r_.fields[i].second;
    }

    const Value& verplicht(std::string_view naam, ValueKind soort) {
        const Value* v = veld(naam);
        if (v == nullptr) record_fout(r_, fmt::format("veld '{}' ontbreekt", naam));
        if (v->kind() != soort)
            record_fout(r_, fmt::format("veld '{}' is {}, verwacht {}", naam, kind_name(v->kind()), kind_name(soort)));
        return *v;
    }

    // A symbol or text, as its atom: text_of() gives the text, which lives as long as the program.
    Atom woord(std::string_view naam) {
        const Value* v = veld(naam);
        if (v == nullptr) record_fout(r_, fmt::format("veld '{}' ontbreekt", naam));
        if (v->kind() != ValueKind::symbol && v->kind() != ValueKind::string)
            record_fout(r_, fmt::format("veld '{}' is {}, verwacht een woord", naam, kind_name(v->kind())));
        return v->as_atom();
    }

    int stap() {
        const auto stap = verplicht("stap", ValueKind::integer).as_int();
        if (stap < 1 || stap > 5) record_fout(r_, fmt::format("stap {} ligt niet tussen 1 en 5", stap));
        return static_cast<int>(stap);
    }

    // The list in field `naam`; null when the field is absent or nil (an empty list).
    const std::vector<Value>* lijst(std::string_view naam) {
        const Value* v = veld(naam);
        if (v == nullptr || v->is_nil()) return nullptr;
        if (v->kind() != ValueKind::list) record_fout(r_, fmt::format("veld '{}' is geen lijst", naam));
        return &v->as_list();
    }

private:
    const Record& r_;
    std::size_t volgend_ = 0;
};

// Writes `tekst` over `s` in its own capacity: clear and append take a shorter path through
// libstdc++ than assignment, which handles overlapping text and replacing part of a string.
void zet(std::string& s, std::string_view tekst) {
    s.clear();
    s.append(tekst);
}

// Over the strings already in `uit`, which keep their capacity; strings a shorter list leaves
// over go to `vrij`, and a longer list takes from there before it allocates.
void vul_lijst(std::vector<std::string>& uit, const std::vector<Value>* lijst, std::vector<std::string>& vrij) {
    const std::size_t n = lijst == nullptr ? 0 : lijst->size();
    while (uit.size() > n) {
        vrij.push_back(std::move(uit.back()));
        uit.pop_back();
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Value& e = (*lijst)[i];
        if (i == uit.size()) {
            if (vrij.empty()) {
                uit.emplace_back();
            } else {
                uit.push_back(std::move(vrij.back()));
                vrij.pop_back();
            }
        }
        std::string& tekst = uit[i];
        // Texts and symbols display as themselves: no detour through a temporary string.
        if (e.kind() == ValueKind::string || e.kind() == ValueKind::symbol) {
            zet(tekst, e.as_text());
        } else {
            tekst.clear();
            e.append_display(tekst);
        }
    }
}

// The rule's `source` (else `bron`) from its metadata: the stappenplan section an advice rests on.
void vul_bron(std::string& uit, const Record& r) {
    uit.clear();
    if (r.rule_meta == nullptr) return;
    // One walk over the few entries instead of a find per key, each with a temporary std::string
    // key; "bron" sorts before "source", so a later `source` overrides it.
    const Value* bron = nullptr;
    for (const auto& [sleutel, v] : *r.rule_meta) {
        if (v.is_nil()) continue;
        if (sleutel == "source") {
            bron = &v;
            break;
        }
        if (sleutel == "bron") bron = &v;
    }
    if (bron == nullptr) return;
    if (bron->kind() == ValueKind::string || bron->kind() == ValueKind::symbol) zet(uit, bron->as_text());
    else bron->append_display(uit);
}

}  // namespace

Raadpleging::Raadpleging(const Kennisbank& kennisbank) : Raadpleging(kennisbank, kennisbank.nieuwe_engine()) {}

Raadpleging::Raadpleging(const Kennisbank& kennisbank, std::unique_ptr<Engine> engine)
    : kennisbank_(kennisbank), engine_(std::move(engine)) {
    std::vector<Fout> fouten;
    auto fout = [&](std::string melding) {
        Fout f;
        f.file = kennisbank.map();
        f.line = 1;  // the contract promises FILE:LINE:COL; the problem is the knowledge base as a whole
        f.col = 1;
        f.message = std::move(melding);
        fouten.push_back(std::move(f));
    };
    for (std::size_t t = 0; t < invoer_vormen.size(); ++t) {
        const InvoerVorm& vorm = invoer_vormen[t];
        auto id = engine_->find_template(vorm.naam);
        if (!id) {
            fout(fmt::format("de kennisbank definieert template '{}' niet; de profiellezer vult het (zie invoer.yaml)",
                             vorm.naam));
            continue;
        }
        const auto& def = engine_->template_def(*id);
        Doelsjabloon& doel = doelsjablonen_[t];
        doel.id = *id;
        doel.plaatsen = static_cast<std::uint32_t>(vorm.slots.size());
        doel.slots = static_cast<std::uint32_t>(def.slots.size());
        doel.bron.assign(def.slots.size(), -1);
        for (const SlotDef& s : def.slots) doel.standaard.push_back(s.default_value ? *s.default_value : zero_of(s.type));
        for (std::size_t plaats = 0; plaats < vorm.slots.size(); ++plaats) {
            const int i = def.slot_index(vorm.slots[plaats]);
            if (i >= 0) doel.bron[static_cast<std::size_t>(i)] = static_cast<int>(plaats);
            else if (vorm.slots[plaats] != invoer_slot_nr)
                fout(fmt::format("template '{}' in de kennisbank mist slot '{}', dat de profiellezer vult", vorm.naam,
                                 vorm.slots[plaats]));
        }
        doel.eerste = doel.bron.empty() ? 0 : static_cast<std::uint32_t>(std::max(doel.bron[0], 0));
        doel.aaneengesloten = true;
        for (std::size_t i = 0; i < doel.bron.size(); ++i)
            doel.aaneengesloten = doel.aaneengesloten && doel.bron[i] == static_cast<int>(doel.eerste + i);
    }
    if (!fouten.empty()) throw InvoerFout(std::move(fouten));
    const auto regels = engine_->rules();
    for (std::size_t i = 0; i < regels.size(); ++i) posities_.emplace(regels[i], static_cast<std::uint32_t>(i));
    Herkomst& h = advies_.herkomst;
    h.programma = programma();
    if (const auto& m = kennisbank.regels().manifest()) {
        h.naam = m->name;
        h.versie = m->version;
    }
    h.sleutel = fmt::format("{:016x}", kennisbank.regels().content_key());
    rapport_kennisbank_ = h.naam ? *h.naam + (h.versie ? " " + *h.versie : std::string()) : kennisbank_naam(kennisbank.map());
    rapport_kennisbank_ += " (sleutel " + h.sleutel + ")";
    // What the rules derive from the knowledge base's own facts alone (the sign of each indicator,
    // ...) is the same for every profile: derived once here, it is part of the state every
    // consultation starts from, instead of being derived again by each.
    draai_engine();
    engine_->checkpoint();
    kennisbanknamen_ = lees_kennisbanknamen(*engine_);
    vers_ = true;
}

const KennisbankNamen& Raadpleging::kennisbanknamen_met_tafel() {
    if (!html_tafel_geschreven_) {
        kennisbanknamen_.html_tafel = html_tafel(kennisbanknamen_.factoren);
        html_tafel_geschreven_ = true;
    }
    return kennisbanknamen_;
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
    for (const auto& feit : invoer.feiten) {
        const auto t = static_cast<std::size_t>(feit.sjabloon);
        const std::vector<Value>& waarden = feit.waarden();
        if (t >= doelsjablonen_.size() || waarden.size() != doelsjablonen_[t].plaatsen)
            throw std::out_of_range(fmt::format("de profiellezer vult template nummer {} anders dan de raadpleging kent", t));
        const Doelsjabloon& doel = doelsjablonen_[t];
        // What Engine::assert_fact by slot name does, in the buffers of the last consultation's facts.
        std::vector<Value>& slots = feiten_.emplace_back(doel.id, engine_->spare_slots(doel.id)).second;
        // Both paths append: spare_slots promises an empty vector (were it not, the engine would
        // refuse the fact for having too many slots). Inserting at the end takes a shorter path
        // through libstdc++ than assign, which first writes over the elements already there.
        if (doel.aaneengesloten) {
            const Value* begin = waarden.data() + doel.eerste;
            slots.insert(slots.end(), begin, begin + doel.slots);
            continue;
        }
        slots.reserve(doel.slots);
        for (std::size_t i = 0; i < doel.slots; ++i) {
            const int plaats = doel.bron[i];
            slots.push_back(plaats >= 0 ? waarden[static_cast<std::size_t>(plaats)] : doel.standaard[i]);
        }
    }
    for (const auto& f : extra_) feiten_.push_back(f);
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

const Advies& Raadpleging::raadpleeg(const Invoer& invoer, Opdracht opdracht, bool uitleg, bool wortel_tekst) {
    return geef_advies(invoer, opdracht, uitleg ? Uitlegvorm::uitleg : Uitlegvorm::geen, wortel_tekst);
}

const Advies& Raadpleging::raadpleeg_voor_rapport(const Invoer& invoer, Opdracht opdracht) {
    return geef_advies(invoer, opdracht, Uitlegvorm::afleiding, false);
}

const Advies& Raadpleging::geef_advies(const Invoer& invoer, Opdracht opdracht, Uitlegvorm vorm, bool wortel_tekst) {
    afleidingen_n_ = 0;  // also when this consultation fails: no derivations of an earlier one
    voer_uit(invoer, vorm != Uitlegvorm::geen || vuurlog_bewaren_);
    Advies& advies = advies_;
    advies.gemeente = invoer.gemeente;
    advies.opdracht = opdracht;
    std::array<bool, 5> gezien{};
    // Read in place: the engine's record vector keeps its capacity from one consultation to the next.
    const auto& records = engine_->records();
    try {
        verwerk(records, opdracht, advies, gezien);
        if (!advies.boodschappen.empty()) orden_boodschappen(invoer, advies);
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
    orden(sleutels_, nu_doen_stap(opdracht, advies.huidige_stap), volgorde_);
    // Only an Uitleg needs them; the HTML report reads them from the profile's facts itself.
    bouw_adviezen(vorm, wortel_tekst, vorm == Uitlegvorm::uitleg ? standaard_sjablonen(invoer) : 0, advies.adviezen);
    return advies;
}

void Raadpleging::verwerk(const std::vector<Record>& records, Opdracht opdracht, Advies& advies, std::array<bool, 5>& gezien) {
    kandidaten_.clear();
    sleutels_.clear();
    boodschap_records_.clear();
    std::size_t boodschappen = 0;
    const Woorden& woorden = Woorden::van_het_contract();
    for (const auto& r : records) {
        RecordVelden velden(r);
        if (r.name == "stap") {
            const int stap = velden.stap();
            const Atom status = velden.woord("status");
            const std::size_t s = plaats_van(woorden.statussen, status);
            if (s == woorden.statussen.size())
                record_fout(r, fmt::format("status '{}' is niet afgerond, bezig of open", text_of(status)));
            if (gezien[static_cast<std::size_t>(stap - 1)]) record_fout(r, fmt::format("stap {} kreeg al een status", stap));
            gezien[static_cast<std::size_t>(stap - 1)] = true;
            // Optional: the step's own work is done while an earlier step is open (docs/advies.md, "Waar het advies
            // vandaan komt").
            const Value* voldaan = velden.veld("voldaan");
            if (voldaan != nullptr && voldaan->kind() != ValueKind::boolean)
                record_fout(r, fmt::format("veld 'voldaan' is {}, verwacht bool", kind_name(voldaan->kind())));
            advies.stappen[static_cast<std::size_t>(stap - 1)] =
                StapStand{stap, static_cast<Status>(s), voldaan != nullptr && voldaan->as_bool()};
        } else if (r.name == "advies") {
            // Every field is checked, also of a record that the opdracht leaves out.
            Ordesleutel sleutel;
            const Atom soort = velden.woord("soort");
            const std::size_t s = plaats_van(woorden.soorten, soort);
            if (s == woorden.soorten.size())
                record_fout(r, fmt::format("soort '{}' is niet actie, waarschuwing of info", text_of(soort)));
            sleutel.soort = static_cast<Soort>(s);
            sleutel.stap = velden.stap();
            const Atom onderwerp = velden.woord("onderwerp");
            if (plaats_van(woorden.onderwerpen, onderwerp) == woorden.onderwerpen.size())
                record_fout(r, fmt::format("onderwerp '{}' staat niet in de lijst van het contract", text_of(onderwerp)));
            sleutel.prioriteit = velden.verplicht("prioriteit", ValueKind::integer).as_int();
            sleutel.tekst = velden.verplicht("tekst", ValueKind::string).as_text();
            const auto* factoren = velden.lijst("factoren");
            const auto* onderbouwing = velden.lijst("onderbouwing");
            // Optional: where the advice stands among those of its rule (docs/advies.md, "Volgorde").
            if (const Value* v = velden.veld("volgorde"); v != nullptr && !v->is_nil()) {
                if (v->kind() != ValueKind::integer)
                    record_fout(r, fmt::format("veld 'volgorde' is {}, verwacht een geheel getal", kind_name(v->kind())));
                sleutel.volgorde = v->as_int();
            }
            if (opdracht == Opdracht::communicatie && onderwerp != woorden.communicatie && onderwerp != woorden.framing) continue;
            const auto positie = posities_.find(r.rule.get());
            sleutel.positie = positie == posities_.end() ? static_cast<std::uint32_t>(posities_.size()) : positie->second;
            sleutels_.push_back(sleutel);
            kandidaten_.push_back({&r, onderwerp, factoren, onderbouwing});
        } else if (r.name == "boodschap") {
            // Written over the verdicts of the last consultation: their strings keep their capacity.
            Boodschapoordeel& b = reused_slot(advies.boodschappen, boodschappen++);
            b.nr = velden.verplicht("nr", ValueKind::integer).as_int();
            if (b.nr < 1) record_fout(r, fmt::format("nr {} is geen plaats in de lijst van boodschappen", b.nr));
            zet(b.onderwerp, velden.verplicht("onderwerp", ValueKind::string).as_text());
            auto woord_uit = [&](std::string_view veld, std::span<const Atom> toegestaan, std::string_view uitleg) {
                const Atom w = velden.woord(veld);
                if (std::find(toegestaan.begin(), toegestaan.end(), w) == toegestaan.end())
                    record_fout(r, fmt::format("{} '{}' is niet {}", veld, text_of(w), uitleg));
                return text_of(w);
            };
            zet(b.buikpijn, woord_uit("buikpijn", woorden.buikpijn, "ja, nee of onbekend"));
            zet(b.aanpak, woord_uit("aanpak", woorden.aanpak, "expliciet, terughoudend of onbekend"));
            zet(b.oordeel, woord_uit("oordeel", woorden.oordelen, "passend, botst, onbekend of tegenstrijdig"));
            zet(b.toelichting, velden.verplicht("toelichting", ValueKind::string).as_text());
            boodschap_records_.push_back(&r);
        }
    }
    advies.boodschappen.resize(boodschappen);
}

void Raadpleging::orden_boodschappen(const Invoer& invoer, Advies& advies) {
    auto& b = advies.boodschappen;
    // The rules fire in the agenda's order, not the plan's: by nr, with the record of each for messages.
    if (!std::is_sorted(b.begin(), b.end(), [](const auto& x, const auto& y) { return x.nr < y.nr; })) {
        boodschap_volgorde_.resize(b.size());
        for (std::size_t i = 0; i < b.size(); ++i) boodschap_volgorde_[i] = static_cast<std::uint32_t>(i);
        std::stable_sort(boodschap_volgorde_.begin(), boodschap_volgorde_.end(),
                         [&](std::uint32_t i, std::uint32_t j) { return b[i].nr < b[j].nr; });
        std::vector<Boodschapoordeel> geordend;
        std::vector<const Record*> records;
        geordend.reserve(b.size());
        records.reserve(b.size());
        for (const std::uint32_t i : boodschap_volgorde_) {
            geordend.push_back(std::move(b[i]));
            records.push_back(boodschap_records_[i]);
        }
        b = std::move(geordend);
        boodschap_records_ = std::move(records);
    }
    auto in_profiel = [&](long long nr) {
        return std::any_of(invoer.feiten.begin(), invoer.feiten.end(), [&](const InvoerFeit& f) {
            return f.sjabloon == InvoerSjabloon::boodschap && f.waarden()[0].as_int() == nr;  // nr comes first
        });
    };
    for (std::size_t k = 0; k < b.size(); ++k) {
        const Record& r = *boodschap_records_[k];
        if (k > 0 && b[k - 1].nr == b[k].nr) record_fout(r, fmt::format("boodschap {} kreeg al een oordeel", b[k].nr));
        if (!in_profiel(b[k].nr)) record_fout(r, fmt::format("het profiel heeft geen boodschap {}", b[k].nr));
    }
    for (const auto& f : invoer.feiten) {
        if (f.sjabloon != InvoerSjabloon::boodschap) continue;
        const long long nr = f.waarden()[0].as_int();
        if (std::none_of(b.begin(), b.end(), [&](const Boodschapoordeel& o) { return o.nr == nr; }))
            throw KennisbankFout(fmt::format("de kennisbank gaf een oordeel over boodschappen, maar niet over boodschap {} "
                                             "(verwacht: precies één 'emit boodschap(nr: {}, ...)' per boodschap)", nr, nr));
    }
}

void Raadpleging::bouw_adviezen(Uitlegvorm vorm, bool wortel_tekst, std::uint32_t standaard, std::vector<AdviesItem>& adviezen) {
    // Each item is written once, where it belongs, over an item of an earlier consultation: its
    // strings keep their capacity. Items beyond this count wait in reserve_ for a longer advice.
    const std::size_t n = volgorde_.size();
    if (vorm != Uitlegvorm::geen) feitteksten_.clear();  // the engine ran since the last derivations
    while (adviezen.size() > n) {
        reserve_.push_back(std::move(adviezen.back()));
        adviezen.pop_back();
    }
    while (adviezen.size() < n) {
        if (reserve_.empty()) {
            adviezen.emplace_back();
        } else {
            adviezen.push_back(std::move(reserve_.back()));
            reserve_.pop_back();
        }
    }
    for (std::size_t plaats = 0; plaats < n; ++plaats) {
        const std::uint32_t i = volgorde_[plaats];
        const Kandidaat& k = kandidaten_[i];
        const Ordesleutel& sleutel = sleutels_[i];
        const Record& r = *k.record;
        AdviesItem& a = adviezen[plaats];
        zet(a.id, r.rule_id);
        a.soort = sleutel.soort;
        a.stap = sleutel.stap;
        zet(a.onderwerp, text_of(k.onderwerp));
        a.prioriteit = sleutel.prioriteit;
        zet(a.tekst, sleutel.tekst);
        vul_lijst(a.factoren, k.factoren, vrije_teksten_);
        vul_lijst(a.onderbouwing, k.onderbouwing, vrije_teksten_);
        vul_bron(a.bron, r);
        if (vorm == Uitlegvorm::uitleg) {
            engine_->how_record(r, afleiding_, wortel_tekst, &feitteksten_);
            if (!a.uitleg) a.uitleg.emplace();
            uitleg_in(afleiding_, *a.uitleg, standaard);
        } else {
            a.uitleg.reset();
            if (vorm == Uitlegvorm::afleiding) engine_->how_record(r, reused_slot(afleidingen_, plaats), wortel_tekst, &feitteksten_);
        }
    }
    if (vorm == Uitlegvorm::afleiding) afleidingen_n_ = n;
}

}  // namespace ww::advies
