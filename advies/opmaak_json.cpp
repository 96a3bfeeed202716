// SPDX-License-Identifier: EUPL-1.2
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>

#include "advies/adviesgroep.hpp"
#include "advies/opmaak.hpp"
#include "advies/uitbuffer.hpp"
#include "advies/zestien_bytes.hpp"
#include "rules/utf8.hpp"

namespace ww::advies {

namespace {

using Json = nlohmann::ordered_json;

Json uitleg_json(const Uitleg& u) {
    Json j;
    j["feit"] = u.feit;
    j["regel"] = u.regel.empty() ? Json(nullptr) : Json(u.regel);
    j["herkomst"] = naam_van(u.herkomst);
    Json bindingen = Json::object();
    for (const auto& [naam, waarde] : u.bindingen) bindingen[naam] = waarde;
    j["bindingen"] = std::move(bindingen);
    Json premissen = Json::array();
    for (const auto& p : u.premissen) premissen.push_back(uitleg_json(p));
    j["premissen"] = std::move(premissen);
    return j;
}

// Of sixteen bytes, the first that nlohmann's dump would change if the text is ASCII (16 for none): one
// below 0x20 or from 0x80 on, a '"' or a '\\'.
unsigned eerste_bijzondere(const char* p) {
    const Bytes16 x = laad16(p);
    return eerste((x < 0x20) | (x == '"') | (x == '\\'));
}

// Whether nlohmann's dump (ensure_ascii off) copies every byte of `t` unchanged: no byte below 0x20,
// no '"' or '\\', and every byte from 0x80 on part of a well-formed UTF-8 sequence (its decoder's,
// RFC 3629; DEL and C1 controls it copies too). Ordinary ASCII is skipped sixteen bytes at a time (the
// last sixteen for the rest), up to the first other byte: the texts of an advice are most of its
// bytes, and a Dutch one holds an é or a ’ now and then.
bool is_gewoon(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size()) {
        i = na_gewone(t, i, eerste_bijzondere);
        if (i == t.size()) return true;
        const auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x20 || c == '"' || c == '\\') return false;
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = utf8_length(t, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

// The document's layout is that of nlohmann's dump with indent 2, written straight into the thread's
// buffer (uitbuffer.hpp): a tree of some hundred small json values per advice, and its dump decoding every byte of every text
// as UTF-8, cost about as much as the consultation itself (docs/prestaties.md, "De dienst"). The
// escaping stays nlohmann's: a text that its dump would change (a control character, a quote, a
// backslash, invalid UTF-8 from the user's profile) goes through that public dump, which escapes it
// and replaces what is invalid; for any other text the dump is the text between quotes, which is what
// is written here.
// tests/advies/opmaak_json_test compares the result with the dump of the whole tree.
class Schrijver {
public:
    explicit Schrijver(Uitbuffer& uit) : uit_(uit) {}

    // `"sleutel": ` on a line of its own, after the previous member's `,` unless it is the first. The
    // keys are this file's own plain names, written as they are.
    void lid(unsigned inspringing, std::string_view sleutel, bool eerste = false) {
        char* p = uit_.ruimte_voor(inspringing + sleutel.size() + 6);
        if (!eerste) *p++ = ',';
        *p++ = '\n';
        std::memset(p, ' ', inspringing);
        p += inspringing;
        *p++ = '"';
        std::memcpy(p, sleutel.data(), sleutel.size());
        p += sleutel.size();
        std::memcpy(p, "\": ", 3);
        uit_.tot(p + 3);
    }
    void einde(unsigned inspringing, char haak) {
        char* p = uit_.ruimte_voor(inspringing + 2);
        *p++ = '\n';
        std::memset(p, ' ', inspringing);
        p += inspringing;
        *p++ = haak;
        uit_.tot(p);
    }
    void inspringen(unsigned n) {
        char* p = uit_.ruimte_voor(n);
        std::memset(p, ' ', n);
        uit_.tot(p + n);
    }
    void getal(long long n) { uit_.geheel(n); }
    void tekst(std::string_view t) {
        if (is_gewoon(t)) {
            char* p = uit_.ruimte_voor(t.size() + 2);
            *p = '"';
            std::memcpy(p + 1, t.data(), t.size());
            p[t.size() + 1] = '"';
            uit_.tot(p + t.size() + 2);
            return;
        }
        tekst_.get_ref<std::string&>().assign(t.data(), t.size());
        uit_ += tekst_.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    void tekst_veld(unsigned inspringing, std::string_view sleutel, std::string_view t, bool eerste = false) {
        lid(inspringing, sleutel, eerste);
        tekst(t);
    }
    void getal_veld(unsigned inspringing, std::string_view sleutel, long long n, bool eerste = false) {
        lid(inspringing, sleutel, eerste);
        getal(n);
    }
    void tekst_of_null(const std::optional<std::string>& t) {
        if (t) tekst(*t);
        else uit_ += "null";
    }
    void lijst(unsigned inspringing, const std::vector<std::string>& teksten) {
        if (teksten.empty()) {
            uit_ += "[]";
            return;
        }
        uit_ += '[';
        for (std::size_t i = 0; i < teksten.size(); ++i) {
            uit_ += i == 0 ? "\n" : ",\n";
            inspringen(inspringing + 2);
            tekst(teksten[i]);
        }
        einde(inspringing, ']');
    }
    // An array of objects, one per element of `reeks`, as a dump indents them from a line indented
    // `inspringing`: `velden` writes an element's members (the first with `eerste`) at inspringing + 4.
    template <typename Reeks, typename Velden>
    void objecten(unsigned inspringing, const Reeks& reeks, Velden&& velden) {
        if (reeks.empty()) {
            uit_ += "[]";
            return;
        }
        uit_ += '[';
        bool eerste = true;
        for (const auto& element : reeks) {
            char* p = uit_.ruimte_voor(inspringing + 4);
            if (!eerste) *p++ = ',';
            *p++ = '\n';
            std::memset(p, ' ', inspringing + 2);
            p += inspringing + 2;
            *p++ = '{';
            uit_.tot(p);
            velden(element);
            einde(inspringing + 2, '}');
            eerste = false;
        }
        einde(inspringing, ']');
    }
    // A subtree as the whole tree's dump would write it from a line indented `inspringing`: its own
    // dump with every line after the first moved right (a newline in a dump is always layout; one in a
    // text is escaped).
    void boom(const Json& j, unsigned inspringing) {
        const std::string d = j.dump(2, ' ', false, Json::error_handler_t::replace);
        for (const char c : d) {
            uit_ += c;
            if (c == '\n') inspringen(inspringing);
        }
    }

private:
    Uitbuffer& uit_;
    Json tekst_ = std::string();
};

}  // namespace

std::string als_json(const Advies& advies, const OpmaakOpties& opties) {
    Uitbuffer uit;
    als_json_in(uit, advies, opties);
    return uit.klaar();
}

void als_json_in(Uitbuffer& uit, const Advies& advies, const OpmaakOpties& opties) {
    Schrijver s(uit);
    uit += '{';
    s.getal_veld(2, "versie", advies.versie, true);
    s.tekst_veld(2, "gemeente", advies.gemeente);
    // What produced this advice, so that a stored advice says so (docs/advies.md).
    const Herkomst& h = advies.herkomst;
    s.tekst_veld(2, "programma", h.programma);
    s.lid(2, "kennisbank");
    uit += '{';
    s.lid(4, "naam", true);
    s.tekst_of_null(h.naam);
    s.lid(4, "versie");
    s.tekst_of_null(h.versie);
    s.tekst_veld(4, "sleutel", h.sleutel);
    s.einde(2, '}');
    s.lid(2, "fase");
    uit += '{';
    s.getal_veld(4, "huidige_stap", advies.huidige_stap, true);
    s.lid(4, "stappen");
    s.objecten(4, advies.stappen, [&](const StapStand& stap) {
        s.getal_veld(8, "stap", stap.stap, true);
        s.tekst_veld(8, "naam", stap_namen[static_cast<std::size_t>(stap.stap - 1)]);
        s.tekst_veld(8, "status", naam_van(stap.status));
    });
    s.einde(2, '}');
    s.lid(2, "adviezen");
    // An extension of the contract: the group of the human formats ("Nu doen", "Waarschuwingen", "Verder"). The list
    // is ordered by group first and by urgency within it, so a tool needs the group to read that order
    // (docs/advies.md, "Volgorde").
    const int nu_doen = nu_doen_stap(advies);
    s.objecten(2, advies.adviezen, [&](const AdviesItem& a) {
        s.tekst_veld(6, "id", a.id, true);
        s.tekst_veld(6, "soort", naam_van(a.soort));
        s.getal_veld(6, "stap", a.stap);
        s.tekst_veld(6, "onderwerp", a.onderwerp);
        s.getal_veld(6, "prioriteit", a.prioriteit);
        s.tekst_veld(6, "tekst", a.tekst);
        s.tekst_veld(6, "bron", a.bron);
        s.lid(6, "factoren");
        s.lijst(6, a.factoren);
        s.lid(6, "onderbouwing");
        s.lijst(6, a.onderbouwing);
        s.tekst_veld(6, "groep", naam_van(adviesgroep(a, nu_doen)));
        if (opties.uitleg && a.uitleg) {
            s.lid(6, "uitleg");
            s.boom(uitleg_json(*a.uitleg), 6);
        }
    });
    // An extension of the contract: the verdict per message, only when the plan has messages.
    if (!advies.boodschappen.empty()) {
        s.lid(2, "boodschappen");
        s.objecten(2, advies.boodschappen, [&](const Boodschapoordeel& b) {
            s.getal_veld(6, "nr", b.nr, true);
            s.tekst_veld(6, "onderwerp", b.onderwerp);
            s.tekst_veld(6, "buikpijn", b.buikpijn);
            s.tekst_veld(6, "aanpak", b.aanpak);
            s.tekst_veld(6, "oordeel", b.oordeel);
            s.tekst_veld(6, "toelichting", b.toelichting);
        });
    }
    s.einde(0, '}');
    uit += '\n';
}

}  // namespace ww::advies
