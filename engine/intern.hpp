// SPDX-License-Identifier: EUPL-1.2
// Interning many texts at once (intern itself, for one text, is in engine/value.hpp).
#pragma once

#include <span>
#include <string_view>

#include "engine/value.hpp"

namespace ww {

// intern of each of `texts` into `out[i]`, under one lock: a knowledge base's image brings some
// 1,100 atoms, nearly all new to a fresh process, and intern looks each new one up twice (without
// and with the lock) and takes the lock for each.
void intern_all(std::span<const std::string_view> texts, Atom* out);

}  // namespace ww
