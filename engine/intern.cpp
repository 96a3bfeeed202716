// The process-wide atom table. Texts live in a deque so that string_views handed out stay valid
// while the table grows.
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "engine/value.hpp"

namespace ww {
namespace {

struct AtomTable {
    std::shared_mutex mutex;
    std::deque<std::string> texts;
    std::unordered_map<std::string_view, std::uint32_t> ids;
    AtomTable() {
        texts.emplace_back();
        ids.emplace(std::string_view(texts.back()), 0);
    }
};

AtomTable& table() {
    static AtomTable t;
    return t;
}

}  // namespace

Atom intern(std::string_view text) {
    AtomTable& t = table();
    {
        std::shared_lock lock(t.mutex);
        auto it = t.ids.find(text);
        if (it != t.ids.end()) return Atom{it->second};
    }
    std::unique_lock lock(t.mutex);
    auto it = t.ids.find(text);
    if (it != t.ids.end()) return Atom{it->second};
    auto id = static_cast<std::uint32_t>(t.texts.size());
    t.texts.emplace_back(text);
    t.ids.emplace(std::string_view(t.texts.back()), id);
    return Atom{id};
}

std::string_view text_of(Atom atom) {
    AtomTable& t = table();
    std::shared_lock lock(t.mutex);
    return t.texts.at(atom.id);
}

}  // namespace ww
