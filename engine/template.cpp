// SPDX-License-Identifier: EUPL-1.2
#include "engine/template.hpp"

#include <stdexcept>

namespace ww {

int TemplateDef::slot_index(std::string_view slot) const {
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i].name == slot) return static_cast<int>(i);
    return -1;
}

void throw_does_not_fit(const TemplateDef& t, std::size_t slot, const Value& value) {
    const SlotDef& s = t.slots[slot];
    throw std::invalid_argument("waarde " + value.repr() + " (" + std::string(kind_name(value.kind())) +
                                ") past niet in slot '" + s.name + "' van '" + t.name + "' (" +
                                std::string(type_name(s.type)) + ")");
}

std::string_view type_name(SlotType type) {
    switch (type) {
        case SlotType::any: return "any";
        case SlotType::boolean: return "bool";
        case SlotType::integer: return "int";
        case SlotType::floating: return "float";
        case SlotType::number: return "number";
        case SlotType::string: return "string";
        case SlotType::symbol: return "symbol";
        case SlotType::list: return "list";
    }
    return "?";
}

std::optional<SlotType> parse_type_name(std::string_view name) {
    for (SlotType t : {SlotType::any, SlotType::boolean, SlotType::integer, SlotType::floating, SlotType::number,
                       SlotType::string, SlotType::symbol, SlotType::list})
        if (type_name(t) == name) return t;
    return std::nullopt;
}

Value zero_of(SlotType type) {
    switch (type) {
        case SlotType::boolean: return Value(false);
        case SlotType::integer: return Value(0);
        case SlotType::floating: return Value(0.0);
        case SlotType::number: return Value(0);
        case SlotType::string: return Value(String{Atom{0}});  // atom 0 is "" (intern.cpp; intern_test)
        case SlotType::list: return Value(std::vector<Value>{});
        case SlotType::any:
        case SlotType::symbol: return Value();
    }
    return Value();
}

}  // namespace ww
