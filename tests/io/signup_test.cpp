// Programme keys in the roster and sign-up documents (issue #14): keys are
// kept in encrypted rosters only, export in age-keygen format, and sign-up
// files import all at once or are refused by name, leaving the roster as it was.
#include "io/signup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "core/roster_fixtures.h"
#include "io/age.h"
#include "io/programme_keys.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

using nlohmann::ordered_json;

constexpr const char* kCreated = "2026-11-30T09:15:00Z";

ProgrammeKey newKey(const char* created = kCreated) {
    Result<ProgrammeKey> k = createProgrammeKey(created);
    EXPECT_TRUE(k);
    return *k;
}

X25519Recipient recipientOf(const ProgrammeKey& k) { return X25519Identity::parse(k.identity)->recipient(); }

// A roster with one programme key (the fixture's fictitious people).
Roster rosterWithKey() {
    Roster r = testing::makeFixtureRoster();
    makeCurrentKey(r.signup, newKey());
    return r;
}

SignupDocument householdSignup(const Roster& r, const std::string& id = "s-7f3a") {
    SignupDocument d;
    d.form = SignupForm::Household;
    d.programmeName = r.programmeName;
    d.programmeFingerprint = keyFingerprint(recipientOf(r.signup.keys.front()));
    d.submitted = "2026-12-01";
    d.language = "ar";
    d.household.id = id;
    d.household.displayName = "Familie Testfictief";
    d.household.municipality = "Haarlem";
    HouseholdMember adult;
    adult.age = 34;
    adult.languages = {{"ar", LanguageLevel::Native}, {"nl", LanguageLevel::A1}};
    d.household.members = {adult};
    d.household.interests = {"cooking"};
    d.priorities = {{Criterion::Language, StatedImportance::VeryImportant},
                    {Criterion::Age, StatedImportance::NotImportant}};
    d.consent.toMatching = true;
    d.consent.toMatchingDate = "2026-12-01";
    return d;
}

SignupDocument memberSignup(const Roster& r, const std::string& memberId, const std::string& groupName) {
    SignupDocument d = householdSignup(r);
    d.form = SignupForm::GroupMember;
    d.household = {};
    d.member.id = memberId;
    d.member.name = "Testpersoon " + memberId;
    d.member.age = 41;
    d.member.languages = {{"nl", LanguageLevel::Native}};
    d.groupName = groupName;
    d.groupMunicipality = "Haarlem";
    return d;
}

SignupFile encrypted(const std::string& name, const std::string& json, const X25519Recipient& to) {
    Result<AgeBytes> enc = ageEncrypt(AgeBytes(json.begin(), json.end()), {to});
    EXPECT_TRUE(enc);
    return {name, std::string(enc->begin(), enc->end())};
}

SignupFile encrypted(const std::string& name, const SignupDocument& d, const Roster& r) {
    return encrypted(name, writeSignupDocument(d), recipientOf(r.signup.keys.front()));
}

std::string refusalCode(const SignupFileOutcome& f) { return f.refusal ? f.refusal->code : std::string("(none)"); }

// ---- Programme keys ----

TEST(ProgrammeKeys, CreateGivesAnAgeIdentityAndRefusesABadTime) {
    const ProgrammeKey k = newKey();
    EXPECT_TRUE(X25519Identity::parse(k.identity));
    EXPECT_EQ(k.created, kCreated);
    EXPECT_NE(newKey().identity, k.identity);
    for (const char* bad : {"2026-11-30", "2026-11-30 09:15:00Z", "2026-02-30T09:15:00Z", "2026-11-30T24:00:00Z",
                            "2026-11-30T09:15:00+01:00"}) {
        Result<ProgrammeKey> r = createProgrammeKey(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, "signup.key_date");
    }
}

TEST(ProgrammeKeys, ReplacingKeepsTheOldKeySecond) {
    SignupSetup s;
    EXPECT_EQ(programmeIdentities(s).error().code, "signup.no_key");
    EXPECT_EQ(programmeRecipient(s).error().code, "signup.no_key");
    const ProgrammeKey first = newKey("2026-01-01T00:00:00Z"), second = newKey("2026-06-01T00:00:00Z");
    makeCurrentKey(s, first);
    makeCurrentKey(s, second);
    ASSERT_EQ(s.keys.size(), 2u);
    EXPECT_EQ(s.keys[0], second);
    EXPECT_EQ(s.keys[1], first);
    EXPECT_EQ(*programmeRecipient(s), recipientOf(second));
    EXPECT_EQ(programmeIdentities(s)->size(), 2u);
}

TEST(ProgrammeKeys, IdentityFileIsAgeKeygenFormatCurrentKeyFirst) {
    SignupSetup s;
    const ProgrammeKey old = newKey("2026-01-01T00:00:00Z"), current = newKey("2026-06-01T00:00:00Z");
    makeCurrentKey(s, old);
    makeCurrentKey(s, current);
    const std::string text = *identityFileText(s);
    const std::string expected = "# created: 2026-06-01T00:00:00Z\n# public key: " + recipientOf(current).toString() +
                                 "\n" + current.identity + "\n\n# created: 2026-01-01T00:00:00Z\n# public key: " +
                                 recipientOf(old).toString() + "\n" + old.identity + "\n";
    EXPECT_EQ(text, expected);
    Result<std::vector<X25519Identity>> parsed = parseAgeIdentityFile(text);
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->size(), 2u);
    EXPECT_EQ((*parsed)[0].toString(), current.identity);
    EXPECT_EQ((*parsed)[1].toString(), old.identity);
    EXPECT_EQ(identityFileText(SignupSetup{}).error().code, "signup.no_key");
}

TEST(ProgrammeKeys, FingerprintIsFourGroupsOfTheKeysSha256) {
    const X25519Recipient r = recipientOf(newKey());
    const std::string f = keyFingerprint(r);
    ASSERT_EQ(f.size(), 19u);
    EXPECT_EQ(f, keyFingerprint(r));
    const std::string h = sha256Hex(std::string(r.bytes().begin(), r.bytes().end()));
    EXPECT_EQ(f, h.substr(0, 4) + "-" + h.substr(4, 4) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4));
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// ---- Keys in the roster file ----

TEST(RosterSignupKeys, KeptInFilesForEncryptionAndLeftOutOfPlainOutput) {
    Roster r = rosterWithKey();
    makeCurrentKey(r.signup, newKey("2026-12-01T10:00:00Z"));
    r.signup.importedSignups = {sha256Hex("one")};
    RosterWriteOptions forEncryption;
    forEncryption.includeProgrammeKeys = true;
    Result<LoadedRoster> back = loadRoster(writeRoster(r, forEncryption));
    ASSERT_TRUE(back) << back.error().code;
    EXPECT_EQ(back->roster, r);

    const std::string plain = writeRoster(r);
    EXPECT_EQ(plain.find("AGE-SECRET-KEY"), std::string::npos);
    for (const ProgrammeKey& k : r.signup.keys) EXPECT_EQ(plain.find(k.identity), std::string::npos);
    Result<LoadedRoster> plainBack = loadRoster(plain);
    ASSERT_TRUE(plainBack);
    EXPECT_TRUE(plainBack->roster.signup.keys.empty());
    EXPECT_EQ(plainBack->roster.signup.importedSignups, r.signup.importedSignups);
}

TEST(RosterSignupKeys, OlderRostersWithoutTheSectionReadAsBefore) {
    const Roster r = testing::makeFixtureRoster();
    const std::string bytes = writeRoster(r);
    EXPECT_EQ(bytes.find("\"signup\""), std::string::npos);  // nothing new in files without keys
    Result<LoadedRoster> back = loadRoster(bytes);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->roster.signup, SignupSetup{});
    EXPECT_EQ(back->roster, r);
}

TEST(RosterSignupKeys, DamagedKeysAreErrorsAtTheirPathAndUnknownFieldsAreKept) {
    const Roster r = rosterWithKey();
    RosterWriteOptions o;
    o.includeProgrammeKeys = true;
    ordered_json j = ordered_json::parse(writeRoster(r, o));
    j["signup"]["keys"][0]["identity"] = "AGE-SECRET-KEY-1NOTAKEY";
    j["signup"]["keys"][0]["created"] = "yesterday";
    std::vector<Problem> problems;
    EXPECT_FALSE(loadRoster(j.dump(), &problems));
    auto at = [&](const std::string& path) {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const Problem& p) { return p.path == path && p.code == "json.type"; });
    };
    EXPECT_TRUE(at("/signup/keys/0/identity"));
    EXPECT_TRUE(at("/signup/keys/0/created"));

    j = ordered_json::parse(writeRoster(r, o));
    j["signup"]["keys"][0]["label"] = "flyer 2026";
    j["signup"]["future"] = 1;
    Result<LoadedRoster> kept = loadRoster(j.dump());
    ASSERT_TRUE(kept);
    EXPECT_NE(writeRoster(kept->roster, o).find("\"label\":\"flyer 2026\""), std::string::npos);
    EXPECT_NE(writeRoster(kept->roster, o).find("\"future\":1"), std::string::npos);
}

// ---- The sign-up document ----

TEST(SignupDocument, HouseholdFormRoundTrips) {
    const Roster r = rosterWithKey();
    const SignupDocument d = householdSignup(r);
    SignupReadResult read = readSignupDocument(writeSignupDocument(d), "a.age");
    ASSERT_TRUE(read.document) << (read.refusal ? read.refusal->code : "");
    EXPECT_TRUE(read.problems.empty());
    EXPECT_EQ(read.document->household.id, d.household.id);
    EXPECT_EQ(read.document->household.members, d.household.members);
    EXPECT_EQ(read.document->household.consent.toMatchingDate, "2026-12-01");
    EXPECT_EQ(read.document->programmeFingerprint, d.programmeFingerprint);
    ASSERT_EQ(read.document->priorities.size(), 2u);
    EXPECT_EQ(read.document->priorities[0].criterion, Criterion::Language);
    EXPECT_EQ(read.document->priorities[0].importance, StatedImportance::VeryImportant);
}

TEST(SignupDocument, RefusalsNameWhatIsWrong) {
    const Roster r = rosterWithKey();
    const ordered_json good = ordered_json::parse(writeSignupDocument(householdSignup(r)));
    auto refusal = [](const std::string& json) {
        SignupReadResult read = readSignupDocument(json, "x.age");
        EXPECT_FALSE(read.document);
        return read.refusal ? read.refusal->code + (read.refusal->args.size() > 1 ? " " + read.refusal->args[1].text : "")
                            : std::string("(accepted)");
    };
    auto edited = [&](auto edit) {
        ordered_json j = good;
        edit(j);
        return j.dump();
    };
    EXPECT_EQ(refusal("not json"), "signup.not_signup");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["format"] = "welkom-roster"; })), "signup.not_signup");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["version"] = 2; })), "signup.too_new");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j.erase("consent"); })), "signup.invalid /consent");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["consent"].erase("date"); })), "signup.invalid /consent/date");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["priorities"]["age"] = "a bit"; })),
              "signup.invalid /priorities/age");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["priorities"]["height"] = "important"; })),
              "signup.invalid /priorities/height");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["form"] = "group-member"; })), "signup.invalid /groupMember");
    // Group parts belong to a group member's form; in a household's they would be lost on writing.
    EXPECT_EQ(refusal(edited([](ordered_json& j) {
                  j["group"] = {{"name", "Buurtgroep Fictief"}, {"municipality", "Haarlem"}};
              })),
              "signup.invalid /group");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["isGroupCoordinator"] = false; })),
              "signup.invalid /isGroupCoordinator");
    EXPECT_EQ(refusal(edited([](ordered_json& j) { j["programme"].erase("fingerprint"); })),
              "signup.invalid /programme/fingerprint");
    // Two "household" members: which one was meant is unclear.
    std::string twice = good.dump();
    twice.insert(twice.size() - 1, ",\"household\":{}");
    EXPECT_EQ(refusal(twice), "signup.repeated_field");
    // Deep nesting and too many members are refused before any tree is built.
    std::string deep = good.dump();
    deep.insert(deep.size() - 1, ",\"x\":" + std::string(40, '[') + std::string(40, ']'));
    EXPECT_EQ(refusal(deep), "signup.too_deep");
    EXPECT_EQ(refusal(edited([](ordered_json& j) {
                  for (int i = 0; i < 101; ++i) j["household"]["members"].push_back({{"age", 30}});
              })),
              "signup.too_large");
    EXPECT_EQ(refusal(std::string(kMaxSignupBytes + 1, ' ')), "signup.too_large");
}

TEST(SignupDocument, RecordTypeProblemsAreRosterProblemsInsideTheDocument) {
    const Roster r = rosterWithKey();
    ordered_json j = ordered_json::parse(writeSignupDocument(householdSignup(r)));
    j["household"]["members"][0]["age"] = "thirty";
    SignupReadResult read = readSignupDocument(j.dump(), "x.age");
    ASSERT_TRUE(read.document);
    ASSERT_EQ(read.problems.size(), 1u);
    EXPECT_EQ(read.problems[0].path, "/household/members/0/age");
    EXPECT_EQ(read.problems[0].code, "json.type");
}

// ---- Importing sign-up files ----

TEST(SignupImport, HouseholdsAndMembersAreAddedAllAtOnce) {
    Roster r = rosterWithKey();
    const Roster before = r;
    SignupDocument noConsent = householdSignup(r, "s-2222");
    noConsent.consent = {};
    noConsent.consent.toMatchingDate = "";
    const std::vector<SignupFile> files = {
        encrypted("a.welkom-signup.age", householdSignup(r, "s-1111"), r),
        encrypted("b.welkom-signup.age", noConsent, r),
        encrypted("c.welkom-signup.age", memberSignup(r, "p1", "Buurtgroep Fictief"), r),
        encrypted("d.welkom-signup.age", memberSignup(r, "p2", "Buurtgroep Fictief"), r),
    };
    SignupDocument existing = memberSignup(r, "p3", "");
    existing.groupName.clear();
    existing.groupCode = "g1";
    std::vector<SignupFile> all = files;
    all.push_back(encrypted("e.welkom-signup.age", existing, r));

    const SignupImportPreview p = previewSignupImport(r, all);
    for (const SignupFileOutcome& f : p.files) EXPECT_FALSE(f.refusal) << f.name << " " << refusalCode(f);
    EXPECT_FALSE(p.hasErrors());
    EXPECT_EQ(r, before);  // a preview changes nothing
    ASSERT_TRUE(applySignupImport(r, p));
    EXPECT_EQ(r.households.size(), before.households.size() + 2);
    const Household& h = r.households[before.households.size()];
    EXPECT_EQ(h.id, "s-1111");
    EXPECT_TRUE(h.consent.toMatching);
    EXPECT_FALSE(r.households.back().consent.toMatching);  // no consent: imported, never matched
    // The stated priorities are the record's own fields now, not an unknown one.
    StatedPriorities stated;
    stated[Criterion::Language] = StatedImportance::VeryImportant;
    stated[Criterion::Age] = StatedImportance::NotImportant;
    EXPECT_EQ(h.statedPriorities, stated);
    EXPECT_TRUE(std::none_of(h.extra.begin(), h.extra.end(), [](const auto& e) { return e.first == "statedPriorities"; }));
    EXPECT_EQ(r.groups.back().members.front().statedPriorities, stated);  // a member's, likewise
    ASSERT_EQ(r.groups.size(), before.groups.size() + 1);
    EXPECT_EQ(r.groups.back().name, "Buurtgroep Fictief");
    EXPECT_EQ(r.groups.back().members.size(), 2u);
    EXPECT_EQ(r.groups[0].members.back().id, "p3");
    EXPECT_EQ(r.signup.importedSignups.size(), 5u);

    // The same files again: each a repeat, nothing changes.
    const Roster imported = r;
    const SignupImportPreview again = previewSignupImport(r, files);
    ASSERT_EQ(again.files.size(), files.size());
    for (const SignupFileOutcome& f : again.files) EXPECT_EQ(refusalCode(f), "signup.repeat") << f.name;
    EXPECT_FALSE(applySignupImport(r, again));
    EXPECT_EQ(r, imported);
}

TEST(SignupImport, HostileFilesAreRefusedByNameAndNothingIsImported) {
    Roster r = rosterWithKey();
    const Roster before = r;
    const SignupDocument d = householdSignup(r);
    const SignupFile good = encrypted("good.age", d, r);

    SignupFile tamperedPayload = good;
    tamperedPayload.bytes[tamperedPayload.bytes.size() - 5] ^= 1;
    SignupFile tamperedHeader = good;
    tamperedHeader.bytes[tamperedHeader.bytes.find("\n--- ") + 8] ^= 1;  // the header MAC
    SignupFile truncated = good;
    truncated.bytes.resize(truncated.bytes.size() - 20);
    const SignupFile otherKey = encrypted("other-key.age", writeSignupDocument(d), recipientOf(newKey()));
    SignupDocument otherProgramme = householdSignup(r, "s-other");
    otherProgramme.programmeName = "Ander Programma";
    otherProgramme.programmeFingerprint = keyFingerprint(recipientOf(newKey()));
    SignupDocument deep = householdSignup(r, "s-deep");
    std::string deepJson = writeSignupDocument(deep);
    deepJson.insert(deepJson.rfind('}'), ",\"x\":" + std::string(100, '[') + std::string(100, ']'));
    const std::string notAge = "this is not an age file";

    const std::vector<std::pair<SignupFile, std::string>> cases = {
        {{"tampered-payload.age", tamperedPayload.bytes}, "signup.damaged"},
        {{"tampered-header.age", tamperedHeader.bytes}, "signup.damaged"},
        {{"truncated.age", truncated.bytes}, "signup.damaged"},
        {{"not-age.txt", notAge}, "signup.damaged"},
        {otherKey, "signup.wrong_key"},
        {encrypted("other-programme.age", otherProgramme, r), "signup.other_programme"},
        {encrypted("deep.age", deepJson, recipientOf(r.signup.keys.front())), "signup.too_deep"},
        {{"huge.age", std::string(kMaxSignupFileBytes + 1, 'a')}, "signup.too_large"},
    };
    for (const auto& [file, code] : cases) {
        const SignupImportPreview p = previewSignupImport(r, {good, file});
        ASSERT_EQ(p.files.size(), 2u);
        EXPECT_FALSE(p.files[0].refusal);
        EXPECT_EQ(refusalCode(p.files[1]), code) << file.name;
        EXPECT_EQ(p.files[1].refusal->args[0].text, file.name);
        EXPECT_TRUE(p.hasErrors());
        EXPECT_FALSE(applySignupImport(r, p));
        EXPECT_EQ(r, before) << file.name;
    }
    // The same sign-up twice in one batch, and an id the roster already has.
    const SignupImportPreview twice = previewSignupImport(r, {good, {"copy.age", good.bytes}});
    EXPECT_EQ(refusalCode(twice.files[1]), "signup.repeat_in_batch");
    EXPECT_EQ(twice.files[1].refusal->args[1].text, "good.age");
    const SignupImportPreview taken = previewSignupImport(r, {encrypted("h1.age", householdSignup(r, "h1"), r)});
    EXPECT_EQ(refusalCode(taken.files[0]), "signup.id_taken");
    SignupDocument unknownGroup = memberSignup(r, "p9", "");
    unknownGroup.groupName.clear();
    unknownGroup.groupCode = "g404";
    EXPECT_EQ(refusalCode(previewSignupImport(r, {encrypted("g.age", unknownGroup, r)}).files[0]),
              "signup.unknown_group");
}

TEST(SignupImport, OldKeysStillOpenAndAnExportedKeyCanStandIn) {
    Roster r = rosterWithKey();
    const SignupFile toOldKey = encrypted("old.age", householdSignup(r, "s-old"), r);
    makeCurrentKey(r.signup, newKey("2026-12-02T08:00:00Z"));
    const SignupImportPreview p = previewSignupImport(r, {toOldKey, encrypted("new.age", householdSignup(r, "s-new"), r)});
    EXPECT_FALSE(p.hasErrors()) << refusalCode(p.files[0]) << " " << refusalCode(p.files[1]);

    // Without keys in the roster: refused as a whole, unless -i gives one.
    Roster keyless = r;
    keyless.signup.keys.clear();
    const SignupImportPreview none = previewSignupImport(keyless, {toOldKey});
    ASSERT_TRUE(none.refusal);
    EXPECT_EQ(none.refusal->code, "signup.no_key");
    const std::vector<X25519Identity> exported = *parseAgeIdentityFile(*identityFileText(r.signup));
    EXPECT_FALSE(previewSignupImport(keyless, {toOldKey}, exported).hasErrors());
}

TEST(SignupImport, ProbableDuplicatesByFoldedNameAndAgeAreShownNotRefused) {
    Roster r = rosterWithKey();
    SignupDocument again = householdSignup(r, "s-again");
    again.household.displayName = r.households[0].displayName;
    again.household.members[0].age = r.households[0].members[0].age;
    SignupDocument sameNameOtherAge = householdSignup(r, "s-other-age");
    sameNameOtherAge.household.displayName = r.households[0].displayName;
    sameNameOtherAge.household.members = {HouseholdMember{}};
    sameNameOtherAge.household.members[0].age = 99;
    SignupDocument first = memberSignup(r, "p1", "Buurtgroep Fictief");
    SignupDocument second = memberSignup(r, "p2", "Buurtgroep Fictief");
    second.member.name = "TESTPERSOON p1";  // the same person as p1, written otherwise
    const SignupImportPreview p = previewSignupImport(
        r, {encrypted("a.age", again, r), encrypted("b.age", sameNameOtherAge, r), encrypted("c.age", first, r),
            encrypted("d.age", second, r)});
    EXPECT_FALSE(p.hasErrors());
    EXPECT_EQ(p.files[0].probableDuplicates, std::vector<std::string>{r.households[0].id});
    EXPECT_TRUE(p.files[1].probableDuplicates.empty());
    EXPECT_TRUE(p.files[2].probableDuplicates.empty());
    EXPECT_EQ(p.files[3].probableDuplicates, std::vector<std::string>{"p1"});
}

TEST(SignupImport, MergedRosterIsValidatedBeforeAnythingApplies) {
    Roster r = rosterWithKey();
    SignupDocument tooOld = householdSignup(r, "s-old-age");
    tooOld.household.members[0].age = 140;
    const SignupImportPreview p = previewSignupImport(r, {encrypted("a.age", tooOld, r)});
    EXPECT_FALSE(p.files[0].refusal);
    EXPECT_TRUE(p.hasErrors());
    EXPECT_TRUE(std::any_of(p.problems.begin(), p.problems.end(),
                            [](const Problem& q) { return q.path.find("/members/0/age") != std::string::npos; }));
}

}  // namespace
}  // namespace welkom
