// SPDX-License-Identifier: EUPL-1.2
#include "advies/yaml_syntax.hpp"

#include <optional>
#include <utility>

#include <yaml-cpp/exceptions.h>

#include "advies/json_boom.hpp"
#include "advies/syntax_pad.hpp"
#include "advies/yaml_boom.hpp"
#include "advies/yaml_lezer.hpp"
#include "rules/input_limits.hpp"
#include "rules/yaml_syntax_error.hpp"

namespace ww::advies {

namespace {

// The field a syntax error is in, where the text tells (advies/syntax_pad.hpp); at the end of the text
// when yaml-cpp gives no place.
std::string pad_bij(std::string_view tekst, const YAML::Mark& plaats) {
    return pad_bij_positie(tekst, plaats.pos < 0 ? tekst.size() : static_cast<std::size_t>(plaats.pos));
}

}  // namespace

ProfielYaml lees_profiel_yaml(std::string_view tekst, const std::string& bestand) {
    // The result is made from the tree that was read, not made empty first and then given it: an empty
    // YamlDocuments makes its storage (three allocations), which the tree read would replace at once.
    // JSON the quick way when it is plain JSON: the same tree, without yaml-cpp's scanner. nlohmann has
    // then seen every quote closed, so the check for an open quote below has nothing to find.
    if (auto json = lees_json_boom(tekst)) return ProfielYaml{std::move(*json), {}};
    // Plain block YAML the same way: the same tree, so the check below says the same about it.
    std::optional<YamlDocuments> boom = lees_yaml_boom(tekst);
    if (!boom) {
        try {
            boom.emplace(load_yaml_documents(tekst));
        } catch (const YAML::Exception& e) {
            const auto f = explain_yaml_error(tekst, e.mark, e.msg);
            YamlLezer y(bestand, tekst);
            y.fout(f.mark, f.message, pad_bij(tekst, f.mark));
            ProfielYaml uit;
            uit.fouten = y.neem_fouten();
            return uit;
        }
    }
    ProfielYaml uit{std::move(*boom), {}};
    // yaml-cpp reads a quote that is never closed as a text running to the end of the file. Then
    // the document's last scalar is quoted and nothing after its opening quote closes it: only that
    // tail is looked at, so a valid profile costs next to nothing here.
    const auto& opslag = *uit.documenten.storage;
    for (auto it = opslag.rbegin(); it != opslag.rend(); ++it) {
        if (it->kind != YamlNode::Kind::scalar) continue;
        const int pos = it->mark.pos;
        if (it->tag == "!" && pos >= 0 && static_cast<std::size_t>(pos) < tekst.size() &&
            (tekst[static_cast<std::size_t>(pos)] == '"' || tekst[static_cast<std::size_t>(pos)] == '\'')) {
            if (auto f = unclosed_quote(tekst)) {
                YamlLezer y(bestand, tekst);
                y.fout(f->mark, f->message, pad_bij(tekst, f->mark));
                uit.fouten = y.neem_fouten();
            }
        }
        break;
    }
    return uit;
}

}  // namespace ww::advies
