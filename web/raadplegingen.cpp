// SPDX-License-Identifier: EUPL-1.2
#include "web/raadplegingen.hpp"

namespace ww::web {

Raadplegingen::Raadplegingen(advies::Kennisbank& kennisbank) : kennisbank_(kennisbank) {
    vrij_.push_back(std::make_unique<advies::Raadpleging>(kennisbank, kennisbank.neem_engine()));
}

Raadplegingen::Lening Raadplegingen::leen() {
    {
        std::lock_guard lock(mutex_);
        if (!vrij_.empty()) {
            auto r = std::move(vrij_.back());
            vrij_.pop_back();
            return Lening(*this, std::move(r));
        }
    }
    // Built outside the lock: it takes milliseconds, and other requests can go on meanwhile.
    return Lening(*this, std::make_unique<advies::Raadpleging>(kennisbank_));
}

void Raadplegingen::geef_terug(std::unique_ptr<advies::Raadpleging> r) {
    std::lock_guard lock(mutex_);
    vrij_.push_back(std::move(r));
}

}  // namespace ww::web
