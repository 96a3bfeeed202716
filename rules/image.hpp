// SPDX-License-Identifier: EUPL-1.2
// A compiled image of a loaded rule base (like CLIPS's bsave/bload): the templates, parameters,
// compiled rules and initial facts as a compact binary blob, so that a knowledge base that loaded
// cleanly once need not be parsed and compiled again. The source files are not in the image: the
// caller has just read them (they are hashed into the key) and hands them to the reader.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_base.hpp"
#include "rules/source_file.hpp"

namespace ww {

// Bumped on every change to what write_image writes.
inline constexpr std::uint32_t image_format_version = 13;

// The image of `base`, stamped with `key` (see image_key).
std::string write_image(const RuleBase& base, std::uint64_t key);

// The rule base in `blob`, with `files` as its source files. Nothing (and `files` untouched) when
// the blob is not a well-formed image stamped with `key`: short, bad magic, other format version,
// bad checksum, or any length or index out of range. Never trusts the blob.
// The actions of its rules are read from the blob when a rule first needs them (ActionList), and so
// this keeps a copy of the blob as long as one of them may; the overload with `owner` keeps `owner`
// instead, which must keep `blob` as it is.
std::optional<RuleBase> read_image(std::string_view blob, std::uint64_t key, std::vector<SourceFile>& files);
std::optional<RuleBase> read_image(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                   std::vector<SourceFile>& files);
// The same for one promise: `options` is called once the image's templates, parameters, initial facts
// and functions are read, before its rules (it may read those, not the rules; what it throws is
// passed on), and gives `chosen`. With a closed promise (InstallOptions::closed) the rules it could
// never let fire are left out unread, as the image's index of its rules tells (RuleBase::read_for);
// every rule that is read must be as the index says. A rule left out is trusted to its index entry
// (its size, whether leaving it out changes the engine, what it asserts): the checksum rules out
// accidental damage, but an image made on purpose with a wrong entry for an unread rule is accepted
// here while a whole read refuses it (docs/robuustheid.md).
std::optional<RuleBase> read_image(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                   std::vector<SourceFile>& files, const InstallOptionsFor& options, InstallOptions& chosen);

// read_image, and then what the engine checks (function names and arities, template and slot
// numbers, variable binding, the initial facts against their templates), by building an engine from
// it (RuleBase::prepare_engine with what `options` gives for the rule base read: with a closed promise
// the rules it leaves out are not even read, see read_image; the other alternatives it stops are read
// and checked, not built); that engine is kept for the rule base's first instantiate(prepared_options()).
// Nothing when either refuses. When the engine refuses the promise itself (a rule it builds asserts a
// promised fact), the image is read again whole and every rule built, as without a promise.
std::optional<RuleBase> read_checked_image(std::string_view blob, std::uint64_t key, std::vector<SourceFile>& files);
std::optional<RuleBase> read_checked_image(std::string_view blob, std::shared_ptr<const void> owner, std::uint64_t key,
                                           std::vector<SourceFile>& files, const InstallOptionsFor& options);

// A 64-bit hash (not cryptographic; stable across runs and processes). The knowledge base's content
// key is made with it, and shown (`kennisbank.sleutel` in JSON): it stays what it is.
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

// The checksum of an image body (and of each YAML file for the image's key): three interleaved
// CRC-32C lanes with a 64-bit finaliser, for damage, not for an adversary. With SSE 4.2 where the
// processor has it; image_checksum_portable gives the same value without (a test holds them equal).
std::uint64_t image_checksum(std::string_view body);
std::uint64_t image_checksum_portable(std::string_view body);

// What identifies this program's build: its version and the executable's GNU build-id (any code
// change gives another), else the executable's size and modification time.
std::string program_identity();

// A hash of each file's name (without its folder), size and contents, in load order: what the knowledge
// base is, apart from where it lies and which program reads it (RuleBase::content_key). The image
// carries it: a start from the image need not compute it.
std::uint64_t content_key(const std::vector<SourceFile>& files);

// The same for the image's key, with image_checksum over the contents: hash64 mixes one word at a
// time into one chain, some 100 us for the 330 kB of the bundled knowledge base; this takes a fifth
// of that, and a cold start needs only this one.
std::uint64_t files_checksum(const std::vector<SourceFile>& files);

// The cache key of a rule base read from `files`: the program identity, the image format version and
// the files' checksum (files_checksum).
std::uint64_t image_key(const std::vector<SourceFile>& files, std::string_view identity);
std::uint64_t image_key(std::uint64_t checksum, std::string_view identity);

}  // namespace ww
