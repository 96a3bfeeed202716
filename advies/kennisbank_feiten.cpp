// SPDX-License-Identifier: EUPL-1.2
#include "advies/kennisbank_feiten.hpp"

namespace ww::advies {

std::string kb_tekst(const Engine& engine, const Fact& f, std::string_view naam) {
    const int i = engine.template_def(f.tmpl).slot_index(naam);
    if (i < 0) return {};
    const Value& v = f.slots[static_cast<std::size_t>(i)];
    if (v.kind() != ValueKind::symbol && v.kind() != ValueKind::string) return {};
    return std::string(v.as_text());
}

bool kb_waar(const Engine& engine, const Fact& f, std::string_view naam) {
    const int i = engine.template_def(f.tmpl).slot_index(naam);
    if (i < 0) return false;
    const Value& v = f.slots[static_cast<std::size_t>(i)];
    return v.kind() == ValueKind::boolean && v.as_bool();
}

}  // namespace ww::advies
