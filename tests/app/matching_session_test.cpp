// The matching session through commands: run, explain, forbid, pin, compare,
// accept, undo.
#include <gtest/gtest.h>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "io/roster_json.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

std::optional<std::size_t> groupOf(const MatchingRun& run, std::size_t household) {
    for (const ProposedPair& p : run.pairs)
        if (p.household == household) return p.group;
    return std::nullopt;
}

TEST(MatchingSession, RunProposesOnlyFeasiblePairsWithExplanations) {
    AppState state = demoWithRun();
    ASSERT_TRUE(state.matchingRun);
    const MatchingRun& run = *state.matchingRun;
    EXPECT_EQ(run.status, SolveStatus::Optimal);
    ASSERT_FALSE(run.pairs.empty());
    EXPECT_EQ(run.pairs.size() + run.unmatched.size(), state.document->roster.households.size());
    // The first household the coordinator has not fixed (pinned or active) has alternatives.
    const ProposedPair* found = nullptr;
    for (const ProposedPair& p : run.pairs) {
        applyCommand(state, SelectPair{p.household, p.group});
        if (!state.pairDetail->alternatives.empty()) {
            found = &p;
            break;
        }
    }
    ASSERT_NE(found, nullptr);
    const ProposedPair& first = *found;
    ASSERT_TRUE(state.pairDetail);
    EXPECT_TRUE(state.pairDetail->inProposal);
    EXPECT_TRUE(state.pairDetail->report.feasible);
    EXPECT_NEAR(state.pairDetail->report.total, first.total, 1e-9);
    ASSERT_FALSE(state.pairDetail->alternatives.empty());
    EXPECT_EQ(state.pairDetail->alternatives.front().group, first.group) << "the chosen group costs nothing";
    EXPECT_NEAR(state.pairDetail->alternatives.front().loss, 0.0, 1e-9);
}

TEST(MatchingSession, ForbidMovesTheHouseholdPinKeepsItAndUndoRestores) {
    AppState state = demoWithRun();
    const ProposedPair chosen = state.matchingRun->pairs.front();
    const Roster& roster = state.document->roster;
    const std::string hId = roster.households[chosen.household].id;
    const std::string gId = roster.groups[chosen.group].id;

    applyCommand(state, AddConstraint{ConstraintKind::Forbid, hId, gId, "met before, did not click"});
    EXPECT_EQ(state.history.undoLabel(), "Forbid " + hId + " - " + gId);
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    EXPECT_NE(groupOf(*state.matchingRun, chosen.household), std::optional<std::size_t>(chosen.group));
    const RunComparison diff = compareRuns(*state.previousRun, *state.matchingRun);
    EXPECT_FALSE(diff.changes.empty());
    EXPECT_LE(diff.totalAfter, diff.totalBefore + 1e-9) << "a forbid cannot raise the optimum";

    applyCommand(state, SelectPair{chosen.household, chosen.group});
    EXPECT_EQ(state.pairDetail->whyNot, "The coordinator forbade this pair.");

    applyCommand(state, UndoEdit{});
    EXPECT_TRUE(state.document->roster.constraints.size() ==
                static_cast<std::size_t>(std::count_if(state.document->roster.constraints.begin(),
                                                       state.document->roster.constraints.end(),
                                                       [&](const Constraint& c) { return c.householdId != hId || c.groupId != gId || c.kind != ConstraintKind::Forbid; })));
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    EXPECT_EQ(groupOf(*state.matchingRun, chosen.household), std::optional<std::size_t>(chosen.group));
}

TEST(MatchingSession, APinIsKeptByReruns) {
    AppState state = demoWithRun();
    // A household whose second-best option exists: pin it there. (Copies: a
    // re-run replaces the run the loop started on.)
    const std::vector<ProposedPair> pairs = state.matchingRun->pairs;
    for (const ProposedPair& p : pairs) {
        applyCommand(state, SelectPair{p.household, p.group});
        if (state.pairDetail->alternatives.size() < 2) continue;
        const std::size_t other = state.pairDetail->alternatives[1].group;
        const Roster& roster = state.document->roster;
        applyCommand(state, AddConstraint{ConstraintKind::Pin, roster.households[p.household].id,
                                          roster.groups[other].id, "agreed at intake"});
        applyCommand(state, RunMatching{MatchMode::Fair});
        runJobsInline(state);
        ASSERT_EQ(state.matchingRun->status, SolveStatus::Optimal)
            << (state.matchingRun->conflicts.empty() ? "" : state.matchingRun->conflicts[0]);
        EXPECT_EQ(groupOf(*state.matchingRun, p.household), std::optional<std::size_t>(other));
        applyCommand(state, RunMatching{MatchMode::BestTotal});
        runJobsInline(state);
        EXPECT_EQ(groupOf(*state.matchingRun, p.household), std::optional<std::size_t>(other));
        return;
    }
    FAIL() << "no household with an alternative in the demo";
}

TEST(MatchingSession, AcceptCreatesProposedMatchesOnlyByDecisionAndUndoes) {
    AppState state = demoWithRun();
    const std::size_t before = state.document->roster.matches.size();
    applyCommand(state, AcceptProposal{});
    const Roster& roster = state.document->roster;
    ASSERT_GT(roster.matches.size(), before);
    for (std::size_t i = before; i < roster.matches.size(); ++i) {
        const Match& m = roster.matches[i];
        EXPECT_EQ(m.status(), MatchStatus::Proposed);
        EXPECT_EQ(m.history.front().date, "2027-03-01");
        EXPECT_FALSE(m.scores.empty());
    }
    EXPECT_FALSE(hasErrors(state.problems)) << "accepted matches keep the roster valid";
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.matches.size(), before);
}

TEST(MatchingSession, MatchesMoveThroughTheLifecycleOnlyByAllowedSteps) {
    AppState state = demoWithRun();
    applyCommand(state, AcceptProposal{});
    const Match& m = state.document->roster.matches.back();
    const std::string id = m.id;
    applyCommand(state, AdvanceMatch{id, MatchStatus::Active, "", ""});
    ASSERT_FALSE(state.errors.empty()) << "proposed cannot jump to active";
    EXPECT_EQ(state.errors.back().code, "app.transition");
    applyCommand(state, AdvanceMatch{id, MatchStatus::AcceptedByGroup, "group said yes", "by phone"});
    const Match& after = state.document->roster.matches.back();
    EXPECT_EQ(after.status(), MatchStatus::AcceptedByGroup);
    EXPECT_EQ(after.history.back().date, "2027-03-01");
    EXPECT_EQ(after.history.back().note, "by phone");
    EXPECT_EQ(state.history.undoLabel(), "Match " + id + ": accepted_by_group");
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.matches.back().status(), MatchStatus::Proposed);
}

TEST(MatchingSession, WeightsAreUndoableEdits) {
    AppState state = demoWithRun();
    const CriterionWeights before = state.document->roster.settings.weights;
    applyCommand(state, SetCriterionWeight{Criterion::Interests, 3.0});
    const CriterionWeights& weights = state.document->roster.settings.weights;
    EXPECT_DOUBLE_EQ(weights[Criterion::Interests], 3.0);
    EXPECT_EQ(state.history.undoLabel(), "Change weight of interests");
    applyCommand(state, SetCriterionWeight{Criterion::Interests, -1.0});
    EXPECT_DOUBLE_EQ(weights[Criterion::Interests], 0.0) << "below 0 counts as 0";
    applyCommand(state, UndoEdit{});
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.history.undoLabel(), "");
    EXPECT_EQ(state.document->roster.settings.weights, before);
}

TEST(MatchingSession, AWeightPresetIsOneUndoStep) {
    AppState state = demoWithRun();
    const CriterionWeights before = state.document->roster.settings.weights;
    const std::size_t depth = state.history.undoDepth();
    const CriterionWeights preset(std::array<double, kCriterionCount>{1, 0.5, 3, 1, 1, 0.5, 0.5});
    ASSERT_NE(preset, before);
    applyCommand(state, ApplyWeightPreset{preset});
    EXPECT_EQ(state.document->roster.settings.weights, preset);
    EXPECT_EQ(state.history.undoDepth(), depth + 1) << "seven weights, one step";
    EXPECT_EQ(state.history.undoLabel(), "Apply weight preset");
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.settings.weights, before);
}

TEST(MatchingSession, AnEditThatChangesNothingRecordsNoUndoStep) {
    AppState state = demoWithRun();
    const std::size_t depth = state.history.undoDepth();
    const std::uint64_t revision = state.editRevision;
    const CriterionWeights current = state.document->roster.settings.weights;
    applyCommand(state, SetCriterionWeight{Criterion::Age, current[Criterion::Age]});
    applyCommand(state, ApplyWeightPreset{current});
    applyCommand(state, RenameProgramme{state.document->roster.programmeName});
    EXPECT_EQ(state.history.undoDepth(), depth);
    EXPECT_EQ(state.editRevision, revision) << "views cached per revision stay valid";
    EXPECT_FALSE(state.unsaved);
}

TEST(MatchingSession, InvalidPresetWeightsAreRefusedWhole) {
    AppState state = demoWithRun();
    const CriterionWeights before = state.document->roster.settings.weights;
    CriterionWeights bad;
    bad[Criterion::Goals] = -2.0;
    applyCommand(state, ApplyWeightPreset{bad});
    EXPECT_EQ(state.document->roster.settings.weights, before);
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "weights.invalid");
    EXPECT_NE(errorText(state.errors.back(), false).find("goals"), std::string::npos);
}

// -- The run happens in the background (the page's worker): what the app does
// while it is under way and when it comes back.

TEST(MatchingInBackground, RunQueuesAJobAndTheResultArrivesLater) {
    AppState state;
    applyCommand(state, StartDemo{});
    applyCommand(state, RunMatching{MatchMode::Fair});
    EXPECT_FALSE(state.matchingRun) << "nothing until the job finishes";
    ASSERT_EQ(state.jobsToStart.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<MatchJob>(state.jobsToStart.front().request));
    ASSERT_EQ(state.runningJobs.size(), 1u);
    EXPECT_EQ(state.runningJobs.front().purpose, JobPurpose::Matching);
    std::vector<float> progress;
    JobTicket ticket = state.jobsToStart.front();
    state.jobsToStart.clear();
    JobOutput output = runJob(std::move(ticket.request), [&](float f) {
        progress.push_back(f);
        applyCommand(state, JobProgressed{ticket.id, f});
    });
    ASSERT_FALSE(progress.empty());
    EXPECT_LT(progress.back(), 0.0f) << "the solver phase is reported as open-ended";
    EXPECT_TRUE(std::any_of(progress.begin(), progress.end(), [](float f) { return f > 0.0f && f < 1.0f; }))
        << "scoring reports a fraction";
    applyCommand(state, JobFinished{ticket.id, std::move(output)});
    ASSERT_TRUE(state.matchingRun);
    EXPECT_EQ(state.matchingRun->mode, MatchMode::Fair);
    EXPECT_EQ(state.matchingRun->revision, state.editRevision);
    EXPECT_TRUE(state.runningJobs.empty());
}

TEST(MatchingInBackground, ANewRunReplacesOneNotYetStarted) {
    AppState state;
    applyCommand(state, StartDemo{});
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    applyCommand(state, RunMatching{MatchMode::Stable});
    ASSERT_EQ(state.jobsToStart.size(), 1u);
    ASSERT_EQ(state.runningJobs.size(), 1u);
    EXPECT_TRUE(state.jobsToCancel.empty()) << "the platform never saw the first one";
    runJobsInline(state);
    ASSERT_TRUE(state.matchingRun);
    EXPECT_EQ(state.matchingRun->mode, MatchMode::Stable);
    EXPECT_FALSE(state.previousRun);
}

TEST(MatchingInBackground, CancelStopsTheRunningJobAndIgnoresItsLateResult) {
    AppState state = demoWithRun();
    const double total = state.matchingRun->total;
    applyCommand(state, RunMatching{MatchMode::Fair});
    JobTicket ticket = state.jobsToStart.front();
    state.jobsToStart.clear();  // handed to the worker
    applyCommand(state, CancelMatching{});
    EXPECT_TRUE(state.runningJobs.empty());
    EXPECT_EQ(state.jobsToCancel, std::vector<std::uint64_t>{ticket.id});
    applyCommand(state, JobFinished{ticket.id, runJob(std::move(ticket.request))});
    ASSERT_TRUE(state.matchingRun);
    EXPECT_EQ(state.matchingRun->mode, MatchMode::BestTotal) << "the earlier run stays";
    EXPECT_EQ(state.matchingRun->total, total);
}

TEST(MatchingInBackground, AnEditDuringTheRunMarksTheResultStale) {
    AppState state;
    applyCommand(state, StartDemo{});
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    applyCommand(state, SetCriterionWeight{Criterion::Interests, 2.5});
    runJobsInline(state);
    ASSERT_TRUE(state.matchingRun);
    EXPECT_NE(state.matchingRun->revision, state.editRevision) << "computed on the roster before the edit";
}

TEST(MatchingInBackground, ClosingTheRosterCancelsTheRun) {
    AppState state;
    applyCommand(state, StartDemo{});
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    JobTicket ticket = state.jobsToStart.front();
    state.jobsToStart.clear();
    applyCommand(state, CloseRoster{});
    EXPECT_EQ(state.jobsToCancel, std::vector<std::uint64_t>{ticket.id});
    applyCommand(state, StartDemo{});
    applyCommand(state, JobFinished{ticket.id, runJob(std::move(ticket.request))});
    EXPECT_FALSE(state.matchingRun) << "a run of the closed roster never lands on the new one";
}

TEST(MatchingInBackground, ADamagedResultIsShownAndTheEarlierRunKept) {
    AppState state = demoWithRun();
    const std::size_t pairs = state.matchingRun->pairs.size();
    applyCommand(state, RunMatching{MatchMode::Fair});
    const std::uint64_t id = state.jobsToStart.front().id;
    state.jobsToStart.clear();
    applyCommand(state, JobFinished{id, std::string("M\x01 cut short")});
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "matching.wire");
    ASSERT_TRUE(state.matchingRun);
    EXPECT_EQ(state.matchingRun->pairs.size(), pairs);
    EXPECT_TRUE(state.runningJobs.empty());
}

TEST(MatchingInBackground, AWorkerThatStoppedFailsTheRunAndKeepsTheEarlierOne) {
    AppState state = demoWithRun();
    const double total = state.matchingRun->total;
    const Document before = *state.document;
    applyCommand(state, RunMatching{MatchMode::Fair});
    const std::uint64_t id = state.jobsToStart.front().id;
    state.jobsToStart.clear();
    applyCommand(state, JobFinished{id, workerStoppedError(false)});
    ASSERT_FALSE(state.errors.empty());
    EXPECT_EQ(state.errors.back().code, "job.worker_stopped");
    ASSERT_TRUE(state.matchingRun);
    EXPECT_EQ(state.matchingRun->total, total);
    EXPECT_EQ(*state.document, before);
    EXPECT_TRUE(state.runningJobs.empty()) << "the Run button is usable again";
    applyCommand(state, RunMatching{MatchMode::Fair});
    runJobsInline(state);
    EXPECT_EQ(state.matchingRun->mode, MatchMode::Fair) << "a second try runs";
}

TEST(MatchingInBackground, AnUnreadableRosterInTheJobIsAnError) {
    auto output = runJob(MatchJob{"{ not json", 1, std::nullopt, MatchMode::BestTotal});
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().code, "json.syntax");
    auto request = decodeJobRequest(encodeJobRequest(MatchJob{"{}", 7, std::nullopt, MatchMode::Stable}));
    ASSERT_TRUE(request);
    EXPECT_EQ(std::get<MatchJob>(*request).mode, MatchMode::Stable);
    EXPECT_EQ(std::get<MatchJob>(*request).rosterRevision, 7u);
    EXPECT_FALSE(std::get<MatchJob>(*request).weights);
    std::string wire = encodeJobRequest(MatchJob{"{}", 7, std::nullopt, MatchMode::Stable});
    wire.back() = 9;  // no such mode
    EXPECT_FALSE(decodeJobRequest(wire));
}

TEST(MatchingInBackground, AJobsWeightsCrossTheWireExactly) {
    CriterionWeights weights;
    weights[Criterion::Interests] = 2.75;
    weights[Criterion::Distance] = 0.0;
    auto request = decodeJobRequest(encodeJobRequest(MatchJob{"", std::uint64_t{1} << 40, weights, MatchMode::Fair}));
    ASSERT_TRUE(request);
    const MatchJob& job = std::get<MatchJob>(*request);
    EXPECT_EQ(job.rosterRevision, std::uint64_t{1} << 40);
    ASSERT_TRUE(job.weights);
    EXPECT_EQ(*job.weights, weights);
    EXPECT_EQ(job.mode, MatchMode::Fair);
    std::string cut = encodeJobRequest(MatchJob{"", 1, weights, MatchMode::Fair});
    cut.erase(cut.size() - 5);  // a weight cut short
    EXPECT_FALSE(decodeJobRequest(cut));
}

// The roster's JSON form for matching jobs is written once per edit revision
// (it costs more than a small run), follows every edit and goes with the roster.
TEST(MatchingInBackground, TheRosterIsWrittenOncePerRevisionForItsJobs) {
    AppState state;
    applyCommand(state, StartDemo{});
    const MatchJob first = matchJobForDocument(state);
    const char* written = state.rosterJson.json.data();
    const MatchJob second = matchJobForDocument(state);
    EXPECT_EQ(state.rosterJson.json.data(), written) << "the same revision: not written again";
    EXPECT_EQ(second.roster, first.roster);
    EXPECT_EQ(second.roster, writeRoster(state.document->roster));

    applyCommand(state, SetCriterionWeight{Criterion::Age, 2.5});
    const MatchJob edited = matchJobForDocument(state);
    EXPECT_EQ(edited.rosterRevision, state.editRevision);
    EXPECT_NE(edited.roster, first.roster);
    EXPECT_EQ(edited.roster, writeRoster(state.document->roster)) << "the edit is in the job";

    applyCommand(state, CloseRoster{});
    EXPECT_TRUE(state.rosterJson.json.empty()) << "no copy of a closed roster";
}

// The matching worker keeps the roster of the last job that brought one: the
// platform leaves it out of later jobs of the same revision (MatchingWorkerRoster),
// so a what-if re-run sends only its weights, and gets what a full job gets.
TEST(MatchingInBackground, TheWorkerKeepsTheRosterSoAReRunSendsOnlyTheWeights) {
    AppState state;
    applyCommand(state, StartDemo{});
    CriterionWeights weights = state.document->roster.settings.weights;
    weights[Criterion::Interests] = 3.0;
    const MatchJob full = matchJobForDocument(state, weights);
    const std::string expected = *runJob(full);

    MatchingWorkerRoster held;
    MatchJob first = matchJobForDocument(state);
    held.prepare(first);
    EXPECT_FALSE(first.roster.empty()) << "the worker has no roster yet";
    ASSERT_TRUE(runJob(std::move(first)));
    MatchJob again = matchJobForDocument(state, weights);
    held.prepare(again);
    EXPECT_TRUE(again.roster.empty()) << "the same revision: only the weights travel";
    const std::string wire = encodeJobRequest(again);
    EXPECT_LT(wire.size(), 100u);
    auto decoded = decodeJobRequest(wire);
    ASSERT_TRUE(decoded);
    auto output = runJob(std::move(*decoded));
    ASSERT_TRUE(output);
    EXPECT_EQ(*output, expected) << "the same run as with the roster sent";

    // Without weights the held roster's own weights count again.
    MatchJob own = matchJobForDocument(state);
    held.prepare(own);
    EXPECT_EQ(*runJob(std::move(own)), *runJob(matchJobForDocument(state)));

    // After an edit the roster travels again; a worker that lost it says so.
    applyCommand(state, SetCriterionWeight{Criterion::Age, 2.0});
    MatchJob edited = matchJobForDocument(state);
    held.prepare(edited);
    EXPECT_FALSE(edited.roster.empty());
    held.forget();
    MatchJob afterRestart = matchJobForDocument(state);
    held.prepare(afterRestart);
    EXPECT_FALSE(afterRestart.roster.empty()) << "a new worker holds nothing";
    auto lost = runJob(MatchJob{"", state.editRevision + 100, std::nullopt, MatchMode::BestTotal});
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, "job.roster_missing");
}

}  // namespace
}  // namespace welkom
