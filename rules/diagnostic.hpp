// SPDX-License-Identifier: EUPL-1.2
// Problems in input files, reported as `FILE:LINE:COL: fout: MESSAGE` followed by the source line
// and a caret. Shared by the rule loader and by advies/ (profile errors).
#pragma once

#include <exception>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ww {

struct Diagnostic {
    std::string file;
    int line = 0;  // 1-based; 0: the file as a whole
    int col = 0;   // 1-based, in characters (not bytes)
    std::string message;  // Dutch, without the "fout: " prefix
    std::string source_line;  // the line the position is on, without newline; empty: not shown
    int source_col = 0;  // the caret's column in source_line when that is an excerpt (0: col)
    // A warning (`waarschuwing:`) points at something that loads and runs but is probably not what was
    // meant; it does not stop a load.
    bool warning = false;
    // Where in the document's tree the problem is (`gemeente.inwoners`, `metingen[2].jaar`; for a
    // missing key the key that should be there), for a client that marks the field to fix; never
    // printed. Empty when the problem is not about one place in the tree (a syntax error, a file).
    std::string path{};
};

// `FILE:LINE:COL: fout: MESSAGE` (`waarschuwing:` for a warning), then (when known) the source line and a caret under the column.
// Ends with a newline.
std::string format(const Diagnostic& d);

// The source line as a diagnostic keeps it: control characters (binary garbage) as '?', and of a
// very long line (minified or hostile) only about 100 characters around column `col`, "..." marking
// what is left out. `caret` is set to where column `col` is in the excerpt.
std::string excerpt(std::string_view line, int col, int& caret);

// All problems found in one load, in the order they were found per file.
class Diagnostics {
public:
    // A hostile file can hold a problem on every few bytes, and each costs a scan of its line: after
    // this many, one more says that the rest is not reported, and the others are dropped.
    static constexpr std::size_t max_items = 100;
    bool full() const { return items_.size() > max_items; }
    void add(Diagnostic d) {
        if (full()) return;
        if (items_.size() == max_items)
            d.message = "meer dan " + std::to_string(max_items) + " problemen; de rest wordt niet gemeld";
        items_.push_back(std::move(d));
    }
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }
    const std::vector<Diagnostic>& items() const { return items_; }
    void append(const Diagnostics& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
    // Sorted by file, line and column (stable), so that output does not depend on check order;
    // exact repeats removed.
    void sort_unique();
    void print(std::ostream& out) const;
    // Moves the warnings out, leaving the errors.
    Diagnostics take_warnings();

private:
    std::vector<Diagnostic> items_;
};

// Thrown by loaders that cannot return a value; carries every problem found.
struct LoadError : std::exception {
    explicit LoadError(Diagnostics d) : diagnostics(std::move(d)) {}
    const char* what() const noexcept override { return "invoer bevat fouten"; }
    Diagnostics diagnostics;
};

}  // namespace ww
