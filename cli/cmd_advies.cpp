// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer advies PROFIEL` and `wegwijzer communicatie PLAN`: advice for a gemeenteprofiel, or for
// a communication plan alone. The logic is in advies/opdrachten.hpp; this file parses arguments.
#include <memory>
#include <string>

#include "advies/opdrachten.hpp"
#include "cli/commands.hpp"
#include "cli/uitvoer.hpp"

namespace ww::cli {

namespace {

struct AdviesArgumenten {
    std::string profiel;
    std::string formaat = "text";
    bool uitleg = false;
    std::string kb;
    bool kosten = false;
    bool kosten_tijd = false;
};

void registreer(CLI::App& app, Context& context, const char* naam, const char* uitleg, const char* bestand,
                advies::Opdracht opdracht) {
    auto args = std::make_shared<AdviesArgumenten>();
    auto* cmd = app.add_subcommand(naam, uitleg);
    cmd->add_option(bestand, args->profiel,
                    opdracht == advies::Opdracht::communicatie
                        ? "Het communicatieplan: een gemeenteprofiel (YAML of JSON) waarvan gemeente en communicatie meetellen; - leest standaardinvoer"
                        : "Het gemeenteprofiel (YAML of JSON); - leest standaardinvoer")
        ->type_name("BESTAND")
        ->required();
    cmd->add_option("--format,-f", args->formaat, "Uitvoer: text (standaard), json, markdown of html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    cmd->add_flag("--uitleg", args->uitleg, "Toon per advies de keten van regels en feiten waarop het rust");
    cmd->add_option("--kb", args->kb, "Map met een andere kennisbank (standaard: de meegeleverde)")->type_name("MAP");
    cmd->add_flag("--kosten", args->kosten,
                  "Toon na het advies per regel wat de raadpleging kostte: tokens, activaties, vuringen, feiten (op stderr)");
    cmd->add_flag("--kosten-tijd", args->kosten_tijd, "Als --kosten, met de tijd in de vuringen van elke regel");
    cmd->callback([args, &context, opdracht] {
        advies::AdviesOpties o;
        o.profiel = args->profiel;
        o.opdracht = opdracht;
        o.formaat = *advies::formaat_uit(args->formaat);
        o.opmaak = o.formaat == advies::Formaat::text ? advies::terminal_opmaak() : advies::OpmaakOpties{};
        o.opmaak.uitleg = args->uitleg;
        o.kb = args->kb;
        o.proces_eindigt = true;
        o.kosten = args->kosten;
        o.kosten_tijd = args->kosten_tijd;
        const auto u = advies::voer_advies_uit(o);
        schrijf(u);
        context.exit_code = u.status;
    });
}

}  // namespace

void register_advies(CLI::App& app, Context& context) {
    registreer(app, context, "advies", "Geef advies voor een gemeenteprofiel", "PROFIEL", advies::Opdracht::advies);
}

void register_communicatie(CLI::App& app, Context& context) {
    registreer(app, context, "communicatie",
               "Toets een communicatieplan (een profiel; alleen gemeente en communicatie tellen mee)", "PLAN",
               advies::Opdracht::communicatie);
}

}  // namespace ww::cli
