#include "advies/kennisbank.hpp"

#include "advies/fout.hpp"

namespace ww::advies {

std::unique_ptr<Kennisbank> Kennisbank::laad(const std::string& map) {
    try {
        return std::make_unique<Kennisbank>(map, RuleBase::load_cached(map));
    } catch (const LoadError& e) {
        throw InvoerFout(e.diagnostics.items());
    }
}

}  // namespace ww::advies
