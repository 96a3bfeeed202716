// SPDX-License-Identifier: EUPL-1.2
#include "web/taakwachtrij.hpp"

namespace ww::web {

Taakwachtrij::Taakwachtrij(std::size_t threads, std::size_t wachtrij) : max_wachtend_(wachtrij) {
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { werk(); });
}

Taakwachtrij::~Taakwachtrij() { shutdown(); }

void Taakwachtrij::enqueue(std::function<void()> taak) {
    std::unique_lock lock(mutex_);
    plaats_vrij_.wait(lock, [this] { return stoppen_ || taken_.size() < max_wachtend_; });
    taken_.push_back(std::move(taak));
    taak_er_.notify_one();
}

void Taakwachtrij::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (stoppen_ && threads_.empty()) return;
        stoppen_ = true;
    }
    taak_er_.notify_all();
    plaats_vrij_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
}

void Taakwachtrij::werk() {
    for (;;) {
        std::function<void()> taak;
        {
            std::unique_lock lock(mutex_);
            taak_er_.wait(lock, [this] { return stoppen_ || !taken_.empty(); });
            // A task owns an accepted connection (it closes it): every one runs, also when stopping.
            if (taken_.empty()) return;
            taak = std::move(taken_.front());
            taken_.pop_front();
        }
        plaats_vrij_.notify_one();
        taak();
    }
}

}  // namespace ww::web
