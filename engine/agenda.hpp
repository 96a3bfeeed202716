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

class Agenda {
public:
    void insert(Activation* a);
    void remove(Activation* a);
    // The activation to fire next, removed from the agenda; null when empty.
    Activation* pop(Strategy strategy);
    std::size_t size() const { return size_; }
    // The salience of the activation pop() would give; nullopt when empty.
    std::optional<int> top_salience() const {
        for (const auto& [salience, l] : levels_)
            if (l.head) return salience;
        return std::nullopt;
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
    struct Level {
        Activation* head = nullptr;
        Activation* tail = nullptr;
    };
    std::map<int, Level, std::greater<int>> levels_;
    std::size_t size_ = 0;
};

}  // namespace ww
