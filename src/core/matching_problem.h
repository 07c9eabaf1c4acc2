// The solvers' input for a roster: the score matrix of every household x
// group pair that passes the hard conditions, with the rules (capacity, pins,
// locked and forbidden pairs, minimum score), households and groups in id
// order. Built from a Scorer (scoring.h) row by row. Also the id ordering the
// matrix uses (idLess) and the reachability check validation runs
// (hardConditionUnreachableHouseholds).
//
// Usage:
//   MatchingProblem p = buildMatchingProblem(roster);     // solver input, ids sorted
//   Matching<double> m = solveBestTotal(p.matrix, p.rules);
//   for (int h = 0; h < p.households(); ++h)
//       if (m.groupOf[h] != kUnmatched) show(p.householdIds[h], p.groupIds[m.groupOf[h]]);
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assignment_problem.h"
#include "core/pair_report.h"
#include "core/roster.h"

namespace welkom {

class Scorer;  // scoring.h

struct FixedPairNote {
    PairRef pair;                        // matrix indices
    FixReason reason;                    // Pin or Locked
    std::vector<HardCondition> broken;   // hard conditions the pair breaks (it is kept anyway)
};

// The solvers' input for a roster. Households and groups are in id order
// (numbers inside ids compared as numbers: h2 < h10); the maps translate.
struct MatchingProblem {
    ScoreMatrix<double> matrix;  // sparse; only pairs passing the hard conditions (forbids aside),
                                 // plus pinned/locked pairs even when they break one (see fixedNotes)
    MatchRules<double> rules;    // capacity, pins (Constraint Pin), locked (matches Introduced/Active),
                                 // forbidden (Constraint Forbid, Declined matches), minScore
    std::vector<std::string> householdIds, groupIds;  // matrix index -> id
    std::vector<std::size_t> householdAt, groupAt;    // matrix index -> roster index
    std::vector<FixedPairNote> fixedNotes;            // fixed pairs that break a hard condition

    int households() const { return static_cast<int>(householdIds.size()); }
    int groups() const { return static_cast<int>(groupIds.size()); }
    // Matrix index of an id, or -1. O(log n).
    int householdIndex(std::string_view id) const;
    int groupIndex(std::string_view id) const;
};

// Pins and locked pairs always enter the matrix (a person decided them; the
// solver reports them as conflicts only for capacity, doubles or minScore);
// pending matches (Proposed, Accepted*) are not fixed: pin them to keep them.
// Households without consent get empty rows. Constraints naming unknown ids
// are skipped (validation reports them).
MatchingProblem buildMatchingProblem(const Roster& roster);
// `progress`, when given, hears the fraction of households scored now and then.
MatchingProblem buildMatchingProblem(const Scorer& scorer, const std::function<void(double)>& progress = {});

// Ordering used for ids: digit runs compare as numbers, then plain text.
bool idLess(std::string_view a, std::string_view b);

// Reachability for validation (ValidationOptions::reachability, the default):
// households with consent and no live match for which every group breaks a
// hard condition of the pair. Linear in the roster plus the pairs visited
// until a feasible group is found per household.
std::vector<std::size_t> hardConditionUnreachableHouseholds(const Roster& roster);

}  // namespace welkom
