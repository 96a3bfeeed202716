// SPDX-License-Identifier: EUPL-1.2
#include "rules/loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "engine/functions.hpp"
#include "rules/compiler.hpp"
#include "rules/input_limits.hpp"
#include "rules/suggest.hpp"
#include "rules/yaml_syntax_error.hpp"

namespace ww {
namespace {

bool is_quoted(const YAML::Node& scalar) { return scalar.Tag() == "!"; }


}  // namespace

bool Loader::check_map(const SourceFile& f, const YAML::Node& map, std::initializer_list<const char*> allowed,
                       std::string_view what) {
    bool ok = true;
    std::set<std::string> seen;
    std::vector<std::string> allowed_names(allowed.begin(), allowed.end());
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar()) {
            reporter_.at_node(f, it->first, fmt::format("een sleutel in {} moet een naam zijn", what));
            ok = false;
            continue;
        }
        const std::string key = it->first.Scalar();
        if (!seen.insert(key).second) {
            reporter_.at_node(f, it->first, fmt::format("sleutel '{}' staat twee keer in {}", key, what));
            ok = false;
        } else if (allowed.size() && std::find(allowed_names.begin(), allowed_names.end(), key) == allowed_names.end()) {
            std::string names;
            for (const auto& n : allowed_names) names += (names.empty() ? "" : ", ") + n;
            reporter_.at_node(f, it->first, fmt::format("onbekende sleutel '{}' in {}{} (mogelijk: {})", key, what,
                                                        did_you_mean(key, allowed_names), names));
            ok = false;
        }
    }
    return ok;
}

bool Loader::expect_scalar(const SourceFile& f, const YAML::Node& node, std::string_view what) {
    if (node.IsScalar()) return true;
    reporter_.at_node(f, node, fmt::format("{} moet een enkele waarde zijn", what));
    return false;
}

// Values written in YAML: a quoted scalar is a string; a plain one is read as the rule language
// reads a constant (3, 2.5, true, nil, a bare symbol); sequences are lists. With
// `text_as_string`, a plain scalar that is not a number or true/false is a string too.
std::optional<Value> Loader::yaml_value(const SourceFile& f, const YAML::Node& node, bool text_as_string) {
    if (node.IsSequence()) {
        std::vector<Value> items;
        bool ok = true;
        for (const auto& item : node) {
            auto v = yaml_value(f, item, text_as_string);
            if (v) items.push_back(std::move(*v));
            else ok = false;
        }
        if (!ok) return std::nullopt;
        return Value(std::move(items));
    }
    if (node.IsNull() && !is_quoted(node) && node.Scalar().empty()) return Value(Nil{});
    if (!node.IsScalar()) {
        reporter_.at_node(f, node, "hier hoort een waarde of een lijst van waarden");
        return std::nullopt;
    }
    if (is_quoted(node)) return Value::string(node.Scalar());
    Site site = Site::of(f, node);
    if (text_as_string) {
        Diagnostics scratch;
        Reporter quiet(scratch);
        RuleCompiler probe(base_, quiet);
        auto v = probe.compile_constant(site);
        if (v && (v->is_number() || v->kind() == ValueKind::boolean)) return v;
        return Value::string(node.Scalar());
    }
    RuleCompiler compiler(base_, reporter_);
    return compiler.compile_constant(site);
}

// `kennisbank: {naam: ..., versie: ...}`: what the knowledge base calls itself. One per knowledge
// base, in whichever file; both texts are required, so that provenance is never half there.
void Loader::load_manifest(const Document& d, const YAML::Node& node) {
    const SourceFile& f = file(d);
    if (!manifest_site_.empty()) {
        reporter_.at_node(f, node,
                          fmt::format("de kennisbank beschrijft zichzelf al in {}; 'kennisbank' staat in één bestand",
                                      manifest_site_));
        return;
    }
    manifest_site_ = fmt::format("{}:{}", f.path(), node.Mark().line + 1);
    if (!node.IsMap()) {
        reporter_.at_node(f, node, "kennisbank is een kaart met naam en versie");
        return;
    }
    if (!check_map(f, node, {"naam", "versie"}, "kennisbank")) return;
    Manifest m;
    bool ok = true;
    for (const char* key : {"naam", "versie"}) {
        const YAML::Node v = node[key];
        if (!v) {
            reporter_.at_node(f, node, fmt::format("kennisbank mist '{}'", key));
            ok = false;
        } else if (!v.IsScalar() || v.Scalar().empty()) {
            reporter_.at_node(f, v, fmt::format("kennisbank.{} is een niet-lege tekst", key));
            ok = false;
        } else {
            (std::string_view(key) == "naam" ? m.name : m.version) = v.Scalar();
        }
    }
    if (ok) base_.manifest_ = std::move(m);
}

void Loader::load_params(const Document& d, const YAML::Node& params) {
    const SourceFile& f = file(d);
    if (!params.IsMap()) {
        if (!params.IsNull()) reporter_.at_node(f, params, "params is een kaart van naam naar waarde");
        return;
    }
    check_map(f, params, {}, "params");
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        Param p;
        p.name = it->first.Scalar();
        // yaml-cpp's Node::operator= writes into the node; reset() rebinds.
        YAML::Node value;
        value.reset(it->second);
        if (value.IsMap()) {
            check_map(f, value, {"value", "reason"}, fmt::format("parameter ${}", p.name));
            if (value["reason"] && expect_scalar(f, value["reason"], "reason")) p.reason = value["reason"].Scalar();
            if (!value["value"]) {
                reporter_.at_node(f, value, fmt::format("parameter ${} heeft geen value", p.name));
                continue;
            }
            const YAML::Node inner = value["value"];
            value.reset(inner);
        }
        auto v = yaml_value(f, value, false);
        if (!v) continue;
        p.value = std::move(*v);
        if (base_.param_ids_.count(p.name)) {
            reporter_.at_node(f, it->first, fmt::format("parameter ${} bestaat al", p.name));
            continue;
        }
        base_.param_ids_.emplace(p.name, base_.params_.size());
        base_.params_.push_back(std::move(p));
    }
}

void Loader::load_templates(const Document& d, const YAML::Node& templates) {
    const SourceFile& f = file(d);
    if (!templates.IsMap()) {
        if (!templates.IsNull()) reporter_.at_node(f, templates, "templates is een kaart van naam naar beschrijving");
        return;
    }
    check_map(f, templates, {}, "templates");
    for (auto it = templates.begin(); it != templates.end(); ++it)
        if (it->first.IsScalar()) load_template(d, it->first, it->second);
}

void Loader::load_template(const Document& d, const YAML::Node& name, const YAML::Node& spec) {
    const SourceFile& f = file(d);
    TemplateDef t;
    t.name = name.Scalar();
    if (base_.template_ids_.count(t.name)) {
        reporter_.at_node(f, name, fmt::format("template '{}' bestaat al", t.name));
        return;
    }
    if (!spec.IsMap()) {
        reporter_.at_node(f, spec, fmt::format("template '{}' is een kaart met slots (en description)", t.name));
        return;
    }
    check_map(f, spec, {"description", "slots"}, fmt::format("template '{}'", t.name));
    if (spec["description"] && expect_scalar(f, spec["description"], "description"))
        t.description = spec["description"].Scalar();
    YAML::Node slots = spec["slots"];
    if (slots && !slots.IsNull()) {
        if (!slots.IsMap()) {
            reporter_.at_node(f, slots, "slots is een kaart van slotnaam naar type");
        } else if (slots.size() > limits::max_slots) {
            reporter_.at_node(f, slots, fmt::format("te veel slots in template '{}' ({}; hoogstens {})", t.name,
                                                    slots.size(), limits::max_slots));
        } else {
            check_map(f, slots, {}, fmt::format("de slots van '{}'", t.name));
            std::set<std::string> seen;
            for (auto it = slots.begin(); it != slots.end(); ++it) {
                if (!it->first.IsScalar() || !seen.insert(it->first.Scalar()).second) continue;
                SlotDef s;
                s.name = it->first.Scalar();
                const YAML::Node slot_spec = it->second;
                YAML::Node type_node;
                type_node.reset(slot_spec);
                std::optional<YAML::Node> default_node;
                if (slot_spec.IsMap()) {
                    check_map(f, slot_spec, {"type", "default", "nullable", "description"}, fmt::format("slot '{}'", s.name));
                    if (const YAML::Node n = slot_spec["default"]) default_node = n;
                    const YAML::Node type_spec = slot_spec["type"];
                    if (const YAML::Node n = slot_spec["nullable"]) {
                        if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false"))
                            reporter_.at_node(f, n, "nullable is true of false");
                        else
                            s.nullable = n.Scalar() == "true";
                    }
                    if (!type_spec) {
                        reporter_.at_node(f, slot_spec, fmt::format("slot '{}' heeft geen type", s.name));
                        continue;
                    }
                    type_node.reset(type_spec);
                }
                if (!expect_scalar(f, type_node, "een type")) continue;
                auto type = parse_type_name(type_node.Scalar());
                if (!type) {
                    reporter_.at_node(f, type_node,
                                      fmt::format("onbekend type '{}'{} (mogelijk: int, float, number, string, symbol, "
                                                  "bool, list, any)",
                                                  type_node.Scalar(),
                                                  did_you_mean(type_node.Scalar(), {"any", "bool", "float", "int", "list",
                                                                                    "number", "string", "symbol"})));
                    continue;
                }
                s.type = *type;
                if (default_node) {
                    auto v = yaml_value(f, *default_node, s.type == SlotType::string);
                    if (v && !fits(s.type, *v, s.nullable)) {
                        reporter_.at_node(f, *default_node,
                                          fmt::format("standaardwaarde {} past niet in slot '{}' ({})", v->repr(), s.name,
                                                      type_name(s.type)));
                    } else if (v) {
                        s.default_value = std::move(*v);
                    }
                }
                // A nullable slot nobody fills is "not known": nil, not the type's zero.
                if (s.nullable && !s.default_value) s.default_value = Value(Nil{});
                t.slots.push_back(std::move(s));
            }
        }
    }
    base_.template_ids_.emplace(t.name, static_cast<TemplateId>(base_.templates_.size()));
    base_.templates_.push_back(std::move(t));
}

void Loader::load_facts(const Document& d, const YAML::Node& facts) {
    const SourceFile& f = file(d);
    if (!facts.IsSequence()) {
        if (!facts.IsNull()) reporter_.at_node(f, facts, "facts is een lijst van feiten: - \"naam(slot: waarde)\"");
        return;
    }
    RuleCompiler compiler(base_, reporter_);
    for (const auto& item : facts) {
        if (!expect_scalar(f, item, "een feit")) continue;
        if (auto fact = compiler.compile_fact(Site::of(f, item))) base_.facts_.push_back(std::move(*fact));
    }
}

void Loader::load_rules(const Document& d, const YAML::Node& rules) {
    const SourceFile& f = file(d);
    if (!rules.IsSequence()) {
        if (!rules.IsNull()) reporter_.at_node(f, rules, "rules is een lijst van regels (- id: ...)");
        return;
    }
    for (const auto& rule : rules) load_rule(d, rule);
}

bool Loader::load_actions(const SourceFile& f, const YAML::Node& list, std::vector<ActionSite>& out) {
    bool ok = true;
    for (const auto& item : list) {
        if (item.IsScalar()) {
            out.push_back(ActionSite{Site::of(f, item), false, {}, {}, false});
            continue;
        }
        // `for: ?x in lijst, do: [...]` and `while: voorwaarde, do: [...]`: a head and a body of at
        // least one action.
        const bool is_for = item.IsMap() && item["for"] && !item["if"];
        if (is_for || (item.IsMap() && item["while"] && !item["if"])) {
            const char* key = is_for ? "for" : "while";
            if (!check_map(f, item, {key, "do"}, is_for ? "een for" : "een while")) ok = false;
            YAML::Node head = item[key];
            if (!expect_scalar(f, head, is_for ? "de kop van for (?x in lijst)" : "de voorwaarde van while")) {
                ok = false;
                continue;
            }
            ActionSite site{Site::of(f, head), false, {}, {}, is_for, !is_for};
            YAML::Node body = item["do"];
            if (!body || !body.IsSequence() || body.size() == 0) {
                reporter_.at_node(f, body ? body : YAML::Node(item),
                                  fmt::format("een {} heeft een do nodig: een lijst van minstens één actie", key));
                ok = false;
                continue;
            }
            if (!load_actions(f, body, site.then_part)) ok = false;
            out.push_back(std::move(site));
            continue;
        }
        if (!item.IsMap() || !item["if"]) {
            reporter_.at_node(f, item, "een actie is een tekst of een kaart 'if: ..., then: [...], else: [...]', 'for: ?x in lijst, do: [...]' of 'while: voorwaarde, do: [...]'");
            ok = false;
            continue;
        }
        if (!check_map(f, item, {"if", "then", "else"}, "een if")) ok = false;
        YAML::Node condition = item["if"];
        if (!expect_scalar(f, condition, "de voorwaarde van if")) {
            ok = false;
            continue;
        }
        ActionSite site{Site::of(f, condition), true, {}, {}};
        for (const char* key : {"then", "else"}) {
            YAML::Node part = item[key];
            if (!part) {
                if (std::string_view(key) == "then") {
                    reporter_.at_node(f, item, "een if heeft een then nodig: een lijst van acties");
                    ok = false;
                }
                continue;
            }
            if (!part.IsSequence() || part.size() == 0) {
                reporter_.at_node(f, part, fmt::format("{} van een if is een lijst van minstens één actie", key));
                ok = false;
                continue;
            }
            if (!load_actions(f, part, std::string_view(key) == "then" ? site.then_part : site.else_part)) ok = false;
        }
        out.push_back(std::move(site));
    }
    return ok;
}

void Loader::declare_functions(const Document& d, const YAML::Node& functions) {
    const SourceFile& f = file(d);
    if (!functions.IsMap()) {
        if (!functions.IsNull())
            reporter_.at_node(f, functions, "functions is een kaart van naam naar functie (naam: {params: \"?x\", do: [...]})");
        return;
    }
    check_map(f, functions, {}, "functions");
    for (auto it = functions.begin(); it != functions.end(); ++it)
        if (it->first.IsScalar()) declare_function(d, it->first, it->second);
}

void Loader::declare_function(const Document& d, const YAML::Node& name_node, const YAML::Node& spec) {
    const SourceFile& f = file(d);
    const std::string name = name_node.Scalar();
    // The names a call can have: a letter or _ first, then letters, digits, _ and a - before one of those.
    bool shaped = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
    for (std::size_t i = 1; shaped && i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        shaped = std::isalnum(c) || c == '_' || (c == '-' && i + 1 < name.size() && std::isalnum(static_cast<unsigned char>(name[i + 1])));
    }
    if (!shaped) {
        reporter_.at_node(f, name_node, fmt::format("'{}' is geen naam voor een functie (letters, cijfers, _ en -)", name));
        return;
    }
    if (find_function(name)) {
        reporter_.at_node(f, name_node,
                          fmt::format("'{}' is een ingebouwde functie (wegwijzer functies); kies een andere naam", name));
        return;
    }
    if (auto it = base_.function_ids_.find(name); it != base_.function_ids_.end()) {
        const auto& first = pending_functions_[it->second];
        const SourceFile& other = base_.files_[first.file];
        reporter_.at_node(f, name_node, fmt::format("functie '{}' bestaat al ({}:{})", name, other.path(),
                                                    other.line_of(first.def->source_offset) + 1));
        return;
    }
    if (!spec.IsMap()) {
        reporter_.at_node(f, spec, "een functie is een kaart met params en do (naam: {params: \"?x\", do: [...]})");
        return;
    }
    check_map(f, spec, {"params", "description", "do"}, "een functie");
    std::string description;
    if (YAML::Node n = spec["description"]; n && expect_scalar(f, n, "description")) description = n.Scalar();
    auto def = std::make_shared<FunctionDef>();
    def->name = name;
    def->source_offset = static_cast<std::uint32_t>(mark_file_offset(f, name_node.Mark()));
    // params: "?a, ?b, ...?rest" (a YAML list cannot hold ?a unquoted): variables, the last may be a rest.
    if (YAML::Node params = spec["params"]; params && !params.IsNull() && expect_scalar(f, params, "params")) {
        const Site site = Site::of(f, params);
        const std::string& text = site.text;
        std::set<std::string> seen;
        std::size_t at = text.find_first_not_of(" \t") == std::string::npos ? text.size() + 1 : 0;  // "": none
        while (at <= text.size()) {
            std::size_t end = text.find(',', at);
            if (end == std::string::npos) end = text.size();
            std::size_t b = text.find_first_not_of(" \t", at);
            std::size_t e = text.find_last_not_of(" \t", end == 0 ? 0 : end - 1);
            const bool empty = b == std::string::npos || b >= end;
            const std::string item = empty ? "" : text.substr(b, e - b + 1);
            const bool rest = item.rfind("...?", 0) == 0;
            const std::string var = item.substr(rest ? 4 : 1);
            bool ok = !item.empty() && (rest || item[0] == '?') && !var.empty() &&
                      (std::isalpha(static_cast<unsigned char>(var[0])) || var[0] == '_');
            for (char c : var) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
            const std::size_t where = empty ? std::min(at, text.size()) : b;
            if (!ok) {
                reporter_.at_site(site, where, "params is een lijst van variabelen met komma's ertussen, de laatste mag een rest zijn: \"?vraag, ?opties\", \"?eerste, ...?rest\"");
                return;
            }
            if (def->rest) {
                reporter_.at_site(site, where, "na de rest (...?naam) komt geen parameter meer; die neemt alle verdere argumenten");
                return;
            }
            if (!seen.insert(var).second) {
                reporter_.at_site(site, where, fmt::format("parameter ?{} staat twee keer in params", var));
                return;
            }
            def->variables.push_back("?" + var);
            if (rest) def->rest = true;
            else ++def->params;
            at = end + 1;
        }
    }
    YAML::Node body = spec["do"];
    if (!body || !body.IsSequence() || body.size() == 0) {
        reporter_.at_node(f, body ? body : spec, "een functie heeft een do nodig: een lijst van minstens één actie");
        return;
    }
    base_.function_ids_.emplace(name, base_.functions_.size());
    base_.function_sources_.emplace(name, FunctionSource{RuleOrigin{d.file, def->source_offset}, std::move(description)});
    base_.functions_.push_back(def);
    pending_functions_.push_back({std::move(def), d.file, body});
}

void Loader::compile_functions() {
    RuleCompiler compiler(base_, reporter_);
    for (auto& p : pending_functions_) {
        std::vector<ActionSite> actions;
        if (!load_actions(base_.files_[p.file], p.body, actions)) continue;
        compiler.compile_function(*p.def, actions);
    }
    // A function that calls one that emits or reads, emits or reads too: until nothing changes.
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& p : pending_functions_)
            if (!p.def->effects && compiler.has_effects(p.def->actions)) changed = p.def->effects = true;
    }
    pending_functions_.clear();
}

// `modules: [CONSTRAINTS, SOLUTION]`: CLIPS's defmodules. MAIN is always there; a rule names its
// module with `module:`, a `focus` action the modules it focuses. Names are global, like templates.
void Loader::load_modules(const Document& d, const YAML::Node& node) {
    const SourceFile& f = file(d);
    if (!node.IsSequence()) {
        reporter_.at_node(f, node, "modules is een lijst van namen: modules: [CONSTRAINTS, SOLUTION]");
        return;
    }
    for (const auto& item : node) {
        if (!item.IsScalar() || item.Scalar().empty()) {
            reporter_.at_node(f, item, "een module is een naam (letters, cijfers, _ en -)");
            continue;
        }
        const std::string name = item.Scalar();
        const bool well_formed = (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                                 std::all_of(name.begin(), name.end(), [](char c) {
                                     return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                                 });
        if (!well_formed) {
            reporter_.at_node(f, item, fmt::format("'{}' is geen naam voor een module (letters, cijfers, _ en -)", name));
            continue;
        }
        if (name == "MAIN") {
            reporter_.at_node(f, item, "MAIN is er altijd; noem alleen de andere modules");
            continue;
        }
        const std::string here = fmt::format("{}:{}", f.path(), item.Mark().line + 1);
        if (auto [it, added] = module_sites_.emplace(name, here); !added) {
            reporter_.at_node(f, item, fmt::format("module '{}' staat al in modules ({})", name, it->second));
            continue;
        }
        base_.modules_.push_back(name);
    }
}

void Loader::load_rule(const Document& d, const YAML::Node& node) {
    const SourceFile& f = file(d);
    if (!node.IsMap()) {
        reporter_.at_node(f, node, "een regel is een kaart met id, when en then");
        return;
    }
    check_map(f, node, {"id", "salience", "module", "auto_focus", "description", "logical", "source", "meta", "when", "then"},
              "een regel");
    RuleDef rule;
    YAML::Node id = node["id"];
    if (!id || !id.IsScalar() || id.Scalar().empty()) {
        reporter_.at_node(f, id ? id : node, "een regel heeft een id nodig");
        return;
    }
    rule.id = id.Scalar();
    bool ok = true;
    if (auto it = base_.origins_.find(rule.id); it != base_.origins_.end()) {
        const SourceFile& other = base_.files_[it->second.file];
        reporter_.at_node(f, id, fmt::format("regel '{}' bestaat al ({}:{})", rule.id, other.path(),
                                             other.line_of(it->second.offset) + 1));
        ok = false;
    }
    if (YAML::Node n = node["salience"]) {
        try {
            rule.salience = n.as<int>();
        } catch (const YAML::Exception&) {
            reporter_.at_node(f, n, "salience is een geheel getal");
            ok = false;
        }
    }
    if (YAML::Node n = node["module"]; n && expect_scalar(f, n, "module")) {
        if (!base_.has_module(n.Scalar())) {
            reporter_.at_node(f, n, base_.unknown_module(n.Scalar()));
            ok = false;
        } else if (n.Scalar() != "MAIN") {
            rule.module = n.Scalar();
            first_rule_in_module_.try_emplace(rule.module, d.file, n);
        }
    } else if (n) {
        ok = false;
    }
    if (YAML::Node n = node["auto_focus"]) {
        if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) {
            reporter_.at_node(f, n, "auto_focus is true of false");
            ok = false;
        } else {
            rule.auto_focus = n.Scalar() == "true";
        }
    }
    if (YAML::Node n = node["description"]; n && expect_scalar(f, n, "description")) rule.description = n.Scalar();
    // logical: true (the whole match), false, or how many conditions at the front of `when` the
    // facts rest on (CLIPS's `(logical ...)` around the first conditions).
    std::size_t logical_items = 0;
    YAML::Node logical_node = node["logical"];
    if (YAML::Node n = logical_node) {
        const std::string text = n.IsScalar() ? n.Scalar() : std::string();
        std::size_t count = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (n.IsScalar() && !text.empty() && ec == std::errc() && end == text.data() + text.size() && count > 0) {
            rule.logical = true;
            logical_items = count;
        } else if (!n.IsScalar() || (text != "true" && text != "false")) {
            reporter_.at_node(f, n, "logical is true, false of het aantal condities vooraan in when waarop de "
                                    "afgeleide feiten rusten (logical: 2)");
            ok = false;
        } else {
            rule.logical = text == "true";
        }
    }
    if (YAML::Node n = node["meta"]) {
        if (!n.IsMap()) {
            reporter_.at_node(f, n, "meta is een kaart van naam naar waarde");
            ok = false;
        } else {
            check_map(f, n, {}, "meta");
            for (auto it = n.begin(); it != n.end(); ++it) {
                if (!it->first.IsScalar()) continue;
                if (auto v = yaml_value(f, it->second, true)) rule.meta[it->first.Scalar()] = std::move(*v);
                else ok = false;
            }
        }
    }
    if (YAML::Node n = node["source"]; n && expect_scalar(f, n, "source")) {
        if (rule.meta.count("source")) {
            reporter_.at_node(f, n, "source staat ook in meta");
            ok = false;
        }
        rule.meta["source"] = Value::string(n.Scalar());
    }

    // when: conditions, with `or` groups expanded into alternatives.
    std::vector<ConditionSite> conditions;
    std::vector<std::vector<std::size_t>> alternatives{{}};
    constexpr std::size_t max_alternatives = 64;
    if (YAML::Node when = node["when"]; when && !when.IsNull()) {
        if (!when.IsSequence()) {
            reporter_.at_node(f, when, "when is een lijst van condities");
            ok = false;
        } else {
            // Each condition knows its item of `when` (for logical: N), stamped when the next begins.
            std::size_t items = 0;
            std::size_t stamped = 0;
            const auto stamp = [&] {
                for (; stamped < conditions.size(); ++stamped) conditions[stamped].item = items - 1;
            };
            for (const auto& item : when) {
                stamp();
                ++items;
                if (item.IsScalar()) {
                    conditions.push_back({Site::of(f, item), ConditionSite::Group::none, {}});
                    for (auto& alt : alternatives) alt.push_back(conditions.size() - 1);
                    continue;
                }
                if (!item.IsMap() || item.size() != 1 || !(item["or"] || item["not"] || item["forall"])) {
                    reporter_.at_node(f, item, "een conditie is een tekst of een kaart 'or: [...]', 'not: [...]' of 'forall: [...]'");
                    ok = false;
                    continue;
                }
                if (!item["or"]) {
                    const bool forall = static_cast<bool>(item["forall"]);
                    YAML::Node parts = item[forall ? "forall" : "not"];
                    const std::size_t least = forall ? 2 : 1;
                    if (!parts.IsSequence() || parts.size() < least) {
                        reporter_.at_node(f, parts, forall ? "forall is een lijst van minstens twee patronen: forall: [a(...), b(...)]"
                                                           : "not is een lijst van condities: not: [a(...), b(...)]");
                        ok = false;
                        continue;
                    }
                    ConditionSite group{{}, forall ? ConditionSite::Group::forall : ConditionSite::Group::negation, {}};
                    for (const auto& part : parts) {
                        if (!expect_scalar(f, part, forall ? "een patroon in forall" : "een conditie in not")) {
                            ok = false;
                            continue;
                        }
                        group.parts.push_back(Site::of(f, part));
                    }
                    if (group.parts.size() < least) continue;
                    group.text = group.parts.front();
                    conditions.push_back(std::move(group));
                    for (auto& alt : alternatives) alt.push_back(conditions.size() - 1);
                    continue;
                }
                YAML::Node options = item["or"];
                if (!options.IsSequence() || options.size() == 0) {
                    reporter_.at_node(f, options, "or is een lijst van alternatieven");
                    ok = false;
                    continue;
                }
                std::vector<std::vector<std::size_t>> option_indices;
                for (const auto& option : options) {
                    std::vector<std::size_t> indices;
                    if (option.IsScalar()) {
                        conditions.push_back({Site::of(f, option), ConditionSite::Group::none, {}});
                        indices.push_back(conditions.size() - 1);
                    } else if (option.IsSequence()) {
                        for (const auto& c : option) {
                            if (!expect_scalar(f, c, "een conditie in or")) {
                                ok = false;
                                continue;
                            }
                            conditions.push_back({Site::of(f, c), ConditionSite::Group::none, {}});
                            indices.push_back(conditions.size() - 1);
                        }
                    } else {
                        reporter_.at_node(f, option, "een alternatief is een conditie of een lijst van condities");
                        ok = false;
                        continue;
                    }
                    option_indices.push_back(std::move(indices));
                }
                // Every alternative so far combined with every option, in written order.
                std::vector<std::vector<std::size_t>> expanded;
                for (const auto& alt : alternatives) {
                    for (const auto& indices : option_indices) {
                        auto combined = alt;
                        combined.insert(combined.end(), indices.begin(), indices.end());
                        expanded.push_back(std::move(combined));
                    }
                }
                if (expanded.size() > max_alternatives) {
                    reporter_.at_node(f, item, fmt::format("te veel alternatieven (meer dan {}) door or", max_alternatives));
                    ok = false;
                    break;
                }
                if (!expanded.empty()) alternatives = std::move(expanded);
            }
            stamp();
            if (logical_items > items) {
                reporter_.at_node(f, logical_node, fmt::format("logical: {}, maar when heeft {} {}", logical_items, items,
                                                               items == 1 ? "conditie" : "condities"));
                ok = false;
            }
            if (logical_items >= items) logical_items = 0;  // all of them: the whole match
        }
    }
    if (logical_items && conditions.empty()) {
        reporter_.at_node(f, logical_node, fmt::format("logical: {}, maar de regel heeft geen condities", logical_items));
        ok = false;
        logical_items = 0;
    }
    for (const auto& alt : alternatives)
        if (alt.size() > limits::max_conditions) {
            reporter_.at_node(f, node["when"], fmt::format("te veel condities in één regel ({}; hoogstens {}); splits de regel",
                                                           alt.size(), limits::max_conditions));
            ok = false;
            break;
        }
    std::vector<ActionSite> actions;
    if (YAML::Node then = node["then"]; then && !then.IsNull()) {
        if (!then.IsSequence()) {
            reporter_.at_node(f, then, "then is een lijst van acties");
            ok = false;
        } else if (!load_actions(f, then, actions)) {
            ok = false;
        }
    }
    RuleCompiler compiler(base_, reporter_);
    if (!compiler.compile_rule(rule, conditions, alternatives, actions, logical_items)) ok = false;
    if (!base_.origins_.count(rule.id))
        base_.origins_.emplace(rule.id, RuleOrigin{d.file, mark_file_offset(f, node.Mark())});
    if (ok) base_.rules_.push_back(std::make_shared<const RuleDef>(std::move(rule)));
}

void Loader::run() {
    std::vector<Document> docs;
    for (std::size_t i = 0; i < base_.files_.size(); ++i) {
        const SourceFile& f = base_.files_[i];
        YAML::Node root;
        try {
            root.reset(load_yaml(f.text()));
        } catch (const YAML::Exception& e) {
            const YamlSyntaxError error = explain_yaml_error(f.text(), e.mark, e.msg);
            reporter_.at_mark(f, error.mark, error.message);
            continue;
        }
        if (!root || root.IsNull()) continue;
        if (!root.IsMap()) {
            reporter_.at_node(f, root, "een regelbestand is een kaart met params, templates, facts en rules");
            continue;
        }
        check_map(f, root, {"kennisbank", "params", "templates", "modules", "functions", "facts", "rules"}, "een regelbestand");
        docs.push_back({i, root});
    }
    for (const auto& d : docs)
        if (YAML::Node n = d.root["kennisbank"]) load_manifest(d, n);
    // Names are global: parameters and templates of all files first, then facts and rules.
    for (const auto& d : docs)
        if (YAML::Node n = d.root["params"]) load_params(d, n);
    for (const auto& d : docs)
        if (YAML::Node n = d.root["templates"]) load_templates(d, n);
    for (const auto& d : docs)
        if (YAML::Node n = d.root["modules"]) load_modules(d, n);
    for (const auto& d : docs)
        if (YAML::Node n = d.root["functions"]) declare_functions(d, n);
    compile_functions();
    for (const auto& d : docs) {
        if (YAML::Node n = d.root["facts"]) load_facts(d, n);
        if (YAML::Node n = d.root["rules"]) load_rules(d, n);
    }
    warn_unfocused_modules();
}

void Loader::warn_unfocused_modules() {
    if (first_rule_in_module_.empty()) return;
    std::set<std::string> focused;
    for (const auto& rule : base_.rules_) {
        if (rule->auto_focus) focused.insert(rule->module);
        for (const Action& a : rule->actions)
            if (a.kind == Action::Kind::focus) focused.insert(a.modules.begin(), a.modules.end());
    }
    for (const auto& [module, where] : first_rule_in_module_)
        if (!focused.count(module))
            reporter_.warning_at_node(base_.files_[where.first], where.second,
                                      fmt::format("de regels van module '{}' vuren nooit: geen actie focus {} en geen "
                                                  "regel met auto_focus: true in {}",
                                                  module, module, module));
}

}  // namespace ww
