// SPDX-License-Identifier: EUPL-1.2
// A text file kept in memory with its line starts: diagnostics need the line under an error, and
// positions inside YAML scalars are computed from the raw text. The line starts are found on first
// use: a start from the knowledge base's image reads its 19 files only for the image's key.
// The text stays in the buffer it was read into (not copied into a string, which C++20 would zero
// first), shared by copies.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rules/diagnostic.hpp"

namespace ww {

struct InputBytes;  // rules/input_limits.hpp

class SourceFile {
public:
    SourceFile(std::string path, std::string text);
    SourceFile(std::string path, InputBytes bytes);
    // Reads the file; throws LoadError (with a diagnostic for the path) when it cannot be read.
    static SourceFile read(const std::string& path);

    const std::string& path() const { return path_; }
    std::string_view text() const { return text_; }
    std::size_t line_count() const { return line_starts().size(); }
    // Line `line` (0-based) without its newline; empty past the end.
    std::string_view line(std::size_t line) const;
    // Byte offset of (0-based line, 0-based column in characters).
    std::size_t offset_of(std::size_t line, std::size_t column) const;
    // 0-based line of a byte offset.
    std::size_t line_of(std::size_t offset) const;

    // A diagnostic at a byte offset in the file.
    Diagnostic at(std::size_t offset, std::string message) const;

private:
    const std::vector<std::size_t>& line_starts() const;

    std::string path_;
    std::shared_ptr<const void> owner_;  // what `text_` points into
    std::string_view text_;
    // Shared by copies (same text); once_flag because a rule base is read by many threads at once.
    struct Lines {
        std::once_flag once;
        std::vector<std::size_t> starts;
    };
    std::shared_ptr<Lines> lines_;
};

}  // namespace ww
