#include "core/best_total.h"

#include "core/open_problem.h"

namespace welkom {

SolverWorkspace::SolverWorkspace() : m_parts(std::make_unique<Parts>()) {}
SolverWorkspace::~SolverWorkspace() = default;
SolverWorkspace::SolverWorkspace(SolverWorkspace&&) noexcept = default;
SolverWorkspace& SolverWorkspace::operator=(SolverWorkspace&&) noexcept = default;
void SolverWorkspace::release() { *m_parts = Parts{}; }

namespace {
template <typename T>
std::size_t scratchBytes(const detail::OpenScratch<T>& sc) {
    std::size_t bytes = sc.lap.capacityBytes() + (sc.cost.capacity() + sc.arcCost.capacity()) * sizeof(T);
    for (const auto* v : {&sc.capacity, &sc.rowStart, &sc.arcCol, &sc.rows, &sc.cols, &sc.rowOf, &sc.localCol, &sc.comp,
                          &sc.parent, &sc.order})
        bytes += v->capacity() * sizeof(int);
    return bytes;
}
}  // namespace

std::size_t SolverWorkspace::keptBytes() const {
    return scratchBytes(m_parts->real) + scratchBytes(m_parts->integer) + scratchBytes(m_parts->lexReal) +
           scratchBytes(m_parts->lexInteger);
}

SolverWorkspace& SolverWorkspace::forThisThread() {
    thread_local SolverWorkspace workspace;
    return workspace;
}

template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules, SolverWorkspace& workspace) {
    Matching<S> out;
    if (!detail::checkInput(matrix, rules, out)) return out;
    detail::OpenProblem<S> open(matrix, rules);
    if (!detail::checkFixed(open, out)) return out;
    auto sol = detail::solveOpen<S, S>(open, detail::NegatedScore{}, detail::KeepAll{}, /*generalDuals=*/false,
                                       workspace.parts().of<S>());
    detail::finishMatching(open, std::move(sol.groupOf), out);
    return out;
}

template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    return solveBestTotal(matrix, rules, SolverWorkspace::forThisThread());
}

template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&);
template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);
template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&, SolverWorkspace&);
template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&,
                                               SolverWorkspace&);

}  // namespace welkom
