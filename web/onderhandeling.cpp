// SPDX-License-Identifier: EUPL-1.2
#include "web/onderhandeling.hpp"

#include <string>

#include "web/hoofdletters.hpp"
#include "web/kopregels.hpp"

namespace ww::web {

namespace {

// Whether `s` begins, or ends, with `doel`, case aside (application/...+json).
bool begint_met(std::string_view s, std::string_view doel) {
    return s.size() >= doel.size() && gelijk_op_hoofdletters_na(s.substr(0, doel.size()), doel);
}

bool eindigt_op(std::string_view s, std::string_view doel) {
    return s.size() >= doel.size() && gelijk_op_hoofdletters_na(s.substr(s.size() - doel.size()), doel);
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
    const auto is = [type](std::string_view doel) { return gelijk_op_hoofdletters_na(type, doel); };
    if (is("application/json") || (begint_met(type, "application/") && eindigt_op(type, "+json")))
        return Lichaamssoort::json;
    if (is("application/yaml") || is("text/yaml") || is("application/x-yaml") || is("text/x-yaml"))
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
        const auto is = [type](std::string_view doel) { return gelijk_op_hoofdletters_na(type, doel); };
        std::optional<advies::Formaat> formaat;
        if (is("application/json")) formaat = advies::Formaat::json;
        else if (is("text/html")) formaat = advies::Formaat::html;
        else if (is("text/markdown")) formaat = advies::Formaat::markdown;
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
