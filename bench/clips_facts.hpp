// SPDX-License-Identifier: EUPL-1.2
// Reads the facts of a CLIPS deffacts file (the classic benchmark data form,
// `(deffacts name (guest (name n1) (sex m) (hobby h1)) ...)`), so the same data can be fed to
// wegwijzer. Only what the benchmarks need: deftemplate facts with single-valued slots whose values
// are symbols, numbers or strings.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ww::bench {

struct ClipsValue {
    enum class Kind { symbol, integer, floating, string };
    Kind kind = Kind::symbol;
    std::string text;  // as written; strings without their quotes, escapes resolved
};

struct ClipsFact {
    std::string tmpl;
    std::vector<std::pair<std::string, ClipsValue>> slots;
    int line = 0;
    int column = 0;
};

// A problem in the input, with the position it was found at (1-based).
struct ClipsSyntaxError : std::runtime_error {
    ClipsSyntaxError(const std::string& message, int line, int column)
        : std::runtime_error(message), line(line), column(column) {}
    int line;
    int column;
};

// All facts of all deffacts constructs in `text`, in file order. Other top-level constructs are
// an error: the file is meant to hold data only.
std::vector<ClipsFact> read_deffacts(const std::string& text);

}  // namespace ww::bench
