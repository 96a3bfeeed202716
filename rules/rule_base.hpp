// SPDX-License-Identifier: EUPL-1.2
// A loaded rule base: templates, parameters, compiled rules and initial facts, ready to be put into
// any number of engines. Loading parses and checks everything once; instantiating an engine only
// copies the compiled definitions.
#pragma once

#include <map>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "engine/rule.hpp"
#include "engine/template.hpp"
#include "engine/value.hpp"
#include "rules/diagnostic.hpp"
#include "rules/source_file.hpp"

namespace ww {

struct Param {
    std::string name;
    Value value;
    std::string reason;
};

// A fact to assert: template and the slots given (the others take their defaults).
struct FactSpec {
    TemplateId tmpl = 0;
    std::vector<std::pair<std::string, Value>> slots;
};

// What a knowledge base says of itself (the top-level key `kennisbank: {naam: ..., versie: ...}` in one
// of its files), so that a stored advice can say what produced it.
struct Manifest {
    std::string name;
    std::string version;
};

// Where a rule was written, for run-time error messages.
struct RuleOrigin {
    std::size_t file = 0;  // index into RuleBase::files()
    std::size_t offset = 0;
};

// Where a function of the top-level key `functions` was written and what its `description` says
// ("" without one): for the tools that show or check the sources (lint, `wegwijzer functies`); the
// engine needs neither.
struct FunctionSource {
    RuleOrigin origin;
    std::string description;
};

// What whoever installs a rule base promises of the engines it makes (Engine::promise_never_asserted):
// the templates, by name, of which no fact will ever be asserted in them. The engines then leave out
// the rules (alternatives) that need such a fact; they refuse a rule or fact that would assert one.
//
// With `closed`, the installer also promises that it asserts no facts itself but of the templates in
// `outside` (and of those in never_asserted: none). Then every other template that no initial fact
// gives, no function asserts and only rules that can never fire assert is promised too, and so on
// until no more follow (RuleBase::promised_templates): such a fact can never come either, and the
// rules that need it are not built. A cold run knows what it asserts (its one profile); whoever
// asserts more than the input later (the interview) does not close.
struct InstallOptions {
    std::vector<std::string> never_asserted;
    bool closed = false;
    std::vector<std::string> outside;
    bool promises() const { return closed || !never_asserted.empty(); }
    bool operator==(const InstallOptions&) const = default;
};

class RuleBase;
// The promise for the engines of a rule base, worked out from the rule base itself once it is read
// (say, from the vocabulary a profile is read with) and before its first engine is built.
using InstallOptionsFor = std::function<InstallOptions(const RuleBase&)>;

class RuleBase {
public:
    // Loads a file or a directory (every *.yaml in it, sorted by name). All problems of all files
    // are collected; on any problem, throws LoadError carrying them (sorted by position).
    static RuleBase load(const std::string& path);
    // Same, for rule files already in memory (tests, embedded examples).
    static RuleBase load_sources(std::vector<SourceFile> files);
    // Same as load(), but read from the compiled image at `image_path` when that image may be
    // trusted, matches the files in `path` and passes the engine's checks (rules/image_file.cpp);
    // otherwise, and always when `image_path` is "", from the YAML. Only for the bundled knowledge
    // base and its image made at build time: never a file the user did not name.
    // `options`: for the engine that checks the image, kept for take_prepared_engine() with the
    // options it holds (prepared_options(): none when the rule base breaks their promise, see
    // prepare_engine). With non-empty options the YAML's rule base gets that engine too.
    static RuleBase load_with_image(const std::string& path, const std::string& image_path,
                                    const InstallOptions& options = {});
    // The same with options worked out from the rule base read (image or YAML): `options` is called
    // before the engine that checks the image is built, and again for the YAML when that engine
    // refuses the image.
    static RuleBase load_with_image(const std::string& path, const std::string& image_path, const InstallOptionsFor& options);
    // Loads `path` from its YAML (throws LoadError) and writes its image to `image_path`, read-only,
    // through a fresh temporary file (throws std::runtime_error when it cannot be written).
    static void save_image(const std::string& path, const std::string& image_path);
    // The files load() reads for `path`, in load order; throws LoadError as load() does.
    static std::vector<SourceFile> read_sources(const std::string& path);

    const std::vector<TemplateDef>& templates() const { return templates_; }
    // TemplateDef by name; null when unknown.
    const TemplateDef* find_template(std::string_view name) const;
    std::optional<TemplateId> template_id(std::string_view name) const;
    const std::vector<Param>& params() const { return params_; }
    const Param* find_param(std::string_view name) const;
    // Shared with every engine the rule base installs into (no copy per engine). Of a rule base read
    // for one promise (read_for()), only the rules an engine with that promise builds.
    const std::vector<std::shared_ptr<const RuleDef>>& rules() const { return rules_; }
    const std::vector<FactSpec>& facts() const { return facts_; }
    // The program's own functions (top-level key `functions`, CLIPS's deffunction), in written
    // order; install() defines them before the rules.
    const std::vector<std::shared_ptr<const FunctionDef>>& functions() const { return functions_; }
    const FunctionDef* find_function_def(std::string_view name) const;
    // Of the function `name`; null for an unknown name and for a rule base read from an image (which
    // holds what runs, not what documents it, as with warnings()).
    const FunctionSource* function_source(std::string_view name) const;
    // The modules of the top-level key `modules` (CLIPS's defmodule), in written order; MAIN is
    // always there and not listed.
    const std::vector<std::string>& modules() const { return modules_; }
    bool has_module(std::string_view name) const;  // MAIN or under `modules`
    // The error for a module that is neither, with a suggestion and the modules there are.
    std::string unknown_module(std::string_view name) const;
    const std::vector<SourceFile>& files() const { return files_; }
    const RuleOrigin* origin(std::string_view rule_id) const;
    // What the load found suspect but not wrong (`?i-1`), sorted by position; empty for a rule base
    // read from an image.
    const Diagnostics& warnings() const { return warnings_; }
    // Nothing when no file has a `kennisbank` key.
    const std::optional<Manifest>& manifest() const { return manifest_; }
    // A hash of the files' names (without folder) and contents in load order: the same knowledge base
    // gives the same key wherever it is installed and whichever program reads it (rules/image.hpp).
    std::uint64_t content_key() const { return content_key_; }

    // Defines the templates and rules in `engine` (which must be empty) and asserts the initial
    // facts. Template ids in the engine equal those of this rule base. With `options`, the engine
    // gets their promise first (a template the rule base lacks is left out: nothing to promise); it
    // throws as Engine::add_rule and assert_fact do for a rule or initial fact that breaks the promise.
    // A rule base read for one promise (read_for()) throws std::logic_error for other options.
    void install(Engine& engine, const InstallOptions& options = {}) const;
    // Whether load_with_image took this rule base from the image (else from the YAML).
    bool from_image() const { return from_image_; }
    // The promise this rule base was read for, or null when it holds every rule. A cold run reads the
    // image for its closed promise (read_checked_image) and leaves out the rules that promise could
    // never let fire, unread: those with a plain pattern of a promised template in every alternative
    // and no other effect on an engine. Such a rule base installs only with that promise (install
    // throws std::logic_error for any other).
    const InstallOptions* read_for() const { return read_for_ ? &read_for_->options : nullptr; }
    // A new engine holding this rule base (install) with the promise of `options`. Changes nothing:
    // several threads may call it on one rule base.
    std::unique_ptr<Engine> instantiate(const InstallOptions& options = {}) const;
    // Builds the engine take_prepared_engine() hands over: with the promise of `options` when the rule
    // base keeps it, else (the engine refuses a rule or initial fact that breaks it) without any
    // promise. The engine is the one place that checks a promise. Throws as install() does when no
    // engine takes the rule base at all.
    void prepare_engine(const InstallOptions& options);
    // The engine of prepare_engine or load_with_image (which builds one to check an image), once: null
    // before either and after the first call. It holds prepared_options().
    std::unique_ptr<Engine> take_prepared_engine() { return std::move(prepared_); }
    // The options the engine of prepare_engine or load_with_image holds; none before either.
    const InstallOptions& prepared_options() const { return prepared_options_; }
    // The templates an engine installed with `options` is promised, by id in increasing order: those
    // named in never_asserted that the rule base has, and with `closed` those that follow from them.
    std::vector<TemplateId> promised_templates(const InstallOptions& options) const;
    // Asserts the initial facts again (after Engine::reset()).
    void assert_initial_facts(Engine& engine) const;

    // A diagnostic for a position in a rule's source (for run-time errors): the rule's file,
    // `offset` bytes into it.
    Diagnostic diagnostic_at(std::string_view rule_id, std::size_t offset, std::string message) const;

private:
    friend class Loader;
    friend struct ImageAccess;  // rules/image.cpp writes and reads every field
    friend std::optional<RuleBase> read_checked_image(std::string_view, std::shared_ptr<const void>, std::uint64_t,
                                                      std::vector<SourceFile>&, const InstallOptionsFor&);
    std::vector<SourceFile> files_;
    std::vector<TemplateDef> templates_;
    std::map<std::string, TemplateId, std::less<>> template_ids_;
    std::vector<Param> params_;
    std::map<std::string, std::size_t, std::less<>> param_ids_;
    std::vector<std::shared_ptr<const RuleDef>> rules_;
    std::vector<std::shared_ptr<const FunctionDef>> functions_;
    std::map<std::string, std::size_t, std::less<>> function_ids_;
    std::map<std::string, RuleOrigin, std::less<>> origins_;
    std::map<std::string, FunctionSource, std::less<>> function_sources_;
    std::vector<FactSpec> facts_;
    std::vector<std::string> modules_;
    std::optional<Manifest> manifest_;
    Diagnostics warnings_;
    std::uint64_t content_key_ = 0;
    // Built by load_with_image to check an image, or by prepare_engine; take_prepared_engine() takes it.
    std::unique_ptr<Engine> prepared_;
    InstallOptions prepared_options_;  // those prepared_ was installed with
    // Of a rule base read for one promise: that promise, and the templates it covers (worked out from
    // the image's index before the rules were read; promised_templates gives them again).
    struct ReadFor {
        InstallOptions options;
        std::vector<TemplateId> promised;
    };
    std::optional<ReadFor> read_for_;
    bool from_image_ = false;
};

}  // namespace ww
