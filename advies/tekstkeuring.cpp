// SPDX-License-Identifier: EUPL-1.2
#include "advies/tekstkeuring.hpp"

#include <cctype>
#include <regex>

#include <fmt/format.h>

namespace ww::advies {

bool onleesbaar_id(std::string_view id) { return id.find_first_of("-_") != std::string_view::npos; }

std::vector<OnleesbaarId> onleesbare_ids(const Vocabulaire& v) {
    std::vector<OnleesbaarId> uit;
    for (const auto* namen : {&v.factor_naam, &v.indicator_naam, &v.bron_omschrijving})
        for (const auto& [id, naam] : *namen)
            if (onleesbaar_id(id)) uit.push_back({id, naam});
    return uit;
}

namespace {

bool deel_van_id(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

// `id` as a whole word of `t`, not as part of a longer id or word.
bool noemt_id(std::string_view t, std::string_view id) {
    for (auto pos = t.find(id); pos != std::string_view::npos; pos = t.find(id, pos + 1)) {
        const bool ervoor = pos > 0 && deel_van_id(t[pos - 1]);
        const bool erna = pos + id.size() < t.size() && deel_van_id(t[pos + id.size()]);
        if (!ervoor && !erna) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> tekstbezwaren(std::string_view tekst, const std::vector<OnleesbaarId>& ids, bool cijfers) {
    static const std::regex tussen_haakjes(R"([a-zë]\((en|s|nen|n|ën)\))");
    static const std::regex decimale_punt(R"((^|[^\d.])\d+\.\d{1,2}(%|[^\d]|$))");
    static const std::regex zonder_punt(R"((^|[^\d.,])\d{5,}($|[^\d]))");
    std::vector<std::string> uit;
    const std::string t(tekst);
    std::smatch m;
    if (std::regex_search(t, m, tussen_haakjes))
        uit.push_back(fmt::format("schrijft '{}' in plaats van enkelvoud of meervoud", m.str(0)));
    if (cijfers && (std::regex_search(t, m, decimale_punt) || std::regex_search(t, m, zonder_punt)))
        uit.push_back("schrijft een getal niet op z'n Nederlands");
    for (const auto& [id, naam] : ids)
        if (noemt_id(tekst, id)) {
            uit.push_back(fmt::format("noemt het id '{}' in plaats van '{}'", id, naam));
            break;
        }
    return uit;
}

}  // namespace ww::advies
