// SPDX-License-Identifier: EUPL-1.2
#include "advies/rapport_gegevens.hpp"

#include <algorithm>
#include <cmath>

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
    bool status_gegeven = false;
    const auto& sectievorm = vorm_van(InvoerSjabloon::sectie).slots;
    const auto naam_plaats = static_cast<std::size_t>(std::find(sectievorm.begin(), sectievorm.end(), "naam") - sectievorm.begin());
    for (const InvoerFeit& f : invoer.feiten) {
        const Slots s(f);
        switch (f.sjabloon) {
            case InvoerSjabloon::sectie:
                // A profile gives one per key it holds (dozens): the slot's place is looked up once, and the
                // name compared in place, not copied out.
                if (const auto& w = f.waarden(); naam_plaats < w.size() && w[naam_plaats].kind() == ValueKind::symbol &&
                                                 w[naam_plaats].as_text() == "actie_status")
                    status_gegeven = true;
                break;
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
