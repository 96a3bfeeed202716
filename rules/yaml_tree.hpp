// SPDX-License-Identifier: EUPL-1.2
// A YAML document tree with positions, built in one pass of yaml-cpp's event parser.
//
// Why not YAML::Node: yaml-cpp 0.7's LoadAll can loop without end on malformed text, so reading a
// profile safely took two full parses (one to count documents, one to build nodes), and yaml-cpp's
// scanner costs some 2,000 instructions per byte. Building our own tree from the events lets one
// parse count the documents, bound alias expansion and keep every node's position. The tree is
// read-only; nodes are handles into storage owned by YamlDocuments, which must outlive them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/mark.h>

namespace ww {

class YamlNode {
public:
    enum class Kind : std::uint8_t { null, scalar, sequence, map };
    struct Data;
    using Entry = std::pair<YamlNode, YamlNode>;

    YamlNode() = default;  // undefined: a key that is not there
    explicit YamlNode(const Data* data) : data_(data) {}

    bool is_defined() const { return data_ != nullptr; }
    bool is_null() const;
    bool is_scalar() const;
    bool is_sequence() const;
    bool is_map() const;
    // Plain scalars have tag "?", quoted ones "!" (yaml-cpp's convention); explicit tags are kept.
    const std::string& tag() const;
    const std::string& scalar() const;
    // Where the node starts; YAML::Mark::null_mark() for an undefined node.
    YAML::Mark mark() const;
    std::span<const YamlNode> items() const;  // of a sequence
    std::span<const Entry> entries() const;   // of a map, in document order, duplicates kept
    std::size_t size() const;                 // items or entries

    // Whether both handles name the same node (an alias shares its anchor's node).
    bool same(const YamlNode& other) const { return data_ == other.data_; }

private:
    const Data* data_ = nullptr;
};

struct YamlNode::Data {
    Kind kind = Kind::null;
    bool open = true;  // a collection whose end event has not come yet
    YAML::Mark mark;
    std::string tag;
    std::string scalar;
    std::vector<YamlNode> items;
    std::vector<Entry> entries;
    // Nodes a reader visits below and at this one, aliases expanded.
    std::uint64_t expanded = 1;
    // Bytes of scalar text below and at this one, aliases expanded.
    std::uint64_t expanded_bytes = 0;
};

// The documents of one YAML stream, in order. Movable; the nodes stay where they are.
struct YamlDocuments {
    std::vector<YamlNode> roots;
    std::unique_ptr<std::deque<YamlNode::Data>> storage = std::make_unique<std::deque<YamlNode::Data>>();
};

// Parses `text` once. Throws YAML::ParserException (yaml-cpp's own syntax errors, and ours with the
// same shape) when a document starts beyond `max_documents`, or when the nodes a reader would visit,
// aliases expanded, would exceed `max_expanded_nodes` in one document, or their texts
// limits::max_file_bytes, or an alias refers to a node that contains it; and when a text holds a
// control character other than tab and line feed, or a node has an explicit tag (`!!str`).
YamlDocuments parse_yaml_documents(std::string_view text, std::size_t max_documents, std::uint64_t max_expanded_nodes);

}  // namespace ww
