#include "core/learning.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/rng.h"

namespace welkom {
namespace {

// True log-odds per full score range, in Criterion order: interests, age,
// language, goals, family, availability, distance. Distinct gaps of 0.5+
// (a ranking to recover; family, present for half the matches and so the
// least precise, has the widest gap) and one negative (a sign to recover).
constexpr std::array<double, kCriterionCount> kTrue = {2.5, 0.5, 2.0, 1.5, 3.5, 1.0, -0.5};

std::vector<LearningSample> synthetic(std::uint64_t seed, int n) {
    Rng rng(seed);
    std::vector<LearningSample> out;
    for (int i = 0; i < n; ++i) {
        LearningSample s;
        double eta = 0.0;
        for (std::size_t c = 0; c < kCriterionCount; ++c) {
            // Family fit applies to about half the households, as in real rosters.
            s.present[c] = c != static_cast<std::size_t>(Criterion::Family) || rng.chance(0.5);
            s.score[c] = s.present[c] ? rng.unit() : 0.0;
            if (s.present[c]) eta += kTrue[c] * (s.score[c] - 0.5);
        }
        s.success = rng.chance(1.0 / (1.0 + std::exp(-eta)));
        out.push_back(s);
    }
    return out;
}

TEST(Learning, RecoversSignsRankingAndCoversTrueValues) {
    int covered = 0, total = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const LogisticFit fit = fitSuccessModel(synthetic(seed, 8000));
        ASSERT_TRUE(fit.converged) << seed;
        EXPECT_EQ(fit.samples, 8000);
        for (std::size_t c = 0; c < kCriterionCount; ++c) {
            const Coefficient& co = fit.coefficients[c];
            ASSERT_TRUE(co.estimated);
            EXPECT_EQ(co.estimate > 0, kTrue[c] > 0) << "seed " << seed << " criterion " << c;
            covered += co.low <= kTrue[c] && kTrue[c] <= co.high ? 1 : 0;
            ++total;
            EXPECT_GT(co.standardError, 0.0);
        }
        // The ranking of the proposed weights follows the true positive coefficients.
        const WeightProposal p = proposeWeights(fit, {});
        ASSERT_TRUE(p.proposed) << seed << (p.refusals.empty() ? "" : p.refusals[0].code);
        std::vector<std::size_t> byTruth(kCriterionCount), byProposal(kCriterionCount);
        for (std::size_t c = 0; c < kCriterionCount; ++c) byTruth[c] = byProposal[c] = c;
        std::sort(byTruth.begin(), byTruth.end(), [](std::size_t a, std::size_t b) { return kTrue[a] > kTrue[b]; });
        std::sort(byProposal.begin(), byProposal.end(),
                  [&](std::size_t a, std::size_t b) { return p.weights.values()[a] > p.weights.values()[b]; });
        EXPECT_EQ(byTruth, byProposal) << "seed " << seed;
        EXPECT_EQ(p.weights[Criterion::Distance], 0.0);
        // The sum of the (default 1.0) weights is kept.
        double sum = 0.0;
        for (double w : p.weights.values()) sum += w;
        EXPECT_NEAR(sum, 7.0, 0.01);
    }
    // 95% intervals: in most seeds and criteria (expected ~80 of 84).
    EXPECT_GE(covered, total * 85 / 100) << covered << " of " << total;
}

TEST(Learning, PenaltyShrinksEstimatesAndIntervals) {
    const std::vector<LearningSample> data = synthetic(99, 300);
    LogisticOptions strong;
    strong.lambda = 200.0;
    const LogisticFit weak = fitSuccessModel(data);
    const LogisticFit shrunk = fitSuccessModel(data, strong);
    for (std::size_t c = 0; c < kCriterionCount; ++c) {
        EXPECT_LT(std::fabs(shrunk.coefficients[c].estimate), std::fabs(weak.coefficients[c].estimate) + 1e-12);
        EXPECT_LT(shrunk.coefficients[c].standardError, weak.coefficients[c].standardError);
    }
}

TEST(Learning, RefusesWithTooLittleDataOrWideIntervals) {
    const LogisticFit few = fitSuccessModel(synthetic(5, 29));
    const WeightProposal p = proposeWeights(few, {});
    EXPECT_FALSE(p.proposed);
    ASSERT_FALSE(p.refusals.empty());
    EXPECT_EQ(p.refusals[0].code, "learn.too_few");
    EXPECT_TRUE(p.changed.empty());

    // Enough matches, but 32 cannot tell seven criteria apart: the intervals
    // are mostly the penalty's prior.
    const LogisticFit small = fitSuccessModel(synthetic(6, 32));
    const WeightProposal q = proposeWeights(small, {});
    EXPECT_FALSE(q.proposed);
    EXPECT_EQ(q.refusals.size(), 1u);
    EXPECT_TRUE(std::any_of(q.refusals.begin(), q.refusals.end(),
                            [](const Refusal& r) { return r.code == "learn.too_wide"; }));
    // Worded by the app: the numbers travel as arguments (usable, width limit, needed).
    ASSERT_EQ(q.refusals[0].args.size(), 3u);
    EXPECT_EQ(q.refusals[0].args[1], Arg::textOf("4.0"));
    EXPECT_EQ(q.refusals[0].args[2], Arg::integerOf(ProposalRules{}.minUsable));

    // A tiny lambda makes the prior irrelevant; then the width rule refuses.
    LogisticOptions flat;
    flat.lambda = 1e-6;
    const WeightProposal w = proposeWeights(fitSuccessModel(synthetic(6, 40), flat), {});
    EXPECT_FALSE(w.proposed);

    // All one class.
    std::vector<LearningSample> allGood = synthetic(7, 100);
    for (LearningSample& s : allGood) s.success = true;
    const WeightProposal r = proposeWeights(fitSuccessModel(allGood), {});
    EXPECT_FALSE(r.proposed);
    EXPECT_TRUE(std::any_of(r.refusals.begin(), r.refusals.end(),
                            [](const Refusal& x) { return x.code == "learn.one_class"; }));

    const LogisticFit none = fitSuccessModel({});
    EXPECT_EQ(none.samples, 0);
    EXPECT_FALSE(proposeWeights(none, {}).proposed);
}

TEST(Learning, RareCriteriaAreNotEstimatedAndKeepTheirWeight) {
    std::vector<LearningSample> data = synthetic(8, 3000);
    for (std::size_t i = 0; i < data.size(); ++i) {
        data[i].present[static_cast<std::size_t>(Criterion::Family)] = i < 3;
    }
    const LogisticFit fit = fitSuccessModel(data);
    EXPECT_FALSE(fit.coefficients[static_cast<std::size_t>(Criterion::Family)].estimated);
    CriterionWeights current;
    current[Criterion::Family] = 2.5;
    const WeightProposal p = proposeWeights(fit, current);
    ASSERT_TRUE(p.proposed);
    EXPECT_EQ(p.weights[Criterion::Family], 2.5);
    EXPECT_FALSE(p.changed[static_cast<std::size_t>(Criterion::Family)]);
    EXPECT_TRUE(p.changed[static_cast<std::size_t>(Criterion::Interests)]);
}

TEST(Learning, PredictionFollowsCoefficients) {
    const LogisticFit fit = fitSuccessModel(synthetic(3, 2000));
    std::array<double, kCriterionCount> lo{}, hi{};
    std::array<bool, kCriterionCount> all{};
    for (std::size_t c = 0; c < kCriterionCount; ++c) {
        all[c] = true;
        lo[c] = 0.2;
        hi[c] = 0.2;
    }
    hi[static_cast<std::size_t>(Criterion::Interests)] = 0.9;
    EXPECT_GT(predictSuccess(fit, hi, all), predictSuccess(fit, lo, all));
    const double p = predictSuccess(fit, lo, all);
    EXPECT_GT(p, 0.0);
    EXPECT_LT(p, 1.0);
}

}  // namespace
}  // namespace welkom
