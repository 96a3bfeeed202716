// SPDX-License-Identifier: EUPL-1.2
#include "advies/yaml_boom.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "rules/input_limits.hpp"
#include "rules/utf8.hpp"
#include "rules/yaml_open_nodes.hpp"

namespace ww::advies {

namespace {

using Kind = YamlNode::Kind;

// Deeper than any profile; yaml-cpp (with its own limit and message) reads what goes beyond.
constexpr int max_diepte = 64;

// yaml-cpp takes a key only when its ':' comes within 1024 characters; profiles' keys are short words.
constexpr std::size_t max_sleutel = 200;

// Anything the scanner does not know for certain: yaml-cpp reads the text instead.
struct Weiger {};

// Whether `tekst` holds only what the scanner may pass on unchanged: valid UTF-8 without control
// characters other than line feed (no tab, no carriage return), no DEL, no C1 controls, no byte
// order mark and no line or paragraph separator (U+2028, U+2029). Not the same set as the HTML
// report's (html_tekst.cpp, toegestaan): this one is not what a text may hold but what the scanner
// leaves to yaml-cpp, which has rules of its own for tab, carriage return, byte order mark and line
// separators; only the C1 controls both refuse for the same reason (utf8_c1_control).
bool gewone_tekens(std::string_view tekst) {
    for (std::size_t i = 0; i < tekst.size();) {
        const auto c = static_cast<unsigned char>(tekst[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
            ++i;
            continue;
        }
        const std::size_t n = utf8_length(tekst, i);
        if (n == 0) return false;
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(tekst[i + k]); };
        if (utf8_c1_control(tekst.data() + i, n)) return false;
        if (n == 3 && c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return false;    // byte order mark
        if (n == 3 && c == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9)) return false;
        i += n;
    }
    return true;
}

// Characters that make a plain text start as something else in YAML.
bool indicator(char c) {
    switch (c) {
        case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&':
        case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
            return true;
        default:
            return false;
    }
}

bool is_null_tekst(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

class Lezer {
public:
    Lezer(std::string_view tekst, YamlDocuments& docs) : t_(tekst), docs_(docs), open_(docs) {}

    void lees() {
        naar_inhoud();
        if (eind_ || inspring_ != 0) throw Weiger{};
        if (is_item()) blok_reeks(0, 0);
        else if (is_sleutel()) blok_kaart(0, 0);
        else throw Weiger{};
        if (!eind_) throw Weiger{};
    }

private:
    char at(std::size_t i) const { return i < t_.size() ? t_[i] : '\n'; }
    bool einde_of_spatie(std::size_t i) const { return i >= t_.size() || t_[i] == ' ' || t_[i] == '\n'; }

    // To the first character of the next line that holds more than spaces and a comment; eind_ at the
    // end of the text. p_ stands at the end of a line (or at the start of the text).
    void naar_inhoud() {
        bool begin = p_ == 0 && !gestart_;
        gestart_ = true;
        while (true) {
            if (!begin) {
                if (p_ >= t_.size()) {
                    eind_ = true;
                    return;
                }
                if (t_[p_] != '\n') throw Weiger{};
                ++p_;
                ++regel_;
                regelbegin_ = p_;
            }
            begin = false;
            std::size_t q = p_;
            while (q < t_.size() && t_[q] == ' ') ++q;
            p_ = q;
            if (q >= t_.size()) {
                eind_ = true;
                return;
            }
            if (t_[q] == '\n') continue;
            if (t_[q] == '#') {
                while (p_ < t_.size() && t_[p_] != '\n') ++p_;
                continue;
            }
            inspring_ = static_cast<int>(q - regelbegin_);
            // `---` and `...` in the first column start or end a document.
            if (inspring_ == 0 && (t_.substr(q, 3) == "---" || t_.substr(q, 3) == "...") && einde_of_spatie(q + 3))
                throw Weiger{};
            return;
        }
    }

    // After a value: spaces, perhaps a comment after a space, then the end of the line.
    void einde_regel() {
        const std::size_t begin = p_;
        while (p_ < t_.size() && t_[p_] == ' ') ++p_;
        if (p_ < t_.size() && t_[p_] == '#') {
            if (p_ == begin) throw Weiger{};
            while (p_ < t_.size() && t_[p_] != '\n') ++p_;
        }
        if (p_ < t_.size() && t_[p_] != '\n') throw Weiger{};
    }

    int kolom(std::size_t pos) const { return static_cast<int>(pos - regelbegin_); }

    YAML::Mark plaats(std::size_t pos) const {
        YAML::Mark m;
        m.pos = static_cast<int>(pos);
        m.line = regel_;
        m.column = kolom(pos);
        return m;
    }

    // Whether a plain text may start at `i`: not with an indicator, except a minus before a number.
    bool gewoon_begin(std::size_t i) const {
        return !indicator(at(i)) || (at(i) == '-' && ((at(i + 1) >= '0' && at(i + 1) <= '9') || at(i + 1) == '.'));
    }

    bool is_item() const { return at(p_) == '-' && einde_of_spatie(p_ + 1); }

    // The end of a quoted text that starts at `i` (the position after its closing quote); throws
    // when it does not close on this line or holds an escape.
    std::size_t eind_aanhaling(std::size_t i) const {
        const char q = t_[i];
        for (std::size_t j = i + 1; j < t_.size() && t_[j] != '\n'; ++j) {
            if (q == '"' && t_[j] == '\\') throw Weiger{};
            if (t_[j] != q) continue;
            if (q == '\'' && at(j + 1) == '\'') {
                ++j;
                continue;
            }
            return j + 1;
        }
        throw Weiger{};
    }

    // Where a plain text in block context that starts at `i` ends (before trailing spaces), and
    // whether it ends at a key's ':'.
    std::pair<std::size_t, bool> eind_gewoon_blok(std::size_t i) const {
        if (!gewoon_begin(i)) throw Weiger{};
        std::size_t j = i;
        bool dubbele_punt = false;
        for (; j < t_.size() && t_[j] != '\n'; ++j) {
            if (t_[j] == ':' && einde_of_spatie(j + 1)) {
                dubbele_punt = true;
                break;
            }
            if (t_[j] == '#' && t_[j - 1] == ' ') break;
        }
        while (j > i && t_[j - 1] == ' ') --j;
        return {j, dubbele_punt};
    }

    // Whether the line from p_ on starts with a key: a text on this line followed by ':' and a space
    // or the end of the line.
    bool is_sleutel() const {
        if (at(p_) == '"' || at(p_) == '\'') {
            std::size_t j = eind_aanhaling(p_);
            while (at(j) == ' ') ++j;
            return at(j) == ':' && einde_of_spatie(j + 1);
        }
        if (!gewoon_begin(p_)) return false;
        return eind_gewoon_blok(p_).second;
    }

    YamlNode::Data& maak(Kind soort, std::size_t pos) {
        YamlNode::Data& d = docs_.storage->emplace_back();
        d.kind = soort;
        d.mark = plaats(pos);
        d.open = false;
        return d;
    }

    void tekst(std::size_t begin, std::string waarde, bool aangehaald) {
        if (!aangehaald && is_null_tekst(waarde)) {
            voeg_toe(maak(Kind::null, begin));  // yaml-cpp: a null node without tag
            return;
        }
        YamlNode::Data& d = maak(Kind::scalar, begin);
        d.tag = aangehaald ? "!" : "?";
        d.scalar = std::move(waarde);
        d.expanded_bytes = d.scalar.size();
        voeg_toe(d);
    }

    // A quoted text at p_; p_ after its closing quote.
    void aanhaling() {
        const std::size_t begin = p_;
        const std::size_t eind = eind_aanhaling(begin);
        std::string waarde;
        if (t_[begin] == '\'') {
            for (std::size_t j = begin + 1; j + 1 < eind; ++j) {
                waarde += t_[j];
                if (t_[j] == '\'') ++j;  // '' is one quote
            }
        } else {
            waarde.assign(t_.substr(begin + 1, eind - begin - 2));
        }
        p_ = eind;
        tekst(begin, std::move(waarde), true);
    }

    void open(Kind soort, std::size_t pos) {
        if (++diepte_ > max_diepte) throw Weiger{};
        YamlNode::Data& d = maak(soort, pos);
        d.tag = "?";
        d.open = true;
        open_.open(d);
    }

    void sluit() {
        --diepte_;
        open_.close();
    }

    void voeg_toe(YamlNode::Data& d) { open_.attach(d); }

    // A map whose keys stand in column k, the first at p_. Ends at the first line (p_ at its content)
    // that is less indented, or at the end of the text.
    void blok_kaart(int k, int diepte) {
        if (diepte > max_diepte) throw Weiger{};
        open(Kind::map, p_);
        while (true) {
            // The key.
            const std::size_t sleutel = p_;
            if (at(p_) == '"' || at(p_) == '\'') {
                aanhaling();
                while (at(p_) == ' ') ++p_;
                if (at(p_) != ':' || !einde_of_spatie(p_ + 1)) throw Weiger{};
            } else {
                const auto [eind, dubbele_punt] = eind_gewoon_blok(p_);
                if (!dubbele_punt || eind == p_) throw Weiger{};
                const std::size_t begin = p_;
                p_ = eind;
                tekst(begin, std::string(t_.substr(begin, eind - begin)), false);
                while (at(p_) == ' ') ++p_;
                if (at(p_) != ':') throw Weiger{};
            }
            if (p_ - sleutel > max_sleutel) throw Weiger{};
            ++p_;  // the ':'
            // The value: on this line, or a block on the next lines.
            while (at(p_) == ' ') ++p_;
            if (at(p_) == '#' && t_[p_ - 1] == ' ')
                while (p_ < t_.size() && t_[p_] != '\n') ++p_;
            if (at(p_) == '\n') {
                naar_inhoud();
                if (eind_) throw Weiger{};  // an empty value
                if (inspring_ > k && is_item()) blok_reeks(inspring_, diepte + 1);
                else if (inspring_ > k && is_sleutel()) blok_kaart(inspring_, diepte + 1);
                else if (inspring_ == k && is_item()) blok_reeks(k, diepte + 1);
                else throw Weiger{};
            } else {
                waarde_op_regel();
                einde_regel();
                naar_inhoud();
                if (!eind_ && inspring_ > k) throw Weiger{};
            }
            if (eind_ || inspring_ < k) break;
            if (inspring_ > k || is_item()) throw Weiger{};
        }
        sluit();
    }

    // A list whose `- ` stand in column s, the first at p_. Ends at the first line that is less
    // indented or, in the same column, is no item (a key of the map around an unindented list).
    void blok_reeks(int s, int diepte) {
        if (diepte > max_diepte) throw Weiger{};
        open(Kind::sequence, p_);
        while (true) {
            ++p_;  // the '-'
            if (at(p_) != ' ') throw Weiger{};  // an empty item
            while (at(p_) == ' ') ++p_;
            if (at(p_) == '\n' || at(p_) == '#' || is_item()) throw Weiger{};
            if (is_sleutel()) {
                blok_kaart(kolom(p_), diepte + 1);
            } else {
                waarde_op_regel();
                einde_regel();
                naar_inhoud();
                if (!eind_ && inspring_ > s) throw Weiger{};
            }
            if (eind_ || inspring_ < s) break;
            if (inspring_ > s) throw Weiger{};
            if (!is_item()) break;
        }
        sluit();
    }

    // A value that starts at p_ and ends on this line: a `{...}` or `[...]`, a quoted or a plain text.
    void waarde_op_regel() {
        const char c = at(p_);
        if (c == '{' || c == '[') {
            flow(0);
        } else if (c == '"' || c == '\'') {
            aanhaling();
        } else {
            const auto [eind, dubbele_punt] = eind_gewoon_blok(p_);
            if (dubbele_punt || eind == p_) throw Weiger{};
            const std::size_t begin = p_;
            p_ = eind;
            tekst(begin, std::string(t_.substr(begin, eind - begin)), false);
        }
    }

    void spaties() {
        while (at(p_) == ' ') ++p_;
    }

    // A text inside `{...}` or `[...]` at p_. Returns whether a plain text ended at a ':'.
    bool flow_tekst() {
        if (at(p_) == '"' || at(p_) == '\'') {
            aanhaling();
            return false;
        }
        const std::size_t begin = p_;
        if (!gewoon_begin(p_)) throw Weiger{};
        std::size_t j = p_;
        bool dubbele_punt = false;
        for (;; ++j) {
            const char d = at(j);
            if (d == '\n' || d == '?' || d == '[' || d == '{') throw Weiger{};
            if (d == ',' || d == ']' || d == '}') break;
            if (d == ':') {
                const char e = at(j + 1);
                if (e == ' ' || e == '\n' || e == ',' || e == ']' || e == '}') {
                    dubbele_punt = true;
                    break;
                }
            }
            if (d == '#' && t_[j - 1] == ' ') throw Weiger{};
        }
        std::size_t eind = j;
        while (eind > begin && t_[eind - 1] == ' ') --eind;
        if (eind == begin) throw Weiger{};
        p_ = eind;
        tekst(begin, std::string(t_.substr(begin, eind - begin)), false);
        return dubbele_punt;
    }

    // A flow node at p_, all on this line.
    void flow(int diepte) {
        if (diepte > max_diepte) throw Weiger{};
        const char c = at(p_);
        if (c == '{') {
            open(Kind::map, p_);
            ++p_;
            spaties();
            if (at(p_) == '}') {
                ++p_;
                sluit();
                return;
            }
            while (true) {
                if (at(p_) == '{' || at(p_) == '[') throw Weiger{};
                const std::size_t sleutel = p_;
                flow_tekst();
                spaties();
                if (at(p_) != ':' || at(p_ + 1) != ' ' || p_ - sleutel > max_sleutel) throw Weiger{};
                p_ += 2;
                spaties();
                if (at(p_) == ',' || at(p_) == '}' || at(p_) == '\n') throw Weiger{};
                if (at(p_) == '{' || at(p_) == '[') flow(diepte + 1);
                else if (flow_tekst()) throw Weiger{};
                spaties();
                if (at(p_) == ',') {
                    ++p_;
                    spaties();
                    if (at(p_) == '}') throw Weiger{};
                    continue;
                }
                if (at(p_) != '}') throw Weiger{};
                ++p_;
                sluit();
                return;
            }
        }
        if (c == '[') {
            open(Kind::sequence, p_);
            ++p_;
            spaties();
            if (at(p_) == ']') {
                ++p_;
                sluit();
                return;
            }
            while (true) {
                if (at(p_) == ',' || at(p_) == ']' || at(p_) == '\n') throw Weiger{};
                if (at(p_) == '{' || at(p_) == '[') flow(diepte + 1);
                else if (flow_tekst()) throw Weiger{};  // a key in a list: a map of one pair
                spaties();
                if (at(p_) == ':') throw Weiger{};
                if (at(p_) == ',') {
                    ++p_;
                    spaties();
                    if (at(p_) == ']') throw Weiger{};
                    continue;
                }
                if (at(p_) != ']') throw Weiger{};
                ++p_;
                sluit();
                return;
            }
        }
        throw Weiger{};
    }

    std::string_view t_;
    YamlDocuments& docs_;
    std::size_t p_ = 0;
    bool gestart_ = false;
    bool eind_ = false;
    int inspring_ = 0;
    int regel_ = 0;
    std::size_t regelbegin_ = 0;
    int diepte_ = 0;
    YamlOpenNodes open_;
};

}  // namespace

std::optional<YamlDocuments> lees_yaml_boom(std::string_view tekst) {
    if (tekst.size() > limits::max_file_bytes || !gewone_tekens(tekst)) return std::nullopt;
    YamlDocuments docs;
    try {
        Lezer(tekst, docs).lees();
    } catch (const Weiger&) {
        return std::nullopt;
    }
    if (docs.roots.size() != 1) return std::nullopt;
    return docs;
}

}  // namespace ww::advies
