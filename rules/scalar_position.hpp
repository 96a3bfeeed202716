// SPDX-License-Identifier: EUPL-1.2
// Where a character of a YAML scalar's value stands in the file. yaml-cpp gives only the position of
// the scalar's first token (the quote, the `|`, or the first character); quoting, escapes and line
// folding shift everything after it, so the raw text is walked alongside the value.
#pragma once

#include <cstddef>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "rules/source_file.hpp"

namespace ww {

// Byte offset in `file` of byte `offset` of `value`, the scalar that yaml-cpp read at `mark`.
// Falls back to the scalar's start when the raw text cannot be followed.
std::size_t scalar_file_offset(const SourceFile& file, const YAML::Mark& mark, std::string_view value,
                               std::size_t offset);

// Byte offset in `file` of a YAML mark.
std::size_t mark_file_offset(const SourceFile& file, const YAML::Mark& mark);

}  // namespace ww
