#include "core/best_total.h"

#include "core/open_problem.h"

namespace welkom {

template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    Matching<S> out;
    if (!detail::checkInput(matrix, rules, out)) return out;
    detail::OpenProblem<S> open(matrix, rules);
    if (!detail::checkFixed(open, out)) return out;
    auto sol = detail::solveOpen<S, S>(open, [](S s) { return -s; }, [](S) { return true; });
    detail::finishMatching(open, std::move(sol.groupOf), out);
    return out;
}

template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&);
template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);

}  // namespace welkom
