// wegwijzer: argument parsing and dispatch to the subcommands (cli/cmd_*.cpp).
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/gebruiksfout.hpp"
#include "cli/hulp_nl.hpp"
#include "advies/opdrachten.hpp"
#include "engine/engine.hpp"
#include "rules/diagnostic.hpp"

#ifndef WW_VERSION
#define WW_VERSION "onbekend"
#endif

int main(int argc, char** argv) {
    // Output may go to a pipe that closes early (`wegwijzer ... | head`): instead of dying by SIGPIPE
    // the write fails quietly and the program ends with its own status (docs/robuustheid.md).
    std::signal(SIGPIPE, SIG_IGN);
    CLI::App app{"wegwijzer: een regelgebaseerd expertsysteem voor lokaal veiligheidsbeleid"};
    // Usage errors in the program's own format; set before the subcommands, which copy it.
    app.failure_message([](const CLI::App* failing, const CLI::Error& e) {
        return "wegwijzer: fout: " + ww::cli::gebruiksfout_nl(*failing, e) + "\n(wegwijzer --help toont de opdrachten en hun opties)\n";
    });
    ww::cli::nederlandse_hulp(app);
    app.set_help_flag("-h,--help", "Toon deze hulp");
    app.set_version_flag("-V,--version", std::string("wegwijzer ") + WW_VERSION, "Toon de versie");
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Toon de hulp van alle opdrachten");

    ww::cli::Context context;
    ww::cli::register_run(app, context);
    ww::cli::register_functies(app, context);
    ww::cli::register_advies(app, context);
    ww::cli::register_communicatie(app, context);
    ww::cli::register_waarom_niet(app, context);
    ww::cli::register_lint(app, context);
    ww::cli::register_test(app, context);
    ww::cli::register_sjabloon(app, context);
    ww::cli::register_woordenschat(app, context);
    ww::cli::groepeer_opdrachten(app);
    // --kleur for the commands that write text for a person.
    for (const char* naam : {"advies", "communicatie"}) {
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? ww::cli::exit_ok : ww::cli::exit_bad_input;
    } catch (const ww::LoadError& e) {
        e.diagnostics.print(std::cerr);
        return ww::cli::exit_bad_input;
    } catch (const ww::FiringLimitError& e) {
        std::cerr << "wegwijzer: fout: " << e.what() << '\n';
        return ww::cli::exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "wegwijzer: fout: " << e.what() << '\n';
        return ww::cli::exit_failure;
    } catch (...) {
        std::cerr << "wegwijzer: fout: onbekende interne fout\n";
        return ww::cli::exit_failure;
    }
    return context.exit_code;
}
