// SPDX-License-Identifier: EUPL-1.2
#include <dlfcn.h>
#include <link.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "advies/kennisbank.hpp"

namespace ww::advies {

namespace fs = std::filesystem;

namespace {

// The file this code was loaded from: the shared library when it is part of libwegwijzer, else the
// program. Relative paths from there reach the installed knowledge base, wherever the prefix is.
fs::path eigen_bestand(bool& is_bibliotheek) {
    is_bibliotheek = false;
    Dl_info info{};
    link_map* kaart = nullptr;
    if (dladdr1(reinterpret_cast<void*>(&zoek_kennisbank), &info, reinterpret_cast<void**>(&kaart), RTLD_DL_LINKMAP) != 0 &&
        kaart != nullptr && kaart->l_name != nullptr && kaart->l_name[0] != '\0') {
        is_bibliotheek = true;
        std::error_code ec;
        auto pad = fs::weakly_canonical(kaart->l_name, ec);
        return ec ? fs::path(kaart->l_name) : pad;
    }
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe;
}

bool binnen(const fs::path& pad, const fs::path& map) {
    auto p = pad.begin();
    for (auto m = map.begin(); m != map.end(); ++m, ++p) {
        if (m->empty()) continue;  // a trailing separator
        if (p == pad.end() || *p != *m) return false;
    }
    return true;
}

}  // namespace

KennisbankZoektocht zoek_kennisbank() {
    KennisbankZoektocht z;
    std::error_code ec;
    auto probeer = [&](const fs::path& map, std::string waar) {
        z.gezocht.push_back(map.string() + " (" + std::move(waar) + ")");
        if (fs::is_directory(map, ec)) {
            z.pad = map.string();
            return true;
        }
        return false;
    };
    if (const char* env = std::getenv("WEGWIJZER_KB"); env != nullptr && *env != '\0') {
        // Named explicitly: the only place looked at, so that a mistyped variable is an error and not
        // a quiet switch to another knowledge base.
        probeer(env, "WEGWIJZER_KB");
        z.van_gebruiker = true;
        return z;
    }
    bool is_bibliotheek = false;
    const fs::path bestand = eigen_bestand(is_bibliotheek);
    if (bestand.empty()) return z;
    const fs::path map = bestand.parent_path();
#if defined(WW_KB_VANAF_BIN) && defined(WW_KB_VANAF_LIBEXEC)
    // `wegwijzer serve` hands its process to wegwijzer-dienst, installed in libexec/wegwijzer/: from
    // there the same knowledge base is another relative path. Both are the installed one.
    if (!is_bibliotheek)
        for (const char* vanaf : {WW_KB_VANAF_BIN, WW_KB_VANAF_LIBEXEC})
            if (probeer((map / vanaf).lexically_normal(), "naast het programma")) return z;
#endif
#ifdef WW_KB_VANAF_LIB
    if (is_bibliotheek && probeer((map / WW_KB_VANAF_LIB).lexically_normal(), "naast de bibliotheek")) return z;
#endif
#if defined(WW_BOUWMAP) && defined(WW_KB_BRON)
    // A program or library that runs from the build tree it was built in uses the source tree's
    // knowledge base; copied elsewhere it does not.
    std::error_code ec2;
    const fs::path bouwmap = fs::weakly_canonical(WW_BOUWMAP, ec2);
    if (!ec2 && binnen(fs::weakly_canonical(bestand, ec2), bouwmap) && probeer(WW_KB_BRON, "bouwmap")) return z;
#endif
    return z;
}

std::string standaard_kennisbank() { return zoek_kennisbank().pad; }

std::string standaard_kennisbank_beeld(const std::string& map) {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || map.empty()) return {};
    // A knowledge base named by WEGWIJZER_KB is the user's, not the bundled one: its YAML is read.
    if (const char* env = std::getenv("WEGWIJZER_KB"); env != nullptr && *env != '\0') return {};
#if defined(WW_KB_VANAF_BIN) && defined(WW_KB_VANAF_LIBEXEC)
    // The installed knowledge base, found from bin/ or libexec/wegwijzer/: its image is beside it.
    for (const char* vanaf : {WW_KB_VANAF_BIN, WW_KB_VANAF_LIBEXEC}) {
        const fs::path geinstalleerd = (exe.parent_path() / vanaf).lexically_normal();
        if (fs::path(map) == geinstalleerd) return (geinstalleerd.parent_path() / "knowledge-base.wwimg").string();
    }
#endif
    return (exe.parent_path() / "knowledge-base.wwimg").string();
}

}  // namespace ww::advies
