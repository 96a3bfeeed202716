// SPDX-License-Identifier: EUPL-1.2
// Putting a loaded rule base into an engine; apart from loading so that tools that only check rule
// files need no engine.
#include <stdexcept>

#include "rules/rule_base.hpp"

namespace ww {

void RuleBase::install(Engine& engine, const InstallOptions& options) const {
    if (read_for_ && options != read_for_->options)
        throw std::logic_error("RuleBase::install: deze regelbank is gelezen voor één belofte en mist de regels die die weglaat");
    for (std::size_t i = 0; i < templates_.size(); ++i) {
        TemplateId id = engine.define_template(templates_[i]);
        if (id != static_cast<TemplateId>(i))
            throw std::logic_error("RuleBase::install: de engine was niet leeg (template-id's wijken af)");
    }
    for (TemplateId id : promised_templates(options)) engine.promise_never_asserted(id);
    for (const auto& name : modules_) engine.define_module(name);
    for (const auto& function : functions_) engine.define_function(function);
    engine.reserve_rules(rules_.size());
    for (const auto& rule : rules_) engine.add_rule(rule);
    assert_initial_facts(engine);
}

std::unique_ptr<Engine> RuleBase::instantiate(const InstallOptions& options) const {
    auto engine = std::make_unique<Engine>();
    install(*engine, options);
    return engine;
}

void RuleBase::prepare_engine(const InstallOptions& options) {
    prepared_.reset();
    if (options.promises()) {
        try {
            prepared_ = instantiate(options);
            prepared_options_ = options;
            return;
        } catch (const std::exception&) {
            // The rule base breaks the promise (or no engine takes it at all: then the plain build
            // below says why).
        }
    }
    prepared_ = instantiate();
    prepared_options_ = {};
}

void RuleBase::assert_initial_facts(Engine& engine) const {
    for (const auto& fact : facts_) engine.assert_fact(fact.tmpl, fact.slots);
}

}  // namespace ww
