// SPDX-License-Identifier: EUPL-1.2
// The image of the bundled knowledge base, made at build time (`wegwijzer maak-beeld`) and installed
// read-only beside it. It is an optimisation, never input: the program reads it only for the
// knowledge base it ships with, only when it is a regular file of bounded size that the user or root
// owns and nobody else may write, only when its key matches the YAML read at the same time, and only
// when the rule base in it passes every check the engine makes (it is instantiated once, the engine
// kept). On any doubt the YAML is loaded instead, in silence: the YAML is what the image stands for.
#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "rules/image.hpp"
#include "rules/rule_base.hpp"
#include "rules/versie.hpp"

namespace ww {

namespace {

// The image of the bundled knowledge base is some 300 kB; anything far larger is not one.
constexpr std::uint64_t max_image_bytes = 16u << 20;

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

// The bytes of an image file, in a buffer that is not cleared first (std::string would write every
// byte of some 300 kB once before read() writes it again), and whose pages the kernel provides in
// the mmap call (MAP_POPULATE) rather than one page fault at a time while read() fills them: those
// were 82 of the 289 page faults of a cold `wegwijzer advies` (docs/prestaties.md, "Koud").
class ImageBytes {
public:
    // No memory (data() null) when the kernel refuses: then the image is not read.
    explicit ImageBytes(std::size_t size) {
        void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (p == MAP_FAILED) return;
        data_ = static_cast<char*>(p);
        size_ = size;
    }
    ImageBytes(ImageBytes&& o) noexcept : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
    ImageBytes& operator=(ImageBytes&&) = delete;
    ~ImageBytes() {
        if (data_ != nullptr) ::munmap(data_, size_);
    }
    char* data() { return data_; }
    std::size_t size() const { return size_; }
    std::string_view view() const { return {data_, size_}; }

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

// The whole file when it may be trusted as an image; nothing otherwise. Opened without following a
// symbolic link and without blocking (a FIFO would wait for a writer forever); a sparse file of
// gigabytes is refused on its size before anything is read.
std::optional<ImageBytes> read_image_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    std::optional<ImageBytes> result;
    struct stat st{};
    const bool trusted = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
                         static_cast<std::uint64_t>(st.st_size) <= max_image_bytes &&
                         (st.st_uid == 0 || st.st_uid == ::geteuid()) && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
    if (trusted) {
        ImageBytes data(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (data.data() != nullptr && got < data.size()) {
            const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        // One byte more than fstat said: the file grew while being read; not the image that was checked.
        char extra;
        if (data.data() != nullptr && got == data.size() && ::read(fd, &extra, 1) == 0) result.emplace(std::move(data));
    }
    ::close(fd);
    return result;
}

}  // namespace

std::string program_identity() {
    std::string id = std::string(programma_met_versie()) + " build-id ";
    std::string b = build_id();
    if (!b.empty()) return id + b;
    struct stat st{};
    if (::stat("/proc/self/exe", &st) == 0)
        return id + fmt::format("exe {} {}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    return id;
}

namespace {
// Each file's name (without its folder), size and contents, in load order, chained through hash64;
// `contents` gives what stands for the contents.
template <class Contents>
std::uint64_t chain_files(const std::vector<SourceFile>& files, Contents contents) {
    std::uint64_t h = 0;
    for (const auto& f : files) {
        const std::string name = std::filesystem::path(f.path()).filename().string();
        h = hash64(name, h);
        h = hash64(std::to_string(f.text().size()), h);
        h = contents(f.text(), h);
    }
    return h;
}
}  // namespace

std::uint64_t content_key(const std::vector<SourceFile>& files) {
    return chain_files(files, [](std::string_view text, std::uint64_t h) { return hash64(text, h); });
}

std::uint64_t files_checksum(const std::vector<SourceFile>& files) {
    return chain_files(files, [](std::string_view text, std::uint64_t h) {
        return hash64(std::to_string(image_checksum(text)), h);
    });
}

std::uint64_t image_key(std::uint64_t checksum, std::string_view identity) {
    return hash64(identity, hash64(std::to_string(checksum), image_format_version));
}

std::uint64_t image_key(const std::vector<SourceFile>& files, std::string_view identity) {
    return image_key(files_checksum(files), identity);
}

std::optional<RuleBase> read_checked_image(std::string_view blob, std::uint64_t key, std::vector<SourceFile>& files) {
    auto copy = std::make_shared<const std::string>(blob);
    return read_checked_image(*copy, copy, key, files, [](const RuleBase&) { return InstallOptions{}; });
}

std::optional<RuleBase> read_checked_image(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                           std::vector<SourceFile>& files, const InstallOptionsFor& options) {
    InstallOptions promised;
    auto base = read_image(blob, owner, key, files, options, promised);  // takes `files` only when it accepts the image
    if (!base) return std::nullopt;
    try {
        base->prepare_engine(promised);
    } catch (const std::exception&) {
        files = std::move(base->files_);  // an image the engine refuses: the caller loads the YAML
        if (!base->read_for_) return std::nullopt;
        // Read for the promise, which the engine refused (a rule it builds asserts a promised fact): its
        // rule base needs every rule, so the image is read whole (prepare_engine builds them all).
        base = read_image(blob, std::move(owner), key, files);
        if (!base) return std::nullopt;
        try {
            base->prepare_engine(promised);
        } catch (const std::exception&) {
            files = std::move(base->files_);
            return std::nullopt;
        }
    }
    base->from_image_ = true;
    return base;
}

RuleBase RuleBase::load_with_image(const std::string& path, const std::string& image_path, const InstallOptions& options) {
    return load_with_image(path, image_path, [&](const RuleBase&) { return options; });
}

RuleBase RuleBase::load_with_image(const std::string& path, const std::string& image_path, const InstallOptionsFor& options) {
    std::vector<SourceFile> files = read_sources(path);
    if (!image_path.empty())
        if (auto blob = read_image_file(image_path)) {
            // The content key (shown as the knowledge base's key) comes with the image, made when the
            // image was, from the files whose checksum is in its key. The rules read their actions
            // from these bytes when they first fire: the rule base keeps them.
            auto bytes = std::make_shared<const ImageBytes>(std::move(*blob));
            if (auto base = read_checked_image(bytes->view(), bytes, image_key(files, program_identity()), files, options))
                return std::move(*base);
        }
    RuleBase base = load_sources(std::move(files));
    // A promise is checked by the engine that holds it: built now, for the first instantiate().
    if (InstallOptions promised = options(base); promised.promises()) base.prepare_engine(promised);
    return base;
}

void RuleBase::save_image(const std::string& path, const std::string& image_path) {
    std::vector<SourceFile> files = read_sources(path);
    const std::uint64_t key = image_key(files, program_identity());
    const std::string image = write_image(load_sources(std::move(files)), key);
    // A fresh temporary file beside the target (mkstemp: O_EXCL, never an existing file or link),
    // read-only, renamed over the target when whole.
    std::string tmp = image_path + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) throw std::runtime_error(fmt::format("{}: kan geen tijdelijk bestand maken: {}", image_path, std::strerror(errno)));
    std::size_t done = 0;
    int err = 0;
    while (done < image.size()) {
        const ssize_t n = ::write(fd, image.data() + done, image.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            err = n < 0 ? errno : EIO;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (err == 0 && ::fchmod(fd, 0444) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err == 0 && ::rename(tmp.c_str(), image_path.c_str()) != 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        throw std::runtime_error(fmt::format("{}: kan het beeld niet schrijven: {}", image_path, std::strerror(err)));
    }
}

}  // namespace ww
