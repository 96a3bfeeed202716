// SPDX-License-Identifier: EUPL-1.2
#include "web/verzoek_fout.hpp"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>


namespace ww::web {

Antwoord foutantwoord(int status, const std::vector<VerzoekFout>& fouten) {
    nlohmann::ordered_json lijst = nlohmann::ordered_json::array();
    for (const VerzoekFout& f : fouten) {
        nlohmann::ordered_json item = nlohmann::ordered_json::object();
        if (f.regel > 0) {
            item["regel"] = f.regel;
            item["kolom"] = f.kolom;
        }
        if (!f.pad.empty()) item["pad"] = f.pad;
        item["melding"] = f.melding;
        lijst.push_back(std::move(item));
    }
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["fouten"] = std::move(lijst);
    Antwoord a;
    a.status = status;
    // Texts from the body may hold anything: invalid UTF-8 is replaced, never a reason to fail.
    a.lichaam = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    return a;
}

Antwoord foutantwoord(int status, std::string melding) {
    return foutantwoord(status, std::vector<VerzoekFout>{VerzoekFout{0, 0, {}, std::move(melding)}});
}

std::vector<VerzoekFout> verzoekfouten(std::vector<advies::Fout> fouten) {
    // In the order the command line prints them (advies::formatteer): by position.
    std::stable_sort(fouten.begin(), fouten.end(), [](const advies::Fout& a, const advies::Fout& b) {
        return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
    });
    std::vector<VerzoekFout> uit;
    uit.reserve(fouten.size());
    for (advies::Fout& f : fouten)
        uit.push_back(VerzoekFout{f.line, f.line > 0 ? f.col : 0, std::move(f.path), std::move(f.message)});
    return uit;
}

}  // namespace ww::web
