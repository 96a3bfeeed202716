// SPDX-License-Identifier: EUPL-1.2
// Limits on what the readers accept, checked once at the shared entry points (reading a file,
// parsing YAML) so that hostile input is refused with a clear message before it can cost unbounded
// time, memory or stack: huge files, binary garbage, deep nesting, alias bombs and alias cycles.
// docs/robuustheid.md lists the limits and why they are what they are.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "rules/yaml_tree.hpp"

namespace ww {

namespace limits {
// yaml-cpp needs about 70 bytes of memory per byte of YAML and parses some 3 MB/s; 8 MiB keeps a
// file within a few seconds and about 600 MB. The knowledge base and a profile are far smaller.
inline constexpr std::size_t max_file_bytes = 8u << 20;
// Visiting more YAML nodes than this many per byte of text can only mean aliases that expand
// (a "billion laughs") or refer to themselves.
inline constexpr std::size_t max_nodes_per_byte = 2;
// One text of the rule language (expression, condition, action, fact): its syntax tree holds copies
// of long strings at several levels, some 170 bytes of memory per byte of text.
inline constexpr std::size_t max_expression_bytes = 1u << 20;
// Nesting of brackets, `not` and unary minus in one expression of the rule language: the X3
// grammar recurses once per level.
inline constexpr int max_expression_depth = 200;
// Conditions in one alternative of a rule: the network propagates a match level by level, one
// recursion per condition (60,000 overflowed the stack). The engine refuses more as well
// (engine/network_builder.hpp); rules in the knowledge base have fewer than ten.
inline constexpr std::size_t max_conditions = 1000;
// Slots in one template: the network keeps a slot number in 16 bits (engine/token.hpp, VarLoc), and
// templates in the knowledge base have fewer than twenty.
inline constexpr std::size_t max_slots = 1000;
// Scenarios in one `wegwijzer test` run: each is a whole consultation (some 0.1 ms), and a file of
// 8 MiB holds 280,000 minimal ones. The knowledge base has about a hundred.
inline constexpr std::size_t max_scenarios = 10000;
}  // namespace limits

// The bytes of a file as read, in a buffer that was not zeroed first.
struct InputBytes {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::string_view view() const { return {data.get(), size}; }
};

// Reads the whole file at `path`. Throws LoadError with one diagnostic for the path when it does not
// exist, is a directory or another non-regular file, is larger than limits::max_file_bytes, or
// cannot be read.
std::string read_input_file(const std::string& path);
// The same, without the copy into a string: the knowledge base's files, read at every start.
InputBytes read_input_bytes(const std::string& path);

// Reads all of `in` (standard input); `name` names it in the message. Same size limit.
std::string read_input_stream(std::istream& in, const std::string& name);

// YAML::Load, and all documents of a stream as a YamlDocuments tree, with the limits: the text must
// be UTF-8 without control characters (other than tab, line feed, carriage return), not nested
// deeper than yaml-cpp allows, and its aliases may not expand beyond limits::max_nodes_per_byte nodes per byte. Every violation is
// thrown as a YAML::ParserException with the position of the problem, as yaml-cpp's own syntax
// errors are, so callers report both the same way.
YAML::Node load_yaml(std::string_view text);
YamlDocuments load_yaml_documents(std::string_view text);

}  // namespace ww
