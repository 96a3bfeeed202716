// SPDX-License-Identifier: EUPL-1.2
// Checked reading of a YAML document against a fixed shape: maps with known keys, typed scalars,
// lists. Every problem is collected as a Fout at the node's position instead of stopping at the
// first, because the user wants to fix a file in one go. Shared by the profile reader and the
// scenario runner.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/mark.h>

#include "rules/yaml_tree.hpp"

#include "advies/fout.hpp"
#include "advies/suggestie.hpp"

namespace ww::advies {

using ww::YamlNode;

// The known keys of one map, each with its value node (first occurrence).
struct Velden {
    YamlNode kaart;
    struct Item {
        std::string sleutel;
        YAML::Mark plaats;  // of the key
        YamlNode waarde;
    };
    std::vector<Item> items;  // in document order, empty values included

    // The value of `sleutel`, or an undefined node when absent. A key whose value is empty (null)
    // counts as absent: "not known yet" is what an empty value means in a profile.
    YamlNode operator[](std::string_view sleutel) const;
    // Whether the key was written at all, even with an empty value.
    bool heeft(std::string_view sleutel) const;
    // Where the key was written (the map's own position when absent).
    YAML::Mark plaats(std::string_view sleutel) const;
};

class YamlLezer {
public:
    // `tekst`, the document's source when at hand, puts the offending line under each message.
    explicit YamlLezer(std::string bestand, std::string_view tekst = {}) : bestand_(std::move(bestand)), tekst_(tekst) {}

    // `pad` is where in the document the problem is (Fout::path): the checks below pass the path they
    // were given, the profile reader the path of what it reports; "" when it is no one place.
    void fout(const YAML::Mark& plaats, std::string melding, std::string_view pad = {});
    void fout(const YamlNode& node, std::string melding, std::string_view pad = {}) {
        fout(node.mark(), std::move(melding), pad);
    }
    const std::vector<Fout>& fouten() const { return fouten_; }
    std::vector<Fout> neem_fouten() { return std::move(fouten_); }
    const std::string& bestand() const { return bestand_; }

    // A map whose keys must come from `sleutels`. Unknown and duplicate keys are reported (with a
    // suggestion), the known ones returned. A null node is an empty map; anything else that is not
    // a map is reported and gives nullopt. `pad` names the map in messages ("" for the root).
    std::optional<Velden> kaart(const YamlNode& node, std::string_view pad, std::span<const std::string> sleutels);

    // A list; null is the empty list, anything else is reported and gives nullopt.
    std::optional<std::vector<YamlNode>> lijst(const YamlNode& node, std::string_view pad);

    // Scalars. An undefined or null node gives nullopt silently (absent); a node of the wrong type
    // is reported and gives nullopt.
    std::optional<bool> boolean(const YamlNode& node, std::string_view pad);
    std::optional<std::int64_t> geheel(const YamlNode& node, std::string_view pad);
    std::optional<double> getal(const YamlNode& node, std::string_view pad);
    std::optional<std::string> tekst(const YamlNode& node, std::string_view pad);
    // A word from a fixed list; `wat` names the kind in messages ("indicator"). An unknown word gets
    // "bedoelde je ...?" with the word it is near or, by `bedoelde`, plainly means (bedoeld_woord).
    // With `namen` (id -> name: the knowledge base's names of its factors, indicators or sources) the
    // word may also be such a name or hold its words, and the suggestion shows the name beside the id
    // (bedoeld_benoemd): "bedoelde je 'verloedering' (fysieke verloedering)?".
    std::optional<std::string> keuze(const YamlNode& node, std::string_view pad, std::span<const std::string> opties,
                                     std::string_view wat, std::string_view bedoelde = {},
                                     const std::map<std::string, std::string>* namen = nullptr);

private:
    std::string bestand_;
    std::string_view tekst_;
    std::vector<Fout> fouten_;
};

bool afwezig(const YamlNode& node);
// How a node looks, for messages: "'abc'", "een lijst", "een kaart".
std::string beschrijf(const YamlNode& node);
std::string samen(std::span<const std::string> woorden);  // "a, b of c"

}  // namespace ww::advies
