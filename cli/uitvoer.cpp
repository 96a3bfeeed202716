// SPDX-License-Identifier: EUPL-1.2
#include "cli/uitvoer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include <fmt/format.h>

namespace ww::cli {

namespace {

struct Stand {
    int fout_uit = 0;          // errno of the first failed write to standard output, 0 if none
    bool uit_gesloten = false; // fd 1 was not open at the start
    bool fout_mislukt = false; // a write to standard error failed
};

Stand& stand() {
    static Stand s;
    return s;
}

// Returns 0, or the errno of the failure. Retries after EINTR and after partial writes.
int schrijf_alles(int fd, std::string_view tekst) {
    while (!tekst.empty()) {
        const ssize_t n = ::write(fd, tekst.data(), tekst.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) return EIO;
        tekst.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

std::string reden(int fout) {
    switch (fout) {
        case ENOSPC: return "het apparaat is vol";
        case EDQUOT: return "de schijfquota is op";
        case EFBIG: return "het bestand zou groter worden dan toegestaan (ulimit -f)";
        case EBADF: return "standaarduitvoer is gesloten";
        case EIO: return "invoer-/uitvoerfout";
        case EROFS: return "het bestandssysteem is alleen-lezen";
        default: return fmt::format("schrijffout {} ({})", fout, std::strerror(fout));
    }
}

}  // namespace

std::string zichtbaar(std::string_view tekst) {
    std::string uit;
    uit.reserve(tekst.size());
    for (std::size_t i = 0; i < tekst.size(); ++i) {
        const auto c = static_cast<unsigned char>(tekst[i]);
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
            uit += fmt::format("\\x{:02X}", c);
        } else if (c == 0xc2 && i + 1 < tekst.size() && static_cast<unsigned char>(tekst[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(tekst[i + 1]) <= 0x9f) {
            uit += fmt::format("\\u{:04X}", static_cast<unsigned char>(tekst[i + 1]));
            ++i;
        } else {
            uit += tekst[i];
        }
    }
    return uit;
}

void bereid_uitvoer_voor() {
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        if (fd == STDOUT_FILENO) stand().uit_gesloten = true;
        // Read-only: a write to it fails with EBADF, as it would on the closed descriptor.
        const int vervanger = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (vervanger >= 0 && vervanger != fd) {
            ::dup2(vervanger, fd);
            ::close(vervanger);
        }
    }
}

void schrijf_uit(std::string_view tekst) {
    auto& s = stand();
    if (s.fout_uit != 0 || tekst.empty()) return;
    if (s.uit_gesloten) {
        s.fout_uit = EBADF;
        return;
    }
    s.fout_uit = schrijf_alles(STDOUT_FILENO, tekst);
}

void schrijf_fout(std::string_view tekst) {
    if (schrijf_alles(STDERR_FILENO, zichtbaar(tekst)) != 0) stand().fout_mislukt = true;
}

void schrijf(const advies::Uitvoer& u) {
    schrijf_uit(u.uit);
    schrijf_fout(u.fout);
}

int sluit_uitvoer(int status) {
    auto& s = stand();
    // Anything written the buffered way (CLI11 writes help and version to std::cout).
    errno = 0;
    std::cout.flush();
    if (!std::cout && s.fout_uit == 0) s.fout_uit = errno != 0 ? errno : EIO;
    errno = 0;
    if (std::fflush(stdout) != 0 && s.fout_uit == 0) s.fout_uit = errno != 0 ? errno : EIO;
    if (s.fout_uit == 0 && !s.uit_gesloten) {
        // Some file systems (NFS, FUSE) report a failed write only when the file is closed.
        if (::close(STDOUT_FILENO) != 0 && errno != EINTR) s.fout_uit = errno;
    }
    std::cerr.flush();
    if (s.fout_uit == EPIPE) return status;
    if (s.fout_uit != 0) {
        schrijf_fout(fmt::format("wegwijzer: fout: de uitvoer kon niet geschreven worden: {}\n", reden(s.fout_uit)));
        return 1;
    }
    if (s.fout_mislukt && status == 0) return 1;
    return status;
}

}  // namespace ww::cli
