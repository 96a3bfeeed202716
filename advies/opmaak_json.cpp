#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

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

// Writes the contract's layout (that of nlohmann's dump with indent 2) straight into one string:
// building a tree of a few hundred small json objects per advice cost as much as the consultation
// itself. Every string that needs escaping goes through nlohmann's serializer, which also replaces
// invalid UTF-8 from the user's profile instead of aborting; the layout around them is fixed and
// ASCII. tests/advies/opmaak_json_test compares the result with the tree's dump.
class Schrijver {
public:
    explicit Schrijver(std::string& uit)
        : uit_(uit),
          serializer_(nlohmann::detail::output_adapter<char>(uit), ' ', Json::error_handler_t::replace),
          tekst_(std::string()) {}

    // `"sleutel": ` on a line of its own, after the previous member's `,` unless it is the first.
    void lid(unsigned inspringing, std::string_view sleutel, bool eerste = false) {
        uit_ += eerste ? "\n" : ",\n";
        uit_.append(inspringing, ' ');
        uit_ += '"';
        uit_ += sleutel;
        uit_ += "\": ";
    }
    void einde(unsigned inspringing, char haak) {
        uit_ += '\n';
        uit_.append(inspringing, ' ');
        uit_ += haak;
    }
    void getal(long long n) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        uit_.append(buf, r.ptr);
    }
    void tekst(std::string_view t) {
        // Nearly every text is printable ASCII without '"' or '\\', which nlohmann's escaping copies
        // unchanged (it only touches control characters, those two and invalid UTF-8): such a text
        // skips its byte-by-byte UTF-8 decoder, the largest cost left here. Anything else goes through it.
        if (std::all_of(t.begin(), t.end(), [](char c) {
                const auto u = static_cast<unsigned char>(c);
                return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
            })) {
            uit_ += '"';
            uit_ += t;
            uit_ += '"';
            return;
        }
        // One reused json string: no allocation once its capacity suffices.
        tekst_.get_ref<std::string&>().assign(t.data(), t.size());
        serializer_.dump(tekst_, false, false, 0);
    }
    void lijst(unsigned inspringing, const std::vector<std::string>& teksten) {
        if (teksten.empty()) {
            uit_ += "[]";
            return;
        }
        uit_ += '[';
        for (std::size_t i = 0; i < teksten.size(); ++i) {
            uit_ += i == 0 ? "\n" : ",\n";
            uit_.append(inspringing + 2, ' ');
            tekst(teksten[i]);
        }
        einde(inspringing, ']');
    }
    // A subtree dumped as the whole tree's dump would, from a line indented `inspringing`.
    void boom(const Json& j, unsigned inspringing) { serializer_.dump(j, true, false, 2, inspringing); }

private:
    std::string& uit_;
    nlohmann::detail::serializer<Json> serializer_;
    Json tekst_;
};

}  // namespace

std::string als_json(const Advies& advies, const OpmaakOpties& opties) {
    std::string uit;
    uit.reserve(1024 + 640 * advies.adviezen.size());
    Schrijver s(uit);
    uit += '{';
    s.lid(2, "versie", true);
    s.getal(advies.versie);
    s.lid(2, "gemeente");
    s.tekst(advies.gemeente);
    s.lid(2, "fase");
    uit += '{';
    s.lid(4, "huidige_stap", true);
    s.getal(advies.huidige_stap);
    s.lid(4, "stappen");
    uit += '[';
    for (std::size_t i = 0; i < advies.stappen.size(); ++i) {
        const auto& stap = advies.stappen[i];
        uit += i == 0 ? "\n      {" : ",\n      {";
        s.lid(8, "stap", true);
        s.getal(stap.stap);
        s.lid(8, "naam");
        s.tekst(stap_namen[static_cast<std::size_t>(stap.stap - 1)]);
        s.lid(8, "status");
        s.tekst(naam_van(stap.status));
        s.einde(6, '}');
    }
    s.einde(4, ']');
    s.einde(2, '}');
    s.lid(2, "adviezen");
    if (advies.adviezen.empty()) uit += "[]";
    else {
        uit += '[';
        for (std::size_t i = 0; i < advies.adviezen.size(); ++i) {
            const auto& a = advies.adviezen[i];
            uit += i == 0 ? "\n    {" : ",\n    {";
            s.lid(6, "id", true);
            s.tekst(a.id);
            s.lid(6, "soort");
            s.tekst(naam_van(a.soort));
            s.lid(6, "stap");
            s.getal(a.stap);
            s.lid(6, "onderwerp");
            s.tekst(a.onderwerp);
            s.lid(6, "prioriteit");
            s.getal(a.prioriteit);
            s.lid(6, "tekst");
            s.tekst(a.tekst);
            s.lid(6, "bron");
            s.tekst(a.bron);
            s.lid(6, "factoren");
            s.lijst(6, a.factoren);
            s.lid(6, "onderbouwing");
            s.lijst(6, a.onderbouwing);
            if (opties.uitleg && a.uitleg) {
                s.lid(6, "uitleg");
                s.boom(uitleg_json(*a.uitleg), 6);
            }
            s.einde(4, '}');
        }
        s.einde(2, ']');
    }
    s.einde(0, '}');
    uit += '\n';
    return uit;
}

}  // namespace ww::advies
