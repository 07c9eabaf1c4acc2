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

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "app/text/messages.h"
#include "cli/command_runner.h"
#include "cli/passphrase.h"
#include "core/demo_roster.h"
#include "io/age.h"
#include "core/scoring.h"
#include "io/roster_json.h"

namespace welkom::cli {
namespace {

class CommandsTest : public CommandFilesTest {
protected:
    std::string fixtureCsv(const std::string& name) {
        return std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/" + name;
    }
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
    ASSERT_TRUE(loaded) << loaded.error().code;
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

// A roster saved to its team's keys (issue #14, item 7) and changed with one
// member's key is written back to every key of the team, as the app does.
TEST_F(CommandsTest, ARosterOnTeamKeysIsWrittenBackToTheWholeTeam) {
    auto anna = X25519Identity::generate();
    auto bram = X25519Identity::generate();
    ASSERT_TRUE(anna && bram);
    Roster r = generateDemoRoster({4, 3, 1, 2});
    r.team.keys.push_back({"Anna", anna->recipient().toString(), {}});
    r.team.keys.push_back({"Bram", bram->recipient().toString(), {}});
    const std::string plain = write("team.json", writeRoster(r));
    const std::string enc = path("team.age"), out = path("team-after.age"), dec = path("team-after.json");
    ASSERT_EQ(run(runEncrypt, {"-r", anna->recipient().toString(), "-r", bram->recipient().toString(), "-o", enc, plain})
                  .code,
              kExitOk);
    const std::string annaKey = write("anna.key", anna->toString() + "\n");
    const std::string bramKey = write("bram.key", bram->toString() + "\n");

    const RunResult imported = run(runImportCsv, {"--households", fixtureCsv("households_en_comma.csv"), "--into", enc,
                                                  "-i", bramKey, "-o", out});
    ASSERT_EQ(imported.code, kExitOk) << imported.err;
    ASSERT_EQ(run(runDecrypt, {"-i", annaKey, "-o", dec, out}).code, kExitOk) << "Anna still opens what Bram wrote";
    EXPECT_GT(loadRoster(read(dec))->roster.households.size(), r.households.size());
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
    // age's errors are codes; the command says them in words, naming the file and line.
    const std::string brokenKey = write("broken.key", "AGE-SECRET-KEY-1NOPE\n");
    const RunResult broken = run(runDecrypt, {"-i", brokenKey, "-o", none, enc});
    EXPECT_EQ(broken.code, kExitProblems);
    EXPECT_NE(broken.err.find(brokenKey + ": Line 1: Invalid age key: expected a secret key of the form "
                                          "AGE-SECRET-KEY-1... (74 characters)."),
              std::string::npos)
        << broken.err;
    const RunResult badRecipient = run(runEncrypt, {"-r", "age1nope", "-o", none, roster});
    EXPECT_EQ(badRecipient.code, kExitUsage);
    EXPECT_NE(badRecipient.err.find("-r age1nope: Invalid age key: expected a recipient of the form age1... (62 characters)."),
              std::string::npos)
        << badRecipient.err;
    EXPECT_FALSE(exists(none));
}

TEST_F(CommandsTest, EncryptNeedsExactlyOneKindOfKey) {
    PassphraseEnv env("some passphrase here");
    const std::string in = write("in.txt", "x");
    auto id = X25519Identity::generate();
    EXPECT_EQ(run(runEncrypt, {"-o", path("o"), in}).code, kExitUsage);
    EXPECT_EQ(run(runEncrypt, {"-p", "-r", id->recipient().toString(), "-o", path("o2"), in}).code, kExitUsage);
    EXPECT_EQ(run(runEncrypt, {"-p", in}).code, kExitUsage);
    const RunResult tooHigh = run(runEncrypt, {"-p", "--work-factor", "99", "-o", path("o3"), in});
    EXPECT_EQ(tooHigh.code, kExitUsage);
    EXPECT_FALSE(tooHigh.err.empty());
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

// Sheets as programmes keep them (tests/fixtures/csv): a Dutch Excel member
// list (Windows-1252, semicolons, line breaks in cells, per-member places,
// languages without a level, a Dutch level column) and an English form export
// of households (UTF-8 with BOM, Cyrillic names, a household without consent).
// Both import with exit status 0 and no errors; missing detail becomes
// warnings in words; the roster validates and a matching explains the
// languages whose level is unknown.
TEST_F(CommandsTest, ImportsSheetsAsProgrammesKeepThem) {
    const std::string members = fixtureCsv("members_nl_excel_cp1252.csv");
    const std::string households = fixtureCsv("households_en_form_utf8bom.csv");
    RunResult dryMembers = run(runImportCsv, {"--members", members, "--dry-run"});
    EXPECT_EQ(dryMembers.code, kExitOk) << dryMembers.out << dryMembers.err;
    EXPECT_NE(dryMembers.out.find("Windows-1252, separated by semicolons"), std::string::npos) << dryMembers.out;
    EXPECT_NE(dryMembers.out.find("\n0 errors, "), std::string::npos) << dryMembers.out;
    EXPECT_NE(dryMembers.out.find("Welcome groups to add: 2"), std::string::npos) << dryMembers.out;
    EXPECT_NE(dryMembers.out.find("members give different values in column Gemeente (Haarlem, Heemstede); the "
                                  "group's is Haarlem, from the coordinator's row"),
              std::string::npos)
        << dryMembers.out;
    EXPECT_NE(dryMembers.out.find("row 2, column J \"Talen\": the level of fr is not known"), std::string::npos)
        << dryMembers.out;
    RunResult dryNl = run(runImportCsv, {"--members", members, "--dry-run", "--lang", "nl"});
    EXPECT_NE(dryNl.out.find("het niveau van fr is niet bekend"), std::string::npos) << dryNl.out;

    RunResult dryHouseholds = run(runImportCsv, {"--households", households, "--dry-run"});
    EXPECT_EQ(dryHouseholds.code, kExitOk) << dryHouseholds.out << dryHouseholds.err;
    EXPECT_NE(dryHouseholds.out.find("UTF-8 with BOM, separated by commas"), std::string::npos) << dryHouseholds.out;
    EXPECT_NE(dryHouseholds.out.find("\n0 errors, "), std::string::npos) << dryHouseholds.out;
    EXPECT_NE(dryHouseholds.out.find("Households to add: 5"), std::string::npos) << dryHouseholds.out;
    EXPECT_NE(dryHouseholds.out.find("h-1  \xD0\xA0\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB0"), std::string::npos)
        << dryHouseholds.out;  // "Родина", the Cyrillic name as written
    EXPECT_NE(dryHouseholds.out.find("warning: row 5, column Q \"Consent to matching\": no consent to be matched"),
              std::string::npos)
        << dryHouseholds.out;
    EXPECT_NE(dryHouseholds.out.find("row 2, column G \"Adult 1 languages\": the level of uk is not known"),
              std::string::npos)
        << dryHouseholds.out;

    // The sheet's own words become codes; what is still unknown stays an own tag with a warning.
    EXPECT_NE(dryHouseholds.out.find("kept as own tag \"custom:learn the language\""), std::string::npos)
        << dryHouseholds.out;
    for (const char* recognised : {"\"a job\"", "\"studying\"", "\"evenings during the week\"", "\"Saturday morning\""})
        EXPECT_EQ(dryHouseholds.out.find(recognised), std::string::npos) << recognised << "\n" << dryHouseholds.out;

    // Both into one roster: it validates and a matching runs on it.
    const std::string withGroups = path("groups.json"), full = path("full.json");
    ASSERT_EQ(run(runImportCsv, {"--members", members, "-o", withGroups}).code, kExitOk);
    RunResult both = run(runImportCsv, {"--households", households, "--into", withGroups, "-o", full});
    ASSERT_EQ(both.code, kExitOk) << both.out << both.err;
    RunResult valid = run(runValidate, {full});
    EXPECT_EQ(valid.code, kExitOk) << valid.out << valid.err;
    EXPECT_NE(valid.out.find("/households/0/members/0/languages/uk: the level of uk is not known"),
              std::string::npos)
        << valid.out;
    Result<LoadedRoster> roster = loadRoster(read(full));
    ASSERT_TRUE(roster) << roster.error().code;
    const Household& kovalenko = roster->roster.households[0];
    EXPECT_EQ(kovalenko.members[0].languages.back(), (LanguageSkill{"nl", LanguageLevel::A1}));
    EXPECT_FALSE(roster->roster.households[3].consent.toMatching);
    EXPECT_EQ(kovalenko.goals, (std::vector<std::string>{"custom:learn the language", "find_work"}));
    EXPECT_TRUE(kovalenko.availability.evenings && !kovalenko.availability.weekends);
    EXPECT_TRUE(roster->roster.households[1].availability.weekends);
    RunResult matched = run(runMatch, {full, "--json"});
    ASSERT_EQ(matched.code, kExitOk) << matched.err;
    const auto j = nlohmann::ordered_json::parse(matched.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << matched.out;
    ASSERT_FALSE(j["matches"].empty()) << matched.out;
    const Scorer scorer(roster->roster);
    int explainedUnknown = 0;
    for (const auto& m : j["matches"]) {
        std::size_t h = 0, g = 0;
        while (roster->roster.households[h].id != m["householdId"].get<std::string>()) ++h;
        while (roster->roster.groups[g].id != m["groupId"].get<std::string>()) ++g;
        const auto explanation = scorer.explain(h, g);  // by value: keep it alive while its reason is read
        const Reason& why = explanation.soft[static_cast<std::size_t>(Criterion::Language)].reason;
        explainedUnknown += renderReason(why, false).find("level unknown for") != std::string::npos ? 1 : 0;
    }
    EXPECT_GT(explainedUnknown, 0) << matched.out;
}

TEST_F(CommandsTest, ImportIntoRosterWritesAValidRoster) {
    const std::string base = write("base.json", writeRoster(generateDemoRoster({6, 4, 1, 5})));
    const std::string out = path("merged.json");
    RunResult res = run(runImportCsv, {"--members", fixtureCsv("members_nl.csv"), "--into", base, "-o", out});
    ASSERT_EQ(res.code, kExitOk) << res.out << res.err;
    Result<LoadedRoster> merged = loadRoster(read(out));
    ASSERT_TRUE(merged) << merged.error().code;
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
    EXPECT_EQ(p.error().args, std::vector<Arg>{Arg::textOf("WELKOM_PASSPHRASE")});
}

}  // namespace
}  // namespace welkom::cli
