// Spreadsheets imported in the app (issue #15 item 5): a dropped sheet is
// checked in the job and reviewed before anything changes; the kind, a
// column's meaning and a cell can be corrected, each checked again; Import is
// one undoable step and refuses a stale or erroneous review.
#include "app/sheet_import.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "app/commands.h"
#include "app/jobs.h"
#include "app/text/messages.h"
#include "app_fixtures.h"
#include "io/fill_in_problems.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

AppState withRoster() {
    AppState state;
    state.clock.today = "2027-03-01";
    applyCommand(state, OpenFile{"voorbeeld.json", writeRoster(oneHouseholdRoster())});
    return state;
}

void drop(AppState& state, const std::string& name, const std::string& bytes) {
    applyCommand(state, OpenFile{name, bytes});
    runJobsInline(state);
}

const SheetPreview& previewOf(const AppState& state) {
    EXPECT_TRUE(state.sheetImport && state.sheetImport->preview)
        << (state.errors.empty() ? "" : state.errors.back().code + ": " + errorText(state.errors.back(), false));
    return *state.sheetImport->preview;
}

const char* kAgeInWords = "naam,gemeente,volwassene1_leeftijd,volwassene1_talen\n"
                          "Familie Oud,Rotterdam,veertig,ar:native\n"
                          "Familie Kort,Rotterdam\n";

TEST(SheetImport, AFormExportWithoutLevelsOrConsentIsReviewedThenImportedAsOneStep) {
    AppState state = withRoster();
    applyCommand(state, SetUtcTime{"2027-03-01T10:15:00Z"});
    applyCommand(state, CreateProgrammeKey{});  // must survive the swap of rosters
    ASSERT_EQ(state.document->roster.signup.keys.size(), 1u);
    const std::string key = state.document->roster.signup.keys[0].identity;
    drop(state, "intake.csv", fixture("households_en_form_utf8bom.csv"));
    const SheetPreview& p = previewOf(state);
    EXPECT_EQ(p.kind, CsvImportKind::Households);
    EXPECT_EQ(p.encoding, CsvEncoding::Utf8Bom);
    EXPECT_EQ(p.count(Severity::Error), 0u);
    EXPECT_GT(p.count(Severity::Warning), 0u);  // languages without level, a household without consent
    EXPECT_EQ(p.households, p.dataRows);
    ASSERT_TRUE(p.merged);
    EXPECT_EQ(p.rows.size(), p.dataRows + 1);          // the table: header and every row
    EXPECT_EQ(p.rows[1][1], "Родина Коваленко");       // Cyrillic as written
    EXPECT_EQ(state.document->roster.households.size(), 1u) << "nothing changes before Import";

    const std::size_t added = p.households;
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_FALSE(state.sheetImport);
    EXPECT_EQ(state.document->roster.households.size(), 1u + added);
    ASSERT_EQ(state.document->roster.signup.keys.size(), 1u);
    EXPECT_EQ(state.document->roster.signup.keys[0].identity, key) << "the programme key is kept";
    EXPECT_EQ(state.document->roster.households[0].displayName, "Familie Fictief") << "the open roster is kept";
    ASSERT_FALSE(state.notices.empty());
    EXPECT_EQ(state.notices.back().code, "sheet.imported");
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.households.size(), 1u) << "one step to undo";
    EXPECT_EQ(state.history.undoLabel(), "Create programme key");
}

// Issue #15 item 6 in the app: Problems' export, filled in by the contact
// person, dropped again: the households are filled in by id, none is added.
TEST(SheetImport, TheProblemsSheetFilledInFillsTheHouseholdsInWithoutDuplicates) {
    AppState state = withRoster();
    drop(state, "intake.csv", fixture("households_en_form_utf8bom.csv"));
    applyCommand(state, ConfirmSheetImport{});
    const std::size_t households = state.document->roster.households.size();
    auto unknownLevels = [&] {
        std::size_t n = 0;
        for (const Problem& p : state.problems) n += p.code == "language.level_unknown";
        return n;
    };
    ASSERT_GT(unknownLevels(), 0u);

    applyCommand(state, ExportProblemsSheet{});
    ASSERT_EQ(state.filesToSave.size(), 1u);
    const std::string filled = testing::fillIn(state.filesToSave[0].bytes, "B1", "yes");
    state.filesToSave.clear();
    drop(state, "welkom-problems.csv", filled);
    const SheetPreview& p = previewOf(state);
    EXPECT_EQ(p.households, 0u);
    EXPECT_GT(p.updatedHouseholds, 0u);
    EXPECT_FALSE(p.hasErrors());
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_EQ(state.document->roster.households.size(), households) << "no household added twice";
    EXPECT_EQ(unknownLevels(), 0u);
}

// The same for group members: the members' sheet from Problems, filled in and
// dropped again, is recognised as a member sheet and fills the members in.
TEST(SheetImport, TheMembersProblemsSheetFilledInFillsTheMembersIn) {
    AppState state = withRoster();
    drop(state, "groepen.csv", fixture("members_nl_excel_cp1252.csv"));
    applyCommand(state, ConfirmSheetImport{});
    auto members = [&] {
        std::size_t n = 0;
        for (const WelcomeGroup& g : state.document->roster.groups) n += g.members.size();
        return n;
    };
    const std::size_t groups = state.document->roster.groups.size(), before = members();
    auto unknownLevels = [&] {
        std::size_t n = 0;
        for (const Problem& p : state.problems) n += p.code == "language.level_unknown" && p.path.rfind("/groups/", 0) == 0;
        return n;
    };
    ASSERT_GT(unknownLevels(), 0u);

    applyCommand(state, ExportProblemsSheet{ProblemsSheet::GroupMembers});
    ASSERT_EQ(state.filesToSave.size(), 1u);
    EXPECT_EQ(state.filesToSave[0].name, "welkom-problems-group-members.csv");
    const std::string filled = testing::fillIn(state.filesToSave[0].bytes, "B2", "yes");
    state.filesToSave.clear();
    drop(state, "welkom-problems-group-members.csv", filled);
    const SheetPreview& p = previewOf(state);
    EXPECT_EQ(p.kind, CsvImportKind::GroupMembers);
    EXPECT_EQ(p.groups, 0u);
    EXPECT_GT(p.updatedMembers, 0u);
    EXPECT_FALSE(p.hasErrors());
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_EQ(state.document->roster.groups.size(), groups) << "no group added twice";
    EXPECT_EQ(members(), before);
    EXPECT_EQ(unknownLevels(), 0u);
    ASSERT_FALSE(state.notices.empty());
    EXPECT_NE(errorText(state.notices.back(), false).find("group members filled in: "), std::string::npos)
        << errorText(state.notices.back(), false);
}

TEST(SheetImport, AMemberSheetIsRecognisedByItsGroupColumn) {
    AppState state = withRoster();
    drop(state, "groepen.csv", fixture("members_nl_excel_cp1252.csv"));
    const SheetPreview& p = previewOf(state);
    EXPECT_EQ(p.kind, CsvImportKind::GroupMembers);
    EXPECT_EQ(p.encoding, CsvEncoding::Windows1252);
    EXPECT_GT(p.groups, 0u);
    EXPECT_GE(p.members, p.groups);
    EXPECT_EQ(p.count(Severity::Error), 0u);
    // A correction is checked on a UTF-8 copy; the review still names the file's encoding.
    const std::size_t groups = p.groups;
    state.sheetImport->preview.reset();  // what follows comes from the check of the corrected sheet
    applyCommand(state, EditSheetCell{{2, 6, "53"}});
    runJobsInline(state);
    EXPECT_EQ(previewOf(state).rows[1][5], "53");
    EXPECT_EQ(previewOf(state).encoding, CsvEncoding::Windows1252);
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_EQ(state.document->roster.groups.size(), groups);
}

TEST(SheetImport, ASheetDroppedWithNoRosterOpenStartsAProgramme) {
    AppState state;
    drop(state, "aanmeldingen.csv", fixture("households_nl_semicolon_bom_crlf.csv"));
    ASSERT_TRUE(state.document);
    EXPECT_TRUE(state.document->roster.households.empty());
    ASSERT_TRUE(state.sheetImport && state.sheetImport->preview);
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_FALSE(state.document->roster.households.empty());
}

TEST(SheetImport, ErrorsBlockImportUntilTheCellsAreCorrected) {
    AppState state = withRoster();
    drop(state, "oud.csv", kAgeInWords);
    {
        const SheetPreview& p = previewOf(state);
        ASSERT_TRUE(p.hasErrors());
        EXPECT_FALSE(p.merged);
        const CsvProblem* age = p.problemAt(2, 3);
        ASSERT_NE(age, nullptr);
        EXPECT_EQ(age->severity, Severity::Error);
        EXPECT_NE(p.problemAt(3, 0), nullptr) << "the short row's problem is on the row";
    }
    applyCommand(state, ConfirmSheetImport{});  // refused, the review stays
    EXPECT_EQ(state.document->roster.households.size(), 1u);
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "sheet.has_errors");

    state.sheetImport->preview.reset();  // what the dialog shows now comes from the next check only
    applyCommand(state, EditSheetCell{{2, 3, "40"}});
    applyCommand(state, EditSheetCell{{3, 4, "ti:B1"}});  // fills in the short row's missing cells
    applyCommand(state, EditSheetCell{{3, 3, "35"}});
    runJobsInline(state);
    const SheetPreview& fixed = previewOf(state);
    EXPECT_FALSE(fixed.hasErrors()) << (fixed.problems.empty() ? "" : fixed.problems.front().code);
    EXPECT_EQ(fixed.rows[1][2], "40") << "the table shows the corrected cell";
    EXPECT_EQ(state.sheetImport->request.edits.size(), 3u);
    applyCommand(state, ConfirmSheetImport{});
    const Roster& r = state.document->roster;
    ASSERT_EQ(r.households.size(), 3u);
    EXPECT_EQ(r.households[1].members[0].age, 40);
    EXPECT_EQ(r.households[2].members[0].age, 35);
}

TEST(SheetImport, AColumnWelkomDoesNotKnowCanBeTakenAsAField) {
    AppState state = withRoster();
    drop(state, "vragenlijst.csv", "Hoe heet het gezin?,gemeente,volwassene1_leeftijd\nFamilie Vraag,Utrecht,30\n");
    {
        const SheetPreview& p = previewOf(state);
        ASSERT_EQ(p.columns.size(), 3u);
        EXPECT_EQ(p.columns[0].field, "");
        EXPECT_TRUE(p.hasErrors()) << "a row without a name";
    }
    applyCommand(state, MapSheetColumn{"Hoe heet het gezin?", "name"});
    runJobsInline(state);
    const SheetPreview& p = previewOf(state);
    EXPECT_EQ(p.columns[0].field, "name");
    EXPECT_FALSE(p.hasErrors());
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_EQ(state.document->roster.households.back().displayName, "Familie Vraag");
}

TEST(SheetImport, ChangingTheKindChecksAgainWithoutTheEarlierColumnChoices) {
    AppState state = withRoster();
    drop(state, "intake.csv", fixture("households_en_form_utf8bom.csv"));
    applyCommand(state, MapSheetColumn{"Notes", ""});
    applyCommand(state, SetSheetKind{SheetKind::GroupMembers});
    runJobsInline(state);
    EXPECT_EQ(previewOf(state).kind, CsvImportKind::GroupMembers);
    EXPECT_TRUE(state.sheetImport->request.mapping.empty());
    applyCommand(state, SetSheetKind{SheetKind::Households});
    runJobsInline(state);
    EXPECT_EQ(previewOf(state).kind, CsvImportKind::Households);
}

TEST(SheetImport, AnEditMadeMeanwhileMakesTheReviewStale) {
    AppState state = withRoster();
    drop(state, "intake.csv", fixture("households_en_form_utf8bom.csv"));
    applyCommand(state, RenameProgramme{"Voorbeeldstad 2028"});
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_EQ(state.document->roster.households.size(), 1u);
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "sheet.stale");
}

TEST(SheetImport, ImportWaitsForTheCheckStillRunningAndCancelLeavesTheRoster) {
    AppState state = withRoster();
    drop(state, "intake.csv", fixture("households_en_form_utf8bom.csv"));
    applyCommand(state, EditSheetCell{{2, 2, "Родина Коваленко-Тест"}});  // check started, not finished
    applyCommand(state, ConfirmSheetImport{});
    EXPECT_TRUE(state.sheetImport) << "Import is not taken while the sheet is being checked";
    EXPECT_EQ(state.document->roster.households.size(), 1u);
    applyCommand(state, CancelSheetImport{});
    runJobsInline(state);  // the answer of the cancelled check is ignored
    EXPECT_FALSE(state.sheetImport);
    EXPECT_EQ(state.document->roster.households.size(), 1u);
}

TEST(SheetImport, NotAnImportWhenTheFileIsARosterOrTheNameSaysNothing) {
    EXPECT_TRUE(isSheetFileName("Aanmeldingen.CSV"));
    EXPECT_TRUE(isSheetFileName("export.tsv"));
    EXPECT_FALSE(isSheetFileName("rooster.welkom.age"));
    AppState state;
    applyCommand(state, OpenFile{"rooster.csv", writeRoster(oneHouseholdRoster())});  // a roster misnamed
    EXPECT_FALSE(state.sheetImport);
    ASSERT_TRUE(state.document);
    EXPECT_EQ(state.document->roster.households.size(), 1u);
}

TEST(SheetImport, RequestAndPreviewCrossTheWireAndDamageIsRefused) {
    SheetImportRequest request{"a.csv", kAgeInWords, SheetKind::Households, {{"naam", "name"}}, {{2, 3, "40"}}};
    Result<SheetImportRequest> back = decodeSheetRequest(encodeSheetRequest(request));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->bytes, request.bytes);
    EXPECT_EQ(back->mapping, request.mapping);
    EXPECT_EQ(back->edits, request.edits);

    SheetPreview p = previewSheet(oneHouseholdRoster(), request);
    p.updatedHouseholds = 4;  // each count its own value, to see that each crosses as itself
    p.updatedMembers = 7;
    const std::string wire = encodeSheetPreview(p);
    Result<SheetPreview> decoded = decodeSheetPreview(wire);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->rows, p.rows);
    EXPECT_EQ(decoded->households, p.households);
    EXPECT_EQ(decoded->updatedHouseholds, 4u);
    EXPECT_EQ(decoded->updatedMembers, 7u);
    EXPECT_EQ(decoded->problems.size(), p.problems.size());
    EXPECT_EQ(decoded->merged.has_value(), p.merged.has_value());
    for (std::size_t cut : {std::size_t{0}, wire.size() / 2, wire.size() - 1})
        EXPECT_FALSE(decodeSheetPreview(wire.substr(0, cut))) << "cut at " << cut;
    EXPECT_FALSE(decodeSheetRequest(encodeSheetRequest(request) + "x"));
    const JobRequest job = SheetPreviewJob{"{}", encodeSheetRequest(request)};
    Result<JobRequest> jobBack = decodeJobRequest(encodeJobRequest(job));
    ASSERT_TRUE(jobBack);
    EXPECT_EQ(std::get<SheetPreviewJob>(*jobBack).request, encodeSheetRequest(request));
}

TEST(SheetImport, TheTableCarriesAtMostItsShownRowsButEveryProblem) {
    std::string sheet = "naam,gemeente,volwassene1_leeftijd\n";
    for (std::size_t i = 0; i < kMaxShownSheetRows + 50; ++i)
        sheet += "Familie " + std::to_string(i) + ",Utrecht," + (i == kMaxShownSheetRows + 20 ? "oud" : "30") + "\n";
    const SheetPreview p = previewSheet(Roster{}, {"groot.csv", sheet});
    EXPECT_EQ(p.rows.size(), kMaxShownSheetRows + 1);
    EXPECT_EQ(p.dataRows, kMaxShownSheetRows + 50);
    ASSERT_NE(p.problemAt(kMaxShownSheetRows + 22, 3), nullptr);
}

}  // namespace
}  // namespace welkom
