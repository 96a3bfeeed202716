// SPDX-License-Identifier: EUPL-1.2
// clips2ww: converts a CLIPS deffacts file (classic benchmark data) into a wegwijzer facts file, so
// both engines can be run on exactly the same data. The generators in bench/ write CLIPS data only
// and go through this converter too.
#include <CLI/CLI.hpp>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "clips_facts.hpp"

namespace {

using ww::bench::ClipsFact;
using ww::bench::ClipsSyntaxError;
using ww::bench::ClipsValue;

// Words of the rule language that a bare symbol cannot be.
constexpr std::array reserved{"true", "false", "nil", "and", "or", "not", "in"};

bool is_identifier(const std::string& s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    for (const char* word : reserved)
        if (s == word) return false;
    return true;
}

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '{': out += "{{"; break;  // no interpolation: the text is data
            case '}': out += "}}"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

std::string literal(const ClipsValue& v, const ClipsFact& fact) {
    switch (v.kind) {
        case ClipsValue::Kind::integer:
            return v.text.starts_with('+') ? v.text.substr(1) : v.text;
        case ClipsValue::Kind::floating: {
            std::string t = v.text.starts_with('+') ? v.text.substr(1) : v.text;
            if (t.starts_with('.')) t = "0" + t;
            if (t.starts_with("-.")) t = "-0" + t.substr(1);
            if (t.find_first_of(".eE") == std::string::npos) t += ".0";
            return t;
        }
        case ClipsValue::Kind::string:
            return quote(v.text);
        case ClipsValue::Kind::symbol:
            if (!is_identifier(v.text))
                throw ClipsSyntaxError("symbool '" + v.text + "' is geen naam in de regeltaal", fact.line, fact.column);
            return v.text;
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Zet een CLIPS-deffactsbestand om in een wegwijzer-feitenbestand."};
    std::string input;
    std::string output = "-";
    app.add_option("invoer", input, "CLIPS-bestand met (deffacts ...)")->required();
    app.add_option("-o,--uitvoer", output, "feitenbestand (YAML); '-' is stdout");
    CLI11_PARSE(app, argc, argv);

    std::ifstream in(input);
    if (!in) {
        std::cerr << input << ":1:1: fout: kan het bestand niet lezen\n";
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();

    YAML::Emitter out;
    try {
        const auto facts = ww::bench::read_deffacts(buffer.str());
        out << YAML::Comment("Gemaakt door bench/clips2ww uit " + input + "; niet met de hand wijzigen.");
        // The facts file of `wegwijzer run RULES FACTS`: a plain list of facts in pattern syntax.
        out << YAML::BeginSeq;
        for (const ClipsFact& fact : facts) {
            if (!is_identifier(fact.tmpl))
                throw ClipsSyntaxError("template '" + fact.tmpl + "' is geen naam in de regeltaal", fact.line, fact.column);
            std::string text = fact.tmpl + "(";
            for (std::size_t i = 0; i < fact.slots.size(); ++i) {
                const auto& [slot, value] = fact.slots[i];
                if (!is_identifier(slot))
                    throw ClipsSyntaxError("slot '" + slot + "' is geen naam in de regeltaal", fact.line, fact.column);
                text += (i ? ", " : "") + slot + ": " + literal(value, fact);
            }
            out << YAML::DoubleQuoted << (text + ")");
        }
        out << YAML::EndSeq;
    } catch (const ClipsSyntaxError& e) {
        std::cerr << input << ':' << e.line << ':' << e.column << ": fout: " << e.what() << '\n';
        return 2;
    }

    if (output == "-") {
        std::cout << out.c_str() << '\n';
    } else {
        std::ofstream file(output);
        file << out.c_str() << '\n';
        if (!file) {
            std::cerr << output << ":1:1: fout: kan het bestand niet schrijven\n";
            return 1;
        }
    }
    return 0;
}
