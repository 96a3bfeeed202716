// SPDX-License-Identifier: EUPL-1.2
// The children of an alpha node by the constant one slot equals (AlphaNode::dispatch): value -> child.
// Every fact passes here once per slot its template dispatches on, and nearly every such slot has one
// to four constants (`gebied: ""`, `oordeel: ongunstig`, `basis in [...]`): a short list compared in
// place costs a handful of instructions where a hash map hashed the value (a call for a float or nil),
// took the bucket by a division and walked it. Past kLinear constants (a pattern per id, CLIPS
// programs) a hash map over the same entries keeps the lookup constant.
//
// A lookup finds exactly what the hash map alone found: a key that is == to the value and hashes
// alike. For two values of one kind (not a list) == already implies the same hash; only numbers of
// different kinds (an integer beyond 2^53 next to a float) and lists need the hash compared too.
#pragma once

#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/value.hpp"

namespace ww {

template <class Child>
class AlphaDispatch {
public:
    static constexpr std::size_t kLinear = 8;

    Child* find(const Value& v) const {
        if (index_) {
            const auto it = index_->find(v);
            return it == index_->end() ? nullptr : it->second;
        }
        for (const auto& [key, child] : entries_)
            if (same_key(key, v)) return child;
        return nullptr;
    }
    // `key` must not be there yet (find first).
    void add(const Value& key, Child* child) {
        entries_.emplace_back(key, child);
        if (index_) {
            index_->emplace(key, child);
        } else if (entries_.size() > kLinear) {
            index_ = std::make_unique<std::unordered_map<Value, Child*, ValueHash>>();
            for (const auto& [k, c] : entries_) index_->emplace(k, c);
        }
    }

private:
    static bool same_key(const Value& key, const Value& v) {
        if (!(key == v)) return false;
        return (key.kind() == v.kind() && key.kind() != ValueKind::list) || key.hash() == v.hash();
    }
    std::vector<std::pair<Value, Child*>> entries_;
    std::unique_ptr<std::unordered_map<Value, Child*, ValueHash>> index_;
};

}  // namespace ww
