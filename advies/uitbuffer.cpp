// SPDX-License-Identifier: EUPL-1.2
#include "advies/uitbuffer.hpp"

#include <algorithm>
#include <cassert>

namespace ww::advies {

namespace {

// A report of a young profile is 14 kB, one with figures and charts some 100 kB.
constexpr std::size_t begin_grootte = 64 * 1024;
// A buffer a very large report made larger than this is not kept for the next one: a long-running
// service keeps at most this much per worker.
constexpr std::size_t hoogstens_houden = 1024 * 1024;

struct Draadbuffer {
    Uitbuffer::Bytes buffer;
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
    // Made once per thread; later reports reuse the bytes as they are.
    if (buffer_->size < begin_grootte) {
        buffer_->data = std::make_unique_for_overwrite<char[]>(begin_grootte);
        buffer_->size = begin_grootte;
    }
    begin_ = p_ = buffer_->data.get();
    eind_ = begin_ + buffer_->size;
}

Uitbuffer::Uitbuffer(Uitbuffer&& ander) noexcept { neem_over(ander); }

Uitbuffer& Uitbuffer::operator=(Uitbuffer&& ander) noexcept {
    if (this != &ander) {
        geef_vrij();
        neem_over(ander);
    }
    return *this;
}

Uitbuffer::~Uitbuffer() { geef_vrij(); }

void Uitbuffer::neem_over(Uitbuffer& ander) {
    eigen_ = std::move(ander.eigen_);
    buffer_ = ander.buffer_ == &ander.eigen_ ? &eigen_ : ander.buffer_;
    begin_ = ander.begin_;
    p_ = ander.p_;
    eind_ = ander.eind_;
    ander.buffer_ = nullptr;
    ander.begin_ = ander.p_ = ander.eind_ = nullptr;
}

void Uitbuffer::geef_vrij() {
    if (buffer_ != &draad.buffer) return;
    if (draad.buffer.size > hoogstens_houden) draad.buffer = Bytes{};
    draad.in_gebruik = false;
    buffer_ = nullptr;
}

std::string Uitbuffer::klaar() const { return std::string(begin_, size()); }

void Uitbuffer::groei(std::size_t n) {
    // A moved-from buffer holds no thread buffer and writes nothing more (uitbuffer.hpp).
    assert(buffer_ != nullptr);
    const std::size_t gebruikt = size();
    const std::size_t grootte = std::max(2 * buffer_->size, gebruikt + n);
    auto groter = std::make_unique_for_overwrite<char[]>(grootte);
    std::memcpy(groter.get(), begin_, gebruikt);
    buffer_->data = std::move(groter);
    buffer_->size = grootte;
    begin_ = buffer_->data.get();
    p_ = begin_ + gebruikt;
    eind_ = begin_ + grootte;
}

}  // namespace ww::advies
