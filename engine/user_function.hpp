// SPDX-License-Identifier: EUPL-1.2
// The program's own functions (FunctionDef, CLIPS's deffunction) as an engine keeps them: each with
// a registry entry like a built-in's, so that expressions call both alike, and its body compiled on
// the first call. Expressions find them through the table installed for the calling thread while
// an engine builds or compiles (FunctionTableScope), as read() finds its input.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr_eval.hpp"
#include "engine/rule.hpp"

namespace ww {

// Where a function's `emit` goes: the engine whose firing called it. Throws EvalError outside a
// firing (a function that emits is refused in conditions; this is the guard for other front ends).
class FunctionHost {
public:
    virtual ~FunctionHost() = default;
    virtual void emit_from_function(std::string_view record, std::vector<std::pair<std::string_view, Value>> fields,
                                    std::uint32_t source_offset) = 0;
};

struct UserAction {
    Action::Kind kind = Action::Kind::bind;
    VarId var = 0;
    CExpr expr;
    VarId list_var = 0, position_var = 0;  // each
    std::uint32_t jump = 0;
    Atom record;                              // emit: the record's name, interned (records outlive calls)
    std::vector<std::pair<Atom, CExpr>> fields;  // emit
    std::uint32_t source_offset = 0;
};

struct UserFunction {
    FunctionInfo info;
    std::shared_ptr<const FunctionDef> def;
    const class FunctionTable* table = nullptr;
    FunctionHost* host = nullptr;
    // Compiled on the first call (mutable: a cold start compiles nothing it does not run).
    mutable std::vector<UserAction> body;
    mutable bool compiled = false;
};

class FunctionTable {
public:
    // Throws std::invalid_argument for a name that is a built-in function or defined already, and
    // for a body whose jumps could loop (action_flow_problem) or holds an action a function cannot do.
    void define(std::shared_ptr<const FunctionDef> def, FunctionHost* host);  // leaves the table unchecked
    const FunctionInfo* find(std::string_view name) const;
    bool empty() const { return functions_.empty(); }
    // What compiling the bodies could refuse (an unknown function, a wrong number of arguments),
    // once all are defined: Engine::add_rule asks it before the first rule after a definition.
    void check() const;
    bool checked() const { return checked_; }

private:
    mutable bool checked_ = true;
    std::map<std::string, std::unique_ptr<UserFunction>, std::less<>> functions_;
};

// The table compile_expr looks in for names that are not built-in, for the calling thread.
const FunctionTable* current_functions();
class FunctionTableScope {
public:
    explicit FunctionTableScope(const FunctionTable* table);
    ~FunctionTableScope();
    FunctionTableScope(const FunctionTableScope&) = delete;
    FunctionTableScope& operator=(const FunctionTableScope&) = delete;

private:
    const FunctionTable* previous_;
};

// The call `e` (e.fn->user set) with its arguments evaluated in `env`: the body run over a frame of
// its own variables. Throws EvalError (also for calls nested deeper than max_call_depth).
Value call_user_function(const CExpr& e, const EvalEnv& env);

}  // namespace ww
