// SPDX-License-Identifier: EUPL-1.2
// SIGINT and SIGTERM for the service: blocked in every thread (the workers start after this), and
// waited for in a thread of its own, which calls the stop function once. Nothing then runs inside a
// signal handler, where stopping a server and taking locks would not be safe.
#pragma once

#include <signal.h>

#include <atomic>
#include <functional>
#include <thread>

namespace ww::web {

class Stopsignaal {
public:
    // Call before starting any other thread.
    explicit Stopsignaal(std::function<void()> bij_stop);
    // Stops waiting and restores the signal mask of the calling thread.
    ~Stopsignaal();
    Stopsignaal(const Stopsignaal&) = delete;
    Stopsignaal& operator=(const Stopsignaal&) = delete;

private:
    std::function<void()> bij_stop_;
    sigset_t oud_{};
    std::atomic<bool> klaar_{false};
    std::thread wachter_;
};

}  // namespace ww::web
