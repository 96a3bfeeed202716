// SPDX-License-Identifier: EUPL-1.2
#include "rules/rule_base.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "rules/image.hpp"
#include "rules/loader.hpp"
#include "rules/suggest.hpp"

namespace ww {

RuleBase RuleBase::load(const std::string& path) { return load_sources(read_sources(path)); }

std::vector<SourceFile> RuleBase::read_sources(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<SourceFile> files;
    if (fs::is_directory(path, ec)) {
        std::vector<std::string> names;
        Diagnostics loops;
        // Every call with an error_code: a link that points to itself (ELOOP) would otherwise throw.
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code regular;
            const bool yaml = it->path().extension() == ".yaml";
            if (it->is_regular_file(regular) && yaml) names.push_back(it->path().string());
            else if (yaml && regular == std::errc::too_many_symbolic_link_levels)
                loops.add({it->path().string(), 0, 0, "een lus van symbolische links", ""});
        }
        if (!loops.empty()) throw LoadError(std::move(loops));
        std::sort(names.begin(), names.end());
        if (names.empty()) {
            Diagnostics d;
            d.add({path, 0, 0, "deze map bevat geen .yaml-bestanden", ""});
            throw LoadError(std::move(d));
        }
        Diagnostics unreadable;
        for (const auto& name : names) {
            try {
                files.push_back(SourceFile::read(name));
            } catch (const LoadError& e) {
                unreadable.append(e.diagnostics);
            }
        }
        if (!unreadable.empty()) throw LoadError(std::move(unreadable));
    } else if (fs::exists(path, ec)) {
        files.push_back(SourceFile::read(path));
    } else {
        Diagnostics d;
        const bool loop = ec == std::errc::too_many_symbolic_link_levels;
        d.add({path, 0, 0, loop ? "een lus van symbolische links" : "bestand of map bestaat niet", ""});
        throw LoadError(std::move(d));
    }
    return files;
}

RuleBase RuleBase::load_sources(std::vector<SourceFile> files) {
    RuleBase base;
    base.content_key_ = ww::content_key(files);
    base.files_ = std::move(files);
    Diagnostics diagnostics;
    Loader(base, diagnostics).run();
    diagnostics.sort_unique();
    // Warnings alone do not stop the load; with errors they are shown among them.
    Diagnostics warnings = diagnostics;
    warnings = warnings.take_warnings();
    if (warnings.size() < diagnostics.size()) throw LoadError(std::move(diagnostics));
    base.warnings_ = std::move(warnings);
    return base;
}

const FunctionDef* RuleBase::find_function_def(std::string_view name) const {
    auto it = function_ids_.find(name);
    return it == function_ids_.end() ? nullptr : functions_[it->second].get();
}

const FunctionSource* RuleBase::function_source(std::string_view name) const {
    auto it = function_sources_.find(name);
    return it == function_sources_.end() ? nullptr : &it->second;
}

const TemplateDef* RuleBase::find_template(std::string_view name) const {
    auto it = template_ids_.find(name);
    return it == template_ids_.end() ? nullptr : &templates_[it->second];
}

std::optional<TemplateId> RuleBase::template_id(std::string_view name) const {
    auto it = template_ids_.find(name);
    if (it == template_ids_.end()) return std::nullopt;
    return it->second;
}

const Param* RuleBase::find_param(std::string_view name) const {
    auto it = param_ids_.find(name);
    return it == param_ids_.end() ? nullptr : &params_[it->second];
}

const RuleOrigin* RuleBase::origin(std::string_view rule_id) const {
    auto it = origins_.find(rule_id);
    return it == origins_.end() ? nullptr : &it->second;
}

Diagnostic RuleBase::diagnostic_at(std::string_view rule_id, std::size_t offset, std::string message) const {
    const RuleOrigin* o = origin(rule_id);
    if (!o || files_.empty()) return Diagnostic{"", 0, 0, std::move(message), ""};
    return files_[o->file].at(offset, std::move(message));
}

bool RuleBase::has_module(std::string_view name) const {
    return name == "MAIN" || std::find(modules_.begin(), modules_.end(), name) != modules_.end();
}

std::string RuleBase::unknown_module(std::string_view name) const {
    std::vector<std::string> known{"MAIN"};
    known.insert(known.end(), modules_.begin(), modules_.end());
    std::string names;
    for (const auto& k : known) {
        if (!names.empty()) names += ", ";
        names += k;
    }
    return "onbekende module '" + std::string(name) + "'" + did_you_mean(name, known) + " (modules: " + names +
           "; een module noem je onder modules)";
}

}  // namespace ww
