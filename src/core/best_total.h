// Best total: the matching with the largest sum of scores, the default
// proposal shown to coordinators.
//
// Usage:
//   MatchRules<double> rules;
//   rules.capacity = {1, 2};            // group 1 can take two households
//   rules.pins = {{0, 1}};              // agreed with the coordinator
//   rules.locked = {{4, 0}};            // active match from the last round
//   rules.forbidden = {{2, 0}};
//   rules.minScore = 0.25;
//   Matching<double> m = solveBestTotal(matrix, rules);  // this thread's workspace
//   SolverWorkspace ws;                 // or one kept by the caller
//   m = solveBestTotal(matrix, rules, ws);
//   if (m.status == SolveStatus::Infeasible) showConflicts(m.conflicts);
//
// Problem: maximum-weight b-matching, not necessarily perfect: each household
// takes at most one group, group g at most capacity[g] households, only open
// pairs (see assignment_problem.h), pins and locked matches always included.
// Pairs with a negative score are never worth taking; a pair scoring exactly 0
// may or may not be taken (the total is the same).
//
// Method: pins and locked matches are placed first (consuming capacity; any
// contradiction is reported as Infeasible with every conflicting pair, never
// dropped). The rest is split into connected components (municipalities in
// the national case) and each is solved exactly as a min-cost assignment with
// a private zero-cost "unmatched" option per household, by the Jonker-Volgenant
// shortest augmenting path kernel (lap_kernel.h: Jonker & Volgenant, Computing
// 38, 1987; dense arrays for dense components, a LAPJVsp-like heap search for
// sparse ones). A dense matrix the rules do not cut into (no pins, locked,
// forbidden pairs or minimum score that removes a pair) is solved from the
// caller's scores in place. Complexity per component O(R^2 C) dense, O(R (A + C) log C)
// sparse; plus O(A) to set up. Exact for int64_t; for double the only rounding
// is in sums of scores (results agree with brute force to ~1e-12 per pair).
#pragma once

#include <cstddef>
#include <memory>

#include "core/assignment_problem.h"

namespace welkom {

// Memory the solver keeps between calls: pass the same workspace to every
// solveBestTotal call (the app re-solves with other weights) and repeated
// solves allocate nothing of the problem's size. Not thread-safe: one
// workspace per thread. What it keeps: the kernel's O(rows + cols) arrays
// (lap_kernel.h) and, when the cost matrix has to be built (rules that cut
// into a dense matrix, or dense components of a sparse one: the app's case),
// that matrix, R x C of the largest such block seen (200 MB at 5,000 x 5,000
// int64). A dense matrix the rules leave whole is read in place, not copied.
// Per call, whatever the workspace: O(households + groups) for the rules'
// bookkeeping and the answer. solveFair (fair_matching.h) and MatchExplainer
// (match_explain.h) solve in a workspace too, with buffers of their own cost
// types (integer counts, (count, score) pairs), so fair mode's repeated
// kernel runs reuse one cost matrix instead of allocating one each.
class SolverWorkspace {
public:
    SolverWorkspace();
    ~SolverWorkspace();
    SolverWorkspace(SolverWorkspace&&) noexcept;
    SolverWorkspace& operator=(SolverWorkspace&&) noexcept;
    SolverWorkspace(const SolverWorkspace&) = delete;
    SolverWorkspace& operator=(const SolverWorkspace&) = delete;
    // Gives all kept memory back (the next solve allocates again).
    void release();
    // Bytes held (capacity of every buffer). A solve that allocated nothing
    // in the workspace leaves it unchanged (tests).
    std::size_t keptBytes() const;
    // The workspace solveBestTotal(matrix, rules) uses on this thread; release()
    // it to hand the memory back after a large solve.
    static SolverWorkspace& forThisThread();

    struct Parts;  // best_total.cpp
    Parts& parts() { return *m_parts; }

private:
    std::unique_ptr<Parts> m_parts;
};

// Preconditions: none (malformed input gives InvalidInput / Overflow).
// Returns Optimal with groupOf for every household, or Infeasible with
// `conflicts` (groupOf empty). Uses SolverWorkspace::forThisThread().
template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);
// The same, with memory kept in `workspace` (same answer).
template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules, SolverWorkspace& workspace);

extern template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&);
extern template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);
extern template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&, SolverWorkspace&);
extern template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&,
                                                      SolverWorkspace&);

}  // namespace welkom
