// SPDX-License-Identifier: EUPL-1.2
// What read() and readline() read from during a run: the stream an embedder hands to Engine::run
// (RunOptions::input), so that the engine itself opens no file and a test gives the input as a text.
// A run installs its reader for the calling thread for the duration of run(); a run without input
// installs nothing and costs nothing per firing.
#pragma once

#include <functional>
#include <istream>

#include "engine/value.hpp"

namespace ww {

class InputReader {
public:
    // `before_read` is called before each read, so that an embedder can show what the rules wrote
    // so far (a question before its answer is read).
    InputReader(std::istream& in, std::function<void()> before_read) : in_(in), before_read_(std::move(before_read)) {}

    // CLIPS's (read) from standard input: one token of the next line that holds one (a number, a
    // text between "...", or else a symbol; "(" and ")" as texts, as CLIPS gives them); the rest of
    // that line is skipped. At the end of the input: the symbol EOF, once; a read after that throws
    // EvalError (a rule that reads past the end would otherwise ask forever).
    Value read_token();
    // CLIPS's (readline): the next line as a text, without its line end; at the end EOF as above.
    Value read_line();

private:
    Value at_end(const char* fn);
    void prompt();

    std::istream& in_;
    std::function<void()> before_read_;
    bool ended_ = false;
};

// The reader of the run on this thread, or null outside a run with input.
InputReader* current_input();

// Installs `reader` as the current input for its lifetime (and restores the previous one after).
class InputScope {
public:
    explicit InputScope(InputReader* reader);
    ~InputScope();
    InputScope(const InputScope&) = delete;
    InputScope& operator=(const InputScope&) = delete;

private:
    InputReader* previous_;
};

}  // namespace ww
