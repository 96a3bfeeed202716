// SPDX-License-Identifier: EUPL-1.2
// How a fuzz target stops on a broken promise: the reason first, then abort(). libFuzzer reports an
// abort only as "deadly signal"; the CI machine is gone afterwards, so the reason in the log is all
// there is to start from (scripts/fuzz prints the log's end and the input).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace ww::fuzz {

[[noreturn]] inline void stop(const char* waarom) {
    std::fprintf(stderr, "fuzz: gebroken belofte: %s\n", waarom);
    std::fflush(stderr);
    std::abort();
}

}  // namespace ww::fuzz
