// SPDX-License-Identifier: EUPL-1.2
// The built-in functions expressions may call. Generic string, number and list functions only; the
// engine knows no domain words.
#pragma once

#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/template.hpp"
#include "engine/value.hpp"

namespace ww {

// A run-time evaluation error (wrong operand type, division by zero, index out of range).
// `message` is Dutch and complete; `source_offset` is Expr::source_offset of the failing node.
struct EvalError : std::runtime_error {
    EvalError(std::string message, std::uint32_t source_offset)
        : std::runtime_error(std::move(message)), source_offset(source_offset) {}
    std::uint32_t source_offset;
};

// What an argument may be, as a bit set: for the checks at load time (rules/compiler.cpp). A text
// is a string or a symbol.
enum ArgKind : std::uint8_t { arg_number = 1, arg_text = 2, arg_list = 4, arg_bool = 8, arg_any = 15 };

struct FunctionInfo {
    std::string name;
    int min_args = 0;
    int max_args = 0;  // -1: any number
    // Throws EvalError (with offset 0; the caller fills in the call's offset) on bad arguments.
    std::function<Value(std::span<const Value>)> fn;
    std::string signature;    // e.g. "len(tekst|lijst) -> int"
    std::string description;  // Dutch, one line, for docs and error suggestions
    // For a function whose result is a text: writes that text at the end of `out` instead, with the
    // same checks and errors as `fn`. String interpolation (`"{nl(?w)}%"`) uses it, so that a piece
    // is neither built as a string of its own nor interned before it is copied into the whole.
    void (*append_text)(std::span<const Value>, std::string& out) = nullptr;
    // The ArgKind bits of each argument, the last entry also for any further ones, and the type of
    // the result (SlotType::any: it depends on the arguments).
    std::vector<std::uint8_t> arg_kinds;
    SlotType result = SlotType::any;
    // `als`: when the first argument is a boolean, eval evaluates only the argument it chooses (the
    // second or the third), so a text or figure is computed only where it is used. `fn` gives the
    // same value from all three, and its error when the first is not a boolean.
    bool chooses = false;
    // `read`, `readline`: takes input from the run (engine/input.hpp), so a call is not a value of
    // its arguments. Only actions may call it (the rule language refuses it in a condition, where
    // the network evaluates an expression as often as it likes).
    bool reads_input = false;
    // A function of the program's own (FunctionDef): eval runs its body; `fn` is not used.
    const struct UserFunction* user = nullptr;
};

// The function a list pattern with gaps inside not, exists or an aggregate compiles into
// (`[..., ?x, ...]`, see functions.cpp); '#' keeps it out of the rule language and of the list of
// functions. At most kMaxListMatchLocals variables of its own per pattern.
inline constexpr std::string_view kListMatchFunction = "#elementen";
inline constexpr std::size_t kMaxListMatchLocals = 16;

// A whole number from zero to twenty in Dutch words ("nul", "één", ... "twintig"), as telwoord() and
// aantal_woord() write counts; empty for any other number. The program's own texts (the HTML report)
// count the same way.
std::string_view dutch_count_word(double n);

const FunctionInfo* find_function(std::string_view name);
const std::vector<FunctionInfo>& all_functions();

}  // namespace ww
