// SPDX-License-Identifier: EUPL-1.2
#include "advies/markdown_tekst.hpp"

#include <algorithm>
#include <cstring>

namespace ww::advies {

std::string md_tekst(std::string_view s) {
    std::string uit;
    uit.reserve(s.size() + 8);
    // The characters that can open an inline construct (emphasis, code, link, image, autolink, raw
    // HTML, strikethrough), a table cell, a heading or an entity, and the backslash itself.
    constexpr const char* bijzonder = "\\`*_[]<>#|~!&";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\n' || c == '\r') {
            uit += ' ';
        } else if (std::strchr(bijzonder, c) != nullptr && c != '\0') {
            uit += '\\';
            uit += c;
        } else {
            uit += c;
        }
    }
    // A block marker at the start: a list item (`-`, `+`, `1.` or `1)`), a quote, a setext underline.
    if (!uit.empty() && std::strchr("-+=>", uit[0]) != nullptr) {
        uit.insert(0, 1, '\\');
    } else {
        std::size_t cijfers = 0;
        while (cijfers < uit.size() && uit[cijfers] >= '0' && uit[cijfers] <= '9') ++cijfers;
        if (cijfers > 0 && cijfers < uit.size() && (uit[cijfers] == '.' || uit[cijfers] == ')')) uit.insert(cijfers, 1, '\\');
    }
    return uit;
}

std::string md_code(std::string_view s) {
    std::string inhoud(s);
    std::replace(inhoud.begin(), inhoud.end(), '\n', ' ');
    std::replace(inhoud.begin(), inhoud.end(), '\r', ' ');
    std::size_t langste = 0, reeks = 0;
    for (char c : inhoud) {
        reeks = c == '`' ? reeks + 1 : 0;
        langste = std::max(langste, reeks);
    }
    const std::string hek(langste + 1, '`');
    // A space on both sides when the content starts or ends with a backtick (CommonMark strips one).
    const bool opvullen = !inhoud.empty() && (inhoud.front() == '`' || inhoud.back() == '`');
    return hek + (opvullen ? " " : "") + inhoud + (opvullen ? " " : "") + hek;
}

}  // namespace ww::advies
