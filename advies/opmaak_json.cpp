// SPDX-License-Identifier: EUPL-1.2
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
    // nlohmann's tree and dump as ever; only the building takes fewer steps: every object and array
    // gets its size up front (no regrowing while members are added) and members go in with the
    // object's emplace instead of operator[] plus an assignment (an empty member first, then replaced).
    auto object = [](std::size_t n) {
        Json o = Json::object();
        o.get_ref<Json::object_t&>().reserve(n);
        return o;
    };
    auto array = [](std::size_t n) {
        Json a = Json::array();
        a.get_ref<Json::array_t&>().reserve(n);
        return a;
    };
    auto tekstlijst = [&](const std::vector<std::string>& teksten) {
        Json l = array(teksten.size());
        auto& elementen = l.get_ref<Json::array_t&>();
        for (const auto& t : teksten) elementen.emplace_back(t);
        return l;
    };
    Json j = object(7);
    auto& wortel = j.get_ref<Json::object_t&>();
    wortel.emplace("versie", advies.versie);
    wortel.emplace("gemeente", advies.gemeente);
    // What produced this advice, so that a stored advice says so (docs/advies.md).
    const Herkomst& h = advies.herkomst;
    wortel.emplace("programma", h.programma);
    Json kennisbank = object(3);
    auto& kb = kennisbank.get_ref<Json::object_t&>();
    kb.emplace("naam", h.naam ? Json(*h.naam) : Json(nullptr));
    kb.emplace("versie", h.versie ? Json(*h.versie) : Json(nullptr));
    kb.emplace("sleutel", h.sleutel);
    wortel.emplace("kennisbank", std::move(kennisbank));
    Json stappen = array(advies.stappen.size());
    for (const auto& s : advies.stappen) {
        Json stap = object(3);
        auto& leden = stap.get_ref<Json::object_t&>();
        leden.emplace("stap", s.stap);
        leden.emplace("naam", stap_namen[static_cast<std::size_t>(s.stap - 1)]);
        leden.emplace("status", naam_van(s.status));
        stappen.get_ref<Json::array_t&>().push_back(std::move(stap));
    }
    Json fase = object(2);
    fase.get_ref<Json::object_t&>().emplace("huidige_stap", advies.huidige_stap);
    fase.get_ref<Json::object_t&>().emplace("stappen", std::move(stappen));
    wortel.emplace("fase", std::move(fase));
    Json adviezen = array(advies.adviezen.size());
    for (const auto& a : advies.adviezen) {
        Json item = object(10);
        auto& leden = item.get_ref<Json::object_t&>();
        leden.emplace("id", a.id);
        leden.emplace("soort", naam_van(a.soort));
        leden.emplace("stap", a.stap);
        leden.emplace("onderwerp", a.onderwerp);
        leden.emplace("prioriteit", a.prioriteit);
        leden.emplace("tekst", a.tekst);
        leden.emplace("bron", a.bron);
        leden.emplace("factoren", tekstlijst(a.factoren));
        leden.emplace("onderbouwing", tekstlijst(a.onderbouwing));
        if (opties.uitleg && a.uitleg) leden.emplace("uitleg", uitleg_json(*a.uitleg));
        adviezen.get_ref<Json::array_t&>().push_back(std::move(item));
    }
    wortel.emplace("adviezen", std::move(adviezen));
    // An extension of the contract: the verdict per message, only when the plan has messages.
    if (!advies.boodschappen.empty()) {
        Json boodschappen = array(advies.boodschappen.size());
        for (const auto& b : advies.boodschappen) {
            Json item = object(6);
            auto& leden = item.get_ref<Json::object_t&>();
            leden.emplace("nr", b.nr);
            leden.emplace("onderwerp", b.onderwerp);
            leden.emplace("buikpijn", b.buikpijn);
            leden.emplace("aanpak", b.aanpak);
            leden.emplace("oordeel", b.oordeel);
            leden.emplace("toelichting", b.toelichting);
            boodschappen.get_ref<Json::array_t&>().push_back(std::move(item));
        }
        wortel.emplace("boodschappen", std::move(boodschappen));
    }
    // Texts come from the user's profile; invalid UTF-8 there must not abort the output.
    std::string uit = j.dump(2, ' ', false, Json::error_handler_t::replace);
    uit += '\n';
    return uit;
}

}  // namespace ww::advies
