#include "core/match_explain.h"

#include <gtest/gtest.h>

#include "core/best_total.h"
#include "core/solver_test_util.h"

namespace welkom {
namespace {

TEST(Explain, OptionsWithExactLossHandChecked) {
    auto m = ScoreMatrix<std::int64_t>::dense(2, 2, {9, 8,
                                                     8, 1});
    MatchRules<std::int64_t> rules;
    MatchExplainer<std::int64_t> ex(m, rules);
    ASSERT_TRUE(ex.best().ok());
    EXPECT_EQ(ex.best().groupOf, (std::vector<int>{1, 0}));  // 16
    auto opts = ex.options(0, 5);
    ASSERT_EQ(opts.size(), 2u);
    EXPECT_EQ(opts[0].group, 1);
    EXPECT_EQ(opts[0].loss, 0);
    EXPECT_EQ(opts[1].group, 0);
    EXPECT_EQ(opts[1].score, 9);
    EXPECT_EQ(opts[1].loss, 6);  // forcing (0,0): 9 + 1 = 10
    auto why = ex.whyNot(0, 0);
    EXPECT_EQ(why.block, PairBlock::None);
    EXPECT_FALSE(why.chosen);
    EXPECT_EQ(why.groupHolds, (std::vector<int>{1}));
    EXPECT_EQ(why.householdHas, 1);
    EXPECT_EQ(why.loss, 6);
    EXPECT_EQ(ex.whatIf({0, 0}).total, 10);
    EXPECT_EQ(ex.options(0, 1).size(), 1u);
}

TEST(Explain, BlockedPairsAndUnplaceableHouseholds) {
    auto m = ScoreMatrix<double>::sparse(3);
    m.addRow({{0, 0.9}});              // 0: only group 0, forbidden
    m.addRow({});                      // 1: nothing feasible
    m.addRow({{1, 0.1}});              // 2: below the minimum
    m.addRow({{2, 0.8}});              // 3: group 2 full with a pin
    m.addRow({{2, 0.5}, {0, 0.2}});    // 4: pinned to 2
    MatchRules<double> rules;
    rules.forbidden = {{0, 0}};
    rules.minScore = 0.15;
    rules.pins = {{4, 2}};
    MatchExplainer<double> ex(m, rules);
    ASSERT_TRUE(ex.best().ok());
    auto un = ex.unplaceable();
    ASSERT_EQ(un.size(), 4u);
    EXPECT_EQ(un[0].household, 0);
    EXPECT_EQ(un[0].reason, UnplaceableReason::AllForbidden);
    EXPECT_EQ(un[1].reason, UnplaceableReason::NoFeasibleGroup);
    EXPECT_EQ(un[2].reason, UnplaceableReason::AllBelowMinScore);
    EXPECT_EQ(un[3].reason, UnplaceableReason::AllGroupsFull);
    EXPECT_EQ(ex.whyNot(0, 0).block, PairBlock::Forbidden);
    EXPECT_EQ(ex.whyNot(1, 0).block, PairBlock::NotFeasible);
    EXPECT_EQ(ex.whyNot(2, 1).block, PairBlock::BelowMinScore);
    EXPECT_EQ(ex.whyNot(3, 2).block, PairBlock::GroupFull);
    EXPECT_EQ(ex.whyNot(3, 2).groupHolds, (std::vector<int>{4}));
    EXPECT_EQ(ex.whyNot(4, 0).block, PairBlock::HouseholdFixed);
    EXPECT_TRUE(ex.whyNot(4, 2).chosen);
    EXPECT_TRUE(ex.options(4, 3).empty());
}

// The dual-based loss must equal re-solving with the pair pinned, for every
// open pair of every free household.
TEST(Explain, LossEqualsResolveWithPin) {
    test::Rng rng(31);
    int checked = 0;
    for (int it = 0; it < 1500; ++it) {
        auto in = test::randomInstance<std::int64_t>(rng, 7, 5);
        SCOPED_TRACE("instance " + std::to_string(it));
        MatchExplainer<std::int64_t> ex(in.matrix, in.rules);
        auto plain = solveBestTotal(in.matrix, in.rules);
        ASSERT_EQ(ex.best().status, plain.status);
        if (!plain.ok()) continue;
        ASSERT_EQ(ex.best().total, plain.total);
        for (int h = 0; h < in.matrix.households(); ++h) {
            for (const GroupOption<std::int64_t>& o : ex.options(h, in.matrix.groups())) {
                auto forced = ex.whatIf({h, o.group});
                ASSERT_EQ(forced.status, SolveStatus::Optimal);
                ASSERT_EQ(o.loss, plain.total - forced.total) << "pair " << h << "," << o.group;
                ASSERT_EQ(ex.whyNot(h, o.group).loss, o.loss);
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 1000);
}

TEST(Explain, LossWithDoubleScores) {
    test::Rng rng(32);
    for (int it = 0; it < 300; ++it) {
        auto in = test::randomInstance<double>(rng, 6, 5);
        MatchExplainer<double> ex(in.matrix, in.rules);
        if (!ex.best().ok()) continue;
        for (int h = 0; h < in.matrix.households(); ++h)
            for (const GroupOption<double>& o : ex.options(h, 2))
                ASSERT_NEAR(o.loss, ex.best().total - ex.whatIf({h, o.group}).total, 1e-9);
    }
}

}  // namespace
}  // namespace welkom
