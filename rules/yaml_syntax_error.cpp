// SPDX-License-Identifier: EUPL-1.2
#include "rules/yaml_syntax_error.hpp"

#include <utility>
#include <vector>

namespace ww {

namespace {

YAML::Mark mark(int pos, int regel, int kolom) {
    YAML::Mark m;
    m.pos = pos;
    m.line = regel;
    m.column = kolom;
    return m;
}

struct Line {
    std::size_t begin = 0;
    std::string_view tekst;  // without the line break
};

std::vector<Line> lines_of(std::string_view tekst) {
    std::vector<Line> regels;
    std::size_t begin = 0;
    while (begin <= tekst.size()) {
        const std::size_t eind = tekst.find('\n', begin);
        std::string_view r = tekst.substr(begin, eind == std::string_view::npos ? std::string_view::npos : eind - begin);
        if (!r.empty() && r.back() == '\r') r.remove_suffix(1);
        regels.push_back({begin, r});
        if (eind == std::string_view::npos) break;
        begin = eind + 1;
    }
    return regels;
}

bool blank_or_comment(std::string_view r) {
    const auto i = r.find_first_not_of(" \t");
    return i == std::string_view::npos || r[i] == '#';
}

// A tab among the spaces that indent a line, on or before line `tot` (0-based).
std::optional<YamlSyntaxError> tab_in_indentation(const std::vector<Line>& regels, int tot) {
    for (int i = 0; i <= tot && i < static_cast<int>(regels.size()); ++i) {
        const auto r = regels[static_cast<std::size_t>(i)].tekst;
        const auto inhoud = r.find_first_not_of(" \t");
        if (inhoud == std::string_view::npos) continue;
        const auto tab = r.find('\t');
        if (tab < inhoud)
            return YamlSyntaxError{mark(static_cast<int>(regels[static_cast<std::size_t>(i)].begin + tab), i, static_cast<int>(tab)),
                                  "een tab in de inspringing; YAML springt alleen in met spaties: vervang de tab door spaties"};
    }
    return std::nullopt;
}

// Quotes and flow brackets through the whole text: the first quote that is never closed, else the
// innermost bracket that is not (or is closed by the wrong one). Comments and block scalars (| and >)
// are skipped; a quote counts only where a scalar can start.
std::optional<YamlSyntaxError> unclosed_quote_or_bracket(std::string_view tekst) {
    struct Open {
        char teken;
        std::size_t pos;
    };
    std::vector<Open> haken;
    int regel = 0;
    std::size_t regelbegin = 0;
    char vorige = '\n';  // the last character that is not a space, on this line ('\n': none yet)
    int blok_inspringing = -1;  // inside a block scalar: lines indented more than this belong to it
    auto plaats = [&](std::size_t pos, int r, std::size_t begin) {
        return mark(static_cast<int>(pos), r, static_cast<int>(pos - begin));
    };
    std::size_t i = 0;
    while (i < tekst.size()) {
        if (i == regelbegin && blok_inspringing >= 0) {
            const auto eind = tekst.find('\n', i);
            const auto r = tekst.substr(i, eind == std::string_view::npos ? std::string_view::npos : eind - i);
            const auto inhoud = r.find_first_not_of(" \r");
            if (inhoud == std::string_view::npos || static_cast<int>(inhoud) > blok_inspringing) {
                if (eind == std::string_view::npos) break;
                i = eind + 1;
                regelbegin = i;
                ++regel;
                continue;
            }
            blok_inspringing = -1;
        }
        const char c = tekst[i];
        if (c == '\n') {
            ++regel;
            regelbegin = i + 1;
            vorige = '\n';
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '#' && (i == 0 || tekst[i - 1] == ' ' || tekst[i - 1] == '\t' || tekst[i - 1] == '\n')) {
            const auto eind = tekst.find('\n', i);
            i = eind == std::string_view::npos ? tekst.size() : eind;
            continue;
        }
        const bool scalar_kan_beginnen = vorige == '\n' || vorige == ':' || vorige == '-' || vorige == '[' ||
                                         vorige == '{' || vorige == ',' || vorige == '?';
        if ((c == '"' || c == '\'') && scalar_kan_beginnen) {
            const std::size_t begin = i;
            const int beginregel = regel;
            const std::size_t beginregelbegin = regelbegin;
            ++i;
            bool gesloten = false;
            while (i < tekst.size()) {
                const char d = tekst[i];
                if (d == '\n') {
                    ++regel;
                    regelbegin = i + 1;
                } else if (c == '"' && d == '\\') {
                    ++i;  // the escaped character
                } else if (d == c) {
                    if (c == '\'' && i + 1 < tekst.size() && tekst[i + 1] == '\'') {
                        ++i;  // '' inside single quotes
                    } else {
                        gesloten = true;
                        break;
                    }
                }
                ++i;
            }
            if (!gesloten) {
                const std::string teken(1, c);
                return YamlSyntaxError{plaats(begin, beginregel, beginregelbegin),
                                      "het aanhalingsteken " + teken + " hier wordt nergens gesloten; zet " + teken +
                                          " ook aan het eind van de tekst"};
            }
            ++i;
            vorige = c;
            continue;
        }
        if ((c == '|' || c == '>') && (vorige == ':' || vorige == '-') && haken.empty()) {
            // A block scalar: its lines are text, whatever quotes they hold.
            const auto r = tekst.substr(regelbegin, i - regelbegin);
            const auto inhoud = r.find_first_not_of(" -");
            blok_inspringing = static_cast<int>(inhoud == std::string_view::npos ? 0 : inhoud);
            const auto eind = tekst.find('\n', i);
            i = eind == std::string_view::npos ? tekst.size() : eind;
            continue;
        }
        if (c == '[' || c == '{') {
            if (scalar_kan_beginnen || !haken.empty()) haken.push_back({c, i});
        } else if ((c == ']' || c == '}') && !haken.empty()) {
            const char verwacht = haken.back().teken == '[' ? ']' : '}';
            if (c != verwacht) break;  // the open one is reported below
            haken.pop_back();
        }
        vorige = c;
        ++i;
    }
    if (haken.empty()) return std::nullopt;
    const auto open = haken.back();
    const auto begin = open.pos == 0 ? 0 : tekst.rfind('\n', open.pos - 1);
    const std::size_t regelstart = begin == std::string_view::npos || open.pos == 0 ? 0 : begin + 1;
    int r = 0;
    for (std::size_t k = 0; k < regelstart; ++k) r += tekst[k] == '\n';
    const bool lijst = open.teken == '[';
    return YamlSyntaxError{plaats(open.pos, r, regelstart),
                          lijst ? "de blokhaak [ hier wordt niet gesloten; zet ] aan het eind van de lijst"
                                : "de accolade { hier wordt niet gesloten; zet } aan het eind van de kaart"};
}

// The nearest line above `regel` with text that is no key (no colon) and no list item: the key whose
// colon is missing, which yaml-cpp only notices at the next line.
std::optional<YamlSyntaxError> missing_colon(const std::vector<Line>& regels, int regel) {
    for (int i = regel; i >= 0 && i >= regel - 1; --i) {
        if (i >= static_cast<int>(regels.size())) continue;
        const auto r = regels[static_cast<std::size_t>(i)].tekst;
        if (blank_or_comment(r)) {
            if (i < regel) --regel;  // look one further up past blank lines
            continue;
        }
        const auto inhoud = r.find_first_not_of(' ');
        std::string_view t = r.substr(inhoud);
        const auto commentaar = t.find(" #");
        if (commentaar != std::string_view::npos) t = t.substr(0, commentaar);
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
        if (t.empty() || t.front() == '-' || t.front() == '"' || t.front() == '\'' || t.front() == '[' ||
            t.front() == '{' || t.find(':') != std::string_view::npos)
            continue;
        const auto spatie = t.find(' ');
        const std::string voorstel = spatie == std::string_view::npos
                                         ? std::string(t) + ":"
                                         : std::string(t.substr(0, spatie)) + ": " + std::string(t.substr(spatie + 1));
        return YamlSyntaxError{mark(static_cast<int>(regels[static_cast<std::size_t>(i)].begin + inhoud), i, static_cast<int>(inhoud)),
                              "hier ontbreekt de dubbele punt achter de sleutel; bedoelde je '" + voorstel + "'?"};
    }
    return std::nullopt;
}

// yaml-cpp's own words for what remains, in Dutch: every message its parser can give (the others are
// about converting a node in code, which each reader catches and words itself), so that the command line
// and the service never answer a Dutch user in English. A few end in what they found (`unknown escape character: q`).
std::string translate_message(const std::string& melding) {
    static const std::pair<std::string_view, std::string_view> woorden[] = {
        {"illegal map value", "een waarde staat hier waar een sleutel verwacht wordt (klopt de inspringing?)"},
        {"end of map not found", "de kaart houdt hier onverwacht op (klopt de inspringing?)"},
        {"end of sequence not found", "de lijst houdt hier onverwacht op (klopt de inspringing?)"},
        // Every bracket is closed (unclosed_quote_or_bracket found none open): a comma is missing.
        {"end of map flow not found", "vóór dit element ontbreekt een komma; de elementen tussen { } staan gescheiden door komma's"},
        {"end of sequence flow not found", "vóór dit element ontbreekt een komma; de elementen tussen [ ] staan gescheiden door komma's"},
        {"illegal tab when looking for indentation", "een tab in de inspringing; YAML springt alleen in met spaties"},
        {"unknown escape character: ", "onbekend teken na \\ in een tekst tussen dubbele aanhalingstekens: "},
        {"unknown token", "een teken dat hier niet kan staan"},
        {"illegal EOF in scalar", "het bestand houdt op midden in een tekst"},
        {"end of string not found", "een tekst tussen aanhalingstekens wordt niet gesloten"},
        {"block sequence entries are not allowed in this context", "een lijstelement (- ...) kan hier niet staan (klopt de inspringing?)"},
        {"cannot read a block scalar", "een blok tekst (| of >) staat op een plek waar dat niet kan"},
        {"illegal flow end", "een ] of } die niets sluit"},
        {"illegal block entry", "een lijstelement (- ...) kan hier niet staan (klopt de inspringing?)"},
        {"illegal map key", "een sleutel kan hier niet staan (klopt de inspringing?)"},
        {"illegal character in scalar", "een teken dat in een tekst zonder aanhalingstekens niet kan staan; zet de tekst tussen aanhalingstekens"},
        {"illegal document indicator in scalar", "--- of ... midden in een tekst; zet de tekst tussen aanhalingstekens"},
        {"invalid character in single-quoted string", "een teken dat tussen enkele aanhalingstekens niet kan staan"},
        {"bad character found while scanning hex number", "na \\x, \\u of \\U horen hexadecimale cijfers (0-9, a-f)"},
        {"invalid unicode: ", "geen geldig Unicode-teken: "},
        {"alias not found after *", "na * hoort de naam van een anker"},
        {"anchor not found after &", "na & hoort de naam van een anker"},
        {"illegal character found while scanning alias", "een teken dat niet in de naam van een anker kan staan"},
        {"illegal character found while scanning anchor", "een teken dat niet in de naam van een anker kan staan"},
        {"the referenced anchor is not defined", "er is geen anker met deze naam (&naam) eerder in het bestand"},
        {"cannot assign multiple tags to the same node", "twee tags (!...) bij één waarde"},
        {"cannot assign multiple anchors to the same node", "twee ankers (&...) bij één waarde"},
        {"cannot assign multiple aliases to the same node", "twee verwijzingen (*...) bij één waarde"},
        {"aliases can't have any content, *including* tags", "een verwijzing (*naam) kan geen eigen waarde of tag hebben"},
        {"cannot set zero indentation for a block scalar", "een blok tekst (| of >) kan geen inspringing 0 hebben"},
        {"unexpected character in block scalar", "een teken dat hier in een blok tekst (| of >) niet kan staan"},
        {"illegal character found while scanning tag handle", "een teken dat niet in een tag (!...) kan staan"},
        {"tag handle with no suffix", "een tag (!...) zonder naam"},
        {"end of verbatim tag not found", "een tag !<...> wordt niet gesloten met >"},
        {"YAML directives must have exactly one argument", "%YAML hoort precies één versie te hebben"},
        {"bad YAML version: ", "onbekende YAML-versie: "},
        {"YAML major version too large", "deze YAML-versie wordt niet gelezen; schrijf YAML 1.2 of laat %YAML weg"},
        {"repeated YAML directive", "%YAML staat twee keer in het document"},
        {"TAG directives must have exactly two arguments", "%TAG hoort precies twee argumenten te hebben"},
        {"repeated TAG directive", "%TAG staat twee keer voor dezelfde tag"},
    };
    for (const auto& [engels, nederlands] : woorden) {
        // An entry that ends in a space is a prefix: what yaml-cpp found follows it.
        if (engels.back() == ' ' ? melding.starts_with(engels) : melding == engels)
            return "ongeldige YAML: " + std::string(nederlands) + melding.substr(engels.back() == ' ' ? engels.size() : melding.size());
    }
    return "ongeldige YAML: " + melding;
}

}  // namespace

YamlSyntaxError explain_yaml_error(std::string_view tekst, const YAML::Mark& plaats, const std::string& melding) {
    const auto regels = lines_of(tekst);
    const int regel = plaats.line < 0 ? static_cast<int>(regels.size()) - 1 : plaats.line;
    // Every syntax error starts the same way, so that a reader (or a test) can tell them apart.
    auto ongeldig = [](YamlSyntaxError f) {
        f.message = "ongeldige YAML: " + f.message;
        return f;
    };
    if (auto f = tab_in_indentation(regels, regel)) return ongeldig(*f);
    if (auto f = unclosed_quote_or_bracket(tekst)) return ongeldig(*f);
    if (melding == "illegal map value" || melding == "end of map not found" || melding == "end of sequence not found")
        if (auto f = missing_colon(regels, regel - 1)) return ongeldig(*f);
    return {plaats, translate_message(melding)};
}

std::optional<YamlSyntaxError> unclosed_quote(std::string_view text) {
    auto f = unclosed_quote_or_bracket(text);
    // Only a quote: a bracket the scan thinks open in a document yaml-cpp accepted is the scan's
    // mistake, not the user's.
    if (!f || !f->message.starts_with("het aanhalingsteken")) return std::nullopt;
    f->message = "ongeldige YAML: " + f->message;
    return f;
}

}  // namespace ww
