#include "core/stable_matching.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "core/solver_test_util.h"

namespace welkom {
namespace {

TEST(Stable, HouseholdsProposingGetTheirBestStableGroups) {
    // Classic 3x3 with two stable matchings: households' optimum is the
    // diagonal, the groups' optimum the anti-rotation.
    StableMarket market;
    market.prefs.household = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
    market.prefs.group = {{1, 2, 0}, {2, 0, 1}, {0, 1, 2}};
    StableOutcome out = deferredAcceptance(market);
    ASSERT_EQ(out.status, SolveStatus::Optimal);
    EXPECT_EQ(out.groupOf, (std::vector<int>{0, 1, 2}));
    EXPECT_TRUE(blockingPairs(market, out.groupOf).empty());
    EXPECT_TRUE(blockingPairs(market, {2, 0, 1}).empty());  // the groups' optimum is stable too
    EXPECT_EQ(blockingPairs(market, {1, 0, 2}), (std::vector<PairRef>{{1, 2}}));  // h1 and g2 both prefer each other
}

TEST(Stable, CapacityAndUnacceptablePairs) {
    StableMarket market;
    market.prefs.household = {{0}, {0}, {0, 1}};
    market.prefs.group = {{2, 0, 1}, {}};  // group 1 accepts nobody
    market.capacity = {2, 1};
    StableOutcome out = deferredAcceptance(market);
    EXPECT_EQ(out.groupOf, (std::vector<int>{0, -1, 0}));
    EXPECT_TRUE(blockingPairs(market, out.groupOf).empty());
    // Unmatched household 0 and a group with a free slot block.
    EXPECT_EQ(blockingPairs(market, {-1, -1, 0}), (std::vector<PairRef>{{0, 0}, {1, 0}}));
}

TEST(Stable, FixedPairsStayAndTakeSlots) {
    StableMarket market;
    market.prefs.household = {{0, 1}, {0, 1}};
    market.prefs.group = {{0, 1}, {0, 1}};
    market.fixed = {{1, 0}};
    StableOutcome out = deferredAcceptance(market);
    EXPECT_EQ(out.groupOf, (std::vector<int>{1, 0}));
    EXPECT_TRUE(blockingPairs(market, out.groupOf).empty());  // household 0 cannot displace a fixed pair
    market.fixed.push_back({0, 0});
    EXPECT_EQ(deferredAcceptance(market).status, SolveStatus::Infeasible);
    market.prefs.household[0] = {5};
    EXPECT_EQ(deferredAcceptance(market).status, SolveStatus::InvalidInput);
}

TEST(Stable, FromScoresRespectsRules) {
    auto m = ScoreMatrix<double>::dense(3, 2, {0.9, 0.8,
                                               0.7, 0.95,
                                               0.1, 0.2});
    MatchRules<double> rules;
    rules.minScore = 0.15;
    rules.forbidden = {{1, 1}};
    auto st = solveStable(m, rules);
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(st.groupOf, (std::vector<int>{0, -1, 1}));
    EXPECT_DOUBLE_EQ(st.total, 1.1);
    MatchRules<double> bad;
    bad.pins = {{2, 0}, {1, 0}};
    EXPECT_EQ(solveStable(m, bad).status, SolveStatus::Infeasible);
}

int rankOf(const std::vector<int>& list, int g) {
    for (std::size_t k = 0; k < list.size(); ++k)
        if (list[k] == g) return static_cast<int>(k);
    return static_cast<int>(list.size());  // unmatched (or not listed): worst
}

TEST(Stable, ScoreBasedAnswerHasNoBlockingPairs) {
    test::Rng rng(21);
    for (int it = 0; it < 1500; ++it) {
        auto in = test::randomInstance<std::int64_t>(rng, 7, 5, /*withRules=*/true, /*maxInt=*/20);
        SCOPED_TRACE("instance " + std::to_string(it));
        auto r = solveStable(in.matrix, in.rules);
        bool anyValid = false;
        test::forEachValidMatching<std::int64_t>(in.matrix, in.rules, [&](const std::vector<int>&) { anyValid = true; });
        if (!anyValid) {
            ASSERT_EQ(r.status, SolveStatus::Infeasible);
            continue;
        }
        ASSERT_EQ(r.status, SolveStatus::Optimal);
        ASSERT_TRUE(test::isValidMatching(in.matrix, in.rules, r.groupOf));
        ASSERT_TRUE(blockingPairs(marketFromScores(in.matrix, in.rules), r.groupOf).empty());
    }
}

// Independent random rankings (scores give both sides the same order, which
// makes the stable matching unique): DA must be stable and every household
// must do at least as well as in any stable matching found by enumeration.
TEST(Stable, HouseholdOptimalAgainstBruteForce) {
    test::Rng rng(22);
    int withSeveralStable = 0;
    for (int it = 0; it < 8000; ++it) {
        const int H = rng.uniform(0, 6), G = rng.uniform(0, 4);
        StableMarket market;
        market.prefs.household.resize(static_cast<std::size_t>(H));
        market.prefs.group.resize(static_cast<std::size_t>(G));
        auto shuffled = [&](int n) {
            std::vector<int> v;
            for (int k = 0; k < n; ++k)
                if (rng.chance(80)) v.push_back(k);
            for (std::size_t k = v.size(); k > 1; --k) std::swap(v[k - 1], v[static_cast<std::size_t>(rng.uniform(0, static_cast<int>(k) - 1))]);
            return v;
        };
        for (auto& l : market.prefs.household) l = shuffled(G);
        for (auto& l : market.prefs.group) l = shuffled(H);
        for (int g = 0; g < G; ++g) market.capacity.push_back(rng.chance(70) ? 1 : rng.uniform(0, 2));
        if (H > 0 && G > 0 && rng.chance(20)) market.fixed.push_back({rng.uniform(0, H - 1), rng.uniform(0, G - 1)});
        SCOPED_TRACE("instance " + std::to_string(it));
        StableOutcome out = deferredAcceptance(market);
        if (out.status == SolveStatus::Infeasible) {
            ASSERT_EQ(market.capacity[static_cast<std::size_t>(market.fixed.at(0).group)], 0);
            continue;
        }
        ASSERT_EQ(out.status, SolveStatus::Optimal);
        ASSERT_TRUE(blockingPairs(market, out.groupOf).empty());
        // Enumerate: fixed households on their group, others unmatched or on a mutually acceptable group.
        auto accepts = [&](int g, int h) {
            const auto& l = market.prefs.group[static_cast<std::size_t>(g)];
            return std::find(l.begin(), l.end(), h) != l.end();
        };
        std::vector<int> g(static_cast<std::size_t>(H), kUnmatched), load(static_cast<std::size_t>(G), 0);
        int stableCount = 0;
        std::function<void(int)> go = [&](int h) {
            if (h == H) {
                if (!blockingPairs(market, g).empty()) return;
                ++stableCount;
                for (int x = 0; x < H; ++x) {
                    const auto& list = market.prefs.household[static_cast<std::size_t>(x)];
                    ASSERT_LE(rankOf(list, out.groupOf[static_cast<std::size_t>(x)]), rankOf(list, g[static_cast<std::size_t>(x)]));
                }
                return;
            }
            auto place = [&](int grp) {
                if (load[static_cast<std::size_t>(grp)] >= market.capacity[static_cast<std::size_t>(grp)]) return;
                ++load[static_cast<std::size_t>(grp)];
                g[static_cast<std::size_t>(h)] = grp;
                go(h + 1);
                g[static_cast<std::size_t>(h)] = kUnmatched;
                --load[static_cast<std::size_t>(grp)];
            };
            if (!market.fixed.empty() && market.fixed[0].household == h) {
                place(market.fixed[0].group);
                return;
            }
            go(h + 1);
            for (int grp : market.prefs.household[static_cast<std::size_t>(h)])
                if (accepts(grp, h)) place(grp);
        };
        go(0);
        ASSERT_GE(stableCount, 1);
        withSeveralStable += stableCount > 1;
    }
    EXPECT_GT(withSeveralStable, 40) << "too few instances with a choice between stable matchings";
}

}  // namespace
}  // namespace welkom
