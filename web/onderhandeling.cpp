// SPDX-License-Identifier: EUPL-1.2
#include "web/onderhandeling.hpp"

#include <string>

#include "web/kopregels.hpp"

namespace ww::web {

namespace {

// Whether `s` is `doel` (written in lower case) but for the case of ASCII letters: media types are
// compared without case (RFC 9110, 8.3.1). Compared in place, not on a lower-case copy: that was an
// allocation per header (application/json is longer than a short string) and a tolower call per byte.
bool is_klein(std::string_view s, std::string_view doel) {
    if (s.size() != doel.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
        if (c != doel[i]) return false;
    }
    return true;
}

bool begint_klein(std::string_view s, std::string_view doel) { return s.size() >= doel.size() && is_klein(s.substr(0, doel.size()), doel); }

bool eindigt_klein(std::string_view s, std::string_view doel) {
    return s.size() >= doel.size() && is_klein(s.substr(s.size() - doel.size()), doel);
}

// The media type of a header value without its parameters.
std::string_view mediatype(std::string_view waarde) { return zonder_witruimte(waarde.substr(0, waarde.find(';'))); }

// The q parameter of one Accept element (1 when absent, 0 when it is no number).
double kwaliteit(std::string_view element) {
    auto puntkomma = element.find(';');
    while (puntkomma != std::string_view::npos) {
        element.remove_prefix(puntkomma + 1);
        puntkomma = element.find(';');
        const std::string_view parameter = zonder_witruimte(element.substr(0, puntkomma));
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
    const std::string_view type = mediatype(inhoudstype);
    if (is_klein(type, "application/json") || (begint_klein(type, "application/") && eindigt_klein(type, "+json")))
        return Lichaamssoort::json;
    if (is_klein(type, "application/yaml") || is_klein(type, "text/yaml") || is_klein(type, "application/x-yaml") ||
        is_klein(type, "text/x-yaml"))
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
        const std::string_view type = mediatype(element);
        std::optional<advies::Formaat> formaat;
        if (is_klein(type, "application/json")) formaat = advies::Formaat::json;
        else if (is_klein(type, "text/html")) formaat = advies::Formaat::html;
        else if (is_klein(type, "text/markdown")) formaat = advies::Formaat::markdown;
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
