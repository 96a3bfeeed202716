// SPDX-License-Identifier: EUPL-1.2
#include "engine/expr_eval.hpp"
#include "engine/token.hpp"

namespace ww {
namespace {

// Reads variables from a token's positions only: key expressions never read other facts
// (NetworkBuilder keys no expression with `?f.slot`), so they need nothing else.
class PositionEnv : public EvalEnv {
public:
    explicit PositionEnv(const Token* t) : t_(t) {}
    Value var(std::uint32_t ref) const override {
        Value scratch;
        return value_at(t_, VarLoc::decode(ref), scratch);
    }
    const Value& var_ref(std::uint32_t ref, Value& scratch) const override {
        return value_at(t_, VarLoc::decode(ref), scratch);
    }
    const Fact* fact(FactId) const override { return nullptr; }
    const TemplateDef& template_def(TemplateId) const override { throw EvalError("geen feit beschikbaar", 0); }

private:
    const Token* t_;
};

}  // namespace

std::size_t expr_key(const Token* t, const std::vector<CExpr>& exprs, std::size_t h) {
    PositionEnv env(t);
    for (const CExpr& e : exprs) {
        try {
            h = hash_combine(h, eval(e, env).hash());
        } catch (const EvalError&) {
            return 0x6f6e67656c646967ULL;
        }
    }
    return h;
}

bool operator==(const TokenKeySpec& a, const TokenKeySpec& b) {
    auto none = [](const std::vector<CExpr>* e) { return !e || e->empty(); };
    if (a.locs != b.locs) return false;
    if (none(a.exprs) || none(b.exprs)) return none(a.exprs) && none(b.exprs);
    return *a.exprs == *b.exprs;
}

}  // namespace ww
