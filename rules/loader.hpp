// SPDX-License-Identifier: EUPL-1.2
// Reads rule files (YAML) into a RuleBase: the file structure (params, templates, facts, rules),
// duplicate and unknown keys, and the texts handed to the RuleCompiler.
#pragma once

#include <map>

#include <vector>

#include <yaml-cpp/yaml.h>

#include "rules/diagnostic.hpp"
#include "rules/rule_base.hpp"
#include "rules/site.hpp"

namespace ww {

struct ActionSite;

class Loader {
public:
    Loader(RuleBase& base, Diagnostics& diagnostics) : base_(base), diagnostics_(diagnostics), reporter_(diagnostics) {}
    // Loads every file of the rule base; problems go to the diagnostics.
    void run();

private:
    struct Document {
        std::size_t file = 0;
        YAML::Node root;
    };
    const SourceFile& file(const Document& d) const { return base_.files_[d.file]; }
    // Reports duplicate keys, and keys not in `allowed` (when given); returns false on either.
    bool check_map(const SourceFile& f, const YAML::Node& map, std::initializer_list<const char*> allowed,
                   std::string_view what);
    bool expect_scalar(const SourceFile& f, const YAML::Node& node, std::string_view what);
    void load_manifest(const Document& d, const YAML::Node& manifest);
    void load_params(const Document& d, const YAML::Node& params);
    void load_templates(const Document& d, const YAML::Node& templates);
    void load_modules(const Document& d, const YAML::Node& modules);
    void load_template(const Document& d, const YAML::Node& name, const YAML::Node& spec);
    // `functions:` (CLIPS's deffunction): names and parameters of all files first, so that bodies and
    // rules may call any of them (recursion too); then the bodies, then which of them emit or read.
    void declare_functions(const Document& d, const YAML::Node& functions);
    void declare_function(const Document& d, const YAML::Node& name, const YAML::Node& spec);
    void compile_functions();
    void load_facts(const Document& d, const YAML::Node& facts);
    void load_rules(const Document& d, const YAML::Node& rules);
    void load_rule(const Document& d, const YAML::Node& rule);
    // The items of a `then` list (or of an `if`'s then or else); false when one is malformed.
    bool load_actions(const SourceFile& f, const YAML::Node& list, std::vector<ActionSite>& out);
    std::optional<Value> yaml_value(const SourceFile& f, const YAML::Node& node, bool text_as_string);

    RuleBase& base_;
    Diagnostics& diagnostics_;
    Reporter reporter_;
    // Where the manifest was read (file and line, for the message about a second one).
    std::string manifest_site_;
    // Where each module of `modules` was named (file and line, for the message about a second one).
    std::map<std::string, std::string> module_sites_;
    // Per module other than MAIN, the `module:` of the first rule in it, to warn when nothing ever
    // focuses the module (no focus naming it, no auto_focus rule in it): its rules never fire.
    std::map<std::string, std::pair<std::size_t, YAML::Node>> first_rule_in_module_;
    // Functions declared and not yet compiled: the definition (shared with the rule base, filled in
    // by compile_functions), its file and its `do`.
    struct PendingFunction {
        std::shared_ptr<FunctionDef> def;
        std::size_t file = 0;
        YAML::Node body;
    };
    std::vector<PendingFunction> pending_functions_;
    void warn_unfocused_modules();
};

}  // namespace ww
