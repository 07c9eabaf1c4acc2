// Fair: a proposal that first places as many households as possible, then
// makes the worst placed household's score as high as possible, and only then
// maximises the total. Useful when the best total would leave someone
// unmatched or with a poor match to gain a little elsewhere.
//
// Usage:
//   Matching<double> fair = solveFair(matrix, rules);
//   // fair.matched >= best.matched, *fair.worstScore >= worst of any matching
//   // with that many households, fair.total <= best.total
//
// Objective (lexicographic, pins and locked matches included):
//   1. number of matched households, 2. lowest matched score, 3. total score.
// Method:
//   1. K = maximum cardinality of the open part: the assignment kernel with
//      every open pair costing -1.
//   2. Bottleneck t*: binary search over the sorted distinct open scores for
//      the largest t whose pairs >= t still admit K households (same kernel).
//      With fixed pairs the reachable worst score is min(t*, worst fixed score).
//   3. Among pairs >= that threshold: most households first, then best total,
//      exactly, with lexicographic costs (-1, -score) instead of a big-M weight
//      (no precision loss with double scores).
//   Complexity: (log2(D) + 2) kernel runs, D = number of distinct scores.
//   Sources: bottleneck assignment by threshold search (Garfinkel, "An improved
//   algorithm for the bottleneck assignment problem", Oper. Res. 19, 1971;
//   Burkard, Dell'Amico & Martello, "Assignment Problems", 2009, ch. 6),
//   kernel as in best_total.h.
#pragma once

#include "core/assignment_problem.h"
#include "core/best_total.h"

namespace welkom {

// Same statuses and conflict reporting as solveBestTotal. Its kernel runs
// use `workspace`'s buffers (best_total.h SolverWorkspace), kept between
// calls; without one, this thread's.
template <typename S>
Matching<S> solveFair(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules, SolverWorkspace& workspace);
template <typename S>
Matching<S> solveFair(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);

extern template Matching<double> solveFair(const ScoreMatrix<double>&, const MatchRules<double>&, SolverWorkspace&);
extern template Matching<std::int64_t> solveFair(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&,
                                                 SolverWorkspace&);
extern template Matching<double> solveFair(const ScoreMatrix<double>&, const MatchRules<double>&);
extern template Matching<std::int64_t> solveFair(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);

}  // namespace welkom
