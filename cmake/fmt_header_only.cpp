// SPDX-License-Identifier: EUPL-1.2
// fmt's two out-of-line functions (vformat, vprint), compiled here from fmt's own headers in
// header-only mode, so that a lean-linked program does not need libfmt.so, which would load the
// shared libstdc++ again (see cmake/LeanLink.cmake). The definitions are the library's inline ones;
// taking their addresses makes the compiler emit them.
#define FMT_HEADER_ONLY
#include <fmt/format.h>

#include <string>

namespace {
using VformatFn = std::string (*)(fmt::string_view, fmt::format_args);
using VprintFn = void (*)(fmt::string_view, fmt::format_args);
}  // namespace

[[gnu::used]] VformatFn ww_bench_keep_vformat = &fmt::vformat;
[[gnu::used]] VprintFn ww_bench_keep_vprint = &fmt::vprint;
