#include "app/app_state.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "io/roster_json.h"

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
    // SHA-256 of the saved form: lets a test check "identical after reopening"
    // without the page revealing any content.
    std::string digest;
    if (state.document) {
        const std::string bytes = writeRoster(state.document->roster);
        unsigned char hash[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        static const char* kHex = "0123456789abcdef";
        for (unsigned char b : hash) {
            digest.push_back(kHex[b >> 4]);
            digest.push_back(kHex[b & 15]);
        }
    }
    out["rosterDigest"] = digest;
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
