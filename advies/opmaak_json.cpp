#include <nlohmann/json.hpp>

#include "advies/opmaak.hpp"

namespace ww::advies {

namespace {

using Json = nlohmann::ordered_json;

Json uitleg_json(const Uitleg& u) {
    Json j;
    j["feit"] = u.feit;
    j["regel"] = u.regel.empty() ? Json(nullptr) : Json(u.regel);
    j["herkomst"] = u.herkomst == Uitleg::Herkomst::regel     ? "regel"
                    : u.herkomst == Uitleg::Herkomst::profiel ? "profiel"
                                                              : "kennisbank";
    Json bindingen = Json::object();
    for (const auto& [naam, waarde] : u.bindingen) bindingen[naam] = waarde;
    j["bindingen"] = std::move(bindingen);
    Json premissen = Json::array();
    for (const auto& p : u.premissen) premissen.push_back(uitleg_json(p));
    j["premissen"] = std::move(premissen);
    return j;
}

}  // namespace

std::string als_json(const Advies& advies, const OpmaakOpties& opties) {
    Json j;
    j["versie"] = advies.versie;
    j["gemeente"] = advies.gemeente;
    Json stappen = Json::array();
    for (const auto& s : advies.stappen)
        stappen.push_back(Json{{"stap", s.stap}, {"naam", stap_namen[static_cast<std::size_t>(s.stap - 1)]},
                               {"status", naam_van(s.status)}});
    j["fase"] = Json{{"huidige_stap", advies.huidige_stap}, {"stappen", std::move(stappen)}};
    Json adviezen = Json::array();
    for (const auto& a : advies.adviezen) {
        Json item;
        item["id"] = a.id;
        item["soort"] = naam_van(a.soort);
        item["stap"] = a.stap;
        item["onderwerp"] = a.onderwerp;
        item["prioriteit"] = a.prioriteit;
        item["tekst"] = a.tekst;
        item["bron"] = a.bron;
        item["factoren"] = a.factoren;
        item["onderbouwing"] = a.onderbouwing;
        if (opties.uitleg && a.uitleg) item["uitleg"] = uitleg_json(*a.uitleg);
        adviezen.push_back(std::move(item));
    }
    j["adviezen"] = std::move(adviezen);
    // Texts come from the user's profile; invalid UTF-8 there must not abort the output.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ww::advies
