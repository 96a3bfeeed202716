// SPDX-License-Identifier: EUPL-1.2
// A rule as the engine receives it: conditions and actions over numbered variables. Front ends (the
// YAML rule language in rules/) compile into this; the engine compiles it into its Rete network.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/action.hpp"
#include "engine/action_list.hpp"
#include "engine/expr.hpp"
#include "engine/template.hpp"

namespace ww {

// One constraint on one slot of a pattern.
struct SlotConstraint {
    enum class Kind : std::uint8_t {
        bind,  // `slot: ?x`: binds ?x on first occurrence in the rule, joins (equality) after that
        test,  // `slot OP expr`: the slot's value compared with an expression (constants, variables)
        // `rhs` is a condition over the variables bound so far, those bound earlier in this pattern
        // included: the checks of a list taken apart inside not, exists or an aggregate
        // (`not rule(if: [?a, ...])`), where no test condition can follow the pattern. `slot` is
        // the list's slot; cmp and negate are unused.
        condition,
    };
    Kind kind = Kind::bind;
    int slot = 0;       // index into the template's slots
    VarId var = 0;      // Kind::bind
    Op cmp = Op::eq;    // Kind::test: eq, ne, lt, le, gt, ge, in
    bool negate = false;  // Kind::test with Op::in: `not in`
    Expr rhs;           // Kind::test, Kind::condition
    std::uint32_t source_offset = 0;
};

struct Pattern {
    TemplateId tmpl = 0;
    std::vector<SlotConstraint> constraints;
    std::optional<VarId> fact_var;  // `?f <- pattern`
};

// collect: the distinct values of the expression over the matching facts, as a sorted list (empty
// when none match), so that a rule can name all of them at once without accumulating them itself.
enum class AggregateKind : std::uint8_t { count, sum, min, max, collect };

struct Condition {
    enum class Kind : std::uint8_t {
        pattern,    // a fact matching `pattern` exists; joins with earlier conditions
        negation,   // `not pattern`: no such fact (for the bindings so far)
        exists,     // `exists pattern`: at least one such fact; fires once, not once per fact
        aggregate,  // `?n = count(pattern)`, `?s = sum(pattern, expr)`: binds `result`
        test,       // `test expr`: expr is true for the bindings so far
    };
    Kind kind = Kind::pattern;
    Pattern pattern;                  // pattern, negation, exists, aggregate
    Expr expr;                        // test: the condition; aggregate sum/min/max: the value
    AggregateKind aggregate = AggregateKind::count;
    VarId result = 0;                 // aggregate
    // Aggregate over a conjunction (`collect(a(...) and not b(...), expr)`): the conditions after
    // `pattern`, each a pattern, negation or exists; a term is then a match of all of them, not a
    // fact. Empty: the aggregate is over the facts matching `pattern`.
    std::vector<Condition> also;
    std::uint32_t source_offset = 0;  // for explanations and errors: where the condition was written
    std::string source_text;          // the condition as written, for explanations
};

// The rounds a `while` may take before its firing stops with an error: far beyond a loop that asks
// until the answer is valid, and an end to one whose condition stays true.
inline constexpr std::int64_t max_while_rounds = 1'000'000;

class ActionChecker;  // engine/action_check.hpp

struct RuleDef {
    std::string id;
    int salience = 0;
    // CLIPS's modules: the rule's activations wait on the agenda of its module, and only the
    // module on top of the focus stack fires. Empty: MAIN. With auto_focus, every new activation
    // puts the module on top of the focus stack (CLIPS's `(declare (auto-focus TRUE))`).
    std::string module;
    bool auto_focus = false;
    std::string description;
    // Free-form metadata (for example the stappenplan section a rule rests on); copied into every
    // record the rule emits.
    std::map<std::string, Value> meta;
    // Facts asserted by this rule are logically supported by the match that fired it: they are
    // retracted when the match no longer holds (truth maintenance).
    bool logical = false;
    // With `logical`, CLIPS's `(logical ...)` around the first conditions only: per alternative, how
    // many of its conditions the asserted facts rest on. They stay when a later condition stops
    // holding and go when the match of those first conditions goes; firings over the same such
    // match share it. Empty: the whole match.
    std::vector<std::uint32_t> logical_prefix;
    std::vector<std::string> variables;  // VarId -> name as written ("?w")
    // A rule with `or` is given as several alternatives, each a plain conjunction; each fires on
    // its own, as in CLIPS. Never empty.
    std::vector<std::vector<Condition>> alternatives;
    // Built at once by the rule language, when first read for a rule from the image (ActionList).
    ActionList actions;
    // Whether a reader that built or deferred the actions made, while it read them, the checks
    // Engine::add_rule makes on their expressions (engine/action_check.hpp): add_rule then skips them. Only an
    // ActionChecker sets it (the image reader's, rules/image.cpp); the rule language leaves it off.
    // A copy starts unchecked (whoever copies a rule may change its actions before adding it); a
    // moved rule keeps the mark.
    class CheckedMark {
    public:
        CheckedMark() = default;
        CheckedMark(const CheckedMark&) noexcept {}
        CheckedMark(CheckedMark&&) noexcept = default;
        CheckedMark& operator=(const CheckedMark&) noexcept {
            on_ = false;
            return *this;
        }
        CheckedMark& operator=(CheckedMark&&) noexcept = default;
        explicit operator bool() const noexcept { return on_; }

    private:
        friend class ActionChecker;
        bool on_ = false;
    };
    CheckedMark actions_checked;
};

// A function of the program's own (CLIPS's deffunction): parameters, a body of actions and a value.
// Expressions call it by name like a built-in function (Op::call); Engine::define_function makes it
// known. The body is a list of actions as in a rule, over its own variables: bind, the flattened
// if/for/while (branch, jump, each, again), emit, and return_ with `expr` the value (the function's
// value is nil when the body ends without one).
struct FunctionDef {
    std::string name;
    std::uint32_t params = 0;  // variables 0 .. params-1 take the arguments
    bool rest = false;         // variable `params` takes the further arguments as a list
    // Emits or reads input (itself or through a function it calls): not a value of its arguments,
    // so only actions may call it, as read().
    bool effects = false;
    std::vector<std::string> variables;  // VarId -> name as written ("?x")
    std::vector<Action> actions;
    std::uint32_t source_offset = 0;
};

// How deep calls of the program's own functions may nest (recursion): beyond it the call is an
// error of the rule, not a stack overflow.
inline constexpr std::uint32_t max_call_depth = 200;

}  // namespace ww
