// Presentation mode: scale and contrast, the build-up driven by the clock,
// and the what-if weight that re-runs the matching without editing the roster.
#include "app/presentation.h"

#include <gtest/gtest.h>

#include "app/commands.h"

namespace welkom {
namespace {

// Applies a command and runs the jobs it started, as the page's worker would.
void apply(AppState& state, Command command) {
    applyCommand(state, std::move(command));
    runJobsInline(state);
}

AppState presentingDemo(double now = 100.0) {
    AppState state;
    applyCommand(state, Tick{now});
    applyCommand(state, SetPresentationMode{true});
    apply(state, StartDemo{});
    return state;
}

std::size_t queuedJobs(const AppState& state, JobPurpose purpose) {
    std::size_t n = 0;
    for (const RunningJob& job : state.runningJobs) n += job.purpose == purpose ? 1 : 0;
    return n;
}

// Runs the first queued job only, as a worker that finished one of them.
void finishOneJob(AppState& state) {
    JobTicket ticket = std::move(state.jobsToStart.front());
    state.jobsToStart.erase(state.jobsToStart.begin());
    applyCommand(state, JobFinished{ticket.id, runJob(std::move(ticket.request))});
}

TEST(Presentation, ModeScalesUpAndBackToTheCoordinatorsScale) {
    AppState state;
    applyCommand(state, SetUiScale{1.25f});
    applyCommand(state, SetPresentationMode{true});
    EXPECT_TRUE(state.ui.presentation);
    EXPECT_FLOAT_EQ(state.ui.uiScale, kPresentationScale);
    applyCommand(state, SetPresentationMode{true});
    applyCommand(state, SetPresentationMode{false});
    EXPECT_FALSE(state.ui.presentation);
    EXPECT_FLOAT_EQ(state.ui.uiScale, 1.25f);
}

TEST(Presentation, OpeningARosterBuildsTheProposalUpWithTheClock) {
    AppState state = presentingDemo(100.0);
    ASSERT_TRUE(state.presentation.baseRun);
    EXPECT_EQ(state.ui.focusPath, "/present/");
    const std::size_t total = state.presentation.whatIfRun->pairs.size();
    ASSERT_GT(total, 10u);
    EXPECT_EQ(visibleLinkCount(state), 1u) << "the first link at once";
    applyCommand(state, Tick{100.0 + kBuildUpSeconds / 2.0});
    const std::size_t half = visibleLinkCount(state);
    EXPECT_GT(half, 1u);
    EXPECT_LT(half, total);
    EXPECT_FALSE(buildUpComplete(state));
    applyCommand(state, Tick{100.0 + kBuildUpSeconds + 0.01});
    EXPECT_EQ(visibleLinkCount(state), total);
    EXPECT_TRUE(buildUpComplete(state));

    applyCommand(state, ReplayBuildUp{});
    EXPECT_EQ(visibleLinkCount(state), 1u);
    applyCommand(state, SkipBuildUp{});
    EXPECT_EQ(visibleLinkCount(state), total) << "a test can jump to the end";
}

TEST(Presentation, WhatIfWeightChangesTheProposalButNotTheRoster) {
    AppState state = presentingDemo();
    const CriterionWeights weightsBefore = state.document->roster.settings.weights;
    const double rosterInterests = state.document->roster.settings.weights[Criterion::Interests];
    EXPECT_TRUE(whatIfChanges(state).changes.empty());

    apply(state, SetWhatIfWeight{Criterion::Interests, 3.0});
    EXPECT_EQ(state.presentation.whatIfCriterion, Criterion::Interests);
    EXPECT_DOUBLE_EQ(state.presentation.whatIfWeight, 3.0);
    const RunComparison changes = whatIfChanges(state);
    EXPECT_FALSE(changes.changes.empty()) << "weighting interests three times moves some households";
    for (const RunChange& c : changes.changes) {
        ASSERT_TRUE(c.after.has_value() || c.before.has_value());
        EXPECT_NE(c.before, c.after);
    }
    EXPECT_FALSE(state.history.canUndo()) << "a what-if is not an edit";
    EXPECT_FALSE(state.unsaved);
    EXPECT_EQ(state.document->roster.settings.weights, weightsBefore);

    // Back to the roster's weight: the proposal is the roster's again.
    apply(state, SetWhatIfWeight{Criterion::Interests, rosterInterests});
    EXPECT_TRUE(whatIfChanges(state).changes.empty());
    apply(state, SetWhatIfWeight{Criterion::Interests, 99.0});
    EXPECT_DOUBLE_EQ(state.presentation.whatIfWeight, 3.0) << "the slider's range";
}

// The runs are worker jobs: entering presentation mode or moving the slider
// never runs a matching in the frame. A drag queues at most one what-if job;
// the one that finishes asks for the slider's newest setting, and the view
// ends with the run of that setting.
TEST(Presentation, TheWhatIfSliderRunsAtMostOneJobAndEndsWithTheNewestSetting) {
    AppState state;
    applyCommand(state, SetPresentationMode{true});
    applyCommand(state, StartDemo{});
    EXPECT_FALSE(state.presentation.baseRun) << "the base run is a job";
    EXPECT_EQ(queuedJobs(state, JobPurpose::PresentationBase), 1u);
    EXPECT_TRUE(whatIfPending(state));
    runJobsInline(state);
    ASSERT_TRUE(state.presentation.baseRun);
    EXPECT_FALSE(whatIfPending(state));

    for (double weight : {0.5, 1.5, 2.5, 3.0, 2.0}) applyCommand(state, SetWhatIfWeight{Criterion::Interests, weight});
    EXPECT_EQ(queuedJobs(state, JobPurpose::WhatIf), 1u) << "one job for a whole drag";
    EXPECT_TRUE(whatIfPending(state));
    EXPECT_TRUE(whatIfChanges(state).changes.empty()) << "the base run is shown until a what-if run is in";
    finishOneJob(state);
    EXPECT_DOUBLE_EQ(state.presentation.shown.weight, 0.5) << "the first setting's run is shown";
    EXPECT_EQ(queuedJobs(state, JobPurpose::WhatIf), 1u) << "and the newest setting is asked for";
    EXPECT_TRUE(whatIfPending(state));
    runJobsInline(state);
    EXPECT_FALSE(whatIfPending(state));
    EXPECT_DOUBLE_EQ(state.presentation.shown.weight, 2.0);

    // The run shown is the one of the slider's last setting.
    AppState direct;
    apply(direct, StartDemo{});
    apply(direct, SetCriterionWeight{Criterion::Interests, 2.0});
    apply(direct, RunMatching{MatchMode::BestTotal});
    ASSERT_TRUE(direct.matchingRun);
    EXPECT_TRUE(compareRuns(*direct.matchingRun, *state.presentation.whatIfRun).changes.empty());
    EXPECT_DOUBLE_EQ(compareRuns(*direct.matchingRun, *state.presentation.whatIfRun).totalAfter,
                     direct.matchingRun->total);
}

TEST(Presentation, AdoptingTheWhatIfWeightIsOneUndoableEdit) {
    AppState state = presentingDemo();
    apply(state, SetWhatIfWeight{Criterion::Interests, 0.0});
    const auto adoptedPairs = state.presentation.whatIfRun->pairs.size();
    apply(state, AdoptWhatIfWeight{});
    EXPECT_DOUBLE_EQ(state.document->roster.settings.weights[Criterion::Interests], 0.0);
    EXPECT_EQ(state.history.undoLabel(), "Change weight of interests");
    EXPECT_TRUE(whatIfChanges(state).changes.empty()) << "the adopted weight is the new starting point";
    EXPECT_EQ(state.presentation.baseRun->pairs.size(), adoptedPairs);
    EXPECT_TRUE(buildUpComplete(state));
    EXPECT_FALSE(whatIfPending(state)) << "the what-if run is the new base run: nothing to run again";
    applyCommand(state, UndoEdit{});
    EXPECT_DOUBLE_EQ(state.document->roster.settings.weights[Criterion::Interests], 1.0);
}

TEST(Presentation, LeavingOrClosingForgetsTheRuns) {
    AppState state = presentingDemo();
    apply(state, SetWhatIfWeight{Criterion::Language, 2.0});
    applyCommand(state, SetPresentationMode{false});
    EXPECT_FALSE(state.presentation.whatIfRun);
    EXPECT_EQ(state.ui.focusPath, "/matching/");
    apply(state, SetPresentationMode{true});
    EXPECT_TRUE(state.presentation.whatIfRun);
    applyCommand(state, CloseRoster{});
    EXPECT_FALSE(state.presentation.baseRun);
    EXPECT_EQ(visibleLinkCount(state), 0u);
}

TEST(Presentation, AWhatIfAfterAnEditStartsFromTheEditedRoster) {
    AppState state = presentingDemo();
    applyCommand(state, SetCriterionWeight{Criterion::Distance, 0.0});
    apply(state, SetWhatIfWeight{Criterion::Distance, 0.0});
    EXPECT_EQ(state.presentation.baseRun->revision, state.editRevision);
    EXPECT_TRUE(whatIfChanges(state).changes.empty());
}

}  // namespace
}  // namespace welkom
