#include "engine/agenda.hpp"

namespace ww {

void Agenda::insert(Activation* a) {
    Level& l = levels_[a->salience];
    a->agenda_prev = l.tail;
    a->agenda_next = nullptr;
    if (l.tail) l.tail->agenda_next = a;
    else l.head = a;
    l.tail = a;
    a->queued = true;
    ++size_;
}

void Agenda::remove(Activation* a) {
    if (!a->queued) return;
    Level& l = levels_[a->salience];
    if (a->agenda_prev) a->agenda_prev->agenda_next = a->agenda_next;
    else l.head = a->agenda_next;
    if (a->agenda_next) a->agenda_next->agenda_prev = a->agenda_prev;
    else l.tail = a->agenda_prev;
    a->agenda_prev = a->agenda_next = nullptr;
    a->queued = false;
    --size_;
}

void Agenda::clear() {
    for (auto& [salience, l] : levels_) {
        for (Activation* a = l.head; a;) {
            Activation* next = a->agenda_next;
            a->agenda_prev = a->agenda_next = nullptr;
            a->queued = false;
            a = next;
        }
        l.head = l.tail = nullptr;
    }
    size_ = 0;
}

Activation* Agenda::pop(Strategy strategy) {
    for (auto& [salience, l] : levels_) {
        if (!l.head) continue;
        Activation* a = strategy == Strategy::depth ? l.tail : l.head;
        remove(a);
        return a;
    }
    return nullptr;
}

}  // namespace ww
