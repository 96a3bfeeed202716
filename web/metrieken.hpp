// SPDX-License-Identifier: EUPL-1.2
// The service's measurements for GET /metrics, in Prometheus' text format: requests by endpoint and
// status, a latency histogram per endpoint, consultations, resident memory. Endpoints are the routes'
// patterns (and "andere" for paths that match none), so a client cannot make the list grow.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace ww::web {

class Metrieken {
public:
    // One answered request: `eindpunt` a route's pattern or "andere".
    void verzoek(std::string_view eindpunt, int status, double seconden);
    // One consultation of the knowledge base (advice, communication check, why-not).
    void raadpleging() { raadplegingen_.fetch_add(1, std::memory_order_relaxed); }

    std::string tekst() const;

    // The upper bounds of the histogram's buckets, in seconds (+Inf after the last).
    static constexpr std::array<double, 12> grenzen{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1,     2.5};

private:
    struct Histogram {
        std::array<std::uint64_t, grenzen.size() + 1> emmers{};  // not cumulative; the last is +Inf
        double som = 0;
        std::uint64_t aantal = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> verzoeken_;
    std::map<std::string, Histogram> duur_;
    std::atomic<std::uint64_t> raadplegingen_{0};
};

// Resident memory of this process in bytes (/proc/self/statm); 0 when it cannot be read.
std::uint64_t resident_geheugen();

}  // namespace ww::web
