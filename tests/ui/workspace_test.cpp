// Smoke test: the whole workspace draws for several frames in every state a
// roster can be in, and items are found by label through the test hooks.
#include "ui/workspace.h"

#include <algorithm>
#include <cmath>
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
        state.errors.push_back(codedError("app.no_document"));
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

// A generated roster, matched (best total), with the Overview panel shown.
AppState matchedOverview(const DemoRosterOptions& roster) {
    AppState state;
    state.document = Document{generateDemoRoster(roster)};
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    applyCommand(state, ShowPanel{"overview"});
    return state;
}

TEST(Workspace, OverviewShowsALargeRosterInBlocks) {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state = matchedOverview({900, 700, 6, 3});
    ASSERT_TRUE(state.matchingRun);
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

// Pixel rows of `area` that a drawn triangle in a colour other than
// `background` covers, counting only triangles smaller than a quarter of the
// area (cells and runs of cells, not the background under them). Reads the
// draw data as the renderer does: each index into its list's vertices, so
// indices that wrapped around (16-bit, more than 65536 vertices) point at the
// wrong cells and leave rows uncovered.
std::vector<bool> rowsCoveredByColour(const ItemRect& area, ImU32 background) {
    const int top = static_cast<int>(std::ceil(area.y));
    std::vector<bool> covered(static_cast<std::size_t>(std::max(0.0f, std::floor(area.y + area.h) - static_cast<float>(top))), false);
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                float minX = 1e9f, maxX = -1e9f, minY = 1e9f, maxY = -1e9f;
                bool backgroundColour = false;
                for (unsigned int k = 0; k < 3; ++k) {
                    const ImDrawVert& v = list->VtxBuffer[static_cast<int>(list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)] + cmd.VtxOffset)];
                    minX = std::min(minX, v.pos.x), maxX = std::max(maxX, v.pos.x);
                    minY = std::min(minY, v.pos.y), maxY = std::max(maxY, v.pos.y);
                    backgroundColour = backgroundColour || v.col == background;
                }
                if (backgroundColour || maxY - minY > area.h / 4.0f || minX < area.x - 0.5f || maxX > area.x + area.w + 0.5f ||
                    minY < area.y - 0.5f || maxY > area.y + area.h + 0.5f)
                    continue;
                for (int y = static_cast<int>(std::ceil(minY - 0.5f)); static_cast<float>(y) + 0.5f < maxY; ++y)
                    if (y >= top && y - top < static_cast<int>(covered.size())) covered[static_cast<std::size_t>(y - top)] = true;
            }
        }
    }
    return covered;
}

// A national-size roster at full-HD size: the heatmap is some 500 x 400
// blocks, far more vertices than 16-bit indices reach, and still every row of
// blocks is drawn in colour (every household has feasible groups).
TEST(Workspace, OverviewDrawsEveryRowOfALargeHeatmap) {
    HeadlessImGui imgui(1600.0f, 1000.0f);
    Workspace workspace;
    AppState state = matchedOverview({3000, 3000, 40, 11});
    ASSERT_TRUE(state.matchingRun);
    ImGui::GetIO().MousePos = ImVec2(-1.0f, -1.0f);
    drawFrames(imgui, workspace, state, 3);
    const auto heatmap = ItemRegistry::instance().find("heatmap");
    ASSERT_TRUE(heatmap);
    EXPECT_GT(heatmap->h, 600.0f) << "the heatmap fills the view";
    int mostVertices = 0;
    for (int l = 0; l < ImGui::GetDrawData()->CmdListsCount; ++l)
        mostVertices = std::max(mostVertices, ImGui::GetDrawData()->CmdLists[l]->VtxBuffer.Size);
    EXPECT_GT(mostVertices, 1 << 16) << "the case 16-bit vertex indices cannot draw";
    const std::vector<bool> covered = rowsCoveredByColour(*heatmap, IM_COL32(46, 46, 54, 255));
    ASSERT_FALSE(covered.empty());
    int uncovered = 0, firstUncovered = -1;
    for (std::size_t y = 0; y < covered.size(); ++y)
        if (!covered[y]) {
            if (firstUncovered < 0) firstUncovered = static_cast<int>(y);
            ++uncovered;
        }
    EXPECT_EQ(uncovered, 0) << "pixel rows without an open block, the first " << firstUncovered << " px below the top of "
                            << covered.size();
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
        EXPECT_TRUE(findRunningJob(state, JobPurpose::PresentationBase));
        EXPECT_FALSE(ItemRegistry::instance().find("whatif")) << "no slider before the worker has the base run";
        runJobsInline(state);  // what the page's worker does
        drawFrames(imgui, workspace, state, 3);
        EXPECT_TRUE(ItemRegistry::instance().find("whatif"));
        EXPECT_TRUE(ItemRegistry::instance().find(tr(language, TextId::PresentSkip)));
        applyCommand(state, SkipBuildUp{});
        applyCommand(state, SetWhatIfWeight{Criterion::Language, 3.0});
        runJobsInline(state);
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
