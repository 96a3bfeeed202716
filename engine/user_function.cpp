// SPDX-License-Identifier: EUPL-1.2
#include "engine/user_function.hpp"

#include <stdexcept>

#include "engine/action_check.hpp"
#include "engine/action_flow.hpp"
#include "engine/bindings_env.hpp"

namespace ww {
namespace {

thread_local const FunctionTable* installed = nullptr;

Value run_call(const UserFunction& f, std::vector<Value>& args, const EvalEnv& env);
thread_local std::uint32_t call_depth = 0;

void compile_body(const UserFunction& f) {
    FunctionTableScope scope(f.table);
    const auto identity = [](VarId v) -> std::uint32_t { return v; };
    std::vector<UserAction> body;
    body.reserve(f.def->actions.size());
    for (const Action& a : f.def->actions) {
        UserAction& u = body.emplace_back();
        u.kind = a.kind;
        u.var = a.var;
        u.jump = a.jump;
        u.source_offset = a.source_offset;
        if (a.kind == Action::Kind::bind || a.kind == Action::Kind::branch || a.kind == Action::Kind::return_)
            u.expr = compile_expr(a.expr, identity);
        if (a.kind == Action::Kind::each) {
            u.list_var = a.expr.var;
            u.position_var = a.target.var;
        }
        if (a.kind == Action::Kind::emit) {
            u.record = intern(a.record_name);
            for (const auto& [name, e] : a.fields) u.fields.emplace_back(intern(name), compile_expr(e, identity));
        }
    }
    f.body = std::move(body);
    f.compiled = true;
}

struct DepthGuard {
    DepthGuard() { ++call_depth; }
    ~DepthGuard() { --call_depth; }
};

}  // namespace

void FunctionTable::define(std::shared_ptr<const FunctionDef> def, FunctionHost* host) {
    if (!def) throw std::invalid_argument("functie zonder definitie");
    const std::string& name = def->name;
    if (find_function(name)) throw std::invalid_argument("functie '" + name + "' is een ingebouwde functie");
    if (functions_.count(name)) throw std::invalid_argument("functie '" + name + "' bestaat al");
    if (def->params + (def->rest ? 1u : 0u) > def->variables.size())
        throw std::invalid_argument("functie '" + name + "': meer parameters dan variabelen");
    for (const Action& a : def->actions) {
        switch (a.kind) {
            case Action::Kind::bind: case Action::Kind::branch: case Action::Kind::jump: case Action::Kind::each:
            case Action::Kind::again: case Action::Kind::emit: case Action::Kind::return_:
                break;
            default: throw std::invalid_argument("functie '" + name + "': actie '" + a.source_text + "' kan niet in een functie");
        }
        if (binds_variable(a.kind) && a.var >= def->variables.size())
            throw std::invalid_argument("functie '" + name + "': onbekende variabele");
        // each reads and writes its list and position in the frame by number.
        if (a.kind == Action::Kind::each &&
            (a.expr.op != Op::var || a.target.op != Op::var || a.expr.var >= def->variables.size() ||
             a.target.var >= def->variables.size()))
            throw std::invalid_argument("functie '" + name + "': een lus zonder lijst- of plekvariabele");
    }
    if (std::string problem = action_flow_problem(def->actions, def->variables.size()); !problem.empty())
        throw std::invalid_argument("functie '" + name + "': " + problem);
    auto f = std::make_unique<UserFunction>();
    f->info.name = name;
    // The range the image reader checked calls by, before this definition (takes_arguments(const FunctionDef&)).
    f->info.min_args = min_args_of(*def);
    f->info.max_args = max_args_of(*def);
    f->info.signature = name + "(" + std::to_string(def->params) + (def->rest ? " of meer" : "") + " argumenten)";
    f->info.reads_input = def->effects;
    f->info.user = f.get();
    f->def = std::move(def);
    f->table = this;
    f->host = host;
    functions_.emplace(name, std::move(f));
    checked_ = false;
}

void FunctionTable::check() const {
    FunctionTableScope scope(this);
    for (const auto& [name, f] : functions_) {
        try {
            for (const Action& a : f->def->actions) {
                if (a.kind == Action::Kind::bind || a.kind == Action::Kind::branch || a.kind == Action::Kind::return_)
                    check_compiles(a.expr);
                for (const auto& [field, e] : a.fields) check_compiles(e);
            }
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("functie '" + name + "': " + e.what());
        }
    }
    checked_ = true;
}

const FunctionInfo* FunctionTable::find(std::string_view name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : &it->second->info;
}

const FunctionTable* current_functions() { return installed; }
FunctionTableScope::FunctionTableScope(const FunctionTable* table) : previous_(installed) { installed = table; }
FunctionTableScope::~FunctionTableScope() { installed = previous_; }

Value call_user_function(const CExpr& e, const EvalEnv& env) {
    const UserFunction& f = *e.fn->user;
    if (call_depth >= max_call_depth)
        throw EvalError("de aanroepen van functies gaan meer dan " + std::to_string(max_call_depth) +
                            " diep; een recursie die niet eindigt?",
                        e.source_offset);
    // The arguments belong to the caller: evaluated before the body counts as entered.
    std::vector<Value> args;
    args.reserve(e.args.size());
    for (const CExpr& a : e.args) args.push_back(eval(a, env));
    // An error in the body is reported at the outermost call, which stands in the caller's text: an
    // offset into the body would be read against the calling rule's file, and the function may be
    // written in another.
    if (call_depth == 0) {
        try {
            return run_call(f, args, env);
        } catch (const EvalError& error) {
            throw EvalError("in functie '" + f.def->name + "': " + error.what(), e.source_offset);
        }
    }
    return run_call(f, args, env);
}

namespace {

Value run_call(const UserFunction& f, std::vector<Value>& args, const EvalEnv& env) {
    const FunctionDef& def = *f.def;
    DepthGuard depth;
    std::vector<Value> frame(def.variables.size());
    std::vector<Value> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i < def.params) frame[i] = std::move(args[i]);
        else rest.push_back(std::move(args[i]));
    }
    if (def.rest) frame[def.params] = Value(std::move(rest));
    if (!f.compiled) compile_body(f);
    BindingsEnv fenv(frame, env);  // facts and templates are the caller's
    for (std::size_t next = 0; next < f.body.size();) {
        const UserAction& act = f.body[next++];
        switch (act.kind) {
            case Action::Kind::bind: frame[act.var] = eval(act.expr, fenv); break;
            case Action::Kind::branch:
                if (!eval_test(act.expr, fenv)) next = act.jump;
                break;
            case Action::Kind::jump:
            case Action::Kind::again: next = act.jump; break;
            case Action::Kind::each:
                if (advance_loop(frame[act.position_var], frame[act.list_var], frame[act.var], act.source_offset)) next = act.jump;
                break;
            case Action::Kind::emit: {
                if (!f.host) throw EvalError("functie '" + def.name + "' zendt uit, maar niet tijdens een vuring", act.source_offset);
                std::vector<std::pair<std::string_view, Value>> fields;
                fields.reserve(act.fields.size());
                for (const auto& [name, x] : act.fields) fields.emplace_back(text_of(name), eval(x, fenv));
                f.host->emit_from_function(text_of(act.record), std::move(fields), act.source_offset);
                break;
            }
            case Action::Kind::return_: return eval(act.expr, fenv);
            default: throw EvalError("actie kan niet in een functie", act.source_offset);
        }
    }
    return Value();
}

}  // namespace

}  // namespace ww
