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

}  // namespace ww::advies
