// SPDX-License-Identifier: EUPL-1.2
#include "web/route.hpp"

#include <array>
#include <memory>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "web/hoofdletters.hpp"

namespace ww::web {

namespace {

std::optional<bool> janee(std::string_view waarde) {
    constexpr std::array<std::string_view, 3> ja{"1", "true", "ja"}, nee{"0", "false", "nee"};
    for (auto w : ja)
        if (gelijk_op_hoofdletters_na(waarde, w)) return true;
    for (auto w : nee)
        if (gelijk_op_hoofdletters_na(waarde, w)) return false;
    return std::nullopt;
}

}  // namespace

bool janee_parameter(const Verzoek& v, std::string_view naam, bool standaard) {
    std::optional<bool> gekozen;
    for (const auto& [n, w] : v.parameters) {
        if (n != naam) continue;
        const auto antwoord = janee(w);
        if (!antwoord)
            throw ParameterFout(fmt::format("de parameter {} heeft de waarde '{}'; kies 1, true of ja (wel) of 0, false of nee (niet)", naam, w));
        if (gekozen && *gekozen != *antwoord)
            throw ParameterFout(fmt::format("de parameter {} staat meer dan eens in het verzoek, met tegenstrijdige waarden", naam));
        gekozen = antwoord;
    }
    return gekozen.value_or(standaard);
}

Route eenmalig_document_route(std::string patroon, std::string inhoudstype, std::function<std::string(Omgeving&)> maak) {
    struct Eenmalig {
        std::once_flag vlag;
        std::string document;
    };
    auto e = std::make_shared<Eenmalig>();
    auto behandel = [e, inhoudstype = std::move(inhoudstype), maak = std::move(maak)](const Verzoek&, Omgeving& o) {
        std::call_once(e->vlag, [&] { e->document = maak(o); });
        return Antwoord{200, inhoudstype, e->document, {}};
    };
    return {"GET", std::move(patroon), std::move(behandel)};
}

bool past(std::string_view patroon, std::string_view pad, std::vector<std::string>& delen) {
    delen.clear();
    while (!patroon.empty() && !pad.empty()) {
        if (patroon.front() != '/' || pad.front() != '/') return false;
        patroon.remove_prefix(1);
        pad.remove_prefix(1);
        const auto p = patroon.find('/');
        const auto q = pad.find('/');
        const std::string_view pdeel = patroon.substr(0, p), deel = pad.substr(0, q);
        if (pdeel.size() >= 2 && pdeel.front() == '{' && pdeel.back() == '}') {
            if (deel.empty()) return false;
            delen.emplace_back(deel);
        } else if (pdeel != deel) {
            return false;
        }
        patroon.remove_prefix(p == std::string_view::npos ? patroon.size() : p);
        pad.remove_prefix(q == std::string_view::npos ? pad.size() : q);
    }
    return patroon.empty() && pad.empty();
}

}  // namespace ww::web
