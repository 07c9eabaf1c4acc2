// Hostile and damaged files opened through the app, as a coordinator would
// (drop a file, maybe type a passphrase): each is refused with its own error
// code and a message that says what is wrong, and the roster that was already
// open stays exactly as it was, unsaved edit and undo step included.
// The readers' own limits and messages are tested in tests/io/.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "app/text/messages.h"
#include "app/text/open_errors.h"
#include "io/roster_files.h"
#include "io/age.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

const std::string kHeader = "{\"format\":\"welkom-roster\",\"version\":1";

// A roster open with one unsaved, undoable edit: what must survive.
AppState stateWithEditedRoster() {
    AppState state;
    state.session.workFactor = kFastWorkFactor;
    applyCommand(state, OpenFile{"open.json", writeRoster(oneHouseholdRoster())});
    EXPECT_TRUE(state.document);
    applyCommand(state, RenameProgramme{"Edited, not saved"});
    state.notices.clear();
    return state;
}

bool hasProblem(const AppState& state, const std::string& code, const std::string& path = "*") {
    return std::any_of(state.problems.begin(), state.problems.end(),
                       [&](const Problem& p) { return p.code == code && (path == "*" || p.path == path); });
}

std::string problemText(const AppState& state) {
    std::string s;
    for (const Problem& p : state.problems) s += p.code + " " + formatProblemText(p, false) + "\n";
    return s;
}

// The code of a refusal, or of the failure an explained one (explainOpenError,
// "open.*") carries as its first argument.
std::string refusalCode(const Error& e) {
    if (e.code.rfind("open.", 0) != 0 || e.args.empty() || e.args[0].kind != Arg::Kind::Message) return e.code;
    const std::string& cause = e.args[0].text;
    return cause.rfind("problem.", 0) == 0 ? cause.substr(8) : cause;
}

// Opens `bytes` (answering a passphrase prompt if one appears) and checks that
// it was refused with `code` and that the open roster is untouched.
void expectRefused(const std::string& name, const std::string& bytes, const std::string& code,
                   AppState* out = nullptr) {
    SCOPED_TRACE(name);
    AppState state = stateWithEditedRoster();
    const Document before = *state.document;
    const std::size_t undoDepth = state.history.undoDepth();
    const std::uint64_t revision = state.editRevision;

    applyCommand(state, OpenFile{name, bytes});
    if (state.passphrasePrompt) {
        applyCommand(state, SubmitPassphrase{kPassphrase});
        runJobsInline(state);
    }
    ASSERT_FALSE(state.errors.empty()) << "refused with an error";
    const Error& e = state.errors.back();
    EXPECT_EQ(refusalCode(e), code) << errorText(e, false);
    EXPECT_FALSE(errorText(e, false).empty());
    EXPECT_FALSE(errorText(e, true).empty());
    ASSERT_TRUE(state.document);
    EXPECT_EQ(*state.document, before);
    EXPECT_TRUE(state.unsaved) << "the unsaved edit is still there";
    EXPECT_EQ(state.history.undoDepth(), undoDepth) << "and can still be undone";
    EXPECT_EQ(state.editRevision, revision);
    EXPECT_FALSE(state.passphrasePrompt) << "nothing left waiting";
    EXPECT_TRUE(state.jobsToStart.empty() && state.runningJobs.empty());
    if (out) *out = std::move(state);
}

std::string encrypted(const std::string& plaintext) {
    auto enc = ageEncryptWithPassphrase(AgeBytes(plaintext.begin(), plaintext.end()), kPassphrase, kFastWorkFactor);
    EXPECT_TRUE(enc);
    return enc ? std::string(enc->begin(), enc->end()) : std::string();
}

TEST(HostileFiles, InvalidUtf8IsNamedWithItsPosition) {
    AppState state;
    expectRefused("utf8.json", kHeader + ",\"programmeName\":\"Familie \xC3\x28\"}", "json.syntax", &state);
    EXPECT_NE(problemText(state).find("UTF-8"), std::string::npos) << problemText(state);
    EXPECT_NE(problemText(state).find("line 1, column"), std::string::npos) << problemText(state);
}

TEST(HostileFiles, NulBytes) {
    AppState state;
    // Inside a string (JSON requires control characters to be escaped)...
    expectRefused("nul.json", kHeader + ",\"programmeName\":\"a" + std::string(1, '\0') + "b\"}", "json.syntax",
                  &state);
    EXPECT_NE(problemText(state).find("control character"), std::string::npos) << problemText(state);
    // ...between tokens, and first: then it is not a roster at all.
    expectRefused("nul2.json", kHeader + std::string(1, '\0') + "}", "json.syntax");
    expectRefused("nul3.json", std::string(1, '\0') + kHeader + "}", "open.not_roster");
}

TEST(HostileFiles, ByteOrderMarksInOddPlaces) {
    const std::string bom = "\xEF\xBB\xBF";
    // One BOM in front is what Windows editors write: it opens.
    {
        AppState state = stateWithEditedRoster();
        applyCommand(state, OpenFile{"bom.json", bom + writeRoster(oneHouseholdRoster())});
        ASSERT_TRUE(state.errors.empty()) << errorText(state.errors.back(), false);
        EXPECT_EQ(state.document->roster.programmeName, "Voorbeeldstad 2027");
    }
    expectRefused("two-boms.json", bom + bom + kHeader + "}", "open.not_roster");
    AppState state;
    expectRefused("bom-inside.json", "{" + bom + "\"format\":\"welkom-roster\",\"version\":1}", "json.syntax", &state);
    EXPECT_TRUE(hasProblem(state, "json.syntax", "")) << problemText(state);
    expectRefused("bom-at-end.json", kHeader + "}" + bom, "json.syntax");
}

TEST(HostileFiles, NumbersBeyondDoubleRange) {
    AppState state;
    expectRefused("huge.json", kHeader + ",\"settings\":{\"minimumScore\":1e400}}", "json.syntax", &state);
    EXPECT_NE(problemText(state).find("number overflow parsing '1e400'"), std::string::npos) << problemText(state);
    // Fits a double but not the field: a range problem at its path.
    expectRefused("big.json", kHeader + ",\"settings\":{\"minimumScore\":1e300}}", "roster.invalid", &state);
    EXPECT_TRUE(hasProblem(state, "score.range", "/settings/minimumScore")) << problemText(state);
}

TEST(HostileFiles, DuplicateKeys) {
    AppState state;
    // Two "households" arrays: neither may silently replace the other.
    const std::string text = kHeader + ",\"households\":[],\"households\":[]}";
    expectRefused("dup.json", text, "roster.invalid", &state);
    EXPECT_TRUE(hasProblem(state, "json.duplicate_key", "/households")) << problemText(state);
    EXPECT_NE(errorText(state.errors.back(), false).find("appears more than once"), std::string::npos);
}

TEST(HostileFiles, HugeObjectsAndDeepNesting) {
    AppState state;
    std::string wide = kHeader + ",\"x\":{";
    for (int i = 0; i < 1000000; ++i) wide += (i ? ",\"" : "\"") + std::to_string(i) + "\":0";
    expectRefused("wide.json", wide + "}}", "json.too_many_members", &state);
    EXPECT_NE(errorText(state.errors.back(), false).find(std::to_string(kMaxObjectMembers)), std::string::npos);

    expectRefused("deep.json", kHeader + ",\"x\":" + std::string(1000000, '[') + std::string(1000000, ']') + "}",
                  "json.too_deep");
}

TEST(HostileFiles, FileSizeLimitJustUnderAndOver) {
    // Over the limit: refused before anything looks at the content.
    std::string file = "age-encryption.org/v1\n";
    file.resize(kMaxOpenFileBytes + 1, 'A');
    AppState state;
    expectRefused("huge.age", file, "open.too_large", &state);
    EXPECT_NE(errorText(state.errors.back(), false).find("96 MB"), std::string::npos) << errorText(state.errors.back(), false);

    // At the limit the file is read; this one is not a roster (and no passphrase is asked).
    std::string atLimit(kMaxOpenFileBytes, ' ');
    atLimit[0] = 'x';
    expectRefused("big.bin", atLimit, "open.not_roster");

    // An encrypted file under the limit whose plaintext is over the roster limit.
    std::string plain = kHeader + "}";
    plain.resize(kMaxRosterBytes + 1, ' ');
    expectRefused("too-much-inside.age", encrypted(plain), "file.too_large");
}

TEST(HostileFiles, EncryptedFileWithTruncatedPayload) {
    const std::string file = encrypted(writeRoster(oneHouseholdRoster()));
    const std::size_t headerEnd = file.find('\n', file.find("\n--- ") + 1) + 1;
    AppState state;
    for (std::size_t keep : {headerEnd + 16 + 5, file.size() - 1}) {
        expectRefused("cut.welkom.age", file.substr(0, keep), "age.payload", &state);
        EXPECT_EQ(errorText(state.errors.back(), false), "This file is damaged or was changed after saving.");
    }
    expectRefused("no-nonce.welkom.age", file.substr(0, headerEnd + 3), "age.header", &state);
    expectRefused("header-only.welkom.age", file.substr(0, headerEnd - 10), "age.header", &state);
}

TEST(HostileFiles, ArmoredFileWithAByteOrderMarkOpens) {
    // Notepad adds a BOM when it saves an armored file; the app takes it for
    // an encrypted file, so the decryptor must accept it too.
    const std::string plain = writeRoster(oneHouseholdRoster());
    auto enc = ageEncryptWithPassphrase(AgeBytes(plain.begin(), plain.end()), kPassphrase, kFastWorkFactor, true);
    ASSERT_TRUE(enc);
    AppState state = stateWithEditedRoster();
    applyCommand(state, OpenFile{"bom.age", "\xEF\xBB\xBF" + std::string(enc->begin(), enc->end())});
    ASSERT_TRUE(state.passphrasePrompt);
    applyCommand(state, SubmitPassphrase{kPassphrase});
    runJobsInline(state);
    ASSERT_TRUE(state.errors.empty()) << state.errors.back().code << ": " << errorText(state.errors.back(), false);
    EXPECT_EQ(state.document->roster.programmeName, "Voorbeeldstad 2027");
}

// The page <-> worker wire format: a length field claiming 1 GiB is checked
// against the bytes present, so nothing is allocated and the job is refused.
TEST(HostileFiles, WireFieldClaimingAGigabyte) {
    std::string request = "D";
    request += std::string("\x00\x00\x00\x40", 4);  // 0x40000000, little-endian
    request += "only a few bytes";
    auto decoded = decodeJobRequest(request);
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, "job.wire");
    EXPECT_FALSE(errorText(decoded.error(), true).empty());
    std::string output = "O";
    output += std::string("\xFF\xFF\xFF\xFF", 4);
    EXPECT_EQ(decodeJobOutput(output).error().code, "job.wire");

    // Through the app: a finished job whose answer is damaged is an error, not a roster.
    AppState state = stateWithEditedRoster();
    const Document before = *state.document;
    applyCommand(state, OpenFile{"x.welkom.age", encrypted(writeRoster(oneHouseholdRoster()))});
    applyCommand(state, SubmitPassphrase{kPassphrase});
    ASSERT_EQ(state.jobsToStart.size(), 1u);
    const std::uint64_t id = state.jobsToStart[0].id;
    state.jobsToStart.clear();
    applyCommand(state, JobFinished{id, decodeJobOutput(output)});
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "job.wire");
    EXPECT_EQ(*state.document, before);
}

// References that point nowhere or at each other: validation is linear and
// never follows a chain, so loops cannot hang it; each broken link is named.
TEST(HostileFiles, RostersReferringToThemselves) {
    const std::string household =
        "{\"id\":\"h1\",\"displayName\":\"Familie Fictief\",\"municipality\":\"Voorbeeldstad\",\"members\":[{\"age\":30}]}";
    const std::string group =
        "{\"id\":\"g1\",\"name\":\"De Buren\",\"municipality\":\"Voorbeeldstad\",\"members\":[{\"id\":\"m1\","
        "\"name\":\"Anna\",\"age\":40}],\"coordinatorId\":\"g1\"}";
    const std::string text =
        kHeader + ",\"households\":[" + household + "],\"groups\":[" + group +
        "],\"matches\":["
        // a match whose household is a group and whose group is a household
        "{\"id\":\"x1\",\"householdId\":\"g1\",\"groupId\":\"h1\",\"history\":[{\"status\":\"proposed\"}]},"
        // a match named like another record, pointing at itself
        "{\"id\":\"h1\",\"householdId\":\"x2\",\"groupId\":\"x2\",\"history\":[{\"status\":\"proposed\"}]}"
        "],\"constraints\":["
        // the same pair pinned and forbidden, and a constraint naming constraints
        "{\"id\":\"c1\",\"kind\":\"pin\",\"householdId\":\"h1\",\"groupId\":\"g1\"},"
        "{\"id\":\"c2\",\"kind\":\"forbid\",\"householdId\":\"h1\",\"groupId\":\"g1\"},"
        "{\"id\":\"c3\",\"kind\":\"forbid\",\"householdId\":\"c3\",\"groupId\":\"c1\"}"
        "],\"checkIns\":["
        // a check-in of itself
        "{\"id\":\"k1\",\"matchId\":\"k1\"}"
        "]}";
    AppState state;
    expectRefused("loops.json", text, "roster.invalid", &state);
    const std::string all = problemText(state);
    EXPECT_TRUE(hasProblem(state, "coordinator.not_member", "/groups/0/coordinatorId")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.household", "/matches/0/householdId")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.group", "/matches/0/groupId")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.household", "/matches/1/householdId")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.group", "/matches/1/groupId")) << all;
    EXPECT_TRUE(hasProblem(state, "constraint.conflict")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.household", "/constraints/2/householdId")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.group", "/constraints/2/groupId")) << all;
    EXPECT_TRUE(hasProblem(state, "reference.match", "/checkIns/0/matchId")) << all;
}

TEST(HostileFiles, HouseholdAndGroupSharingAnId) {
    const std::string text =
        kHeader +
        ",\"households\":[{\"id\":\"same\",\"displayName\":\"Familie Fictief\",\"municipality\":\"Voorbeeldstad\","
        "\"members\":[{\"age\":30}]}],\"groups\":[{\"id\":\"same\",\"name\":\"De Buren\",\"municipality\":"
        "\"Voorbeeldstad\"}]}";
    AppState state;
    expectRefused("same-id.json", text, "roster.invalid", &state);
    EXPECT_TRUE(hasProblem(state, "id.used_by_household")) << problemText(state);
}

}  // namespace
}  // namespace welkom
