// Smoke test: the whole workspace draws for several frames in every state a
// roster can be in, and items are found by label through the test hooks.
#include "ui/workspace.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "core/check_ins.h"
#include "core/demo_roster.h"
#include "ui/ui_test_context.h"

namespace welkom {
namespace {

void drawFrames(HeadlessImGui& imgui, Workspace& workspace, AppState& state, int frames) {
    for (int i = 0; i < frames; ++i) {
        CommandQueue commands;
        imgui.frame([&] { workspace.draw(state, commands); });
        applyCommands(state, commands);
    }
}

TEST(Workspace, StartScreenShowsTheStartPanelAndItsButtons) {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state;
    drawFrames(imgui, workspace, state, 3);
    EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"start"});
    auto button = ItemRegistry::instance().find("Try with fictitious people");
    ASSERT_TRUE(button);
    EXPECT_GT(button->w, 100.0f);
    EXPECT_GT(button->h, 10.0f);
}

TEST(Workspace, DrawsEveryStateInBothLanguages) {
    HeadlessImGui imgui;
    Workspace workspace;
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state;
        state.ui.language = language;
        drawFrames(imgui, workspace, state, 2);
        applyCommand(state, StartDemo{});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"programme"});
        EXPECT_TRUE(ItemRegistry::instance().find("DEMO")) << "DEMO badge shown";
        state.errors.push_back(makeError("test.error", "A test error", "Een testfout"));
        drawFrames(imgui, workspace, state, 2);
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::Dismiss))) << "errors are shown";
        applyCommand(state, CloseRoster{});
        drawFrames(imgui, workspace, state, 2);
    }
}

TEST(Workspace, JumpingToAProblemShowsItsRecordInItsPanel) {
    HeadlessImGui imgui;
    Workspace workspace;
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state;
        state.ui.language = language;
        applyCommand(state, StartDemo{});
        drawFrames(imgui, workspace, state, 2);
        applyCommand(state, JumpToProblem{"/households/3/members/0/age"});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"households"});
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::FieldDisplayName))) << "editor open";
        applyCommand(state, JumpToProblem{"/groups/2"});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"groups"});
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::ColumnCapacity)));
    }
}

TEST(Workspace, EveryPanelDrawsWithALargeRoster) {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state;
    state.document = Document{generateDemoRoster({2000, 1500, 10, 7})};
    state.problems = validateRoster(state.document->roster);
    for (const char* path : {"/households/1999", "/groups/1499", "/households/0"}) {
        applyCommand(state, JumpToProblem{path});
        drawFrames(imgui, workspace, state, 3);
    }
    EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"households"});
}

TEST(Workspace, MatchingPanelDrawsARunAPairAndAComparison) {
    HeadlessImGui imgui(1600.0f, 1600.0f);  // tall enough that the whole detail column is on screen
    Workspace workspace;
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state;
        state.ui.language = language;
        applyCommand(state, StartDemo{});
        applyCommand(state, ShowPanel{"matching"});
        drawFrames(imgui, workspace, state, 2);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"matching"});
        ASSERT_TRUE(ItemRegistry::instance().find(tr(language, TextId::MatchingRun)));
        applyCommand(state, RunMatching{MatchMode::BestTotal});
        const ProposedPair pair = state.matchingRun->pairs.front();
        applyCommand(state, SelectPair{pair.household, pair.group});
        applyCommand(state, RunMatching{MatchMode::Fair});
        applyCommand(state, SelectPair{pair.household, pair.group});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::PinPair)));
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::AcceptProposal)));
        applyCommand(state, AcceptProposal{});
        applyCommand(state, ShowPanel{"matches"});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"matches"});
        EXPECT_TRUE(ItemRegistry::instance().find(state.document->roster.matches.front().id));
    }
}

TEST(Workspace, TabsAreFoundByTheirLanguageIndependentId) {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state;
    state.ui.language = Language::Dutch;
    applyCommand(state, StartDemo{});
    drawFrames(imgui, workspace, state, 3);
    EXPECT_TRUE(ItemRegistry::instance().find("programme"));
    EXPECT_TRUE(ItemRegistry::instance().find("Programma"));
}

}  // namespace
}  // namespace welkom

namespace welkom {
namespace {

// The outcomes panels (issue 7): check-ins with the editor open, the charts,
// and the learning with a proposal, a refusal and an export report, in both
// languages; the items tests click are found by label.
TEST(Workspace, OutcomesChartsAndLearningPanelsDraw) {
    HeadlessImGui imgui(1600.0f, 2400.0f);
    Workspace workspace;
    std::ifstream in(std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/research/research-fictitious.csv", std::ios::binary);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state;
        state.ui.language = language;
        applyCommand(state, SetToday{"2026-11-29"});
        applyCommand(state, StartDemo{});

        applyCommand(state, ShowPanel{"outcomes"});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"outcomes"});
        const std::vector<DueCheckIn> due = dueCheckIns(state.document->roster, state.clock.today);
        ASSERT_FALSE(due.empty()) << "the demo has check-ins due on this day";
        const std::string enter = std::string(tr(language, TextId::EnterCheckIn)) + "##due-" + due[0].matchId + "-" +
                                  std::string(toString(due[0].milestone));
        ASSERT_TRUE(ItemRegistry::instance().find(enter)) << enter;

        applyCommand(state, ShowPanel{"charts"});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"charts"});

        applyCommand(state, ShowPanel{"learning"});
        applyCommand(state, RunLearning{});  // the demo alone: refused
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"learning"});
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::RunLearningButton)));
        EXPECT_FALSE(ItemRegistry::instance().find(tr(language, TextId::AdoptWeightsButton)));
        applyCommand(state, ImportResearchFile{"research-fictitious.csv", csv});
        applyCommand(state, RunLearning{});
        applyCommand(state, ExportResearch{ResearchFormat::Csv});
        drawFrames(imgui, workspace, state, 3);
        ASSERT_TRUE(state.learning && state.learning->proposal.proposed);
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::AdoptWeightsButton)));
        applyCommand(state, AdoptWeights{state.learning->proposal.weights});
        drawFrames(imgui, workspace, state, 2);
        EXPECT_FALSE(ItemRegistry::instance().find(tr(language, TextId::AdoptWeightsButton))) << "adopted";
    }
}

}  // namespace
}  // namespace welkom
