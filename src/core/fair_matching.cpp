#include "core/fair_matching.h"

#include <algorithm>

#include "core/open_problem.h"

namespace welkom {
namespace {

template <typename S>
int countMatched(const std::vector<int>& groupOf) {
    return static_cast<int>(std::count_if(groupOf.begin(), groupOf.end(), [](int g) { return g != kUnmatched; }));
}

// Households of the open part that can be matched at once using only pairs
// scoring >= threshold.
template <typename S>
int maxCardinality(const detail::OpenProblem<S>& open, const S* threshold, detail::OpenScratch<std::int64_t>& scratch) {
    auto sol = detail::solveOpen<S, std::int64_t>(
        open, [](S) { return std::int64_t{-1}; }, [threshold](S s) { return !threshold || !(s < *threshold); },
        /*generalDuals=*/false, scratch);
    return countMatched<S>(sol.groupOf);
}

}  // namespace

template <typename S>
Matching<S> solveFair(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules, SolverWorkspace& workspace) {
    Matching<S> out;
    // The (log2(D) + 2) kernel runs share the workspace's buffers.
    detail::OpenScratch<std::int64_t>& counts = workspace.parts().of<std::int64_t>();
    if (!detail::checkInput(matrix, rules, out)) return out;
    detail::OpenProblem<S> open(matrix, rules);
    if (!detail::checkFixed(open, out)) return out;

    // 1. Most households.
    const int K = maxCardinality(open, static_cast<const S*>(nullptr), counts);

    // 2. Highest bottleneck that still allows K: distinct open scores, binary search.
    std::optional<S> threshold;
    if (K > 0) {
        std::vector<S> scores;
        for (int h = 0; h < matrix.households(); ++h) open.forEachOpenPair(h, [&](int, S s) { scores.push_back(s); });
        std::sort(scores.begin(), scores.end());
        scores.erase(std::unique(scores.begin(), scores.end()), scores.end());
        std::size_t lo = 0, hi = scores.size() - 1;  // invariant: scores[lo] admits K
        while (lo < hi) {
            std::size_t mid = lo + (hi - lo + 1) / 2;
            if (maxCardinality(open, &scores[mid], counts) == K)
                lo = mid;
            else
                hi = mid - 1;
        }
        threshold = scores[lo];
    }
    // Fixed pairs are in every answer: a worst score below the bottleneck is
    // already set by them, so the free part only needs to stay above it.
    for (int h = 0; h < matrix.households(); ++h) {
        if (!open.isFixed(h) || !threshold) continue;
        S s = *matrix.score(h, open.fixedGroup(h));
        if (s < *threshold) threshold = s;
    }

    // 3. Most households, then best total, among pairs above the threshold.
    using L = detail::Lex<S>;
    auto sol = detail::solveOpen<S, L>(
        open, [](S s) { return L{-1, -s}; }, [&threshold](S s) { return !threshold || !(s < *threshold); },
        /*generalDuals=*/false, workspace.parts().of<L>());
    detail::finishMatching(open, std::move(sol.groupOf), out);
    return out;
}

template <typename S>
Matching<S> solveFair(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    return solveFair(matrix, rules, SolverWorkspace::forThisThread());
}

template Matching<double> solveFair(const ScoreMatrix<double>&, const MatchRules<double>&, SolverWorkspace&);
template Matching<std::int64_t> solveFair(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&,
                                          SolverWorkspace&);
template Matching<double> solveFair(const ScoreMatrix<double>&, const MatchRules<double>&);
template Matching<std::int64_t> solveFair(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);

}  // namespace welkom
