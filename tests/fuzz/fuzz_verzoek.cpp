// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: what the HTTP service does with a request body (web/profiel_verzoek.hpp and the error
// answers), as POST /api/v1/advies and /api/v1/communicatie do it. The input is a Content-Type line,
// an Accept line and the body. Every request ends in exactly one of: 415, 422 with at least one
// problem (valid JSON, every position inside the body), or advice in the format Accept chose.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "advies/adviestekst.hpp"
#include "advies/fout.hpp"
#include "advies/kennisbank.hpp"
#include "advies/raadpleging.hpp"
#include "web/onderhandeling.hpp"
#include "web/profiel_verzoek.hpp"
#include "web/verzoek_fout.hpp"
#include "fuzz_stop.hpp"

namespace {

struct Omgeving {
    std::unique_ptr<ww::advies::Kennisbank> kb = ww::advies::Kennisbank::laad(WW_FUZZ_KB);
    ww::advies::Raadpleging raadpleging{*kb};
};

Omgeving& omgeving() {
    static auto* o = new Omgeving();  // lives until exit: no teardown between runs
    return *o;
}

std::string_view regel(std::string_view& tekst) {
    const auto eind = tekst.find('\n');
    const std::string_view r = tekst.substr(0, eind);
    tekst.remove_prefix(eind == std::string_view::npos ? tekst.size() : eind + 1);
    return r;
}

// Lines of the body, for checking that every position is inside it.
int regels_in(std::string_view tekst) {
    int n = 1;
    for (char c : tekst) n += c == '\n';
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view invoer(reinterpret_cast<const char*>(data), size);
    ww::web::Verzoek v;
    v.methode = "POST";
    v.pad = "/api/v1/advies";
    v.inhoudstype = regel(invoer);
    v.accept = regel(invoer);
    v.lichaam = invoer;
    Omgeving& o = omgeving();
    for (auto opdracht : {ww::advies::Opdracht::advies, ww::advies::Opdracht::communicatie}) {
        auto profiel = ww::web::lees_profiel(v, o.raadpleging.vocabulaire(), opdracht);
        if (!profiel.invoer) {
            const auto& fout = profiel.fout;
            if (fout.status != 415 && fout.status != 422) ww::fuzz::stop("een geweigerd profiel zonder 415 of 422");
            if (ww::web::lichaamssoort(v.inhoudstype).has_value() != (fout.status == 422))
                ww::fuzz::stop("415 of 422 past niet bij het inhoudstype");
            const auto doc = nlohmann::json::parse(fout.lichaam, nullptr, false);
            if (doc.is_discarded() || !doc["fouten"].is_array() || doc["fouten"].empty())
                ww::fuzz::stop("een foutantwoord zonder geldige lijst fouten");
            for (const auto& f : doc["fouten"]) {
                if (!f["melding"].is_string() || f["melding"].get<std::string>().empty()) ww::fuzz::stop("een fout zonder melding");
                if (f.contains("regel") && (f["regel"].get<int>() < 1 || f["regel"].get<int>() > regels_in(v.lichaam) + 1 ||
                                            f["kolom"].get<int>() < 1))
                    ww::fuzz::stop("een fout met een plaats buiten het lichaam");
            }
            continue;
        }
        const auto formaat = ww::web::gevraagd_formaat(v.accept);
        std::string uit;
        try {
            uit = ww::advies::adviestekst(o.raadpleging, *profiel.invoer, opdracht, formaat, {});
        } catch (const ww::advies::InvoerFout& e) {
            // The engine's limits on a hostile profile: a 422 for the service, with problems.
            if (e.fouten.empty()) ww::fuzz::stop("een InvoerFout zonder fouten");
            (void)ww::web::verzoekfouten(e.fouten);
            continue;
        }
        if (uit.empty()) ww::fuzz::stop("een leeg advies");
        if (formaat == ww::advies::Formaat::json && nlohmann::json::parse(uit, nullptr, false).is_discarded())
            ww::fuzz::stop("advies als JSON dat geen geldige JSON is");
    }
    return 0;
}
