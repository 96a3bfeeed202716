// SPDX-License-Identifier: EUPL-1.2
#include "advies/json_boom.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "rules/input_limits.hpp"
#include "rules/utf8.hpp"
#include "rules/yaml_open_nodes.hpp"

namespace ww::advies {

namespace {

using Kind = YamlNode::Kind;

// Deeper than any profile; yaml-cpp (with its own limit and message) reads what goes beyond.
constexpr std::size_t max_diepte = 64;

// Reads plain JSON and builds the tree in the same pass: every token's position is where the scan
// stands when it starts, and a line ends only in white space (a string holds no control character),
// so the line and its start are counted while white space is skipped. It takes a subset of what
// nlohmann-json's parser took before it: RFC 8259 JSON whose strings hold no escape, no control
// character, no DEL and only well-formed UTF-8 without C1 controls, and whose numbers neither
// overflow nor underflow a double. Anything else makes it give up, and yaml-cpp reads the profile as
// before: giving up is always safe, taking what yaml-cpp would read differently is not.
class Lezer {
public:
    Lezer(std::string_view tekst, YamlDocuments& docs) : t_(tekst), docs_(docs), open_(docs) {}

    bool document() {
        if (!spatie() || !is('{') || !waarde() || !spatie()) return false;
        return i_ == t_.size();
    }

private:
    bool is(char c) const { return i_ < t_.size() && t_[i_] == c; }

    // Skips white space, counting lines. False for a carriage return without a line feed: it ends a
    // line for yaml-cpp, and not here.
    bool spatie() {
        for (; i_ < t_.size(); ++i_) {
            const char c = t_[i_];
            if (c == ' ' || c == '\t') continue;
            if (c == '\n') {
                ++regel_;
                regelbegin_ = i_ + 1;
            } else if (c == '\r') {
                if (i_ + 1 == t_.size() || t_[i_ + 1] != '\n') return false;
            } else {
                break;
            }
        }
        return true;
    }

    // A node starting at the current position; yaml-cpp's marks: 0-based line, 0-based column in
    // bytes, byte offset.
    YamlNode::Data& maak(Kind soort) {
        YamlNode::Data& d = docs_.storage->emplace_back();
        d.kind = soort;
        d.mark.pos = static_cast<int>(i_);
        d.mark.line = regel_;
        d.mark.column = static_cast<int>(i_ - regelbegin_);
        d.open = false;
        return d;
    }

    bool waarde() {
        if (i_ >= t_.size()) return false;
        switch (t_[i_]) {
            case '{': return verzameling(Kind::map, '}');
            case '[': return verzameling(Kind::sequence, ']');
            case '"': return tekst();
            case 't': return gewoon(4, "true");
            case 'f': return gewoon(5, "false");
            case 'n': {
                if (t_.substr(i_, 4) != "null") return false;
                // yaml-cpp reports a plain `null` as a null node without tag.
                open_.attach(maak(Kind::null));
                i_ += 4;
                return true;
            }
            default: return getal();
        }
    }

    // An object or an array, from its opening bracket: members or elements, each followed by a
    // comma and the next or by the closing bracket.
    bool verzameling(Kind soort, char sluit) {
        if (open_.depth() >= max_diepte) return false;
        YamlNode::Data& d = maak(soort);
        d.tag = "?";
        d.open = true;
        open_.open(d);
        ++i_;
        if (!spatie()) return false;
        if (!is(sluit)) {
            for (;;) {
                if (!(soort == Kind::map ? lid() : waarde()) || !spatie()) return false;
                if (!is(',')) break;
                ++i_;
                if (!spatie()) return false;
            }
            if (!is(sluit)) return false;
        }
        ++i_;
        open_.close();
        return true;
    }

    // `"key": value` of an object. A YAML key is one line up to its ':'; JSON lets the colon come on a
    // later line, which yaml-cpp must judge.
    bool lid() {
        if (!is('"') || !tekst()) return false;
        const int regel = regel_;
        if (!spatie() || regel_ != regel || !is(':')) return false;
        ++i_;
        return spatie() && waarde();
    }

    // A plain scalar (number, true, false): its text as written, as yaml-cpp keeps it.
    bool gewoon(std::size_t lengte, std::string_view woord = {}) {
        const std::string_view s = t_.substr(i_, lengte);
        if (!woord.empty() && s != woord) return false;
        YamlNode::Data& d = maak(Kind::scalar);
        d.tag = "?";
        d.scalar.assign(s);
        d.expanded_bytes = s.size();
        open_.attach(d);
        i_ += lengte;
        return true;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?, whose value is finite as a double: nlohmann refused
    // a number that overflows. Checked with from_chars when the number has an exponent or is long
    // (from_chars also refuses an underflow, which nlohmann took: yaml-cpp then reads it).
    bool getal() {
        std::size_t j = i_;
        const auto is_j = [&](char c) { return j < t_.size() && t_[j] == c; };
        const auto cijfer = [&] { return j < t_.size() && t_[j] >= '0' && t_[j] <= '9'; };
        if (is_j('-')) ++j;
        if (is_j('0')) ++j;
        else if (cijfer()) while (cijfer()) ++j;
        else return false;
        if (is_j('.')) {
            ++j;
            if (!cijfer()) return false;
            while (cijfer()) ++j;
        }
        bool exponent = false;
        if (is_j('e') || is_j('E')) {
            exponent = true;
            ++j;
            if (is_j('+') || is_j('-')) ++j;
            if (!cijfer()) return false;
            while (cijfer()) ++j;
        }
        if (exponent || j - i_ > 300) {
            double d = 0;
            const auto r = std::from_chars(t_.data() + i_, t_.data() + j, d);
            if (r.ec != std::errc() || r.ptr != t_.data() + j || !std::isfinite(d)) return false;
        }
        return gewoon(j - i_);
    }

    // A quoted scalar from its opening quote (a key is one too): without escapes (yaml-cpp's are not
    // all JSON's, and it may refuse what one writes), control characters and DEL, in well-formed UTF-8
    // without C1 controls (yaml-cpp refuses those with its own message).
    bool tekst() {
        const std::size_t begin = i_ + 1;
        std::size_t j = begin;
        for (;;) {
            if (j >= t_.size()) return false;
            const auto c = static_cast<unsigned char>(t_[j]);
            if (c == '"') break;
            if (c < 0x20 || c == '\\' || c == 0x7f) return false;
            if (c < 0x80) {
                ++j;
                continue;
            }
            const std::size_t n = utf8_length(t_, j);
            if (n == 0 || utf8_c1_control(t_.data() + j, n)) return false;
            j += n;
        }
        YamlNode::Data& d = maak(Kind::scalar);
        d.tag = "!";
        d.scalar.assign(t_.data() + begin, j - begin);
        d.expanded_bytes = d.scalar.size();
        open_.attach(d);
        i_ = j + 1;
        return true;
    }

    std::string_view t_;
    YamlDocuments& docs_;
    std::size_t i_ = 0;
    int regel_ = 0;
    std::size_t regelbegin_ = 0;
    YamlOpenNodes open_;
};

}  // namespace

std::optional<YamlDocuments> lees_json_boom(std::string_view tekst) {
    if (tekst.size() > limits::max_file_bytes) return std::nullopt;
    // A NUL byte (where nlohmann stopped reading, as at the end of a C string, and which yaml-cpp
    // refuses) is neither white space nor allowed in a string: the scan refuses it.
    YamlDocuments docs;
    if (!Lezer(tekst, docs).document() || docs.roots.size() != 1) return std::nullopt;
    return docs;
}

}  // namespace ww::advies
