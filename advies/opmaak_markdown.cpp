// SPDX-License-Identifier: EUPL-1.2
#include <fmt/format.h>

#include "advies/hoofdletter.hpp"
#include "advies/markdown_tekst.hpp"
#include "advies/opmaak.hpp"
#include "advies/rapport_gegevens.hpp"

namespace ww::advies {

namespace {

// Text from the profile (wijk names, topics) must not break a table or turn into markup.
std::string cel(std::string_view s) { return md_tekst(s); }

void uitleg_markdown(std::string& uit, const Uitleg& u, int diepte) {
    const std::string insp(static_cast<std::size_t>(2 * diepte), ' ');
    std::string regel;
    if (u.regel.empty()) {
        regel = fmt::format("{} ({})", md_code(u.feit), naam_van(u.herkomst));
    } else {
        regel = diepte == 0 ? fmt::format("regel {}", md_code(u.regel))
                            : fmt::format("{} door regel {}", md_code(u.feit), md_code(u.regel));
        for (std::size_t i = 0; i < u.bindingen.size(); ++i)
            regel += fmt::format("{}{}", i ? ", " : " met ", md_code(u.bindingen[i].first + " = " + u.bindingen[i].second));
    }
    uit += insp + "- " + regel + "\n";
    for (const auto& p : u.premissen) uitleg_markdown(uit, p, diepte + 1);
}

}  // namespace

std::string als_markdown(const Advies& advies, const OpmaakOpties& o) {
    std::string uit;
    if (advies.opdracht == Opdracht::communicatie) {
        // A check of the plan in its own terms: the verdict per message, no stappenplan overview.
        uit += fmt::format("# Toets communicatieplan: {}\n\n", cel(advies.gemeente));
        uit += "## Boodschappen\n\n";
        if (advies.boodschappen.empty()) {
            uit += "Het plan bevat geen boodschappen.\n\n";
        } else {
            uit += "| nr | onderwerp | buikpijn | aanpak | oordeel | toelichting |\n|---:|---|---|---|---|---|\n";
            for (const auto& b : advies.boodschappen)
                uit += fmt::format("| {} | {} | {} | {} | **{}** | {} |\n", b.nr, cel(b.onderwerp), b.buikpijn, b.aanpak,
                                   b.oordeel, cel(b.toelichting));
            uit += "\n";
        }
    } else {
        uit += fmt::format("# Advies veiligheidsbeleving: {}\n\n", cel(advies.gemeente));
        uit += "## Waar staat de gemeente in het stappenplan\n\n";
        uit += "| stap | | status |\n|---:|---|---|\n";
        for (const auto& s : advies.stappen)
            uit += fmt::format("| {} | {} | {} |\n", s.stap, stap_namen[static_cast<std::size_t>(s.stap - 1)],
                               s.stap == advies.huidige_stap ? fmt::format("**{}** (huidige stap)", naam_van(s.status))
                                                             : status_tekst(s, advies.huidige_stap));
        uit += fmt::format("\nDe gemeente is bij **stap {}: {}**.\n\n", advies.huidige_stap,
                           stap_namen[static_cast<std::size_t>(advies.huidige_stap - 1)]);
    }
    uit += "## Adviezen\n\n";
    if (advies.adviezen.empty()) uit += "Geen adviezen.\n";
    int nr = 0;
    for (const auto& a : advies.adviezen) {
        uit += fmt::format("### {}. {}: {} (stap {})\n\n", ++nr, hoofdletter(naam_van(a.soort)), cel(onderwerp_naam(a.onderwerp)), a.stap);
        uit += cel(a.tekst) + "\n\n";
        uit += fmt::format("- Bron: {}\n", a.bron.empty() ? "—" : cel(a.bron));
        uit += fmt::format("- Regel: {}, prioriteit {}\n", md_code(a.id), a.prioriteit);
        if (!a.factoren.empty()) {
            // The names, as the advice texts give them: several are quoted, since most hold "en" themselves
            // ('sociale verbondenheid en samenredzaamheid'). Without the knowledge base's names, the ids
            // of the JSON (`factoren`), marked as code so that no reader takes them for prose.
            uit += "- Factoren (Tafel van 12): ";
            const std::string_view aanhaling = a.factoren.size() > 1 ? "'" : "";
            const auto ids = o.namen ? o.namen->in_tafelvolgorde(a.factoren)
                                     : std::vector<std::string_view>(a.factoren.begin(), a.factoren.end());
            for (std::size_t i = 0; i < ids.size(); ++i) {
                uit += i == 0 ? "" : i + 1 == ids.size() ? " en " : ", ";
                const RapportFactor* f = o.namen ? o.namen->factor(ids[i]) : nullptr;
                if (f && !f->naam.empty()) uit += fmt::format("{}{}{}", aanhaling, cel(f->naam), aanhaling);
                else uit += md_code(ids[i]);
            }
            uit += "\n";
        }
        if (!a.onderbouwing.empty()) {
            uit += "- Onderbouwing:\n";
            for (const auto& f : a.onderbouwing) uit += "  - " + cel(f) + "\n";
        }
        if (o.uitleg && a.uitleg) {
            uit += "\nHoe dit advies tot stand kwam:\n\n";
            uitleg_markdown(uit, *a.uitleg, 0);
        }
        uit += "\n";
    }
    if (!advies.herkomst.programma.empty()) uit += "---\n\n_" + herkomst_tekst(advies.herkomst) + "_\n";
    // One trailing newline, whatever the last block was.
    while (uit.size() > 1 && uit[uit.size() - 1] == '\n' && uit[uit.size() - 2] == '\n') uit.pop_back();
    return uit;
}

}  // namespace ww::advies
