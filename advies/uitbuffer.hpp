// SPDX-License-Identifier: EUPL-1.2
// Where the HTML report and the JSON advice are written: a buffer of the worker's thread, kept from
// answer to answer, that a piece goes into with a bounds check and a memcpy the compiler sees (a fixed
// piece of markup is a few moves), where std::string::append is a call of some fifty instructions; the
// report has some 170 fixed pieces and 40 texts to escape, the JSON advice some 40 members and texts.
// `klaar` gives the result as a string of its own length (a copy: a std::string cannot grow without
// writing its new bytes first, which costs as much); the service sends it from the buffer instead
// (`inhoud`), holding the Uitbuffer until the answer is out.
#pragma once

#include <charconv>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "advies/html_tekst.hpp"

namespace ww::advies {

class Uitbuffer {
public:
    // Where it writes: bytes that are not set first (a std::string's resize wrote 64 kB of zeros,
    // 65,000 instructions at a cold start, to bytes that are always written before they are read).
    struct Bytes {
        std::unique_ptr<char[]> data;
        std::size_t size = 0;
    };

    Uitbuffer();
    ~Uitbuffer();
    // Moved, it keeps what was written and the thread's buffer in use (an answer the service sends
    // after its route has returned); the moved-from one writes nothing more. Destroyed on the thread
    // that made it: only there does it give the thread's buffer back.
    Uitbuffer(Uitbuffer&& ander) noexcept;
    Uitbuffer& operator=(Uitbuffer&& ander) noexcept;
    Uitbuffer(const Uitbuffer&) = delete;
    Uitbuffer& operator=(const Uitbuffer&) = delete;

    // Inlined whatever the compiler thinks: a fixed piece's length is then known, and its memcpy a few
    // moves (an out-of-line copy called memcpy for each piece).
    [[gnu::always_inline]] Uitbuffer& operator+=(std::string_view s) {
        ruimte(s.size());
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
        return *this;
    }
    [[gnu::always_inline]] Uitbuffer& operator+=(char c) {
        ruimte(1);
        *p_++ = c;
        return *this;
    }
    // `s` escaped for HTML (html_tekst.hpp).
    void html_tekst(std::string_view s) {
        ruimte(html_tekst_ruimte(s.size()));
        p_ = html_tekst_in(p_, s);
    }
    // A whole number in decimal, as fmt writes it.
    void geheel(long long n) {
        ruimte(24);
        p_ = std::to_chars(p_, p_ + 24, n).ptr;
    }

    // Room for n bytes at the end, for a writer that puts them there itself and then says with `tot`
    // where it stopped (at most n further).
    [[gnu::always_inline]] char* ruimte_voor(std::size_t n) {
        ruimte(n);
        return p_;
    }
    void tot(char* eind) { p_ = eind; }

    std::size_t size() const { return static_cast<std::size_t>(p_ - begin_); }
    char& operator[](std::size_t i) { return begin_[i]; }
    std::string_view inhoud() const { return {begin_, size()}; }
    // What was written, as a string of its own.
    std::string klaar() const;

private:
    [[gnu::always_inline]] void ruimte(std::size_t n) {
        if (static_cast<std::size_t>(eind_ - p_) < n) groei(n);
    }
    void groei(std::size_t n);
    void neem_over(Uitbuffer& ander);
    void geef_vrij();

    Bytes* buffer_;  // the thread's, or eigen_ when that is in use (one answer written inside another)
    Bytes eigen_;
    char* begin_;
    char* p_;
    char* eind_;
};

}  // namespace ww::advies
