// SPDX-License-Identifier: EUPL-1.2
#include "web/profiel_paden.hpp"

#include <exception>

#include "rules/input_limits.hpp"
#include "rules/yaml_tree.hpp"

namespace ww::web {

namespace {

// The 1-based column of a mark in characters (yaml-cpp counts bytes), as the profile reader counts it.
int kolom_in_tekens(std::string_view tekst, const YAML::Mark& m) {
    if (m.is_null() || m.pos < m.column || static_cast<std::size_t>(m.pos) > tekst.size()) return m.column + 1;
    int tekens = 0;
    for (auto i = static_cast<std::size_t>(m.pos - m.column); i < static_cast<std::size_t>(m.pos); ++i)
        tekens += (static_cast<unsigned char>(tekst[i]) & 0xC0) != 0x80;
    return tekens + 1;
}

// The path a message says is missing: the quoted text before "' ontbreekt" ('gemeente.naam' ontbreekt).
std::string_view ontbrekend_pad(std::string_view melding) {
    const auto eind = melding.find("' ontbreekt");
    if (eind == std::string_view::npos) return {};
    const auto begin = melding.rfind('\'', eind == 0 ? 0 : eind - 1);
    if (begin == std::string_view::npos || begin == eind) return {};
    return melding.substr(begin + 1, eind - begin - 1);
}

// `kind` is a key directly inside the map at `ouder` ("" is the root).
bool sleutel_van(std::string_view kind, std::string_view ouder) {
    if (!ouder.empty()) {
        if (kind.size() <= ouder.size() + 1 || !kind.starts_with(ouder) || kind[ouder.size()] != '.') return false;
        kind.remove_prefix(ouder.size() + 1);
    }
    return !kind.empty() && kind.find_first_of(".[]") == std::string_view::npos;
}

struct Verkenner {
    std::string_view tekst;
    std::map<std::pair<int, int>, std::vector<std::string>>& paden;
    int diepte = 0;

    void noteer(const YamlNode& node, const std::string& pad) {
        const YAML::Mark m = node.mark();
        if (m.is_null() || pad.empty()) return;
        paden[{m.line + 1, kolom_in_tekens(tekst, m)}].push_back(pad);
    }

    void bezoek(const YamlNode& node, const std::string& pad) {
        // Aliases make a tree a graph; a profile is never this deep.
        if (++diepte > 64) {
            --diepte;
            return;
        }
        noteer(node, pad);
        if (node.is_map()) {
            for (const auto& [sleutel, waarde] : node.entries()) {
                if (!sleutel.is_scalar()) continue;
                const std::string kind = pad.empty() ? sleutel.scalar() : pad + "." + sleutel.scalar();
                noteer(sleutel, kind);
                bezoek(waarde, kind);
            }
        } else if (node.is_sequence()) {
            const auto items = node.items();
            for (std::size_t i = 0; i < items.size(); ++i) bezoek(items[i], pad + "[" + std::to_string(i + 1) + "]");
        }
        --diepte;
    }
};

}  // namespace

ProfielPaden::ProfielPaden(std::string_view tekst) {
    try {
        const YamlDocuments documenten = load_yaml_documents(tekst);
        Verkenner v{tekst, paden_};
        for (const YamlNode& wortel : documenten.roots) {
            if (const YAML::Mark m = wortel.mark(); !m.is_null()) wortels_.insert({m.line + 1, kolom_in_tekens(tekst, m)});
            v.bezoek(wortel, "");
        }
    } catch (const std::exception&) {
        // A syntax error: its message carries the position, there is no path.
        paden_.clear();
        wortels_.clear();
    }
}

std::string ProfielPaden::pad(int regel, int kolom, std::string_view melding) const {
    const auto it = paden_.find({regel, kolom});
    if (const std::string_view ontbrekend = ontbrekend_pad(melding); !ontbrekend.empty()) {
        if (wortels_.contains({regel, kolom}) && sleutel_van(ontbrekend, "")) return std::string(ontbrekend);
        if (it != paden_.end())
            for (const std::string& p : it->second)
                if (sleutel_van(ontbrekend, p)) return std::string(ontbrekend);
    }
    if (it == paden_.end()) return {};
    const auto& kandidaten = it->second;
    // The innermost path, unless the message is about an outer one: named whole, or as the start of
    // a path it misses ('gemeente.naam' ontbreekt, said at the map's first key).
    const std::string& binnenste = kandidaten.back();
    const auto laatste = binnenste.find_last_of(".]");
    const std::string naam = laatste == std::string::npos ? binnenste : binnenste.substr(laatste + 1);
    if (melding.find("'" + binnenste + "'") != std::string_view::npos || melding.find("'" + naam + "'") != std::string_view::npos)
        return binnenste;
    for (auto p = kandidaten.rbegin() + 1; p != kandidaten.rend(); ++p)
        if (melding.find("'" + *p + "'") != std::string_view::npos || melding.find("'" + *p + ".") != std::string_view::npos)
            return *p;
    return binnenste;
}

}  // namespace ww::web
