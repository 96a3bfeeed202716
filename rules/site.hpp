// SPDX-License-Identifier: EUPL-1.2
// A piece of rule-language text and where it came from, so that any offset inside it can be
// reported as FILE:LINE:COL.
#pragma once

#include <cstdint>
#include <string>

#include <yaml-cpp/yaml.h>

#include "rules/diagnostic.hpp"
#include "rules/scalar_position.hpp"
#include "rules/source_file.hpp"

namespace ww {

struct Site {
    const SourceFile* file = nullptr;
    YAML::Mark mark;
    std::string text;

    static Site of(const SourceFile& file, const YAML::Node& scalar) {
        return Site{&file, scalar.Mark(), scalar.Scalar()};
    }
    std::size_t file_offset(std::size_t offset) const { return scalar_file_offset(*file, mark, text, offset); }
    // Cheap approximation for run-time messages: start of the scalar plus the offset (exact for plain
    // scalars; the opening quote is accounted for).
    std::uint32_t approx_file_offset(std::size_t offset) const {
        std::size_t start = mark_file_offset(*file, mark);
        char style = start < file->text().size() ? file->text()[start] : ' ';
        if (style == '"' || style == '\'') ++start;
        return static_cast<std::uint32_t>(start + offset);
    }
};

// Collects diagnostics for positions in YAML nodes and in texts.
class Reporter {
public:
    explicit Reporter(Diagnostics& out) : out_(out) {}
    // Each returns at once when the diagnostics are full: computing a position scans its line.
    void at_site(const Site& site, std::size_t offset, std::string message) {
        if (out_.full()) return;
        out_.add(site.file->at(site.file_offset(offset), std::move(message)));
    }
    void warning_at_site(const Site& site, std::size_t offset, std::string message) {
        if (out_.full()) return;
        Diagnostic d = site.file->at(site.file_offset(offset), std::move(message));
        d.warning = true;
        out_.add(std::move(d));
    }
    void warning_at_node(const SourceFile& file, const YAML::Node& node, std::string message) {
        if (out_.full()) return;
        Diagnostic d = file.at(mark_file_offset(file, node.Mark()), std::move(message));
        d.warning = true;
        out_.add(std::move(d));
    }
    void at_node(const SourceFile& file, const YAML::Node& node, std::string message) {
        if (out_.full()) return;
        out_.add(file.at(mark_file_offset(file, node.Mark()), std::move(message)));
    }
    void at_mark(const SourceFile& file, const YAML::Mark& mark, std::string message) {
        if (out_.full()) return;
        out_.add(file.at(mark_file_offset(file, mark), std::move(message)));
    }
    std::size_t count() const { return out_.size(); }

private:
    Diagnostics& out_;
};

}  // namespace ww
