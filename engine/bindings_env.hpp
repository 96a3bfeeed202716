// SPDX-License-Identifier: EUPL-1.2
// The environment of actions: variables by number from a vector (a firing's bindings, the frame of
// a call of the program's own function), facts and templates from the environment around it (the
// engine, or the caller of the function).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/expr_eval.hpp"

namespace ww {

class BindingsEnv final : public EvalEnv {
public:
    BindingsEnv(const std::vector<Value>& vars, const EvalEnv& world) : vars_(vars), world_(world) {}
    Value var(std::uint32_t ref) const override { return ref < vars_.size() ? vars_[ref] : Value(); }
    // Without a copy: an advice text reads a dozen variables, each a counted text or list.
    const Value& var_ref(std::uint32_t ref, Value& scratch) const override {
        if (ref < vars_.size()) return vars_[ref];
        return scratch = Value();
    }
    const Fact* fact(FactId id) const override { return world_.fact(id); }
    const TemplateDef& template_def(TemplateId id) const override { return world_.template_def(id); }

private:
    const std::vector<Value>& vars_;
    const EvalEnv& world_;
};

}  // namespace ww
