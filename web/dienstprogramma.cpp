// SPDX-License-Identifier: EUPL-1.2
#include "web/dienstprogramma.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

namespace ww::web {

namespace {

void meld(const std::string& melding) {
    const std::string regel = "wegwijzer: fout: " + melding + "\n";
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, regel.data(), regel.size());
}

}  // namespace

std::string dienstprogramma() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path map = exe.parent_path();
    for (const fs::path& kandidaat : {map / "wegwijzer-dienst", map / WW_DIENST_VANAF_BIN / "wegwijzer-dienst"}) {
        if (fs::is_regular_file(kandidaat, ec) && ::access(kandidaat.c_str(), X_OK) == 0)
            return kandidaat.lexically_normal().string();
    }
    return {};
}

std::vector<std::string> dienstargumenten(const DienstOpties& o) {
    return {"wegwijzer-dienst",
            "--adres", o.adres,
            "--poort", std::to_string(o.poort),
            "--kb", o.kb,
            "--threads", std::to_string(o.threads),
            "--max-body", std::to_string(o.max_body),
            "--cors", o.cors,
            "--leestijd", std::to_string(o.leestijd)};
}

int start_dienst(const DienstOpties& opties) {
    const std::string programma = dienstprogramma();
    if (programma.empty()) {
        meld("het dienstprogramma wegwijzer-dienst ontbreekt (gezocht naast dit programma en in ../" WW_DIENST_VANAF_BIN
             "); installeer wegwijzer opnieuw");
        return 2;
    }
    const auto argumenten = dienstargumenten(opties);
    std::vector<char*> argv;
    for (const auto& a : argumenten) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(programma.c_str(), argv.data());
    meld("kan " + programma + " niet starten: " + std::strerror(errno));
    return 2;
}

}  // namespace ww::web
