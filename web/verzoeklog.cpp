// SPDX-License-Identifier: EUPL-1.2
#include "web/verzoeklog.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <ctime>

namespace ww::web {

namespace {

// A line per request, also for /healthz: written with to_chars into one string instead of fmt, which
// cost some 8K instructions a line, a tenth of a whole /healthz request.
bool veilig_teken(unsigned char b) { return b > 0x20 && b != 0x7F && b != '%'; }

void voeg_veilig_toe(std::string& uit, std::string_view tekst) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char c : tekst) {
        const auto b = static_cast<unsigned char>(c);
        if (veilig_teken(b)) {
            uit += c;
        } else {
            const char esc[3] = {'%', hex[b >> 4], hex[b & 0xF]};
            uit.append(esc, 3);
        }
    }
}

void voeg_getal_toe(std::string& uit, long long n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    uit.append(buf, r.ptr);
}

// n with at least `cijfers` digits, zeros in front (n >= 0).
void voeg_vast_toe(std::string& uit, long n, int cijfers) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    for (auto d = r.ptr - buf; d < cijfers; ++d) uit += '0';
    uit.append(buf, r.ptr);
}

// "2026-12-03T03:12:45", the second's part of the time; gmtime_r once a second per thread.
std::string_view seconde_utc(std::time_t s) {
    thread_local std::time_t laatste = -1;
    thread_local std::string tekst;
    if (s != laatste) {
        std::tm t{};
        gmtime_r(&s, &t);
        tekst.clear();
        voeg_vast_toe(tekst, t.tm_year + 1900L, 4);
        tekst += '-';
        voeg_vast_toe(tekst, t.tm_mon + 1, 2);
        tekst += '-';
        voeg_vast_toe(tekst, t.tm_mday, 2);
        tekst += 'T';
        voeg_vast_toe(tekst, t.tm_hour, 2);
        tekst += ':';
        voeg_vast_toe(tekst, t.tm_min, 2);
        tekst += ':';
        voeg_vast_toe(tekst, t.tm_sec, 2);
        laatste = s;
    }
    return tekst;
}

}  // namespace

std::string verzoekregel(std::string_view methode, std::string_view pad, int status, double seconden,
                         std::size_t in, std::size_t uit) {
    const auto nu = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(nu.time_since_epoch()).count();
    std::string regel;
    regel.reserve(80 + methode.size() + pad.size());
    regel += seconde_utc(static_cast<std::time_t>(ms / 1000));
    regel += '.';
    voeg_vast_toe(regel, static_cast<long>(ms % 1000), 3);
    regel += "Z ";
    // A request cut off before its request line was whole has no method or path: "-".
    if (methode.empty()) regel += '-';
    else voeg_veilig_toe(regel, methode);
    regel += ' ';
    if (pad.empty()) regel += '-';
    else voeg_veilig_toe(regel, pad);
    regel += ' ';
    voeg_getal_toe(regel, status);
    regel += ' ';
    // Milliseconds with one decimal and a decimal comma, rounded as printf's %.1f would.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, seconden * 1000, std::chars_format::fixed, 1);
    for (char* c = buf; c != r.ptr; ++c)
        if (*c == '.') *c = ',';
    regel.append(buf, r.ptr);
    regel += "ms in=";
    voeg_getal_toe(regel, static_cast<long long>(in));
    regel += " uit=";
    voeg_getal_toe(regel, static_cast<long long>(uit));
    regel += '\n';
    return regel;
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
