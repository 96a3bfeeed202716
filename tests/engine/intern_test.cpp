// SPDX-License-Identifier: EUPL-1.2
// The atom table: texts stay where they are while the table grows (text_of and finding an existing
// atom read without a lock); every text ever interned stays, so computed texts are not interned.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/value.hpp"

using namespace ww;

TEST(Intern, TextsSurviveGrowthAcrossChunks) {
    std::vector<std::pair<Atom, std::string>> made;
    for (int i = 0; i < 10000; ++i) {  // more than two chunks of the table
        std::string t = "groei-" + std::to_string(i);
        made.emplace_back(intern(t), t);
    }
    for (const auto& [a, t] : made) {
        EXPECT_EQ(text_of(a), t);
        EXPECT_EQ(intern(t), a);  // interning again finds the same atom
    }
    EXPECT_EQ(text_of(intern("")), "");
    EXPECT_EQ(intern("").id, 0u);  // zero_of(string) relies on it
}

TEST(Intern, UnknownAtomIsAnError) {
    EXPECT_THROW(text_of(Atom{0xfffffff0u}), std::out_of_range);
}

// A computed text (interpolation, str(), join, a name from a profile) is not interned: the atom table
// does not grow with it, and it goes with the last value that holds it.
TEST(Intern, ComputedTextsAreNotInterned) {
    intern("woord-van-de-regels");
    const std::uint32_t before = atom_table::count.load();
    for (int i = 1; i <= 1000; ++i) {
        Value v = Value::computed_string("berekend-" + std::to_string(i));
        EXPECT_TRUE(v.is_counted_text());
        EXPECT_EQ(v.as_text(), "berekend-" + std::to_string(i));
    }
    EXPECT_EQ(atom_table::count.load(), before);
    // A text that is a word of the rule base already is that atom: nothing allocated.
    Value w = Value::computed_symbol("woord-van-de-regels");
    EXPECT_FALSE(w.is_counted_text());
    EXPECT_EQ(w, Value::symbol("woord-van-de-regels"));
}

TEST(Intern, ReadersNeedNoLockWhileAWriterInterns) {
    std::vector<Atom> known;
    for (int i = 0; i < 100; ++i) known.push_back(intern("vast-" + std::to_string(i)));
    std::atomic<bool> done{false};
    std::atomic<int> bad{0};
    std::thread reader([&] {
        while (!done.load()) {
            for (int i = 0; i < 100; ++i)
                if (text_of(known[static_cast<std::size_t>(i)]) != "vast-" + std::to_string(i)) ++bad;
        }
    });
    for (int i = 0; i < 20000; ++i) intern("druk-" + std::to_string(i));
    done = true;
    reader.join();
    EXPECT_EQ(bad.load(), 0);
}

// Finding an existing atom takes no lock, while other threads add atoms and the index grows: every
// thread must still get one and the same atom per text.
TEST(Intern, ThreadsInterningTheSameTextsGetTheSameAtoms) {
    constexpr int kTexts = 6000, kThreads = 4;
    std::vector<std::vector<Atom>> got(kThreads, std::vector<Atom>(kTexts));
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&got, t] {
            for (int k = 0; k < kTexts; ++k) {
                const int i = t % 2 == 0 ? k : kTexts - 1 - k;  // half of them from the other end
                got[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)] = intern("samen-" + std::to_string(i));
            }
        });
    }
    for (std::thread& th : threads) th.join();
    for (int i = 0; i < kTexts; ++i) {
        const Atom a = got[0][static_cast<std::size_t>(i)];
        EXPECT_EQ(text_of(a), "samen-" + std::to_string(i));
        for (int t = 1; t < kThreads; ++t) EXPECT_EQ(got[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)], a);
    }
}

// The hash reads texts in words of 8 and 16 bytes: texts of every length up to a few words, and texts
// that differ in a single byte anywhere, are all different atoms.
TEST(Intern, TextsDifferingInOneByteAreDifferentAtoms) {
    std::vector<std::string> texts;
    for (std::size_t len = 0; len <= 40; ++len) {
        const std::string base(len, 'q');
        texts.push_back(base);
        for (std::size_t i = 0; i < len; ++i) {
            std::string t = base;
            t[i] = 'r';
            texts.push_back(t);
        }
    }
    texts.push_back(std::string("met\0nul", 7));
    std::vector<Atom> atoms;
    for (const std::string& t : texts) atoms.push_back(intern(t));
    for (std::size_t i = 0; i < texts.size(); ++i) {
        EXPECT_EQ(text_of(atoms[i]), texts[i]);
        EXPECT_EQ(intern(texts[i]), atoms[i]);
        for (std::size_t j = i + 1; j < texts.size(); ++j) EXPECT_NE(atoms[i], atoms[j]) << texts[i] << " / " << texts[j];
    }
}

namespace {
// text_hash as it was written first, with the tail of fewer than eight bytes copied into a zeroed
// word: hashes index the atom table and hashed memories, so a faster tail must give the same value.
std::uint64_t text_hash_by_copy(std::string_view text) {
    constexpr std::uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL, k2 = 0x8ebc6af09c88c6e3ULL;
    auto fold = [](std::uint64_t a, std::uint64_t b) {
        const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
        return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
    };
    auto load8 = [](const char* p) {
        std::uint64_t v;
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    const char* p = text.data();
    std::size_t n = text.size();
    std::uint64_t h = k0 ^ n;
    while (n > 16) {
        h = fold(load8(p) ^ k1, load8(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    std::uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = load8(p);
        b = load8(p + n - 8);
    } else if (n > 0) {
        std::memcpy(&a, p, n);
    }
    return fold(a ^ k1 ^ h, b ^ k2 ^ (h >> 32) ^ n);
}
}  // namespace

TEST(Intern, TextHashOfEveryShortLengthIsTheHashOfTheCopiedBytes) {
    // Bytes above 0x7f too: a tail read as signed chars would spread its sign over the word.
    std::string bytes;
    for (int i = 0; i < 48; ++i) bytes.push_back(static_cast<char>(0x31 + 37 * i));
    for (std::size_t start = 0; start < 8; ++start)
        for (std::size_t n = 0; start + n <= bytes.size(); ++n) {
            const std::string_view text(bytes.data() + start, n);
            EXPECT_EQ(atom_table::text_hash(text), text_hash_by_copy(text)) << "lengte " << n << ", vanaf " << start;
        }
}
