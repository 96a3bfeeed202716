// SPDX-License-Identifier: EUPL-1.2
// The maps and sequences still open while a quick reader (json_boom, yaml_boom) builds the tree that
// yaml-cpp would build: a finished node goes into the innermost open one (as an item, or as a map's
// key and then its value), or becomes a document root.
#pragma once

#include <cstddef>
#include <vector>

#include "rules/yaml_tree.hpp"

namespace ww::advies {

class OpenKnopen {
public:
    explicit OpenKnopen(YamlDocuments& docs) : docs_(docs) {}

    std::size_t diepte() const { return open_.size(); }

    void open(YamlNode::Data& d) { open_.push_back({&d, {}, false}); }

    void sluit() {
        YamlNode::Data& d = *open_.back().node;
        open_.pop_back();
        d.open = false;
        voeg_toe(d);
    }

    void voeg_toe(YamlNode::Data& d) {
        const YamlNode node(&d);
        if (open_.empty()) {
            docs_.roots.push_back(node);
            return;
        }
        Open& ouder = open_.back();
        ouder.node->expanded += d.expanded;
        ouder.node->expanded_bytes += d.expanded_bytes;
        if (ouder.node->kind == YamlNode::Kind::sequence) {
            ouder.node->items.push_back(node);
        } else if (!ouder.heeft_sleutel) {
            ouder.sleutel = node;
            ouder.heeft_sleutel = true;
        } else {
            ouder.node->entries.emplace_back(ouder.sleutel, node);
            ouder.heeft_sleutel = false;
        }
    }

private:
    struct Open {
        YamlNode::Data* node;
        YamlNode sleutel;  // of a map, waiting for its value
        bool heeft_sleutel;
    };

    YamlDocuments& docs_;
    std::vector<Open> open_;
};

}  // namespace ww::advies
