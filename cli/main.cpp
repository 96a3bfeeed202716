// SPDX-License-Identifier: EUPL-1.2
// wegwijzer: argument parsing and dispatch to the subcommands (cli/cmd_*.cpp).
#include <iostream>
#include <sstream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/gebruiksfout.hpp"
#include "cli/uitvoer.hpp"
#include "cli/hulp_nl.hpp"
#include "advies/advies.hpp"
#include "advies/opdrachten.hpp"
#include "engine/engine.hpp"
#include "rules/diagnostic.hpp"

int main(int argc, char** argv) {
    // Before anything is opened or written: no signal for a closed pipe or a file-size limit, and
    // descriptors 0-2 occupied (cli/uitvoer.hpp).
    ww::cli::bereid_uitvoer_voor();
    CLI::App app{"wegwijzer: een regelgebaseerd expertsysteem voor lokaal veiligheidsbeleid"};
    // Usage errors in the program's own format; set before the subcommands, which copy it.
    app.failure_message([](const CLI::App* failing, const CLI::Error& e) {
        return "wegwijzer: fout: " + ww::cli::gebruiksfout_nl(*failing, e) + "\n(wegwijzer --help toont de opdrachten en hun opties)\n";
    });
    ww::cli::nederlandse_hulp(app);
    app.set_help_flag("-h,--help", "Toon deze hulp");
    app.set_version_flag("-V,--version", std::string(ww::advies::programma()), "Toon de versie");
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Toon de hulp van alle opdrachten");

    ww::cli::Context context;
    // Every subcommand with the function that adds it, in the order of `wegwijzer --help`.
    struct Opdracht {
        const char* naam;
        void (*registreer)(CLI::App&, ww::cli::Context&);
    };
    static constexpr Opdracht opdrachten[] = {
        {"run", ww::cli::register_run},
        {"functies", ww::cli::register_functies},
        {"advies", ww::cli::register_advies},
        {"communicatie", ww::cli::register_communicatie},
        {"waarom-niet", ww::cli::register_waarom_niet},
        {"lint", ww::cli::register_lint},
        {"test", ww::cli::register_test},
        {"maak-beeld", ww::cli::register_maak_beeld},
        {"sjabloon", ww::cli::register_sjabloon},
        {"woordenschat", ww::cli::register_woordenschat},
        {"schema", ww::cli::register_schema},
        {"serve", ww::cli::register_serve},
        {"vraaggesprek", ww::cli::register_vraaggesprek},
    };
    // A command line that starts with a subcommand's name needs only that subcommand: adding all
    // thirteen with their options cost a cold `wegwijzer advies` 0.6 M instructions (docs/prestaties.md,
    // "Koud"). Anything else (an option first, a misspelt or unknown name, no argument) gets them all,
    // for the help, the suggestions and the error messages that list them.
    const Opdracht* gekozen = nullptr;
    if (argc > 1)
        for (const Opdracht& o : opdrachten)
            if (std::string_view(argv[1]) == o.naam) gekozen = &o;
    if (gekozen != nullptr) gekozen->registreer(app, context);
    else
        for (const Opdracht& o : opdrachten) o.registreer(app, context);
    ww::cli::groepeer_opdrachten(app);
    // --kleur for the commands that write text for a person.
    for (const char* naam : {"advies", "communicatie"}) {
        if (gekozen != nullptr && std::string_view(gekozen->naam) != naam) continue;
        app.get_subcommand(naam)
            ->add_option_function<std::string>(
                "--kleur",
                [](const std::string& k) {
                    ww::advies::kies_kleur(k == "altijd" ? ww::advies::Kleur::altijd
                                           : k == "nooit" ? ww::advies::Kleur::nooit
                                                          : ww::advies::Kleur::automatisch);
                },
                "Kleur in de tekstuitvoer: auto (standaard: op een terminal, zonder NO_COLOR en TERM=dumb), altijd of nooit")
            ->check(CLI::IsMember({"auto", "altijd", "nooit"}));
    }

    int status = context.exit_code;
    try {
        app.parse(argc, argv);
        status = context.exit_code;
    } catch (const CLI::ParseError& e) {
        // Help, version and usage errors through the checked writers, like every other output.
        std::ostringstream uit, fout;
        int code = app.exit(e, uit, fout);
        ww::cli::schrijf_uit(uit.str());
        ww::cli::schrijf_fout(fout.str());
        status = code == 0 ? ww::cli::exit_ok : ww::cli::exit_bad_input;
    } catch (const ww::LoadError& e) {
        std::ostringstream s;
        e.diagnostics.print(s);
        ww::cli::schrijf_fout(s.str());
        status = ww::cli::exit_bad_input;
    } catch (const std::bad_alloc&) {
        ww::cli::schrijf_fout("wegwijzer: fout: onvoldoende geheugen; de invoer is te groot voor deze machine\n");
        status = ww::cli::exit_failure;
    } catch (const std::exception& e) {
        ww::cli::schrijf_fout(std::string("wegwijzer: fout: ") + e.what() + '\n');
        status = ww::cli::exit_failure;
    } catch (...) {
        ww::cli::schrijf_fout("wegwijzer: fout: onbekende interne fout\n");
        status = ww::cli::exit_failure;
    }
    return ww::cli::sluit_uitvoer(status);
}
