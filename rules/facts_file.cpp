// SPDX-License-Identifier: EUPL-1.2
#include "rules/facts_file.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include "rules/compiler.hpp"
#include "rules/input_limits.hpp"
#include "rules/site.hpp"
#include "rules/yaml_syntax_error.hpp"

namespace ww {

std::vector<FactSpec> read_facts_file(const std::string& path, const RuleBase& base) {
    return read_facts(SourceFile::read(path), base);
}

std::vector<FactSpec> read_facts(const SourceFile& file, const RuleBase& base) {
    Diagnostics diagnostics;
    Reporter reporter(diagnostics);
    std::vector<FactSpec> facts;
    YAML::Node root;
    try {
        root.reset(load_yaml(file.text()));
    } catch (const YAML::Exception& e) {
        const YamlSyntaxError error = explain_yaml_error(file.text(), e.mark, e.msg);
        reporter.at_mark(file, error.mark, error.message);
        throw LoadError(std::move(diagnostics));
    }
    if (root && !root.IsNull()) {
        if (!root.IsSequence()) {
            reporter.at_node(file, root, "een feitenbestand is een lijst van feiten: - \"naam(slot: waarde)\"");
        } else {
            RuleCompiler compiler(base, reporter);
            for (const auto& item : root) {
                if (!item.IsScalar()) {
                    reporter.at_node(file, item, "een feit is een tekst: \"naam(slot: waarde, ...)\"");
                    continue;
                }
                if (auto fact = compiler.compile_fact(Site::of(file, item))) facts.push_back(std::move(*fact));
            }
        }
    }
    if (!diagnostics.empty()) {
        diagnostics.sort_unique();
        throw LoadError(std::move(diagnostics));
    }
    return facts;
}

}  // namespace ww
