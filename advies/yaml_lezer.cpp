// SPDX-License-Identifier: EUPL-1.2
#include "advies/yaml_lezer.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <charconv>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "advies/en_lijst.hpp"
#include "advies/getal_nl.hpp"
#include "advies/suggestie.hpp"

namespace ww::advies {

namespace {

std::string_view regel_van(std::string_view tekst, int regel);

// Quoted scalars carry the non-specific tag "!"; plain ones "?". A quoted "12" is text, not a number.
bool is_geciteerd(const YamlNode& node) { return node.tag() == "!"; }

std::string naam_in(std::string_view pad) { return pad.empty() ? std::string("het profiel") : fmt::format("'{}'", pad); }

// A figure as a person writes it in Dutch (12,5 or 12,5% or 38.000) or as a spreadsheet exports it (in
// quotes) is the likeliest mistake in a number: say what to change and how the reader wants it, so that
// nobody has to guess. "" when the text is no number written in one of those ways.
std::string schrijfwijze_getal(const YamlNode& node, bool geheel) {
    if (!node.is_scalar()) return {};
    std::string s = node.scalar();
    std::vector<std::string> wat;
    if (!s.empty() && s.back() == '%') {
        s.pop_back();
        while (!s.empty() && s.back() == ' ') s.pop_back();
        wat.emplace_back("geen %");
    }
    if (geheel) {
        if (const auto scheiding = duizendtalscheiding(s)) {
            wat.insert(wat.begin(), fmt::format("geen {} tussen de duizendtallen",
                                                *scheiding == '.' ? "punt" : *scheiding == ',' ? "komma" : "spatie"));
            std::erase(s, *scheiding);
        }
    } else if (s.find(',') != std::string::npos) {
        std::replace(s.begin(), s.end(), ',', '.');
        wat.insert(wat.begin(), "een decimale punt");
    }
    if (is_geciteerd(node)) wat.emplace_back("geen aanhalingstekens");
    if (wat.empty() || s.empty()) return {};
    const char* const eind = s.data() + s.size();
    if (geheel) {
        std::int64_t w = 0;
        if (auto [e, ec] = std::from_chars(s.data(), eind, w); ec != std::errc() || e != eind) return {};
    } else {
        double w = 0;
        if (auto [e, ec] = std::from_chars(s.data(), eind, w); ec != std::errc() || e != eind || !std::isfinite(w)) return {};
    }
    return fmt::format("; schrijf {}: {}", en_lijst(wat), s);
}

}  // namespace

bool afwezig(const YamlNode& node) { return !node.is_defined() || node.is_null(); }

std::string beschrijf(const YamlNode& node) {
    if (node.is_map()) return "een kaart";
    if (node.is_sequence()) return "een lijst";
    if (node.is_scalar() && is_geciteerd(node)) return fmt::format("de tekst \"{}\"", node.scalar());
    if (node.is_scalar()) return fmt::format("'{}'", node.scalar());
    return "niets";
}

std::string samen(std::span<const std::string> woorden) {
    std::string uit;
    for (std::size_t i = 0; i < woorden.size(); ++i) {
        if (i > 0) uit += (i + 1 == woorden.size()) ? " of " : ", ";
        uit += woorden[i];
    }
    return uit;
}

YamlNode Velden::operator[](std::string_view sleutel) const {
    for (const auto& i : items)
        if (i.sleutel == sleutel && !i.waarde.is_null()) return i.waarde;
    return YamlNode();
}

bool Velden::heeft(std::string_view sleutel) const {
    for (const auto& i : items)
        if (i.sleutel == sleutel) return true;
    return false;
}

YAML::Mark Velden::plaats(std::string_view sleutel) const {
    for (const auto& i : items)
        if (i.sleutel == sleutel) return i.plaats;
    return kaart.is_defined() ? kaart.mark() : YAML::Mark::null_mark();
}

namespace {
std::string_view regel_van(std::string_view tekst, int regel) {
    std::size_t begin = 0;
    for (int i = 0; i < regel; ++i) {
        begin = tekst.find('\n', begin);
        if (begin == std::string_view::npos) return {};
        ++begin;
    }
    std::size_t eind = tekst.find('\n', begin);
    std::string_view r = tekst.substr(begin, eind == std::string_view::npos ? std::string_view::npos : eind - begin);
    if (!r.empty() && r.back() == '\r') r.remove_suffix(1);
    return r;
}

// The line of a mark, found around its byte offset when that agrees with its column: counting lines
// from the start for every message made a file of 100,000 faulty scenarios (each its own profile
// reader, each with its own messages) quadratic.
std::string_view regel_bij(std::string_view tekst, const YAML::Mark& plaats, int regel) {
    if (plaats.pos >= 0 && static_cast<std::size_t>(plaats.pos) <= tekst.size() && plaats.column >= 0) {
        const auto pos = static_cast<std::size_t>(plaats.pos);
        const std::size_t vorige = pos == 0 ? std::string_view::npos : tekst.rfind('\n', pos - 1);
        const std::size_t begin = vorige == std::string_view::npos ? 0 : vorige + 1;
        if (pos - begin == static_cast<std::size_t>(plaats.column)) {
            std::size_t eind = tekst.find('\n', begin);
            std::string_view r = tekst.substr(begin, eind == std::string_view::npos ? std::string_view::npos : eind - begin);
            if (!r.empty() && r.back() == '\r') r.remove_suffix(1);
            return r;
        }
    }
    return regel_van(tekst, regel);
}
}  // namespace

void YamlLezer::fout(const YAML::Mark& plaats, std::string melding, std::string_view pad) {
    // Past the limit, finding the line would only cost time (see Diagnostics::max_items).
    if (fouten_.size() > Diagnostics::max_items) return;
    if (fouten_.size() == Diagnostics::max_items) {
        melding = fmt::format("meer dan {} problemen; de rest wordt niet gemeld", Diagnostics::max_items);
        pad = {};
    }
    // yaml-cpp counts from 0 and has no mark for nodes made in code.
    const bool onbekend = plaats.is_null() || plaats.line < 0;
    Fout f;
    f.file = bestand_;
    f.line = onbekend ? 1 : plaats.line + 1;
    f.col = onbekend ? 1 : plaats.column + 1;
    f.message = std::move(melding);
    f.path = pad;
    if (!tekst_.empty()) {
        const std::string_view r = onbekend ? regel_van(tekst_, 0) : regel_bij(tekst_, plaats, f.line - 1);
        // yaml-cpp counts columns in bytes; a diagnostic counts characters.
        int tekens = 0;
        for (int i = 0; i < f.col - 1 && i < static_cast<int>(r.size()); ++i)
            if ((static_cast<unsigned char>(r[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) ++tekens;
        if (f.col - 1 <= static_cast<int>(r.size())) f.col = tekens + 1;
        f.source_line = excerpt(r, f.col, f.source_col);
    }
    fouten_.push_back(std::move(f));
}

std::optional<Velden> YamlLezer::kaart(const YamlNode& node, std::string_view pad, std::span<const std::string> sleutels) {
    Velden velden;
    velden.kaart = node;
    if (afwezig(node)) return velden;
    if (!node.is_map()) {
        fout(node, fmt::format("{} moet een kaart (sleutel: waarde) zijn, niet {}", naam_in(pad), beschrijf(node)), pad);
        return std::nullopt;
    }
    // Key -> line, for duplicates: the keys seen so far, searched in a row on the stack while a map is
    // as small as a profile's (no allocation at all), in a std::map once it is not (a hostile file may
    // have 100,000 keys).
    constexpr std::size_t klein = 32;
    struct Gezien {  // trivial, so that the row is not written before it is used
        const char* sleutel;
        std::size_t lengte;
        int regel;
    };
    std::array<Gezien, klein> gezien_rij;
    std::size_t aantal_gezien = 0;
    std::map<std::string_view, int> gezien;
    // Room for the keys at once, not a move of all of them at each doubling (each known key is kept
    // once: no more items than known keys, whatever the map holds).
    velden.items.reserve(std::min(node.size(), sleutels.size()));
    const auto eerder_op = [&](std::string_view k) -> std::optional<int> {
        if (gezien.empty()) {
            for (std::size_t i = 0; i < aantal_gezien; ++i)
                if (std::string_view(gezien_rij[i].sleutel, gezien_rij[i].lengte) == k) return gezien_rij[i].regel;
            return std::nullopt;
        }
        const auto it = gezien.find(k);
        return it == gezien.end() ? std::nullopt : std::optional<int>(it->second);
    };
    const auto onthoud = [&](std::string_view k, int regel) {
        if (gezien.empty() && aantal_gezien < klein) {
            gezien_rij[aantal_gezien++] = {k.data(), k.size(), regel};
            return;
        }
        if (gezien.empty())
            for (std::size_t i = 0; i < aantal_gezien; ++i)
                gezien.emplace(std::string_view(gezien_rij[i].sleutel, gezien_rij[i].lengte), gezien_rij[i].regel);
        gezien.emplace(k, regel);
    };
    for (const auto& paar : node.entries()) {
        // Copies: the pair is a temporary of the iterator, and nodes are cheap handles.
        const YamlNode sleutel = paar.first;
        const YamlNode waarde = paar.second;
        if (!sleutel.is_scalar()) {
            fout(sleutel, fmt::format("een sleutel in {} moet een woord zijn, niet {}", naam_in(pad), beschrijf(sleutel)), pad);
            continue;
        }
        const std::string& k = sleutel.scalar();
        // Only problems need the key's path (most keys have none).
        const auto sleutelpad = [&] { return pad.empty() ? k : fmt::format("{}.{}", pad, k); };
        if (const auto eerder = eerder_op(k)) {
            fout(sleutel, fmt::format("sleutel '{}' staat twee keer in {} (eerder op regel {})", k, naam_in(pad), *eerder),
                 sleutelpad());
            continue;
        }
        onthoud(k, sleutel.mark().line + 1);
        if (std::find(sleutels.begin(), sleutels.end(), k) == sleutels.end()) {
            if (pad.empty())
                fout(sleutel, fmt::format("onbekende sectie '{}'{}", k, bedoelde_je(k, sleutels)), sleutelpad());
            else
                fout(sleutel, fmt::format("onbekende sleutel '{}' in '{}'{}", k, pad, bedoelde_je(k, sleutels)), sleutelpad());
            continue;
        }
        velden.items.push_back(Velden::Item{k, sleutel.mark(), waarde});
    }
    return velden;
}

std::optional<std::vector<YamlNode>> YamlLezer::lijst(const YamlNode& node, std::string_view pad) {
    std::vector<YamlNode> uit;
    if (afwezig(node)) return uit;
    if (!node.is_sequence()) {
        fout(node, fmt::format("'{}' moet een lijst zijn, niet {}", pad, beschrijf(node)), pad);
        return std::nullopt;
    }
    for (const auto& e : node.items()) uit.push_back(e);
    return uit;
}

std::optional<bool> YamlLezer::boolean(const YamlNode& node, std::string_view pad) {
    if (afwezig(node)) return std::nullopt;
    if (node.is_scalar() && !is_geciteerd(node)) {
        const std::string& s = node.scalar();
        if (s == "true" || s == "True" || s == "TRUE") return true;
        if (s == "false" || s == "False" || s == "FALSE") return false;
    }
    fout(node, fmt::format("'{}' moet true of false zijn, niet {}", pad, beschrijf(node)), pad);
    return std::nullopt;
}

std::optional<std::int64_t> YamlLezer::geheel(const YamlNode& node, std::string_view pad) {
    if (afwezig(node)) return std::nullopt;
    if (node.is_scalar() && !is_geciteerd(node)) {
        const std::string& s = node.scalar();
        const char* begin = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
        std::int64_t waarde = 0;
        auto [eind, ec] = std::from_chars(begin, s.data() + s.size(), waarde);
        if (ec == std::errc() && eind == s.data() + s.size() && begin != eind) return waarde;
    }
    fout(node, fmt::format("'{}' moet een geheel getal zijn, niet {}{}", pad, beschrijf(node), schrijfwijze_getal(node, true)), pad);
    return std::nullopt;
}

std::optional<double> YamlLezer::getal(const YamlNode& node, std::string_view pad) {
    if (afwezig(node)) return std::nullopt;
    if (node.is_scalar() && !is_geciteerd(node)) {
        const std::string& s = node.scalar();
        const char* begin = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
        double waarde = 0;
        auto [eind, ec] = std::from_chars(begin, s.data() + s.size(), waarde);
        if (ec == std::errc() && eind == s.data() + s.size() && begin != eind && std::isfinite(waarde)) return waarde;
    }
    fout(node, fmt::format("'{}' moet een getal zijn, niet {}{}", pad, beschrijf(node), schrijfwijze_getal(node, false)), pad);
    return std::nullopt;
}

std::optional<std::string> YamlLezer::tekst(const YamlNode& node, std::string_view pad) {
    if (afwezig(node)) return std::nullopt;
    if (node.is_scalar()) return node.scalar();
    fout(node, fmt::format("'{}' moet een tekst zijn, niet {}", pad, beschrijf(node)), pad);
    return std::nullopt;
}

std::optional<std::string> YamlLezer::keuze(const YamlNode& node, std::string_view pad, std::span<const std::string> opties,
                                            std::string_view wat, std::string_view bedoelde,
                                            const std::map<std::string, std::string>* namen) {
    if (afwezig(node)) return std::nullopt;
    if (!node.is_scalar()) {
        fout(node, fmt::format("'{}' moet een {} zijn, niet {}", pad, wat, beschrijf(node)), pad);
        return std::nullopt;
    }
    const std::string& s = node.scalar();
    if (std::find(opties.begin(), opties.end(), s) != opties.end()) return s;
    if (namen != nullptr) {
        std::vector<std::string> bij_naam;
        bij_naam.reserve(opties.size());
        for (const auto& o : opties) {
            const auto it = namen->find(o);
            bij_naam.push_back(it == namen->end() || it->second == o ? std::string() : it->second);
        }
        if (auto i = bedoeld_benoemd(s, opties, bij_naam)) {
            fout(node, fmt::format("onbekende {} '{}' in '{}'; bedoelde je '{}'{}?", wat, s, pad, opties[*i],
                                   bij_naam[*i].empty() ? std::string() : " (" + bij_naam[*i] + ")"),
                 pad);
            return std::nullopt;
        }
    } else if (auto bijna = bedoeld_woord(s, opties, bedoelde)) {
        fout(node, fmt::format("onbekende {} '{}' in '{}'; bedoelde je '{}'?", wat, s, pad, *bijna), pad);
        return std::nullopt;
    }
    // Nothing near: every word that is allowed, also the thirteen sources, so that the user need not
    // look them up elsewhere.
    fout(node, fmt::format("onbekende {} '{}' in '{}'; kies {}", wat, s, pad, samen(opties)), pad);
    return std::nullopt;
}

}  // namespace ww::advies
