// SPDX-License-Identifier: EUPL-1.2
// Fuzz target: how the HTTP service frames a request body (web/lichaamsvorm.hpp) and reads it
// (web/lichaamslezer.hpp: a Content-Length or chunked), as web/dienst.cpp does before any route sees
// the body. The input is header lines ("Naam: waarde"), an empty line, and the bytes that follow.
// The promises: a refused framing says why; a body of a Content-Length is exactly that many bytes, or
// the source ended first; a chunked body never decodes to more than the limit; and the decoder's
// answer, what it decoded and where it stopped do not depend on how the bytes arrive (all at once, or
// in pieces of a few bytes, as recv may give them).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <httplib.h>

#include "web/lichaamslezer.hpp"
#include "web/lichaamsvorm.hpp"
#include "fuzz_stop.hpp"

namespace {

// A string as the byte source, handed out in pieces of at most `stuk` bytes.
class Tekstbron final : public ww::web::Bytebron {
public:
    Tekstbron(std::string_view tekst, std::size_t stuk) : rest_(tekst), stuk_(stuk) {}
    std::string_view beschikbaar() override { return rest_.substr(0, stuk_); }
    void gebruikt(std::size_t n) override {
        if (n == 0 || n > std::min(rest_.size(), stuk_)) ww::fuzz::stop("gebruikt meer dan beschikbaar was, of niets");
        rest_.remove_prefix(n);
    }
    std::size_t over() const { return rest_.size(); }

private:
    std::string_view rest_;
    std::size_t stuk_;
};

std::string_view zonder_witruimte(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The header lines up to the first empty one, as cpp-httplib gives them to the service (the value
// without white space at its ends); `invoer` is left at the bytes after them.
httplib::Headers kopregels(std::string_view& invoer) {
    httplib::Headers kop;
    while (!invoer.empty()) {
        const auto eind = invoer.find('\n');
        std::string_view regel = invoer.substr(0, eind);
        invoer.remove_prefix(eind == std::string_view::npos ? invoer.size() : eind + 1);
        if (!regel.empty() && regel.back() == '\r') regel.remove_suffix(1);
        if (regel.empty()) break;
        const auto dubbelepunt = regel.find(':');
        if (dubbelepunt == std::string_view::npos || dubbelepunt == 0) continue;  // cpp-httplib refuses those
        kop.emplace(std::string(regel.substr(0, dubbelepunt)), std::string(zonder_witruimte(regel.substr(dubbelepunt + 1))));
    }
    return kop;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using ww::web::Lichaamsvorm;
    using ww::web::Stukken;
    std::string_view invoer(reinterpret_cast<const char*>(data), size);
    const httplib::Headers kop = kopregels(invoer);
    const Lichaamsvorm vorm = ww::web::lichaamsvorm(kop);
    // The pieces the second reading gets: 1 to 8 bytes, from the input's length.
    const std::size_t stuk = 1 + size % 8;
    switch (vorm.soort) {
        case Lichaamsvorm::Soort::geen:
            if (kop.count("Content-Length") + kop.count("Transfer-Encoding") != 0)
                ww::fuzz::stop("geen lichaam, maar wel Content-Length of Transfer-Encoding");
            break;
        case Lichaamsvorm::Soort::ongeldig:
        case Lichaamsvorm::Soort::gecomprimeerd:
            if (vorm.melding.empty()) ww::fuzz::stop("een geweigerde lichaamsvorm zonder melding");
            break;
        case Lichaamsvorm::Soort::lengte: {
            if (kop.count("Transfer-Encoding") != 0) ww::fuzz::stop("een lengte naast Transfer-Encoding");
            // A limit, as --max-body is: what is beyond it is not read.
            const std::size_t n = std::min<std::size_t>(vorm.lengte, 1 << 20);
            Tekstbron bron(invoer, stuk);
            std::string uit;
            const bool gelezen = ww::web::lees_bytes(bron, n, uit);
            if (gelezen != (n <= invoer.size())) ww::fuzz::stop("lees_bytes: gelezen past niet bij wat er was");
            if (gelezen && (uit != invoer.substr(0, n) || bron.over() != invoer.size() - n))
                ww::fuzz::stop("lees_bytes: niet precies de gevraagde bytes");
            break;
        }
        case Lichaamsvorm::Soort::stukken: {
            // A small limit, so that te_groot is within the fuzzer's reach.
            constexpr std::size_t max = 4096;
            Tekstbron heel(invoer, invoer.size() + 1), in_stukjes(invoer, stuk);
            std::string uit_heel = "voor", uit_stukjes = "voor";  // appended to, never replaced
            const Stukken a = ww::web::lees_stukken(heel, max, uit_heel);
            const Stukken b = ww::web::lees_stukken(in_stukjes, max, uit_stukjes);
            if (a != b || uit_heel != uit_stukjes) ww::fuzz::stop("lees_stukken hangt af van hoe de bytes binnenkomen");
            if (uit_heel.substr(0, 4) != "voor" || uit_heel.size() - 4 > max) ww::fuzz::stop("lees_stukken: meer dan de grens");
            if (a == Stukken::gelezen && heel.over() != in_stukjes.over())
                ww::fuzz::stop("lees_stukken stopt op een andere plaats als de bytes in stukjes komen");
            if (a == Stukken::afgebroken && heel.over() != 0) ww::fuzz::stop("afgebroken terwijl er nog bytes waren");
            break;
        }
    }
    return 0;
}
