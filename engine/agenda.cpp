// SPDX-License-Identifier: EUPL-1.2
#include "engine/agenda.hpp"

#include <iterator>

namespace ww {

AgendaLevel* Agenda::level_for(int salience) {
    if (last_ && last_->salience == salience) return last_;
    AgendaLevel*& recent = recent_[static_cast<unsigned>(salience) & 15u];
    if (recent && recent->salience == salience) return last_ = recent;
    auto [it, added] = levels_.try_emplace(salience);
    AgendaLevel* l = &it->second;
    recent = l;
    if (added) {
        l->salience = salience;
        if (std::next(it) != levels_.end()) l->lower = &std::next(it)->second;
        if (it != levels_.begin()) std::prev(it)->second.lower = l;
        else highest_ = l;
    }
    last_ = l;
    return l;
}

AgendaLevel* Agenda::top() {
    AgendaLevel* l = top_hint_ ? top_hint_ : highest_;
    while (l && !l->head) l = l->lower;
    top_hint_ = l;
    return l;
}

void Agenda::insert(Activation* a) {
    AgendaLevel* l = level_for(a->salience);
    a->level = l;
    a->agenda_prev = l->tail;
    a->agenda_next = nullptr;
    if (l->tail) l->tail->agenda_next = a;
    else l->head = a;
    l->tail = a;
    a->queued = true;
    ++size_;
    if (!top_hint_ || l->salience > top_hint_->salience) top_hint_ = l;
}

void Agenda::remove(Activation* a) {
    if (!a->queued) return;
    AgendaLevel* l = a->level;
    if (a->agenda_prev) a->agenda_prev->agenda_next = a->agenda_next;
    else l->head = a->agenda_next;
    if (a->agenda_next) a->agenda_next->agenda_prev = a->agenda_prev;
    else l->tail = a->agenda_prev;
    a->agenda_prev = a->agenda_next = nullptr;
    a->level = nullptr;
    a->queued = false;
    --size_;
}

void Agenda::clear() {
    for (auto& [salience, l] : levels_) {
        for (Activation* a = l.head; a;) {
            Activation* next = a->agenda_next;
            a->agenda_prev = a->agenda_next = nullptr;
            a->level = nullptr;
            a->queued = false;
            a = next;
        }
        l.head = l.tail = nullptr;
    }
    top_hint_ = nullptr;
    size_ = 0;
}

Activation* Agenda::pop(Strategy strategy) {
    AgendaLevel* l = top();
    if (!l) return nullptr;
    Activation* a = strategy == Strategy::depth ? l->tail : l->head;
    remove(a);
    return a;
}

}  // namespace ww
