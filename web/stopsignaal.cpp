// SPDX-License-Identifier: EUPL-1.2
#include "web/stopsignaal.hpp"

#include <ctime>

namespace ww::web {

namespace {

sigset_t stopsignalen() {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGTERM);
    return s;
}

}  // namespace

Stopsignaal::Stopsignaal(std::function<void()> bij_stop) : bij_stop_(std::move(bij_stop)) {
    const sigset_t s = stopsignalen();
    pthread_sigmask(SIG_BLOCK, &s, &oud_);
    wachter_ = std::thread([this] {
        const sigset_t s = stopsignalen();
        // Wakes up now and then to see whether the service ended by itself.
        const timespec tik{0, 100'000'000};
        while (!klaar_.load()) {
            if (sigtimedwait(&s, nullptr, &tik) > 0) {
                bij_stop_();
                return;
            }
        }
    });
}

Stopsignaal::~Stopsignaal() {
    klaar_.store(true);
    wachter_.join();
    pthread_sigmask(SIG_SETMASK, &oud_, nullptr);
}

}  // namespace ww::web
