// SPDX-License-Identifier: EUPL-1.2
// The advice of the human formats in its three groups, "Nu doen", "Waarschuwingen" and "Verder" (the
// list is in that order already, ordening.hpp), each item with its number: its place in the list
// (from 1), so that "advies 3" means the same advice in every format.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "advies/advies.hpp"

namespace ww::advies {

struct Genummerd {
    int nr = 0;
    const AdviesItem* item = nullptr;
};

// The items of a group: since the list is in group order, a stretch of it, numbered by place. A view
// of the advice's list (valid as long as that list is), so that grouping allocates nothing.
class Groepsitems {
public:
    Groepsitems() = default;
    Groepsitems(std::span<const AdviesItem> items, int eerste_nr) : items_(items), eerste_nr_(eerste_nr) {}

    class iterator {
    public:
        iterator(const AdviesItem* p, int nr) : p_(p), nr_(nr) {}
        Genummerd operator*() const { return {nr_, p_}; }
        iterator& operator++() {
            ++p_;
            ++nr_;
            return *this;
        }
        bool operator==(const iterator& o) const { return p_ == o.p_; }

    private:
        const AdviesItem* p_;
        int nr_;
    };

    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    Genummerd operator[](std::size_t i) const { return {eerste_nr_ + static_cast<int>(i), &items_[i]}; }
    iterator begin() const { return {items_.data(), eerste_nr_}; }
    iterator end() const { return {items_.data() + items_.size(), eerste_nr_ + static_cast<int>(items_.size())}; }

private:
    std::span<const AdviesItem> items_;
    int eerste_nr_ = 1;
};

struct Groep {
    std::string_view kop;  // "Nu doen", "Waarschuwingen", "Verder"
    Groepsitems items;
};

using Indeling = std::array<Groep, 3>;

// The three groups, in that order; a group without items is still there, empty.
Indeling indeling(const Advies& advies);

}  // namespace ww::advies
