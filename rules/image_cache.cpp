// The automatic cache of compiled knowledge-base images: $XDG_CACHE_HOME/wegwijzer/kb-<key>.wwimg
// (else ~/.cache/wegwijzer/). It is an optimisation, not input: a cache that cannot be read or written
// is passed over in silence, and a knowledge base with problems is always loaded from its YAML so
// that the problems are reported.
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "rules/image.hpp"
#include "rules/rule_base.hpp"

#ifndef WW_VERSION
#define WW_VERSION "onbekend"
#endif

namespace ww {

namespace {

// Images kept in the cache folder, the new one included: enough for several checkouts and builds in use
// at once (each some 300 kB).
constexpr std::size_t max_cached_images = 16;

// The GNU build-id note of the main program, as hex; "" when the linker wrote none.
std::string build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
            auto& result = *static_cast<std::string*>(out);
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const auto& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                auto* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
                const char* end = p + ph.p_memsz;
                while (p + sizeof(ElfW(Nhdr)) <= end) {
                    ElfW(Nhdr) n;
                    std::memcpy(&n, p, sizeof n);
                    const char* name = p + sizeof n;
                    const char* desc = name + ((n.n_namesz + 3) & ~3u);
                    const char* next = desc + ((n.n_descsz + 3) & ~3u);
                    if (next > end) break;
                    if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        for (unsigned j = 0; j < n.n_descsz; ++j)
                            result += fmt::format("{:02x}", static_cast<unsigned char>(desc[j]));
                        return 1;
                    }
                    p = next;
                }
            }
            return 1;  // only the first object: the main program
        },
        &id);
    return id;
}

std::string cache_dir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/wegwijzer";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/wegwijzer";
    return {};
}

bool cache_disabled() {
    const char* v = std::getenv("WW_GEEN_CACHE");
    return v && *v && std::strcmp(v, "0") != 0;
}

// The whole file, or nothing.
std::optional<std::string> slurp(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st{};
    std::optional<std::string> result;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        std::string data(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < data.size()) {
            ssize_t n = ::read(fd, data.data() + got, data.size() - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        if (got == data.size()) result = std::move(data);
    }
    ::close(fd);
    return result;
}

// Written under a temporary name in the same folder and renamed, so that a reader never sees half an
// image (and a concurrent writer of the same image does no harm).
void store(const std::string& dir, const std::string& path, const std::string& image) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return;
    std::string tmp = path + fmt::format(".{}.tmp", ::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return;
    std::size_t done = 0;
    while (done < image.size()) {
        ssize_t n = ::write(fd, image.data() + done, image.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    bool ok = done == image.size();
    if (::close(fd) != 0) ok = false;
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

// Every build and every edit of a knowledge base makes a new key, so without pruning the folder would
// only grow (a developer's machine had 226 images, 72 MB, after one day). Runs only after a miss, so a
// cold start that finds its image pays nothing; the images used least recently written go first.
void prune(const std::string& dir, const std::string& keep) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> images;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (name.rfind("kb-", 0) != 0 || p.extension() != ".wwimg" || p == fs::path(keep)) continue;
        std::error_code tec;
        const auto when = fs::last_write_time(p, tec);
        if (!tec) images.emplace_back(when, p);
    }
    if (images.size() < max_cached_images) return;
    std::sort(images.begin(), images.end());
    for (std::size_t i = 0; i + max_cached_images - 1 < images.size(); ++i) fs::remove(images[i].second, ec);
}

}  // namespace

std::string program_identity() {
    std::string id = std::string("wegwijzer ") + WW_VERSION + " build-id ";
    std::string b = build_id();
    if (!b.empty()) return id + b;
    struct stat st{};
    if (::stat("/proc/self/exe", &st) == 0)
        return id + fmt::format("exe {} {}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    return id;
}

std::uint64_t content_key(const std::vector<SourceFile>& files) {
    std::uint64_t h = 0;
    for (const auto& f : files) {
        const std::string name = std::filesystem::path(f.path()).filename().string();
        h = hash64(name, h);
        h = hash64(std::to_string(f.text().size()), h);
        h = hash64(f.text(), h);
    }
    return h;
}

std::uint64_t image_key(std::uint64_t content, std::string_view identity) {
    return hash64(identity, hash64(std::to_string(content), image_format_version));
}

std::uint64_t image_key(const std::vector<SourceFile>& files, std::string_view identity) {
    return image_key(content_key(files), identity);
}

RuleBase RuleBase::load_cached(const std::string& path) {
    std::vector<SourceFile> files = read_sources(path);
    const std::string dir = cache_disabled() ? std::string() : cache_dir();
    if (dir.empty()) return load_sources(std::move(files));
    const std::uint64_t content = ww::content_key(files);
    const std::uint64_t key = image_key(content, program_identity());
    const std::string image_path = fmt::format("{}/kb-{:016x}.wwimg", dir, key);
    if (auto blob = slurp(image_path))
        if (auto base = read_image(*blob, key, files)) {
            base->content_key_ = content;
            return std::move(*base);
        }
    RuleBase base = load_sources(std::move(files));  // throws on any problem: no image then
    try {
        store(dir, image_path, write_image(base, key));
        prune(dir, image_path);
    } catch (const std::exception&) {
        // An image that cannot be made (out of memory, a field beyond the format) only costs speed.
    }
    return base;
}

}  // namespace ww
