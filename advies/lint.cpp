// SPDX-License-Identifier: EUPL-1.2
#include "advies/lint.hpp"
#include "advies/vraaggesprek.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "advies/advies.hpp"
#include "advies/raadpleging.hpp"
#include "advies/suggestie.hpp"
#include "advies/tekstkeuring.hpp"

namespace ww::advies {

namespace {

const std::vector<std::string> advies_velden = {"soort", "stap", "onderwerp", "prioriteit", "tekst", "factoren",
                                                "onderbouwing", "volgorde"};
const std::vector<std::string> stap_velden = {"stap", "status", "voldaan"};
const std::vector<std::string> boodschap_velden = {"nr", "onderwerp", "buikpijn", "aanpak", "oordeel", "toelichting"};

class Linter {
public:
    Linter(const RuleBase& kb, const std::string& map) : kb_(kb), map_(map) {}

    LintVerslag draai() {
        invoer();
        vocabulaire();
        for (const auto& regel : kb_.rules()) {
            records(*regel);
            begin_niet_met_not(*regel);
        }
        for (const auto& functie : kb_.functions()) functieteksten(*functie);
        stappen_gedekt();
        for (auto& [plek, melding] : controleer_vragen(kb_)) fout_bij(plek, std::move(melding));
        LintVerslag v;
        v.fouten = std::move(fouten_);
        v.regels = kb_.rules().size();
        v.templates = kb_.templates().size();
        v.feiten = kb_.facts().size();
        return v;
    }

private:
    // A problem with no position of its own: placed at the first place `zoek` occurs in the knowledge
    // base's files (a template or id as written), else at the knowledge base as a whole.
    void fout_bij(std::string_view zoek, std::string melding) {
        for (const auto& f : kb_.files()) {
            const auto pos = zoek.empty() ? std::string::npos : f.text().find(zoek);
            if (pos != std::string::npos) {
                fouten_.push_back(f.at(pos, std::move(melding)));
                return;
            }
        }
        Fout f;
        f.file = map_;
        f.line = 1;
        f.col = 1;
        f.message = std::move(melding);
        fouten_.push_back(std::move(f));
    }

    void fout_in_regel(const RuleDef& regel, std::uint32_t offset, std::string melding) {
        const RuleOrigin* o = kb_.origin(regel.id);
        if (offset == 0 && o) offset = static_cast<std::uint32_t>(o->offset);
        if (o) fouten_.push_back(kb_.diagnostic_at(regel.id, offset, fmt::format("regel '{}': {}", regel.id, melding)));
        else fout_bij("id: " + regel.id, fmt::format("regel '{}': {}", regel.id, melding));
    }

    void invoer() {
        for (const auto& [naam, slots] : invoer_sjablonen()) {
            const TemplateDef* t = kb_.find_template(naam);
            if (!t) {
                fout_bij({}, fmt::format("template '{}' ontbreekt; de profiellezer vult het (zie invoer.yaml)", naam));
                continue;
            }
            for (const auto& slot : slots)
                if (t->slot_index(slot) < 0)
                    fout_bij(naam + ":", fmt::format("template '{}' mist slot '{}', dat de profiellezer vult", naam, slot));
        }
    }

    // Slot `slot` of an initial fact, or null when not given.
    static const Value* slot_van(const FactSpec& f, std::string_view slot) {
        for (const auto& [k, v] : f.slots)
            if (k == slot) return &v;
        return nullptr;
    }

    void vocabulaire() {
        struct Soort {
            const char* tmpl;
            const char* wat;
            std::vector<std::string> slots;
        };
        const std::array<Soort, 3> soorten = {Soort{"factor", "factoren", {"id", "naam"}},
                                              Soort{"bronsoort", "bronnen", {"id", "soort"}},
                                              Soort{"indicator", "indicatoren", {"id"}}};
        for (const auto& s : soorten) {
            auto tid = kb_.template_id(s.tmpl);
            const TemplateDef* t = kb_.find_template(s.tmpl);
            if (!tid || !t) {
                fout_bij({}, fmt::format("de woordenschat ontbreekt: template '{}' (de {} die een profiel mag noemen)", s.tmpl, s.wat));
                continue;
            }
            bool slots_ok = true;
            for (const auto& slot : s.slots)
                if (t->slot_index(slot) < 0) {
                    fout_bij(std::string(s.tmpl) + ":", fmt::format("template '{}' mist slot '{}'", s.tmpl, slot));
                    slots_ok = false;
                }
            if (!slots_ok) continue;
            std::set<std::string> ids;
            for (const auto& f : kb_.facts()) {
                if (f.tmpl != *tid) continue;
                const Value* id = slot_van(f, "id");
                if (!id || id->kind() != ValueKind::symbol) {
                    fout_bij(std::string(s.tmpl) + "(", fmt::format("een '{}'-feit zonder id (een symbool)", s.tmpl));
                    continue;
                }
                const std::string tekst(id->as_text());
                if (!ids.insert(tekst).second)
                    fout_bij("id: " + tekst, fmt::format("'{}' staat twee keer in de woordenschat ({})", tekst, s.tmpl));
                if (std::string_view(s.tmpl) == "bronsoort") {
                    const Value* soort = slot_van(f, "soort");
                    const std::string st = soort && soort->kind() == ValueKind::symbol ? std::string(soort->as_text()) : "";
                    if (st != "kwantitatief" && st != "kwalitatief")
                        fout_bij("id: " + tekst, fmt::format("bron '{}' heeft geen soort kwantitatief of kwalitatief", tekst));
                }
                if (onleesbaar_id(tekst)) {
                    const Value* naam = slot_van(f, std::string_view(s.tmpl) == "factor" ? "naam"
                                                    : std::string_view(s.tmpl) == "bronsoort" ? "omschrijving" : "betekenis");
                    onleesbare_ids_.push_back({tekst, naam && naam->kind() == ValueKind::string ? std::string(naam->as_text()) : ""});
                }
                if (std::string_view(s.tmpl) == "factor") {
                    const Value* naam = slot_van(f, "naam");
                    if (!naam || naam->kind() != ValueKind::string || naam->as_text().empty())
                        fout_bij("id: " + tekst, fmt::format("factor '{}' heeft geen naam", tekst));
                    factoren_.push_back(tekst);
                }
            }
            if (ids.empty()) fout_bij(std::string(s.tmpl) + ":", fmt::format("de woordenschat noemt geen {}", s.wat));
        }
    }

    static std::optional<Value> constant(const Expr& e) {
        if (e.op == Op::constant) return e.value;
        return std::nullopt;
    }

    void records(const RuleDef& regel) {
        for (const auto& a : regel.actions) {
            if (a.kind != Action::Kind::emit) continue;
            if (a.record_name == "advies") advies_record(regel, a);
            else if (a.record_name == "stap") stap_record(regel, a);
            else if (a.record_name == "boodschap") boodschap_record(regel, a);
        }
    }

    // The field `naam` of an emit action; its absence is reported.
    const Expr* veld(const RuleDef& regel, const Action& a, std::string_view naam) {
        for (const auto& [k, e] : a.fields)
            if (k == naam) return &e;
        fout_in_regel(regel, a.source_offset, fmt::format("'emit {}' mist veld '{}'", a.record_name, naam));
        return nullptr;
    }

    static const Expr* optioneel_veld(const Action& a, std::string_view naam) {
        for (const auto& [k, e] : a.fields)
            if (k == naam) return &e;
        return nullptr;
    }

    void onbekende_velden(const RuleDef& regel, const Action& a, const std::vector<std::string>& velden) {
        for (const auto& [k, e] : a.fields)
            if (std::find(velden.begin(), velden.end(), k) == velden.end())
                fout_in_regel(regel, a.source_offset,
                              fmt::format("'emit {}' heeft een onbekend veld '{}'{}", a.record_name, k, bedoelde_je(k, velden)));
    }

    void symbool_uit(const RuleDef& regel, const Action& a, const Expr* e, std::string_view veldnaam,
                     std::span<const std::string_view> opties) {
        if (!e) return;
        auto c = constant(*e);
        if (!c) {
            fout_in_regel(regel, a.source_offset, fmt::format("'{}' moet een vast woord zijn, zodat het te controleren is", veldnaam));
            return;
        }
        if (c->kind() != ValueKind::symbol ||
            std::find(opties.begin(), opties.end(), c->as_text()) == opties.end()) {
            std::vector<std::string> o(opties.begin(), opties.end());
            const std::string tekst = c->display();
            fout_in_regel(regel, a.source_offset,
                          fmt::format("{} '{}' is niet toegestaan{}", veldnaam, tekst,
                                      dichtstbij(tekst, o) ? bedoelde_je(tekst, o) : "; kies uit " + samen_van(o)));
        }
    }
    static std::string samen_van(const std::vector<std::string>& o) {
        std::string s;
        for (std::size_t i = 0; i < o.size(); ++i) s += (i ? ", " : "") + o[i];
        return s;
    }

    void stap_nummer(const RuleDef& regel, const Action& a, const Expr* e, bool voor_status) {
        if (!e) return;
        auto c = constant(*e);
        if (!c) {
            if (voor_status) stap_variabel_ = true;
            return;
        }
        if (c->kind() != ValueKind::integer || c->as_int() < 1 || c->as_int() > 5) {
            fout_in_regel(regel, a.source_offset, fmt::format("stap {} ligt niet tussen 1 en 5", c->repr()));
            return;
        }
        if (voor_status) gedekt_[static_cast<std::size_t>(c->as_int() - 1)] = true;
    }

    void advies_record(const RuleDef& regel, const Action& a) {
        auto src = regel.meta.find("source");
        if (src == regel.meta.end() || src->second.is_nil() || src->second.display().empty())
            fout_in_regel(regel, 0, "geeft advies maar heeft geen 'source' (de sectie van het stappenplan waarop het rust)");
        onbekende_velden(regel, a, advies_velden);
        static constexpr std::array<std::string_view, 3> soorten = {"actie", "waarschuwing", "info"};
        symbool_uit(regel, a, veld(regel, a, "soort"), "soort", soorten);
        stap_nummer(regel, a, veld(regel, a, "stap"), false);
        symbool_uit(regel, a, veld(regel, a, "onderwerp"), "onderwerp", onderwerpen);
        if (const Expr* p = veld(regel, a, "prioriteit"))
            if (auto c = constant(*p); c && (c->kind() != ValueKind::integer || c->as_int() < 1))
                fout_in_regel(regel, a.source_offset, fmt::format("prioriteit {} is geen geheel getal vanaf 1", c->repr()));
        if (const Expr* t = veld(regel, a, "tekst"))
            if (auto c = constant(*t); c && (c->kind() != ValueKind::string || c->as_text().empty()))
                fout_in_regel(regel, a.source_offset, "tekst moet een niet-lege tekst zijn");
        if (const Expr* f = veld(regel, a, "factoren")) factoren(regel, a, *f);
        if (const Expr* o = optioneel_veld(a, "volgorde"))
            if (auto c = constant(*o); c && c->kind() != ValueKind::integer)
                fout_in_regel(regel, a.source_offset, fmt::format("volgorde {} is geen geheel getal", c->repr()));
        const auto meld = [&](std::string melding) { fout_in_regel(regel, a.source_offset, std::move(melding)); };
        advies_teksten(a, meld);
        veld(regel, a, "onderbouwing");
    }

    // The text and onderbouwing of an `emit advies`, a rule's or a function's.
    template <typename Meld>
    void advies_teksten(const Action& a, const Meld& meld) const {
        for (const char* veldnaam : {"tekst", "onderbouwing"})
            for (const auto& [k, e] : a.fields)
                if (k == veldnaam) letterlijke_teksten(e, meld);
    }

    // The literal pieces of a text for a person, wherever they sit in its expression: what the contract
    // forbids in the advice ("bron(nen)", an id instead of its name) is already visible here. Numbers are
    // left to `wegwijzer test`: a fragment like "stap 2." is not a number written the English way. What
    // is only compared (`?w == "de {?gl}"`, `?x in [...]`) is never shown, so it is not judged.
    template <typename Meld>
    void letterlijke_teksten(const Expr& e, const Meld& meld) const {
        auto keur = [&](const Value& v) {
            if (v.kind() != ValueKind::string) return;
            for (const auto& bezwaar : tekstbezwaren(v.as_text(), onleesbare_ids_, false))
                meld(fmt::format("de tekst \"{}\" {}", v.as_text(), bezwaar));
        };
        if (auto c = constant(e)) {
            if (c->kind() == ValueKind::list)
                for (const auto& x : c->as_list()) keur(x);
            else keur(*c);
        }
        switch (e.op) {
            case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in: return;
            default: break;
        }
        for (const auto& x : e.args) letterlijke_teksten(x, meld);
    }

    // A function of the knowledge base (`functions`: actie_namen, plek_zoals_gemeten) builds text that
    // rules put in advice: its literal pieces are held to what a rule's own text is, in what it binds,
    // returns or emits as advice. Its conditions and loops only decide; they show nothing.
    void functieteksten(const FunctionDef& functie) {
        const FunctionSource* bron = kb_.function_source(functie.name);
        for (const auto& a : functie.actions) {
            const auto meld = [&](std::string melding) {
                melding = fmt::format("functie '{}': {}", functie.name, melding);
                if (bron && bron->origin.file < kb_.files().size())
                    fouten_.push_back(kb_.files()[bron->origin.file].at(a.source_offset ? a.source_offset : bron->origin.offset,
                                                                        std::move(melding)));
                else
                    fout_bij(functie.name + ":", std::move(melding));
            };
            if (a.kind == Action::Kind::bind || a.kind == Action::Kind::return_) letterlijke_teksten(a.expr, meld);
            else if (a.kind == Action::Kind::emit && a.record_name == "advies") advies_teksten(a, meld);
        }
    }

    // Factor ids written as constants in `factoren: [...]` must be in the vocabulary.
    void factoren(const RuleDef& regel, const Action& a, const Expr& e) {
        std::vector<Value> waarden;
        if (auto c = constant(e)) {
            if (c->kind() == ValueKind::list) waarden = c->as_list();
        } else if (e.op == Op::list) {
            for (const auto& x : e.args)
                if (auto c = constant(x)) waarden.push_back(*c);
        }
        for (const auto& w : waarden) {
            if (w.kind() != ValueKind::symbol) continue;
            const std::string id(w.as_text());
            if (!factoren_.empty() && std::find(factoren_.begin(), factoren_.end(), id) == factoren_.end())
                fout_in_regel(regel, a.source_offset, fmt::format("factor '{}' staat niet in de woordenschat{}", id, bedoelde_je(id, factoren_)));
        }
    }

    void stap_record(const RuleDef& regel, const Action& a) {
        onbekende_velden(regel, a, stap_velden);
        stap_nummer(regel, a, veld(regel, a, "stap"), true);
        if (const Expr* s = veld(regel, a, "status"))
            if (constant(*s)) {
                static constexpr std::array<std::string_view, 3> statussen = {"afgerond", "bezig", "open"};
                symbool_uit(regel, a, s, "status", statussen);
            }
    }

    // The verdict on a message: every field, and an oordeel written as a word must be one of the four.
    void boodschap_record(const RuleDef& regel, const Action& a) {
        auto src = regel.meta.find("source");
        if (src == regel.meta.end() || src->second.is_nil() || src->second.display().empty())
            fout_in_regel(regel, 0, "geeft een oordeel maar heeft geen 'source' (de sectie van het stappenplan waarop het rust)");
        onbekende_velden(regel, a, boodschap_velden);
        for (const auto& veldnaam : boodschap_velden) {
            const Expr* e = veld(regel, a, veldnaam);
            if (veldnaam == "oordeel" && e && constant(*e)) symbool_uit(regel, a, e, "oordeel", oordelen);
        }
    }

    // A `not` as a rule's first condition is matched against the root: its level is there before any
    // profile, so it is part of the checkpoint a warm consultation rolls back to (Raadpleging). A
    // profile fact that blocks it takes that level away, and the engine can then no longer roll back
    // by retracting the consultation's own facts: it rebuilds the whole initial state instead, some
    // 1.6 M instructions per such consultation (docs/prestaties-metingen.md, sessie 29, h-warm21).
    // `modus()` or `afgeleid()` in front makes the level each consultation's own.
    void begin_niet_met_not(const RuleDef& regel) {
        for (const auto& alternatief : regel.alternatives) {
            if (alternatief.empty() || alternatief.front().kind != Condition::Kind::negation) continue;
            fout_in_regel(regel, alternatief.front().source_offset,
                          "begint met een 'not'; een warme raadpleging met een feit dat die 'not' blokkeert, bouwt dan de hele "
                          "begintoestand opnieuw op in plaats van haar eigen feiten in te trekken: zet 'modus()' of "
                          "'afgeleid()' ervoor (knowledge-base/README.md)");
            return;  // one message per rule, also when several alternatives start so
        }
    }

    void stappen_gedekt() {
        if (stap_variabel_) return;  // a rule computes the step number; cannot tell statically
        for (std::size_t i = 0; i < gedekt_.size(); ++i)
            if (!gedekt_[i])
                fout_bij({}, fmt::format("geen regel zendt 'stap(stap: {}, status: ...)' uit; elke stap heeft een status nodig", i + 1));
    }

    const RuleBase& kb_;
    const std::string& map_;
    std::vector<Fout> fouten_;
    std::vector<std::string> factoren_;
    std::vector<OnleesbaarId> onleesbare_ids_;  // of the vocabulary, for the literal texts
    std::array<bool, 5> gedekt_{};
    bool stap_variabel_ = false;
};

}  // namespace

LintVerslag lint(const RuleBase& kennisbank, const std::string& map) { return Linter(kennisbank, map).draai(); }

}  // namespace ww::advies
