#include "app/app_state.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "app/presentation.h"
#include "app/text/messages.h"
#include "app/tour.h"
#include "io/roster_json.h"

namespace welkom {

const RunningJob* findRunningJob(const AppState& state, JobPurpose purpose) {
    auto it = std::find_if(state.runningJobs.begin(), state.runningJobs.end(),
                           [&](const RunningJob& j) { return j.purpose == purpose; });
    return it == state.runningJobs.end() ? nullptr : &*it;
}

std::uint64_t startJob(AppState& state, JobRequest request, RunningJob job) {
    job.id = state.nextJobId++;
    state.jobsToStart.push_back({job.id, std::move(request)});
    state.runningJobs.push_back(std::move(job));
    return state.runningJobs.back().id;
}

void cancelJobs(AppState& state, JobPurpose purpose) {
    auto& jobs = state.runningJobs;
    auto& waiting = state.jobsToStart;
    for (const RunningJob& job : jobs) {
        if (job.purpose != purpose) continue;
        const auto before = waiting.size();
        for (JobTicket& t : waiting)
            if (t.id == job.id) wipeJobRequest(t.request);  // the roster's personal data
        waiting.erase(std::remove_if(waiting.begin(), waiting.end(), [&](const JobTicket& t) { return t.id == job.id; }),
                      waiting.end());
        if (waiting.size() == before) state.jobsToCancel.push_back(job.id);  // already handed to the platform
    }
    jobs.erase(std::remove_if(jobs.begin(), jobs.end(), [&](const RunningJob& j) { return j.purpose == purpose; }),
               jobs.end());
}

MatchJob matchJobForDocument(AppState& state, std::optional<CriterionWeights> weights) {
    AppState::RosterJson& cached = state.rosterJson;
    if (cached.json.empty() || cached.revision != state.editRevision) {
        wipeSecret(cached.json);
        cached.json = writeRoster(state.document->roster);
        cached.revision = state.editRevision;
    }
    return MatchJob{cached.json, state.editRevision, std::move(weights), state.matchMode};
}

std::string describeStateForTests(const AppState& state, const std::vector<std::string>& visiblePanels, bool brief) {
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
    out["constraints"] = state.document ? state.document->roster.constraints.size() : 0;
    out["problems"] = state.problems.size();
    // SHA-256 of the saved form: lets a test check "identical after reopening"
    // without the page revealing any content.
    std::string digest;
    if (state.document && !brief) {
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
    out["revision"] = state.editRevision;
    // The matching session, by ids only.
    // Household id -> group id of a run's pairs.
    const auto groupsOf = [&](const std::optional<MatchingRun>& run) {
        nlohmann::json groupOf = nlohmann::json::object();
        if (!state.document || !run || brief) return groupOf;
        const Roster& roster = state.document->roster;
        for (const ProposedPair& p : run->pairs) groupOf[roster.households[p.household].id] = roster.groups[p.group].id;
        return groupOf;
    };
    // Households the run kept where a person put them (pins, active matches).
    nlohmann::json fixed = nlohmann::json::array();
    if (state.matchingRun && !brief) {
        const MatchingProblem& p = state.matchingRun->problem;
        for (const auto* list : {&p.rules.pins, &p.rules.locked})
            for (const PairRef& pair : *list) fixed.push_back(p.householdIds[static_cast<std::size_t>(pair.household)]);
    }
    out["fixedHouseholds"] = fixed;
    out["matchingPairs"] = state.matchingRun ? state.matchingRun->pairs.size() : 0;
    out["matchingRevision"] = state.matchingRun ? state.matchingRun->revision : 0;
    out["groupOf"] = groupsOf(state.matchingRun);
    out["selectedPair"] = state.document && state.pairDetail
                              ? state.document->roster.households[state.pairDetail->household].id + " " +
                                    state.document->roster.groups[state.pairDetail->group].id
                              : std::string();
    out["passphrasePrompt"] = !state.passphrasePrompt                                           ? ""
                              : state.passphrasePrompt->purpose == PassphrasePrompt::Purpose::Save ? "save"
                              : state.passphrasePrompt->withKey                                   ? "open-with-key"
                                                                                                  : "open";
    out["promptMessage"] = state.passphrasePrompt && state.passphrasePrompt->reason
                               ? errorText(*state.passphrasePrompt->reason, false)
                               : std::string();
    out["busy"] = !state.runningJobs.empty() || !state.jobsToStart.empty();
    const RunningJob* matching = findRunningJob(state, JobPurpose::Matching);
    out["matchingBusy"] = matching != nullptr;
    out["matchingProgress"] = matching ? matching->progress : 0.0f;
    out["encryptedSession"] = !state.session.passphrase.empty() || state.session.toTeamKeys;
    out["savesToTeamKeys"] = state.session.toTeamKeys;
    out["teamKeys"] = state.document ? state.document->roster.team.keys.size() : 0;
    out["undoLabel"] = state.history.undoLabel();
    out["lastError"] = state.errors.empty() ? std::string() : errorText(state.errors.back(), false);
    out["lastErrorCode"] = state.errors.empty() ? std::string() : state.errors.back().code;
    out["lastNotice"] = state.notices.empty() ? std::string() : errorText(state.notices.back(), false);
    out["errorCount"] = state.errors.size();
    // Guided tour and presentation mode.
    out["tourActive"] = state.ui.tour.active;
    out["tourStep"] = state.ui.tour.step;
    out["tourStepDone"] = state.ui.tour.active && tourStepDone(state, currentTourStep(state));
    out["tourHighlight"] = state.ui.tour.active ? tourHighlight(state) : std::string();
    out["presentation"] = state.ui.presentation;
    out["presentLinks"] = visibleLinkCount(state);
    out["presentPairs"] = state.presentation.whatIfRun ? state.presentation.whatIfRun->pairs.size() : 0;
    out["presentChanged"] = whatIfChanges(state).changes.size();
    out["whatIfCriterion"] = std::string(criterionName(state.presentation.whatIfCriterion));
    out["whatIfWeight"] = state.presentation.whatIfWeight;
    out["whatIfPending"] = whatIfPending(state);
    out["whatIfGroupOf"] = groupsOf(state.presentation.whatIfRun);
    // Outcomes and learning: counts and criterion weights only.
    out["checkIns"] = state.document ? state.document->roster.checkIns.size() : 0;
    out["today"] = state.clock.today;
    nlohmann::json weights = nlohmann::json::object();
    if (state.document)
        for (Criterion c : allCriteria()) weights[std::string(criterionName(c))] = state.document->roster.settings.weights[c];
    out["weights"] = weights;
    std::size_t researchRows = 0;
    for (const ResearchDataset& d : state.researchDatasets) researchRows += d.rows.size();
    out["researchDatasets"] = state.researchDatasets.size();
    out["researchRows"] = researchRows;
    out["learningRan"] = state.learning.has_value();
    out["learningSamples"] = state.learning ? state.learning->fit.samples : 0;
    out["learningProposed"] = state.learning && state.learning->proposal.proposed;
    nlohmann::json proposed = nlohmann::json::object();
    if (state.learning && state.learning->proposal.proposed)
        for (Criterion c : allCriteria()) proposed[std::string(criterionName(c))] = state.learning->proposal.weights[c];
    out["proposedWeights"] = proposed;
    out["researchExported"] = state.researchExport ? state.researchExport->exported : -1;
    // Sign-up forms: counts and message codes only.
    out["programmeKeys"] = state.document ? state.document->roster.signup.keys.size() : 0;
    out["importedSignups"] = state.document ? state.document->roster.signup.importedSignups.size() : 0;
    nlohmann::json signupImport = nullptr;
    if (state.signupImport) {
        const SignupImportPreview& p = state.signupImport->preview;
        nlohmann::json refusals = nlohmann::json::array();
        for (const SignupFileOutcome& f : p.files) refusals.push_back(f.refusal ? f.refusal->code : std::string());
        signupImport = {{"files", p.files.size()}, {"refusals", refusals}, {"blocked", p.hasErrors()},
                        {"refusal", p.refusal ? p.refusal->code : std::string()}};
    }
    out["signupImport"] = signupImport;
    nlohmann::json sheetImport = nullptr;
    if (state.sheetImport) {
        sheetImport = {{"checking", state.sheetImport->checkingJob != 0}, {"edits", state.sheetImport->request.edits.size()}};
        if (const auto& p = state.sheetImport->preview) {
            sheetImport["kind"] = p->kind == CsvImportKind::Households ? "households" : "members";
            sheetImport["rows"] = p->dataRows;
            sheetImport["errors"] = p->count(Severity::Error);
            sheetImport["warnings"] = p->count(Severity::Warning);
            sheetImport["adds"] = {p->households, p->groups, p->members};
            sheetImport["updates"] = p->updatedHouseholds + p->updatedMembers;
            sheetImport["canImport"] = p->merged.has_value();
        }
    }
    out["sheetImport"] = sheetImport;
    // The sign-up page's file name only: the app's address may hold a local path.
    const std::string& page = state.ui.signupPageUrl;
    out["signupPage"] = page.substr(page.rfind('/') + 1);
    // dump() with replacement: never fails on odd bytes in messages.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace welkom
