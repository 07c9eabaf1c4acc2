// Check-ins, learned weights and research files through the app's commands:
// every edit is one undo step with a readable label, bad values are refused
// with a specific message and leave the roster exactly as it was.
#include "app/outcomes_session.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "app/text/messages.h"

#include "app/commands.h"
#include "core/check_ins.h"

namespace welkom {
namespace {

AppState demoState() {
    AppState state;
    applyCommand(state, SetToday{"2026-11-29"});
    applyCommand(state, StartDemo{});
    return state;
}

// The first live match that was introduced (the built-in demo has some).
const Match& startedLiveMatch(const AppState& state) {
    for (const Match& m : state.document->roster.matches)
        if (matchStarted(m) && !isFinal(m.status())) return m;
    ADD_FAILURE() << "the built-in demo has no live started match";
    return state.document->roster.matches.front();
}

std::string fixture(const char* name) {
    std::ifstream in(std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/research/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(CheckInCommands, AddIsOneUndoStepWithAReadableLabel) {
    AppState state = demoState();
    const Match& match = startedLiveMatch(state);
    const std::size_t before = state.document->roster.checkIns.size();
    CheckIn c;
    c.matchId = match.id;
    c.date = "2026-11-20";
    c.milestone = CheckInMilestone::Month12;
    c.meetingsPerMonth = 3;
    c.dutchLevel = LanguageLevel::A2;
    c.workStatus = WorkStatus::Volunteering;
    c.newContacts = 4;
    c.householdSatisfaction = 5;
    c.groupSatisfaction = 4;
    applyCommand(state, AddCheckIn{c});
    ASSERT_TRUE(state.errors.empty()) << errorText(state.errors.front(), false);
    const Roster& roster = state.document->roster;
    ASSERT_EQ(roster.checkIns.size(), before + 1);
    const CheckIn& added = roster.checkIns.back();
    EXPECT_FALSE(added.id.empty());
    EXPECT_EQ(added.householdSatisfaction, 5);
    EXPECT_EQ(added.workStatus, WorkStatus::Volunteering);
    EXPECT_EQ(state.history.undoLabel(), "Add check-in month_12 to match " + match.id);
    EXPECT_TRUE(state.unsaved);
    // The 12-month check-in of this match is no longer listed as due.
    for (const DueCheckIn& d : dueCheckIns(roster, state.clock.today))
        EXPECT_FALSE(d.matchId == match.id && d.milestone == CheckInMilestone::Month12);

    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.checkIns.size(), before);
    applyCommand(state, RedoEdit{});
    ASSERT_EQ(state.document->roster.checkIns.size(), before + 1);
    EXPECT_EQ(state.document->roster.checkIns.back().householdSatisfaction, 5);
}

TEST(CheckInCommands, OutOfRangeValuesAreRefusedWithTheFieldNamed) {
    AppState state = demoState();
    const Roster unchanged = state.document->roster;
    const std::size_t depth = state.history.undoDepth();
    CheckIn c;
    c.matchId = startedLiveMatch(state).id;
    c.date = "2026-11-20";
    c.householdSatisfaction = 7;
    c.meetingsPerMonth = -1;
    applyCommand(state, AddCheckIn{c});
    ASSERT_EQ(state.errors.size(), 1u);
    EXPECT_EQ(state.errors[0].code, "checkin.invalid");
    EXPECT_NE(errorText(state.errors[0], false).find("householdSatisfaction"), std::string::npos) << errorText(state.errors[0], false);
    EXPECT_NE(errorText(state.errors[0], false).find("meetingsPerMonth"), std::string::npos) << errorText(state.errors[0], false);
    EXPECT_NE(errorText(state.errors[0], true).find("Deze check-in is niet opgeslagen"), std::string::npos);
    EXPECT_EQ(state.document->roster, unchanged);
    EXPECT_EQ(state.history.undoDepth(), depth);
    EXPECT_FALSE(state.unsaved);
}

TEST(CheckInCommands, AnImpossibleDateOrAnUnknownMatchIsRefused) {
    AppState state = demoState();
    const Roster unchanged = state.document->roster;
    CheckIn badDate;
    badDate.matchId = startedLiveMatch(state).id;
    badDate.date = "2026-02-30";
    applyCommand(state, AddCheckIn{badDate});
    CheckIn noMatch;
    noMatch.matchId = "no-such-match";
    noMatch.date = "2026-11-20";
    applyCommand(state, AddCheckIn{noMatch});
    ASSERT_EQ(state.errors.size(), 2u);
    EXPECT_NE(errorText(state.errors[0], false).find("date"), std::string::npos) << errorText(state.errors[0], false);
    EXPECT_NE(errorText(state.errors[1], false).find("no-such-match"), std::string::npos) << errorText(state.errors[1], false);
    EXPECT_EQ(state.document->roster, unchanged);
}

TEST(CheckInCommands, EditAndRemoveAreUndoable) {
    AppState state = demoState();
    ASSERT_FALSE(state.document->roster.checkIns.empty());
    const CheckIn original = state.document->roster.checkIns.front();
    CheckIn edited = original;
    edited.householdSatisfaction = 1;
    edited.endedEarly = true;
    edited.endReason = EndReason::Moved;
    applyCommand(state, UpdateCheckIn{original.id, edited});
    ASSERT_TRUE(state.errors.empty()) << errorText(state.errors.front(), false);
    EXPECT_EQ(state.history.undoLabel(), "Edit check-in " + original.id);
    EXPECT_EQ(state.document->roster.checkIns.front().householdSatisfaction, 1);
    EXPECT_EQ(state.document->roster.checkIns.front().endReason, EndReason::Moved);
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.checkIns.front(), original);

    // An edit that changes nothing leaves no empty undo step.
    const std::size_t depth = state.history.undoDepth();
    applyCommand(state, UpdateCheckIn{original.id, original});
    EXPECT_EQ(state.history.undoDepth(), depth);

    const std::size_t count = state.document->roster.checkIns.size();
    applyCommand(state, RemoveCheckIn{original.id});
    EXPECT_EQ(state.history.undoLabel(), "Remove check-in " + original.id);
    EXPECT_EQ(state.document->roster.checkIns.size(), count - 1);
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.checkIns.front(), original);
}

TEST(CheckInCommands, EditsOfUnknownOrInvalidCheckInsAreRefused) {
    AppState state = demoState();
    const Roster unchanged = state.document->roster;
    applyCommand(state, RemoveCheckIn{"ci-missing"});
    applyCommand(state, UpdateCheckIn{"ci-missing", CheckIn{}});
    CheckIn invalid = state.document->roster.checkIns.front();
    invalid.groupSatisfaction = 0;
    applyCommand(state, UpdateCheckIn{invalid.id, invalid});
    ASSERT_EQ(state.errors.size(), 3u);
    EXPECT_EQ(state.errors[0].code, "checkin.unknown");
    EXPECT_EQ(state.errors[1].code, "checkin.unknown");
    EXPECT_EQ(state.errors[2].code, "checkin.invalid");
    EXPECT_NE(errorText(state.errors[2], false).find("groupSatisfaction"), std::string::npos);
    EXPECT_EQ(state.document->roster, unchanged);
    applyCommand(state, CloseRoster{});
    applyCommand(state, AddCheckIn{CheckIn{}});
    EXPECT_EQ(state.errors.back().code, "app.no_document");
}

TEST(LearningCommands, ImportRunAdoptAndUndoTheWeights) {
    AppState state = demoState();
    const CriterionWeights before = state.document->roster.settings.weights;
    const std::string csv = fixture("research-fictitious.csv");
    ASSERT_FALSE(csv.empty()) << "tests/fixtures/research/research-fictitious.csv missing";
    applyCommand(state, ImportResearchFile{"research-fictitious.csv", csv});
    ASSERT_TRUE(state.errors.empty()) << errorText(state.errors.front(), false);
    ASSERT_EQ(state.researchDatasets.size(), 1u);
    EXPECT_EQ(state.researchDatasets[0].rows.size(), 240u);
    EXPECT_EQ(state.notices.back().code, "research.imported");
    EXPECT_EQ(state.document->roster.settings.weights, before) << "importing does not touch the roster";
    EXPECT_FALSE(state.unsaved);

    applyCommand(state, RunLearning{});
    ASSERT_TRUE(state.learning);
    const LearningRun& run = *state.learning;
    EXPECT_EQ(run.fit.samples, run.rosterSamples + run.datasetSamples.at(0));
    EXPECT_EQ(run.datasetSamples[0], 240);
    ASSERT_TRUE(run.proposal.proposed) << (run.proposal.refusals.empty() ? "" : messageText(run.proposal.refusals[0], false));
    ASSERT_TRUE(run.backTest);
    // The fixture's true effects: interests > language > goals > 0, the rest 0.
    const auto& coefficient = run.fit.coefficients;
    EXPECT_GT(coefficient[static_cast<int>(Criterion::Interests)].low, 0.0);
    EXPECT_GT(coefficient[static_cast<int>(Criterion::Language)].low, 0.0);

    const std::size_t depth = state.history.undoDepth();
    applyCommand(state, AdoptWeights{run.proposal.weights});
    EXPECT_EQ(state.history.undoDepth(), depth + 1) << "all weights in one step";
    EXPECT_EQ(state.history.undoLabel(), "Adopt learned weights");
    EXPECT_EQ(state.document->roster.settings.weights, state.learning->proposal.weights);
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.settings.weights, before);
    applyCommand(state, RedoEdit{});
    EXPECT_NE(state.document->roster.settings.weights, before);
}

TEST(LearningCommands, InvalidWeightsAreNotAdopted) {
    AppState state = demoState();
    const Roster unchanged = state.document->roster;
    CriterionWeights negative;
    negative[Criterion::Interests] = 2.0;
    negative[Criterion::Language] = -1.0;
    CriterionWeights huge;
    huge[Criterion::Family] = 1e9;
    applyCommand(state, AdoptWeights{negative});
    applyCommand(state, AdoptWeights{huge});
    ASSERT_EQ(state.errors.size(), 2u);
    EXPECT_EQ(state.errors[0].code, "weights.invalid");
    EXPECT_NE(errorText(state.errors[0], false).find("language"), std::string::npos);
    EXPECT_NE(errorText(state.errors[1], false).find("family"), std::string::npos);
    EXPECT_EQ(state.document->roster, unchanged);
    EXPECT_FALSE(state.history.canUndo());
}

TEST(LearningCommands, AMalformedResearchFileLeavesEverythingAsItWas) {
    AppState state = demoState();
    applyCommand(state, ImportResearchFile{"research-fictitious.csv", fixture("research-fictitious.csv")});
    ASSERT_EQ(state.researchDatasets.size(), 1u);
    const Roster unchanged = state.document->roster;
    std::string broken = fixture("research-fictitious.csv");
    broken.replace(broken.find("\n") + 1, 16, "0123456789abcdef,not-a-number");  // a score that is no number
    for (const std::string& bytes : {broken, std::string("{\"format\": \"something else\"}"), std::string("\x89PNG\r\n")}) {
        state.errors.clear();
        applyCommand(state, ImportResearchFile{"extract.csv", bytes});
        ASSERT_EQ(state.errors.size(), 1u);
        EXPECT_EQ(state.errors[0].code, "research.not_added");
        EXPECT_EQ(errorText(state.errors[0], false).rfind("extract.csv was not added to the learning: ", 0), 0u)
            << errorText(state.errors[0], false);
        EXPECT_FALSE(errorText(state.errors[0], true).empty());
    }
    EXPECT_EQ(state.researchDatasets.size(), 1u);
    EXPECT_EQ(state.researchDatasets[0].name, "research-fictitious.csv");
    EXPECT_EQ(state.document->roster, unchanged);
    applyCommand(state, RemoveResearchDataset{0});
    EXPECT_TRUE(state.researchDatasets.empty());
}

TEST(LearningCommands, TooLittleDataIsRefusedWithTheReason) {
    AppState state = demoState();
    applyCommand(state, RunLearning{});
    ASSERT_TRUE(state.learning);
    EXPECT_FALSE(state.learning->proposal.proposed);
    ASSERT_FALSE(state.learning->proposal.refusals.empty());
    EXPECT_EQ(state.learning->proposal.refusals[0].code, "learn.too_few");
    EXPECT_FALSE(state.learning->backTest);
}

TEST(LearningCommands, ChangingTheSuccessDefinitionClampsAndDropsOldResults) {
    AppState state = demoState();
    applyCommand(state, RunLearning{});
    ASSERT_TRUE(state.learning);
    applyCommand(state, SetSuccessDefinition{{200, 9, -3}});
    EXPECT_EQ(state.successDefinition.months, 60);
    EXPECT_EQ(state.successDefinition.minHouseholdSatisfaction, 5);
    EXPECT_EQ(state.successDefinition.minGroupSatisfaction, 0);
    EXPECT_FALSE(state.learning);
}

TEST(ResearchExportCommand, OffersAnAnonymisedDownloadAndReportsWhatItDid) {
    AppState state = demoState();
    applyCommand(state, ExportResearch{ResearchFormat::Csv});
    ASSERT_TRUE(state.errors.empty());
    ASSERT_EQ(state.filesToSave.size(), 1u);
    EXPECT_EQ(state.filesToSave[0].name, "welkom-research.csv");
    EXPECT_EQ(state.filesToSave[0].mimeType, "text/csv");
    ASSERT_TRUE(state.researchExport);
    EXPECT_EQ(state.researchExport->matches, static_cast<int>(state.document->roster.matches.size()));
    EXPECT_EQ(state.researchExport->k, 5);
    const std::string& bytes = state.filesToSave[0].bytes;
    for (const Household& h : state.document->roster.households)
        EXPECT_EQ(bytes.find(h.displayName), std::string::npos) << "a name in the extract";
    // What was exported reads back as a research file.
    Result<std::vector<ResearchRow>> rows = readResearchFile(bytes);
    ASSERT_TRUE(rows) << errorText(rows.error(), false);
    EXPECT_EQ(static_cast<int>(rows->size()), state.researchExport->exported);
    applyCommand(state, ExportResearch{ResearchFormat::Json});
    EXPECT_EQ(state.filesToSave.back().name, "welkom-research.json");
    EXPECT_FALSE(state.unsaved) << "exporting is not an edit";
}

TEST(FilePicker, TheChosenPurposeIsHandedToThePlatform) {
    AppState state = demoState();
    applyCommand(state, ChooseFileToOpen{FilePurpose::ResearchData});
    EXPECT_TRUE(state.filePickerRequested);
    EXPECT_EQ(state.filePickerPurpose, FilePurpose::ResearchData);
    applyCommand(state, ChooseFileToOpen{});
    EXPECT_EQ(state.filePickerPurpose, FilePurpose::Roster);
}

TEST(SetTodayCommand, OnlyARealDateIsTaken) {
    AppState state;
    applyCommand(state, SetToday{"2027-03-01"});
    EXPECT_EQ(state.clock.today, "2027-03-01");
    applyCommand(state, SetToday{"2027-02-30"});
    EXPECT_EQ(state.clock.today, "2027-03-01");
}

}  // namespace
}  // namespace welkom
