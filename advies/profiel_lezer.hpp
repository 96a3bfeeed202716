// SPDX-License-Identifier: EUPL-1.2
// Reads and validates a gemeenteprofiel (the public input contract, version 1) and turns it into the
// facts of knowledge-base/invoer.yaml. Every problem is reported, each at its own position; a
// profile with problems gives no facts at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advies/fout.hpp"
#include "advies/invoer.hpp"
#include "advies/vocabulaire.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::advies {

struct ProfielResultaat {
    std::optional<Invoer> invoer;  // set exactly when `fouten` is empty
    std::vector<Fout> fouten;
};

// `wortel` is the parsed document; positions in messages are its marks, named `bestand`. Used
// directly by the scenario runner, whose profiles sit inside a scenario file.
ProfielResultaat lees_profiel(const YamlNode& wortel, const std::string& bestand, const Vocabulaire& vocabulaire,
                              Opdracht opdracht);

// The same, with the document's source text for showing the offending line under each message.
ProfielResultaat lees_profiel(const YamlNode& wortel, const std::string& bestand, std::string_view tekst,
                              const Vocabulaire& vocabulaire, Opdracht opdracht);

// Parses `tekst` (YAML or JSON) first; a syntax error is reported like any other problem.
ProfielResultaat lees_profiel_tekst(std::string_view tekst, const std::string& bestand,
                                    const Vocabulaire& vocabulaire, Opdracht opdracht);

// Reads the file at `pad` ("-": standard input).
ProfielResultaat lees_profiel_bestand(const std::string& pad, const Vocabulaire& vocabulaire, Opdracht opdracht);

// The same in two halves, for reading one text with more than one vocabulary (standard input can be
// read only once): the text of the file at `pad` under its name in messages, or the problems reading
// it, as lees_profiel_bestand reports them; then the profile in it.
struct Profieltekst {
    std::string naam;
    std::string tekst;
    std::vector<Fout> fouten;
};
Profieltekst lees_profieltekst(const std::string& pad);
ProfielResultaat lees_profiel(const Profieltekst& tekst, const Vocabulaire& vocabulaire, Opdracht opdracht);

}  // namespace ww::advies
