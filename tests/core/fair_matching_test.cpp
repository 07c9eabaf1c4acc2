#include "core/fair_matching.h"

#include <gtest/gtest.h>

#include "core/best_total.h"
#include "core/solver_test_util.h"

namespace welkom {
namespace {

TEST(Fair, PrefersMoreHouseholdsThenBetterWorstScore) {
    // Best total takes 10 + 0 (household 1 gets nothing useful): fair matches
    // both and keeps the worst score as high as possible.
    auto m = ScoreMatrix<std::int64_t>::sparse(2);
    m.addRow({{0, 10}, {1, 4}});
    m.addRow({{0, 5}});
    auto best = solveBestTotal(m, MatchRules<std::int64_t>{});
    auto fair = solveFair(m, MatchRules<std::int64_t>{});
    ASSERT_TRUE(best.ok() && fair.ok());
    EXPECT_EQ(best.groupOf, (std::vector<int>{0, -1}));
    EXPECT_EQ(fair.groupOf, (std::vector<int>{1, 0}));
    EXPECT_EQ(fair.matched, 2);
    EXPECT_EQ(fair.worstScore, 4);
    EXPECT_EQ(fair.total, 9);
}

TEST(Fair, BottleneckBeatsTotal) {
    // Both options match everyone; {9,1} has the larger total, {5,5} the better worst score.
    auto m = ScoreMatrix<std::int64_t>::dense(2, 2, {9, 5,
                                                     5, 1});
    auto fair = solveFair(m, MatchRules<std::int64_t>{});
    EXPECT_EQ(fair.groupOf, (std::vector<int>{1, 0}));
    EXPECT_EQ(fair.worstScore, 5);
}

TEST(Fair, PinnedLowScoreSetsTheWorstAndTotalDecides) {
    auto m = ScoreMatrix<std::int64_t>::dense(3, 3, {1, 0, 0,
                                                     0, 9, 3,
                                                     0, 3, 4});
    MatchRules<std::int64_t> rules;
    rules.pins = {{0, 0}};  // worst is 1 whatever happens: then maximise the total
    auto fair = solveFair(m, rules);
    EXPECT_EQ(fair.groupOf, (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(fair.worstScore, 1);
    EXPECT_EQ(fair.total, 14);
}

TEST(Fair, EmptyAndInfeasible) {
    auto e = solveFair(ScoreMatrix<double>::dense(0, 0, {}), MatchRules<double>{});
    EXPECT_TRUE(e.ok());
    EXPECT_FALSE(e.worstScore);
    auto m = ScoreMatrix<double>::dense(2, 1, {0.5, 0.6});
    MatchRules<double> rules;
    rules.pins = {{0, 0}, {1, 0}};
    auto r = solveFair(m, rules);
    EXPECT_EQ(r.status, SolveStatus::Infeasible);
    ASSERT_EQ(r.conflicts.size(), 1u);
    EXPECT_EQ(r.conflicts[0].kind, ConflictKind::GroupOverCapacity);
}

template <typename S>
void crossCheckFair(std::uint64_t seed, int count) {
    test::Rng rng(seed);
    for (int it = 0; it < count; ++it) {
        auto in = test::randomInstance<S>(rng, 7, 5);
        bool any = false;
        int bestCount = -1;
        std::optional<S> bestWorst;
        S bestTotal{};
        test::forEachValidMatching<S>(in.matrix, in.rules, [&](const std::vector<int>& g) {
            int c = 0;
            std::optional<S> worst;
            S total{};
            for (int h = 0; h < in.matrix.households(); ++h) {
                if (g[static_cast<std::size_t>(h)] == kUnmatched) continue;
                S s = *in.matrix.score(h, g[static_cast<std::size_t>(h)]);
                ++c;
                total += s;
                if (!worst || s < *worst) worst = s;
            }
            bool better = !any || c > bestCount ||
                          (c == bestCount && worst && bestWorst && *worst > *bestWorst) ||
                          (c == bestCount && worst == bestWorst && total > bestTotal);
            if (better) {
                bestCount = c;
                bestWorst = worst;
                bestTotal = total;
            }
            any = true;
        });
        auto r = solveFair(in.matrix, in.rules);
        SCOPED_TRACE("instance " + std::to_string(it));
        if (!any) {
            ASSERT_EQ(r.status, SolveStatus::Infeasible);
            continue;
        }
        ASSERT_EQ(r.status, SolveStatus::Optimal);
        ASSERT_TRUE(test::isValidMatching(in.matrix, in.rules, r.groupOf));
        ASSERT_EQ(r.matched, bestCount);
        ASSERT_EQ(r.worstScore, bestWorst);
        if constexpr (std::is_floating_point_v<S>)
            ASSERT_NEAR(r.total, bestTotal, 1e-9);
        else
            ASSERT_EQ(r.total, bestTotal);
    }
}

TEST(Fair, MatchesBruteForceInt) { crossCheckFair<std::int64_t>(11, 4000); }
TEST(Fair, MatchesBruteForceDouble) { crossCheckFair<double>(12, 2500); }

}  // namespace
}  // namespace welkom
