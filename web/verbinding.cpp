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

std::string_view Verbinding::beschikbaar() {
    if (begin_ == eind_ && !vul()) return {};
    return {buffer_.data() + begin_, eind_ - begin_};
}

}  // namespace ww::web
