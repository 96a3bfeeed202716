// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitbuffer.hpp"

namespace ww::advies {

namespace {

// A report of a young profile is 14 kB, one with figures and charts some 100 kB.
constexpr std::size_t begin_grootte = 64 * 1024;
// A buffer a very large report made larger than this is not kept for the next one: a long-running
// service keeps at most this much per worker.
constexpr std::size_t hoogstens_houden = 1024 * 1024;

struct Draadbuffer {
    std::string buffer;
    bool in_gebruik = false;
};

thread_local Draadbuffer draad;

}  // namespace

Uitbuffer::Uitbuffer() {
    if (!draad.in_gebruik) {
        draad.in_gebruik = true;
        buffer_ = &draad.buffer;
    } else {
        buffer_ = &eigen_;
    }
    // Written once per thread (resize sets the bytes); later reports reuse the bytes as they are.
    if (buffer_->size() < begin_grootte) buffer_->resize(begin_grootte);
    begin_ = p_ = buffer_->data();
    eind_ = begin_ + buffer_->size();
}

Uitbuffer::~Uitbuffer() {
    if (buffer_ != &draad.buffer) return;
    if (draad.buffer.size() > hoogstens_houden) std::string().swap(draad.buffer);
    draad.in_gebruik = false;
}

std::string Uitbuffer::klaar() const { return std::string(begin_, size()); }

void Uitbuffer::groei(std::size_t n) {
    const std::size_t gebruikt = size();
    buffer_->resize(std::max(2 * buffer_->size(), gebruikt + n));
    begin_ = buffer_->data();
    p_ = begin_ + gebruikt;
    eind_ = begin_ + buffer_->size();
}

}  // namespace ww::advies
