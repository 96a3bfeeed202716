// SPDX-License-Identifier: EUPL-1.2
#include "advies/syntax_pad.hpp"

#include <vector>

#include <fmt/format.h>

namespace ww::advies {

namespace {

enum class Soort { sleutel, element, flow_kaart, flow_lijst };

struct Laag {
    Soort soort;
    int kolom = -1;         // in block style the column of the key or the dash; -1 between brackets
    std::string sleutel{};  // a block key's name; of a flow map the key whose value comes now ("": none yet)
    int nummer = 0;         // an element's number, from 1 (0: between two elements)
    int elementen = 0;      // the block elements under this key or element so far
    bool waarde = false;    // between brackets: the value of `sleutel` or the element `nummer` has started
};

bool spatie(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view zonder_witruimte(std::string_view s) {
    while (!s.empty() && spatie(s.front())) s.remove_prefix(1);
    while (!s.empty() && spatie(s.back())) s.remove_suffix(1);
    return s;
}

std::string pad_van(const std::vector<Laag>& lagen) {
    std::string pad;
    for (const Laag& l : lagen) {
        if (l.soort == Soort::element || l.soort == Soort::flow_lijst) {
            if (l.nummer > 0) pad += fmt::format("[{}]", l.nummer);
        } else if (!l.sleutel.empty()) {
            if (!pad.empty()) pad += '.';
            pad += l.sleutel;
        }
    }
    // A profile is a map: an element at the top is no field of it.
    return pad.starts_with('[') ? std::string() : pad;
}

}  // namespace

std::string pad_bij_positie(std::string_view t, std::size_t pos) {
    if (pos > t.size()) pos = t.size();
    {
        // A line indented with a tab: which parent it belongs to, YAML does not say (yaml-cpp refuses it).
        const auto vorige = pos == 0 ? std::string_view::npos : t.rfind('\n', pos - 1);
        for (std::size_t k = vorige == std::string_view::npos ? 0 : vorige + 1; k < t.size() && (t[k] == ' ' || t[k] == '\t'); ++k)
            if (t[k] == '\t') return {};
    }
    const auto eind_regel = [&](std::size_t k) {
        const auto e = t.find('\n', k);
        return e == std::string_view::npos ? t.size() : e;
    };
    std::vector<Laag> lagen;
    int flow = 0;               // brackets open
    int blok = -1;              // inside a block scalar (| or >): the lines indented more than this are its text
    bool regelbegin = true;
    bool inhoud_gezien = false;  // for '---': a marker after content starts a second document
    bool kan_beginnen = true;   // a quote here opens a quoted scalar, a bracket a flow collection
    std::string laatste;        // between brackets: the last scalar, the key once its colon comes
    // A scalar or bracket starts between brackets: in a flow map whose value is complete, a comma is
    // missing and it is no part of that key; once it is complete, what comes is.
    const auto nieuwe_waarde = [&] {
        if (flow == 0) return;
        Laag& l = lagen.back();
        if (l.soort == Soort::flow_lijst) {
            l.waarde = true;
        } else if (l.waarde) {
            l.sleutel.clear();
            l.waarde = false;
        } else if (!l.sleutel.empty()) {
            l.waarde = true;
        }
    };
    std::size_t i = 0;
    while (i < pos) {
        if (regelbegin && flow == 0) {
            regelbegin = false;
            const std::size_t eind = eind_regel(i);
            std::size_t j = i;
            bool tab = false;
            while (j < eind && (t[j] == ' ' || t[j] == '\t')) tab |= t[j++] == '\t';
            const bool leeg = j >= eind || t[j] == '#' || t[j] == '\r';
            if (blok >= 0 && (leeg || static_cast<int>(j - i) > blok)) {
                i = eind;
                continue;
            }
            blok = -1;
            if (leeg) {
                i = eind;
                continue;
            }
            if (tab) return {};
            if (j == i && (t.substr(j, 3) == "---" || t.substr(j, 3) == "...") && (j + 3 >= eind || spatie(t[j + 3]))) {
                if (inhoud_gezien) return {};
                i = eind;
                continue;
            }
            inhoud_gezien = true;
            int kol = static_cast<int>(j - i);
            for (;;) {
                if (t[j] == '-' && (j + 1 >= eind || spatie(t[j + 1]))) {
                    // An element: of the key above it, also at that key's own column.
                    while (!lagen.empty() && (lagen.back().kolom > kol ||
                                              (lagen.back().kolom == kol && lagen.back().soort == Soort::element)))
                        lagen.pop_back();
                    if (j >= pos) return pad_van(lagen);
                    const int nummer = lagen.empty() ? 1 : ++lagen.back().elementen;
                    lagen.push_back({Soort::element, kol, {}, nummer});
                    std::size_t k = j + 1;
                    while (k < eind && spatie(t[k])) ++k;
                    kol += static_cast<int>(k - j);
                    j = k;
                    if (j >= eind || t[j] == '#') break;
                    continue;
                }
                while (!lagen.empty() && lagen.back().kolom >= kol) lagen.pop_back();
                if (j >= pos) return pad_van(lagen);
                std::size_t k = j;
                std::string_view sleutel;
                if (t[j] == '"' || t[j] == '\'') {
                    const auto sluit = t.substr(0, eind).find(t[j], j + 1);
                    if (sluit == std::string_view::npos) break;
                    sleutel = t.substr(j + 1, sluit - j - 1);
                    k = sluit + 1;
                    while (k < eind && spatie(t[k])) ++k;
                } else if (t[j] != '[' && t[j] != '{') {
                    while (k < eind && !(t[k] == ':' && (k + 1 >= eind || spatie(t[k + 1]))) &&
                           !(t[k] == '#' && spatie(t[k - 1])))
                        ++k;
                    sleutel = zonder_witruimte(t.substr(j, k - j));
                    // Not a key a profile can have: a quote or bracket in it, or a YAML indicator before it.
                    if (!sleutel.empty() && (sleutel.find_first_of("\"'{}[],") != std::string_view::npos ||
                                             std::string_view("-?&*!|>%@`").find(sleutel.front()) != std::string_view::npos))
                        sleutel = {};
                }
                if (k < eind && t[k] == ':' && !sleutel.empty()) {
                    lagen.push_back({Soort::sleutel, kol, std::string(sleutel)});
                    j = k + 1;
                    while (j < eind && spatie(t[j])) ++j;
                    if (j < eind && (t[j] == '|' || t[j] == '>')) {
                        blok = kol;
                        j = eind;
                    }
                }
                break;
            }
            i = j;
            kan_beginnen = true;
            continue;
        }
        regelbegin = false;
        const char c = t[i];
        if (c == '\n') {
            regelbegin = true;
            ++i;
            continue;
        }
        if (spatie(c)) {
            ++i;
            continue;
        }
        if (c == '#' && (i == 0 || spatie(t[i - 1]) || t[i - 1] == '\n')) {
            i = eind_regel(i);
            continue;
        }
        if ((c == '"' || c == '\'') && kan_beginnen) {
            std::size_t k = i + 1;
            while (k < pos) {
                if (c == '"' && t[k] == '\\') {
                    k += 2;
                } else if (t[k] == c && c == '\'' && k + 1 < t.size() && t[k + 1] == '\'') {
                    k += 2;
                } else if (t[k] == c) {
                    break;
                } else {
                    ++k;
                }
            }
            // The place is inside the text between the quotes: it belongs to what holds that text.
            if (k >= pos) return pad_van(lagen);
            nieuwe_waarde();
            laatste = std::string(t.substr(i + 1, k - i - 1));
            i = k + 1;
            kan_beginnen = false;
            continue;
        }
        if ((c == '[' || c == '{') && (flow > 0 || kan_beginnen)) {
            nieuwe_waarde();
            lagen.push_back(c == '[' ? Laag{Soort::flow_lijst, -1, {}, 1} : Laag{Soort::flow_kaart});
            ++flow;
            laatste.clear();
            kan_beginnen = true;
            ++i;
            continue;
        }
        if (flow == 0) {
            // A plain text in block style runs to the end of its line.
            i = eind_regel(i);
            kan_beginnen = false;
            continue;
        }
        Laag& binnen = lagen.back();
        if (c == ']' || c == '}') {
            if ((c == ']') != (binnen.soort == Soort::flow_lijst)) return {};
            lagen.pop_back();
            --flow;
            kan_beginnen = false;
            ++i;
            continue;
        }
        if (c == ',') {
            if (binnen.soort == Soort::flow_lijst) ++binnen.nummer;
            else binnen.sleutel.clear();
            binnen.waarde = false;
            laatste.clear();
            kan_beginnen = true;
            ++i;
            continue;
        }
        if (c == ':') {
            if (binnen.soort == Soort::flow_kaart && binnen.sleutel.empty()) binnen.sleutel = laatste;
            kan_beginnen = true;
            ++i;
            continue;
        }
        // A plain scalar between brackets: up to a bracket, a comma, a colon before a space or a bracket.
        std::size_t k = i;
        const auto eindteken = [](char d) { return d == ',' || d == '[' || d == ']' || d == '{' || d == '}'; };
        while (k < t.size() && t[k] != '\n' && !eindteken(t[k]) &&
               !(t[k] == ':' && (k + 1 >= t.size() || spatie(t[k + 1]) || t[k + 1] == '\n' || eindteken(t[k + 1]))) &&
               !(t[k] == '#' && spatie(t[k - 1])))
            ++k;
        nieuwe_waarde();
        laatste = std::string(zonder_witruimte(t.substr(i, k - i)));
        kan_beginnen = false;
        i = k;
    }
    // At the very start of a line in block style: what starts there closes what is indented as far or further.
    if (flow == 0 && blok < 0 && (pos == 0 || t[pos - 1] == '\n')) {
        std::size_t j = pos;
        while (j < t.size() && t[j] == ' ') ++j;
        const int kol = static_cast<int>(j - pos);
        if (j < t.size() && t[j] != '\n' && t[j] != '\r' && t[j] != '#') {
            const bool element = t[j] == '-';
            while (!lagen.empty() && (lagen.back().kolom > kol ||
                                      (lagen.back().kolom == kol && (!element || lagen.back().soort == Soort::element))))
                lagen.pop_back();
        }
    }
    // At a scalar or bracket after a complete value and before any comma (a comma missing): the place is
    // between two entries, in the map or list, not in the entry before it.
    if (flow > 0 && pos < t.size() && lagen.back().waarde && std::string_view(",:]} \t\r\n#").find(t[pos]) == std::string_view::npos) {
        if (lagen.back().soort == Soort::flow_kaart) lagen.back().sleutel.clear();
        else lagen.back().nummer = 0;
    }
    return pad_van(lagen);
}

}  // namespace ww::advies
