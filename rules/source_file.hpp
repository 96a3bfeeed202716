// SPDX-License-Identifier: EUPL-1.2
// A text file kept in memory with its line starts: diagnostics need the line under an error, and
// positions inside YAML scalars are computed from the raw text. The line starts are found on first
// use: a start from the knowledge base's image reads its 19 files only for the image's key.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rules/diagnostic.hpp"

namespace ww {

class SourceFile {
public:
    SourceFile(std::string path, std::string text);
    // Reads the file; throws LoadError (with a diagnostic for the path) when it cannot be read.
    static SourceFile read(const std::string& path);

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
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
    std::string text_;
    // Shared by copies (same text); once_flag because a rule base is read by many threads at once.
    struct Lines {
        std::once_flag once;
        std::vector<std::size_t> starts;
    };
    std::shared_ptr<Lines> lines_;
};

}  // namespace ww
