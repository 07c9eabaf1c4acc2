// The Overview's data: the heatmap agrees with the run's score matrix cell by
// cell and block by block, marks the proposal, pins and forbids; a pair's
// summary and the proposal's distributions agree with the run.
#include "app/overview.h"

#include <gtest/gtest.h>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "core/demo_roster.h"

namespace welkom {
namespace {

// Matrix indices of a proposed pair.
PairRef matrixPair(const MatchingRun& run, const ProposedPair& pair) {
    const MatchingProblem& p = run.problem;
    PairRef r;
    for (std::size_t i = 0; i < p.householdAt.size(); ++i)
        if (p.householdAt[i] == pair.household) r.household = static_cast<int>(i);
    for (std::size_t i = 0; i < p.groupAt.size(); ++i)
        if (p.groupAt[i] == pair.group) r.group = static_cast<int>(i);
    return r;
}

bool isForbidden(const MatchingRun& run, int h, int g) {
    for (const PairRef& r : run.problem.rules.forbidden)
        if (r == PairRef{h, g}) return true;
    return false;
}

TEST(Overview, OnePairPerCellWhenTheRunFits) {
    const AppState state = demoWithRun();
    const MatchingRun& run = *state.matchingRun;
    const ScoreHeatmap map = buildScoreHeatmap(run, 1000, 1000);
    ASSERT_EQ(map.rows, static_cast<int>(state.document->roster.households.size()));
    ASSERT_EQ(map.columns, static_cast<int>(state.document->roster.groups.size()));
    EXPECT_EQ(map.rowsPerCell, 1);
    EXPECT_EQ(map.columnsPerCell, 1);
    int open = 0, infeasible = 0, proposed = 0;
    for (int h = 0; h < map.rows; ++h) {
        for (int g = 0; g < map.columns; ++g) {
            const HeatmapCell& c = map.at(h, g);
            const auto score = run.problem.matrix.score(h, g);
            if (score && !isForbidden(run, h, g)) {
                ++open;
                EXPECT_TRUE(c.flags & kCellOpen);
                EXPECT_FLOAT_EQ(c.best, static_cast<float>(*score));
                EXPECT_EQ(c.open, 1u);
            } else {
                if (!score) ++infeasible;
                EXPECT_FALSE(c.flags & kCellOpen);
                EXPECT_LT(c.best, 0.0f);
            }
            if (c.flags & kCellProposed) ++proposed;
        }
    }
    EXPECT_GT(open, 0);
    EXPECT_GT(infeasible, 0) << "the demo has pairs breaking hard conditions";
    EXPECT_EQ(proposed, static_cast<int>(run.pairs.size()));
    for (const ProposedPair& pair : run.pairs) {
        const PairRef r = matrixPair(run, pair);
        EXPECT_TRUE(map.at(r.household, r.group).flags & kCellProposed);
        EXPECT_FLOAT_EQ(map.at(r.household, r.group).best, static_cast<float>(pair.total));
    }
}

TEST(Overview, BlocksHoldTheBestOpenPairOfTheirRowsAndColumns) {
    const AppState state = demoWithRun();
    const MatchingRun& run = *state.matchingRun;
    const ScoreHeatmap map = buildScoreHeatmap(run, 7, 5);
    EXPECT_LE(map.rows, 7);
    EXPECT_LE(map.columns, 5);
    EXPECT_GT(map.rowsPerCell, 1);
    EXPECT_GT(map.columnsPerCell, 1);
    EXPECT_EQ(map.lastHousehold(map.rows - 1), run.problem.households() - 1);
    EXPECT_EQ(map.lastGroup(map.columns - 1), run.problem.groups() - 1);
    std::uint64_t openTotal = 0;
    for (int row = 0; row < map.rows; ++row) {
        for (int column = 0; column < map.columns; ++column) {
            float best = -1.0f;
            std::uint32_t open = 0;
            for (int h = map.firstHousehold(row); h <= map.lastHousehold(row); ++h)
                for (int g = map.firstGroup(column); g <= map.lastGroup(column); ++g)
                    if (auto s = run.problem.matrix.score(h, g); s && !isForbidden(run, h, g)) {
                        best = std::max(best, static_cast<float>(*s));
                        ++open;
                    }
            EXPECT_FLOAT_EQ(map.at(row, column).best, best) << row << "," << column;
            EXPECT_EQ(map.at(row, column).open, open);
            openTotal += open;
        }
    }
    EXPECT_GT(openTotal, 0u);
}

// A national-size roster in large blocks (sparse score matrix, 40
// municipalities): every block agrees with a brute-force pass over all pairs,
// and every block row has an open pair, as every household has feasible groups.
TEST(Overview, LargeBlocksOfASparseRosterAgreeWithEveryPair) {
    AppState state;
    state.clock.today = "2027-03-01";
    state.document = Document{generateDemoRoster({3000, 3000, 40, 11})};
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    ASSERT_TRUE(state.matchingRun);
    const MatchingRun& run = *state.matchingRun;
    const ScoreHeatmap map = buildScoreHeatmap(run, 37, 23);
    ASSERT_GT(map.rowsPerCell, 50);
    ASSERT_GT(map.columnsPerCell, 100);
    std::vector<float> best(map.cells.size(), -1.0f);
    std::vector<std::uint32_t> open(map.cells.size(), 0);
    std::vector<bool> rowHasOpen(static_cast<std::size_t>(map.rows), false);
    for (int h = 0; h < map.households; ++h) {
        for (int g = 0; g < map.groups; ++g) {
            const auto s = run.problem.matrix.score(h, g);
            if (!s || isForbidden(run, h, g)) continue;
            const std::size_t i = static_cast<std::size_t>(h / map.rowsPerCell * map.columns + g / map.columnsPerCell);
            best[i] = std::max(best[i], static_cast<float>(*s));
            ++open[i];
            rowHasOpen[static_cast<std::size_t>(h / map.rowsPerCell)] = true;
        }
    }
    for (int row = 0; row < map.rows; ++row) {
        bool mapRowHasOpen = false;
        for (int column = 0; column < map.columns; ++column) {
            const std::size_t i = static_cast<std::size_t>(row * map.columns + column);
            EXPECT_FLOAT_EQ(map.at(row, column).best, best[i]) << row << "," << column;
            EXPECT_EQ(map.at(row, column).open, open[i]) << row << "," << column;
            mapRowHasOpen = mapRowHasOpen || (map.at(row, column).flags & kCellOpen);
        }
        EXPECT_TRUE(rowHasOpen[static_cast<std::size_t>(row)]) << "row " << row << " of households with feasible groups";
        EXPECT_EQ(mapRowHasOpen, rowHasOpen[static_cast<std::size_t>(row)]) << "row " << row;
    }
}

TEST(Overview, ForbiddenAndPinnedPairsAreMarkedAndTheFingerprintFollowsTheRun) {
    AppState state = demoWithRun();
    const std::uint64_t before = runFingerprint(*state.matchingRun);
    EXPECT_EQ(runFingerprint(MatchingRun(*state.matchingRun)), before) << "a copy is the same run";
    const Roster& roster = state.document->roster;
    // Two pairs the coordinator has not fixed yet (the demo has active matches).
    std::vector<ProposedPair> free;
    for (const ProposedPair& pair : state.matchingRun->pairs) {
        const int h = matrixPair(*state.matchingRun, pair).household;
        bool fixed = false;
        for (const auto* list : {&state.matchingRun->problem.rules.pins, &state.matchingRun->problem.rules.locked})
            for (const PairRef& r : *list) fixed |= r.household == h;
        if (!fixed) free.push_back(pair);
    }
    ASSERT_GE(free.size(), 2u);
    const ProposedPair forbidden = free.front();
    const ProposedPair pinned = free.back();
    applyCommand(state, AddConstraint{ConstraintKind::Forbid, roster.households[forbidden.household].id,
                                      roster.groups[forbidden.group].id, "know each other"});
    applyCommand(state, AddConstraint{ConstraintKind::Pin, roster.households[pinned.household].id,
                                      roster.groups[pinned.group].id, ""});
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    const MatchingRun& run = *state.matchingRun;
    ASSERT_EQ(run.status, SolveStatus::Optimal);
    EXPECT_NE(runFingerprint(run), before);
    const ScoreHeatmap map = buildScoreHeatmap(run, 1000, 1000);
    const PairRef f = matrixPair(run, forbidden);
    const PairRef p = matrixPair(run, pinned);
    EXPECT_EQ(map.at(f.household, f.group).flags, kCellForbidden) << "forbidden: not open, not proposed";
    EXPECT_TRUE(map.at(p.household, p.group).flags & kCellFixed);
    EXPECT_TRUE(map.at(p.household, p.group).flags & kCellProposed);

    const PairSummary fs = summarizePair(roster, run, f.household, f.group, false);
    EXPECT_EQ(fs.standing, PairStanding::Forbidden);
    ASSERT_FALSE(fs.broken.empty());
    EXPECT_NE(fs.broken.front().find("know each other"), std::string::npos) << fs.broken.front();
    const PairSummary ps = summarizePair(roster, run, p.household, p.group, true);
    EXPECT_EQ(ps.standing, PairStanding::Proposed);
    EXPECT_TRUE(ps.fixed);
    EXPECT_EQ(ps.household.rfind(roster.households[pinned.household].id + "  ", 0), 0u) << ps.household;
}

TEST(Overview, PairSummaryExplainsEveryCriterionAndBrokenConditions) {
    const AppState state = demoWithRun();
    const MatchingRun& run = *state.matchingRun;
    const Roster& roster = state.document->roster;
    const ProposedPair& pair = run.pairs.front();
    const PairRef r = matrixPair(run, pair);
    const PairSummary s = summarizePair(roster, run, r.household, r.group, false);
    EXPECT_EQ(s.standing, PairStanding::Proposed);
    EXPECT_DOUBLE_EQ(s.total, pair.total);
    EXPECT_TRUE(s.broken.empty());
    ASSERT_EQ(s.criteria.size(), static_cast<std::size_t>(kCriterionCount));
    for (int c = 0; c < kCriterionCount; ++c) {
        EXPECT_EQ(s.criteria[static_cast<std::size_t>(c)].applicable, pair.applicable[static_cast<std::size_t>(c)]);
        EXPECT_FALSE(s.criteria[static_cast<std::size_t>(c)].reason.empty());
    }
    // Some pair of the demo breaks a hard condition; its summary says which.
    bool checked = false;
    for (int h = 0; h < run.problem.households() && !checked; ++h)
        for (int g = 0; g < run.problem.groups() && !checked; ++g)
            if (!run.problem.matrix.score(h, g)) {
                const PairSummary bad = summarizePair(roster, run, h, g, true);
                EXPECT_EQ(bad.standing, PairStanding::Infeasible);
                EXPECT_FALSE(bad.broken.empty());
                checked = true;
            }
    EXPECT_TRUE(checked);
}

TEST(Overview, DistributionsCountEveryProposedPair) {
    const AppState state = demoWithRun();
    const MatchingRun& run = *state.matchingRun;
    const ProposalDistributions d = proposalDistributions(run);
    const int pairs = static_cast<int>(run.pairs.size());
    auto sum = [](const ScoreDistribution& x) {
        int n = 0;
        for (int b : x.bins) n += b;
        return n;
    };
    EXPECT_EQ(d.total.counted, pairs);
    EXPECT_EQ(sum(d.total), pairs);
    EXPECT_NEAR(d.total.mean, run.total / pairs, 1e-9);
    bool someNotApplicable = false;
    for (int c = 0; c < kCriterionCount; ++c) {
        const ScoreDistribution& x = d.criteria[static_cast<std::size_t>(c)];
        EXPECT_EQ(x.counted + x.notApplicable, pairs);
        EXPECT_EQ(sum(x), x.counted);
        double mean = 0.0;
        int counted = 0;
        for (const ProposedPair& p : run.pairs)
            if (p.applicable[static_cast<std::size_t>(c)]) {
                mean += p.scores[static_cast<std::size_t>(c)];
                ++counted;
            }
        if (counted > 0) {
            EXPECT_NEAR(x.mean, mean / counted, 1e-9);
        }
        someNotApplicable |= x.notApplicable > 0;
    }
    EXPECT_TRUE(someNotApplicable) << "the demo has households without children";
}

TEST(Overview, AnEmptyRunGivesAnEmptyPicture) {
    const MatchingRun run;
    const ScoreHeatmap map = buildScoreHeatmap(run, 10, 10);
    EXPECT_EQ(map.rows, 0);
    EXPECT_EQ(map.columns, 0);
    EXPECT_EQ(proposalDistributions(run).total.counted, 0);
}

}  // namespace
}  // namespace welkom
