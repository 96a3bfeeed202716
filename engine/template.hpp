// SPDX-License-Identifier: EUPL-1.2
// Templates are the fact types: a name and typed slots with defaults (CLIPS's deftemplate).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/value.hpp"

namespace ww {

enum class SlotType : std::uint8_t { any, boolean, integer, floating, number, string, symbol, list };

struct SlotDef {
    std::string name;
    SlotType type = SlotType::any;
    // Used when an assert does not give the slot. Absent: the type's zero (0, 0.0, "", false, [],
    // and nil for symbol and any).
    std::optional<Value> default_value;
    // nil is accepted in a slot of any type when this is true; useful for "optional, not known".
    bool nullable = false;
};

using TemplateId = std::uint32_t;

struct TemplateDef {
    std::string name;
    std::vector<SlotDef> slots;
    std::string description;

    // Index of the slot with this name, or -1.
    int slot_index(std::string_view slot) const;
};

// Does `value` fit a slot of this type (numbers: an integer fits a float slot; nil fits any, symbol
// and nullable slots)? Inline and without branches: every asserted fact checks each of its slots.
inline bool fits(SlotType type, const Value& value, bool nullable) {
    constexpr auto bit = [](ValueKind k) { return 1u << static_cast<unsigned>(k); };
    static constexpr unsigned accepts[] = {
        0xffu,                                                    // any
        bit(ValueKind::boolean),                                  // boolean
        bit(ValueKind::integer),                                  // integer
        bit(ValueKind::integer) | bit(ValueKind::floating),       // floating
        bit(ValueKind::integer) | bit(ValueKind::floating),       // number
        bit(ValueKind::string),                                   // string
        bit(ValueKind::symbol) | bit(ValueKind::nil),             // symbol
        bit(ValueKind::list),                                     // list
    };
    static_assert(static_cast<unsigned>(SlotType::list) == 7 && static_cast<unsigned>(ValueKind::fact) == 7);
    const unsigned mask = accepts[static_cast<unsigned>(type)] | (nullable ? bit(ValueKind::nil) : 0u);
    return (mask >> static_cast<unsigned>(value.kind())) & 1u;
}
// The error for a value that does not fit slot `slot` of `t` (std::invalid_argument, Dutch).
[[noreturn]] void throw_does_not_fit(const TemplateDef& t, std::size_t slot, const Value& value);
std::string_view type_name(SlotType type);  // as written in rule files: "int", "float", ...
std::optional<SlotType> parse_type_name(std::string_view name);
Value zero_of(SlotType type);

}  // namespace ww
