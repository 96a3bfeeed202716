// SPDX-License-Identifier: EUPL-1.2
// Values (from the profile, the knowledge base, or both: an advice text interpolates wijk names) put
// into the markdown report. Each is escaped where it is interpolated, so that no value can start a
// heading, a list, a link, raw HTML, emphasis or a table cell, or break out of a code span.
#pragma once

#include <string>
#include <string_view>

namespace ww::advies {

// Running text: markdown's punctuation escaped with a backslash (CommonMark renders `\*` as `*`),
// line breaks as spaces, and a line that would start a block (`- `, `1. `, `> `, `=`) defused.
std::string md_tekst(std::string_view s);

// A code span holding `s` literally: a fence of more backticks than any run in `s`.
std::string md_code(std::string_view s);

}  // namespace ww::advies
