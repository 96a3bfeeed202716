// SPDX-License-Identifier: EUPL-1.2
#include "web/kennisbank_document.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ww::web {

namespace {

using Json = nlohmann::ordered_json;

// A value as JSON: texts and symbols as strings, numbers and booleans as themselves, the rest as
// the text it displays as.
Json als_json(const Value& v) {
    switch (v.kind()) {
        case ValueKind::nil: return nullptr;
        case ValueKind::boolean: return v.as_bool();
        case ValueKind::integer: return v.as_int();
        case ValueKind::string:
        case ValueKind::symbol: return std::string(v.as_text());
        default: return v.display();
    }
}

// Slot `naam` of `f` as JSON; null when the template lacks it.
Json slot(const Engine& engine, const Fact& f, std::string_view naam) {
    const int i = engine.template_def(f.tmpl).slot_index(naam);
    return i < 0 ? Json(nullptr) : als_json(f.slots[static_cast<std::size_t>(i)]);
}

// The facts of template `tmpl`, each as an object of the slots in `slots` (JSON name, slot name).
Json feiten(const Engine& engine, std::string_view tmpl, std::initializer_list<std::pair<const char*, const char*>> slots) {
    Json lijst = Json::array();
    const auto id = engine.find_template(tmpl);
    if (!id) return lijst;
    for (const Fact* f : engine.facts_of(*id)) {
        Json item = Json::object();
        for (const auto& [json_naam, slot_naam] : slots) item[json_naam] = slot(engine, *f, slot_naam);
        lijst.push_back(std::move(item));
    }
    return lijst;
}

// The constant value of field `veld` of the rule's first `emit advies`, else null (a rule that gives
// no advice, or computes the field).
Json adviesveld(const RuleDef& regel, std::string_view veld) {
    for (const Action& a : regel.actions) {
        if (a.kind != Action::Kind::emit || a.record_name != "advies") continue;
        for (const auto& [naam, e] : a.fields)
            if (naam == veld && e.op == Op::constant) return als_json(e.value);
        return nullptr;
    }
    return nullptr;
}

Json meta(const RuleDef& regel, std::string_view sleutel) {
    const auto it = regel.meta.find(std::string(sleutel));
    return it == regel.meta.end() ? Json(nullptr) : als_json(it->second);
}

}  // namespace

std::string kennisbank_document(const advies::Kennisbank& kennisbank, const Engine& engine) {
    Json doc = Json::object();
    const auto& manifest = kennisbank.regels().manifest();
    doc["naam"] = manifest ? Json(manifest->name) : Json(nullptr);
    doc["versie"] = manifest ? Json(manifest->version) : Json(nullptr);
    doc["sleutel"] = fmt::format("{:016x}", kennisbank.regels().content_key());
    Json regels = Json::array();
    for (const auto& r : kennisbank.regels().rules()) {
        Json onderwerp = meta(*r, "onderwerp");
        if (onderwerp.is_null()) onderwerp = adviesveld(*r, "onderwerp");
        Json bron = meta(*r, "source");
        if (bron.is_null()) bron = meta(*r, "bron");
        regels.push_back(Json{{"id", r->id},
                              {"omschrijving", r->description},
                              {"bron", std::move(bron)},
                              {"onderwerp", std::move(onderwerp)},
                              {"soort", adviesveld(*r, "soort")}});
    }
    doc["regels"] = std::move(regels);
    Json woorden = Json::object();
    woorden["factoren"] = feiten(engine, "factor", {{"id", "id"}, {"naam", "naam"}, {"pijler", "pijler"}});
    woorden["bronnen"] = feiten(engine, "bronsoort", {{"id", "id"}, {"soort", "soort"}, {"naam", "omschrijving"}});
    Json indicatoren = feiten(engine, "indicator", {{"id", "id"}, {"betekenis", "betekenis"}, {"hoger_is_beter", "hoger_is_beter"}});
    // The short name, where the knowledge base gives one (indicator_naam).
    const Json namen = feiten(engine, "indicator_naam", {{"indicator", "indicator"}, {"naam", "naam"}});
    for (Json& i : indicatoren) {
        Json naam = nullptr;
        for (const Json& n : namen)
            if (n["indicator"] == i["id"]) naam = n["naam"];
        i["naam"] = std::move(naam);
    }
    woorden["indicatoren"] = std::move(indicatoren);
    doc["woordenschat"] = std::move(woorden);
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ww::web
