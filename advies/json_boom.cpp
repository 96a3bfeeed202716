// SPDX-License-Identifier: EUPL-1.2
#include "advies/json_boom.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "advies/open_knopen.hpp"
#include "rules/input_limits.hpp"

namespace ww::advies {

namespace {

using Json = nlohmann::json;
using Kind = YamlNode::Kind;

// Deeper than any profile; yaml-cpp (with its own limit and message) reads what goes beyond.
constexpr std::size_t max_diepte = 64;

// Builds the tree from SAX events (nlohmann's interface; the Lezer below sends them). The events carry no positions: a cursor walks the text
// alongside them. Every event ends a token and comes before the next is read, and what lies between
// two events is white space and the separators ',' and ':' (which get no event), so the next event's
// token starts at the first other character after the cursor. The Lezer has checked the syntax.
class Bouwer : public nlohmann::json_sax<Json> {
public:
    Bouwer(std::string_view tekst, YamlDocuments& docs) : tekst_(tekst), docs_(docs), open_(docs) {}

    bool null() override {
        const std::size_t begin = token_begin();
        cursor_ = begin + 4;
        // yaml-cpp reports a plain `null` as a null node without tag.
        return voeg_toe(maak(Kind::null, begin));
    }
    bool boolean(bool waarde) override {
        const std::size_t begin = token_begin();
        cursor_ = begin + (waarde ? 4 : 5);
        return gewoon(begin);
    }
    bool number_integer(number_integer_t) override { return getal(); }
    bool number_unsigned(number_unsigned_t) override { return getal(); }
    bool number_float(number_float_t, const string_t&) override { return getal(); }

    bool string(string_t& waarde) override {
        YamlNode::Data* d = tekst(waarde);
        return d != nullptr && voeg_toe(*d);
    }
    bool key(string_t& waarde) override {
        YamlNode::Data* d = tekst(waarde);
        if (d == nullptr) return false;
        // A YAML key is one line up to its ':'; JSON lets the colon come on a later line.
        for (std::size_t i = cursor_; i < tekst_.size() && tekst_[i] != ':'; ++i)
            if (tekst_[i] == '\n') return false;
        return voeg_toe(*d);
    }
    bool binary(binary_t&) override { return false; }

    bool start_object(std::size_t) override { return open(Kind::map); }
    bool end_object() override { return sluit(); }
    bool start_array(std::size_t) override { return open(Kind::sequence); }
    bool end_array() override { return sluit(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    std::size_t token_begin() {
        while (cursor_ < tekst_.size()) {
            const char c = tekst_[cursor_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != ',' && c != ':') break;
            ++cursor_;
        }
        return cursor_;
    }

    // yaml-cpp's marks: 0-based line, 0-based column in bytes, byte offset. Positions only grow.
    YAML::Mark plaats(std::size_t pos) {
        for (; gemeten_ < pos; ++gemeten_)
            if (tekst_[gemeten_] == '\n') {
                ++regel_;
                regelbegin_ = gemeten_ + 1;
            }
        YAML::Mark m;
        m.pos = static_cast<int>(pos);
        m.line = regel_;
        m.column = static_cast<int>(pos - regelbegin_);
        return m;
    }

    YamlNode::Data& maak(Kind soort, std::size_t begin) {
        YamlNode::Data& d = docs_.storage->emplace_back();
        d.kind = soort;
        d.mark = plaats(begin);
        d.open = false;
        return d;
    }

    // A plain scalar (number, true, false): its text as written, as yaml-cpp keeps it.
    bool gewoon(std::size_t begin) {
        YamlNode::Data& d = maak(Kind::scalar, begin);
        d.tag = "?";
        d.scalar.assign(tekst_.substr(begin, cursor_ - begin));
        d.expanded_bytes = d.scalar.size();
        return voeg_toe(d);
    }

    bool getal() {
        const std::size_t begin = token_begin();
        cursor_ = begin;
        while (cursor_ < tekst_.size()) {
            const char c = tekst_[cursor_];
            if ((c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') break;
            ++cursor_;
        }
        return gewoon(begin);
    }

    // A quoted scalar, or nullptr when it holds what yaml-cpp should judge: an escape (yaml-cpp's
    // escapes are not all JSON's, and it may refuse what one writes), DEL or a C1 control character
    // (refused with yaml-cpp's message).
    YamlNode::Data* tekst(string_t& waarde) {
        const std::size_t begin = token_begin();
        std::size_t i = begin + 1;
        while (i < tekst_.size() && tekst_[i] != '"') {
            const auto c = static_cast<unsigned char>(tekst_[i]);
            if (c == '\\' || c == 0x7f) return nullptr;
            if (c == 0xc2 && i + 1 < tekst_.size() && static_cast<unsigned char>(tekst_[i + 1]) <= 0x9f) return nullptr;
            ++i;
        }
        cursor_ = i + 1;
        YamlNode::Data& d = maak(Kind::scalar, begin);
        d.tag = "!";
        d.scalar = std::move(waarde);
        d.expanded_bytes = d.scalar.size();
        return &d;
    }

    bool open(Kind soort) {
        if (open_.diepte() >= max_diepte) return false;
        const std::size_t begin = token_begin();
        cursor_ = begin + 1;
        YamlNode::Data& d = maak(soort, begin);
        d.tag = "?";
        d.open = true;
        open_.open(d);
        return true;
    }

    bool sluit() {
        cursor_ = token_begin() + 1;
        open_.sluit();
        return true;
    }

    bool voeg_toe(YamlNode::Data& d) {
        open_.voeg_toe(d);
        return true;
    }

    std::string_view tekst_;
    YamlDocuments& docs_;
    std::size_t cursor_ = 0;
    std::size_t gemeten_ = 0;
    int regel_ = 0;
    std::size_t regelbegin_ = 0;
    OpenKnopen open_;
};

// Reads plain JSON and hands the Bouwer the events nlohmann's SAX parser would, at a fraction of its
// cost (its lexer was half of the 11K instructions a profile's JSON took per request). It takes a
// subset of what nlohmann takes: RFC 8259 JSON whose strings hold no escape, no control character and
// only well-formed UTF-8 (nlohmann's own check), and whose numbers neither overflow nor underflow a
// double. Anything else makes it give up, and yaml-cpp reads the profile as before: giving up is
// always safe, taking what nlohmann would refuse is not.
class Lezer {
public:
    Lezer(std::string_view tekst, Bouwer& bouwer) : t_(tekst), b_(bouwer) {}

    bool document() {
        spatie();
        if (!waarde()) return false;
        spatie();
        return i_ == t_.size();
    }

private:
    bool is(char c) const { return i_ < t_.size() && t_[i_] == c; }
    void spatie() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\t' || t_[i_] == '\r')) ++i_;
    }

    bool waarde() {
        if (i_ >= t_.size()) return false;
        switch (t_[i_]) {
            case '{': return object();
            case '[': return lijst();
            case '"': {
                std::string s;
                return tekst(s) && b_.string(s);
            }
            case 't': return woord("true") && b_.boolean(true);
            case 'f': return woord("false") && b_.boolean(false);
            case 'n': return woord("null") && b_.null();
            default: return getal();
        }
    }

    bool object() {
        ++i_;
        if (!b_.start_object(static_cast<std::size_t>(-1))) return false;
        spatie();
        if (is('}')) {
            ++i_;
            return b_.end_object();
        }
        for (;;) {
            if (!is('"')) return false;
            std::string sleutel;
            if (!tekst(sleutel) || !b_.key(sleutel)) return false;
            spatie();
            if (!is(':')) return false;
            ++i_;
            spatie();
            if (!waarde()) return false;
            spatie();
            if (is(',')) {
                ++i_;
                spatie();
                continue;
            }
            if (!is('}')) return false;
            ++i_;
            return b_.end_object();
        }
    }

    bool lijst() {
        ++i_;
        if (!b_.start_array(static_cast<std::size_t>(-1))) return false;
        spatie();
        if (is(']')) {
            ++i_;
            return b_.end_array();
        }
        for (;;) {
            if (!waarde()) return false;
            spatie();
            if (is(',')) {
                ++i_;
                spatie();
                continue;
            }
            if (!is(']')) return false;
            ++i_;
            return b_.end_array();
        }
    }

    bool woord(std::string_view w) {
        if (t_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?, whose value is finite as a double: nlohmann refuses
    // a number that overflows. Checked with from_chars when the number has an exponent or is long
    // (from_chars also refuses an underflow, which nlohmann takes: yaml-cpp then reads it).
    bool getal() {
        const std::size_t begin = i_;
        if (is('-')) ++i_;
        const auto cijfer = [&] { return i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9'; };
        if (is('0')) ++i_;
        else if (cijfer()) while (cijfer()) ++i_;
        else return false;
        if (is('.')) {
            ++i_;
            if (!cijfer()) return false;
            while (cijfer()) ++i_;
        }
        bool exponent = false;
        if (is('e') || is('E')) {
            exponent = true;
            ++i_;
            if (is('+') || is('-')) ++i_;
            if (!cijfer()) return false;
            while (cijfer()) ++i_;
        }
        if (exponent || i_ - begin > 300) {
            double d = 0;
            const auto r = std::from_chars(t_.data() + begin, t_.data() + i_, d);
            if (r.ec != std::errc() || r.ptr != t_.data() + i_ || !std::isfinite(d)) return false;
        }
        return b_.number_integer(0);
    }

    // A string from its opening quote, without escapes and control characters, in well-formed UTF-8
    // (C1 controls and DEL are left to yaml-cpp, as the Bouwer does).
    bool tekst(std::string& waarde) {
        const std::size_t begin = ++i_;
        while (i_ < t_.size()) {
            const auto c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') {
                waarde.assign(t_.data() + begin, i_ - begin);
                ++i_;
                return true;
            }
            if (c < 0x20 || c == '\\' || c == 0x7f) return false;
            if (c < 0x80) {
                ++i_;
                continue;
            }
            const std::size_t n = utf8(c);
            if (n == 0) return false;
            i_ += n;
        }
        return false;
    }

    // The length of the well-formed UTF-8 sequence at i_ (RFC 3629, as nlohmann checks it), 0 for none
    // and for a C1 control (U+0080-U+009F).
    std::size_t utf8(unsigned char c) const {
        const std::size_t n = utf8_length(t_, i_);
        if (n == 2 && c == 0xC2 && static_cast<unsigned char>(t_[i_ + 1]) < 0xA0) return 0;
        return n;
    }

    std::string_view t_;
    Bouwer& b_;
    std::size_t i_ = 0;
};

}  // namespace

std::optional<YamlDocuments> lees_json_boom(std::string_view tekst) {
    if (tekst.size() > limits::max_file_bytes) return std::nullopt;
    const auto eerste = tekst.find_first_not_of(" \t\r\n");
    if (eerste == std::string_view::npos || tekst[eerste] != '{') return std::nullopt;
    // nlohmann stops reading at a NUL byte, as at the end of a C string; yaml-cpp refuses it.
    if (tekst.find('\0') != std::string_view::npos) return std::nullopt;
    // A carriage return on its own ends a line for yaml-cpp, not for the positions counted here.
    for (std::size_t i = tekst.find('\r'); i != std::string_view::npos; i = tekst.find('\r', i + 1))
        if (i + 1 == tekst.size() || tekst[i + 1] != '\n') return std::nullopt;
    YamlDocuments docs;
    Bouwer bouwer(tekst, docs);
    if (!Lezer(tekst, bouwer).document() || docs.roots.size() != 1) return std::nullopt;
    return docs;
}

}  // namespace ww::advies
