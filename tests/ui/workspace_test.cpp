// Smoke test: the whole workspace draws for several frames in every state a
// roster can be in, and items are found by label through the test hooks.
#include "ui/workspace.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "app/presentation.h"
#include "app/tour.h"
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

// The demo in `language`, with the panel `id` in front and drawn.
AppState demoShowing(HeadlessImGui& imgui, Workspace& workspace, Language language, const char* id) {
    AppState state;
    state.ui.language = language;
    applyCommand(state, StartDemo{});
    applyCommand(state, ShowPanel{id});
    drawFrames(imgui, workspace, state, 2);
    EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{id});
    return state;
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
        AppState state = demoShowing(imgui, workspace, language, "matching");
        ASSERT_TRUE(ItemRegistry::instance().find(tr(language, TextId::MatchingRun)));
        applyCommand(state, RunMatching{MatchMode::BestTotal});
        runJobsInline(state);
        const ProposedPair pair = state.matchingRun->pairs.front();
        applyCommand(state, SelectPair{pair.household, pair.group});
        applyCommand(state, RunMatching{MatchMode::Fair});
        runJobsInline(state);
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

// Whether a tooltip was drawn in the last frame.
bool tooltipShown() {
    ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    return tooltip && tooltip->Active;
}

TEST(Workspace, OverviewOffersARunThenDrawsTheHeatmapWithTooltips) {
    HeadlessImGui imgui(1400.0f, 900.0f);
    Workspace workspace;
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state = demoShowing(imgui, workspace, language, "overview");
        // No run yet: the panel says so and offers the run.
        const auto run = ItemRegistry::instance().find(tr(language, TextId::MatchingRun));
        ASSERT_TRUE(run);
        ImGui::GetIO().MousePos = ImVec2(run->x + run->w * 0.5f, run->y + run->h * 0.5f);
        ImGui::GetIO().MouseDown[0] = true;
        drawFrames(imgui, workspace, state, 1);
        ImGui::GetIO().MouseDown[0] = false;
        drawFrames(imgui, workspace, state, 2);
        runJobsInline(state);  // what the page's worker does
        drawFrames(imgui, workspace, state, 1);
        ASSERT_TRUE(state.matchingRun) << "the button ran the matching";
        EXPECT_FALSE(ItemRegistry::instance().find(tr(language, TextId::MatchingRun)));

        // The heatmap: one cell per pair for the demo; hovering a cell explains it.
        const auto heatmap = ItemRegistry::instance().find("heatmap");
        ASSERT_TRUE(heatmap);
        const float cellWidth = heatmap->w / static_cast<float>(state.document->roster.groups.size());
        const float cellHeight = heatmap->h / static_cast<float>(state.document->roster.households.size());
        EXPECT_NEAR(cellWidth, cellHeight, 0.01f) << "square cells";
        EXPECT_GE(cellWidth, 5.0f) << "the demo fits with readable cells";
        ImGui::GetIO().MousePos = ImVec2(heatmap->x + cellWidth * 2.5f, heatmap->y + cellHeight * 3.5f);
        drawFrames(imgui, workspace, state, 2);
        EXPECT_TRUE(tooltipShown()) << "a pair's reasons";
        // Each criterion's distribution explains what the criterion measures.
        for (const char* id : {"dist-total", "dist-interests", "dist-distance"}) {
            const auto dist = ItemRegistry::instance().find(id);
            ASSERT_TRUE(dist) << id;
            ImGui::GetIO().MousePos = ImVec2(dist->x + dist->w * 0.5f, dist->y + dist->h * 0.5f);
            drawFrames(imgui, workspace, state, 2);
            EXPECT_TRUE(tooltipShown()) << id;
        }
        // Zoomed in, the view scrolls and still draws.
        ImGui::GetIO().MousePos = ImVec2(-1.0f, -1.0f);
        applyCommand(state, AddConstraint{ConstraintKind::Forbid, state.document->roster.households[0].id,
                                          state.document->roster.groups[0].id, "test"});
        applyCommand(state, RunMatching{MatchMode::Fair});
        runJobsInline(state);
        drawFrames(imgui, workspace, state, 3);
        EXPECT_TRUE(ItemRegistry::instance().find("heatmap"));
        ImGui::GetIO().MousePos = ImVec2(-1.0f, -1.0f);
    }
}

TEST(Workspace, OverviewShowsALargeRosterInBlocks) {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state;
    state.document = Document{generateDemoRoster({900, 700, 6, 3})};
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    ASSERT_TRUE(state.matchingRun);
    applyCommand(state, ShowPanel{"overview"});
    drawFrames(imgui, workspace, state, 3);
    EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"overview"});
    const auto heatmap = ItemRegistry::instance().find("heatmap");
    ASSERT_TRUE(heatmap);
    EXPECT_LE(heatmap->h, 800.0f) << "blocks: the whole roster fits the view";
    ImGui::GetIO().MousePos = ImVec2(heatmap->x + heatmap->w * 0.5f, heatmap->y + heatmap->h * 0.5f);
    drawFrames(imgui, workspace, state, 2);
    EXPECT_TRUE(tooltipShown()) << "a block's summary";
    ImGui::GetIO().MousePos = ImVec2(-1.0f, -1.0f);
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

// A key held for one frame, then released (ImGui 1.86 samples keys per frame).
void pressKey(HeadlessImGui& imgui, Workspace& workspace, AppState& state, ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[io.KeyMap[key]] = true;
    drawFrames(imgui, workspace, state, 1);
    io.KeysDown[io.KeyMap[key]] = false;
    drawFrames(imgui, workspace, state, 1);
}

TEST(Workspace, GuidedTourShowsEachStepsPanelAndPointsAtItsItem) {
    HeadlessImGui imgui(1600.0f, 1000.0f);
    Workspace workspace;
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state;
        state.ui.language = language;
        drawFrames(imgui, workspace, state, 2);
        ASSERT_TRUE(ItemRegistry::instance().find(tr(language, TextId::StartTryDemoTour)));
        applyCommand(state, StartDemo{});
        applyCommand(state, StartTour{});
        for (int i = 0; i < kTourStepCount; ++i) {
            const TourStep step = currentTourStep(state);
            drawFrames(imgui, workspace, state, 3);
            EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{tourPanel(step)}) << "step " << i;
            EXPECT_TRUE(ItemRegistry::instance().find("tour-next")) << "step " << i;
            if (step == TourStep::RunMatching) {
                applyCommand(state, RunMatching{MatchMode::BestTotal});
                runJobsInline(state);
            }
            if (step == TourStep::WhyPair) {
                const ProposedPair pair = state.matchingRun->pairs.front();
                applyCommand(state, SelectPair{pair.household, pair.group});
            }
            drawFrames(imgui, workspace, state, 2);
            auto target = ItemRegistry::instance().find(tourHighlight(state));
            ASSERT_TRUE(target) << "step " << i << " points at " << tourHighlight(state);
            EXPECT_TRUE(target->visible()) << "step " << i;
            if (step == TourStep::TryPin) {
                const auto& d = *state.pairDetail;
                applyCommand(state, AddConstraint{ConstraintKind::Pin, state.document->roster.households[d.household].id,
                                                  state.document->roster.groups[d.group].id, "test"});
            }
            EXPECT_TRUE(tourStepDone(state, step)) << "step " << i;
            applyCommand(state, TourNext{});
        }
        EXPECT_FALSE(state.ui.tour.active);
        drawFrames(imgui, workspace, state, 2);
        EXPECT_FALSE(ItemRegistry::instance().find("tour-next")) << "the window is gone";
        EXPECT_TRUE(ItemRegistry::instance().find("tour-offer")) << "the demo offers the tour again";
    }
}

TEST(Workspace, TourWindowTakesKeysWhenItHasFocus) {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state;
    applyCommand(state, StartDemo{});
    drawFrames(imgui, workspace, state, 2);
    applyCommand(state, StartTour{});
    drawFrames(imgui, workspace, state, 3);
    pressKey(imgui, workspace, state, ImGuiKey_RightArrow);
    EXPECT_EQ(state.ui.tour.step, 1);
    pressKey(imgui, workspace, state, ImGuiKey_Enter);
    EXPECT_EQ(state.ui.tour.step, 2);
    pressKey(imgui, workspace, state, ImGuiKey_LeftArrow);
    EXPECT_EQ(state.ui.tour.step, 1);
    pressKey(imgui, workspace, state, ImGuiKey_Escape);
    EXPECT_FALSE(state.ui.tour.active);
}

TEST(Workspace, PresentationPanelBuildsUpAndDrawsTheWhatIf) {
    HeadlessImGui imgui;
    Workspace workspace;
    for (Language language : {Language::English, Language::Dutch}) {
        AppState state;
        state.ui.language = language;
        applyCommand(state, SetPresentationMode{true});
        drawFrames(imgui, workspace, state, 2);
        applyCommand(state, StartDemo{});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"present"});
        EXPECT_TRUE(ItemRegistry::instance().find("whatif"));
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::PresentSkip)));
        applyCommand(state, SkipBuildUp{});
        applyCommand(state, SetWhatIfWeight{Criterion::Language, 3.0});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_FALSE(ItemRegistry::instance().find(tr(language, TextId::PresentSkip))) << "built up";
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::PresentAdopt)));
        applyCommand(state, SetPresentationMode{false});
        drawFrames(imgui, workspace, state, 3);
        EXPECT_EQ(workspace.visiblePanels(), std::vector<std::string>{"matching"});
    }
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
