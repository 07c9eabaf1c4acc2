// Jumping from a problem to its record: the panels holding households and
// groups ask whether the latest jump points into their list.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/app_state.h"

namespace welkom {

// Index of the record under `listPrefix` ("/households/") that the newest
// JumpToProblem points at, once per jump (`seenRequest` remembers which).
inline std::optional<std::size_t> focusedRecord(const AppState& state, const std::string& listPrefix,
                                                std::uint64_t& seenRequest) {
    if (state.ui.focusRequest == seenRequest) return std::nullopt;
    const std::string& path = state.ui.focusPath;
    if (path.rfind(listPrefix, 0) != 0) return std::nullopt;
    seenRequest = state.ui.focusRequest;
    std::size_t index = 0;
    std::size_t i = listPrefix.size();
    if (i >= path.size() || path[i] < '0' || path[i] > '9') return std::nullopt;
    for (; i < path.size() && path[i] >= '0' && path[i] <= '9'; ++i) index = index * 10 + static_cast<std::size_t>(path[i] - '0');
    return index;
}

}  // namespace welkom
