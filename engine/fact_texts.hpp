// SPDX-License-Identifier: EUPL-1.2
// The source texts of facts, kept by fact id while several derivations of one state of the engine are
// written (Engine::how_record): a report explains every advice, and most facts stand in many of those
// derivations (the profile's gemeente and figures, what the rules derived from them), each written anew
// per advice, slot by slot. With these, a fact's text is written once and then copied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/value.hpp"

namespace ww {

class FactTexts {
public:
    // A fact's text does not change while its id stands for it, but ids are given out again after a
    // rollback: clear whenever the engine ran, rolled back or changed its facts since the texts were
    // kept. Keeps the capacity, for the next consultation.
    void clear();
    std::optional<std::string_view> find(FactId id) const;
    // Keeps `text` for `id`, which is not here yet.
    void add(FactId id, std::string_view text);
    std::size_t size() const { return used_; }

private:
    struct Slot {
        FactId id = empty;
        std::uint32_t begin = 0;  // in texts_
        std::uint32_t size = 0;
    };
    static constexpr FactId empty = ~FactId{0};
    std::size_t place(FactId id) const;  // where `id` is, or the empty slot where it would go
    void grow();

    std::string texts_;        // the texts, one after the other
    std::vector<Slot> slots_;  // open addressing, a power of two, at most half full
    std::size_t used_ = 0;
};

}  // namespace ww
