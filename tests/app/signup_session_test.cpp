// The coordinator's side of sign-up in the app (issue #14): programme keys
// created, replaced and deleted as undoable edits, the links and their QR
// codes, the key export, and sign-up files previewed in the job and applied
// as one undoable step, or refused by name with the roster unchanged.
#include "app/signup_session.h"

#include <gtest/gtest.h>

#include "app/commands.h"
#include "app/jobs.h"
#include "app_fixtures.h"
#include "io/age.h"
#include "io/programme_keys.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

constexpr const char* kNow = "2027-03-01T10:15:00Z";

AppState openWithKey() {
    AppState state;
    state.clock.today = "2027-03-01";
    applyCommand(state, OpenFile{"voorbeeld.json", writeRoster(oneHouseholdRoster())});
    applyCommand(state, SetUtcTime{kNow});
    applyCommand(state, CreateProgrammeKey{});
    return state;
}

X25519Recipient currentRecipient(const AppState& state) {
    return *programmeRecipient(state.document->roster.signup);
}

SignupDocument householdSignup(const AppState& state, const std::string& id, const std::string& name) {
    SignupDocument d;
    d.form = SignupForm::Household;
    d.programmeName = state.document->roster.programmeName;
    d.programmeFingerprint = keyFingerprint(currentRecipient(state));
    d.submitted = "2027-03-01";
    d.household.id = id;
    d.household.displayName = name;
    d.household.municipality = "Voorbeeldstad";
    HouseholdMember adult;
    adult.age = 29;
    adult.languages = {{"uk", LanguageLevel::Native}};
    d.household.members = {adult};
    d.consent.toMatching = true;
    d.consent.toMatchingDate = "2027-03-01";
    return d;
}

SignupFile sealed(const std::string& name, const SignupDocument& d, const X25519Recipient& to) {
    const std::string json = writeSignupDocument(d);
    Result<AgeBytes> enc = ageEncrypt(AgeBytes(json.begin(), json.end()), {to});
    EXPECT_TRUE(enc);
    return {name, std::string(enc->begin(), enc->end())};
}

void importFiles(AppState& state, std::vector<SignupFile> files) {
    applyCommand(state, ImportSignupFiles{std::move(files)});
    runJobsInline(state);
}

TEST(AppSignupLinks, PageNextToTheAppAndTheFixedLinkFormat) {
    EXPECT_EQ(signupPageUrl("https://example.org/tools/welkom/index.html?lang=nl#x", false),
              "https://example.org/tools/welkom/signup.html");
    EXPECT_EQ(signupPageUrl("https://example.org/welkom/", false), "https://example.org/welkom/signup.html");
    EXPECT_EQ(signupPageUrl("file:///media/usb/welkom.html", true), "file:///media/usb/welkom-signup.html");
    EXPECT_EQ(signupLink("https://example.org/signup.html", SignupForm::GroupMember, "Samen Hier Haarlem & Co", "age1abc"),
              "https://example.org/signup.html#v=1&form=group-member&programme=Samen%20Hier%20Haarlem%20%26%20Co&key=age1abc");
    EXPECT_EQ(percentEncode("Zoë/ü~-._"), "Zo%C3%AB%2F%C3%BC~-._");
}

TEST(AppSignupKeys, CreateIsAnUndoableEditWithTheClocksTime) {
    AppState state;
    applyCommand(state, OpenFile{"voorbeeld.json", writeRoster(oneHouseholdRoster())});
    applyCommand(state, CreateProgrammeKey{});  // no time from the platform yet
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "signup.key_date");
    EXPECT_TRUE(state.document->roster.signup.keys.empty());

    applyCommand(state, SetUtcTime{"not a time"});
    applyCommand(state, SetUtcTime{kNow});
    applyCommand(state, CreateProgrammeKey{});
    ASSERT_EQ(state.document->roster.signup.keys.size(), 1u);
    EXPECT_EQ(state.document->roster.signup.keys[0].created, kNow);
    EXPECT_TRUE(state.unsaved);
    EXPECT_EQ(state.history.undoLabel(), "Create programme key");
    const Result<std::string> link = rosterSignupLink(state.document->roster, state.ui.signupPageUrl, SignupForm::Household);
    ASSERT_TRUE(link);
    EXPECT_EQ(*link, "signup.html#v=1&form=household&programme=Voorbeeldstad%202027&key=" +
                         currentRecipient(state).toString());

    applyCommand(state, UndoEdit{});
    EXPECT_TRUE(state.document->roster.signup.keys.empty());
    EXPECT_EQ(rosterSignupLink(state.document->roster, "", SignupForm::Household).error().code, "signup.no_key");
}

TEST(AppSignupKeys, ReplaceKeepsTheOldKeyAndOnlyOldKeysAreDeleted) {
    AppState state = openWithKey();
    const std::string first = currentRecipient(state).toString();
    applyCommand(state, SetUtcTime{"2027-04-01T08:00:00Z"});
    applyCommand(state, CreateProgrammeKey{});
    EXPECT_EQ(state.history.undoLabel(), "Replace programme key");
    std::vector<ProgrammeKeyInfo> keys = programmeKeyInfos(state.document->roster.signup);
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_NE(keys[0].publicKey, first);
    EXPECT_EQ(keys[1].publicKey, first);
    EXPECT_EQ(keys[1].created, kNow);
    EXPECT_EQ(keys[1].fingerprint.size(), 19u);

    applyCommand(state, DeleteProgrammeKey{keys[0].publicKey});  // the current key: never
    EXPECT_EQ(state.document->roster.signup.keys.size(), 2u);
    applyCommand(state, DeleteProgrammeKey{first});
    keys = programmeKeyInfos(state.document->roster.signup);
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_NE(keys[0].publicKey, first);
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.signup.keys.size(), 2u);
}

TEST(AppSignupKeys, ExportAndQrCodeAreDownloads) {
    AppState state = openWithKey();
    applyCommand(state, ExportProgrammeKeys{});
    applyCommand(state, SaveSignupQrCode{SignupForm::GroupMember});
    ASSERT_EQ(state.filesToSave.size(), 2u);
    EXPECT_EQ(state.filesToSave[0].name, "programme-key.txt");
    EXPECT_NE(state.filesToSave[0].bytes.find("# public key: " + currentRecipient(state).toString()), std::string::npos);
    EXPECT_NE(state.filesToSave[0].bytes.find("AGE-SECRET-KEY-1"), std::string::npos);
    EXPECT_EQ(state.filesToSave[1].name, "signup-group-member-qr.svg");
    EXPECT_EQ(state.filesToSave[1].mimeType, "image/svg+xml");
    EXPECT_NE(state.filesToSave[1].bytes.find("<svg"), std::string::npos);

    applyCommand(state, CopyText{"https://example.org/signup.html#v=1"});
    EXPECT_EQ(state.clipboardText.value_or(""), "https://example.org/signup.html#v=1");
}

TEST(AppSignupImport, PreviewThenOneUndoableImport) {
    AppState state = openWithKey();
    const X25519Recipient key = currentRecipient(state);
    SignupDocument member = householdSignup(state, "s-m1", "Testpersoon Een");
    member.form = SignupForm::GroupMember;
    member.household = {};
    member.member.id = "s-m1";
    member.member.name = "Testpersoon Een";
    member.member.age = 41;
    member.member.languages = {{"nl", LanguageLevel::Native}};
    member.groupName = "Buurtgroep Fictief";
    member.groupMunicipality = "Voorbeeldstad";
    importFiles(state, {sealed("a.welkom-signup.age", householdSignup(state, "s-h1", "Familie Proef"), key),
                        sealed("b.welkom-signup.age", member, key)});
    ASSERT_TRUE(state.signupImport);
    const SignupImportPreview& preview = state.signupImport->preview;
    ASSERT_EQ(preview.files.size(), 2u);
    EXPECT_FALSE(preview.hasErrors());
    EXPECT_EQ(preview.files[0].recordId, "s-h1");
    EXPECT_TRUE(preview.files[1].newGroup);
    EXPECT_EQ(state.document->roster.households.size(), 1u);  // nothing applied yet

    applyCommand(state, ConfirmSignupImport{});
    EXPECT_FALSE(state.signupImport);
    EXPECT_EQ(state.document->roster.households.size(), 2u);
    EXPECT_EQ(state.document->roster.groups.size(), 1u);
    EXPECT_EQ(state.document->roster.signup.importedSignups.size(), 2u);
    EXPECT_EQ(state.document->roster.signup.keys.size(), 1u);  // the keys came back through the worker intact
    EXPECT_EQ(state.history.undoLabel(), "Import 2 sign-ups");
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.households.size(), 1u);
    EXPECT_TRUE(state.document->roster.groups.empty());
    EXPECT_TRUE(state.document->roster.signup.importedSignups.empty());
}

TEST(AppSignupImport, RepeatForeignAndDamagedFilesAreRefusedByNameAndChangeNothing) {
    AppState state = openWithKey();
    const X25519Recipient key = currentRecipient(state);
    const SignupFile first = sealed("a.welkom-signup.age", householdSignup(state, "s-h1", "Familie Proef"), key);
    importFiles(state, {first});
    applyCommand(state, ConfirmSignupImport{});
    ASSERT_EQ(state.document->roster.households.size(), 2u);
    const Roster before = state.document->roster;
    const std::uint64_t revision = state.editRevision;

    Result<X25519Identity> other = X25519Identity::generate();
    SignupFile damaged = sealed("c.welkom-signup.age", householdSignup(state, "s-h3", "Familie Drie"), key);
    damaged.bytes[damaged.bytes.size() - 5] ^= 0x40;
    importFiles(state, {first, sealed("b.welkom-signup.age", householdSignup(state, "s-h2", "Familie Twee"),
                                      other->recipient()),
                        damaged});
    ASSERT_TRUE(state.signupImport);
    const SignupImportPreview& preview = state.signupImport->preview;
    ASSERT_EQ(preview.files.size(), 3u);
    ASSERT_TRUE(preview.files[0].refusal && preview.files[1].refusal && preview.files[2].refusal);
    EXPECT_EQ(preview.files[0].refusal->code, "signup.repeat");
    EXPECT_EQ(preview.files[1].refusal->code, "signup.wrong_key");
    EXPECT_EQ(preview.files[2].refusal->code, "signup.damaged");
    EXPECT_TRUE(preview.hasErrors());

    applyCommand(state, ConfirmSignupImport{});
    EXPECT_EQ(state.errors.back().code, "signup.import_has_errors");
    EXPECT_EQ(state.document->roster, before);
    EXPECT_EQ(state.editRevision, revision);

    importFiles(state, {sealed("d.welkom-signup.age", householdSignup(state, "s-h4", "Familie Vier"), key)});
    applyCommand(state, CancelSignupImport{});
    EXPECT_FALSE(state.signupImport);
    EXPECT_EQ(state.document->roster, before);
}

TEST(AppSignupImport, AnEditAfterThePreviewMakesItStale) {
    AppState state = openWithKey();
    importFiles(state, {sealed("a.welkom-signup.age", householdSignup(state, "s-h1", "Familie Proef"),
                               currentRecipient(state))});
    ASSERT_TRUE(state.signupImport);
    applyCommand(state, RenameProgramme{"Voorbeeldstad 2028"});
    applyCommand(state, ConfirmSignupImport{});
    EXPECT_EQ(state.errors.back().code, "signup.stale");
    EXPECT_EQ(state.document->roster.households.size(), 1u);
    EXPECT_EQ(state.document->roster.programmeName, "Voorbeeldstad 2028");
}

TEST(AppSignupImport, NeedsAProgrammeKey) {
    AppState state;
    applyCommand(state, OpenFile{"voorbeeld.json", writeRoster(oneHouseholdRoster())});
    importFiles(state, {{"a.welkom-signup.age", "age-encryption.org/v1\n"}});
    EXPECT_EQ(state.errors.back().code, "signup.no_key");
    EXPECT_FALSE(state.signupImport);
}

TEST(AppSignupImport, PreviewCrossesTheWireAndDamageIsRefused) {
    AppState state = openWithKey();
    SignupImportPreview preview;
    preview.merged = state.document->roster;
    SignupFileOutcome f;
    f.name = "x.welkom-signup.age";
    // Every kind of argument crosses, a message inside a list inside a message included.
    f.refusal = message("signup.invalid", {Arg::textOf("x"), Arg::listOf({Arg::integerOf(-3),
                                                                          Arg::messageOf(message("problem.date.order"))})});
    f.problems.push_back({"/household/members/0/age", Severity::Warning, "age.range", {Arg::integerOf(0), Arg::integerOf(110)}});
    f.probableDuplicates = {"h1"};
    preview.files.push_back(f);
    const std::string wire = encodeSignupPreview(preview);
    Result<SignupImportPreview> back = decodeSignupPreview(wire);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->merged, preview.merged);
    ASSERT_EQ(back->files.size(), 1u);
    EXPECT_EQ(back->files[0].refusal, f.refusal);
    EXPECT_EQ(back->files[0].problems[0].args, f.problems[0].args);
    EXPECT_EQ(back->files[0].probableDuplicates, f.probableDuplicates);
    for (std::size_t cut = 0; cut < wire.size(); cut += 97) EXPECT_FALSE(decodeSignupPreview(wire.substr(0, cut))) << cut;

    const std::string request = encodeJobRequest(SignupPreviewJob{"{}", {{"a", "b"}}});
    Result<JobRequest> decoded = decodeJobRequest(request);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(std::get<SignupPreviewJob>(*decoded).files[0].second, "b");
    EXPECT_FALSE(decodeJobRequest(request.substr(0, request.size() - 1)));
}

TEST(AppSignupImport, FileNamesSayWhatIsASignup) {
    EXPECT_TRUE(isSignupFileName("aanmelding-3f9a.welkom-signup.age"));
    EXPECT_FALSE(isSignupFileName("haarlem.welkom.age"));
    EXPECT_FALSE(isSignupFileName("welkom-signup.age"));
}

}  // namespace
}  // namespace welkom
