// SPDX-License-Identifier: EUPL-1.2
// `wegwijzer serve`: the HTTP service and the web app. This file parses and checks the arguments, then
// hands the process over to the service program (web/dienstprogramma.hpp).
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "web/dienstprogramma.hpp"
#include "web/grootte.hpp"
#include "web/herkomst.hpp"

namespace ww::cli {

void register_serve(CLI::App& app, Context& context) {
    struct Args {
        web::DienstOpties opties;
        std::string max_body = "1MiB";
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("serve", "Start de webdienst: de webapp en de HTTP-API");
    auto& o = args->opties;
    cmd->add_option("--adres", o.adres, "Adres om op te luisteren (standaard 127.0.0.1: alleen deze machine; 0.0.0.0: het netwerk)")
        ->type_name("ADRES");
    cmd->add_option("--poort", o.poort, "Poort (standaard 8080; 0 kiest een vrije poort)")
        ->type_name("N")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--kb", o.kb, "Map met een andere kennisbank (standaard: de meegeleverde)")->type_name("MAP");
    cmd->add_option("--threads", o.threads, "Aantal verbindingen tegelijk (standaard: 4 per kern, minstens 8)")
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u));
    cmd->add_option("--max-body", args->max_body, "Grootste verzoek, bijvoorbeeld 1MiB, 512KiB of 200000 (standaard 1MiB)")
        ->type_name("GROOTTE")
        ->check([](const std::string& s) {
            const auto g = web::lees_grootte(s);
            return g && *g > 0 ? std::string() : "'" + s + "' is geen grootte (bijvoorbeeld 1MiB, 512KiB of 200000)";
        });
    cmd->add_option("--cors", o.cors, "Sta de API toe voor webpagina's van deze herkomst (bijvoorbeeld https://intranet.gemeente.nl)")
        ->type_name("HERKOMST")
        ->check([](const std::string& s) { return web::herkomst_fout(s); });
    cmd->add_option("--leestijd", o.leestijd, "Seconden die een client mag stilvallen midden in een verzoek (standaard 10)")
        ->type_name("S")
        ->check(CLI::Range(1, 3600));
    cmd->callback([args, &context] {
        args->opties.max_body = static_cast<std::size_t>(*web::lees_grootte(args->max_body));
        context.exit_code = web::start_dienst(args->opties);
    });
}

}  // namespace ww::cli
