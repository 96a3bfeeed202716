// SPDX-License-Identifier: EUPL-1.2
// The service's workers: a fixed number of threads (--threads) taking accepted connections from a
// queue of bounded length. When the queue is full, accepting waits: further connections stay in the
// kernel's backlog instead of piling up in memory (cpp-httplib's own pool queues without a bound).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace ww::web {

class Taakwachtrij : public httplib::TaskQueue {
public:
    Taakwachtrij(std::size_t threads, std::size_t wachtrij);
    ~Taakwachtrij() override;

    void enqueue(std::function<void()> taak) override;
    // Finishes every task queued so far, then stops the threads.
    void shutdown() override;

private:
    void werk();

    std::size_t max_wachtend_;
    std::mutex mutex_;
    std::condition_variable taak_er_;
    std::condition_variable plaats_vrij_;
    std::deque<std::function<void()>> taken_;
    bool stoppen_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace ww::web
