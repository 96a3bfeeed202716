// SPDX-License-Identifier: EUPL-1.2
// The service's consultations. A Raadpleging (an engine with the knowledge base's network) serves one
// request at a time and is expensive to build, cheap to reuse: requests borrow one and give it back.
// There are never more than requests running at once, so at most one per worker thread.
#pragma once

#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "advies/kennisbank.hpp"
#include "advies/raadpleging.hpp"

namespace ww::web {

class Raadplegingen {
public:
    // Builds the first consultation right away, so that a knowledge base that does not fit the program
    // stops the service before it listens (throws InvoerFout).
    // The first takes the engine built while `kennisbank` was loaded (Kennisbank::neem_engine).
    explicit Raadplegingen(advies::Kennisbank& kennisbank);

    class Lening {
    public:
        Lening(Raadplegingen& bron, std::unique_ptr<advies::Raadpleging> r)
            : bron_(bron), r_(std::move(r)), uitzonderingen_(std::uncaught_exceptions()) {}
        Lening(const Lening&) = delete;
        Lening& operator=(const Lening&) = delete;
        // Given back, unless an exception is leaving: an engine stopped halfway is not reused.
        ~Lening() {
            if (std::uncaught_exceptions() == uitzonderingen_) bron_.geef_terug(std::move(r_));
        }
        advies::Raadpleging& operator*() const { return *r_; }
        advies::Raadpleging* operator->() const { return r_.get(); }

    private:
        Raadplegingen& bron_;
        std::unique_ptr<advies::Raadpleging> r_;
        int uitzonderingen_;
    };

    Lening leen();

private:
    void geef_terug(std::unique_ptr<advies::Raadpleging> r);

    const advies::Kennisbank& kennisbank_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<advies::Raadpleging>> vrij_;
};

}  // namespace ww::web
