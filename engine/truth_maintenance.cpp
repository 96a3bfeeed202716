#include "engine/truth_maintenance.hpp"

namespace ww {

void TruthMaintenance::add_support(Activation* a, FactRec* f) {
    if (!a->supported) a->supported = std::make_unique<std::vector<FactId>>();
    a->supported->push_back(f->fact.id);
    ++f->supports;
}

void TruthMaintenance::support_lost(Activation* a) {
    if (!a->supported) return;
    for (FactId id : *a->supported) {
        FactRec* f = wm_.get(id);
        if (!f) continue;  // retracted already
        if (f->supports > 0 && --f->supports == 0 && !f->unconditional) pending_.push_back(id);
    }
    a->supported.reset();
}

std::vector<FactId> TruthMaintenance::take_unsupported() {
    std::vector<FactId> out;
    out.swap(pending_);
    return out;
}

}  // namespace ww
