#include "advies/uitleg.hpp"

namespace ww::advies {

Uitleg uitleg_uit(const Derivation& d) {
    Uitleg u;
    u.regel = d.firing ? d.rule_id : std::string();
    u.feit = d.text;
    u.bindingen.reserve(d.bindings.size());
    for (const auto& [naam, waarde] : d.bindings) {
        // A fact address says nothing to a reader; the fact itself is among the premises.
        if (waarde.kind() == ValueKind::fact) continue;
        u.bindingen.emplace_back(naam, waarde.repr());
    }
    u.premissen.reserve(d.premises.size());
    for (const auto& p : d.premises) u.premissen.push_back(uitleg_uit(p));
    return u;
}

}  // namespace ww::advies
