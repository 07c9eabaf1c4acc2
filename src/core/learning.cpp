// Index:
//   [SECTION] Data
//   [SECTION] Small dense linear algebra (Cholesky)
//   [SECTION] Fit (penalised IRLS)
//   [SECTION] Weights proposal
//   [SECTION] Back-test
#include "core/learning.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/best_total.h"

namespace welkom {

// [SECTION] Data ----------------------------------------------------------------------------

std::optional<LearningSample> learningSample(const std::vector<CriterionScore>& scores, const MatchOutcome& outcome,
                                             const SuccessDefinition& def) {
    const Label l = successLabel(outcome, def);
    if (l == Label::Unknown) return std::nullopt;
    LearningSample s;
    s.success = l == Label::Success;
    for (const CriterionScore& cs : scores) {
        Criterion c;
        if (!parseCriterion(cs.criterion, c) || !(cs.score >= 0.0 && cs.score <= 1.0)) continue;
        s.score[static_cast<std::size_t>(c)] = cs.score;
        s.present[static_cast<std::size_t>(c)] = true;
    }
    return s;
}

std::vector<LearningSample> learningSamples(const Roster& roster, const SuccessDefinition& def) {
    const std::vector<MatchOutcome> outcomes = matchOutcomes(roster);
    std::vector<LearningSample> out;
    for (std::size_t i = 0; i < roster.matches.size(); ++i) {
        if (auto s = learningSample(roster.matches[i].scores, outcomes[i], def)) out.push_back(*s);
    }
    return out;
}

// [SECTION] Small dense linear algebra (Cholesky) ---------------------------------------------

namespace {

using Matrix = std::vector<std::vector<double>>;

// In place: a = L L' (lower triangle). False when not positive definite.
bool cholesky(Matrix& a) {
    const std::size_t n = a.size();
    for (std::size_t j = 0; j < n; ++j) {
        double d = a[j][j];
        for (std::size_t k = 0; k < j; ++k) d -= a[j][k] * a[j][k];
        if (!(d > 0.0)) return false;
        a[j][j] = std::sqrt(d);
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = a[i][j];
            for (std::size_t k = 0; k < j; ++k) s -= a[i][k] * a[j][k];
            a[i][j] = s / a[j][j];
        }
    }
    return true;
}

std::vector<double> choleskySolve(const Matrix& l, std::vector<double> b) {
    const std::size_t n = l.size();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < i; ++k) b[i] -= l[i][k] * b[k];
        b[i] /= l[i][i];
    }
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t k = i + 1; k < n; ++k) b[i] -= l[k][i] * b[k];
        b[i] /= l[i][i];
    }
    return b;
}

double logOnePlusExp(double x) { return x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
double sigmoid(double x) {
    if (x >= 0.0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

}  // namespace

// [SECTION] Fit (penalised IRLS) ---------------------------------------------------------------

LogisticFit fitSuccessModel(const std::vector<LearningSample>& samples, const LogisticOptions& options) {
    LogisticFit fit;
    fit.lambda = options.lambda;
    fit.samples = static_cast<int>(samples.size());
    fit.coefficients.resize(kCriterionCount);
    std::vector<std::size_t> used;  // criterion index per model column after the intercept
    for (int c = 0; c < kCriterionCount; ++c) {
        Coefficient& co = fit.coefficients[static_cast<std::size_t>(c)];
        co.criterion = static_cast<Criterion>(c);
        double sum = 0.0;
        for (const LearningSample& s : samples) {
            if (!s.present[static_cast<std::size_t>(c)]) continue;
            ++co.present;
            sum += s.score[static_cast<std::size_t>(c)];
        }
        if (co.present > 0) co.mean = sum / co.present;
        co.estimated = co.present >= kMinPresent;
        if (co.estimated) used.push_back(static_cast<std::size_t>(c));
    }
    for (const LearningSample& s : samples) fit.successes += s.success ? 1 : 0;
    if (samples.empty()) return fit;

    const std::size_t p = used.size() + 1;
    const std::size_t n = samples.size();
    // Design matrix, centred (absent -> 0, i.e. at the mean).
    std::vector<double> x(n * p, 0.0);
    std::vector<double> y(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        x[i * p] = 1.0;
        for (std::size_t j = 0; j < used.size(); ++j) {
            const std::size_t c = used[j];
            if (samples[i].present[c]) x[i * p + j + 1] = samples[i].score[c] - fit.coefficients[c].mean;
        }
        y[i] = samples[i].success ? 1.0 : 0.0;
    }
    const double lambda = std::max(0.0, options.lambda);
    auto objective = [&](const std::vector<double>& b) {
        double ll = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double eta = 0.0;
            for (std::size_t j = 0; j < p; ++j) eta += x[i * p + j] * b[j];
            ll += y[i] * eta - logOnePlusExp(eta);
        }
        double pen = 0.0;
        for (std::size_t j = 1; j < p; ++j) pen += b[j] * b[j];
        return ll - 0.5 * lambda * pen;
    };

    std::vector<double> beta(p, 0.0);
    const double rate = (fit.successes + 0.5) / (static_cast<double>(n) + 1.0);
    beta[0] = std::log(rate / (1.0 - rate));
    double current = objective(beta);
    Matrix h(p, std::vector<double>(p, 0.0));
    auto hessianAndGradient = [&](std::vector<double>& g) {
        for (auto& row : h) std::fill(row.begin(), row.end(), 0.0);
        std::fill(g.begin(), g.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            double eta = 0.0;
            for (std::size_t j = 0; j < p; ++j) eta += x[i * p + j] * beta[j];
            const double mu = sigmoid(eta);
            const double w = mu * (1.0 - mu);
            for (std::size_t j = 0; j < p; ++j) {
                g[j] += x[i * p + j] * (y[i] - mu);
                for (std::size_t k = 0; k <= j; ++k) h[j][k] += w * x[i * p + j] * x[i * p + k];
            }
        }
        for (std::size_t j = 1; j < p; ++j) {
            h[j][j] += lambda;
            g[j] -= lambda * beta[j];
        }
        // A tiny ridge on the intercept keeps all-one-class data solvable.
        h[0][0] += 1e-9;
        for (std::size_t j = 0; j < p; ++j) {
            for (std::size_t k = j + 1; k < p; ++k) h[j][k] = h[k][j];
        }
    };
    std::vector<double> g(p, 0.0);
    for (fit.iterations = 0; fit.iterations < options.maxIterations; ++fit.iterations) {
        hessianAndGradient(g);
        Matrix l = h;
        if (!cholesky(l)) break;
        const std::vector<double> step = choleskySolve(l, g);
        double t = 1.0, next = current;
        std::vector<double> trial(p);
        for (int halving = 0; halving < 30; ++halving, t *= 0.5) {
            for (std::size_t j = 0; j < p; ++j) trial[j] = beta[j] + t * step[j];
            next = objective(trial);
            if (next >= current - 1e-12) break;
        }
        double largest = 0.0;
        for (std::size_t j = 0; j < p; ++j) largest = std::max(largest, std::fabs(trial[j] - beta[j]));
        beta = trial;
        current = next;
        if (largest < options.tolerance) {
            fit.converged = true;
            ++fit.iterations;
            break;
        }
    }
    // Covariance: the inverse penalised Hessian at the optimum (see the header).
    hessianAndGradient(g);
    Matrix l = h;
    fit.intercept = beta[0];
    fit.logLikelihood = current + 0.5 * lambda * [&] {
        double pen = 0.0;
        for (std::size_t j = 1; j < p; ++j) pen += beta[j] * beta[j];
        return pen;
    }();
    if (!cholesky(l)) {
        fit.converged = false;
        return fit;
    }
    for (std::size_t j = 0; j < p; ++j) {
        std::vector<double> e(p, 0.0);
        e[j] = 1.0;
        const double variance = choleskySolve(l, e)[j];
        const double se = std::sqrt(std::max(0.0, variance));
        if (j == 0) {
            fit.interceptStandardError = se;
            continue;
        }
        Coefficient& co = fit.coefficients[used[j - 1]];
        co.estimate = beta[j];
        co.standardError = se;
        co.low = beta[j] - options.z * se;
        co.high = beta[j] + options.z * se;
    }
    return fit;
}

double predictSuccess(const LogisticFit& fit, const std::array<double, kCriterionCount>& score,
                      const std::array<bool, kCriterionCount>& present) {
    double eta = fit.intercept;
    for (std::size_t c = 0; c < fit.coefficients.size() && c < score.size(); ++c) {
        const Coefficient& co = fit.coefficients[c];
        if (co.estimated && present[c]) eta += co.estimate * (score[c] - co.mean);
    }
    return sigmoid(eta);
}

// [SECTION] Weights proposal ------------------------------------------------------------------

WeightProposal proposeWeights(const LogisticFit& fit, const CriterionWeights& current,
                              const ProposalRules& rules) {
    WeightProposal out;
    auto refuse = [&](const char* code, std::vector<Arg> args = {}) { out.refusals.push_back(message(code, std::move(args))); };
    const int failures = fit.samples - fit.successes;
    if (fit.samples < rules.minSamples) {
        refuse("learn.too_few", {Arg::integerOf(fit.samples), Arg::integerOf(rules.minSamples)});
    }
    if (fit.successes < rules.minPerClass || failures < rules.minPerClass) {
        refuse("learn.one_class",
               {Arg::integerOf(fit.successes), Arg::integerOf(failures), Arg::integerOf(rules.minPerClass)});
    }
    if (fit.samples > 0 && !fit.converged) {
        refuse("learn.not_converged");
    }
    std::vector<bool> usable(kCriterionCount, false);
    int usableCount = 0;
    double positiveSum = 0.0, currentSum = 0.0;
    for (int c = 0; c < kCriterionCount; ++c) {
        const Coefficient& co = fit.coefficients.size() == static_cast<std::size_t>(kCriterionCount)
                                    ? fit.coefficients[static_cast<std::size_t>(c)]
                                    : Coefficient{};
        if (!co.estimated || !(co.width() <= rules.maxCiWidth)) continue;
        if (fit.lambda * co.standardError * co.standardError > rules.maxPriorShare) continue;
        usable[static_cast<std::size_t>(c)] = true;
        ++usableCount;
        positiveSum += std::max(co.estimate, 0.0);
        currentSum += current[static_cast<Criterion>(c)];
    }
    if (usableCount < rules.minUsable) {
        char width[32];
        std::snprintf(width, sizeof width, "%.1f", rules.maxCiWidth);
        refuse("learn.too_wide", {Arg::integerOf(usableCount), Arg::textOf(width), Arg::integerOf(rules.minUsable)});
    } else if (!(positiveSum > 0.0)) {
        refuse("learn.no_positive");
    }
    if (!out.refusals.empty()) return out;
    out.proposed = true;
    out.changed = usable;
    if (!(currentSum > 0.0)) currentSum = usableCount;
    for (int c = 0; c < kCriterionCount; ++c) {
        const Criterion cr = static_cast<Criterion>(c);
        double w = current[cr];
        if (usable[static_cast<std::size_t>(c)]) {
            w = std::max(fit.coefficients[static_cast<std::size_t>(c)].estimate, 0.0) / positiveSum * currentSum;
            w = std::round(w * 1000.0) / 1000.0;  // three decimals: what a person can read and type
        }
        out.weights[cr] = w;
    }
    return out;
}

// [SECTION] Back-test --------------------------------------------------------------------------

BackTest backTest(const Roster& roster, const CriterionWeights& current, const CriterionWeights& proposed,
                  const LogisticFit& fit) {
    BackTest out;
    // The latest past match with stored scores per household.
    std::unordered_map<std::string_view, const Match*> past;
    for (const Match& m : roster.matches) {
        if (!m.scores.empty()) past[m.householdId] = &m;
    }
    Roster replay;
    replay.settings = roster.settings;
    replay.groups = roster.groups;
    for (WelcomeGroup& g : replay.groups) {
        g.consent.toMatching = true;
        g.capacity = std::max(g.capacity, 1);
    }
    for (const Household& h : roster.households) {
        if (past.count(h.id) == 0) continue;
        replay.households.push_back(h);
        replay.households.back().consent.toMatching = true;
    }
    for (const Constraint& c : roster.constraints) {
        if (c.kind == ConstraintKind::Forbid) replay.constraints.push_back(c);
    }
    out.households = static_cast<int>(replay.households.size());
    if (replay.households.empty()) return out;

    auto solve = [&](const CriterionWeights& weights, std::vector<std::string>& groupOf,
                     std::vector<double>& success, double& meanScore) {
        const Scorer scorer(replay, weights);
        const MatchingProblem p = buildMatchingProblem(scorer);
        const Matching<double> m = solveBestTotal(p.matrix, p.rules);
        groupOf.assign(replay.households.size(), "");
        success.assign(replay.households.size(), 0.0);
        if (m.status != SolveStatus::Optimal) return;
        double total = 0.0;
        int matched = 0;
        for (int h = 0; h < p.households(); ++h) {
            const int g = m.groupOf[static_cast<std::size_t>(h)];
            if (g == kUnmatched) continue;
            const std::size_t hi = p.householdAt[static_cast<std::size_t>(h)];
            const std::size_t gi = p.groupAt[static_cast<std::size_t>(g)];
            const PairScore ps = scorer.score(hi, gi);
            groupOf[hi] = replay.groups[gi].id;
            success[hi] = predictSuccess(fit, ps.scores, ps.applicable);
            total += ps.total;
            ++matched;
        }
        meanScore = matched > 0 ? total / matched : 0.0;
    };
    std::vector<std::string> before, after;
    std::vector<double> pBefore, pAfter;
    solve(current, before, pBefore, out.meanScoreBefore);
    solve(proposed, after, pAfter, out.meanScoreAfter);

    const Scorer scorer(replay, current);
    std::unordered_map<std::string_view, std::size_t> groupIndex;
    for (std::size_t g = 0; g < replay.groups.size(); ++g) groupIndex[replay.groups[g].id] = g;
    double sumActual = 0.0, sumBefore = 0.0, sumAfter = 0.0;
    int nActual = 0, nBefore = 0, nAfter = 0;
    for (std::size_t h = 0; h < replay.households.size(); ++h) {
        const Match* m = past[replay.households[h].id];
        const auto gi = groupIndex.find(m->groupId);
        if (gi != groupIndex.end()) {
            const PairScore ps = scorer.score(h, gi->second);
            sumActual += predictSuccess(fit, ps.scores, ps.applicable);
            ++nActual;
        }
        if (before[h] == m->groupId) ++out.sameAsActual;
        if (!before[h].empty()) {
            sumBefore += pBefore[h];
            ++nBefore;
        }
        if (!after[h].empty()) {
            sumAfter += pAfter[h];
            ++nAfter;
        }
        if (before[h] != after[h]) {
            ++out.changed;
            out.changes.push_back({replay.households[h].id, m->groupId, before[h], after[h], pBefore[h], pAfter[h]});
        }
    }
    out.meanSuccessActual = nActual > 0 ? sumActual / nActual : 0.0;
    out.meanSuccessBefore = nBefore > 0 ? sumBefore / nBefore : 0.0;
    out.meanSuccessAfter = nAfter > 0 ? sumAfter / nAfter : 0.0;
    std::sort(out.changes.begin(), out.changes.end(),
              [](const BackTestChange& a, const BackTestChange& b) { return idLess(a.householdId, b.householdId); });
    return out;
}

}  // namespace welkom
