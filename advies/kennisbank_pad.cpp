#include <filesystem>
#include <system_error>

#include "advies/kennisbank.hpp"

namespace ww::advies {

namespace fs = std::filesystem;

std::string standaard_kennisbank() {
    std::error_code ec;
    // An installed program first: a build tree that has since moved or been deleted must not win
    // over the copy installed next to the executable.
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path geinstalleerd = exe.parent_path().parent_path() / "share" / "wegwijzer" / "knowledge-base";
        if (fs::is_directory(geinstalleerd, ec)) return geinstalleerd.string();
    }
#ifdef WW_KB_SOURCE_DIR
    if (fs::is_directory(WW_KB_SOURCE_DIR, ec)) return WW_KB_SOURCE_DIR;
#endif
    return {};
}

std::string standaard_kennisbank_beeld(const std::string& map) {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || map.empty()) return {};
    const fs::path geinstalleerd = exe.parent_path().parent_path() / "share" / "wegwijzer" / "knowledge-base";
    if (fs::path(map) == geinstalleerd) return (geinstalleerd.parent_path() / "knowledge-base.wwimg").string();
    return (exe.parent_path() / "knowledge-base.wwimg").string();
}

}  // namespace ww::advies
