// The `welkom` commands, called as functions on temporary files: exit codes,
// what they print, and what they write (or do not write). scrypt runs at work
// factor 10 here (--work-factor) to keep the suite fast.
#include "cli/commands.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "cli/passphrase.h"
#include "core/demo_roster.h"
#include "io/age.h"
#include "io/roster_json.h"

namespace welkom::cli {
namespace {

struct RunResult {
    int code = -1;
    std::string out;
    std::string err;
};

RunResult run(int (*command)(const std::vector<std::string>&), const std::vector<std::string>& args) {
    RunResult r;
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    r.code = command(args);
    r.out = testing::internal::GetCapturedStdout();
    r.err = testing::internal::GetCapturedStderr();
    return r;
}

// Sets WELKOM_PASSPHRASE for one scope (or clears it with nullptr).
class PassphraseEnv {
public:
    explicit PassphraseEnv(const char* value) {
        if (const char* old = std::getenv(kPassphraseEnv)) m_old = old;
        if (value) setenv(kPassphraseEnv, value, 1);
        else unsetenv(kPassphraseEnv);
    }
    ~PassphraseEnv() {
        if (m_old.empty()) unsetenv(kPassphraseEnv);
        else setenv(kPassphraseEnv, m_old.c_str(), 1);
    }

private:
    std::string m_old;
};

class CommandsTest : public testing::Test {
protected:
    void SetUp() override {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        m_prefix = testing::TempDir() + "welkom_cmd_" + info->name() + "_";
    }
    void TearDown() override {
        for (const std::string& p : m_files) std::remove(p.c_str());
    }
    std::string path(const std::string& name) {
        m_files.push_back(m_prefix + name);
        return m_files.back();
    }
    std::string write(const std::string& name, const std::string& bytes) {
        const std::string p = path(name);
        EXPECT_TRUE(writeFile(p, bytes));
        return p;
    }
    static std::string read(const std::string& p) {
        auto r = readFile(p);
        return r ? *r : std::string{};
    }
    static bool exists(const std::string& p) { return std::ifstream(p).good(); }

    std::string fixtureCsv(const std::string& name) {
        return std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/" + name;
    }

    std::string m_prefix;
    std::vector<std::string> m_files;
};

// [SECTION] validate

TEST_F(CommandsTest, ValidateExitCodes) {
    Roster r = generateDemoRoster({10, 8, 2, 4});
    const std::string good = write("good.json", writeRoster(r));
    RunResult ok = run(runValidate, {good});
    EXPECT_EQ(ok.code, kExitOk) << ok.err;
    EXPECT_NE(ok.err.find("0 errors"), std::string::npos) << ok.err;

    r.households[0].members[0].age = 200;
    const std::string bad = write("bad.json", writeRoster(r));
    RunResult err = run(runValidate, {bad});
    EXPECT_EQ(err.code, kExitProblems);
    EXPECT_NE(err.out.find("/households/0/members/0/age: age must be between 0 and 110\n"), std::string::npos)
        << err.out;
    // Errors come before warnings.
    EXPECT_EQ(err.out.find("/households/0/members/0/age"), 0u) << err.out;
    RunResult nl = run(runValidate, {"--lang", "nl", bad});
    EXPECT_NE(nl.out.find("/households/0/members/0/age: leeftijd moet tussen 0 en 110 liggen"), std::string::npos)
        << nl.out;

    EXPECT_EQ(run(runValidate, {write("not.json", "naam,gemeente\n")}).code, kExitProblems);
    EXPECT_EQ(run(runValidate, {m_prefix + "missing.json"}).code, kExitIo);
    EXPECT_EQ(run(runValidate, {}).code, kExitUsage);
    EXPECT_EQ(run(runValidate, {"--lang", "fr", good}).code, kExitUsage);
    EXPECT_EQ(run(runValidate, {"--bogus", good}).code, kExitUsage);
    RunResult help = run(runValidate, {"--help"});
    EXPECT_EQ(help.code, kExitOk);
    EXPECT_NE(help.out.find("usage: welkom validate"), std::string::npos);
}

TEST_F(CommandsTest, ValidateWithWarningsOnlyExitsZero) {
    Roster r = generateDemoRoster({5, 3, 1, 9});
    r.groups[0].consent.toMatching = false;  // a warning, not an error
    RunResult res = run(runValidate, {write("warn.json", writeRoster(r))});
    EXPECT_EQ(res.code, kExitOk);
    EXPECT_NE(res.out.find("/groups/0/consent/toMatching: "), std::string::npos) << res.out;
}

// [SECTION] demo

TEST_F(CommandsTest, DemoThenValidateRoundTripAndSameSeedSameBytes) {
    const std::string a = path("a.json"), b = path("b.json");
    const std::vector<std::string> opts = {"--households", "25", "--groups", "12", "--municipalities", "3", "--seed", "42"};
    std::vector<std::string> argsA = opts, argsB = opts;
    argsA.insert(argsA.end(), {"-o", a});
    argsB.insert(argsB.end(), {"-o", b});
    ASSERT_EQ(run(runDemo, argsA).code, kExitOk);
    ASSERT_EQ(run(runDemo, argsB).code, kExitOk);
    EXPECT_EQ(read(a), read(b));
    Result<LoadedRoster> loaded = loadRoster(read(a));
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->roster.households.size(), 25u);
    EXPECT_EQ(loaded->roster.groups.size(), 12u);
    EXPECT_TRUE(loaded->roster.isDemo);
    EXPECT_EQ(run(runValidate, {a}).code, kExitOk);

    EXPECT_EQ(run(runDemo, {"--households", "many", "-o", a}).code, kExitUsage);
    EXPECT_EQ(run(runDemo, {"--households", "5"}).code, kExitUsage);  // no -o
}

TEST_F(CommandsTest, DemoEncryptedValidatesWithThePassphrase) {
    PassphraseEnv env("vier woorden als wachtwoord");
    const std::string out = path("demo.age");
    ASSERT_EQ(run(runDemo, {"--households", "6", "--groups", "4", "--encrypt", "--work-factor", "10", "-o", out}).code,
              kExitOk);
    EXPECT_EQ(read(out).rfind("age-encryption.org/v1\n", 0), 0u);
    EXPECT_EQ(run(runValidate, {out}).code, kExitOk);
    PassphraseEnv wrong("een ander wachtwoord");
    RunResult res = run(runValidate, {out});
    EXPECT_EQ(res.code, kExitProblems);
    EXPECT_NE(res.err.find("Wrong passphrase"), std::string::npos) << res.err;
}

// [SECTION] encrypt / decrypt

TEST_F(CommandsTest, EncryptDecryptWithPassphraseFromEnvironment) {
    PassphraseEnv env("correct horse battery staple");
    const std::string plain = write("plain.bin", std::string("binary\0data\r\n\xff", 15));
    const std::string enc = path("x.age"), dec = path("x.out");
    ASSERT_EQ(run(runEncrypt, {"-p", "--work-factor", "10", "-o", enc, plain}).code, kExitOk);
    EXPECT_NE(read(enc), read(plain));
    ASSERT_EQ(run(runDecrypt, {"-o", dec, enc}).code, kExitOk);
    EXPECT_EQ(read(dec), read(plain));

    // Armored, and a wrong passphrase writes nothing.
    const std::string armored = path("x.age.txt"), none = path("none.out");
    ASSERT_EQ(run(runEncrypt, {"-p", "-a", "--work-factor", "10", "-o", armored, plain}).code, kExitOk);
    EXPECT_EQ(read(armored).rfind("-----BEGIN AGE ENCRYPTED FILE-----", 0), 0u);
    PassphraseEnv wrong("wrong horse");
    EXPECT_EQ(run(runDecrypt, {"-o", none, armored}).code, kExitProblems);
    EXPECT_FALSE(exists(none));
}

TEST_F(CommandsTest, EncryptDecryptWithIdentityFiles) {
    auto alice = X25519Identity::generate();
    auto bob = X25519Identity::generate();
    ASSERT_TRUE(alice && bob);
    const std::string aliceKey = write("alice.key", "# created: for a test\n" + alice->toString() + "\n");
    const std::string bobKey = write("bob.key", bob->toString() + "\r\n");
    const std::string recipients = write("recipients.txt", "# bob\n" + bob->recipient().toString() + "\n");
    const std::string roster = write("r.json", writeRoster(generateDemoRoster({4, 3, 1, 2})));
    const std::string enc = path("r.age"), dec = path("r.out");

    ASSERT_EQ(run(runEncrypt, {"-r", alice->recipient().toString(), "-R", recipients, "-o", enc, roster}).code, kExitOk);
    ASSERT_EQ(run(runDecrypt, {"-i", aliceKey, "-o", dec, enc}).code, kExitOk);
    EXPECT_EQ(read(dec), read(roster));
    std::remove(dec.c_str());
    ASSERT_EQ(run(runDecrypt, {"-i", bobKey, "-o", dec, enc}).code, kExitOk);
    EXPECT_EQ(read(dec), read(roster));
    EXPECT_EQ(run(runValidate, {"-i", bobKey, enc}).code, kExitOk);

    // Someone else's key: refused, nothing written.
    auto eve = X25519Identity::generate();
    const std::string eveKey = write("eve.key", eve->toString() + "\n");
    const std::string none = path("none.out");
    EXPECT_EQ(run(runDecrypt, {"-i", eveKey, "-o", none, enc}).code, kExitProblems);
    EXPECT_FALSE(exists(none));
    // Not an age file; a broken identity file; a bad recipient.
    EXPECT_EQ(run(runDecrypt, {"-i", eveKey, "-o", none, roster}).code, kExitProblems);
    EXPECT_EQ(run(runDecrypt, {"-i", write("broken.key", "AGE-SECRET-KEY-1NOPE\n"), "-o", none, enc}).code,
              kExitProblems);
    EXPECT_EQ(run(runEncrypt, {"-r", "age1nope", "-o", none, roster}).code, kExitUsage);
    EXPECT_FALSE(exists(none));
}

TEST_F(CommandsTest, EncryptNeedsExactlyOneKindOfKey) {
    PassphraseEnv env("some passphrase here");
    const std::string in = write("in.txt", "x");
    auto id = X25519Identity::generate();
    EXPECT_EQ(run(runEncrypt, {"-o", path("o"), in}).code, kExitUsage);
    EXPECT_EQ(run(runEncrypt, {"-p", "-r", id->recipient().toString(), "-o", path("o2"), in}).code, kExitUsage);
    EXPECT_EQ(run(runEncrypt, {"-p", in}).code, kExitUsage);
    EXPECT_EQ(run(runEncrypt, {"-p", "--work-factor", "99", "-o", path("o3"), in}).code, kExitUsage);
    EXPECT_EQ(run(runEncrypt, {"--help"}).code, kExitOk);
    EXPECT_EQ(run(runDecrypt, {"--help"}).code, kExitOk);
}

// [SECTION] import-csv / export-csv

TEST_F(CommandsTest, ImportDryRunWritesNothing) {
    const std::string out = path("out.json");
    RunResult res = run(runImportCsv, {"--households", fixtureCsv("households_en_comma.csv"), "--dry-run", "-o", out});
    EXPECT_EQ(res.code, kExitOk) << res.out << res.err;
    EXPECT_NE(res.out.find("Households to add: 2"), std::string::npos) << res.out;
    EXPECT_NE(res.out.find("h-1  Family Example"), std::string::npos) << res.out;
    EXPECT_FALSE(exists(out));
    // Errors: exit 1, nothing written, every problem printed with row and column.
    RunResult bad = run(runImportCsv, {"--households", fixtureCsv("households_broken.csv"), "-o", out});
    EXPECT_EQ(bad.code, kExitProblems);
    EXPECT_NE(bad.out.find("error: row 4, column C \"volwassene1_leeftijd\""), std::string::npos) << bad.out;
    EXPECT_FALSE(exists(out));
}

TEST_F(CommandsTest, ImportIntoRosterWritesAValidRoster) {
    const std::string base = write("base.json", writeRoster(generateDemoRoster({6, 4, 1, 5})));
    const std::string out = path("merged.json");
    RunResult res = run(runImportCsv, {"--members", fixtureCsv("members_nl.csv"), "--into", base, "-o", out});
    ASSERT_EQ(res.code, kExitOk) << res.out << res.err;
    Result<LoadedRoster> merged = loadRoster(read(out));
    ASSERT_TRUE(merged) << merged.error().message;
    EXPECT_EQ(merged->roster.groups.size(), 6u);
    EXPECT_EQ(merged->roster.groups[4].name, "Tuingroep Noord");
    EXPECT_EQ(run(runValidate, {out}).code, kExitOk);
}

TEST_F(CommandsTest, ImportKeepsTheEncryptionOfTheRosterUnlessToldOtherwise) {
    PassphraseEnv env("vier woorden als wachtwoord");
    const std::string base = path("base.age");
    ASSERT_EQ(run(runDemo, {"--households", "5", "--groups", "3", "--encrypt", "--work-factor", "10", "-o", base}).code,
              kExitOk);
    const std::string out = path("out.age");
    RunResult res = run(runImportCsv, {"--households", fixtureCsv("households_en_comma.csv"), "--into", base,
                                       "--work-factor", "10", "-o", out});
    ASSERT_EQ(res.code, kExitOk) << res.out << res.err;
    EXPECT_EQ(read(out).rfind("age-encryption.org/v1\n", 0), 0u);
    const std::string dec = path("out.json");
    ASSERT_EQ(run(runDecrypt, {"-o", dec, out}).code, kExitOk);
    Result<LoadedRoster> merged = loadRoster(read(dec));
    ASSERT_TRUE(merged);
    EXPECT_EQ(merged->roster.households.size(), 7u);

    const std::string plainOut = path("plain.json");
    ASSERT_EQ(run(runImportCsv, {"--households", fixtureCsv("households_en_comma.csv"), "--into", base, "--plain",
                                 "-o", plainOut})
                  .code,
              kExitOk);
    EXPECT_TRUE(loadRoster(read(plainOut)).ok());
}

TEST_F(CommandsTest, ImportUsageAndMapping) {
    const std::string csv = write("in.csv", "Hoe heet het gezin?;Stad;Leeftijd;Talen\nFamilie R;Delft;40;ar:native\n");
    const std::string out = path("o.json");
    EXPECT_EQ(run(runImportCsv, {"-o", out}).code, kExitUsage);
    EXPECT_EQ(run(runImportCsv, {"--households", csv, "--members", csv, "-o", out}).code, kExitUsage);
    EXPECT_EQ(run(runImportCsv, {"--households", csv}).code, kExitUsage);  // neither -o nor --dry-run
    EXPECT_EQ(run(runImportCsv, {"--households", m_prefix + "missing.csv", "-o", out}).code, kExitIo);
    EXPECT_EQ(run(runImportCsv, {"--households", csv, "--map", "nonsense", "-o", out}).code, kExitUsage);
    RunResult res = run(runImportCsv, {"--households", csv, "--map",
                                       "Hoe heet het gezin?=name,Stad=municipality,Leeftijd=adult1_age,Talen=adult1_languages",
                                       "-o", out});
    ASSERT_EQ(res.code, kExitOk) << res.out;
    Result<LoadedRoster> r = loadRoster(read(out));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->roster.households.size(), 1u);
    EXPECT_EQ(r->roster.households[0].municipality, "Delft");
}

TEST_F(CommandsTest, ExportCsvForMailMerge) {
    const std::string roster = write("r.json", writeRoster(generateDemoRoster({30, 20, 2, 11})));
    const std::string out = path("m.csv");
    ASSERT_EQ(run(runExportCsv, {roster, "-o", out, "--semicolon", "--lang", "nl"}).code, kExitOk);
    const std::string csv = read(out);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBFkoppeling;huishouden;groep;", 0), 0u) << csv.substr(0, 80);
    for (const char* forbidden : {"geslacht", "gender", "leeftijd", "age;", "talen", "notities"})
        EXPECT_EQ(csv.find(forbidden), std::string::npos) << forbidden;
    EXPECT_EQ(run(runExportCsv, {roster}).code, kExitUsage);
    EXPECT_EQ(run(runExportCsv, {write("bad.json", "{}"), "-o", out}).code, kExitProblems);
}

// [SECTION] passphrase source

TEST(Passphrase, ComesFromTheEnvironmentOrFailsWithoutTerminal) {
    {
        PassphraseEnv env("uit de omgeving");
        auto p = readPassphrase("x", true);
        ASSERT_TRUE(p);
        EXPECT_EQ(*p, "uit de omgeving");
    }
    PassphraseEnv unset(nullptr);
    const int tty = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (tty >= 0) {
        close(tty);
        GTEST_SKIP() << "a terminal is attached; the prompt would wait for input";
    }
    auto p = readPassphrase("x", false);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().code, "cli.no_passphrase");
    EXPECT_NE(p.error().message.find("WELKOM_PASSPHRASE"), std::string::npos);
}

}  // namespace
}  // namespace welkom::cli
