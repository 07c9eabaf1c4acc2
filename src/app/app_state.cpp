#include "app/app_state.h"

#include <nlohmann/json.hpp>

namespace welkom {

std::string describeStateForTests(const AppState& state, const std::vector<std::string>& visiblePanels) {
    nlohmann::json out;
    out["panels"] = visiblePanels;
    out["language"] = std::string(languageCode(state.ui.language));
    out["uiScale"] = state.ui.uiScale;
    out["rosterOpen"] = state.document.has_value();
    out["demo"] = state.document && state.document->isDemo;
    out["unsaved"] = state.unsaved;
    out["households"] = state.document ? state.document->householdCount : 0;
    out["groups"] = state.document ? state.document->groupCount : 0;
    out["matches"] = state.document ? state.document->matchCount : 0;
    out["undoLabel"] = state.history.undoLabel();
    out["lastError"] = state.errors.empty() ? std::string() : state.errors.back().message;
    out["errorCount"] = state.errors.size();
    // dump() with replacement: never fails on odd bytes in messages.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace welkom
