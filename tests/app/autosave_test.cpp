// Autosave (encrypted, for browser storage) and locking after inactivity,
// driven by made-up clock times.
#include <gtest/gtest.h>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "app/text/messages.h"
#include "io/age.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

// A demo roster turned into a real (non-demo) one, saved once so the
// session holds a passphrase; the clock starts at t=100 s.
AppState savedSession() {
    AppState state;
    state.session.workFactor = 10;
    state.ui.autosaveDelaySeconds = 20;
    state.ui.lockAfterSeconds = 600;
    applyCommand(state, Tick{100});
    applyCommand(state, StartDemo{});
    Roster roster = state.document->roster;
    roster.isDemo = false;
    applyCommand(state, OpenFile{"real.json", writeRoster(roster)});
    applyCommand(state, SaveRoster{});
    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    state.filesToSave.clear();
    state.autosaveDeleteRequested = false;
    state.notices.clear();
    EXPECT_FALSE(state.unsaved);
    return state;
}

TEST(Autosave, EncryptsUnsavedEditsAfterTheDelayAndNeverBefore) {
    AppState state = savedSession();
    applyCommand(state, UserActivity{105});
    applyCommand(state, RenameProgramme{"Programma 2028"});
    applyCommand(state, Tick{110});
    EXPECT_TRUE(state.jobsToStart.empty()) << "too early";
    applyCommand(state, Tick{126});
    ASSERT_EQ(state.jobsToStart.size(), 1u);
    applyCommand(state, Tick{127});
    EXPECT_EQ(state.jobsToStart.size(), 1u) << "one autosave at a time";
    runJobsInline(state);
    ASSERT_TRUE(state.autosaveToStore);
    const std::string& bytes = state.autosaveToStore->bytes;
    EXPECT_EQ(bytes.rfind("age-encryption.org/v1\n", 0), 0u) << "only ciphertext goes to storage";
    EXPECT_EQ(bytes.find("Programma 2028"), std::string::npos);
    EXPECT_TRUE(state.unsaved) << "an autosave is not a save";
    state.autosaveToStore.reset();
    applyCommand(state, Tick{200});
    EXPECT_TRUE(state.jobsToStart.empty()) << "nothing new to autosave";
}

TEST(Autosave, TheAutosaveOpensWithThePassphraseAsUnsavedWork) {
    AppState state = savedSession();
    applyCommand(state, RenameProgramme{"Programma 2028"});
    const Document edited = *state.document;
    applyCommand(state, Tick{200});
    runJobsInline(state);
    ASSERT_TRUE(state.autosaveToStore);
    Recovery found = *state.autosaveToStore;

    AppState later;  // a new page load
    later.session.workFactor = 10;
    applyCommand(later, AutosaveFound{found});
    ASSERT_TRUE(later.recovery);
    applyCommand(later, RecoverAutosave{});
    ASSERT_TRUE(later.passphrasePrompt);
    applyCommand(later, SubmitPassphrase{kPassphrase});
    runJobsInline(later);
    ASSERT_TRUE(later.document);
    EXPECT_EQ(*later.document, edited);
    EXPECT_TRUE(later.unsaved);
    EXPECT_FALSE(later.recovery);
}

TEST(Autosave, DiscardingAsksThePlatformToDeleteIt) {
    AppState state;
    applyCommand(state, AutosaveFound{Recovery{"x.welkom.age", "age-encryption.org/v1\n", "today"}});
    applyCommand(state, DiscardAutosave{});
    EXPECT_FALSE(state.recovery);
    EXPECT_TRUE(state.autosaveDeleteRequested);
}

TEST(Autosave, RefusedBrowserStorageBecomesANoticeInBothLanguages) {
    AppState state;
    applyCommand(state, AutosaveUnavailable{});
    ASSERT_EQ(state.notices.size(), 1u);
    EXPECT_EQ(state.notices[0].code, "autosave.unavailable");
    EXPECT_NE(errorText(state.notices[0], false).find("autosave"), std::string::npos);
    EXPECT_NE(errorText(state.notices[0], true).find("Versleuteld opslaan"), std::string::npos);
    EXPECT_TRUE(state.errors.empty());
}

TEST(Autosave, ASaveMakesTheStoredAutosaveObsolete) {
    AppState state = savedSession();
    applyCommand(state, RenameProgramme{"Programma 2028"});
    applyCommand(state, SaveRoster{});
    runJobsInline(state);
    EXPECT_FALSE(state.unsaved);
    EXPECT_TRUE(state.autosaveDeleteRequested);
}

TEST(IdleLock, LocksAfterInactivityAutosavingFirst) {
    AppState state = savedSession();
    applyCommand(state, UserActivity{100});
    applyCommand(state, RenameProgramme{"Programma 2028"});
    applyCommand(state, Tick{690});
    EXPECT_TRUE(state.document) << "not idle long enough";
    EXPECT_EQ(state.jobsToStart.size(), 1u) << "the regular autosave started";
    runJobsInline(state);
    applyCommand(state, RenameProgramme{"Programma 2029"});  // edited again, at t=690
    applyCommand(state, Tick{701});
    ASSERT_TRUE(state.document) << "waits for the autosave of the last edit";
    EXPECT_TRUE(state.lockWhenAutosaved);
    runJobsInline(state);
    EXPECT_FALSE(state.document) << "locked";
    EXPECT_TRUE(state.locked);
    EXPECT_TRUE(state.session.passphrase.empty()) << "passphrase wiped";
    ASSERT_TRUE(state.recovery) << "the unsaved work can be recovered";
}

TEST(IdleLock, LockingAfterAnAutosaveOffersItForRecovery) {
    AppState state = savedSession();
    applyCommand(state, UserActivity{100});
    applyCommand(state, RenameProgramme{"Programma 2028"});
    applyCommand(state, Tick{130});
    runJobsInline(state);  // the regular autosave, 30 s after the edit
    applyCommand(state, Tick{701});
    EXPECT_FALSE(state.document) << "locked at once: the autosave is current";
    ASSERT_TRUE(state.recovery);
    EXPECT_EQ(state.recovery->bytes.rfind("age-encryption.org/v1\n", 0), 0u);
}

TEST(IdleLock, ActivityKeepsTheRosterOpen) {
    AppState state = savedSession();
    for (double t = 200; t < 3000; t += 300) {
        applyCommand(state, UserActivity{t});
        applyCommand(state, Tick{t + 1});
    }
    EXPECT_TRUE(state.document);
}

TEST(IdleLock, NeverLosesUnsavedWorkThatCannotBeEncrypted) {
    AppState state;
    applyCommand(state, Tick{0});
    applyCommand(state, NewProgramme{"Nieuw"});
    applyCommand(state, RenameProgramme{"Nieuw 2"});
    applyCommand(state, Tick{100000});
    EXPECT_TRUE(state.document) << "no passphrase yet: closing would lose the edit";
    applyCommand(state, CloseRoster{});
    applyCommand(state, StartDemo{});
    applyCommand(state, Tick{200000});
    EXPECT_FALSE(state.document) << "an unedited demo locks: nothing to lose";
}

TEST(IdleLock, AnEditedDemoIsNeverDiscarded) {
    // A coordinator starts from the demo and types a real family in.
    AppState state;
    state.session.workFactor = 10;
    state.ui.lockAfterSeconds = 600;
    applyCommand(state, Tick{0});
    applyCommand(state, StartDemo{});
    applyCommand(state, RenameProgramme{"Ons echte programma"});
    applyCommand(state, Tick{100000});
    ASSERT_TRUE(state.document) << "no passphrase yet: locking would discard the edit";
    EXPECT_EQ(state.document->roster.programmeName, "Ons echte programma");
    EXPECT_FALSE(state.locked);
}

TEST(IdleLock, ADemoSavedAndEditedIsAutosavedBeforeItLocks) {
    AppState state;
    state.session.workFactor = 10;
    state.ui.autosaveDelaySeconds = 20;
    state.ui.lockAfterSeconds = 600;
    applyCommand(state, Tick{0});
    applyCommand(state, StartDemo{});
    ASSERT_TRUE(state.document->roster.isDemo);
    applyCommand(state, SaveRoster{});
    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    ASSERT_EQ(state.filesToSave.size(), 1u);
    EXPECT_FALSE(state.document->roster.isDemo) << "saved: the coordinator's own roster now";
    AgeDecryptOptions options;
    options.passphrases = {kPassphrase};
    const std::string& file = state.filesToSave[0].bytes;
    Result<AgeBytes> plain = ageDecrypt(AgeBytes(file.begin(), file.end()), options);
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(std::string(plain->begin(), plain->end()).find("\"demo\""), std::string::npos)
        << "the saved file is no demo";

    applyCommand(state, UserActivity{10});
    applyCommand(state, RenameProgramme{"Ons echte programma"});
    applyCommand(state, Tick{700});
    ASSERT_TRUE(state.document) << "waits for the encrypted autosave of the edit";
    runJobsInline(state);
    EXPECT_FALSE(state.document) << "locked once autosaved";
    ASSERT_TRUE(state.recovery) << "the edit is recoverable";
    applyCommand(state, RecoverAutosave{});
    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    ASSERT_TRUE(state.document);
    EXPECT_EQ(state.document->roster.programmeName, "Ons echte programma");
    EXPECT_TRUE(state.unsaved);
}

}  // namespace
}  // namespace welkom
