// SPDX-License-Identifier: EUPL-1.2
#include "advies/sjabloon.hpp"

namespace ww::advies {

std::string_view profiel_sjabloon() {
    return R"(## Gemeenteprofiel voor wegwijzer (docs/gemeenteprofiel.md).
##
## Alleen de naam van de gemeente staat aan. Al het andere staat in commentaar en telt dus niet mee:
## een veld dat er niet staat, betekent "nog niet gedaan" of "niet bekend". Haal de "# " voor een
## regel weg als je het antwoord weet, en pas de waarde aan. Zet een sectie pas aan als je er iets over
## kunt zeggen: een sectie die er staat met "false" of "nee" zegt iets anders dan een sectie die ontbreekt.
## De id's van factoren, bronnen en indicatoren: wegwijzer woordenschat.

versie: 1
gemeente:
  naam: Mijn gemeente            ## verplicht
#   inwoners: 50000              ## geheel getal > 0, zonder punt: 50000, niet 50.000

## Stap 1: de onderliggende drijfveer.
# drijfveer:
#   bepaald: true                ## de drijfveer is benoemd
#   soort: vergelijking          ## vergelijking | streven | leren | anders
#   gedeeld_met_bestuur: true    ## bestuurders en managers delen die drijfveer

## Cijfers, bijvoorbeeld uit de Veiligheidsmonitor; één blok per indicator, per jaar, per wijk en per
## groep. Blokken die alleen in het jaar verschillen, vormen een reeks: het laatste jaar is het huidige
## cijfer. Getallen met een punt en zonder %: 12.5, niet 12,5%.
# metingen:
#   - indicator: onveilig_buurt  ## verplicht; een indicator uit de woordenschat
#     waarde: 21.0               ## verplicht; percentage 0..100
#     jaar: 2023                 ## jaartal van de meting
#     vergelijkbaar: 15.0        ## percentage in vergelijkbare gemeenten (bij een wijk of groep: wijken of groepen)
#     vorige: 18.0               ## de meting hiervoor, als daar geen eigen blok voor is
#     gebied: Noord              ## wijk of buurt; weglaten = de hele gemeente
#     groep: 65+                 ## groep inwoners; weglaten = alle inwoners
#     marge: 1.8                 ## marge in procentpunten (half 95%-interval), zoals gepubliceerd
#     respondenten: 850          ## steekproefomvang

## Stap 2: de informatie die je hebt verzameld; één regel per bron.
# bronnen:
#   - id: veiligheidsmonitor     ## een bron uit de woordenschat
#     partner: gemeente          ## gemeente | politie | woningcorporatie | anders
# informatie:
#   ontbrekend_bepaald: true     ## vastgesteld welke informatie nog ontbreekt

## Stap 3: de analyse.
# analyse:
#   uitgevoerd: true
#   vragen: [wie, waar]          ## beantwoord: wie, waar, wanneer, waarom, waarvoor
#   problematisch: onbekend      ## ja | nee | onbekend
#   factoren: [toezicht]         ## factoren van de Tafel van 12 die lokaal het zwaarst wegen
#   rapportage: true             ## de analyse is op papier gezet

## Communicatie over veiligheid.
# communicatie:
#   frame: onbekend              ## veiligheid | onveiligheid | onbekend
#   effect_onderzocht: true      ## onderzocht wat de huidige communicatie met de beleving doet
#   boodschappen:                ## het communicatieplan: één blok per onderwerp
#     - onderwerp: woninginbraak
#       buikpijn: onbekend       ## ja | nee | onbekend
#       aanpak: terughoudend     ## expliciet | terughoudend

## Stap 4: beleid en acties.
# beleid:
#   doel_benoemd: true
#   smart:
#     gekozen: true              ## er is een SMART-doel op veiligheidsbeleving
#     indicator: onveilig_buurt
#     daling_pct: 10             ## beoogde relatieve daling in procenten
#     stijging_pct: 15           ## of: beoogde relatieve stijging, waar hoger beter is (een oordeel)
#     termijn_jaren: 4
#     startjaar: 2023            ## het jaar waarin de termijn begint
#   ivp:
#     opgenomen: true            ## beleving staat in het integraal veiligheidsplan
#     prioritaire_factoren: [toezicht]
#   uitvoeringsplan: true
#   acties:
#     - naam: Buurtschouw met bewoners
#       factor: verloedering     ## de factor waar de actie op werkt
#       gebied: Noord            ## wijk of buurt; weglaten = de hele gemeente
#       groep: 65+               ## groep inwoners; weglaten = alle inwoners
#       status: lopend           ## gepland (standaard) | lopend | uitgevoerd | gestopt
#   werkhouding_sessies: true
#   vuistregels: true
#   gedeelde_visie: true

## Stap 5: evaluatie.
# evaluatie:
#   momenten_vastgelegd: true
#   aspecten: [inhoud, effect, proces]
#   nulmeting: true
#   nulmeting_jaar: 2023         ## de metingen van dat jaar zijn de nulmeting
)";
}

}  // namespace ww::advies
