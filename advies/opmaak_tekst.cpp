// SPDX-License-Identifier: EUPL-1.2
#include <algorithm>

#include <fmt/format.h>

#include "advies/adviesgroep.hpp"
#include "advies/opmaak_html.hpp"
#include "advies/opmaak.hpp"
#include "advies/ordening.hpp"

namespace ww::advies {

namespace {

int kolommen(std::string_view s) {
    int n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

struct Stijl {
    bool aan;
    std::string operator()(std::string_view code, std::string_view tekst) const {
        if (!aan) return std::string(tekst);
        return fmt::format("\x1b[{}m{}\x1b[0m", code, tekst);
    }
};
constexpr std::string_view vet = "1", rood = "31", groen = "32", geel = "33", grijs = "2";

std::string statusteken(Status s, const Stijl& st) {
    switch (s) {
        case Status::afgerond: return st(groen, "✔");
        case Status::bezig: return st(geel, "●");
        case Status::open: return "○";
    }
    return " ";
}

void uitleg_tekst(std::string& uit, const Uitleg& u, int diepte, int breedte, const Stijl& st) {
    const int insp = 6 + 2 * diepte;
    std::string regel;
    if (u.regel.empty()) {
        regel = fmt::format("{} ({})", u.feit, naam_van(u.herkomst));
    } else {
        regel = (diepte == 0 ? "regel " : u.feit + "  door regel ") + u.regel;
        if (!u.bindingen.empty()) {
            regel += " met ";
            for (std::size_t i = 0; i < u.bindingen.size(); ++i)
                regel += (i ? ", " : "") + u.bindingen[i].first + " = " + u.bindingen[i].second;
        }
    }
    const std::string kop = diepte == 0 ? "waarom: " : "want: ";
    uit += std::string(static_cast<std::size_t>(insp), ' ') + st(grijs, kop) +
           omloop(regel, breedte, insp + kolommen(kop), insp + kolommen(kop)) + "\n";
    for (const auto& p : u.premissen) uitleg_tekst(uit, p, diepte + 1, breedte, st);
}

void item_tekst(std::string& uit, const AdviesItem& a, int nr, const OpmaakOpties& o, const Stijl& st) {
    const std::string nummer = fmt::format("{:>2}. ", nr);
    const std::string label = fmt::format("[stap {}, {}]", a.stap, onderwerp_naam(a.onderwerp));
    uit += "  ";
    uit += nummer;
    uit += st(grijs, label);
    uit += omloop(a.tekst, o.breedte, 6, 2 + kolommen(nummer) + kolommen(label), true);
    uit += '\n';
    std::string voet = a.bron.empty() ? a.id : a.bron + " · " + a.id;
    uit += "      " + st(grijs, omloop(voet, o.breedte, 6, 6)) + "\n";
    if (o.uitleg && a.uitleg) uitleg_tekst(uit, *a.uitleg, 0, o.breedte, st);
}

}  // namespace

std::string omloop(std::string_view tekst, int breedte, int inspringing, int eerste_kolom, bool spatie_voor) {
    std::string uit;
    int kolom = eerste_kolom;
    bool spatie = spatie_voor;  // a space goes before the next word on this line
    std::size_t i = 0;
    auto nieuwe_regel = [&] {
        uit += '\n';
        uit.append(static_cast<std::size_t>(inspringing), ' ');
        kolom = inspringing;
        spatie = false;
    };
    while (i < tekst.size()) {
        if (tekst[i] == '\n') {
            nieuwe_regel();
            ++i;
            continue;
        }
        if (tekst[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t eind = tekst.find_first_of(" \n", i);
        if (eind == std::string_view::npos) eind = tekst.size();
        const std::string_view woord = tekst.substr(i, eind - i);
        const int lengte = kolommen(woord);
        // A word too long for any line stays where it is rather than leaving an empty line behind.
        if (kolom > inspringing && kolom + (spatie ? 1 : 0) + lengte > breedte) nieuwe_regel();
        if (spatie) {
            uit += ' ';
            ++kolom;
        }
        uit += woord;
        kolom += lengte;
        spatie = true;
        i = eind;
    }
    return uit;
}

std::string_view onderwerp_naam(std::string_view onderwerp) {
    static constexpr std::pair<std::string_view, std::string_view> namen[] = {
        {"kwalitatief", "kwalitatieve informatie"}, {"tafel-van-12", "Tafel van 12"}, {"smart", "SMART-doel"},
        {"ivp", "IVP"}, {"gedeelde-visie", "gedeelde visie"}};
    for (const auto& [woord, naam] : namen)
        if (woord == onderwerp) return naam;
    return onderwerp;
}

std::string herkomst_tekst(const Herkomst& h) {
    std::string uit = "Gemaakt met " + h.programma;
    if (h.naam) uit += " en de kennisbank " + *h.naam + (h.versie ? " " + *h.versie : std::string());
    else uit += " en een kennisbank zonder naam";
    return uit + ".";
}

namespace {

// The communication check: per message its verdict, then why.
void boodschappen_tekst(std::string& uit, const Advies& advies, const OpmaakOpties& o, const Stijl& st) {
    uit += st(vet, "Boodschappen") + "\n";
    if (advies.boodschappen.empty()) uit += "  Het plan bevat geen boodschappen.\n";
    for (const auto& b : advies.boodschappen) {
        const std::string nummer = fmt::format("{:>2}. ", b.nr);
        const std::string_view kleur = b.oordeel == "passend" ? groen : b.oordeel == "botst" || b.oordeel == "tegenstrijdig" ? rood : geel;
        uit += "  " + nummer + st(vet, omloop(b.onderwerp, o.breedte, 6, 2 + kolommen(nummer))) + "\n";
        uit += fmt::format("      buikpijn: {} · aanpak: {} · oordeel: {}\n", b.buikpijn, b.aanpak, st(kleur, b.oordeel));
        uit += "      " + omloop(b.toelichting, o.breedte, 6, 6) + "\n";
    }
}

}  // namespace

std::string als_tekst(const Advies& advies, const OpmaakOpties& o) {
    const Stijl st{o.kleur};
    std::string uit;
    if (advies.opdracht == Opdracht::communicatie) {
        // A check of the plan in its own terms: no stappenplan overview.
        uit += st(vet, "Toets communicatieplan: " + advies.gemeente) + "\n\n";
        boodschappen_tekst(uit, advies, o, st);
    } else {
        uit += st(vet, "Advies veiligheidsbeleving: " + advies.gemeente) + "\n\n";
        uit += st(vet, "Stappenplan") + "\n";
        for (const auto& s : advies.stappen) {
            const auto naam = stap_namen[static_cast<std::size_t>(s.stap - 1)];
            uit += fmt::format("  {} {}. {}{}{}", statusteken(s.status, st), s.stap, naam,
                               std::string(static_cast<std::size_t>(std::max(2, 35 - kolommen(naam))), ' '),
                               status_tekst(s, advies.huidige_stap));
            if (s.stap == advies.huidige_stap) uit += st(vet, "  <- hier staat de gemeente");
            uit += "\n";
        }
    }

    // The list is in its groups already (ordening.hpp): each advice keeps its place as its number,
    // the same as in the other formats.
    const Groepen g = groepen(advies);
    const auto& items = advies.adviezen;
    auto groep = [&](std::string_view kop, std::string_view kleur, std::size_t van, std::size_t tot) {
        if (van >= tot) return;
        uit += '\n';
        uit += st(vet, st(kleur, kop));
        uit += '\n';
        for (std::size_t i = van; i < tot; ++i) item_tekst(uit, items[i], static_cast<int>(i + 1), o, st);
    };
    if (items.empty()) uit += "\nGeen adviezen.\n";
    groep(kop_van(Adviesgroep::nu_doen), groen, 0, g.nu_doen);
    groep(kop_van(Adviesgroep::waarschuwingen), rood, g.nu_doen, g.waarschuwingen);
    groep(kop_van(Adviesgroep::verder), "0", g.waarschuwingen, items.size());
    if (!advies.herkomst.programma.empty()) uit += "\n" + st(grijs, omloop(herkomst_tekst(advies.herkomst), o.breedte, 0, 0)) + "\n";
    return uit;
}

std::optional<Formaat> formaat_uit(std::string_view naam) {
    if (naam == "text" || naam == "tekst") return Formaat::text;
    if (naam == "json") return Formaat::json;
    if (naam == "markdown" || naam == "md") return Formaat::markdown;
    if (naam == "html") return Formaat::html;
    return std::nullopt;
}

std::string opmaak(const Advies& advies, Formaat formaat, const OpmaakOpties& opties) {
    switch (formaat) {
        case Formaat::json: return als_json(advies, opties);
        case Formaat::markdown: return als_markdown(advies, opties);
        case Formaat::html: return als_html(advies, RapportGegevens{}, opties);
        case Formaat::text: break;
    }
    return als_tekst(advies, opties);
}

}  // namespace ww::advies
