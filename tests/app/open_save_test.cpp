// The coordinator's open and save flow, end to end through commands:
// passphrase prompts, the worker's jobs (run inline here), all-or-nothing loads.
#include <gtest/gtest.h>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "app/text/messages.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

AppState freshState() {
    AppState state;
    state.session.workFactor = kFastWorkFactor;
    return state;
}

// Saves the open roster with kPassphrase and returns the encrypted file.
std::string saveEncrypted(AppState& state) {
    applyCommand(state, SaveRoster{});
    if (state.passphrasePrompt) applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    EXPECT_EQ(state.filesToSave.size(), 1u);
    if (state.filesToSave.empty()) return {};
    std::string file = state.filesToSave.back().bytes;
    state.filesToSave.clear();
    return file;
}

AppState withOpenRoster(const Roster& roster) {
    AppState state = freshState();
    applyCommand(state, OpenFile{"plain.json", writeRoster(roster)});
    EXPECT_TRUE(state.document);
    return state;
}

TEST(OpenSave, FirstSaveAsksForAPassphraseOfTenCharactersThenDownloadsAnAgeFile) {
    AppState state = withOpenRoster(oneHouseholdRoster());
    applyCommand(state, RenameProgramme{"Voorbeeldstad 2028"});
    ASSERT_TRUE(state.unsaved);
    applyCommand(state, SaveRoster{});
    ASSERT_TRUE(state.passphrasePrompt);
    EXPECT_EQ(state.passphrasePrompt->purpose, PassphrasePrompt::Purpose::Save);
    applyCommand(state, SubmitPassphrase{"short"});
    ASSERT_TRUE(state.passphrasePrompt) << "too short: asked again";
    ASSERT_TRUE(state.passphrasePrompt->reason);
    EXPECT_EQ(errorText(*state.passphrasePrompt->reason, false), "Choose a passphrase of at least 10 characters.");
    EXPECT_EQ(errorText(*state.passphrasePrompt->reason, true), "Kies een wachtwoord van minstens 10 tekens.");
    applyCommand(state, SubmitPassphrase{kPassphrase});
    EXPECT_FALSE(state.passphrasePrompt);
    EXPECT_TRUE(state.runningJobs.size() == 1 && state.jobsToStart.size() == 1) << "encryption runs as a job";
    runJobsInline(state);
    ASSERT_EQ(state.filesToSave.size(), 1u);
    EXPECT_EQ(state.filesToSave[0].name, "voorbeeldstad-2028.welkom.age");
    EXPECT_EQ(state.filesToSave[0].bytes.rfind("age-encryption.org/v1\n", 0), 0u);
    EXPECT_EQ(state.filesToSave[0].bytes.find("Familie Fictief"), std::string::npos) << "no plaintext in the file";
    EXPECT_FALSE(state.unsaved);
    EXPECT_TRUE(state.runningJobs.empty());

    // The second save reuses the session's passphrase: no prompt.
    state.filesToSave.clear();
    applyCommand(state, SaveRoster{});
    EXPECT_FALSE(state.passphrasePrompt);
    runJobsInline(state);
    EXPECT_EQ(state.filesToSave.size(), 1u);
}

TEST(OpenSave, SavedFileReopensIdenticallyAfterAWrongPassphrase) {
    AppState state = withOpenRoster(oneHouseholdRoster());
    const std::string file = saveEncrypted(state);
    const Document saved = *state.document;
    applyCommand(state, CloseRoster{});
    EXPECT_TRUE(state.session.passphrase.empty()) << "closing wipes the passphrase";

    applyCommand(state, OpenFile{"voorbeeldstad.welkom.age", file});
    ASSERT_TRUE(state.passphrasePrompt);
    EXPECT_EQ(state.passphrasePrompt->purpose, PassphrasePrompt::Purpose::Open);
    applyCommand(state, SubmitPassphrase{"not the passphrase"});
    runJobsInline(state);
    EXPECT_FALSE(state.document);
    ASSERT_TRUE(state.passphrasePrompt) << "asked again for the same file";
    ASSERT_TRUE(state.passphrasePrompt->reason);
    EXPECT_EQ(errorText(*state.passphrasePrompt->reason, false), "Wrong passphrase, or this file was not encrypted for you.");

    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    ASSERT_TRUE(state.document);
    EXPECT_EQ(*state.document, saved);
    EXPECT_FALSE(state.unsaved);
    EXPECT_TRUE(state.session.passphrase == kPassphrase);
    EXPECT_TRUE(state.errors.empty());
}

TEST(OpenSave, DamagedFileLeavesTheOpenRosterUntouched) {
    AppState state = withOpenRoster(oneHouseholdRoster());
    std::string file = saveEncrypted(state);
    applyCommand(state, RenameProgramme{"Edited but not saved"});
    const Document before = *state.document;
    file[file.size() - 20] ^= 0x01;  // one flipped bit in the payload

    applyCommand(state, OpenFile{"damaged.welkom.age", file});
    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(errorText(state.errors.back(), false), "This file is damaged or was changed after saving.");
    EXPECT_EQ(*state.document, before);
    EXPECT_TRUE(state.unsaved) << "the edit is still there, still unsaved";
}

// The browser's worker can die mid-job (out of memory): the page then fails
// the job with workerStoppedError instead of waiting for an answer for ever.
TEST(OpenSave, AWorkerThatStoppedDuringASaveLeavesTheEditOpenAndUnsaved) {
    AppState state = withOpenRoster(oneHouseholdRoster());
    saveEncrypted(state);
    applyCommand(state, RenameProgramme{"Edited but not saved"});
    const Document before = *state.document;
    applyCommand(state, SaveRoster{});
    ASSERT_EQ(state.jobsToStart.size(), 1u);
    const std::uint64_t id = state.jobsToStart.front().id;
    state.jobsToStart.clear();  // handed to the worker, which then dies
    applyCommand(state, JobFinished{id, workerStoppedError(true)});
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "job.out_of_memory");
    EXPECT_NE(errorText(state.errors.back(), false).find("still open"), std::string::npos) << errorText(state.errors.back(), false);
    EXPECT_TRUE(state.filesToSave.empty()) << "nothing is offered as saved";
    EXPECT_EQ(*state.document, before);
    EXPECT_TRUE(state.unsaved);
    EXPECT_TRUE(state.runningJobs.empty());
}

TEST(OpenSave, ForeignAndInvalidFilesAreRefusedWithTheirProblems) {
    AppState state = withOpenRoster(oneHouseholdRoster());
    const Document before = *state.document;

    applyCommand(state, OpenFile{"photo.png", "\x89PNG\r\n\x1a\n"});
    EXPECT_EQ(errorText(state.errors.back(), false), "This file is not a Welkom roster.");

    Roster broken = oneHouseholdRoster();
    broken.households.push_back(broken.households[0]);  // duplicate id
    applyCommand(state, OpenFile{"broken.json", writeRoster(broken)});
    EXPECT_EQ(state.errors.back().code, "open.invalid") << "the roster's refusal, naming its first error";
    EXPECT_EQ(state.errors.back().args.at(0).text, "roster.invalid");
    EXPECT_FALSE(state.problems.empty()) << "every problem is listed";

    applyCommand(state, OpenFile{"cut.json", writeRoster(broken).substr(0, 30)});
    EXPECT_EQ(state.errors.back().code, "open.not_json");
    EXPECT_EQ(errorText(state.errors.back(), false).rfind("This file is not a Welkom roster. It is damaged or not JSON: ", 0), 0u)
        << errorText(state.errors.back(), false);
    EXPECT_EQ(*state.document, before);
}

TEST(OpenSave, PlainJsonOpensWithANoticeAndIsEncryptedOnSave) {
    AppState state = withOpenRoster(oneHouseholdRoster());
    ASSERT_EQ(state.notices.size(), 1u);
    EXPECT_EQ(state.notices[0].code, "roster.unencrypted");
    EXPECT_TRUE(state.session.openedFromPlainJson);
    saveEncrypted(state);
    EXPECT_FALSE(state.session.openedFromPlainJson);
}

TEST(OpenSave, CancellingThePromptOpensNothing) {
    AppState state = freshState();
    applyCommand(state, OpenFile{"x.age", "age-encryption.org/v1\n"});
    ASSERT_TRUE(state.passphrasePrompt);
    applyCommand(state, CancelPassphrase{});
    EXPECT_FALSE(state.passphrasePrompt);
    EXPECT_TRUE(state.jobsToStart.empty());
    EXPECT_FALSE(state.document);
}

TEST(OpenSave, AResultForACancelledJobIsIgnored) {
    AppState state = freshState();
    applyCommand(state, JobFinished{12345, JobOutput(std::string("{}"))});
    EXPECT_FALSE(state.document);
    EXPECT_TRUE(state.errors.empty());
}

}  // namespace
}  // namespace welkom
