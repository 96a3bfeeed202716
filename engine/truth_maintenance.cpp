// SPDX-License-Identifier: EUPL-1.2
#include "engine/truth_maintenance.hpp"

namespace ww {

void TruthMaintenance::add_support(Activation* a, FactRec* f) {
    a->supported.add(f->fact.id);
    ++f->supports;
}

void TruthMaintenance::support_lost(Activation* a) {
    if (!a->supported) return;
    a->supported.for_each([&](FactId id) {
        FactRec* f = wm_.get(id);
        if (!f) return;  // retracted already
        if (f->supports > 0 && --f->supports == 0 && !f->unconditional) pending_.push_back(id);
    });
    a->supported.clear();
}

std::vector<FactId> TruthMaintenance::take_unsupported() {
    std::vector<FactId> out;
    out.swap(pending_);
    return out;
}

bool TruthMaintenance::take_unsupported(std::vector<FactId>& out) {
    out.clear();
    out.swap(pending_);  // both keep their buffers: settling allocates nothing after the first time
    return !out.empty();
}

}  // namespace ww
