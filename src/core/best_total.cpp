#include "core/best_total.h"

#include "core/open_problem.h"

namespace welkom {

struct SolverWorkspace::Parts {
    detail::OpenScratch<double> real;
    detail::OpenScratch<std::int64_t> integer;
    detail::OpenScratch<double>& of(double*) { return real; }
    detail::OpenScratch<std::int64_t>& of(std::int64_t*) { return integer; }
};

SolverWorkspace::SolverWorkspace() : m_parts(std::make_unique<Parts>()) {}
SolverWorkspace::~SolverWorkspace() = default;
SolverWorkspace::SolverWorkspace(SolverWorkspace&&) noexcept = default;
SolverWorkspace& SolverWorkspace::operator=(SolverWorkspace&&) noexcept = default;
void SolverWorkspace::release() { *m_parts = Parts{}; }

template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules, SolverWorkspace& workspace) {
    Matching<S> out;
    if (!detail::checkInput(matrix, rules, out)) return out;
    detail::OpenProblem<S> open(matrix, rules);
    if (!detail::checkFixed(open, out)) return out;
    auto sol = detail::solveOpen<S, S>(open, detail::NegatedScore{}, detail::KeepAll{}, /*generalDuals=*/false,
                                       workspace.parts().of(static_cast<S*>(nullptr)));
    detail::finishMatching(open, std::move(sol.groupOf), out);
    return out;
}

template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    SolverWorkspace workspace;
    return solveBestTotal(matrix, rules, workspace);
}

template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&);
template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);
template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&, SolverWorkspace&);
template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&,
                                               SolverWorkspace&);

}  // namespace welkom
