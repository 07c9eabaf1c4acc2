// `welkom programme-key` and `welkom import-signups` on temporary files, and
// interop with the reference age CLI (Debian's `age`): a sign-up encrypted by
// `age -r` imports, a sign-up our code encrypts opens with `age -d -i` and the
// exported key, and `age-keygen -y` reads the exported key file.
#include <sys/stat.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "cli/cli.h"
#include "cli/command_runner.h"
#include "cli/commands.h"
#include "core/roster_fixtures.h"
#include "io/age.h"
#include "io/programme_keys.h"
#include "io/roster_json.h"
#include "io/signup.h"

namespace welkom::cli {
namespace {

constexpr const char* kPassphrase = "vier fictieve woorden samen";

int shell(const std::string& cmd) {
    const int rc = std::system(cmd.c_str());
    return rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc);
}

bool ageCliAvailable() { return shell("command -v age >/dev/null 2>&1 && command -v age-keygen >/dev/null 2>&1") == 0; }

class SignupCommandsTest : public CommandFilesTest {
protected:
    // The fixture roster (fictitious people), encrypted with kPassphrase at a fast work factor.
    std::string encryptedRoster(const std::string& name, const Roster& r = testing::makeFixtureRoster()) {
        RosterWriteOptions o;
        o.includeProgrammeKeys = true;
        const std::string json = writeRoster(r, o);
        Result<AgeBytes> enc = ageEncryptWithPassphrase(AgeBytes(json.begin(), json.end()), kPassphrase, 10);
        EXPECT_TRUE(enc);
        return write(name, std::string(enc->begin(), enc->end()));
    }
    static Roster openRosterFile(const std::string& p) {
        const std::string bytes = read(p);
        AgeDecryptOptions o;
        o.passphrases = {kPassphrase};
        Result<AgeBytes> plain = ageDecrypt(AgeBytes(bytes.begin(), bytes.end()), o);
        EXPECT_TRUE(plain) << p;
        if (!plain) return {};
        Result<LoadedRoster> r = loadRoster(std::string(plain->begin(), plain->end()));
        EXPECT_TRUE(r);
        return r ? r->roster : Roster{};
    }
    // A roster with a programme key made by the command.
    std::string rosterWithKey(const std::string& name) {
        const std::string in = encryptedRoster(name + ".in"), out = path(name);
        RunResult r = run(runProgrammeKey, {"create", in, "-o", out, "--work-factor", "10",
                                            "--created", "2026-12-01T09:00:00Z"});
        EXPECT_EQ(r.code, kExitOk) << r.err;
        return out;
    }
    static SignupDocument household(const Roster& r, const std::string& id) {
        SignupDocument d;
        d.programmeName = r.programmeName;
        d.programmeFingerprint = keyFingerprint(*programmeRecipient(r.signup));
        d.household.id = id;
        d.household.displayName = "Familie Verzonnen";
        d.household.municipality = "Haarlem";
        HouseholdMember m;
        m.age = 29;
        m.languages = {{"uk", LanguageLevel::Native}};
        d.household.members = {m};
        d.consent.toMatching = true;
        d.consent.toMatchingDate = "2026-12-02";
        return d;
    }
};

TEST_F(SignupCommandsTest, CreateKeepsKeysInTheEncryptedRosterAndNeverPrintsThem) {
    PassphraseEnv env(kPassphrase);
    const std::string first = rosterWithKey("one.age");
    const Roster one = openRosterFile(first);
    ASSERT_EQ(one.signup.keys.size(), 1u);
    EXPECT_EQ(one.signup.keys[0].created, "2026-12-01T09:00:00Z");
    EXPECT_EQ(one.households, testing::makeFixtureRoster().households);

    const std::string second = path("two.age");
    RunResult r = run(runProgrammeKey, {"create", first, "-o", second, "--work-factor", "10"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    const Roster two = openRosterFile(second);
    ASSERT_EQ(two.signup.keys.size(), 2u);
    EXPECT_EQ(two.signup.keys[1], one.signup.keys[0]);  // the old key is kept
    RunResult shown = run(runProgrammeKey, {"show", second});
    ASSERT_EQ(shown.code, kExitOk) << shown.err;
    const std::string current = X25519Identity::parse(two.signup.keys[0].identity)->recipient().toString();
    EXPECT_EQ(shown.out.find("current " + current), 0u) << shown.out;
    EXPECT_NE(shown.out.find("old     "), std::string::npos);
    for (const RunResult& printed : {r, shown})
        EXPECT_EQ((printed.out + printed.err).find("AGE-SECRET-KEY"), std::string::npos);
}

TEST_F(SignupCommandsTest, KeysGoOnlyIntoEncryptedRosters) {
    PassphraseEnv env(kPassphrase);
    const std::string plain = write("plain.json", writeRoster(testing::makeFixtureRoster()));
    const std::string out = path("out.json");
    RunResult r = run(runProgrammeKey, {"create", plain, "-o", out});
    EXPECT_EQ(r.code, kExitProblems);
    EXPECT_NE(r.err.find("only in encrypted rosters"), std::string::npos) << r.err;
    EXPECT_FALSE(exists(out));
    EXPECT_EQ(run(runProgrammeKey, {"show", rosterWithKey("k.age"), "--output"}).code, kExitUsage);
    EXPECT_EQ(run(runProgrammeKey, {"rotate", plain}).code, kExitUsage);
    EXPECT_EQ(run(runProgrammeKey, {"create", encryptedRoster("e.age"), "-o", out, "--created", "today"}).code,
              kExitUsage);
    RunResult none = run(runProgrammeKey, {"show", encryptedRoster("nokey.age")});
    EXPECT_EQ(none.code, kExitProblems);
    EXPECT_NE(none.err.find("no programme key yet"), std::string::npos) << none.err;
}

TEST_F(SignupCommandsTest, OtherCommandsKeepKeysEncryptedAndLeaveThemOutOfPlainOutput) {
    PassphraseEnv env(kPassphrase);
    const std::string rosterPath = rosterWithKey("r.age");
    const Roster roster = openRosterFile(rosterPath);
    const std::string csv = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/households_en_comma.csv";
    const std::string encryptedOut = path("enc.age"), plainOut = path("plain.json");
    RunResult enc = run(runImportCsv, {"--households", csv, "--into", rosterPath, "-o", encryptedOut,
                                       "--work-factor", "10"});
    ASSERT_EQ(enc.code, kExitOk) << enc.out << enc.err;
    EXPECT_EQ(openRosterFile(encryptedOut).signup.keys, roster.signup.keys);
    RunResult plain = run(runImportCsv, {"--households", csv, "--into", rosterPath, "--plain", "-o", plainOut});
    ASSERT_EQ(plain.code, kExitOk) << plain.out << plain.err;
    EXPECT_NE(plain.err.find("sign-up keys are left out"), std::string::npos) << plain.err;
    EXPECT_EQ(read(plainOut).find("AGE-SECRET-KEY"), std::string::npos);
    EXPECT_EQ(read(plainOut).find(roster.signup.keys[0].identity), std::string::npos);
}

TEST_F(SignupCommandsTest, ImportAddsSignupsOnceAndRefusalsWriteNothing) {
    PassphraseEnv env(kPassphrase);
    const std::string rosterPath = rosterWithKey("r.age");
    const Roster roster = openRosterFile(rosterPath);
    const X25519Recipient to = *programmeRecipient(roster.signup);
    auto sealed = [&](const std::string& name, const SignupDocument& d) {
        const std::string json = writeSignupDocument(d);
        Result<AgeBytes> enc = ageEncrypt(AgeBytes(json.begin(), json.end()), {to});
        return write(name, std::string(enc->begin(), enc->end()));
    };
    const std::string a = sealed("a.welkom-signup.age", household(roster, "s-a1"));
    const std::string b = sealed("b.welkom-signup.age", household(roster, "s-b2"));

    const std::string dry = path("dry.age");
    RunResult preview = run(runImportSignups, {"--into", rosterPath, "--dry-run", "-o", dry, a, b});
    EXPECT_EQ(preview.code, kExitOk) << preview.err;
    EXPECT_NE(preview.out.find(a + ": adds household s-a1"), std::string::npos) << preview.out;
    EXPECT_FALSE(exists(dry));

    const std::string out = path("out.age");
    RunResult imported = run(runImportSignups, {"--into", rosterPath, "-o", out, "--work-factor", "10", a, b});
    ASSERT_EQ(imported.code, kExitOk) << imported.err << imported.out;
    const Roster after = openRosterFile(out);
    EXPECT_EQ(after.households.size(), roster.households.size() + 2);
    EXPECT_EQ(after.signup.importedSignups.size(), 2u);
    EXPECT_EQ(after.signup.keys, roster.signup.keys);

    // Again, into the roster that has them: a repeat, refused by name; nothing written.
    const std::string again = path("again.age");
    RunResult repeat = run(runImportSignups, {"--into", out, "-o", again, "--lang", "nl", a});
    EXPECT_EQ(repeat.code, kExitProblems);
    EXPECT_NE(repeat.out.find(a + ": deze aanmelding is al eerder ingelezen"), std::string::npos) << repeat.out;
    EXPECT_FALSE(exists(again));

    // A sign-up for another programme's key: refused by name, nothing written.
    Result<X25519Identity> other = X25519Identity::generate();
    const std::string json = writeSignupDocument(household(roster, "s-c3"));
    Result<AgeBytes> enc = ageEncrypt(AgeBytes(json.begin(), json.end()), {other->recipient()});
    const std::string c = write("c.welkom-signup.age", std::string(enc->begin(), enc->end()));
    RunResult wrong = run(runImportSignups, {"--into", rosterPath, "-o", again, b, c});
    EXPECT_EQ(wrong.code, kExitProblems);
    EXPECT_NE(wrong.out.find(c + ": not encrypted to this programme's key"), std::string::npos) << wrong.out;
    EXPECT_FALSE(exists(again));
    // ...unless that key is given with -i (an exported programme key file).
    const std::string otherKey = write("other-key.txt", other->toString() + "\n");
    RunResult withKey = run(runImportSignups, {"--into", rosterPath, "-i", otherKey, "--dry-run", c});
    EXPECT_EQ(withKey.code, kExitOk) << withKey.out << withKey.err;
    EXPECT_NE(withKey.out.find(c + ": adds household s-c3"), std::string::npos) << withKey.out;
}

TEST_F(SignupCommandsTest, ExportIsAnAgeKeygenFileThatTheAgeCliReads) {
    PassphraseEnv env(kPassphrase);
    const std::string once = rosterWithKey("r1.age"), rosterPath = path("r2.age");
    ASSERT_EQ(run(runProgrammeKey, {"create", once, "-o", rosterPath, "--work-factor", "10"}).code, kExitOk);
    const Roster roster = openRosterFile(rosterPath);
    const std::string keyFile = path("programme-key.txt");
    RunResult exported = run(runProgrammeKey, {"export", rosterPath, "-o", keyFile});
    ASSERT_EQ(exported.code, kExitOk) << exported.err;
    EXPECT_EQ(read(keyFile), *identityFileText(roster.signup));
    struct stat st {};
    ASSERT_EQ(stat(keyFile.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ((exported.out + exported.err).find("AGE-SECRET-KEY"), std::string::npos);

    if (!ageCliAvailable()) GTEST_SKIP() << "SKIPPED: the age CLI is not on PATH; the interop checks did not run";
    // age-keygen -y reads the file and gives the public keys, current first.
    const std::string pubs = path("pubs.txt");
    ASSERT_EQ(shell("age-keygen -y '" + keyFile + "' > '" + pubs + "'"), 0);
    EXPECT_EQ(read(pubs), X25519Identity::parse(roster.signup.keys[0].identity)->recipient().toString() + "\n" +
                              X25519Identity::parse(roster.signup.keys[1].identity)->recipient().toString() + "\n");

    // A sign-up our code encrypts (to the old key, too) opens with `age -d -i`.
    for (std::size_t k = 0; k < 2; ++k) {
        SignupDocument d = household(roster, "s-age" + std::to_string(k));
        const std::string json = writeSignupDocument(d);
        const X25519Recipient to = X25519Identity::parse(roster.signup.keys[k].identity)->recipient();
        Result<AgeBytes> enc = ageEncrypt(AgeBytes(json.begin(), json.end()), {to});
        const std::string file = write("ours" + std::to_string(k) + ".age", std::string(enc->begin(), enc->end()));
        const std::string opened = path("opened" + std::to_string(k) + ".json");
        ASSERT_EQ(shell("age -d -i '" + keyFile + "' -o '" + opened + "' '" + file + "'"), 0);
        EXPECT_EQ(read(opened), json);
    }

    // A sign-up encrypted by `age -r` to the current public key imports like one from the page.
    const std::string doc = write("cli.json", writeSignupDocument(household(roster, "s-cli")));
    const std::string fromCli = path("cli.welkom-signup.age");
    const std::string recipient = X25519Identity::parse(roster.signup.keys[0].identity)->recipient().toString();
    ASSERT_EQ(shell("age -r " + recipient + " -o '" + fromCli + "' '" + doc + "'"), 0);
    const std::string out = path("out.age");
    RunResult imported = run(runImportSignups, {"--into", rosterPath, "-o", out, "--work-factor", "10", fromCli});
    ASSERT_EQ(imported.code, kExitOk) << imported.out << imported.err;
    EXPECT_EQ(openRosterFile(out).households.back().id, "s-cli");
    // And with the exported key file instead of the roster's keys (-i).
    RunResult withFile = run(runImportSignups, {"--into", rosterPath, "-i", keyFile, "--dry-run", fromCli});
    EXPECT_EQ(withFile.code, kExitOk) << withFile.out << withFile.err;
}

}  // namespace
}  // namespace welkom::cli
