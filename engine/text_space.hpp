// SPDX-License-Identifier: EUPL-1.2
// White space in UTF-8 text, one definition for the whole program: what the rule language's trim()
// cuts and what the profile reader cuts from a wijk, group or message topic must be the same, or a
// name copied from a word processor (with a no-break space) is one wijk to the reader and another to
// the knowledge base. The definition is Unicode's White_Space property: ASCII space, tab, newline,
// vertical tab, form feed and carriage return, U+0085 (next line), U+00A0 (no-break space), U+1680,
// U+2000-U+200A (the typographic spaces), U+2028, U+2029, U+202F (narrow no-break space), U+205F and
// U+3000 (ideographic space). Zero-width characters (U+200B, U+FEFF) are not white space there, and
// not here either.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ww {

// The length in bytes of the white space character that starts at t[i] (0 if none), and of the one
// that ends just before t[end] (0 if none). Bytes that are not well-formed UTF-8 are never white space.
std::size_t white_space_at(std::string_view t, std::size_t i);
std::size_t white_space_before(std::string_view t, std::size_t end);

// The text without white space at either end.
std::string_view trimmed(std::string_view t);

// The text without white space at either end, and each run of white space inside as one ASCII space:
// " Noord", "Noord\u00a0" and "Noord" are one name, "jeugd  overlast" and "jeugd overlast" one topic.
std::string squeezed(std::string_view t);

// Whether the text is empty or white space only.
inline bool only_white_space(std::string_view t) { return trimmed(t).empty(); }

}  // namespace ww
