// Team keys (issue #14, item 7): a roster saved to the coordinators' own age
// keys instead of a passphrase, through commands as the interface sends them
// (the worker's jobs run inline). All people are fictitious.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "app/text/messages.h"
#include "io/age.h"
#include "io/roster_json.h"
#include "io/team_keys.h"

namespace welkom {
namespace {

struct Colleague {
    X25519Identity identity;
    std::string publicKey() const { return identity.recipient().toString(); }
    std::string identityFile() const { return "# a colleague's key\n" + identity.toString() + "\n"; }
};

Colleague newColleague() {
    Result<X25519Identity> id = X25519Identity::generate();
    EXPECT_TRUE(id);
    return Colleague{*id};
}

AppState withOpenRoster() {
    AppState state;
    state.session.workFactor = kFastWorkFactor;
    state.clock.utcNow = "2027-03-01T09:00:00Z";
    applyCommand(state, OpenFile{"plain.json", writeRoster(oneHouseholdRoster())});
    EXPECT_TRUE(state.document);
    state.notices.clear();
    return state;
}

std::string lastErrorCode(const AppState& state) { return state.errors.empty() ? "" : state.errors.back().code; }

// The one file the last command offered, taken out of the outbox.
std::string takeSavedFile(AppState& state) {
    EXPECT_EQ(state.filesToSave.size(), 1u);
    if (state.filesToSave.empty()) return {};
    std::string bytes = std::move(state.filesToSave.back().bytes);
    state.filesToSave.clear();
    return bytes;
}

std::size_t stanzasOf(const std::string& file, const std::string& type) {
    std::size_t n = 0;
    for (std::size_t at = file.find("\n-> " + type + " "); at != std::string::npos;
         at = file.find("\n-> " + type + " ", at + 1))
        ++n;
    return n;
}

TEST(TeamKeys, AColleaguesKeyIsCheckedBeforeItJoinsAsOneUndoStep) {
    AppState state = withOpenRoster();
    const Colleague bram = newColleague();

    applyCommand(state, AddTeamKey{"Bram", "age1notakey"});
    EXPECT_EQ(lastErrorCode(state), "team.key_invalid");
    EXPECT_NE(errorText(state.errors.back(), false).find("this is not an age public key (age1...)"), std::string::npos)
        << errorText(state.errors.back(), false);
    applyCommand(state, AddTeamKey{"  ", bram.publicKey()});
    EXPECT_EQ(lastErrorCode(state), "team.name_missing");
    EXPECT_TRUE(state.document->roster.team.keys.empty());
    EXPECT_FALSE(state.history.canUndo()) << "a refused key records no step";

    applyCommand(state, AddTeamKey{" Bram ", "  " + bram.publicKey() + "\n"});  // as pasted from a mail
    ASSERT_EQ(state.document->roster.team.keys.size(), 1u);
    EXPECT_EQ(state.document->roster.team.keys[0].name, "Bram");
    EXPECT_EQ(state.document->roster.team.keys[0].publicKey, bram.publicKey());
    EXPECT_EQ(state.history.undoLabel(), "Add team key of Bram");

    applyCommand(state, AddTeamKey{"Bram again", bram.publicKey()});
    EXPECT_EQ(lastErrorCode(state), "team.key_taken");
    EXPECT_EQ(errorText(state.errors.back(), false), "this key is in the team already, as Bram's");
    EXPECT_EQ(state.document->roster.team.keys.size(), 1u);

    applyCommand(state, UndoEdit{});
    EXPECT_TRUE(state.document->roster.team.keys.empty());
}

TEST(TeamKeys, MakingMyKeyOffersItsSecretOnceAndAddsOnlyThePublicKey) {
    AppState state = withOpenRoster();
    applyCommand(state, CreateTeamKey{"Anna"});
    ASSERT_EQ(state.filesToSave.size(), 1u);
    EXPECT_EQ(state.filesToSave[0].name, "welkom-team-key.txt");
    Result<std::vector<X25519Identity>> ids = parseAgeIdentityFile(state.filesToSave[0].bytes);
    ASSERT_TRUE(ids) << "an age-keygen identity file";
    ASSERT_EQ(ids->size(), 1u);
    ASSERT_EQ(state.document->roster.team.keys.size(), 1u);
    EXPECT_EQ(state.document->roster.team.keys[0].name, "Anna");
    EXPECT_EQ(state.document->roster.team.keys[0].publicKey, (*ids)[0].recipient().toString());
    EXPECT_NE(state.filesToSave[0].bytes.find("# public key: " + (*ids)[0].recipient().toString()), std::string::npos);
    EXPECT_EQ(writeRoster(state.document->roster, RosterWriteOptions{false, true}).find("AGE-SECRET-KEY-1"), std::string::npos)
        << "the secret key is not kept in the roster";
    ASSERT_FALSE(state.notices.empty());
    EXPECT_EQ(state.notices.back().code, "team.key_created");
    EXPECT_EQ(state.history.undoLabel(), "Create team key of Anna");

    applyCommand(state, CreateTeamKey{""});
    EXPECT_EQ(lastErrorCode(state), "team.name_missing");
    EXPECT_EQ(state.filesToSave.size(), 1u) << "no second secret for a refused key";
}

TEST(TeamKeys, ARosterSavedToTheTeamOpensWithEachKeyAndNeverWithAnother) {
    AppState state = withOpenRoster();
    const Colleague anna = newColleague();
    const Colleague bram = newColleague();
    applyCommand(state, AddTeamKey{"Anna", anna.publicKey()});
    applyCommand(state, AddTeamKey{"Bram", bram.publicKey()});

    applyCommand(state, SaveRoster{});
    ASSERT_TRUE(state.passphrasePrompt) << "the first save still offers a passphrase";
    applyCommand(state, SaveToTeamKeys{});
    EXPECT_FALSE(state.passphrasePrompt);
    runJobsInline(state);
    const std::string file = takeSavedFile(state);
    EXPECT_EQ(stanzasOf(file, "X25519"), 2u) << "one stanza per team key";
    EXPECT_EQ(stanzasOf(file, "scrypt"), 0u);
    EXPECT_TRUE(state.session.toTeamKeys);
    EXPECT_FALSE(state.unsaved);
    const Document saved = *state.document;
    for (const Colleague* c : {&anna, &bram}) {
        AgeDecryptOptions options;
        options.identities.push_back(c->identity);
        Result<AgeBytes> plain = ageDecrypt(AgeBytes(file.begin(), file.end()), options);
        ASSERT_TRUE(plain) << "each colleague's own key opens it";
    }

    applyCommand(state, CloseRoster{});
    EXPECT_FALSE(state.session.toTeamKeys) << "closing ends the session";
    applyCommand(state, OpenFile{"team.welkom.age", file});
    ASSERT_TRUE(state.passphrasePrompt);
    EXPECT_TRUE(state.passphrasePrompt->withKey) << "the prompt asks for a key, not a passphrase";

    applyCommand(state, SubmitIdentity{"AGE-SECRET-KEY-1NOTAKEY"});
    ASSERT_TRUE(state.passphrasePrompt) << "a pasted text that is no key is said at once";
    ASSERT_TRUE(state.passphrasePrompt->reason);
    EXPECT_EQ(state.passphrasePrompt->reason->code, "age.key.line");
    EXPECT_TRUE(state.jobsToStart.empty());

    applyCommand(state, SubmitIdentity{newColleague().identityFile()});
    runJobsInline(state);
    ASSERT_TRUE(state.passphrasePrompt) << "a stranger's key: asked again";
    ASSERT_TRUE(state.passphrasePrompt->reason);
    EXPECT_EQ(errorText(*state.passphrasePrompt->reason, false),
              "This key cannot open this roster: the roster was not saved to it.");
    EXPECT_FALSE(state.document);

    // Bram drops his key file on the waiting prompt.
    applyCommand(state, OpenFile{"bram-key.txt", bram.identityFile()});
    EXPECT_FALSE(state.passphrasePrompt);
    runJobsInline(state);
    ASSERT_TRUE(state.document);
    EXPECT_EQ(state.document->roster, saved.roster);
    EXPECT_TRUE(state.session.toTeamKeys) << "a roster opened with a key saves to the team again";

    applyCommand(state, RenameProgramme{"Voorbeeldstad 2029"});
    applyCommand(state, SaveRoster{});
    EXPECT_FALSE(state.passphrasePrompt) << "no passphrase asked";
    runJobsInline(state);
    EXPECT_EQ(stanzasOf(takeSavedFile(state), "X25519"), 2u);
}

TEST(TeamKeys, AKeyFileWithNoRosterWaitingIsSaidToBeOne) {
    AppState state = withOpenRoster();
    const Roster before = state.document->roster;
    applyCommand(state, OpenFile{"welkom-team-key.txt", newColleague().identityFile()});
    EXPECT_EQ(lastErrorCode(state), "open.key_without_roster");
    ASSERT_TRUE(state.document) << "the open roster stays";
    EXPECT_EQ(state.document->roster, before);
}

TEST(TeamKeys, AutosaveAndLockFollowTheTeamKeys) {
    AppState state = withOpenRoster();
    const Colleague anna = newColleague();
    applyCommand(state, AddTeamKey{"Anna", anna.publicKey()});
    applyCommand(state, SaveToTeamKeys{});
    runJobsInline(state);
    takeSavedFile(state);
    state.ui.autosaveDelaySeconds = 20;
    applyCommand(state, Tick{100});
    applyCommand(state, UserActivity{100});
    applyCommand(state, RenameProgramme{"Programma 2028"});
    applyCommand(state, Tick{130});
    runJobsInline(state);
    ASSERT_TRUE(state.autosaveToStore) << "a session on team keys autosaves without a passphrase";
    EXPECT_EQ(stanzasOf(state.autosaveToStore->bytes, "X25519"), 1u);
    EXPECT_EQ(state.autosaveToStore->bytes.find("Programma 2028"), std::string::npos);

    // The autosave reopens with the key, as unsaved work.
    applyCommand(state, CloseRoster{});
    applyCommand(state, OpenFile{"autosave", state.autosaveToStore->bytes, true});
    ASSERT_TRUE(state.passphrasePrompt && state.passphrasePrompt->withKey);
    applyCommand(state, SubmitIdentity{anna.identityFile()});
    runJobsInline(state);
    ASSERT_TRUE(state.document);
    EXPECT_EQ(state.document->roster.programmeName, "Programma 2028");
    EXPECT_TRUE(state.unsaved);
}

TEST(TeamKeys, BackToAPassphraseAndATeamWithoutKeys) {
    AppState state = withOpenRoster();
    const Colleague anna = newColleague();
    applyCommand(state, SaveToTeamKeys{});
    EXPECT_EQ(lastErrorCode(state), "team.no_keys");
    EXPECT_FALSE(state.session.toTeamKeys);

    applyCommand(state, AddTeamKey{"Anna", anna.publicKey()});
    applyCommand(state, SaveToTeamKeys{});
    runJobsInline(state);
    takeSavedFile(state);
    applyCommand(state, RemoveTeamKey{anna.publicKey()});
    EXPECT_EQ(state.history.undoLabel(), "Remove team key of Anna");
    state.errors.clear();
    applyCommand(state, SaveRoster{});
    runJobsInline(state);
    EXPECT_EQ(lastErrorCode(state), "team.no_keys") << "saving to nobody is refused, not done";
    EXPECT_TRUE(state.filesToSave.empty());
    EXPECT_TRUE(state.unsaved);
    const std::size_t errors = state.errors.size();
    applyCommand(state, Tick{state.clock.now + 1000});
    EXPECT_TRUE(state.jobsToStart.empty()) << "no autosave to nobody";
    EXPECT_EQ(state.errors.size(), errors) << "and no error at every tick";

    applyCommand(state, SaveWithPassphrase{});
    EXPECT_FALSE(state.session.toTeamKeys);
    ASSERT_TRUE(state.passphrasePrompt);
    EXPECT_EQ(state.passphrasePrompt->purpose, PassphrasePrompt::Purpose::Save);
    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    const std::string file = takeSavedFile(state);
    EXPECT_EQ(stanzasOf(file, "scrypt"), 1u);
    EXPECT_EQ(stanzasOf(file, "X25519"), 0u);
}

TEST(TeamKeys, TheRosterFileKeepsTheTeamAndRefusesABrokenKey) {
    Roster roster = oneHouseholdRoster();
    const Colleague anna = newColleague();
    roster.team.keys.push_back({"Anna", anna.publicKey(), {{"phone", "\"0600000000\""}}});
    const RosterReadReport back = readRoster(writeRoster(roster));
    ASSERT_TRUE(back.roster);
    EXPECT_EQ(back.roster->team, roster.team) << "name, key and unknown fields survive";

    roster.team.keys[0].publicKey = "age1qqqq";
    const RosterReadReport broken = readRoster(writeRoster(roster));
    const auto refused = std::find_if(broken.problems.begin(), broken.problems.end(),
                                      [](const Problem& p) { return p.path == "/team/keys/0/publicKey"; });
    ASSERT_NE(refused, broken.problems.end());
    EXPECT_EQ(formatProblemText(*refused, false).find("age1...") != std::string::npos, true)
        << formatProblemText(*refused, false);
}

TEST(TeamKeys, ARosterWithMoreTeamKeysThanAnAgeHeaderHoldsIsRefusedBeforeItIsRead) {
    Roster roster = oneHouseholdRoster();
    const std::string key = newColleague().publicKey();
    for (std::size_t i = 0; i <= kMaxTeamKeys; ++i) roster.team.keys.push_back({"Colleague", key, {}});
    std::vector<Problem> problems;
    EXPECT_FALSE(loadRoster(writeRoster(roster), &problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].code, "limit.team_keys");
    EXPECT_EQ(problems[0].path, "/team/keys");
    EXPECT_EQ(formatProblemText(problems[0], false).find("more than 64 team keys") != std::string::npos, true)
        << formatProblemText(problems[0], false);
}

TEST(TeamKeys, AFileSaysWhetherItOpensWithAPassphraseOrAKey) {
    const AgeBytes plain{'x'};
    const Colleague anna = newColleague();
    Result<AgeBytes> toKey = ageEncrypt(plain, {anna.identity.recipient()});
    Result<AgeBytes> withPassphrase = ageEncryptWithPassphrase(plain, kPassphrase, kFastWorkFactor, true);
    ASSERT_TRUE(toKey && withPassphrase);
    EXPECT_EQ(*ageLockOf(*toKey), AgeLock::Keys);
    EXPECT_EQ(*ageLockOf(ageArmor(*toKey)), AgeLock::Keys);
    EXPECT_EQ(*ageLockOf(*withPassphrase), AgeLock::Passphrase) << "armored";
    EXPECT_FALSE(ageLockOf(AgeBytes{'n', 'o'}));
}

}  // namespace
}  // namespace welkom
