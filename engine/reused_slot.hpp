// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>

namespace ww {

// A vector written over again and again (an explanation, a list of verdicts, one per consultation)
// keeps its elements, so that the strings and vectors inside them keep their capacity. Writing the
// n-th element takes the one already there, and makes it only the first time; the writer ends with
// `v.resize(count)`, which drops what an earlier, longer list left.
template <class Vec>
typename Vec::reference reused_slot(Vec& v, std::size_t n) {
    if (n == v.size()) v.emplace_back();
    return v[n];
}

}  // namespace ww
