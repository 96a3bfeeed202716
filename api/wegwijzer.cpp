// SPDX-License-Identifier: EUPL-1.2
// The C++ face (include/wegwijzer/wegwijzer.hpp) over the advies layer: converts between the public
// value types and the internal ones, and turns the internal exceptions into wegwijzer::Fout.
#include "wegwijzer/wegwijzer.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "advies/adviesgroep.hpp"
#include "advies/fout.hpp"
#include "advies/kennisbank.hpp"
#include "advies/opmaak.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "rules/diagnostic.hpp"
#include "rules/versie.hpp"

namespace wegwijzer {

namespace a = ww::advies;

struct KennisbankImpl {
    std::unique_ptr<a::Kennisbank> kb;
};

struct RaadplegingImpl {
    std::shared_ptr<const KennisbankImpl> kennisbank;  // kept alive for the engine that refers to it
    a::Raadpleging raadpleging;
    explicit RaadplegingImpl(std::shared_ptr<const KennisbankImpl> k)
        : kennisbank(std::move(k)), raadpleging(*kennisbank->kb) {}
};

namespace {

std::vector<Melding> meldingen_van(const std::vector<a::Fout>& fouten) {
    std::vector<Melding> m;
    m.reserve(fouten.size());
    for (const auto& f : fouten) m.push_back({f.file, f.line, f.col, f.message});
    return m;
}

std::vector<a::Fout> fouten_van(const std::vector<Melding>& meldingen) {
    std::vector<a::Fout> f;
    for (const auto& m : meldingen) {
        a::Fout d;
        d.file = m.bestand;
        d.line = m.regel;
        d.col = m.kolom;
        d.message = m.tekst;
        f.push_back(std::move(d));
    }
    return f;
}

// Runs `werk` with the internal exceptions of bad input and unfitting knowledge bases as Fout.
template <typename F>
auto vertaald(F&& werk) -> decltype(werk()) {
    try {
        return werk();
    } catch (const a::InvoerFout& e) {
        throw Fout(meldingen_van(e.fouten));
    } catch (const ww::LoadError& e) {
        throw Fout(meldingen_van(e.diagnostics.items()));
    } catch (const a::KennisbankFout& e) {
        throw Fout({Melding{"kennisbank", 0, 0, std::string("kennisbank: ") + e.what()}});
    }
}

// publiek() and intern() cast between the public enums and the internal ones: each public one must be
// the internal one, value for value (the last alone equal would let two others trade places unseen).
template <auto P, auto I>
constexpr bool zelfde_waarde = static_cast<int>(P) == static_cast<int>(I);
static_assert(zelfde_waarde<Uitleg::Herkomst::regel, a::Uitleg::Herkomst::regel> &&
              zelfde_waarde<Uitleg::Herkomst::profiel, a::Uitleg::Herkomst::profiel> &&
              zelfde_waarde<Uitleg::Herkomst::kennisbank, a::Uitleg::Herkomst::kennisbank> &&
              zelfde_waarde<Uitleg::Herkomst::standaard, a::Uitleg::Herkomst::standaard>);
static_assert(zelfde_waarde<Soort::actie, a::Soort::actie> && zelfde_waarde<Soort::waarschuwing, a::Soort::waarschuwing> &&
              zelfde_waarde<Soort::info, a::Soort::info>);
static_assert(zelfde_waarde<Groep::nu_doen, a::Adviesgroep::nu_doen> &&
              zelfde_waarde<Groep::waarschuwingen, a::Adviesgroep::waarschuwingen> &&
              zelfde_waarde<Groep::verder, a::Adviesgroep::verder>);

Uitleg publiek(const a::Uitleg& u) {
    Uitleg p;
    p.herkomst = static_cast<Uitleg::Herkomst>(u.herkomst);
    p.regel = u.regel;
    p.feit = u.feit;
    p.bindingen = u.bindingen;
    for (const auto& q : u.premissen) p.premissen.push_back(publiek(q));
    return p;
}

a::Uitleg intern(const Uitleg& p) {
    a::Uitleg u;
    u.herkomst = static_cast<a::Uitleg::Herkomst>(p.herkomst);
    u.regel = p.regel;
    u.feit = p.feit;
    u.bindingen = p.bindingen;
    for (const auto& q : p.premissen) u.premissen.push_back(intern(q));
    return u;
}

Advies publiek(const a::Advies& in) {
    Advies uit;
    uit.versie = in.versie;
    uit.gemeente = in.gemeente;
    uit.herkomst = {in.herkomst.programma, in.herkomst.naam, in.herkomst.versie, in.herkomst.sleutel};
    uit.communicatie = in.opdracht == a::Opdracht::communicatie;
    for (const auto& b : in.boodschappen)
        uit.boodschappen.push_back({b.nr, b.onderwerp, b.buikpijn, b.aanpak, b.oordeel, b.toelichting});
    uit.huidige_stap = in.huidige_stap;
    for (const auto& s : in.stappen)
        uit.stappen.push_back({s.stap, std::string(a::stap_namen[static_cast<std::size_t>(s.stap - 1)]),
                               static_cast<Status>(s.status)});
    for (const auto& i : in.adviezen) {
        AdviesItem p;
        p.id = i.id;
        p.soort = static_cast<Soort>(i.soort);
        p.stap = i.stap;
        p.onderwerp = i.onderwerp;
        p.prioriteit = i.prioriteit;
        p.tekst = i.tekst;
        p.bron = i.bron;
        p.factoren = i.factoren;
        p.onderbouwing = i.onderbouwing;
        if (i.uitleg) p.uitleg = publiek(*i.uitleg);
        uit.adviezen.push_back(std::move(p));
    }
    return uit;
}

a::Advies intern(const Advies& p) {
    a::Advies in;
    in.versie = p.versie;
    in.gemeente = p.gemeente;
    in.herkomst = {p.herkomst.programma, p.herkomst.kennisbank, p.herkomst.versie, p.herkomst.sleutel};
    in.opdracht = p.communicatie ? a::Opdracht::communicatie : a::Opdracht::advies;
    for (const auto& b : p.boodschappen)
        in.boodschappen.push_back({b.nr, b.onderwerp, b.buikpijn, b.aanpak, b.oordeel, b.toelichting});
    in.huidige_stap = p.huidige_stap;
    for (std::size_t k = 0; k < in.stappen.size() && k < p.stappen.size(); ++k)
        in.stappen[k] = {p.stappen[k].stap, static_cast<a::Status>(p.stappen[k].status)};
    for (const auto& i : p.adviezen) {
        a::AdviesItem q;
        q.id = i.id;
        q.soort = static_cast<a::Soort>(i.soort);
        q.stap = i.stap;
        q.onderwerp = i.onderwerp;
        q.prioriteit = i.prioriteit;
        q.tekst = i.tekst;
        q.bron = i.bron;
        q.factoren = i.factoren;
        q.onderbouwing = i.onderbouwing;
        if (i.uitleg) q.uitleg = intern(*i.uitleg);
        in.adviezen.push_back(std::move(q));
    }
    return in;
}

a::Formaat intern(Formaat f) {
    switch (f) {
        case Formaat::json: return a::Formaat::json;
        case Formaat::tekst: return a::Formaat::text;
        case Formaat::markdown: return a::Formaat::markdown;
    }
    return a::Formaat::json;
}

a::Opdracht intern(Opdracht o) { return o == Opdracht::communicatie ? a::Opdracht::communicatie : a::Opdracht::advies; }

// The formats of the contract know the steps 1 to 5 only (the human ones name each step): an advice of
// the caller's own with another step number cannot be written, and is refused rather than written
// outside the contract.
void controleer_stappen(const Advies& advies) {
    const auto buiten_het_plan = [](const std::string& wat, int stap) {
        return std::invalid_argument("wegwijzer::opmaak: " + wat + " " + std::to_string(stap) +
                                     " is geen stap van het stappenplan (1 tot 5)");
    };
    if (!a::is_stap(advies.huidige_stap)) throw buiten_het_plan("huidige_stap", advies.huidige_stap);
    for (std::size_t k = 0; k < advies.stappen.size(); ++k)
        if (!a::is_stap(advies.stappen[k].stap))
            throw buiten_het_plan("stappen[" + std::to_string(k) + "].stap", advies.stappen[k].stap);
    for (std::size_t i = 0; i < advies.adviezen.size(); ++i)
        if (!a::is_stap(advies.adviezen[i].stap))
            throw buiten_het_plan("adviezen[" + std::to_string(i) + "].stap", advies.adviezen[i].stap);
}

}  // namespace

std::string versie() { return std::string(ww::versie()); }

Fout::Fout(std::vector<Melding> meldingen)
    : std::runtime_error(a::formatteer(fouten_van(meldingen))), meldingen_(std::move(meldingen)) {}

std::string Fout::json() const {
    nlohmann::ordered_json lijst = nlohmann::ordered_json::array();
    for (const auto& m : meldingen_) {
        nlohmann::ordered_json f;
        f["bestand"] = m.bestand;
        if (m.regel > 0) f["regel"] = m.regel;
        if (m.kolom > 0) f["kolom"] = m.kolom;
        f["melding"] = m.tekst;
        lijst.push_back(std::move(f));
    }
    nlohmann::ordered_json j;
    j["fouten"] = std::move(lijst);
    // Replacement characters for bytes that are not UTF-8 (a quoted line of a binary file), not a throw.
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Groep groep(const Advies& advies, std::size_t i) {
    if (i >= advies.adviezen.size())
        throw std::out_of_range("wegwijzer::groep: index " + std::to_string(i) + " valt buiten de lijst van " +
                                std::to_string(advies.adviezen.size()) + " adviezen");
    const AdviesItem& item = advies.adviezen[i];
    const int nu_doen = a::nu_doen_stap(intern(advies.communicatie ? Opdracht::communicatie : Opdracht::advies),
                                        advies.huidige_stap);
    return static_cast<Groep>(a::adviesgroep(static_cast<a::Soort>(item.soort), item.stap, nu_doen));
}

std::string_view naam_van(Groep groep) { return a::naam_van(static_cast<a::Adviesgroep>(groep)); }

std::string_view kop_van(Groep groep) { return a::kop_van(static_cast<a::Adviesgroep>(groep)); }

std::string opmaak(const Advies& advies, Formaat formaat, int breedte) {
    controleer_stappen(advies);
    a::OpmaakOpties o;
    o.breedte = breedte;
    o.uitleg = false;
    for (const auto& i : advies.adviezen) o.uitleg = o.uitleg || i.uitleg.has_value();
    a::Advies in = intern(advies);
    // The formats head the list by position (Nu doen, Waarschuwingen, Verder) and the JSON names each
    // item's group from its soort and stap: a list of the caller's own in another order would show
    // other groups per format. Put into its groups first, in the caller's order within each group, it
    // shows the same in every format; a list from raadpleeg is in its groups already and stays as it is.
    const int nu_doen = a::nu_doen_stap(in);
    std::stable_sort(in.adviezen.begin(), in.adviezen.end(), [&](const a::AdviesItem& x, const a::AdviesItem& y) {
        return a::adviesgroep(x, nu_doen) < a::adviesgroep(y, nu_doen);
    });
    return a::opmaak(in, intern(formaat), o);
}

Kennisbank Kennisbank::open(const std::string& map) {
    return vertaald([&] {
        auto impl = std::make_shared<KennisbankImpl>();
        impl->kb = a::Kennisbank::laad(map);
        return Kennisbank(std::move(impl));
    });
}

Kennisbank Kennisbank::standaard() {
    const auto zoektocht = a::zoek_kennisbank();
    if (zoektocht.pad.empty()) {
        std::string waar;
        for (const auto& g : zoektocht.gezocht) waar += (waar.empty() ? "" : ", ") + g;
        throw Fout({Melding{"wegwijzer", 0, 0,
                            "geen kennisbank gevonden" + (waar.empty() ? std::string() : " (gezocht: " + waar + ")") +
                                "; geef er een met WEGWIJZER_KB=MAP of open een map"}});
    }
    return open(zoektocht.pad);
}

const std::string& Kennisbank::map() const { return impl_->kb->map(); }

Raadpleging::Raadpleging(const Kennisbank& kennisbank)
    : impl_(vertaald([&] { return std::make_unique<RaadplegingImpl>(kennisbank.impl_); })) {}
Raadpleging::~Raadpleging() = default;
Raadpleging::Raadpleging(Raadpleging&&) noexcept = default;
Raadpleging& Raadpleging::operator=(Raadpleging&&) noexcept = default;

namespace {

const a::Advies& raadpleeg(RaadplegingImpl& r, std::string_view profiel, Opdracht opdracht, bool uitleg,
                           std::string_view naam) {
    auto gelezen = a::lees_profiel_tekst(profiel, std::string(naam), r.raadpleging.vocabulaire(), intern(opdracht));
    if (!gelezen.invoer) throw a::InvoerFout(std::move(gelezen.fouten));
    return r.raadpleging.raadpleeg(*gelezen.invoer, intern(opdracht), uitleg);
}

}  // namespace

Advies Raadpleging::advies(std::string_view profiel, Opdracht opdracht, bool uitleg, std::string_view naam) {
    return vertaald([&] { return publiek(raadpleeg(*impl_, profiel, opdracht, uitleg, naam)); });
}

std::string Raadpleging::advies_als(std::string_view profiel, Formaat formaat, Opdracht opdracht, bool uitleg,
                                    std::string_view naam) {
    return vertaald([&] {
        const a::Advies& advies = raadpleeg(*impl_, profiel, opdracht, uitleg, naam);
        a::OpmaakOpties o;
        o.uitleg = uitleg;
        // The knowledge base's factor names, as the command line's markdown has them.
        o.namen = &impl_->raadpleging.kennisbanknamen();
        return a::opmaak(advies, intern(formaat), o);
    });
}

}  // namespace wegwijzer
