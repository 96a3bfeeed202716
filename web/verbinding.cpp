// SPDX-License-Identifier: EUPL-1.2
#include "web/verbinding.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>
#include <thread>

namespace ww::web {

namespace {

int wacht(socket_t sock, short soort, time_t s, time_t us) {
    pollfd p{sock, soort, 0};
    const int ms = static_cast<int>(s * 1000 + us / 1000);
    int r;
    do r = ::poll(&p, 1, ms);
    while (r < 0 && errno == EINTR);
    return r;
}

ssize_t ontvang(socket_t sock, void* p, std::size_t n, int vlaggen) {
    ssize_t r;
    do r = ::recv(sock, p, n, vlaggen);
    while (r < 0 && errno == EINTR);
    return r;
}

// An address as cpp-httplib gives it to a request (REMOTE_ADDR, LOCAL_ADDR): numeric, through
// getnameinfo.
void adres(const sockaddr_storage& a, socklen_t lengte, std::string& ip, int& poort) {
    if (a.ss_family == AF_INET) poort = ntohs(reinterpret_cast<const sockaddr_in*>(&a)->sin_port);
    else if (a.ss_family == AF_INET6) poort = ntohs(reinterpret_cast<const sockaddr_in6*>(&a)->sin6_port);
    else return;
    char tekst[NI_MAXHOST] = {};
    if (getnameinfo(reinterpret_cast<const sockaddr*>(&a), lengte, tekst, sizeof tekst, nullptr, 0, NI_NUMERICHOST) == 0)
        ip = tekst;
}

}  // namespace

bool Verbinding::is_readable() const {
    if (begin_ < eind_) return true;
    // The read timeout, or what is left of the request's time if that is less.
    const auto over = std::chrono::duration_cast<std::chrono::microseconds>(uiterlijk_ - std::chrono::steady_clock::now()).count();
    if (over <= 0) return false;
    const auto tijd = static_cast<long long>(lees_s_) * 1000000 + lees_us_;
    const auto wachttijd = std::min<long long>(over, tijd);
    return wacht(sock_, POLLIN, static_cast<time_t>(wachttijd / 1000000), static_cast<time_t>(wachttijd % 1000000)) > 0;
}

bool Verbinding::is_writable() const {
    if (wacht(sock_, POLLOUT, schrijf_s_, schrijf_us_) <= 0) return false;
    // Whether the client is still there, as cpp-httplib's is_socket_alive: nothing to read, or
    // something (not the end of the stream).
    const int r = wacht(sock_, POLLIN, 0, 0);
    if (r == 0) return true;
    if (r < 0 && errno == EBADF) return false;
    char c;
    return ontvang(sock_, &c, 1, MSG_PEEK) > 0;
}

ssize_t Verbinding::read(char* ptr, std::size_t size) {
    // cpp-httplib reads the request line and headers one byte per call: that byte without the rest's
    // stack frame (the compiler saved six registers first for every byte).
    if (begin_ < eind_ && size == 1) [[likely]] {
        *ptr = buffer_[begin_++];
        return 1;
    }
    return lees_meer(ptr, size);
}

ssize_t Verbinding::lees_meer(char* ptr, std::size_t size) {
    if (begin_ < eind_) {
        const std::size_t n = std::min(size, eind_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, n);
        begin_ += n;
        return static_cast<ssize_t>(n);
    }
    if (!is_readable()) return -1;
    begin_ = eind_ = 0;
    if (size >= buffer_.size()) return ontvang(sock_, ptr, size, 0);
    const ssize_t r = ontvang(sock_, buffer_.data(), buffer_.size(), 0);
    if (r <= 0) return r;
    const std::size_t n = std::min(size, static_cast<std::size_t>(r));
    std::memcpy(ptr, buffer_.data(), n);
    begin_ = n;
    eind_ = static_cast<std::size_t>(r);
    return static_cast<ssize_t>(n);
}

namespace {

ssize_t stuur(socket_t sock, const char* p, std::size_t n) {
    ssize_t r;
    do r = ::send(sock, p, n, 0);
    while (r < 0 && errno == EINTR);
    return r;
}

}  // namespace

ssize_t Verbinding::write(const char* ptr, std::size_t size) {
    if (!is_writable()) {
        kapot_ = true;
        na_kopregels_.reset();
        return -1;
    }
    const ssize_t r = stuur(sock_, ptr, size);
    if (r < 0) {
        kapot_ = true;
        na_kopregels_.reset();
        return r;
    }
    // The last of the headers went: now the body, as cpp-httplib's next write_data would.
    if (na_kopregels_ && static_cast<std::size_t>(r) == size && !stuur_lichaam()) return -1;
    return r;
}

bool Verbinding::stuur_lichaam() {
    std::string_view rest = na_kopregels_->inhoud();
    bool goed = true;
    while (!rest.empty()) {
        if (!is_writable()) {
            goed = false;
            break;
        }
        const ssize_t r = stuur(sock_, rest.data(), rest.size());
        if (r < 0) {
            goed = false;
            break;
        }
        rest.remove_prefix(static_cast<std::size_t>(r));
    }
    na_kopregels_.reset();
    if (!goed) kapot_ = true;
    return goed;
}

void Verbinding::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage a;
    socklen_t lengte = sizeof a;
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&a), &lengte) == 0) adres(a, lengte, ip, port);
}

void Verbinding::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage a;
    socklen_t lengte = sizeof a;
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &lengte) == 0) adres(a, lengte, ip, port);
}

bool Verbinding::wacht_op_verzoek(time_t keep_alive_s) {
    if (kapot_) return false;
    if (begin_ < eind_) return true;
    const auto begin = std::chrono::steady_clock::now();
    for (;;) {
        const int r = wacht(sock_, POLLIN, 0, 10000);
        if (r > 0) return true;
        if (r < 0) return false;
        if (std::chrono::steady_clock::now() - begin > std::chrono::seconds(keep_alive_s)) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

bool Verbinding::vul() {
    if (!is_readable()) return false;
    const ssize_t r = ontvang(sock_, buffer_.data(), buffer_.size(), 0);
    if (r <= 0) return false;
    begin_ = 0;
    eind_ = static_cast<std::size_t>(r);
    return true;
}

bool Verbinding::lees_lichaam(std::size_t n, std::string& uit) {
    while (n > 0) {
        if (begin_ == eind_ && !vul()) return false;
        const std::size_t k = std::min(n, eind_ - begin_);
        uit.append(buffer_.data() + begin_, k);
        begin_ += k;
        n -= k;
    }
    return true;
}

bool Verbinding::lees_regel(std::string& regel, std::size_t max, bool& afgebroken) {
    regel.clear();
    afgebroken = false;
    for (;;) {
        if (begin_ == eind_ && !vul()) {
            afgebroken = true;
            return false;
        }
        const char c = buffer_[begin_++];
        if (c == '\n') break;
        if (regel.size() == max) return false;
        regel.push_back(c);
    }
    if (!regel.empty() && regel.back() == '\r') regel.pop_back();
    return true;
}

Verbinding::Stukken Verbinding::lees_stukken(std::size_t max, std::string& uit) {
    // A chunk's size line: up to 16 hex digits, then perhaps ";extension"; 4 kB is ample for that.
    constexpr std::size_t max_regel = 4096;
    // The trailer fields together: as much as a request's headers may take in cpp-httplib (8 kB).
    constexpr std::size_t max_naloop = 8192;
    std::string regel;
    bool afgebroken = false;
    std::size_t inhoud = 0;
    for (;;) {
        if (!lees_regel(regel, max_regel, afgebroken)) return afgebroken ? Stukken::afgebroken : Stukken::ongeldig;
        std::size_t n = 0, cijfers = 0;
        for (char c : regel) {
            int w;
            if (c >= '0' && c <= '9') w = c - '0';
            else if (c >= 'a' && c <= 'f') w = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') w = c - 'A' + 10;
            else break;
            if (++cijfers > 15) return Stukken::ongeldig;
            n = n * 16 + static_cast<std::size_t>(w);
        }
        if (cijfers == 0) return Stukken::ongeldig;
        const char na = cijfers < regel.size() ? regel[cijfers] : ';';
        if (na != ';' && na != ' ' && na != '\t') return Stukken::ongeldig;
        if (n == 0) break;
        if (n > max - inhoud) return Stukken::te_groot;
        if (!lees_lichaam(n, uit)) return Stukken::afgebroken;
        inhoud += n;
        if (!lees_regel(regel, 2, afgebroken)) return afgebroken ? Stukken::afgebroken : Stukken::ongeldig;
        if (!regel.empty()) return Stukken::ongeldig;
    }
    for (std::size_t naloop = 0;;) {
        if (!lees_regel(regel, max_naloop - naloop, afgebroken)) return afgebroken ? Stukken::afgebroken : Stukken::ongeldig;
        if (regel.empty()) return Stukken::gelezen;
        naloop += regel.size() + 2;
        if (naloop > max_naloop) return Stukken::ongeldig;
    }
}

}  // namespace ww::web
