#include "app/app_state.h"

#include <nlohmann/json.hpp>

namespace welkom {

std::string describeStateForTests(const AppState& state, const std::vector<std::string>& visiblePanels) {
    nlohmann::json out;
    out["panels"] = visiblePanels;
    out["language"] = std::string(languageCode(state.ui.language));
    out["uiScale"] = state.ui.uiScale;
    out["rosterOpen"] = state.document.has_value();
    out["unsaved"] = state.unsaved;
    out["demo"] = state.document && state.document->roster.isDemo;
    out["households"] = state.document ? state.document->roster.households.size() : 0;
    out["groups"] = state.document ? state.document->roster.groups.size() : 0;
    out["matches"] = state.document ? state.document->roster.matches.size() : 0;
    out["problems"] = state.problems.size();
    out["passphrasePrompt"] = !state.passphrasePrompt ? "" :
        state.passphrasePrompt->purpose == PassphrasePrompt::Purpose::Open ? "open" : "save";
    out["promptMessage"] = state.passphrasePrompt ? state.passphrasePrompt->message : std::string();
    out["busy"] = !state.runningJobs.empty() || !state.jobsToStart.empty();
    out["encryptedSession"] = !state.session.passphrase.empty();
    out["undoLabel"] = state.history.undoLabel();
    out["lastError"] = state.errors.empty() ? std::string() : state.errors.back().message;
    out["lastErrorCode"] = state.errors.empty() ? std::string() : state.errors.back().code;
    out["lastNotice"] = state.notices.empty() ? std::string() : state.notices.back().message;
    out["errorCount"] = state.errors.size();
    // dump() with replacement: never fails on odd bytes in messages.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace welkom
