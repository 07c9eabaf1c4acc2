#include "app/commands.h"

#include <algorithm>
#include <utility>

#include "app/matching_wire.h"
#include "app/presentation.h"
#include "app/outcomes_session.h"
#include "app/text/open_errors.h"
#include "io/roster_files.h"
#include "app/tour.h"
#include "app/texts.h"
#include "core/demo_roster.h"
#include "core/overloaded.h"
#include "app/qr_code.h"
#include "app/text/problems_sheet.h"
#include "app/signup_session.h"
#include "app/text/messages.h"
#include "io/age.h"
#include "io/programme_keys.h"
#include "io/team_keys.h"
#include "io/research_export.h"
#include "io/roster_csv.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

constexpr float kMinUiScale = 0.75f;
constexpr float kMaxUiScale = 3.0f;

void wipeSession(Session& session) {
    session.passphrase.wipe();
    session.toTeamKeys = false;
    session.fileName.clear();
    session.openedFromPlainJson = false;
}

// Stops a matching run in progress; its result would belong to a roster
// state that is gone or no longer wanted.
void cancelMatching(AppState& state) { cancelJobs(state, JobPurpose::Matching); }

// Opens `roster` in place of whatever was open, with a fresh history. Only
// called with a roster that loaded completely (all or nothing).
// Everything that belongs to the open document's session: its passphrase,
// runs, history, views and tour. Opening and closing both start from here.
void dropDocumentSession(AppState& state) {
    wipeSession(state.session);
    wipeSecret(state.rosterJson.json);
    cancelMatching(state);
    state.history.clear();
    state.matchingRun.reset();
    state.previousRun.reset();
    state.pairDetail.reset();
    state.learning.reset();
    state.researchExport.reset();
    state.signupImport.reset();
    state.sheetImport.reset();
    state.unsaved = false;
    state.lockWhenAutosaved = false;
    endTour(state);
    clearPresentation(state);
}

void openDocument(AppState& state, Roster roster, std::vector<Problem> warnings) {
    dropDocumentSession(state);
    state.document = Document{std::move(roster)};
    ++state.editRevision;  // views cached per revision see a new document
    state.problems = std::move(warnings);
    state.autosavedRevision = state.editRevision;
    state.locked = false;
    state.clock.lastActivity = state.clock.now;
    if (state.ui.presentation) startPresentation(state);
}

void closeDocument(AppState& state) {
    dropDocumentSession(state);
    state.document.reset();
    state.researchDatasets.clear();
    state.problems.clear();
}

void markEdited(AppState& state) {
    state.unsaved = true;
    ++state.editRevision;
    state.clock.lastEdit = state.clock.now;
    // Inline messages follow every edit (linear in the roster; ~20 ms at 20k x 20k).
    state.problems = validateRoster(state.document->roster);
}

// Lets `edit` change the open document and records it as one undo step; an
// edit that changes nothing records nothing.
template <typename Edit>
void editDocument(AppState& state, std::string label, Edit&& edit) {
    if (!state.document) {
        state.errors.push_back(codedError("app.no_document"));
        return;
    }
    Document before = *state.document;
    edit(*state.document);
    if (*state.document == before) return;
    state.history.record(std::move(label), std::move(before), *state.document);
    markEdited(state);
}

// Reads decrypted or plain JSON bytes into the document, all or nothing: on
// any error the open roster stays exactly as it was.
bool loadIntoDocument(AppState& state, std::string_view json) {
    std::vector<Problem> problems;
    auto loaded = loadRoster(json, &problems);
    if (!loaded) {
        state.errors.push_back(explainOpenError(loaded.error(), problems));
        state.problems = std::move(problems);  // every problem, so the file can be fixed
        return false;
    }
    openDocument(state, std::move(loaded->roster), std::move(loaded->problems));
    return true;
}

// The smallest "<prefix><n>" not used by any of `ids`.
template <typename Records>
std::string freshId(const char* prefix, const Records& records) {
    for (std::size_t n = records.size() + 1;; ++n) {
        const std::string id = prefix + std::to_string(n);
        if (std::none_of(records.begin(), records.end(), [&](const auto& r) { return r.id == id; })) return id;
    }
}

// Saves and autosaves are encrypted: they keep the programme's sign-up keys.
const RosterWriteOptions kEncryptedRosterWrite{false, true};

void startMatching(AppState& state, MatchMode mode) {
    if (!state.document) return;
    state.matchMode = mode;
    cancelMatching(state);
    RunningJob running;
    running.purpose = JobPurpose::Matching;
    running.revision = state.editRevision;
    startJob(state, matchJobForDocument(state), std::move(running));
}

void finishMatching(AppState& state, const RunningJob& job, JobOutput& output) {
    Result<MatchingRun> run = decodeMatchingOutput(output);
    if (!run) {
        state.errors.push_back(run.error());
        return;
    }
    if (state.matchingRun) state.previousRun = std::move(state.matchingRun);
    state.matchingRun = std::move(*run);
    state.matchingRun->revision = job.revision;
    state.pairDetail.reset();
}

void acceptProposal(AppState& state) {
    if (!state.document || !state.matchingRun) return;
    const MatchingRun& run = *state.matchingRun;
    editDocument(state, "Accept proposal", [&](Document& d) {
        Roster& roster = d.roster;
        for (const ProposedPair& pair : run.pairs) {
            const std::string& householdId = roster.households[pair.household].id;
            const std::string& groupId = roster.groups[pair.group].id;
            // A household with a match still in progress keeps it.
            const bool open = std::any_of(roster.matches.begin(), roster.matches.end(), [&](const Match& m) {
                return m.householdId == householdId && !isFinal(m.status());
            });
            if (open) continue;
            Match match;
            match.id = freshId("m", roster.matches);
            match.householdId = householdId;
            match.groupId = groupId;
            for (int c = 0; c < kCriterionCount; ++c)
                if (pair.applicable[static_cast<std::size_t>(c)])
                    match.scores.push_back({std::string(criterionName(static_cast<Criterion>(c))),
                                            pair.scores[static_cast<std::size_t>(c)]});
            match.history.push_back({MatchStatus::Proposed, state.clock.today, "accepted matching proposal", "", {}});
            roster.matches.push_back(std::move(match));
        }
    });
}

void importSignupFiles(AppState& state, ImportSignupFiles& c);
void importSheet(AppState& state, ImportSheet& c);

// True when an encrypted roster was saved to keys (team keys), not with a
// passphrase. A header too damaged to tell is left to the passphrase prompt,
// whose decryption then names the damage.
bool opensWithKey(const std::string& bytes) {
    Result<AgeLock> lock = ageLockOf(AgeBytes(bytes.begin(), bytes.end()));
    return lock && *lock == AgeLock::Keys;
}

void submitIdentity(AppState& state, SubmitIdentity& submitted);

void openFile(AppState& state, OpenFile& file) {
    // A key file: the key of a roster waiting in the prompt, or refused.
    if (ageLooksLikeIdentityFile(file.bytes)) {
        SubmitIdentity identity{std::move(file.bytes)};
        if (state.passphrasePrompt && state.passphrasePrompt->withKey) submitIdentity(state, identity);
        else state.errors.push_back(codedError("open.key_without_roster"));
        return wipeSecret(identity.identity);
    }
    if (isSignupFileName(file.name)) {  // picked as a roster: it is imported instead
        ImportSignupFiles signups{{{std::move(file.name), std::move(file.bytes)}}};
        return importSignupFiles(state, signups);
    }
    if (isSheetFileName(file.name) && classifyRosterFile(file.bytes) == RosterFileKind::Unknown) {
        ImportSheet sheet{std::move(file.name), std::move(file.bytes)};  // a spreadsheet: imported
        return importSheet(state, sheet);
    }
    if (file.bytes.size() > kMaxOpenFileBytes) {
        state.errors.push_back(fileTooLargeError());
        wipeSecret(file.bytes);
        return;
    }
    switch (classifyRosterFile(file.bytes)) {
        case RosterFileKind::Encrypted:
            // Text editors on Windows put a byte order mark in front of an
            // armored file; the armor format itself does not allow one.
            if (file.bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) file.bytes.erase(0, 3);
            state.passphrasePrompt = PassphrasePrompt{PassphrasePrompt::Purpose::Open, std::move(file.name),
                                                      std::move(file.bytes), {}, file.isRecovery};
            state.passphrasePrompt->withKey = opensWithKey(state.passphrasePrompt->fileBytes);
            return;
        case RosterFileKind::PlainJson:
            if (loadIntoDocument(state, file.bytes)) {
                state.session.openedFromPlainJson = true;
                state.notices.push_back(codedError("roster.unencrypted"));
            }
            wipeSecret(file.bytes);
            return;
        case RosterFileKind::Unknown:
            state.errors.push_back(notARosterError());
            return;
    }
}

// Encrypts the roster as the session saves it: to the team's keys, or with
// `passphrase`. A session on team keys whose team has no key left fails
// with team.no_keys and starts nothing.
Status startEncryption(AppState& state, JobPurpose purpose, std::string passphrase) {
    EncryptJob job;
    if (state.session.toTeamKeys) {
        Result<std::string> recipients = teamRecipientsText(state.document->roster.team);
        if (!recipients) return recipients.error();
        job.recipients = std::move(*recipients);
    } else {
        job.passphrase = std::move(passphrase);
    }
    job.plaintext = writeRoster(state.document->roster, kEncryptedRosterWrite);
    job.workFactor = state.session.workFactor;
    RunningJob running;
    running.purpose = purpose;
    running.fileName = state.session.fileName.empty() ? suggestedRosterFileName(state.document->roster.programmeName)
                                                      : state.session.fileName;
    running.revision = state.editRevision;
    startJob(state, std::move(job), std::move(running));
    return Ok{};
}

void startSave(AppState& state, std::string passphrase) {
    // A demo saved is the coordinator's own roster from now on (they may have
    // typed real people into it): locked, autosaved and reopened as one.
    state.document->roster.isDemo = false;
    if (Status started = startEncryption(state, JobPurpose::SaveRoster, std::move(passphrase)); !started)
        state.errors.push_back(started.error());
}

// Encrypts the unsaved roster as the session saves it, for browser storage.
// Only ever ciphertext leaves the wasm memory.
void startAutosave(AppState& state) {
    if (findRunningJob(state, JobPurpose::Autosave)) return;
    if (Status started = startEncryption(state, JobPurpose::Autosave, state.session.passphrase.reveal()); !started)
        state.errors.push_back(started.error());
}

// Closes the roster after inactivity; what was unsaved stays recoverable from
// the encrypted autosave.
void lockNow(AppState& state) {
    closeDocument(state);
    state.locked = true;
    state.passphrasePrompt.reset();
}

void tick(AppState& state, double now) {
    state.clock.now = now;
    if (!state.document) return;
    const bool canAutosave = !state.session.passphrase.empty() ||
                             (state.session.toTeamKeys && !state.document->roster.team.keys.empty());
    const bool autosaveBehind = state.unsaved && state.autosavedRevision != state.editRevision;
    if (canAutosave && autosaveBehind && now - state.clock.lastEdit >= state.ui.autosaveDelaySeconds)
        startAutosave(state);
    if (state.lockWhenAutosaved || now - state.clock.lastActivity < state.ui.lockAfterSeconds) return;
    if (!state.unsaved || !autosaveBehind) {
        lockNow(state);  // nothing would be lost
    } else if (canAutosave) {
        state.lockWhenAutosaved = true;
        startAutosave(state);
    }
    // Unsaved and never encrypted (an edited demo too: real people may have
    // been typed in): locking would lose work, so the roster stays open.
}

// Decrypts the prompt's file with `job`'s passphrase or key (the worker's
// job); the roster opens when it is done, or the prompt asks again.
// `passphrase` is what the session keeps for saving (empty: opened with a key).
void startOpening(AppState& state, PassphrasePrompt& prompt, DecryptJob job, std::string passphrase) {
    RunningJob running;
    running.purpose = JobPurpose::OpenRoster;
    running.fileName = prompt.fileName;
    running.passphrase = std::move(passphrase);
    running.encryptedFile = prompt.fileBytes;
    running.isRecovery = prompt.isRecovery;
    running.withKey = !job.identities.empty();
    job.file = std::move(prompt.fileBytes);
    startJob(state, std::move(job), std::move(running));
}

void saveRoster(AppState& state) {
    if (!state.document) {
        state.errors.push_back(codedError("app.no_document_to_save"));
        return;
    }
    if (state.session.passphrase.empty() && !state.session.toTeamKeys) {
        state.passphrasePrompt = PassphrasePrompt{PassphrasePrompt::Purpose::Save, state.session.fileName, {}, {}};
        return;
    }
    startSave(state, state.session.passphrase.reveal());
}

void submitIdentity(AppState& state, SubmitIdentity& submitted) {
    if (!state.passphrasePrompt || state.passphrasePrompt->purpose != PassphrasePrompt::Purpose::Open) return;
    PassphrasePrompt& prompt = *state.passphrasePrompt;
    // A pasted key that is no key is said at once, in the prompt.
    if (Result<std::vector<X25519Identity>> ids = parseAgeIdentityFile(submitted.identity); !ids) {
        prompt.reason = ids.error();
        return;
    }
    PassphrasePrompt opening = std::move(prompt);
    state.passphrasePrompt.reset();
    startOpening(state, opening, DecryptJob{{}, {}, std::move(submitted.identity)}, {});
}

void submitPassphrase(AppState& state, SubmitPassphrase& submitted) {
    if (!state.passphrasePrompt) return;
    PassphrasePrompt prompt = std::move(*state.passphrasePrompt);
    state.passphrasePrompt.reset();
    if (prompt.purpose == PassphrasePrompt::Purpose::Open) {
        std::string passphrase = submitted.passphrase;  // kept in the session once the file opens
        return startOpening(state, prompt, DecryptJob{{}, std::move(submitted.passphrase), {}}, std::move(passphrase));
    }
    if (submitted.passphrase.size() < kMinPassphraseLength) {
        prompt.reason = codedError("passphrase.too_short", {Arg::integerOf(static_cast<long long>(kMinPassphraseLength))});
        state.passphrasePrompt = std::move(prompt);
        wipeSecret(submitted.passphrase);
        return;
    }
    if (!state.document) return;
    state.session.passphrase.set(submitted.passphrase);
    startSave(state, std::move(submitted.passphrase));
}

// [SECTION] Sign-up forms

Error noDocumentError();

void createProgrammeKeyNow(AppState& state) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    Result<ProgrammeKey> key = createProgrammeKey(state.clock.utcNow);
    if (!key) return state.errors.push_back(key.error());
    const bool replacing = !state.document->roster.signup.keys.empty();
    editDocument(state, replacing ? "Replace programme key" : "Create programme key",
                 [&](Document& d) { makeCurrentKey(d.roster.signup, std::move(*key)); });
}

void deleteProgrammeKey(AppState& state, const std::string& publicKey) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    const std::vector<ProgrammeKeyInfo> keys = programmeKeyInfos(state.document->roster.signup);
    // Index 0 is the current key: the links carry it, so it is replaced, never deleted.
    for (std::size_t i = 1; i < keys.size(); ++i) {
        if (keys[i].publicKey != publicKey) continue;
        editDocument(state, "Delete old programme key " + keys[i].fingerprint, [&](Document& d) {
            auto& list = d.roster.signup.keys;
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
        });
        return;
    }
}

void exportProgrammeKeys(AppState& state) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    Result<std::string> text = identityFileText(state.document->roster.signup);
    if (!text) return state.errors.push_back(text.error());
    state.filesToSave.push_back({"programme-key.txt", std::move(*text), "text/plain"});
}

void saveSignupQrCode(AppState& state, SignupForm form) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    Result<std::string> link = rosterSignupLink(state.document->roster, state.ui.signupPageUrl, form);
    if (!link) return state.errors.push_back(link.error());
    Result<QrCode> qr = encodeQrCode(*link);
    if (!qr) return state.errors.push_back(qr.error());
    state.filesToSave.push_back(
        {"signup-" + std::string(signupFormName(form)) + "-qr.svg", qrCodeSvg(*qr), "image/svg+xml"});
}

void importSignupFiles(AppState& state, ImportSignupFiles& c) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    if (c.files.empty()) return;
    if (state.document->roster.signup.keys.empty()) return state.errors.push_back(codedError("signup.no_key"));
    state.signupImport.reset();
    SignupPreviewJob job;
    job.roster = writeRoster(state.document->roster, kEncryptedRosterWrite);  // the keys open the files
    for (SignupFile& f : c.files) job.files.emplace_back(std::move(f.name), std::move(f.bytes));
    RunningJob running;
    running.purpose = JobPurpose::SignupPreview;
    running.revision = state.editRevision;
    startJob(state, std::move(job), std::move(running));
}

void finishSignupPreview(AppState& state, const RunningJob& job, JobOutput& output) {
    if (!output) return state.errors.push_back(output.error());
    Result<SignupImportPreview> preview = decodeSignupPreview(*output);
    wipeSecret(*output);
    if (!preview) return state.errors.push_back(preview.error());
    if (!state.document || job.revision != state.editRevision) return;  // closed or edited meanwhile
    state.signupImport = SignupImportReview{std::move(*preview), job.revision};
}

void confirmSignupImport(AppState& state) {
    if (!state.signupImport) return;
    SignupImportReview review = std::move(*state.signupImport);
    state.signupImport.reset();
    if (!state.document) return state.errors.push_back(noDocumentError());
    if (review.revision != state.editRevision)
        return state.errors.push_back(codedError("signup.stale"));
    const std::size_t count = review.fileCount();
    Status applied = Ok{};
    editDocument(state, "Import " + std::to_string(count) + (count == 1 ? " sign-up" : " sign-ups"),
                 [&](Document& d) { applied = applySignupImport(d.roster, review.preview); });
    if (!applied) return state.errors.push_back(applied.error());
    state.notices.push_back(codedError("signup.imported", {Arg::integerOf(static_cast<long long>(count))}));
}

// [SECTION] Team keys

void addTeamKey(AppState& state, AddTeamKey& c) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    Result<TeamKey> key = teamKeyFrom(std::move(c.name), c.publicKey, state.document->roster.team);
    if (!key) return state.errors.push_back(key.error());
    editDocument(state, "Add team key of " + key->name, [&](Document& d) { d.roster.team.keys.push_back(std::move(*key)); });
}

void createOwnTeamKey(AppState& state, CreateTeamKey& c) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    Result<NewTeamKey> made = createTeamKey(std::move(c.name), state.clock.utcNow, state.document->roster.team);
    if (!made) return state.errors.push_back(made.error());
    const std::string fileName = "welkom-team-key.txt";
    state.filesToSave.push_back({fileName, std::move(made->identityFile), "text/plain"});
    editDocument(state, "Create team key of " + made->key.name,
                 [&](Document& d) { d.roster.team.keys.push_back(std::move(made->key)); });
    state.notices.push_back(codedError("team.key_created", {Arg::textOf(fileName)}));
}

void removeTeamKey(AppState& state, const std::string& publicKey) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    const std::vector<TeamKey>& keys = state.document->roster.team.keys;
    const auto found = std::find_if(keys.begin(), keys.end(), [&](const TeamKey& k) { return k.publicKey == publicKey; });
    if (found == keys.end()) return;
    const std::ptrdiff_t index = found - keys.begin();
    editDocument(state, "Remove team key of " + found->name,
                 [&](Document& d) { d.roster.team.keys.erase(d.roster.team.keys.begin() + index); });
}

void saveToTeamKeys(AppState& state) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    if (state.document->roster.team.keys.empty()) return state.errors.push_back(codedError("team.no_keys"));
    state.passphrasePrompt.reset();
    state.session.passphrase.wipe();
    state.session.toTeamKeys = true;
    startSave(state, {});
}

// -- Spreadsheet import (app/sheet_import.h)

// Checks state.sheetImport's request again in the worker; a check still
// running is superseded (its answer is ignored).
void checkSheet(AppState& state) {
    SheetImportReview& review = *state.sheetImport;
    SheetPreviewJob job;
    job.roster = writeRoster(state.document->roster, kEncryptedRosterWrite);  // keys stay in the merged roster
    job.request = encodeSheetRequest(review.request);
    RunningJob running;
    running.purpose = JobPurpose::SheetPreview;
    running.revision = state.editRevision;
    review.checkingJob = startJob(state, std::move(job), std::move(running));
}

void importSheet(AppState& state, ImportSheet& c) {
    if (!state.document) {  // a first sheet starts the programme
        Roster roster;
        roster.programmeName = tr(state.ui.language, TextId::DefaultProgrammeName);
        openDocument(state, std::move(roster), {});
    }
    state.sheetImport = SheetImportReview{};
    state.sheetImport->request.fileName = std::move(c.name);
    state.sheetImport->request.bytes = std::move(c.bytes);
    checkSheet(state);
}

// Changes the review's request and checks it again.
template <typename Change>
void reviseSheet(AppState& state, Change&& change) {
    if (!state.sheetImport || !state.document) return;
    change(state.sheetImport->request);
    checkSheet(state);
}

void finishSheetPreview(AppState& state, const RunningJob& job, JobOutput& output) {
    if (!state.sheetImport || state.sheetImport->checkingJob != job.id) return;  // cancelled or superseded
    state.sheetImport->checkingJob = 0;
    if (!output) {
        state.errors.push_back(output.error());
        if (!state.sheetImport->preview) state.sheetImport.reset();
        return;
    }
    Result<SheetPreview> preview = decodeSheetPreview(*output);
    wipeSecret(*output);
    if (!preview) {
        state.errors.push_back(preview.error());
        if (!state.sheetImport->preview) state.sheetImport.reset();
        return;
    }
    state.sheetImport->preview = std::move(*preview);
    state.sheetImport->revision = job.revision;
}

void confirmSheetImport(AppState& state) {
    if (!state.sheetImport || !state.sheetImport->preview || state.sheetImport->checkingJob != 0) return;
    if (!state.sheetImport->preview->merged)  // the review stays open for corrections
        return state.errors.push_back(codedError("sheet.has_errors"));
    SheetImportReview review = std::move(*state.sheetImport);
    state.sheetImport.reset();
    if (!state.document) return state.errors.push_back(noDocumentError());
    SheetPreview& preview = *review.preview;
    if (review.revision != state.editRevision)
        return state.errors.push_back(codedError("sheet.stale"));
    editDocument(state, "Import " + review.request.fileName,
                 [&](Document& d) { d.roster = std::move(*preview.merged); });
    const auto number = [](std::size_t n) { return Arg::integerOf(static_cast<long long>(n)); };
    // Records filled in are named only when there are any.
    const auto filledIn = [&](const char* code, std::size_t n) {
        return n > 0 ? Arg::coded(code, {number(n)}) : Arg::textOf("");
    };
    state.notices.push_back(codedError(
        "sheet.imported", {Arg::textOf(review.request.fileName), number(preview.households), number(preview.groups),
                           number(preview.members), filledIn("sheet.imported.households", preview.updatedHouseholds),
                           filledIn("sheet.imported.members", preview.updatedMembers)}));
    wipeSecret(review.request.bytes);
}

void finishJob(AppState& state, JobFinished& finished) {
    auto it = std::find_if(state.runningJobs.begin(), state.runningJobs.end(),
                           [&](const RunningJob& j) { return j.id == finished.id; });
    if (it == state.runningJobs.end()) return;  // cancelled
    RunningJob job = std::move(*it);
    state.runningJobs.erase(it);
    if (job.purpose == JobPurpose::Matching) {
        finishMatching(state, job, finished.output);
        return;
    }
    if (job.purpose == JobPurpose::PresentationBase || job.purpose == JobPurpose::WhatIf) {
        finishPresentationRun(state, job, finished.output);
        return;
    }
    if (job.purpose == JobPurpose::SignupPreview) {
        finishSignupPreview(state, job, finished.output);
        return;
    }
    if (job.purpose == JobPurpose::SheetPreview) {
        finishSheetPreview(state, job, finished.output);
        return;
    }
    if (job.purpose == JobPurpose::OpenRoster) {
        if (!finished.output) {
            const Error shown = explainOpenError(finished.output.error());
            if (ageErrorKind(finished.output.error()) == AgeErrorKind::NoMatch) {
                // Ask again for the same file, saying why.
                state.passphrasePrompt =
                    PassphrasePrompt{PassphrasePrompt::Purpose::Open, job.fileName, std::move(job.encryptedFile),
                                     job.withKey ? codedError("open.wrong_key") : shown, job.isRecovery, job.withKey};
            } else {
                state.errors.push_back(shown);
            }
        } else if (loadIntoDocument(state, *finished.output)) {
            state.session.passphrase.set(job.passphrase);
            state.session.toTeamKeys = job.withKey;
            state.session.fileName = job.fileName;
            if (job.isRecovery) {
                // The autosave is newer than the coordinator's file: still to be saved.
                state.unsaved = true;
                state.recovery.reset();
            }
        }
        if (finished.output) wipeSecret(*finished.output);
        wipeSecret(job.passphrase);
        return;
    }
    if (!finished.output) {
        state.errors.push_back(finished.output.error());
        state.lockWhenAutosaved = false;
        return;
    }
    if (job.purpose == JobPurpose::Autosave) {
        state.autosaveToStore = Recovery{job.fileName, std::move(*finished.output), {}};
        state.autosavedRevision = job.revision;
        // Offered on the start screen if the roster is closed or locked unsaved.
        state.recovery = state.autosaveToStore;
        if (state.lockWhenAutosaved && state.document) lockNow(state);
        return;
    }
    // SaveRoster: the file is newer than any autosave.
    state.filesToSave.push_back({job.fileName, std::move(*finished.output), "application/octet-stream"});
    state.session.fileName = job.fileName;
    state.session.openedFromPlainJson = false;
    state.autosavedRevision = job.revision;
    state.unsaved = state.editRevision != job.revision;
    state.autosaveDeleteRequested = true;
    state.recovery.reset();
}


// [SECTION] Outcomes and learning

// A file the page refused before its bytes reached the app (FileNotRead).
Error fileNotReadError(const std::string& name, FileNotReadReason reason) {
    Arg file = name.empty() ? Arg::coded("file.unnamed") : Arg::coded("file.named", {Arg::textOf(name)});
    switch (reason) {
        case FileNotReadReason::TooLarge: return codedError("file.error", {std::move(file), errorArg(fileTooLargeError())});
        case FileNotReadReason::Unreadable: return codedError("file.unreadable", {std::move(file)});
        case FileNotReadReason::OutOfMemory: break;
    }
    return codedError("file.out_of_memory", {std::move(file)});
}

Error memoryLowError() {
    return codedError("memory.low");
}

Error noDocumentError() {
    return codedError("app.no_document");
}

// Refuses a check-in the core rules call an error, naming every field.
bool acceptCheckIn(AppState& state, const CheckIn& checkIn, std::optional<std::size_t> index) {
    const std::vector<Problem> errors = checkInErrors(state.document->roster, checkIn, index);
    if (errors.empty()) return true;
    std::optional<Arg> fields;  // "field: problem; field: problem"
    for (const Problem& p : errors) {
        Arg field = Arg::coded("checkin.invalid.field", {Arg::textOf(p.path.substr(p.path.find_last_of('/') + 1)),
                                                         Arg::messageOf(problemMessage(p))});
        fields = fields ? Arg::coded("checkin.invalid.fields", {std::move(*fields), std::move(field)}) : std::move(field);
    }
    state.errors.push_back(codedError("checkin.invalid", {std::move(*fields)}));
    return false;
}

std::optional<std::size_t> checkInIndex(const Roster& roster, const std::string& id) {
    for (std::size_t i = 0; i < roster.checkIns.size(); ++i)
        if (roster.checkIns[i].id == id) return i;
    return std::nullopt;
}

Error unknownCheckInError(const std::string& id) {
    return codedError("checkin.unknown", {Arg::textOf(id)});
}

void addCheckIn(AppState& state, AddCheckIn& c) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    CheckIn checkIn = std::move(c.checkIn);
    if (checkIn.id.empty()) checkIn.id = freshId("ci", state.document->roster.checkIns);
    if (!acceptCheckIn(state, checkIn, std::nullopt)) return;
    const std::string label = "Add check-in " + std::string(toString(checkIn.milestone)) + " to match " + checkIn.matchId;
    editDocument(state, label, [&](Document& d) { d.roster.checkIns.push_back(std::move(checkIn)); });
}

void updateCheckIn(AppState& state, UpdateCheckIn& c) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    const std::optional<std::size_t> index = checkInIndex(state.document->roster, c.id);
    if (!index) return state.errors.push_back(unknownCheckInError(c.id));
    CheckIn checkIn = std::move(c.checkIn);
    checkIn.id = c.id;
    if (state.document->roster.checkIns[*index] == checkIn) return;  // nothing changed: no empty undo step
    if (!acceptCheckIn(state, checkIn, index)) return;
    editDocument(state, "Edit check-in " + c.id,
                 [&](Document& d) { d.roster.checkIns[*index] = std::move(checkIn); });
}

void removeCheckIn(AppState& state, const RemoveCheckIn& c) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    const std::optional<std::size_t> index = checkInIndex(state.document->roster, c.id);
    if (!index) return state.errors.push_back(unknownCheckInError(c.id));
    editDocument(state, "Remove check-in " + c.id, [&](Document& d) {
        d.roster.checkIns.erase(d.roster.checkIns.begin() + static_cast<std::ptrdiff_t>(*index));
    });
}

// Every weight at once (a preset, the learning's proposal): one undo step.
void setAllWeights(AppState& state, const CriterionWeights& weights, std::string label) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    for (Criterion c : allCriteria()) {
        if (weights[c] >= 0.0 && weights[c] <= 1e6) continue;
        return state.errors.push_back(codedError("weights.invalid", {Arg::textOf(std::string(criterionName(c)))}));
    }
    editDocument(state, std::move(label), [&](Document& d) { d.roster.settings.weights = weights; });
}

void importResearchFile(AppState& state, ImportResearchFile& file) {
    if (file.bytes.size() > kMaxOpenFileBytes) return state.errors.push_back(fileTooLargeError());
    Result<std::vector<ResearchRow>> rows = readResearchFile(file.bytes);
    if (!rows) {
        return state.errors.push_back(codedError("research.not_added", {Arg::textOf(file.name), errorArg(rows.error())}));
    }
    const std::size_t known = researchSamples(*rows, state.successDefinition).size();
    state.notices.push_back(codedError("research.imported", {Arg::textOf(file.name),
                                                             Arg::integerOf(static_cast<long long>(rows->size())),
                                                             Arg::integerOf(static_cast<long long>(known))}));
    state.researchDatasets.push_back({std::move(file.name), std::move(*rows)});
}

void exportResearch(AppState& state, ResearchFormat format) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    Result<ResearchExport> extract = buildResearchExport(state.document->roster);
    if (!extract) return state.errors.push_back(extract.error());
    const bool csv = format == ResearchFormat::Csv;
    // The coordinator asked for this file: anonymised, so it is offered unencrypted.
    state.filesToSave.push_back({csv ? "welkom-research.csv" : "welkom-research.json",
                                 csv ? writeResearchCsv(*extract) : writeResearchJson(*extract, englishText),
                                 csv ? "text/csv" : "application/json"});
    state.researchExport = std::move(extract->report);
}

// The sheet holds names: the coordinator asked for it to send to a contact person.
void exportProblemsSheet(AppState& state, ProblemsSheet sheet) {
    if (!state.document) return state.errors.push_back(noDocumentError());
    ProblemsExportOptions options;
    options.dutchExcel = options.dutchHeaders = state.ui.language == Language::Dutch;
    options.sheet = sheet;
    const bool members = sheet == ProblemsSheet::GroupMembers;
    const char* name = options.dutchHeaders ? (members ? "welkom-problemen-groepsleden.csv" : "welkom-problemen.csv")
                                            : (members ? "welkom-problems-group-members.csv" : "welkom-problems.csv");
    state.filesToSave.push_back({name, exportProblemsCsv(state.document->roster, options), "text/csv"});
}

void setSuccessDefinition(AppState& state, const SuccessDefinition& d) {
    SuccessDefinition def;
    def.months = std::clamp(d.months, 1, 60);
    def.minHouseholdSatisfaction = std::clamp(d.minHouseholdSatisfaction, 0, kMaxSatisfaction);
    def.minGroupSatisfaction = std::clamp(d.minGroupSatisfaction, 0, kMaxSatisfaction);
    state.successDefinition = def;
    state.learning.reset();  // its results answered another question
}

}  // namespace

void applyCommand(AppState& state, Command command) {
    std::visit(Overloaded{
                   [&](StartDemo&) {
                       DemoRosterOptions options = kBuiltInDemo;
                       if (state.ui.demoSize > 0) {
                           options.households = options.groups = std::min(state.ui.demoSize, kMaxDemoSize);
                           options.municipalities = std::max(kBuiltInDemo.municipalities, options.households / 75);
                       }
                       Roster demo = generateDemoRoster(options);
                       demo.programmeName = tr(state.ui.language, TextId::DemoProgrammeName);
                       std::vector<Problem> warnings = validateRoster(demo);
                       openDocument(state, std::move(demo), std::move(warnings));
                   },
                   [&](NewProgramme& c) {
                       Roster roster;
                       roster.programmeName =
                           c.name.empty() ? tr(state.ui.language, TextId::DefaultProgrammeName) : c.name;
                       openDocument(state, std::move(roster), {});
                   },
                   [&](CloseRoster&) {
                       closeDocument(state);
                       state.locked = false;
                   },
                   [&](ChooseFileToOpen& c) {
                       state.filePickerRequested = true;
                       state.filePickerPurpose = c.purpose;
                   },
                   [&](OpenFile& c) { openFile(state, c); },
                   [&](SaveRoster&) { saveRoster(state); },
                   [&](SubmitPassphrase& c) {
                       submitPassphrase(state, c);
                       wipeSecret(c.passphrase);  // what a move left behind (short strings live inline)
                   },
                   [&](SubmitIdentity& c) {
                       submitIdentity(state, c);
                       wipeSecret(c.identity);
                   },
                   [&](AddTeamKey& c) { addTeamKey(state, c); },
                   [&](CreateTeamKey& c) { createOwnTeamKey(state, c); },
                   [&](RemoveTeamKey& c) { removeTeamKey(state, c.publicKey); },
                   [&](SaveToTeamKeys&) { saveToTeamKeys(state); },
                   [&](SaveWithPassphrase&) {
                       if (!state.document) return;
                       state.session.toTeamKeys = false;
                       state.session.passphrase.wipe();
                       saveRoster(state);
                   },
                   [&](CancelPassphrase&) {
                       if (state.passphrasePrompt) wipeSecret(state.passphrasePrompt->fileBytes);
                       state.passphrasePrompt.reset();
                   },
                   [&](RenameProgramme& c) {
                       editDocument(state, "Rename programme", [&](Document& d) { d.roster.programmeName = c.name; });
                   },
                   [&](UpdateHousehold& c) {
                       if (!state.document || c.index >= state.document->roster.households.size()) return;
                       editDocument(state, "Edit household " + c.household.id,
                                    [&](Document& d) { d.roster.households[c.index] = std::move(c.household); });
                   },
                   [&](UpdateGroup& c) {
                       if (!state.document || c.index >= state.document->roster.groups.size()) return;
                       editDocument(state, "Edit group " + c.group.id,
                                    [&](Document& d) { d.roster.groups[c.index] = std::move(c.group); });
                   },
                   [&](SetCriterionWeight& c) {
                       editDocument(state, "Change weight of " + std::string(criterionName(c.criterion)),
                                    [&](Document& d) { d.roster.settings.weights[c.criterion] = std::max(0.0, c.weight); });
                   },
                   [&](SetParticipantPriorities& c) {
                       editDocument(state, "Change how much participants' priorities count", [&](Document& d) {
                           d.roster.settings.participantPriorities = std::clamp(c.share, 0.0, 1.0);
                       });
                   },
                   [&](AddConstraint& c) {
                       const bool pin = c.kind == ConstraintKind::Pin;
                       editDocument(state, std::string(pin ? "Pin " : "Forbid ") + c.householdId + " - " + c.groupId,
                                    [&](Document& d) {
                                        Constraint constraint;
                                        constraint.id = freshId("c", d.roster.constraints);
                                        constraint.kind = c.kind;
                                        constraint.householdId = c.householdId;
                                        constraint.groupId = c.groupId;
                                        constraint.reason = c.reason;
                                        constraint.author = "coordinator";
                                        constraint.date = state.clock.today;
                                        d.roster.constraints.push_back(std::move(constraint));
                                    });
                   },
                   [&](RemoveConstraint& c) {
                       editDocument(state, "Release " + c.id, [&](Document& d) {
                           auto& list = d.roster.constraints;
                           list.erase(std::remove_if(list.begin(), list.end(),
                                                     [&](const Constraint& x) { return x.id == c.id; }),
                                      list.end());
                       });
                   },
                   [&](AdvanceMatch& c) {
                       if (!state.document) return;
                       auto& matches = state.document->roster.matches;
                       auto it = std::find_if(matches.begin(), matches.end(), [&](const Match& m) { return m.id == c.matchId; });
                       if (it == matches.end()) return;
                       if (!isAllowedTransition(it->status(), c.status)) {
                           state.errors.push_back(codedError("app.transition", {Arg::textOf(std::string(toString(it->status()))),
                                                                                Arg::textOf(std::string(toString(c.status)))}));
                           return;
                       }
                       const std::size_t index = static_cast<std::size_t>(it - matches.begin());
                       editDocument(state, "Match " + c.matchId + ": " + std::string(toString(c.status)), [&](Document& d) {
                           d.roster.matches[index].history.push_back({c.status, state.clock.today, c.reason, c.note, {}});
                       });
                   },
                   [&](AcceptProposal&) { acceptProposal(state); },
                   [&](RunMatching& c) { startMatching(state, c.mode); },
                   [&](CancelMatching&) { cancelMatching(state); },
                   [&](SelectPair& c) {
                       if (!state.document || !state.matchingRun) return;
                       const Roster& roster = state.document->roster;
                       if (c.household >= roster.households.size() || c.group >= roster.groups.size()) return;
                       state.pairDetail = explainSelection(roster, *state.matchingRun, c.household, c.group);
                   },
                   [&](JumpToProblem& c) {
                       state.ui.focusPath = c.path;
                       ++state.ui.focusRequest;
                   },
                   [&](ShowPanel& c) {
                       state.ui.focusPath = "/" + c.id + "/";
                       ++state.ui.focusRequest;
                   },
                   [&](AddCheckIn& c) { addCheckIn(state, c); },
                   [&](UpdateCheckIn& c) { updateCheckIn(state, c); },
                   [&](RemoveCheckIn& c) { removeCheckIn(state, c); },
                   [&](AdoptWeights& c) { setAllWeights(state, c.weights, "Adopt learned weights"); },
                   [&](ApplyWeightPreset& c) { setAllWeights(state, c.weights, "Apply weight preset"); },
                   [&](SetSuccessDefinition& c) { setSuccessDefinition(state, c.definition); },
                   [&](ImportResearchFile& c) { importResearchFile(state, c); },
                   [&](FileNotRead& c) { state.errors.push_back(fileNotReadError(c.name, c.reason)); },
                   [&](MemoryLow&) { state.errors.push_back(memoryLowError()); },
                   [&](RemoveResearchDataset& c) {
                       if (c.index < state.researchDatasets.size())
                           state.researchDatasets.erase(state.researchDatasets.begin() + static_cast<std::ptrdiff_t>(c.index));
                   },
                   [&](RunLearning&) {
                       if (!state.document) return state.errors.push_back(noDocumentError());
                       state.learning = runLearning(state.document->roster, state.researchDatasets, state.successDefinition);
                       state.learning->revision = state.editRevision;
                   },
                   [&](ExportResearch& c) { exportResearch(state, c.format); },
                   [&](ExportProblemsSheet& c) { exportProblemsSheet(state, c.sheet); },
                   [&](UndoEdit&) {
                       if (state.document && state.history.canUndo()) {
                           state.history.undo(*state.document);
                           markEdited(state);
                       }
                   },
                   [&](RedoEdit&) {
                       if (state.document && state.history.canRedo()) {
                           state.history.redo(*state.document);
                           markEdited(state);
                       }
                   },
                   [&](SetLanguage& c) { state.ui.language = c.language; },
                   [&](SetUiScale& c) { state.ui.uiScale = std::clamp(c.scale, kMinUiScale, kMaxUiScale); },
                   [&](SetLockAfter& c) { state.ui.lockAfterSeconds = std::max(c.seconds, 60.0); },
                   [&](DismissError& c) {
                       if (c.index < state.errors.size()) state.errors.erase(state.errors.begin() + c.index);
                   },
                   [&](DismissNotice& c) {
                       if (c.index < state.notices.size()) state.notices.erase(state.notices.begin() + c.index);
                   },
                   [&](RecoverAutosave&) {
                       if (!state.recovery) return;
                       OpenFile file{state.recovery->fileName, state.recovery->bytes, true};
                       openFile(state, file);
                   },
                   [&](DiscardAutosave&) {
                       state.recovery.reset();
                       state.autosaveDeleteRequested = true;
                   },
                   [&](Tick& c) { tick(state, c.now); },
                   [&](SetToday& c) {
                       if (isValidIsoDate(c.date)) state.clock.today = std::move(c.date);
                   },
                   [&](SetUtcTime& c) {
                       if (isValidKeyTimestamp(c.time)) state.clock.utcNow = std::move(c.time);
                   },
                   [&](CreateProgrammeKey&) { createProgrammeKeyNow(state); },
                   [&](DeleteProgrammeKey& c) { deleteProgrammeKey(state, c.publicKey); },
                   [&](ExportProgrammeKeys&) { exportProgrammeKeys(state); },
                   [&](SaveSignupQrCode& c) { saveSignupQrCode(state, c.form); },
                   [&](CopyText& c) {
                       state.clipboardText = std::move(c.text);
                       if (state.notices.empty() || state.notices.back().code != "signup.link_copied")
                           state.notices.push_back(codedError("signup.link_copied"));
                   },
                   [&](ImportSignupFiles& c) { importSignupFiles(state, c); },
                   [&](ConfirmSignupImport&) { confirmSignupImport(state); },
                   [&](CancelSignupImport&) { state.signupImport.reset(); },
                   [&](ImportSheet& c) { importSheet(state, c); },
                   [&](SetSheetKind& c) {
                       reviseSheet(state, [&](SheetImportRequest& r) {
                           r.kind = c.kind;
                           r.mapping.clear();  // the other kind has other fields
                       });
                   },
                   [&](MapSheetColumn& c) {
                       reviseSheet(state, [&](SheetImportRequest& r) { setColumnField(r.mapping, c.header, c.field); });
                   },
                   [&](EditSheetCell& c) {
                       reviseSheet(state, [&](SheetImportRequest& r) { setCellEdit(r.edits, std::move(c.edit)); });
                   },
                   [&](ConfirmSheetImport&) { confirmSheetImport(state); },
                   [&](CancelSheetImport&) {
                       if (state.sheetImport) wipeSecret(state.sheetImport->request.bytes);
                       state.sheetImport.reset();
                   },
                   [&](UserActivity& c) {
                       state.clock.now = c.now;
                       state.clock.lastActivity = c.now;
                   },
                   [&](AutosaveFound& c) { state.recovery = std::move(c.recovery); },
                   [&](AutosaveUnavailable&) {
                       state.notices.push_back(codedError("autosave.unavailable"));
                   },
                   [&](JobProgressed& c) {
                       for (RunningJob& job : state.runningJobs)
                           if (job.id == c.id) job.progress = c.fraction;
                   },
                   [&](JobFinished& c) { finishJob(state, c); },
                   [&](StartTour&) { startTour(state); },
                   [&](TourNext&) { moveTour(state, 1); },
                   [&](TourBack&) { moveTour(state, -1); },
                   [&](EndTour&) { endTour(state); },
                   [&](SetPresentationMode& c) { setPresentationMode(state, c.on); },
                   [&](ReplayBuildUp&) { replayBuildUp(state); },
                   [&](SkipBuildUp&) { skipBuildUp(state); },
                   [&](SetWhatIfWeight& c) { setWhatIfWeight(state, c.criterion, c.weight); },
                   [&](AdoptWhatIfWeight&) {
                       if (!state.document || !state.presentation.whatIfRun) return;
                       const WhatIfSetting adopted{state.presentation.whatIfCriterion, state.presentation.whatIfWeight};
                       applyCommand(state, SetCriterionWeight{adopted.criterion, adopted.weight});
                       adoptWhatIfRun(state, adopted);
                   },
               },
               command);
}

void applyCommands(AppState& state, CommandQueue& queue) {
    for (Command& command : queue.take()) applyCommand(state, std::move(command));
}

void runJobsInline(AppState& state) {
    while (!state.jobsToStart.empty()) {
        JobTicket ticket = std::move(state.jobsToStart.front());
        state.jobsToStart.erase(state.jobsToStart.begin());
        JobOutput output = runJob(std::move(ticket.request), [&](float f) {
            applyCommand(state, JobProgressed{ticket.id, f});
        });
        applyCommand(state, JobFinished{ticket.id, std::move(output)});
    }
    state.jobsToCancel.clear();  // nothing is left running to stop
}

}  // namespace welkom
