// SPDX-License-Identifier: EUPL-1.2
// The agenda: activations by salience, then by age. Within one salience activations arrive in creation
// order, so a list per salience is already sorted: depth takes the newest end, breadth the oldest.
// Insert and removal are O(1) apart from finding the salience (a handful of levels in practice).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>

#include "engine/engine.hpp"
#include "engine/token.hpp"

namespace ww {

// The activations of one salience, oldest first; `lower` is the next level down that exists.
struct AgendaLevel {
    int salience = 0;
    Activation* head = nullptr;
    Activation* tail = nullptr;
    AgendaLevel* lower = nullptr;
};

class Agenda {
public:
    void insert(Activation* a);
    void remove(Activation* a);
    // The activation to fire next, removed from the agenda; null when empty.
    Activation* pop(Strategy strategy);
    std::size_t size() const { return size_; }
    // The salience of the activation pop() would give; nullopt when empty.
    std::optional<int> top_salience() {
        AgendaLevel* l = top();
        return l ? std::optional<int>(l->salience) : std::nullopt;
    }
    // Empties the agenda (the activations stay alive, merely unqueued).
    void clear();
    // Activations in firing order, for why-not and tests.
    template <class F>
    void for_each(F&& f) const {
        for (const auto& [salience, list] : levels_)
            for (Activation* a = list.head; a; a = a->agenda_next) f(a);
    }

private:
    // Every firing asks for the best level and most insertions go to the level used last: both
    // without a search of the map (which only holds the levels, nodes that never move).
    AgendaLevel* level_for(int salience);
    AgendaLevel* top();
    std::map<int, AgendaLevel, std::greater<int>> levels_;
    AgendaLevel* highest_ = nullptr;  // the highest level that exists
    AgendaLevel* top_hint_ = nullptr; // no non-empty level above it
    AgendaLevel* last_ = nullptr;     // where the last insertion went
    // Levels by salience modulo 16, direct-mapped: a rule base has a handful of saliences, and the
    // insertions of one propagation alternate between them.
    AgendaLevel* recent_[16] = {};
    std::size_t size_ = 0;
};

}  // namespace ww
