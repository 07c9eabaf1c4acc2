// Learning criterion weights from outcomes: a penalised logistic regression
// of the coordinator's success definition (outcomes.h) on the criterion
// scores matches had when they were proposed, with intervals, a proposal for
// new weights that refuses when the evidence is thin, and a back-test of what
// the proposal would have changed.
//
// Usage:
//   std::vector<LearningSample> data = learningSamples(roster, def);
//   data.insert(data.end(), imported.begin(), imported.end());   // research_export.h
//   LogisticFit fit = fitSuccessModel(data);
//   WeightProposal p = proposeWeights(fit, roster.settings.weights);
//   if (!p.proposed) for (const Refusal& r : p.refusals) show(r);   // codes, worded by the app
//   else { BackTest bt = backTest(roster, roster.settings.weights, p.weights, fit); show(bt); }
//
// Model: P(success) = sigmoid(b0 + sum_c b_c (x_c - mean_c)), x_c the
// stored score of criterion c (0..1). A criterion not applicable to a match
// (no stored score) is set to its mean, i.e. contributes nothing: the same
// "drops out" rule as the scorer. Criteria present in fewer than
// kMinPresent samples are not estimated.
//
// Algorithm: Newton's method / IRLS (iteratively reweighted least squares)
// maximising the log-likelihood minus (lambda/2) sum_c b_c^2 (the intercept
// is not penalised); each step solves (X'WX + lambda P) d = gradient by
// Cholesky, with step halving if the objective does not improve. O(iterations
// * n * p^2), p <= 8: a few milliseconds for tens of thousands of matches.
// Reference: Hastie, Tibshirani & Friedman, "The Elements of Statistical
// Learning", 2nd ed., sections 4.4.1 (IRLS) and 3.4.1 (ridge penalty).
//
// Intervals (an approximation, and why): standard errors are the square roots
// of the diagonal of the inverse penalised Hessian (X'WX + lambda P)^-1 at the
// optimum, and intervals are estimate +- 1.96 se. This is the Laplace
// approximation of the posterior under a Gaussian prior N(0, 1/lambda) on
// each coefficient; it is not the frequentist sandwich covariance
// H^-1 X'WX H^-1, which is slightly narrower and centred on a biased
// estimate. With lambda small relative to n (the default 1 against tens of
// matches or more) the two nearly agree; with very few matches the intervals
// are honest about the prior pulling estimates towards 0. Matches were not
// assigned at random, so coefficients describe associations in past
// proposals, not causal effects: the back-test and a person decide.
//
// Weights proposal: criteria with a usable interval (width <= maxCiWidth,
// and mostly data rather than prior: lambda * se^2 <= maxPriorShare)
// get weights proportional to max(b_c, 0), scaled so their sum equals the sum
// of their current weights (the total score is a weighted mean, so only
// ratios matter, and keeping the sum keeps numbers familiar); other criteria
// keep their current weight. Refused (with every reason) when fewer than
// minSamples matches have a known outcome, either class has fewer than
// minPerClass, the fit did not converge, fewer than two criteria have a
// usable interval, or no usable coefficient is positive.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/outcomes.h"
#include "core/roster.h"
#include "core/scoring.h"

namespace welkom {

// [SECTION] Data ----------------------------------------------------------------------------

struct LearningSample {
    std::array<double, kCriterionCount> score{};    // 0..1, indexed by Criterion
    std::array<bool, kCriterionCount> present{};    // false: not applicable / not stored
    bool success = false;
};

// A sample from stored scores and an outcome; nullopt when the label is Unknown.
std::optional<LearningSample> learningSample(const std::vector<CriterionScore>& scores, const MatchOutcome& outcome,
                                             const SuccessDefinition& def);
// Every match of the roster with a known outcome.
std::vector<LearningSample> learningSamples(const Roster& roster, const SuccessDefinition& def);

// [SECTION] Fit -----------------------------------------------------------------------------

constexpr int kMinPresent = 5;

struct LogisticOptions {
    double lambda = 1.0;      // L2 penalty on the criterion coefficients (not the intercept)
    int maxIterations = 100;
    double tolerance = 1e-9;  // on the largest Newton step
    double z = 1.96;          // interval half-width in standard errors (95%)
};

struct Coefficient {
    Criterion criterion = Criterion::Interests;
    bool estimated = false;  // false: present in fewer than kMinPresent samples
    int present = 0;         // samples with a score for this criterion
    double mean = 0.0;       // centring value
    double estimate = 0.0;   // change in log-odds of success from score 0 to 1
    double standardError = 0.0;
    double low = 0.0, high = 0.0;
    double width() const { return high - low; }
};

struct LogisticFit {
    bool converged = false;
    int iterations = 0;
    int samples = 0;
    int successes = 0;
    double intercept = 0.0;  // log-odds at mean scores
    double interceptStandardError = 0.0;
    std::vector<Coefficient> coefficients;  // kCriterionCount, in Criterion order
    double logLikelihood = 0.0;
    double lambda = 0.0;
};

// Never fails: with no samples the fit is empty (samples = 0, not converged).
LogisticFit fitSuccessModel(const std::vector<LearningSample>& samples, const LogisticOptions& options = {});

// Model probability of success for a pair's criterion scores.
double predictSuccess(const LogisticFit& fit, const std::array<double, kCriterionCount>& score,
                      const std::array<bool, kCriterionCount>& present);

// [SECTION] Weights proposal ------------------------------------------------------------------

struct ProposalRules {
    int minSamples = 30;       // matches with a known outcome
    int minPerClass = 5;       // successes and failures each
    double maxCiWidth = 4.0;   // widest usable 95% interval, in log-odds per full score range
                               // (4: the odds ratio between score 0 and 1 known within a factor ~7 either way)
    double maxPriorShare = 0.5;  // largest usable lambda * variance: the share of the interval that is
                                 // the penalty's prior rather than data. Needed because the penalised
                                 // interval is never wider than the prior's (2 * 1.96 / sqrt(lambda)),
                                 // so width alone cannot tell "the data say little".
    int minUsable = 2;         // criteria with a usable interval
};

// Why no weights are proposed, as a code with numbers the app words:
//   learn.too_few        {0} matches with an outcome, {1} needed
//   learn.one_class      {0} successes, {1} other outcomes, {2} needed of each
//   learn.not_converged
//   learn.too_wide       {0} usable criteria, {1} the width limit (4.0), {2} needed
//   learn.no_positive
using Refusal = Message;

struct WeightProposal {
    bool proposed = false;
    std::vector<Refusal> refusals;          // every reason, when not proposed
    CriterionWeights weights;               // meaningful only when proposed
    std::vector<bool> changed;              // per Criterion: a usable coefficient set it
};

WeightProposal proposeWeights(const LogisticFit& fit, const CriterionWeights& current,
                              const ProposalRules& rules = {});

// [SECTION] Back-test --------------------------------------------------------------------------

// What proposing with `proposed` instead of `current` weights would have done
// for the households of past matches. Both are replayed on today's profiles:
// the households of every match that has stored scores (any status) against
// every group, solved with best total (best_total.h), without the matches
// themselves as locks and with consent and capacity (at least 1) assumed as
// at proposal time; the coordinator's forbids still hold. The estimated
// effect is the model's mean predicted success of the pairs each replay
// proposes. Fitted on the same data, so optimistic: a direction, not a promise.
struct BackTestChange {
    std::string householdId;
    std::string actualGroupId;  // the group of its (latest) past match
    std::string groupBefore;    // replay with current weights ("" unmatched)
    std::string groupAfter;     // replay with proposed weights
    double successBefore = 0.0, successAfter = 0.0;  // predicted (0 when unmatched)
};

struct BackTest {
    int households = 0;        // replayed
    int sameAsActual = 0;      // replay with current weights proposes the actual group
    int changed = 0;           // groupAfter != groupBefore
    double meanSuccessActual = 0.0;  // predicted, over households whose actual pair is scorable
    double meanSuccessBefore = 0.0;  // predicted, over matched households of each replay
    double meanSuccessAfter = 0.0;
    double meanScoreBefore = 0.0;    // mean total score of the replay's pairs under its own weights
    double meanScoreAfter = 0.0;
    std::vector<BackTestChange> changes;  // only the households whose group changed, in id order
};

BackTest backTest(const Roster& roster, const CriterionWeights& current, const CriterionWeights& proposed,
                  const LogisticFit& fit);

}  // namespace welkom
