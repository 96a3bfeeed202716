// SPDX-License-Identifier: EUPL-1.2
#include "web/onderhandeling.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace ww::web {

namespace {

std::string_view bijgesneden(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string klein(std::string_view s) {
    std::string uit(s);
    std::transform(uit.begin(), uit.end(), uit.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return uit;
}

// The media type of a header value without its parameters, in lower case.
std::string mediatype(std::string_view waarde) {
    return klein(bijgesneden(waarde.substr(0, waarde.find(';'))));
}

// The q parameter of one Accept element (1 when absent, 0 when it is no number).
double kwaliteit(std::string_view element) {
    auto puntkomma = element.find(';');
    while (puntkomma != std::string_view::npos) {
        element.remove_prefix(puntkomma + 1);
        puntkomma = element.find(';');
        const std::string_view parameter = bijgesneden(element.substr(0, puntkomma));
        if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') && parameter[1] == '=') {
            const std::string getal(parameter.substr(2));
            char* eind = nullptr;
            const double q = std::strtod(getal.c_str(), &eind);
            return eind == getal.c_str() + getal.size() && q >= 0 && q <= 1 ? q : 0;
        }
    }
    return 1;
}

}  // namespace

std::optional<Lichaamssoort> lichaamssoort(std::string_view inhoudstype) {
    const std::string type = mediatype(inhoudstype);
    if (type == "application/json" || (type.starts_with("application/") && type.ends_with("+json")))
        return Lichaamssoort::json;
    if (type == "application/yaml" || type == "text/yaml" || type == "application/x-yaml" || type == "text/x-yaml")
        return Lichaamssoort::yaml;
    return std::nullopt;
}

advies::Formaat gevraagd_formaat(std::string_view accept) {
    advies::Formaat beste = advies::Formaat::json;
    double beste_q = 0;
    while (!accept.empty()) {
        const auto komma = accept.find(',');
        const std::string_view element = accept.substr(0, komma);
        accept.remove_prefix(komma == std::string_view::npos ? accept.size() : komma + 1);
        const std::string type = mediatype(element);
        std::optional<advies::Formaat> formaat;
        if (type == "application/json") formaat = advies::Formaat::json;
        else if (type == "text/html") formaat = advies::Formaat::html;
        else if (type == "text/markdown") formaat = advies::Formaat::markdown;
        if (!formaat) continue;
        const double q = kwaliteit(element);
        if (q > beste_q) {
            beste = *formaat;
            beste_q = q;
        }
    }
    return beste;
}

std::string_view antwoordtype(advies::Formaat formaat) {
    switch (formaat) {
        case advies::Formaat::html: return "text/html; charset=utf-8";
        case advies::Formaat::markdown: return "text/markdown; charset=utf-8";
        case advies::Formaat::text: return "text/plain; charset=utf-8";
        case advies::Formaat::json: break;
    }
    return "application/json";
}

}  // namespace ww::web
