// Stable: a matching no household and group would both rather leave for each
// other. Households propose (deferred acceptance), so among all stable
// matchings every household gets its best possible group.
//
// Usage:
//   StableMarket market = marketFromScores(matrix, rules);   // rankings by score
//   StableOutcome out = deferredAcceptance(market);
//   assert(blockingPairs(market, out.groupOf).empty());
//   // or in one step, with totals like the other solvers:
//   Matching<double> st = solveStable(matrix, rules);
//
// Algorithm: Gale & Shapley, "College admissions and the stability of
// marriage", Amer. Math. Monthly 69 (1962), many-to-one form: households
// propose down their ranking; a group holds its best `capacity` proposers so
// far and rejects the rest. Household-optimal and independent of proposal
// order (Roth & Sotomayor, "Two-Sided Matching", 1990, ch. 5).
// Complexity: O(total ranking length x log) (rank lookup by binary search).
// Fixed pairs (pins, locked matches) are placed first and are outside the
// market: fixed households never propose or block, and the slots they fill
// cannot be taken.
#pragma once

#include <vector>

#include "core/assignment_problem.h"

namespace welkom {

// Strict rankings, most preferred first. A pair is acceptable only when each
// side lists the other.
struct Preferences {
    std::vector<std::vector<int>> household;  // per household: groups
    std::vector<std::vector<int>> group;      // per group: households
};

struct StableMarket {
    Preferences prefs;
    std::vector<int> capacity;   // per group; empty means 1 each
    std::vector<PairRef> fixed;  // pins and locked matches, in place before the market runs
};

struct StableOutcome {
    SolveStatus status = SolveStatus::InvalidInput;
    std::vector<int> groupOf;            // per household: group or kUnmatched
    std::vector<FixConflict> conflicts;  // Infeasible: fixed pairs over capacity or doubled
    std::optional<Error> error;          // InvalidInput: rankings refer to missing indices or repeat
    long long proposals = 0;
};

// Rankings over open pairs (assignment_problem.h): by score, highest first,
// ties by lower index. Fixed pairs go to `fixed` (reason-agnostic). The
// caller should check the rules with solveStable's conflicts first; pairs
// that conflict are still listed here and make deferredAcceptance report Infeasible.
template <typename S>
StableMarket marketFromScores(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);

// Household-proposing deferred acceptance. Preconditions: none (bad input gives InvalidInput).
StableOutcome deferredAcceptance(const StableMarket& market);

// Every pair (h, g) that blocks `groupOf`: h is not fixed, h and g list each
// other, h ranks g above its current group (or is unmatched), and g has a free
// slot or holds a non-fixed household it ranks below h. Sorted by (h, g).
// Precondition: groupOf has one entry per household of the market.
std::vector<PairRef> blockingPairs(const StableMarket& market, const std::vector<int>& groupOf);

// Score-based stable matching with the same rules, statuses and conflict
// reporting as solveBestTotal; totals are filled in.
template <typename S>
Matching<S> solveStable(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);

extern template StableMarket marketFromScores(const ScoreMatrix<double>&, const MatchRules<double>&);
extern template StableMarket marketFromScores(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);
extern template Matching<double> solveStable(const ScoreMatrix<double>&, const MatchRules<double>&);
extern template Matching<std::int64_t> solveStable(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);

}  // namespace welkom
