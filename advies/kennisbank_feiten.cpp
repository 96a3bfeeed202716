// SPDX-License-Identifier: EUPL-1.2
#include "advies/kennisbank_feiten.hpp"

#include <cmath>

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

std::optional<double> kb_getal(const Engine& engine, const Fact& f, std::string_view naam) {
    const int i = engine.template_def(f.tmpl).slot_index(naam);
    if (i < 0) return std::nullopt;
    const Value& v = f.slots[static_cast<std::size_t>(i)];
    if (!v.is_number()) return std::nullopt;
    return v.as_number();
}

std::optional<long long> kb_geheel(const Engine& engine, const Fact& f, std::string_view naam) {
    const auto v = kb_getal(engine, f, naam);
    if (!v) return std::nullopt;
    return static_cast<long long>(std::llround(*v));
}

}  // namespace ww::advies
