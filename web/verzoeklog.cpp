// SPDX-License-Identifier: EUPL-1.2
#include "web/verzoeklog.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <ctime>

#include <fmt/format.h>

namespace ww::web {

namespace {

std::string veilig(std::string_view tekst) {
    std::string uit;
    uit.reserve(tekst.size());
    for (const char c : tekst) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || b == '%') uit += fmt::format("%{:02X}", b);
        else uit += c;
    }
    return uit;
}

std::string nu_utc() {
    const auto nu = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(nu.time_since_epoch()).count();
    const std::time_t s = static_cast<std::time_t>(ms / 1000);
    std::tm t{};
    gmtime_r(&s, &t);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                       t.tm_hour, t.tm_min, t.tm_sec, ms % 1000);
}

}  // namespace

std::string verzoekregel(std::string_view methode, std::string_view pad, int status, double seconden,
                         std::size_t in, std::size_t uit) {
    std::string duur = fmt::format("{:.1f}ms", seconden * 1000);
    for (char& c : duur)
        if (c == '.') c = ',';
    return fmt::format("{} {} {} {} {} in={} uit={}\n", nu_utc(), veilig(methode), veilig(pad), status, duur, in, uit);
}

void schrijf_logregel(std::string_view regel) {
    while (!regel.empty()) {
        const ssize_t n = ::write(STDERR_FILENO, regel.data(), regel.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // a log that cannot be written must not stop the service
        regel.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace ww::web
