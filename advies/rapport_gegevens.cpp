// SPDX-License-Identifier: EUPL-1.2
#include "advies/rapport_gegevens.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "advies/kennisbank_feiten.hpp"
#include "engine/engine.hpp"

namespace ww::advies {

namespace {

// One fact's slots by name, from its form. A slot the form lacks, and a nil value, are absent.
class Slots {
public:
    explicit Slots(const InvoerFeit& f) : feit_(f), vorm_(vorm_van(f.sjabloon)) {}

    const Value* operator[](std::string_view naam) const {
        const auto it = std::find(vorm_.slots.begin(), vorm_.slots.end(), naam);
        if (it == vorm_.slots.end()) return nullptr;
        const auto plaats = static_cast<std::size_t>(it - vorm_.slots.begin());
        const std::vector<Value>& waarden = feit_.waarden();
        if (plaats >= waarden.size() || waarden[plaats].is_nil()) return nullptr;
        return &waarden[plaats];
    }
    std::string tekst(std::string_view naam) const {
        const Value* v = (*this)[naam];
        if (v == nullptr) return {};
        if (v->kind() == ValueKind::string || v->kind() == ValueKind::symbol) return std::string(v->as_text());
        return v->display();
    }
    std::optional<double> getal(std::string_view naam) const {
        const Value* v = (*this)[naam];
        if (v == nullptr || !v->is_number()) return std::nullopt;
        return v->as_number();
    }
    std::optional<long long> geheel(std::string_view naam) const {
        const Value* v = (*this)[naam];
        if (v == nullptr || !v->is_number()) return std::nullopt;
        return static_cast<long long>(std::llround(v->as_number()));
    }

private:
    const InvoerFeit& feit_;
    const InvoerVorm& vorm_;
};

}  // namespace

std::optional<double> RapportMeting::marge_bekend() const {
    if (marge) return marge;
    if (!respondenten || *respondenten <= 0) return std::nullopt;
    const double p = std::clamp(waarde / 100.0, 0.0, 1.0);
    return 1.96 * std::sqrt(p * (1 - p) / static_cast<double>(*respondenten)) * 100.0;
}

const RapportFactor* KennisbankNamen::factor(std::string_view id) const {
    for (const auto& f : factoren)
        if (f.id == id) return &f;
    return nullptr;
}

std::vector<std::string_view> KennisbankNamen::in_tafelvolgorde(const std::vector<std::string>& ids) const {
    auto plaats = [&](std::string_view id) {
        for (std::size_t i = 0; i < factoren.size(); ++i)
            if (factoren[i].id == id) return i;
        return factoren.size();
    };
    std::vector<std::string_view> uit(ids.begin(), ids.end());
    std::stable_sort(uit.begin(), uit.end(), [&](std::string_view a, std::string_view b) { return plaats(a) < plaats(b); });
    return uit;
}

const RapportIndicator* KennisbankNamen::indicator(std::string_view id) const {
    for (const auto& i : indicatoren)
        if (i.id == id) return &i;
    return nullptr;
}

const KennisbankNamen& RapportGegevens::namen() const {
    static const KennisbankNamen geen;
    return kennisbanknamen != nullptr ? *kennisbanknamen : geen;
}

void lees_profielfeiten(const Invoer& invoer, RapportGegevens& g) {
    g.standaard_sjablonen = standaard_sjablonen(invoer);
    bool status_gegeven = false, gekozen_gegeven = false, nulmeting_gegeven = false, opgenomen_gegeven = false,
         prioriteiten_gegeven = false;
    const auto& sectievorm = vorm_van(InvoerSjabloon::sectie).slots;
    const auto naam_plaats = static_cast<std::size_t>(std::find(sectievorm.begin(), sectievorm.end(), "naam") - sectievorm.begin());
    for (const InvoerFeit& f : invoer.feiten) {
        const Slots s(f);
        switch (f.sjabloon) {
            case InvoerSjabloon::sectie:
                // A profile gives one per key it holds (dozens): the slot's place is looked up once, and the
                // name compared in place, not copied out.
                if (const auto& w = f.waarden(); naam_plaats < w.size() && w[naam_plaats].kind() == ValueKind::symbol) {
                    const std::string_view naam = w[naam_plaats].as_text();
                    status_gegeven = status_gegeven || naam == "actie_status";
                    gekozen_gegeven = gekozen_gegeven || naam == "smart_gekozen";
                    nulmeting_gegeven = nulmeting_gegeven || naam == "evaluatie_nulmeting";
                    opgenomen_gegeven = opgenomen_gegeven || naam == "ivp_opgenomen";
                    prioriteiten_gegeven = prioriteiten_gegeven || naam == "ivp_prioritaire_factoren";
                }
                break;
            // smart, ivp and evaluatie stand in every profile, as defaults where it lacks them: a default
            // is not shown, it would state what the profile does not say.
            case InvoerSjabloon::smart: {
                if (f.standaard) break;
                RapportDoel d;
                if (const Value* v = s["gekozen"]; v != nullptr && v->kind() == ValueKind::boolean) d.gekozen = v->as_bool();
                d.indicator = s.tekst("indicator");
                d.daling_pct = s.getal("daling_pct");
                d.stijging_pct = s.getal("stijging_pct");
                d.termijn_jaren = s.getal("termijn_jaren");
                d.startjaar = s.geheel("startjaar");
                g.doel = std::move(d);
                break;
            }
            case InvoerSjabloon::ivp:
                if (f.standaard) break;
                g.ivp_gegeven = true;
                if (const Value* v = s["opgenomen"]; v != nullptr && v->kind() == ValueKind::boolean) g.ivp_opgenomen = v->as_bool();
                break;
            case InvoerSjabloon::evaluatie: {
                if (f.standaard) break;
                RapportNulmeting n;
                if (const Value* v = s["nulmeting"]; v != nullptr && v->kind() == ValueKind::boolean) n.uitgevoerd = v->as_bool();
                n.jaar = s.geheel("nulmeting_jaar");
                g.nulmeting = std::move(n);
                break;
            }
            case InvoerSjabloon::gemeente: g.inwoners = s.geheel("inwoners"); break;
            case InvoerSjabloon::meting: {
                RapportMeting m;
                m.nr = static_cast<int>(s.geheel("nr").value_or(static_cast<long long>(g.metingen.size() + 1)));
                m.indicator = s.tekst("indicator");
                m.waarde = s.getal("waarde").value_or(0.0);
                m.vergelijkbaar = s.getal("vergelijkbaar");
                m.vorige = s.getal("vorige");
                m.gebied = s.tekst("gebied");
                m.groep = s.tekst("groep");
                m.jaar = s.geheel("jaar");
                m.marge = s.getal("marge");
                m.respondenten = s.geheel("respondenten");
                if (!m.indicator.empty()) g.metingen.push_back(std::move(m));
                break;
            }
            case InvoerSjabloon::bron: g.bronnen.push_back({s.tekst("id"), s.tekst("partner")}); break;
            case InvoerSjabloon::gekozen_factor: g.gekozen_factoren.push_back(s.tekst("factor")); break;
            case InvoerSjabloon::ivp_prioriteit: g.ivp_prioriteiten.push_back(s.tekst("factor")); break;
            case InvoerSjabloon::actie:
                g.acties.push_back({s.tekst("naam"), s.tekst("factor"), s.tekst("gebied"), s.tekst("groep"), s.tekst("status")});
                break;
            case InvoerSjabloon::boodschap:
                g.boodschappen.push_back({s.tekst("onderwerp"), s.tekst("buikpijn"), s.tekst("aanpak")});
                break;
            default: break;
        }
    }
    // Without a status on any action (a version-1 profile) the reader's `gepland` is only the contract's
    // default: shown, it would tell the bestuur that actions the profile says nothing about have not started.
    if (!status_gegeven)
        for (auto& a : g.acties) a.status.clear();
    // The reader gives `gekozen`, `nulmeting` and `opgenomen` false when the key is absent: only the key
    // says the profile chose.
    if (g.doel && !gekozen_gegeven) g.doel->gekozen.reset();
    if (g.nulmeting) {
        if (!nulmeting_gegeven) g.nulmeting->uitgevoerd.reset();
        if (!g.nulmeting->uitgevoerd && !g.nulmeting->jaar) g.nulmeting.reset();
    }
    if (!opgenomen_gegeven) g.ivp_opgenomen.reset();
    // An empty list and an absent one give the same (no ivp_prioriteit): only the key says "geen".
    g.ivp_prioriteiten_gegeven = g.ivp_gegeven && prioriteiten_gegeven;
}

std::optional<double> RapportDoel::eindjaar() const {
    const std::optional<long long> start = streef && streef->start ? streef->start : startjaar;
    if (!start || !termijn_jaren) return std::nullopt;
    return static_cast<double>(*start) + *termijn_jaren;
}

void lees_raadplegingsfeiten(const Engine& engine, RapportGegevens& g) {
    if (g.doel && !g.doel->indicator.empty()) {
        per_feit(engine, "smart_streef", [&](const Fact& f) {
            if (g.doel->streef || kb_tekst(engine, f, "indicator") != g.doel->indicator) return;
            const auto basis = kb_getal(engine, f, "basis");
            auto streef = kb_getal(engine, f, "getoond");
            if (!streef) streef = kb_getal(engine, f, "streef");
            if (!basis || !streef) return;
            RapportDoel::Streef s;
            s.richting = kb_tekst(engine, f, "richting");
            s.pct = kb_getal(engine, f, "pct").value_or(0.0);
            s.basis = *basis;
            s.basis_jaar = kb_geheel(engine, f, "basis_jaar");
            s.start = kb_geheel(engine, f, "start");
            s.streef = *streef;
            s.van = kb_tekst(engine, f, "van_jaar");
            g.doel->streef = std::move(s);
        });
    }
    if (g.nulmeting && (g.nulmeting->uitgevoerd.value_or(false) || g.nulmeting->jaar)) {
        // meting_basis is per current figure (its row nr); the gemeente's own rows only. Looked up by nr and
        // by indicator, not searched: a profile with many wijken has many rows and many baselines.
        std::unordered_map<long long, const RapportMeting*> per_nr;
        for (const auto& m : g.metingen)
            if (m.gemeentebreed()) per_nr.try_emplace(m.nr, &m);
        // Per indicator the first baseline in the knowledge base's order.
        std::unordered_map<std::string_view, RapportNulmeting::Waarde> basis;
        per_feit(engine, "meting_basis", [&](const Fact& f) {
            const auto nr = kb_geheel(engine, f, "nr");
            const auto waarde = kb_getal(engine, f, "waarde");
            if (!nr || !waarde) return;
            const auto m = per_nr.find(*nr);
            if (m == per_nr.end() || basis.contains(m->second->indicator)) return;
            basis.emplace(m->second->indicator,
                          RapportNulmeting::Waarde{m->second->indicator, *waarde, kb_geheel(engine, f, "jaar")});
        });
        // In the order of the profile's figures, one per indicator.
        std::unordered_set<std::string_view> getoond;  // views into g.metingen, which stays as it is
        for (const auto& m : g.metingen) {
            if (!m.gemeentebreed() || getoond.contains(m.indicator)) continue;
            if (const auto w = basis.find(m.indicator); w != basis.end()) g.nulmeting->waarden.push_back(w->second);
            // No later figure yet (the nulmeting is the latest measurement): the knowledge base compares
            // nothing with it, and the figures of its year are the nulmeting (gemeenteprofiel contract).
            else if (g.nulmeting->jaar && m.jaar == g.nulmeting->jaar)
                g.nulmeting->waarden.push_back({m.indicator, m.waarde, m.jaar});
            else
                continue;
            getoond.insert(m.indicator);
        }
    }
}

KennisbankNamen lees_kennisbanknamen(const Engine& engine) {
    KennisbankNamen g;
    per_feit(engine, "factor", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        if (id.empty() || g.factor(id)) return;
        g.factoren.push_back({std::move(id), kb_tekst(engine, f, "naam"), kb_tekst(engine, f, "pijler")});
    });
    per_feit(engine, "indicator", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        if (id.empty() || g.indicator(id)) return;
        g.indicatoren.push_back({std::move(id), {}, kb_tekst(engine, f, "betekenis"), kb_waar(engine, f, "hoger_is_beter")});
    });
    per_feit(engine, "indicator_naam", [&](const Fact& f) {
        const auto id = kb_tekst(engine, f, "indicator");
        for (auto& i : g.indicatoren)
            if (i.id == id && i.naam.empty()) i.naam = kb_tekst(engine, f, "naam");
    });
    per_feit(engine, "bronsoort", [&](const Fact& f) {
        auto id = kb_tekst(engine, f, "id");
        if (!id.empty()) g.bron_omschrijving.emplace(std::move(id), kb_tekst(engine, f, "omschrijving"));
    });
    return g;
}

}  // namespace ww::advies
