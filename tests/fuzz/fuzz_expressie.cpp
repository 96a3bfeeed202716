// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: the X3 grammar on arbitrary text, as expression, condition, action and fact. Each
// parse must return (a tree or a syntax error with an offset inside the text), never crash, hang
// or overflow the stack.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/ast.hpp"
#include "rules/parse.hpp"
#include "fuzz_stop.hpp"

namespace {

template <typename Ast, typename Parse>
void probeer(std::string_view text, Parse parse) {
    Ast out;
    if (auto error = parse(text, out))
        if (error->offset > text.size()) ww::fuzz::stop("een fout wijst buiten de tekst");  // into the text or at its end
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    probeer<ww::ast::expression>(text, ww::parse_expression);
    probeer<ww::ast::condition>(text, ww::parse_condition);
    probeer<ww::ast::action>(text, ww::parse_action);
    probeer<ww::ast::pattern>(text, ww::parse_fact);
    return 0;
}
