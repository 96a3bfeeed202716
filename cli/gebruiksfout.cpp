// SPDX-License-Identifier: EUPL-1.2
#include "cli/gebruiksfout.hpp"

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string_view>
#include <vector>

#include "advies/suggestie.hpp"

namespace ww::cli {
namespace {

// The part of `message` that `pattern`'s first group captures, or "" when it does not match.
std::string capture(const std::string& message, const char* pattern) {
    std::smatch m;
    if (std::regex_search(message, m, std::regex(pattern)) && m.size() > 1) return m[1].str();
    return {};
}

// 0.000000 -> "0", 2.500000 -> "2.5": the bounds as a person writes them.
std::string fmt_number(double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", x);
    return buffer;
}

// A byte position moved back to the start of a UTF-8 character, so that a cut never splits one.
std::size_t utf8_grens(const std::string& s, std::size_t pos) {
    while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

// CLI11's message repeats what the user typed, and libstdc++'s std::regex recurses per character: an
// argument of 40,000 characters overflowed the stack. A word over 400 bytes (a number as long as
// DBL_MAX written out stays whole: CLI11 writes it in a range) keeps about its first 60
// and last 20 with "…" between, and the whole message stops after 4,000 bytes: enough to recognise
// what was typed.
std::string ingekort(const std::string& message) {
    constexpr std::size_t max_woord = 400, begin = 60, eind = 20, max_bericht = 4000;
    std::string uit;
    std::size_t i = 0;
    while (i < message.size() && uit.size() <= max_bericht) {
        const std::size_t spatie = message.find(' ', i);
        const std::size_t einde = spatie == std::string::npos ? message.size() : spatie;
        if (einde - i > max_woord) {
            const std::size_t kop = utf8_grens(message, i + begin), staart = utf8_grens(message, einde - eind);
            uit += message.substr(i, kop - i) + "…" + message.substr(staart, einde - staart);
        } else {
            uit += message.substr(i, einde - i);
        }
        if (spatie == std::string::npos) break;
        uit += ' ';
        i = spatie + 1;
    }
    if (uit.size() > max_bericht) uit = uit.substr(0, utf8_grens(uit, max_bericht)) + "…";
    return uit;
}

}  // namespace

std::string gebruiksfout_nl(const CLI::App& app, const CLI::Error& fout) {
    const std::string message = ingekort(fout.what());
    const std::string kind = fout.get_name();
    std::string what;

    if (kind == "RequiredError") {
        if (message.find("subcommand") != std::string::npos) {
            std::string opdrachten;
            std::vector<std::string> namen;
            for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
                opdrachten += (opdrachten.empty() ? "" : ", ") + sub->get_name();
                namen.push_back(sub->get_name());
            }
            auto rest = app.remaining();
            if (!rest.empty()) {
                // A typo gets the one command meant; anything else the whole list.
                if (auto bedoeld = advies::dichtstbij(rest.front(), namen))
                    return "onbekende opdracht '" + rest.front() + "'; bedoelde je '" + *bedoeld + "'?";
                return "onbekende opdracht '" + rest.front() + "' (opdrachten: " + opdrachten + ")";
            }
            return "geef een opdracht (" + opdrachten + ")";
        }
        what = capture(message, R"(^(.*) is required)");
        if (!what.empty()) return what + " ontbreekt";
        return "een verplicht argument ontbreekt";
    }
    // CLI11 raises this one under more than one name (the app's and a subcommand's extras).
    if (kind == "ExtrasError" || message.find("not expected:") != std::string::npos) {
        what = capture(message, R"(not expected: (.*)$)");
        return "onverwacht argument: " + (what.empty() ? message : what);
    }
    if (kind == "ValidationError") {
        std::smatch m;
        if (std::regex_search(message, m, std::regex(R"(^(\S+): (.*) not in \{(.*)\}$)")))
            return m[1].str() + ": '" + m[2].str() + "' is geen van " + m[3].str();
        if (std::regex_search(message, m, std::regex(R"(^(\S+): Value (\S+) not in range (\S+) to (\S+))"))) {
            const std::string option = m[1].str(), value = m[2].str();
            char* end = nullptr;
            std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end != '\0') return option + ": '" + value + "' is geen getal";
            // CLI11 writes "at least x" as the range x..DBL_MAX; say it the way a person would.
            const double low = std::strtod(m[3].str().c_str(), nullptr);
            const double high = std::strtod(m[4].str().c_str(), nullptr);
            if (high > 1e300) return option + ": " + value + " is te klein; het minimum is " + fmt_number(low);
            return option + ": " + value + " ligt niet tussen " + fmt_number(low) + " en " + fmt_number(high);
        }
        if (std::regex_search(message, m, std::regex(R"(^(\S+): .*(positive|non-negative))")))
            return m[1].str() + ": geef een " + (m[2].str() == "positive" ? "positief" : "niet-negatief") + " getal";
        // The program's own checks (--max-body, --cors) already say in Dutch what is wrong with the value.
        if (std::regex_search(message, std::regex(R"(^--[A-Za-z0-9-]+: ')"))) return message;
        return "ongeldige waarde: " + message;
    }
    if (kind == "ConversionError") {
        what = capture(message, R"(convert: (.*)$)");
        return "kan deze waarde niet omzetten: " + (what.empty() ? message : what);
    }
    if (kind == "ArgumentMismatch") {
        what = capture(message, R"(^(\S+):)");
        return (what.empty() ? std::string("een optie") : what) + " heeft niet het juiste aantal waarden";
    }
    if (kind == "OptionNotFound") return "onbekende optie: " + message;
    if (kind == "ExcludesError") return "deze opties gaan niet samen: " + message;
    if (kind == "RequiresError") return "deze optie vraagt om een andere: " + message;
    if (kind == "FileError") {
        what = capture(message, R"(^(.*): File does not exist)");
        if (!what.empty()) return what + ": bestand bestaat niet";
    }
    return "ongeldig gebruik: " + message;
}

}  // namespace ww::cli
