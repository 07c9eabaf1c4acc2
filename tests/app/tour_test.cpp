// The guided demo tour as a state machine: steps advance by commands, bring
// their panel to the front, and know when their task is done.
#include "app/tour.h"

#include <gtest/gtest.h>

#include "app/commands.h"

namespace welkom {
namespace {

AppState demoOnTour() {
    AppState state;
    applyCommand(state, StartDemo{});
    applyCommand(state, StartTour{});
    return state;
}

TEST(Tour, NeedsAnOpenRoster) {
    AppState state;
    applyCommand(state, StartTour{});
    EXPECT_FALSE(state.ui.tour.active);
}

TEST(Tour, StartsAtTheGroupsAndBringsTheirPanelToTheFront) {
    AppState state = demoOnTour();
    EXPECT_TRUE(state.ui.tour.active);
    EXPECT_EQ(currentTourStep(state), TourStep::MeetGroups);
    EXPECT_EQ(state.ui.focusPath, "/groups/");
    EXPECT_EQ(tourHighlight(state), "groups");
}

TEST(Tour, NextAndBackWalkTheStepsAndEveryStepShowsItsPanel) {
    AppState state = demoOnTour();
    const char* panels[kTourStepCount] = {"groups", "households", "matching", "matching", "matching", "matching"};
    for (int i = 0; i < kTourStepCount; ++i) {
        EXPECT_EQ(state.ui.tour.step, i);
        EXPECT_EQ(state.ui.focusPath, std::string("/") + panels[i] + "/");
        EXPECT_STREQ(tourPanel(currentTourStep(state)), panels[i]);
        if (i + 1 < kTourStepCount) applyCommand(state, TourNext{});
    }
    const std::uint64_t request = state.ui.focusRequest;
    applyCommand(state, TourBack{});
    EXPECT_EQ(currentTourStep(state), TourStep::WhyPair);
    EXPECT_GT(state.ui.focusRequest, request) << "a step change moves the panel even when it is the same one";
    for (int i = 0; i < 10; ++i) applyCommand(state, TourBack{});
    EXPECT_EQ(state.ui.tour.step, 0) << "Back stops at the first step";
    for (int i = 0; i < kTourStepCount; ++i) applyCommand(state, TourNext{});
    EXPECT_FALSE(state.ui.tour.active) << "Next on the last step finishes the tour";
}

TEST(Tour, ReadingStepsAreDoneAtOnceTaskStepsWhenTheirTaskIsDone) {
    AppState state = demoOnTour();
    EXPECT_TRUE(tourStepDone(state, TourStep::MeetGroups));
    EXPECT_TRUE(tourStepDone(state, TourStep::Weights));
    EXPECT_EQ(tourTask(TourStep::Weights), TextId::Count);

    EXPECT_FALSE(tourStepDone(state, TourStep::RunMatching));
    EXPECT_FALSE(tourStepDone(state, TourStep::WhyPair));
    EXPECT_FALSE(tourStepDone(state, TourStep::TryPin));

    state.ui.tour.step = static_cast<int>(TourStep::RunMatching);
    EXPECT_EQ(tourHighlight(state), "Run matching");
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    EXPECT_TRUE(tourStepDone(state, TourStep::RunMatching));

    applyCommand(state, TourNext{});
    const ProposedPair first = state.matchingRun->pairs.front();
    EXPECT_EQ(tourHighlight(state), "pair-" + state.document->roster.households[first.household].id);
    const ProposedPair second = state.matchingRun->pairs.at(1);
    applyCommand(state, SelectPair{second.household, second.group});
    EXPECT_TRUE(tourStepDone(state, TourStep::WhyPair));
    EXPECT_EQ(tourHighlight(state), "pair-" + state.document->roster.households[second.household].id)
        << "the explained pair stays pointed at";

    applyCommand(state, TourNext{});
    EXPECT_EQ(tourHighlight(state), "Pin this pair");
    const std::string& h = state.document->roster.households[second.household].id;
    const std::string& g = state.document->roster.groups[second.group].id;
    applyCommand(state, AddConstraint{ConstraintKind::Pin, h, g, "know each other"});
    EXPECT_TRUE(tourStepDone(state, TourStep::TryPin));
    applyCommand(state, UndoEdit{});
    EXPECT_FALSE(tourStepDone(state, TourStep::TryPin)) << "undoing the pin undoes the task";
}

TEST(Tour, AnEditMakesTheRunStaleSoTheRunStepIsNotDone) {
    AppState state = demoOnTour();
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    EXPECT_TRUE(tourStepDone(state, TourStep::RunMatching));
    applyCommand(state, SetCriterionWeight{Criterion::Language, 2.0});
    EXPECT_FALSE(tourStepDone(state, TourStep::RunMatching));
}

TEST(Tour, SkippingToAnExplanationWithoutARunPointsAtTheRunButton) {
    AppState state = demoOnTour();
    for (int i = 0; i < 4; ++i) applyCommand(state, TourNext{});
    ASSERT_EQ(currentTourStep(state), TourStep::WhyPair);
    EXPECT_TRUE(tourStepNeedsRun(state, TourStep::WhyPair));
    EXPECT_EQ(tourHighlight(state), "Run matching");
}

TEST(Tour, FollowsTheLanguageAtEveryStep) {
    AppState state = demoOnTour();
    for (int i = 0; i < 3; ++i) applyCommand(state, TourNext{});
    applyCommand(state, SetLanguage{Language::Dutch});
    EXPECT_TRUE(state.ui.tour.active);
    EXPECT_EQ(tourHighlight(state), tr(Language::Dutch, TextId::MatchingRun));
    for (int i = 0; i < kTourStepCount; ++i) {
        const auto step = static_cast<TourStep>(i);
        EXPECT_STRNE(tr(Language::Dutch, tourTitle(step)), tr(Language::English, tourTitle(step)));
        EXPECT_STRNE(tr(Language::Dutch, tourBody(step)), tr(Language::English, tourBody(step)));
    }
}

TEST(Tour, ClosingOrOpeningAnotherRosterEndsIt) {
    AppState state = demoOnTour();
    applyCommand(state, TourNext{});
    applyCommand(state, CloseRoster{});
    EXPECT_FALSE(state.ui.tour.active);
    state = demoOnTour();
    applyCommand(state, NewProgramme{"Haarlem"});
    EXPECT_FALSE(state.ui.tour.active);
    EXPECT_EQ(state.ui.tour.step, 0);
}

TEST(Tour, EndTourStopsAtAnyStep) {
    AppState state = demoOnTour();
    applyCommand(state, TourNext{});
    applyCommand(state, EndTour{});
    EXPECT_FALSE(state.ui.tour.active);
    applyCommand(state, TourNext{});
    EXPECT_FALSE(state.ui.tour.active) << "Next does nothing without a tour";
}

}  // namespace
}  // namespace welkom
