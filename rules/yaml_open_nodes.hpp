// SPDX-License-Identifier: EUPL-1.2
// The maps and sequences still open while a reader builds a YamlDocuments tree (yaml-cpp's events in
// parse_yaml_documents, and the quick readers of profiles, advies/yaml_boom and advies/json_boom): a
// finished node goes into the innermost open one (as an item, or as a map's key and then its value),
// or becomes a document root. On a stack, so nesting costs the readers no recursion here.
#pragma once

#include <cstddef>
#include <vector>

#include "rules/yaml_tree.hpp"

namespace ww {

class YamlOpenNodes {
public:
    // Room for the nesting of a profile or a rule file at once, not a move at each level.
    explicit YamlOpenNodes(YamlDocuments& docs) : docs_(docs) { open_.reserve(8); }

    std::size_t depth() const { return open_.size(); }

    void open(YamlNode::Data& d) { open_.push_back({&d, {}, false}); }

    // The innermost open collection has ended: it goes into the one around it.
    void close() {
        YamlNode::Data& d = *open_.back().node;
        open_.pop_back();
        d.open = false;
        attach(d);
    }

    void attach(YamlNode::Data& d) {
        const YamlNode node(&d);
        if (open_.empty()) {
            docs_.roots.push_back(node);
            return;
        }
        Open& parent = open_.back();
        parent.node->expanded += d.expanded;
        parent.node->expanded_bytes += d.expanded_bytes;
        // A collection's first element makes room for four: most maps of a profile or a rule have two to
        // four keys, which took two or three allocations growing one at a time.
        if (parent.node->kind == YamlNode::Kind::sequence) {
            if (parent.node->items.empty()) parent.node->items.reserve(4);
            parent.node->items.push_back(node);
        } else if (!parent.have_key) {
            parent.key = node;
            parent.have_key = true;
        } else {
            if (parent.node->entries.empty()) parent.node->entries.reserve(4);
            parent.node->entries.emplace_back(parent.key, node);
            parent.have_key = false;
        }
    }

private:
    struct Open {
        YamlNode::Data* node;
        YamlNode key;  // of a map, waiting for its value
        bool have_key;
    };

    YamlDocuments& docs_;
    std::vector<Open> open_;
};

}  // namespace ww
