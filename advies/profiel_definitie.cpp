// SPDX-License-Identifier: EUPL-1.2
#include "advies/profiel_definitie.hpp"

#include <algorithm>

#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace ww::advies::profiel {

namespace {

using Woordenlijst = std::vector<std::string>;

Veld veld(std::string naam, Soort soort, std::string omschrijving) {
    Veld v;
    v.naam = std::move(naam);
    v.soort = soort;
    v.omschrijving = std::move(omschrijving);
    return v;
}

Veld ja_nee(std::string naam, std::string omschrijving) { return veld(std::move(naam), Soort::ja_nee, std::move(omschrijving)); }
Veld tekst(std::string naam, std::string omschrijving) { return veld(std::move(naam), Soort::tekst, std::move(omschrijving)); }

Veld geheel(std::string naam, std::string omschrijving, Grens grens = Grens::geen) {
    Veld v = veld(std::move(naam), Soort::geheel, std::move(omschrijving));
    v.grens = grens;
    return v;
}

Veld getal(std::string naam, std::string omschrijving, Grens grens, std::optional<double> hoogstens = {}) {
    Veld v = veld(std::move(naam), Soort::getal, std::move(omschrijving));
    v.grens = grens;
    v.hoogstens = hoogstens;
    return v;
}

Veld keuze(std::string naam, std::string omschrijving, std::string wat, Woordenlijst opties,
           std::string_view bedoeld, std::optional<std::string> standaard = {}) {
    Veld v = veld(std::move(naam), Soort::keuze, std::move(omschrijving));
    v.wat = std::move(wat);
    v.opties = std::move(opties);
    v.bedoeld = bedoeld;
    v.standaard = std::move(standaard);
    return v;
}

// The words a person writes for a keuze's words instead of the word itself, as bedoeld_woord reads them:
// what they plainly mean in this field, never a guess between two (so 'beëindigd', done or stopped, is
// in none). Read only when a profile has an unknown word.
constexpr std::string_view soort_bedoeld =
    "vergelijken=vergelijking;benchmark=vergelijking;benchmarking=vergelijking;"
    "vergelijkbare gemeenten=vergelijking;ambitie=streven;streefwaarde=streven;streefcijfer=streven;"
    "lerend=leren;lerende organisatie=leren;overig=anders;overige=anders;ander=anders;andere=anders;"
    "iets anders=anders";
constexpr std::string_view partner_bedoeld =
    "corporatie=woningcorporatie;woningbouwcorporatie=woningcorporatie;"
    "woningbouwvereniging=woningcorporatie;wooncorporatie=woningcorporatie;"
    "woningstichting=woningcorporatie;wijkagent=politie;nationale politie=politie;"
    "eigen gemeente=gemeente;gemeentelijk=gemeente;zelf=gemeente;overig=anders;overige=anders;"
    "ander=anders;andere=anders";
constexpr std::string_view vraag_bedoeld =
    "doelgroep=wie;doelgroepen=wie;groepen=wie;locatie=waar;locaties=waar;plek=waar;plekken=waar;"
    "plaats=waar;tijd=wanneer;tijdstip=wanneer;moment=wanneer;oorzaak=waarom;oorzaken=waarom;"
    "reden=waarom;redenen=waarom";
// yes/no as YAML 1.1 and English write it: a profile's ja, nee and onbekend are words.
constexpr std::string_view ja_nee_onbekend_bedoeld =
    "true=ja;yes=ja;waar=ja;wel=ja;j=ja;false=nee;no=nee;onwaar=nee;niet=nee;geen=nee;n=nee;"
    "weet niet=onbekend;weet ik niet=onbekend;onduidelijk=onbekend;nog niet bekend=onbekend;"
    "niet bekend=onbekend;unknown=onbekend";
constexpr std::string_view frame_bedoeld =
    "veilig=veiligheid;positief=veiligheid;onveilig=onveiligheid;negatief=onveiligheid;"
    "weet niet=onbekend;weet ik niet=onbekend;onduidelijk=onbekend;nog niet bekend=onbekend;"
    "niet bekend=onbekend";
constexpr std::string_view aanpak_bedoeld =
    "open=expliciet;openlijk=expliciet;actief=expliciet;proactief=expliciet;voorzichtig=terughoudend;"
    "reactief=terughoudend;passief=terughoudend;afwachtend=terughoudend;ingetogen=terughoudend;"
    "beperkt=terughoudend";
constexpr std::string_view status_bedoeld =
    "afgerond=uitgevoerd;klaar=uitgevoerd;gedaan=uitgevoerd;voltooid=uitgevoerd;gereed=uitgevoerd;"
    "af=uitgevoerd;gerealiseerd=uitgevoerd;geïmplementeerd=uitgevoerd;bezig=lopend;loopt=lopend;"
    "lopende=lopend;actief=lopend;gestart=lopend;begonnen=lopend;in uitvoering=lopend;in gang=lopend;"
    "gestaakt=gestopt;stopgezet=gestopt;geannuleerd=gestopt;afgeblazen=gestopt;afgebroken=gestopt;"
    "geschrapt=gestopt;voorgenomen=gepland;ingepland=gepland;nog niet gestart=gepland;"
    "nog niet begonnen=gepland;in voorbereiding=gepland;te doen=gepland";
constexpr std::string_view aspect_bedoeld =
    "resultaat=effect;resultaten=effect;uitkomst=effect;uitkomsten=effect;impact=effect;"
    "uitvoering=inhoud;interventies=inhoud;samenwerking=proces;verloop=proces;werkwijze=proces";

Veld uit_woordenschat(std::string naam, std::string omschrijving, std::string wat, Woorden woorden) {
    Veld v = veld(std::move(naam), Soort::keuze, std::move(omschrijving));
    v.wat = std::move(wat);
    v.woorden = woorden;
    return v;
}

// The keys as separate arguments, not a braced list: the elements of an initializer_list are const,
// so each key (with all its nested keys) was copied once more, 40,000 instructions per process.
template <typename... Velden>
Veld kaart(std::string naam, std::string omschrijving, Velden&&... velden) {
    Veld v = veld(std::move(naam), Soort::kaart, std::move(omschrijving));
    v.velden.reserve(sizeof...(velden));
    (v.velden.push_back(std::forward<Velden>(velden)), ...);
    for (const auto& k : v.velden) v.sleutels.push_back(k.naam);
    return v;
}

// The elements of a list are never empty: an empty word is reported, and every element that is a map
// has a required key.
Veld lijst(std::string naam, std::string omschrijving, Veld element) {
    Veld v = veld(std::move(naam), Soort::lijst, std::move(omschrijving));
    element.verplicht = true;
    v.elementen.push_back(std::move(element));
    return v;
}

Veld verplicht(Veld v) {
    v.verplicht = true;
    return v;
}

// A text that names something (a gemeente, a message's topic, an action): only spaces is no name.
Veld niet_leeg(Veld v) {
    v.niet_leeg = true;
    return v;
}

const Woordenlijst ja_nee_onbekend = {"ja", "nee", "onbekend"};

Veld maak_gemeenteprofiel() {
    Veld versie = geheel("versie", "De versie van het contract; deze wegwijzer leest versie 1.");
    versie.enige = 1;
    Veld naam = niet_leeg(verplicht(tekst("naam", "De naam van de gemeente.")));

    const auto gebied = [] { return tekst("gebied", "Wijk of buurt; weggelaten: de hele gemeente."); };
    const auto groep = [] { return tekst("groep", "Groep inwoners, bijvoorbeeld '65+'; weggelaten: alle inwoners."); };

    return verplicht(kaart(
        "", "Wat er bekend is over de veiligheidsbeleving in één gemeente en hoe ver die is met het stappenplan.",
            std::move(versie),
            verplicht(kaart("gemeente", "De gemeente.",
                            std::move(naam), geheel("inwoners", "Het aantal inwoners (groter dan 0).", Grens::positief))),
            kaart("drijfveer", "Stap 1: de onderliggende drijfveer.",
                  ja_nee("bepaald", "De onderliggende drijfveer is benoemd."),
                  keuze("soort", "De soort drijfveer.", "soort drijfveer", {"vergelijking", "streven", "leren", "anders"},
                        soort_bedoeld),
                  ja_nee("gedeeld_met_bestuur", "Bestuurders en managers delen die drijfveer.")),
            lijst("metingen", "Cijfers, bijvoorbeeld uit de Veiligheidsmonitor: één element per indicator, gebied, groep en jaar.",
                  kaart("meting", "Eén meting.",
                        verplicht(uit_woordenschat("indicator", "De indicator.", "indicator", Woorden::indicatoren)),
                        verplicht(getal("waarde", "Het percentage (0..100).", Grens::percentage)),
                        getal("vergelijkbaar", "Hetzelfde percentage in vergelijkbare gemeenten, wijken of groepen.",
                              Grens::percentage),
                        getal("vorige", "De meting hiervoor, als het profiel daar geen rij voor heeft.", Grens::percentage),
                        gebied(),
                        geheel("jaar", "Het jaar van de meting.", Grens::jaartal),
                        groep(),
                        getal("marge", "De marge in procentpunten (half het 95%-interval): groter dan 0 en hoogstens 100.",
                              Grens::positief, 100.0),
                        geheel("respondenten", "De steekproefomvang (groter dan 0).", Grens::positief))),
            lijst("bronnen", "Stap 2: de verzamelde informatie, één element per bron.",
                  kaart("bron", "Eén bron.",
                        verplicht(uit_woordenschat("id", "De soort bron.", "bron", Woorden::bronnen)),
                        keuze("partner", "Wie de informatie heeft.", "partner",
                              {"gemeente", "politie", "woningcorporatie", "anders"}, partner_bedoeld, "gemeente"))),
            kaart("informatie", "Stap 2: wat er over de informatie is vastgesteld.",
                  ja_nee("ontbrekend_bepaald", "Vastgesteld welke informatie nog ontbreekt.")),
            kaart("analyse", "Stap 3: de analyse.",
                  ja_nee("uitgevoerd", "De analyse is uitgevoerd."),
                  lijst("vragen", "De beantwoorde vragen.",
                        keuze("vraag", "Een w-vraag.", "w-vraag", {"wie", "waar", "wanneer", "waarom", "waarvoor"}, vraag_bedoeld)),
                  keuze("problematisch", "De eigen conclusie van de gemeente: is de beleving problematisch?", "waarde",
                        ja_nee_onbekend, ja_nee_onbekend_bedoeld),
                  lijst("factoren", "De factoren van de Tafel van 12 die lokaal het zwaarst wegen.",
                        uit_woordenschat("factor", "Een factor.", "factor", Woorden::factoren)),
                  ja_nee("rapportage", "De analyse is op papier gezet.")),
            kaart("communicatie", "Communicatie over veiligheid.",
                  keuze("frame", "Het leidende frame.", "frame", {"veiligheid", "onveiligheid", "onbekend"}, frame_bedoeld),
                  ja_nee("effect_onderzocht", "Onderzocht wat de huidige communicatie met de beleving doet."),
                  lijst("boodschappen", "Het communicatieplan: één element per onderwerp.",
                        kaart("boodschap", "Eén onderwerp van communicatie.",
                              niet_leeg(verplicht(tekst("onderwerp", "Het onderwerp."))),
                              keuze("buikpijn", "Hebben bewoners er 'buikpijn' over?", "waarde", ja_nee_onbekend,
                                    ja_nee_onbekend_bedoeld),
                              keuze("aanpak", "Hoe erover wordt gecommuniceerd.", "aanpak", {"expliciet", "terughoudend"}, aanpak_bedoeld)))),
            kaart("beleid", "Stap 4: beleid en acties.",
                  ja_nee("doel_benoemd", "'Wat wil ik bereiken?' is beantwoord."),
                  kaart("smart", "Een SMART-doel op veiligheidsbeleving.",
                        ja_nee("gekozen", "Er is een SMART-doel gekozen."),
                        uit_woordenschat("indicator", "De indicator waarin het doel is uitgedrukt.", "indicator",
                                         Woorden::indicatoren),
                        getal("daling_pct", "De beoogde relatieve daling in procenten: groter dan 0 en hoogstens 100.",
                              Grens::positief, 100.0),
                        // A century is beyond any policy term (a council period is 4 years), and keeps the
                        // end year (startjaar + termijn) a year the knowledge base can reckon with.
                        getal("termijn_jaren", "De termijn in jaren: groter dan 0 en hoogstens 100.", Grens::positief,
                              100.0),
                        // The indicators are percentages: a tenfold rise (1.000 %) can only start below 9,1 % and is
                        // beyond any policy target, and an absurd one such as 1e300 is said here, at the profile's own
                        // place, not as "1e+300% stijging" in the advice.
                        getal("stijging_pct",
                              "De beoogde relatieve stijging in procenten, waar hoger beter is: groter dan 0 en hoogstens 1.000.",
                              Grens::positief, 1000.0),
                        geheel("startjaar", "Het jaar waarin de termijn begint.", Grens::jaartal)),
                  kaart("ivp", "Het integraal veiligheidsplan.",
                        ja_nee("opgenomen", "Veiligheidsbeleving staat in het integraal veiligheidsplan."),
                        lijst("prioritaire_factoren", "De factoren die het IVP voorrang geeft.",
                              uit_woordenschat("factor", "Een factor.", "factor", Woorden::factoren))),
                  ja_nee("uitvoeringsplan", "Er is een uitvoeringsplan."),
                  lijst("acties", "Geplande of lopende acties.",
                        kaart("actie", "Eén actie.",
                              niet_leeg(verplicht(tekst("naam", "De naam van de actie."))),
                              uit_woordenschat("factor", "De factor waar de actie op werkt.", "factor", Woorden::factoren),
                              gebied(), groep(),
                              keuze("status", "Hoe ver de actie is.", "status", {"gepland", "lopend", "uitgevoerd", "gestopt"},
                                    status_bedoeld, "gepland"))),
                  ja_nee("werkhouding_sessies", "Er zijn sessies over de werkhouding tegenover de beleving van bewoners."),
                  ja_nee("vuistregels", "Vuistregels zoals de Rotterdamse Vuistregels worden gebruikt."),
                  ja_nee("gedeelde_visie", "Professionals en bestuurders delen één visie.")),
            kaart("evaluatie", "Stap 5: de evaluatie.",
                  ja_nee("momenten_vastgelegd", "Evaluatiemomenten staan vast in het IVP of het uitvoeringsplan."),
                  lijst("aspecten", "De aspecten die de evaluatie behandelt.",
                        keuze("aspect", "Een aspect.", "aspect", {"inhoud", "effect", "proces"}, aspect_bedoeld)),
                  ja_nee("nulmeting", "Er is een nulmeting."),
                  geheel("nulmeting_jaar", "Het jaar van de nulmeting.", Grens::jaartal)),
            kaart("vraaggesprek", "Wat het vraaggesprek als 'weet ik niet' noteerde (docs/vraaggesprek.md); verandert het advies niet.",
                  lijst("onbekend", "De velden die met 'weet ik niet' zijn beantwoord.",
                        veld("veld", Soort::veldpad, "Een veld van het profiel; een rij van een lijst met haar nummer: metingen[2].marge.")))));
}

}  // namespace

const std::vector<std::string>& veldpaden() {
    static const std::vector<std::string> paden = [] {
        std::vector<std::string> v;
        const auto voeg = [&](const auto& zelf, const Veld& veld, const std::string& pad) -> void {
            for (const Veld& k : veld.velden) {
                if (pad.empty() && (k.naam == "versie" || k.naam == "vraaggesprek")) continue;
                const std::string hier = pad.empty() ? k.naam : pad + "." + k.naam;
                if (k.soort == Soort::kaart) {
                    if (!pad.empty()) v.push_back(hier);
                    zelf(zelf, k, hier);
                } else if (k.soort == Soort::lijst && k.element().soort == Soort::kaart) {
                    v.push_back(hier);
                    zelf(zelf, k.element(), hier + "[]");
                } else {
                    v.push_back(hier);
                }
            }
        };
        voeg(voeg, gemeenteprofiel(), "");
        return v;
    }();
    return paden;
}

std::string zonder_rij(std::string_view pad) {
    std::string uit;
    for (std::size_t i = 0; i < pad.size(); ++i) {
        uit += pad[i];
        if (pad[i] != '[') continue;
        std::size_t j = i + 1;
        while (j < pad.size() && pad[j] >= '0' && pad[j] <= '9') ++j;
        i = j - 1;
    }
    return uit;
}

bool is_veldpad(std::string_view pad) {
    for (std::size_t i = 0; i < pad.size(); ++i)
        if (pad[i] == '[' && (i + 1 >= pad.size() || pad[i + 1] < '1' || pad[i + 1] > '9')) return false;
    const auto& paden = veldpaden();
    return std::find(paden.begin(), paden.end(), zonder_rij(pad)) != paden.end();
}

const Veld& Veld::veld(std::string_view sleutel) const {
    // Searched among the names side by side (`sleutels`, in the order of `velden`), not across the
    // large Velds: the reader asks for some forty keys per profile it reads.
    for (std::size_t i = 0; i < sleutels.size(); ++i)
        if (sleutels[i] == sleutel) return velden[i];
    throw std::logic_error(fmt::format("de definitie van het gemeenteprofiel kent '{}' in '{}' niet", sleutel, naam));
}

const Veld& Veld::element() const {
    if (soort != Soort::lijst || elementen.size() != 1)
        throw std::logic_error(fmt::format("'{}' is in de definitie van het gemeenteprofiel geen lijst", naam));
    return elementen.front();
}

const Veld& gemeenteprofiel() {
    // Never destroyed (it is needed until the process ends): not taken apart on the way out.
    static const Veld& profiel = *new Veld(maak_gemeenteprofiel());
    return profiel;
}

}  // namespace ww::advies::profiel
