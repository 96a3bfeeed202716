// Compiled knowledge-base images: a round trip gives the same rule base, a damaged image is refused
// (never a crash), the cache key follows the sources, and WW_GEEN_CACHE turns the cache off.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/image.hpp"
#include "rules/rule_base.hpp"
#include "rules/runner.hpp"

namespace ww {
namespace {

namespace fs = std::filesystem;

const std::string kb_dir = std::string(WW_SOURCE_DIR) + "/knowledge-base";

std::vector<std::string> rule_ids(const RuleBase& b) {
    std::vector<std::string> out;
    for (const auto& r : b.rules()) out.push_back(r->id);
    return out;
}

// What running the rule base on its own initial facts emits, and the facts it ends with.
std::vector<std::string> run_output(const RuleBase& b) {
    RunOutcome outcome = run_rule_base(b, {}, RunConfig{});
    std::vector<std::string> out;
    for (const auto& r : outcome.records) out.push_back(record_text(r));
    for (const Fact* f : outcome.engine->facts()) out.push_back(fact_text(*outcome.engine, *f));
    return out;
}

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

// A fresh folder under the system's temporary folder, removed afterwards.
class TempDir {
public:
    explicit TempDir(const std::string& tag)
        : path_(fs::temp_directory_path() / ("ww-image-test-" + tag + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::vector<fs::path> images_in(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    return out;
}

class ImageTest : public ::testing::Test {
protected:
    void SetUp() override {
        files_ = RuleBase::read_sources(kb_dir);
        base_ = std::make_unique<RuleBase>(RuleBase::load(kb_dir));
        key_ = image_key(files_, program_identity());
        image_ = write_image(*base_, key_);
    }
    std::optional<RuleBase> read(std::string_view blob) {
        auto files = files_;
        return read_image(blob, key_, files);
    }
    std::vector<SourceFile> files_;
    std::unique_ptr<RuleBase> base_;
    std::uint64_t key_ = 0;
    std::string image_;
};

TEST_F(ImageTest, RoundTripOfTheKnowledgeBaseIsTheSameRuleBase) {
    ASSERT_GT(base_->rules().size(), 50u);
    auto back = read(image_);
    ASSERT_TRUE(back.has_value());
    // Every field the image holds, compared through its own bytes.
    EXPECT_EQ(write_image(*back, key_), image_);
    EXPECT_EQ(rule_ids(*back), rule_ids(*base_));
    ASSERT_EQ(back->templates().size(), base_->templates().size());
    for (std::size_t i = 0; i < back->templates().size(); ++i) {
        EXPECT_EQ(back->templates()[i].name, base_->templates()[i].name);
        EXPECT_EQ(back->templates()[i].slots.size(), base_->templates()[i].slots.size());
        EXPECT_EQ(back->template_id(base_->templates()[i].name), static_cast<TemplateId>(i));
    }
    ASSERT_EQ(back->facts().size(), base_->facts().size());
    for (std::size_t i = 0; i < back->facts().size(); ++i) {
        EXPECT_EQ(back->facts()[i].tmpl, base_->facts()[i].tmpl);
        EXPECT_EQ(back->facts()[i].slots, base_->facts()[i].slots);
    }
    ASSERT_EQ(back->params().size(), base_->params().size());
    for (const auto& p : base_->params()) {
        const Param* q = back->find_param(p.name);
        ASSERT_NE(q, nullptr) << p.name;
        EXPECT_EQ(q->value, p.value);
    }
    for (std::size_t i = 0; i < base_->rules().size(); ++i) {
        const auto& a = *base_->rules()[i];
        const auto& b = *back->rules()[i];
        EXPECT_EQ(b.meta, a.meta);
        EXPECT_EQ(b.variables, a.variables);
        ASSERT_EQ(b.actions.size(), a.actions.size());
        for (std::size_t j = 0; j < a.actions.size(); ++j) EXPECT_EQ(b.actions[j].fields, a.actions[j].fields);
        ASSERT_NE(back->origin(a.id), nullptr);
        EXPECT_EQ(back->origin(a.id)->offset, base_->origin(a.id)->offset);
    }
    // The manifest of the bundled knowledge base (knowledge-base/kennisbank.yaml) comes back too.
    ASSERT_TRUE(base_->manifest());
    ASSERT_TRUE(back->manifest());
    EXPECT_EQ(back->manifest()->name, base_->manifest()->name);
    EXPECT_EQ(back->manifest()->version, base_->manifest()->version);
    // Run-time diagnostics still point into the source files.
    ASSERT_EQ(back->files().size(), files_.size());
    const auto& first = base_->rules().front()->id;
    EXPECT_EQ(format(back->diagnostic_at(first, base_->origin(first)->offset, "x")),
              format(base_->diagnostic_at(first, base_->origin(first)->offset, "x")));
    EXPECT_EQ(run_output(*back), run_output(*base_));
}

TEST_F(ImageTest, TruncatedImagesAreRefused) {
    std::vector<SourceFile> files = files_;
    for (std::size_t n = 0; n < image_.size(); n += (n < 512 ? 1 : 397)) {
        EXPECT_FALSE(read_image(std::string_view(image_).substr(0, n), key_, files).has_value()) << n;
        EXPECT_EQ(files.size(), files_.size());  // left for the fall-back to YAML
    }
    EXPECT_FALSE(read(image_ + "x").has_value());
}

TEST_F(ImageTest, FlippedBytesAreRefused) {
    for (std::size_t i = 0; i < image_.size(); i += (i < 256 ? 1 : 211)) {
        std::string damaged = image_;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
        EXPECT_FALSE(read(damaged).has_value()) << i;
    }
}

TEST_F(ImageTest, OtherKeyOrFormatVersionIsRefused) {
    std::vector<SourceFile> files = files_;
    EXPECT_FALSE(read_image(image_, key_ + 1, files).has_value());
    std::string other_version = image_;
    other_version[8] = static_cast<char>(image_format_version + 1);  // the version follows the magic
    EXPECT_FALSE(read(other_version).has_value());
    EXPECT_FALSE(read(write_image(*base_, key_ + 1)).has_value());
    EXPECT_TRUE(read(image_).has_value());
}

// Bodies with a valid checksum but nonsense inside (a foreign writer, a bug): refused by the bounds
// checks alone, never a crash.
TEST_F(ImageTest, GarbageBodiesWithValidChecksumAreRefused) {
    constexpr std::size_t header = 36;
    std::string body = image_.substr(header);
    auto reseal = [&](const std::string& b) {
        std::string out = image_.substr(0, header - 16);
        std::uint64_t size = b.size(), sum = hash64(b);
        out.append(reinterpret_cast<const char*>(&size), 8);
        out.append(reinterpret_cast<const char*>(&sum), 8);
        return out + b;
    };
    ASSERT_TRUE(read(reseal(body)).has_value());
    int refused = 0;
    for (std::size_t i = 0; i < body.size(); i += 131) {
        std::string b = body;
        b[i] = static_cast<char>(0xff);
        b[i / 2] = static_cast<char>(0xfe);
        if (!read(reseal(b)).has_value()) ++refused;
    }
    EXPECT_GT(refused, 0);
    EXPECT_FALSE(read(reseal(body.substr(0, body.size() / 2))).has_value());
    EXPECT_FALSE(read(reseal(std::string(body.size(), '\xff'))).has_value());
}

TEST_F(ImageTest, KeyFollowsNamesAndContents) {
    const std::string id = program_identity();
    EXPECT_EQ(image_key(files_, id), key_);
    auto changed = files_;
    changed.back() = SourceFile(changed.back().path(), changed.back().text() + "\n");
    EXPECT_NE(image_key(changed, id), key_);
    auto renamed = files_;
    renamed.back() = SourceFile(renamed.back().path() + "x", renamed.back().text());
    EXPECT_NE(image_key(renamed, id), key_);
    // The folder the files are in does not matter, only their names.
    auto moved = files_;
    for (auto& f : moved) f = SourceFile("/elders/" + fs::path(f.path()).filename().string(), f.text());
    EXPECT_EQ(image_key(moved, id), key_);
    EXPECT_NE(image_key(files_, id + "x"), key_);
    EXPECT_FALSE(id.empty());
}

TEST(ImageCache, FirstLoadWritesAnImageTheSecondReadsIt) {
    TempDir tmp("cache");
    ScopedEnv xdg("XDG_CACHE_HOME", tmp.path().string());
    ScopedEnv on("WW_GEEN_CACHE", "");
    RuleBase plain = RuleBase::load(kb_dir);
    RuleBase first = RuleBase::load_cached(kb_dir);
    auto images = images_in(tmp.path() / "wegwijzer");
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(images[0].extension(), ".wwimg");
    RuleBase second = RuleBase::load_cached(kb_dir);
    EXPECT_EQ(rule_ids(second), rule_ids(plain));
    EXPECT_EQ(run_output(second), run_output(plain));
    EXPECT_EQ(run_output(first), run_output(plain));
    // The content key is the same whether the knowledge base came from its YAML or from the image.
    EXPECT_NE(plain.content_key(), 0u);
    EXPECT_EQ(first.content_key(), plain.content_key());
    EXPECT_EQ(second.content_key(), plain.content_key());
    ASSERT_TRUE(second.manifest());
    EXPECT_EQ(second.manifest()->name, plain.manifest()->name);

    // A damaged image in the cache: loaded from YAML and written again.
    { std::ofstream(images[0], std::ios::binary | std::ios::trunc) << "WWIMG kapot"; }
    RuleBase third = RuleBase::load_cached(kb_dir);
    EXPECT_EQ(run_output(third), run_output(plain));
    EXPECT_GT(fs::file_size(images[0]), 1000u);
}

TEST(ImageCache, OldImagesArePrunedAfterAMiss) {
    TempDir tmp("snoei");
    ScopedEnv xdg("XDG_CACHE_HOME", tmp.path().string());
    ScopedEnv on("WW_GEEN_CACHE", "");
    const fs::path dir = tmp.path() / "wegwijzer";
    fs::create_directories(dir);
    // 20 images of earlier builds, oldest first, and a file of somebody else's that must stay.
    const auto now = fs::file_time_type::clock::now();
    for (int i = 0; i < 20; ++i) {
        const fs::path p = dir / fmt::format("kb-{:016x}.wwimg", i);
        std::ofstream(p) << "oud";
        fs::last_write_time(p, now - std::chrono::hours(100 - i));
    }
    std::ofstream(dir / "notities.txt") << "blijft";
    RuleBase b = RuleBase::load_cached(kb_dir);
    const auto wwimg = [&] {
        std::size_t n = 0;
        for (const auto& p : images_in(dir)) n += p.extension() == ".wwimg";
        return n;
    };
    EXPECT_EQ(wwimg(), 16u);
    EXPECT_TRUE(fs::exists(dir / "notities.txt"));
    EXPECT_FALSE(fs::exists(dir / fmt::format("kb-{:016x}.wwimg", 4)));  // the five oldest went
    EXPECT_TRUE(fs::exists(dir / fmt::format("kb-{:016x}.wwimg", 5)));
    EXPECT_TRUE(fs::exists(dir / fmt::format("kb-{:016x}.wwimg", 19)));
    // A hit prunes nothing: the new image is read back.
    RuleBase again = RuleBase::load_cached(kb_dir);
    EXPECT_EQ(wwimg(), 16u);
    EXPECT_EQ(rule_ids(again), rule_ids(b));
}

TEST(ImageCache, GeenCacheReadsAndWritesNothing) {
    TempDir tmp("geen");
    ScopedEnv xdg("XDG_CACHE_HOME", tmp.path().string());
    ScopedEnv off("WW_GEEN_CACHE", "1");
    RuleBase b = RuleBase::load_cached(kb_dir);
    EXPECT_EQ(rule_ids(b), rule_ids(RuleBase::load(kb_dir)));
    EXPECT_TRUE(images_in(tmp.path() / "wegwijzer").empty());
}

TEST(ImageCache, UnwritableCacheIsSkipped) {
    TempDir tmp("file");
    const fs::path blocker = tmp.path() / "geen-map";
    { std::ofstream(blocker) << "een bestand, geen map"; }
    ScopedEnv xdg("XDG_CACHE_HOME", blocker.string());
    ScopedEnv on("WW_GEEN_CACHE", "");
    EXPECT_EQ(rule_ids(RuleBase::load_cached(kb_dir)), rule_ids(RuleBase::load(kb_dir)));
}

TEST(ImageCache, KnowledgeBaseWithErrorsIsReportedAndNotCached) {
    TempDir tmp("fout");
    TempDir kb("kb");
    ScopedEnv xdg("XDG_CACHE_HOME", tmp.path().string());
    ScopedEnv on("WW_GEEN_CACHE", "");
    { std::ofstream(kb.path() / "regels.yaml") << "rules:\n  - id: [\n"; }
    for (int i = 0; i < 2; ++i) EXPECT_THROW(RuleBase::load_cached(kb.path().string()), LoadError);
    EXPECT_TRUE(images_in(tmp.path() / "wegwijzer").empty());
    EXPECT_THROW(RuleBase::load_cached((kb.path() / "bestaat-niet").string()), LoadError);
}

}  // namespace
}  // namespace ww
