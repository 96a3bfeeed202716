// SPDX-License-Identifier: EUPL-1.2
#include "engine/fact_texts.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace ww {

void FactTexts::clear() {
    if (used_ == 0) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    texts_.clear();
    used_ = 0;
}

std::size_t FactTexts::place(FactId id) const {
    // Fibonacci hashing: consecutive ids, as a consultation gives them, spread over the table.
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (slots_[i].id != empty && slots_[i].id != id) i = (i + 1) & mask;
    return i;
}

std::optional<std::string_view> FactTexts::find(FactId id) const {
    if (used_ == 0) return std::nullopt;
    const Slot& s = slots_[place(id)];
    if (s.id == empty) return std::nullopt;
    return std::string_view(texts_).substr(s.begin, s.size);
}

void FactTexts::add(FactId id, std::string_view text) {
    if (id == empty) throw std::invalid_argument("FactTexts: geen feit");
    if (texts_.size() + text.size() > UINT32_MAX) return;  // not kept: the caller writes it again next time
    if (2 * (used_ + 1) > slots_.size()) grow();
    Slot& s = slots_[place(id)];
    if (s.id == id) return;
    s = Slot{id, static_cast<std::uint32_t>(texts_.size()), static_cast<std::uint32_t>(text.size())};
    texts_.append(text);
    ++used_;
}

void FactTexts::grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, 2 * slots_.size()));
    old.swap(slots_);
    for (const Slot& s : old)
        if (s.id != empty) slots_[place(s.id)] = s;
}

}  // namespace ww
