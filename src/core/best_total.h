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
//   Matching<double> m = solveBestTotal(matrix, rules);
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
// sparse ones). Complexity per component O(R^2 C) dense, O(R (A + C) log C)
// sparse; plus O(A) to set up. Exact for int64_t; for double the only rounding
// is in sums of scores (results agree with brute force to ~1e-12 per pair).
#pragma once

#include "core/assignment_problem.h"

namespace welkom {

// Preconditions: none (malformed input gives InvalidInput / Overflow).
// Returns Optimal with groupOf for every household, or Infeasible with
// `conflicts` (groupOf empty).
template <typename S>
Matching<S> solveBestTotal(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);

extern template Matching<double> solveBestTotal(const ScoreMatrix<double>&, const MatchRules<double>&);
extern template Matching<std::int64_t> solveBestTotal(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);

}  // namespace welkom
