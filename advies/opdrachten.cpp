// SPDX-License-Identifier: EUPL-1.2
#include "advies/opdrachten.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "advies/adviestekst.hpp"
#include "rules/cost_table.hpp"
#include "advies/fout.hpp"
#include "advies/functielijst.hpp"
#include "advies/kennisbank.hpp"
#include "advies/lint.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "advies/scenario.hpp"
#include "advies/suggestie.hpp"
#include "advies/waarom_niet.hpp"
#include "advies/profiel_schema.hpp"
#include "advies/woordenschat.hpp"
#include "engine/action_list.hpp"

namespace ww::advies {

namespace {

// Runs `werk`, turning every way it can fail into an exit status and a message on standard error:
// bad input and faulty knowledge bases exit 2, anything unforeseen 1. Never lets an exception out.
template <typename F>
Uitvoer veilig(F&& werk) {
    Uitvoer u;
    try {
        u = werk();
    } catch (const InvoerFout& e) {
        u = Uitvoer{2, {}, formatteer(e.fouten)};
    } catch (const KennisbankFout& e) {
        u = Uitvoer{2, {}, fmt::format("wegwijzer: fout: kennisbank: {}\n", e.what())};
    } catch (const LoadError& e) {
        u = Uitvoer{2, {}, formatteer(e.diagnostics.items())};
    } catch (const std::exception& e) {
        u = Uitvoer{1, {}, fmt::format("wegwijzer: fout: {}\n", e.what())};
    }
    return u;
}

}  // namespace

namespace {
Kleur gekozen_kleur = Kleur::automatisch;
}

void kies_kleur(Kleur kleur) { gekozen_kleur = kleur; }

OpmaakOpties terminal_opmaak() {
    OpmaakOpties o;
    const bool terminal = isatty(STDOUT_FILENO) == 1;
    const char* geen_kleur = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    const bool dom = term != nullptr && std::string_view(term) == "dumb";
    o.kleur = gekozen_kleur == Kleur::altijd ||
              (gekozen_kleur == Kleur::automatisch && terminal && !dom && (geen_kleur == nullptr || *geen_kleur == '\0'));
    if (terminal) {
        winsize w{};
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) o.breedte = std::clamp<int>(w.ws_col, 40, 100);
    }
    return o;
}

Uitvoer voer_advies_uit(const AdviesOpties& opties) {
    // `beeld` false: the bundled knowledge base from its YAML, after its image turned out unsound in a
    // rule that fired (see below).
    const auto raadpleeg = [&](bool beeld) {
        // One profile, no interview: the profile is read as soon as the knowledge base is (with its
        // vocabulary), so that its engine is promised what cannot come and leaves out the rules that
        // could not fire (Kennisbank::laad_voor_profiel). --kosten shows every rule's costs: all built,
        // but the profile is read first all the same.
        const bool kosten = opties.kosten || opties.kosten_tijd;
        std::optional<ProfielResultaat> profiel;
        const Profieltekst tekst = lees_profieltekst(opties.profiel);
        auto kb = Kennisbank::laad_voor_profiel(
            opties.kb,
            [&](const Vocabulaire& vocabulaire) -> const Invoer* {
                profiel = lees_profiel(tekst, vocabulaire, opties.opdracht);
                // A profile with errors is reported before any engine is built: none would be used.
                if (!profiel->invoer) throw InvoerFout(std::move(profiel->fouten));
                return &*profiel->invoer;
            },
            kosten ? Bouw::alles : Bouw::wat_kan_vuren, beeld);
        auto raadpleging = std::make_unique<Raadpleging>(*kb, kb->neem_engine());
        if (kosten) raadpleging->meet_kosten(true);
        Uitvoer uit{0, adviestekst(*raadpleging, *profiel->invoer, opties.opdracht, opties.formaat, opties.opmaak), {}};
        if (kosten) uit.fout = cost_table(raadpleging->engine().profile(), opties.kosten_tijd);
        if (opties.proces_eindigt) {
            // Reachable from a static until exit, so leak checkers do not count it as lost.
            static auto* achtergelaten = new std::vector<std::shared_ptr<void>>();
            achtergelaten->push_back(std::shared_ptr<Kennisbank>(std::move(kb)));
            achtergelaten->push_back(std::shared_ptr<Raadpleging>(std::move(raadpleging)));
        }
        return uit;
    };
    return veilig([&] {
        try {
            return raadpleeg(true);
        } catch (const DeferredActionsRefused&) {
            // The image read for this profile checks a rule's actions when the rule first fires, and
            // those of one did not pass (an image made wrong on purpose: the checksum rules out damage).
            // Nothing of the run is written yet: as for any image that is refused, the YAML is read.
            return raadpleeg(false);
        }
    });
}

Uitvoer voer_waarom_niet_uit(const std::string& regel, const std::string& profiel_pad, const std::string& kb_pad) {
    return veilig([&] {
        const auto kb = Kennisbank::laad_gekozen(kb_pad);
        Raadpleging raadpleging(*kb, kb->neem_engine());
        if (!raadpleging.engine().find_rule(regel)) {
            std::vector<std::string> ids;
            for (const auto* r : raadpleging.engine().rules()) ids.push_back(r->id);
            return Uitvoer{2, {}, fmt::format("wegwijzer: fout: de kennisbank heeft geen regel '{}'{}\n", regel, bedoelde_je(regel, ids))};
        }
        auto profiel = lees_profiel_bestand(profiel_pad, raadpleging.vocabulaire(), Opdracht::advies);
        if (!profiel.invoer) throw InvoerFout(std::move(profiel.fouten));
        raadpleging.draai(*profiel.invoer);
        const auto& engine = raadpleging.engine();
        return Uitvoer{0, waarom_niet_tekst(engine, engine.why_not(regel)), {}};
    });
}

Uitvoer voer_lint_uit(const std::string& kb_pad) {
    return veilig([&] {
        // From the YAML always: lint checks the sources, not an image of them.
        const std::string map = kies_kennisbank(kb_pad);
        const auto kb = Kennisbank::laad(map);
        const LintVerslag v = lint(kb->regels(), map);
        // Warnings of the rule language (`?i-1`) go with the errors, but do not fail the check.
        std::string waarschuwingen;
        for (const auto& w : kb->regels().warnings().items()) waarschuwingen += format(w);
        if (!v.fouten.empty())
            return Uitvoer{2, {}, waarschuwingen + formatteer(v.fouten) + fmt::format("{} {} in {}\n", v.fouten.size(), v.fouten.size() == 1 ? "probleem" : "problemen", map)};
        return Uitvoer{0, fmt::format("{}: in orde ({} regels, {} templates, {} beginfeiten)\n", map, v.regels, v.templates, v.feiten),
                       waarschuwingen};
    });
}

Uitvoer voer_functies_uit(const std::string& kb_pad) {
    return veilig([&] {
        // The built-ins are there whatever knowledge base there is: without --kb and without a bundled
        // one they are listed all the same, with a word on standard error about what is left out.
        std::string map = kb_pad;
        std::string fout;
        bool meegeleverd = false;
        if (map.empty()) {
            const auto zoektocht = zoek_kennisbank();
            map = zoektocht.pad;
            meegeleverd = !zoektocht.van_gebruiker;
            if (map.empty()) {
                std::string waar;
                for (const auto& g : zoektocht.gezocht) waar += (waar.empty() ? "" : ", ") + g;
                fout = fmt::format("wegwijzer: geen kennisbank gevonden{}; alleen de ingebouwde functies (geef er een met "
                                   "--kb MAP of WEGWIJZER_KB=MAP)\n",
                                   waar.empty() ? std::string() : " (gezocht: " + waar + ")");
            }
        }
        // From the YAML, as lint: only the sources say where a function is written and what it does.
        std::string eigen;
        if (!map.empty()) {
            const RuleBase kennisbank = RuleBase::load(map);
            eigen = eigen_functies(kennisbank, map, kennisbank_in_kop(kennisbank, map, meegeleverd));
        }
        return Uitvoer{0, ingebouwde_functies() + eigen, fout};
    });
}

Uitvoer voer_woordenschat_uit(const std::string& kb_pad) {
    return veilig([&] {
        const auto kb = Kennisbank::laad_gekozen(kb_pad);
        Raadpleging raadpleging(*kb, kb->neem_engine());
        return Uitvoer{0, woordenschat_tekst(raadpleging.engine()), {}};
    });
}

Uitvoer voer_schema_uit(const std::string& kb_pad) {
    return veilig([&] {
        const auto kb = Kennisbank::laad_gekozen(kb_pad);
        Raadpleging raadpleging(*kb, kb->neem_engine());
        return Uitvoer{0, profiel_schema(raadpleging.vocabulaire()), {}};
    });
}

Uitvoer voer_test_uit(const std::string& map, const std::string& kb_pad, bool contract_toetsen) {
    return veilig([&] {
        const auto kb = Kennisbank::laad_gekozen(kb_pad);
        Raadpleging raadpleging(*kb, kb->neem_engine());
        const TestVerslag v = draai_scenarios(map, raadpleging, contract_toetsen);
        // Nothing ran (no such map, no scenario files): a coverage report would claim too much.
        // Past the limit on scenarios: refused as a whole rather than a report on the first part.
        if (v.scenarios.empty() || v.te_veel) return Uitvoer{2, {}, formatteer(v.fouten)};
        // Exit 2 (a scenario file with errors) leaves standard output empty, as every command does.
        const int status = v.status();
        return Uitvoer{status, status == 2 ? std::string() : verslag_tekst(v), formatteer(v.fouten)};
    });
}

}  // namespace ww::advies
